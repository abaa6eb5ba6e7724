"""Every topic page shows a reader what the schema promises: who it is for, what they see,
where the facts come from and when they were last checked."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup

from signinhelp.topics.model import AUDIENCES
from sitetools.paths import ROOT

TOPIC_FILES = sorted(p.stem for p in (ROOT / "docs" / "topics").glob("*.md"))
LABELS = {*AUDIENCES.values(), "Everyone"}


def article(page: Callable[[str], BeautifulSoup], slug: str) -> BeautifulSoup:
    return page(f"topics/{slug}/").select_one("article.md-content__inner")


def test_every_topic_file_has_a_page(topic_urls: list[str]) -> None:
    assert [f"topics/{slug}/" for slug in TOPIC_FILES] == topic_urls
    assert len(topic_urls) >= 22


@pytest.mark.parametrize("slug", TOPIC_FILES)
def test_topic_page_has_every_part(page, slug: str) -> None:
    body = article(page, slug)
    assert body.h1 and body.h1.get_text(strip=True), "title"
    tags = [t.get_text(strip=True) for t in body.select(".topic-audience__tag")]
    assert tags and set(tags) <= LABELS, tags
    # Collapsed, so the steps come first; a reader unsure of the page opens it.
    box = body.select_one("details.symptoms:not([open])")
    assert box.select_one("summary").get_text(strip=True) == "You might notice"
    assert len(box.select("li")) >= 3
    sources = body.find(id="sources").find_next("ul").select("a[href^='https://']")
    assert sources, "sources"
    reviewed = body.select_one(".topic-reviewed time")
    assert reviewed["datetime"] and reviewed.get_text(strip=True)


def test_topic_pages_have_meta_description(page) -> None:
    for slug in TOPIC_FILES:
        meta = page(f"topics/{slug}/").select_one('meta[name="description"]')
        assert meta and meta["content"] != "", slug
