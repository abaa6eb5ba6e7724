"""The printable handbook: every topic on one page, in menu order, with links that still work.

Pure functions first (order, links, headings), then the built page, then a bad project.
"""

from __future__ import annotations

import copy
import json
import posixpath
import textwrap
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from signinhelp.handbook.book import (
    HANDBOOK_TITLE,
    UNLISTED_CHAPTER,
    Chapter,
    chapters,
    demote_headings,
    fit_topic,
    handbook_markdown,
    rewrite_links,
)
from signinhelp.topics.model import TopicIndex
from tests.support.sites import GOOD_TOPIC, failed_build_lines, make_site, make_topic

INDEX = TopicIndex(
    {s: make_topic(s, title=t) for s, t in [("a", "Alpha"), ("b", "Bravo"), ("c", "Charlie")]}
)
TOPIC_URIS = {t.src_uri: t.slug for t in INDEX.topics.values()}


# ---- Order ----


def test_chapters_follow_the_menu_and_name_its_sections() -> None:
    nav = [
        {"Home": "index.md"},
        {"Second": ["topics/c.md"]},
        {"First": [{"Outer": [{"Bravo": "topics/b.md"}]}, "topics/a.md"]},
    ]
    parts = chapters(nav, INDEX)
    assert [(c.title, [t.slug for t in c.topics]) for c in parts] == [
        ("Second", ["c"]),
        ("Outer", ["b"]),
        ("First", ["a"]),
    ]


def test_topic_listed_twice_appears_once_where_first_listed() -> None:
    parts = chapters([{"S": ["topics/b.md", "topics/a.md", "topics/c.md", "topics/b.md"]}], INDEX)
    assert [t.slug for t in parts[0].topics] == ["b", "a", "c"]


def test_topics_the_menu_leaves_out_come_last_by_title() -> None:
    parts = chapters(["topics/b.md", "https://example.com/"], INDEX)
    assert [(c.title, [t.slug for t in c.topics]) for c in parts] == [
        ("", ["b"]),
        (UNLISTED_CHAPTER, ["a", "c"]),
    ]
    assert [t.slug for t in chapters(None, INDEX)[0].topics] == ["a", "b", "c"]


# ---- Links and headings ----


def test_link_to_a_whole_topic_jumps_within_the_handbook() -> None:
    assert rewrite_links("See [Bravo](b.md).", "topics/a.md", TOPIC_URIS) == "See [Bravo](#b)."


def test_links_into_a_page_or_outside_the_topics_point_at_their_page() -> None:
    text = "[x](b.md#steps) [y](#steps) [z](../index.md) ![i](../assets/p.png) [w](<c.md#a b>)"
    assert rewrite_links(text, "topics/a.md", TOPIC_URIS) == (
        "[x](../topics/b.md#steps) [y](../topics/a.md#steps) [z](../index.md) "
        "![i](../assets/p.png) [w](<../topics/c.md#a b>)"
    )


def test_external_and_reference_links() -> None:
    text = textwrap.dedent(
        """\
        [AWS](https://docs.aws.amazon.com/) and [mail](mailto:a@b.c) and [ref][r]

        [r]: b.md
        """
    )
    assert rewrite_links(text, "topics/a.md", TOPIC_URIS) == text.replace("]: b.md", "]: #b")


def test_headings_move_down_a_level_under_the_topic_title() -> None:
    assert demote_headings("## Steps\n\n### Root user\n#hashtag\n") == (
        "### Steps\n\n#### Root user\n#hashtag\n"
    )


def test_code_blocks_stay_as_typed() -> None:
    code = "```text\n## not a heading [a](b.md)\n```\n\n    ~~~\n    # x\n    ~~~\n"
    text = f"## Steps\n\n{code}[b](b.md)\n"
    assert fit_topic(text, "topics/a.md", TOPIC_URIS) == f"### Steps\n\n{code}[b](#b)\n"


def test_handbook_lists_contents_then_each_topic_under_an_anchored_title() -> None:
    parts = [Chapter("Start *here*", (INDEX.topics["b"],)), Chapter("", (INDEX.topics["a"],))]
    bodies = {"topics/a.md": "## Steps\n\nGo to [Bravo](b.md).\n", "topics/b.md": "Bravo text.\n"}
    assert handbook_markdown(parts, bodies) == textwrap.dedent(
        """\
        ## Contents

        **Start \\*here\\***

        - [Bravo](#b)

        - [Alpha](#a)

        ## Bravo {#b .handbook-topic}

        Bravo text.

        ## Alpha {#a .handbook-topic}

        ### Steps

        Go to [Bravo](#b).
        """
    )


# ---- The built site ----


def test_handbook_is_in_the_menu_and_holds_every_topic_in_menu_order(page) -> None:
    handbook = page("handbook/")
    menu = handbook.select_one("nav.md-nav--primary")
    assert HANDBOOK_TITLE in [a.get_text(strip=True) for a in menu.select("a")]
    menu_topics = [
        a.get_text(strip=True) for a in menu.select("a[href]") if "/topics/" in a["href"]
    ]
    titles = [h.get_text(strip=True).rstrip("¶") for h in handbook.select("h2.handbook-topic")]
    assert titles == menu_topics
    assert len(titles) >= 22


def test_each_topic_in_the_handbook_has_its_whole_article(page, topic_urls: list[str]) -> None:
    handbook = page("handbook/").select_one("article")
    text = " ".join(handbook.get_text(" ").split())
    for url in topic_urls:
        article = page(url).select_one("article")
        for heading in article.select("h2, h3"):
            # A copy: the session's parse of the page stays whole for the other tests.
            title = copy.copy(heading)
            title.select_one(".headerlink").decompose()
            assert title.get_text(" ", strip=True) in text, f"{url}: {heading}"
        for item in article.select(".symptoms li"):
            assert " ".join(item.get_text(" ").split()) in text, url


def test_every_link_in_the_handbook_resolves(site: Path, page) -> None:
    handbook = page("handbook/")
    ids = {tag["id"] for tag in handbook.select("[id]")}
    for link in handbook.select("article a[href]"):
        parts = urlsplit(link["href"])
        if parts.scheme:
            continue
        if not parts.path:
            assert parts.fragment in ids, link["href"]
            continue
        target = posixpath.normpath(posixpath.join("handbook", parts.path))
        if parts.path.endswith("/"):
            target += "/index.html"
        assert (site / target).is_file(), link["href"]
    internal = [a["href"] for a in handbook.select("article a[href^='#']")]
    assert "#lost-mfa-device" in internal


def test_handbook_stays_out_of_search(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("handbook/")]


# ---- A bad project ----


@pytest.mark.site
def test_a_page_where_the_handbook_goes_stops_the_build(tmp_path: Path) -> None:
    project = make_site(
        tmp_path,
        {"topics/a.md": GOOD_TOPIC, "handbook/index.md": "# Mine\n"},
        ["topics.py", "handbook.py", "markers.py"],
    )
    assert (
        "docs/handbook/index.md: file: the printable handbook is generated there; rename it"
    ) in failed_build_lines(project)
