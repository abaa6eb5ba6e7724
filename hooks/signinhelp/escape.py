"""Make author data safe to drop into generated Markdown or HTML.

Front matter and data files are text, not markup: a `<script>` or a stray `*` in a symptom must
show up as typed, not run or turn the rest of a line italic.
"""

from __future__ import annotations

import re

from markupsafe import escape

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def md_text(value: str) -> str:
    """Escape text for inline Markdown: HTML entities first, then Markdown's own syntax."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(value)))


def html_text(value: str) -> str:
    """Escape text for HTML content or a quoted attribute."""
    return str(escape(value))
