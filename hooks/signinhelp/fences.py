"""Split Markdown into prose and fenced code blocks: the one fence parser of the project.

Code is shown as typed, so whatever reads or rewrites a page's Markdown (the handbook's link and
heading rewriting, the tests' command checks) must know where code starts and stops.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# An opening fence: three or more backticks or tildes, indented inside a list item or admonition
# if need be; a backtick fence's info string holds no backtick.
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`\r\n]*)\r?\n?$")


@dataclass(frozen=True)
class Block:
    """A run of lines, each with its line ending: prose, or one fenced block with its fences.

    ``line`` is the 0-based index of the first line in the text given to ``blocks``.
    """

    lines: tuple[str, ...]
    line: int
    fence: str = ""  # the opening fence; empty for prose
    info: str = ""
    indent: int = 0

    @property
    def text(self) -> str:
        return "".join(self.lines)

    @property
    def body(self) -> list[str]:
        """A fenced block's content lines, without fences, endings or the fence's indent."""
        inner = self.lines[1:]
        if inner and _closes(inner[-1], self.fence):
            inner = inner[:-1]
        return [_dedent(line.rstrip("\r\n"), self.indent) for line in inner]


def blocks(markdown: str) -> Iterator[Block]:
    """Prose and fenced blocks in page order; an unclosed fence runs to the end, as it renders."""
    lines = markdown.splitlines(keepends=True)
    start = index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        yield Block(tuple(lines[start:index]), start)
        fence = opening["fence"]
        end = index + 1
        while end < len(lines) and not _closes(lines[end], fence):
            end += 1
        yield Block(
            tuple(lines[index : end + 1]),
            index,
            fence,
            opening["info"].strip(),
            len(opening["indent"]),
        )
        start = index = end + 1
    yield Block(tuple(lines[start:]), start)


def _closes(line: str, fence: str) -> bool:
    # A closing fence is the opening's character alone, at least as many times.
    stripped = line.strip()
    return len(stripped) >= len(fence) and set(stripped) == {fence[0]}


def _dedent(line: str, indent: int) -> str:
    # A fence inside a list item or admonition is indented; its content is indented alike.
    return line[min(indent, len(line) - len(line.lstrip(" "))) :]
