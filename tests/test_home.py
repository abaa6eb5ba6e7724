"""The home page serves a stressed reader: search first, the usual problems, then by user type."""

from __future__ import annotations

from signinhelp.topics.model import AUDIENCES
from signinhelp.topics.render import SHARED_GROUP


def test_home_starts_with_a_search_box(page) -> None:
    home = page("")
    form = home.select_one("form.home-search")
    assert form["role"] == "search" and form.select_one("input[name=q]")
    assert home.select_one("label[for=home-search-query]")


def test_home_links_the_most_common_problems(page, site) -> None:
    home = page("")
    heading = home.find(id="the-most-common-problems")
    links = heading.find_next("ul").select("a[href]")
    assert len(links) >= 5
    for a in links:
        assert (site / a["href"] / "index.html").is_file(), a["href"]


def test_home_groups_the_other_topics_by_who_you_are(page) -> None:
    home = page("")
    headings = [next(h.stripped_strings) for h in home.select("article h3")]
    kinds = [label for label in AUDIENCES.values() if label in headings]
    assert headings == [*kinds, SHARED_GROUP] and len(kinds) >= 3


def test_every_topic_is_on_the_home_page_once(page, topic_urls) -> None:
    """One click from home, and no wall of repeats: each topic is linked once in the article."""
    links = [
        a["href"]
        for a in page("").select("article a[href^='topics/']")
        if a["href"].count("/") == 2
    ]
    assert sorted(links) == sorted(topic_urls)
