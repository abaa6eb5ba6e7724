"""Links between source files, written as an author would write them in Markdown."""

from __future__ import annotations

import posixpath


def link(from_uri: str, to_uri: str) -> str:
    """A relative link target from one source file to another, as an author would write it."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
