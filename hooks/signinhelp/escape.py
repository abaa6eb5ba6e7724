"""Make author data safe to drop into generated Markdown or HTML.

Front matter and data files are text, not markup: a `<script>` or a stray `*` in a symptom must
show up as typed, not run or turn the rest of a line italic.
"""

from __future__ import annotations

import re

from markupsafe import escape

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


class Markdown(str):
    """Markdown the code has already rendered: templates insert it as it is, unescaped."""


def md_text(value: object) -> str:
    """Escape text for inline Markdown: HTML entities first, then Markdown's own syntax."""
    if isinstance(value, Markdown):
        return value
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(str(value))))


def html_text(value: object) -> str:
    """Escape text for HTML content or a quoted attribute."""
    return str(escape(str(value)))


def md_cell(value: object) -> str:
    """Escape text for one cell of a Markdown table: one line, and '|' would end the cell."""
    if isinstance(value, Markdown):
        return value
    return md_text(" ".join(str(value).split())).replace("|", "\\|")
