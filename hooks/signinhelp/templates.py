"""Render generated Markdown from small templates that escape every value by default.

A value reaches the output escaped for inline Markdown unless the code marks it as Markdown it
already rendered (``Markdown``); an undefined name is an error, not a blank. Filters escape for
other places: ``html`` for raw HTML, ``cell`` for a table cell, ``row`` for a table row, ``url``
for a checked URL.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from signinhelp.escape import Markdown, html_text, md_cell, md_text
from signinhelp.links import link
from signinhelp.sources import SYNTAX_CHARACTERS

TEMPLATES_DIR = Path(__file__).parent / "templates"


def render(name: str, **values: Any) -> Markdown:
    """One template of templates/, filled with ``values``; its output is rendered Markdown."""
    return Markdown(_environment().get_template(name).render(**values))


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
