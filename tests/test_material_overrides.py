"""The parts of Material's templates copied into overrides/ still match the installed Material.

A copied block or partial silently replaces Material's own: after an upgrade the site would keep
the old markup and miss the fixes. Each copy is compared with the installed template once our
own changes are taken out again; a difference means copying Material's new version and making
our change to it again.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from sitetools.paths import ROOT

OVERRIDES = ROOT / "overrides"


def material_templates() -> Path:
    """The installed Material's templates folder (found without importing the theme)."""
    spec = importlib.util.find_spec("material")
    assert spec and spec.submodule_search_locations, "mkdocs-material is not installed"
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


def block(template: str, name: str) -> str:
    """The text of ``{% block name %}`` up to its ``{% endblock %}`` (these blocks don't nest)."""
    match = re.search(rf"{{% block {name} %}}.*?{{% endblock %}}", template, re.DOTALL)
    assert match, f"no block {name}"
    return match.group(0)


def without_escaping(text: str) -> str:
    """main.html's blocks with its escaping of front-matter values taken out again."""
    return re.sub(r"\{\{ (?:attribute|text)\((.+?)\) \}\}", r"{{ \1 }}", text)


@pytest.mark.parametrize("name", ["site_meta", "htmltitle"])
def test_blocks_copied_into_main_html_match_materials_base_html(name: str) -> None:
    ours = without_escaping(block((OVERRIDES / "main.html").read_text(encoding="utf-8"), name))
    theirs = block((material_templates() / "base.html").read_text(encoding="utf-8"), name)
    assert ours == theirs, (
        f"overrides/main.html: block {name} no longer matches the installed Material's "
        f"base.html; copy Material's block again and escape the front-matter values in it"
    )


# Our changes to Material's partials/search.html, each as (what we added, what it replaced).
SEARCH_CHANGES = [
    (
        "{#- aria-label: a dialog needs a name for screen readers"
        " (Lighthouse's aria-dialog-name). #}\n",
        "",
    ),
    (""" role="dialog" aria-label="{{ lang.t('search') }}">""", ' role="dialog">'),
    ('        {% include "partials/search-gap.html" %}\n', ""),
    ('        {% include "partials/search-help.html" %}\n', ""),
]


def test_search_partial_is_materials_with_our_changes_only() -> None:
    ours = _body((OVERRIDES / "partials" / "search.html").read_text(encoding="utf-8"))
    for added, replaced in SEARCH_CHANGES:
        assert added in ours, f"overrides/partials/search.html: no longer holds {added!r}"
        ours = ours.replace(added, replaced, 1)
    theirs = _body((material_templates() / "partials" / "search.html").read_text("utf-8"))
    assert ours == theirs, (
        "overrides/partials/search.html no longer matches the installed Material's "
        "partials/search.html; copy Material's partial again and make our changes to it"
    )


def _body(template: str) -> str:
    # Both files open with a comment of their own (Material's says it is generated).
    return template.split("-#}\n", 1)[1]
