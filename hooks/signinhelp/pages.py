"""Every page's front matter, topic or not: readable YAML, no key twice, a title to print.

MkDocs drops front matter it can't read without a word: the page loses its title, its
description and its search boost. So the home page and the admin pages are checked too.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from signinhelp.fields import Fields
from signinhelp.problems import Problem, yaml_reason
from signinhelp.yamlfile import front_matter_text, load_yaml

MARKUP = re.compile(r"[<>&]")
FIELD = "front matter"


def read_front_matter(text: str, label: str) -> tuple[dict[str, Any], list[Problem]]:
    """The page's front matter ({} when it has none), or {} with the one problem that stops it."""
    block = front_matter_text(text)
    if block is None:
        return {}, []
    try:
        meta = load_yaml(block)
    except yaml.YAMLError as error:
        # Front matter starts on the file's second line, after its opening ---.
        reason = yaml_reason(error, first_line=2)
        return {}, [Problem(label, FIELD, f"is not valid YAML ({reason})")]
    if meta is None:
        return {}, []
    if not isinstance(meta, dict):
        return {}, [Problem(label, FIELD, "must be `field: value` lines")]
    return meta, []


def check_title(title: str, fields: Fields) -> None:
    """Report a title with markup in it."""
    # Material prints a title as HTML in the navigation of every page.
    if MARKUP.search(title):
        fields.bad("title", "may not contain <, > or &: write the words instead")


def page_problems(text: str, label: str) -> list[Problem]:
    """Problems with the front matter of a page that is not a topic."""
    meta, problems = read_front_matter(text, label)
    if problems:
        return problems
    fields = Fields(label)
    title = meta.get("title")
    check_title(title if isinstance(title, str) else "", fields)
    return fields.problems
