"""Front matter is data, not markup: whatever an author types shows up as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from signinhelp.links import link
from signinhelp.topics.render import audience_labels
from sitetools.build import build_site
from tests.support.sites import GOOD_TOPIC, make_site, make_topic

SCRIPT = "<script>alert('x')</script>"


def test_every_audience_reads_as_everyone() -> None:
    everyone = ("root", "iam", "identity-center", "federated", "builder-id", "new-experience")
    assert audience_labels(make_topic(audience=everyone)) == ["Everyone"]
    # Leaving out one kind of user is not everyone: the reader sees who it is for.
    assert audience_labels(make_topic(audience=everyone[:5])) == [
        "Root user",
        "IAM user",
        "IAM Identity Center user",
        "Federated identity",
        "AWS Builder ID",
    ]
    assert audience_labels(make_topic(audience=("iam", "root"))) == ["Root user", "IAM user"]


def test_links_are_relative_to_the_page() -> None:
    assert link("index.md", "topics/a.md") == "topics/a.md"
    assert link("topics/b.md", "topics/a.md") == "a.md"
    assert link("admin/faq.md", "topics/a.md") == "../topics/a.md"


@pytest.mark.site
def test_script_in_front_matter_comes_out_escaped(tmp_path: Path) -> None:
    page = GOOD_TOPIC.replace("symptoms: [one, two, three]", f'symptoms: [one, two, "{SCRIPT}"]')
    page = page.replace("reviewed:", f'errors: ["{SCRIPT} *bold*"]\nreviewed:')
    project = make_site(
        tmp_path,
        {"topics/a.md": page},
        ["topics.py", "markers.py"],
        "markdown_extensions: [admonition, pymdownx.details, md_in_html]\n",
    )
    site = tmp_path / "site"
    build_site(site, project / "mkdocs.yml")
    soup = BeautifulSoup((site / "topics/a/index.html").read_text(), "html.parser")
    assert soup.find("script", string="alert('x')") is None
    items = [li.get_text() for li in soup.select(".symptoms li")]
    assert SCRIPT in items
    quotes = [q.get_text() for q in soup.select(".aws-messages q.aws-error")]
    assert quotes == [f"{SCRIPT} *bold*"]
