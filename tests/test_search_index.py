"""What the site tells Material's search: topics weigh more and carry their keywords, pages that
only list other pages stay out, and every page carries the help for a search that finds nothing.

The ranking itself is checked in a real browser by test_search_box.py.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import frontmatter
import markdown
import pytest
from bs4 import BeautifulSoup

from signinhelp.handbook.book import HANDBOOK_URI
from signinhelp.search import index as search
from signinhelp.topics.model import Source, Topic, TopicIndex
from signinhelp.topics.page import topic_page
from signinhelp.troubleshooter.model import Answer, Question, Step
from sitetools.paths import ROOT

# Sections that only list other pages: their words belong to the pages they list.
LINK_SECTIONS = ("related-topics", "how-you-got-here", "sources")


def make_topic(slug: str, keywords: tuple[str, ...] = ()) -> Topic:
    return Topic(
        slug=slug,
        src_uri=f"topics/{slug}.md",
        title=f"Title of {slug}",
        description="d",
        audience=("root",),
        symptoms=("a", "b", "c"),
        sources=(Source("s", "https://docs.aws.amazon.com/"),),
        reviewed=datetime.date(2026, 1, 1),
        keywords=keywords,
    )


# --- The pure functions ------------------------------------------------------------------------


def test_a_topic_is_boosted_and_tagged_with_its_keywords() -> None:
    meta = search.page_search_meta("topics/x.md", make_topic("x", ("2fa", "new phone")))
    assert meta == {"search": {"boost": search.TOPIC_BOOST}, "tags": ["2fa", "new phone"]}
    assert search.TOPIC_BOOST > 1


def test_a_topic_without_keywords_gets_no_empty_tags() -> None:
    assert search.page_search_meta("topics/x.md", make_topic("x")) == {
        "search": {"boost": search.TOPIC_BOOST}
    }


def test_other_pages_are_left_as_they_are_and_the_handbook_is_left_out() -> None:
    assert search.page_search_meta("admin/faq.md", None) == {}
    assert search.page_search_meta(HANDBOOK_URI, None) == {"search": {"exclude": True}}


def test_only_link_sections_are_marked_for_exclusion() -> None:
    topic, other = make_topic("a"), make_topic("b")
    topic = Topic(**{**topic.__dict__, "related": ("b",)})
    index = TopicIndex({"a": topic, "b": other})
    answer = Answer("Yes", "questions.q.answers[1]", topic="a")
    step = Step(Question("q", "Q?", "Hint.", (answer,)), answer)
    body = "## Steps\n\nDo it.\n\n## Sources of trouble\n\nMany."
    html = markdown.markdown(
        topic_page(index, topic, [(step,)], body), extensions=["attr_list", "admonition", "toc"]
    )
    marked = [h["id"] for h in BeautifulSoup(html, "html.parser").select("[data-search-exclude]")]
    assert marked == list(LINK_SECTIONS)


def test_search_help_skips_a_missing_troubleshooter_and_keeps_topic_order() -> None:
    topics = [make_topic("b"), make_topic("a"), make_topic("gone")]
    urls = {"topics/a.md": "topics/a/", "topics/b.md": "topics/b/"}
    help_ = search.search_help(topics, urls, "troubleshooter/index.md")
    assert help_.troubleshooter is None
    assert [link.url for link in help_.topics] == ["topics/b/", "topics/a/"]
    urls["troubleshooter/index.md"] = "troubleshooter/"
    assert search.search_help(topics, urls, "troubleshooter/index.md").troubleshooter == (
        "troubleshooter/"
    )


# --- The built site ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def js_split(separator: str, text: str) -> list[str]:
    # The separator is a JavaScript regex; this character class reads the same in Python.
    return [part for part in re.split(separator, text) if part]


def test_separator_keeps_domains_contractions_and_ids_searchable(index: dict) -> None:
    separator = index["config"]["separator"]
    assert js_split(separator, "signin.aws blocked") == ["signin", "aws", "blocked"]
    assert js_split(separator, "https://d-1234567890.awsapps.com/start") == [
        "https",
        "d",
        "1234567890",
        "awsapps",
        "com",
        "start",
    ]
    assert js_split(separator, "It's not you, it's us") == ["It's", "not", "you", "it's", "us"]
    assert js_split(separator, "two-factor, 123456789012.") == ["two", "factor", "123456789012"]


def test_search_config_keeps_whole_words_and_weighs_titles_like_text(index: dict) -> None:
    config = index["config"]
    # Whole words, so that suggestions complete to words; search-query.js adds the prefixes.
    assert set(config["pipeline"]) == {"stopWordFilter", "trimmer"}
    # Material's defaults (title 1000, tags 1e6) let one title word outrank a whole symptom.
    assert config["fields"]["title"]["boost"] <= 5
    assert config["fields"]["tags"]["boost"] <= 5


def test_every_topic_is_boosted_and_carries_its_keywords(index: dict, topic_urls) -> None:
    articles = {doc["location"]: doc for doc in index["docs"]}
    for url in topic_urls:
        source = ROOT / "docs" / f"{url.rstrip('/')}.md"
        keywords = frontmatter.load(source).metadata.get("keywords", [])
        doc = articles[url]
        assert doc["boost"] == search.TOPIC_BOOST, url
        assert doc.get("tags", []) == keywords, url


def test_link_sections_and_the_handbook_are_not_indexed(index: dict, page) -> None:
    locations = [doc["location"] for doc in index["docs"]]
    assert not [loc for loc in locations if loc.startswith("handbook/")]
    for section in LINK_SECTIONS:
        assert not [loc for loc in locations if loc.endswith(f"#{section}")], section
    # ...yet readers still see those sections, without the search-only attribute.
    body = page("topics/lost-mfa-device/")
    for section in LINK_SECTIONS:
        heading = body.find(id=section)
        assert heading is not None and "data-search-exclude" not in heading.attrs, section


@pytest.mark.parametrize("url", ["", "topics/lost-mfa-device/", "admin/faq/"])
def test_every_page_carries_the_no_result_help(page, site: Path, url: str) -> None:
    help_box = page(url).select_one(".md-search__output .search-help")
    assert help_box is not None
    links = [a["href"] for a in help_box.select("a[href]")]
    button = help_box.select_one("a.md-button")
    assert button is not None and button["href"] == links[0]
    assert (site / url / links[0] / "index.html").resolve() == (
        site / "troubleshooter" / "index.html"
    )
    assert links[-1] == search.AWS_TROUBLESHOOTING
    assert len(links) >= 7
    for href in links[:-1]:
        assert (site / url / href / "index.html").resolve().is_file(), href


def test_the_query_script_is_served_by_the_site(page, site: Path) -> None:
    scripts = [s["src"] for s in page("").select("script[src]")]
    # The ranking first: the query script uses it.
    assert scripts.index("javascripts/search-rank.js") < scripts.index(
        "javascripts/search-query.js"
    )
    assert (site / "javascripts" / "search-query.js").is_file()
    assert (site / "javascripts" / "search-rank.js").is_file()


def test_search_previews_keep_the_audience_labels_apart(site: Path) -> None:
    # A preview reading "Root userIAM user" makes a reader guess where one label ends.
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    opening = next(doc for doc in index["docs"] if doc["location"] == "topics/lost-mfa-device/")
    text = BeautifulSoup(opening["text"], "html.parser").get_text()
    assert "Applies to: Root user IAM user IAM Identity Center user" in text
