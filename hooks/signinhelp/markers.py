"""Placeholders that pages use to ask a hook for generated content.

A marker is an HTML comment such as ``<!-- help:common-topics -->``. Each hook replaces the
markers it owns; whatever is left after all hooks ran is a typo, and the build says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

MARKER = re.compile(r"<!--\s*help:([a-z0-9-]+)\s*-->")


def marker(name: str) -> str:
    """The marker a page writes to ask for ``name``."""
    return f"<!-- help:{name} -->"


def replace_markers(markdown: str, renderers: Mapping[str, Callable[[], str]]) -> str:
    """Replace each marker named in ``renderers`` by what its renderer returns; keep the rest."""

    def substitute(match: re.Match[str]) -> str:
        render = renderers.get(match.group(1))
        return render() if render else match.group(0)

    return MARKER.sub(substitute, markdown)


def leftover_markers(markdown: str) -> list[str]:
    """Names of markers no hook replaced."""
    return MARKER.findall(markdown)


def marker_indent(markdown: str, name: str) -> str:
    """The spaces before ``name``'s marker where it starts its line, e.g. inside a numbered step.

    A block put in its place indents its later lines by as much, to stay in that list item.
    """
    for match in MARKER.finditer(markdown):
        before = markdown[markdown.rfind("\n", 0, match.start()) + 1 : match.start()]
        if match.group(1) == name and not before.strip(" \t"):
            return before
    return ""
