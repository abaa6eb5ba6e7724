"""Links to the topics an organization's edition leaves out: none may break the build.

Authors link to other topics in passing ("IAM users can't do this: see [I forgot my IAM user
password](forgot-iam-password.md)"). Each such link is a pointer for another kind of reader,
so in an edition without that reader the words stay and the link goes: the sentence still
reads, and nothing leads to a page that isn't there. The menu drops the entry, and a menu
section left empty.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from typing import Any

from signinhelp.fences import blocks

# `[text](target "title"){ attrs }`, not an image: the text may wrap onto the next line.
_INLINE_LINK = re.compile(
    r"(?<!!)\[(?P<text>[^\]]*)\]\(\s*(?P<target><[^>\n]*>|[^\s)]+)(?:\s+\"[^\"\n]*\")?\s*\)"
    r"(?:\{[^}\n]*\})?"
)


def unlink(markdown: str, src_uri: str, left_out: Collection[str]) -> str:
    """``markdown`` of the page ``src_uri``, with each link to a page in ``left_out`` as its text.

    Code blocks stay as typed.
    """
    if not left_out:
        return markdown

    def plain(match: re.Match[str]) -> str:
        target = match["target"].strip("<>")
        path = target.partition("#")[0]
        if not path or "://" in path or path.startswith("/"):
            return match[0]
        to_uri = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        return match["text"] if to_uri in left_out else match[0]

    return "".join(
        block.text if block.fence else _INLINE_LINK.sub(plain, block.text)
        for block in blocks(markdown)
    )


def without_pages(nav: list[Any] | None, left_out: Collection[str]) -> list[Any] | None:
    """The ``nav`` setting without the pages in ``left_out``, nor the sections they emptied."""
    if nav is None:
        return None
    kept: list[Any] = []
    for item in nav:
        title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(value, list):
            pages = without_pages(value, left_out)
            if pages:
                kept.append({title: pages})
        elif value not in left_out:
            kept.append(item)
    return kept
