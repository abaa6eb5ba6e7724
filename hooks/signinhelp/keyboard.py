"""Keyboard paths through a built page: where "Skip to content" lands, and what Tab skips.

Material points its skip link at the first entry of the table of contents. On a topic page
that is the first `##` heading, because the title is added by the theme without an id, so the
skip link jumped past the audience, the symptoms and the introduction. Here it points at the
page's `<h1>` instead, which takes focus (tabindex -1) so a screen reader reads on from there.

Every heading's ¶ permalink was a Tab stop of its own: a long topic had a dozen of them between
its steps. They keep their place for a mouse, a screen reader's list of links and a focus by
script, but Tab passes them by.

Tags are found with Python's HTML parser and only their start tags are rewritten, so the rest
of the page stays byte for byte what the theme made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown.extensions.toc import slugify, unique
from markupsafe import escape

PERMALINK_CLASS = "headerlink"
SKIP_CLASS = "md-skip"
CONTENT_CLASS = "md-content__inner"
# The only tags whose place or text the scan keeps; every other tag gives just its id.
KEPT_TAGS = frozenset({"a", "article", "h1"})
LINE_END = re.compile("\n")


@dataclass
class _Tag:
    """One start tag: where it is in the page, its name and attributes as parsed."""

    start: int
    end: int
    name: str
    attrs: dict[str, str | None]


@dataclass
class _Scan:
    """What the page holds that keyboard paths depend on."""

    skip: _Tag | None = None
    title: _Tag | None = None
    title_text: str = ""
    permalinks: list[_Tag] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _Scanner(HTMLParser):
    """Notes the few tags keyboard paths depend on. A page has thousands of tags (the whole nav
    and its icons) and a build parses every page: only the tags it keeps are measured."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        # Offsets of line starts: the parser reports (line, column), edits need offsets.
        self._lines = [0, *(match.end() for match in LINE_END.finditer(html))]
        self.scan = _Scan()
        self._in_content = False
        self._in_title = False

    def _tag(self, name: str, attrs: dict[str, str | None]) -> _Tag:
        line, column = self.getpos()
        start = self._lines[line - 1] + column
        text = self.get_starttag_text() or ""
        return _Tag(start, start + len(text), name, attrs)

    def handle_starttag(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.scan.ids.add(found["id"] or "")
        if name not in KEPT_TAGS:
            return
        classes = (found.get("class") or "").split()
        if name == "a" and SKIP_CLASS in classes and self.scan.skip is None:
            self.scan.skip = self._tag(name, found)
        elif name == "a" and PERMALINK_CLASS in classes:
            self.scan.permalinks.append(self._tag(name, found))
        elif name == "article" and CONTENT_CLASS in classes:
            self._in_content = True
        elif name == "h1" and self._in_content and self.scan.title is None:
            self.scan.title = self._tag(name, found)
            self._in_title = True

    def handle_endtag(self, name: str) -> None:
        if name == "h1":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        # The title's own text, without its permalink's "¶".
        if self._in_title:
            self.scan.title_text += data


def _start_tag(tag: _Tag, changes: dict[str, str]) -> str:
    attrs = {**tag.attrs, **changes}
    parts = [tag.name]
    for name, value in attrs.items():
        parts.append(name if value is None else f'{name}="{escape(value)}"')
    return "<" + " ".join(parts) + ">"


def keyboard_paths(html: str) -> str:
    """The page with its skip link aimed at its title and its permalinks out of the Tab order.

    A page without a skip link (the theme writes none when a page has no headings) or without
    a title keeps its skip link as it is.
    """
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    scan = scanner.scan
    edits: list[tuple[_Tag, dict[str, str]]] = []
    for permalink in scan.permalinks:
        edits.append((permalink, {"tabindex": "-1"}))
    if scan.skip is not None and scan.title is not None:
        title_id = scan.title.attrs.get("id")
        changes = {}
        if not title_id:
            # The id the title would have had, had its page written it as a `#` heading.
            title_id = unique(slugify(scan.title_text.rstrip("¶").strip(), "-"), scan.ids)
            changes["id"] = title_id
        edits.append((scan.title, {**changes, "tabindex": "-1"}))
        edits.append((scan.skip, {"href": f"#{title_id}"}))
    # From the end of the page back, so each edit leaves the offsets before it valid.
    for tag, changes in sorted(edits, key=lambda edit: edit[0].start, reverse=True):
        html = html[: tag.start] + _start_tag(tag, changes) + html[tag.end :]
    return html
