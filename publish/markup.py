"""Edit start tags of built pages found by an HTML parser, not by a regex.

As Material's privacy plugin does: the parser finds the tag whatever its quoting, attribute
order or spacing (and never inside a script or a comment), the edit is made on its parsed
attributes, and only that tag is written anew; the rest of the page stays byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import accumulate

from publish.errors import PublishError

Attributes = tuple[tuple[str, str | None], ...]


@dataclass(frozen=True)
class StartTag:
    """One start tag of a page: its name, attributes in order, and where its text is."""

    name: str
    attrs: Attributes
    start: int
    end: int

    def has(self, name: str) -> bool:
        return any(key == name for key, _ in self.attrs)

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)

    def with_attr(self, name: str, value: str | None = None) -> str:
        """The tag's text with ``name`` set (added last if new); ``None`` is a bare attribute."""
        attrs = [(key, value if key == name else old) for key, old in self.attrs]
        if not self.has(name):
            attrs.append((name, value))
        return start_tag_text(self.name, attrs)


def start_tags(page: str, name: str) -> list[StartTag]:
    """Every ``<name ...>`` start tag of ``page``, in order."""
    finder = _Finder(page, name)
    finder.feed(page)
    finder.close()
    return finder.found


def replace_tags(page: str, edits: dict[StartTag, str]) -> str:
    """``page`` with each tag's text replaced by the text given for it."""
    out: list[str] = []
    done = 0
    for tag in sorted(edits, key=lambda tag: tag.start):
        out += [page[done : tag.start], edits[tag]]
        done = tag.end
    return "".join([*out, page[done:]])


def start_tag_text(name: str, attrs: list[tuple[str, str | None]]) -> str:
    """A start tag as MkDocs and Material write one: double quotes, bare boolean attributes."""
    parts = [name] + [key if value is None else f'{key}="{_escape(value)}"' for key, value in attrs]
    return f"<{' '.join(parts)}>"


def _escape(value: str) -> str:
    # The parser unescaped the value; a double-quoted value can't hold a bare "&" or '"'.
    return value.replace("&", "&amp;").replace('"', "&quot;")


class _Finder(HTMLParser):
    """Collects the start tags of one name with their place in the page."""

    def __init__(self, page: str, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.found: list[StartTag] = []
        # The parser tells a tag's line and column; these turn that into an offset.
        self._lines = list(accumulate((len(line) + 1 for line in page.split("\n")), initial=0))
        self._page = page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != self.name:
            return
        text = self.get_starttag_text() or ""
        line, column = self.getpos()
        start = self._lines[line - 1] + column
        # The parser's position and its text of the tag must agree, or the edit would land
        # elsewhere: a parser change shows here, not as a broken page.
        if self._page[start : start + len(text)] != text:
            raise PublishError(f"line {line}: the HTML parser misplaced a <{tag}> tag")
        self.found.append(StartTag(tag, tuple(attrs), start, start + len(text)))
