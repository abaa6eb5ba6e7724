"""The home page serves a stressed reader: search first, the usual problems, then by user type."""

from __future__ import annotations

from signinhelp.topics.model import AUDIENCES
from signinhelp.topics.render import EVERYONE_GROUP


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


def test_home_groups_topics_by_who_you_are(page) -> None:
    home = page("")
    headings = [next(h.stripped_strings) for h in home.select("article h3")]
    assert headings == [*AUDIENCES.values(), EVERYONE_GROUP]


def test_every_topic_is_listed_under_who_you_are(page, topic_urls) -> None:
    heading = page("").find(id="find-your-problem-by-who-you-are")
    listed = {a["href"] for a in heading.find_all_next("a", href=True)}
    assert set(topic_urls) <= listed
