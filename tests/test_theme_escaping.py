"""What Material prints from front matter (title, description) is text, never markup.

Titles can't hold <, > or & (the site loader refuses them on every page: Material prints a title
as HTML in every page's navigation); quotes are fine. Descriptions can hold anything.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitetools.build import build_site
from sitetools.paths import ROOT
from tests.support.htmlvalidate import html_errors
from tests.support.sites import GOOD_TOPIC, make_site

# It builds a fixture project.
pytestmark = pytest.mark.site

SCRIPT = "<script>alert(1)</script>"
TITLE = "Quotes: \"double\" and 'single' words"
DESCRIPTION = f'Ends the attribute "> {SCRIPT} & more'
THEME = f"""\
theme:
  name: material
  custom_dir: {ROOT / "overrides"}
markdown_extensions: [admonition, attr_list, md_in_html]
"""


def test_quotes_and_markup_in_front_matter_stay_text(tmp_path: Path) -> None:
    # JSON is valid YAML, and quotes anything.
    topic = GOOD_TOPIC.replace("title: I forgot my password", f"title: {json.dumps(TITLE)}")
    topic = topic.replace("description: Reset it.", f"description: {json.dumps(DESCRIPTION)}")
    page = f"---\ntitle: 'Guide \"one\"'\ndescription: {json.dumps(DESCRIPTION)}\n---\n\n# Guide\n"
    project = make_site(
        tmp_path,
        {"topics/a.md": topic, "guide.md": page},
        ["topics.py", "search.py", "markers.py"],
        THEME,
    )
    site = tmp_path / "site"
    build_site(site, project / "mkdocs.yml")
    for url in ("topics/a/index.html", "guide/index.html"):
        soup = BeautifulSoup((site / url).read_text(encoding="utf-8"), "html.parser")
        assert soup.find("script", string="alert(1)") is None, url
        assert soup.find("meta", attrs={"name": "description"})["content"] == DESCRIPTION, url
    topic_head = BeautifulSoup((site / "topics/a/index.html").read_text(), "html.parser").head
    assert topic_head.title.get_text() == f"{TITLE} - fixture"
    assert html_errors(site) == ""
