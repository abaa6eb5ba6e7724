"""Render generated Markdown from small templates that escape every value by default.

A value reaches the output escaped for inline Markdown unless the code marks it as Markdown it
already rendered (``Markdown``); an undefined name is an error, not a blank. Filters escape for
other places: ``html`` for raw HTML, ``cell`` for a table cell, ``row`` for a table row, ``url``
for a checked URL, ``code`` for a code span. ``breaks_after`` and ``hostname_breaks`` split text
where a line may wrap, and ``joined`` puts the template's own separator (``<wbr>``) between the
escaped parts.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from signinhelp.escape import Markdown, html_text, md_cell, md_text
from signinhelp.links import link
from signinhelp.sources import SYNTAX_CHARACTERS

TEMPLATES_DIR = Path(__file__).parent / "templates"


# A dot between two letters or digits: inside a hostname, where a line may wrap.
_HOSTNAME_DOT = re.compile(r"(?<=\w\.)(?=\w)")


def render(name: str, **values: Any) -> Markdown:
    """One template of templates/, filled with ``values``; its output is rendered Markdown."""
    return Markdown(_environment().get_template(name).render(**values))


def render_macro(name: str, macro: str, *args: Any, **values: Any) -> Markdown:
    """One macro of a template of templates/ (a table cell, say), as rendered Markdown."""
    return Markdown(getattr(_environment().get_template(name).module, macro)(*args, **values))


@functools.cache
def _environment() -> Environment:
    # Built once per process: the templates are part of the code, like the modules here.
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        undefined=StrictUndefined,
        finalize=md_text,
        autoescape=False,  # Markdown, not HTML: md_text above escapes for both.
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # attr_list writes an id as {#id}: Jinja must not read that as the start of a comment.
        comment_start_string="{#!",
        comment_end_string="!#}",
    )
    env.filters["html"] = lambda value: Markdown(html_text(value))
    env.filters["cell"] = lambda value: Markdown(md_cell(value))
    env.filters["url"] = _url
    env.filters["row"] = _row
    env.filters["code"] = _code
    env.filters["breaks_after"] = _breaks_after
    env.filters["hostname_breaks"] = lambda text: _HOSTNAME_DOT.split(text)
    # The separator is the template's own markup; every part is data, escaped for a cell.
    env.filters["joined"] = lambda parts, separator: Markdown(
        separator.join(md_cell(part) for part in parts)
    )
    # Link targets between pages are paths the code works out, not author text.
    env.globals["link"] = lambda from_uri, to_uri: Markdown(link(from_uri, to_uri))
    return env


def _url(value: str) -> Markdown:
    # Source URLs are checked when the data is loaded; this keeps a template from taking
    # any other value as a link target.
    if SYNTAX_CHARACTERS.search(value):
        raise ValueError(f"not a checked URL: {value!r}")
    return Markdown(value)


def _row(cells: list[object]) -> Markdown:
    # One table row on one line; a cell the code rendered (a link, code) goes in as it is.
    return Markdown("| " + " | ".join(md_cell(cell) for cell in cells) + " |")


def _code(value: str) -> Markdown:
    # Markdown reads no escapes inside a code span: the text goes in as typed, so a backtick,
    # which would end the span, or a line break is refused.
    if "`" in value or "\n" in value:
        raise ValueError(f"not code span text: {value!r}")
    return Markdown(value)


def _breaks_after(text: str, characters: str) -> list[str]:
    # "a.b/c" -> ["a.", "b/", "c"]: a break may follow each of the characters.
    return re.split(f"(?<=[{re.escape(characters)}])", text)
