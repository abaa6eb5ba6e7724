"""'Related topics' and 'How you got here' on topic pages: pure rendering, then the built site."""

from __future__ import annotations

import datetime
import posixpath
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup, Tag

from signinhelp.topics.model import Source, Topic, TopicIndex
from signinhelp.topics.related import how_you_got_here, related_section, related_topics
from signinhelp.troubleshooter.model import Answer, Question, Step


def topic(slug: str, title: str, related: tuple[str, ...] = ()) -> Topic:
    return Topic(
        slug=slug,
        src_uri=f"topics/{slug}.md",
        title=title,
        description=f"About {title}.",
        audience=("root",),
        symptoms=("a", "b", "c"),
        sources=(Source("AWS", "https://docs.aws.amazon.com/"),),
        reviewed=datetime.date(2026, 1, 1),
        related=related,
    )


INDEX = TopicIndex(
    {
        "a": topic("a", "Alpha", related=("c",)),
        "b": topic("b", "Bravo", related=("a",)),
        "c": topic("c", "Charlie"),
        "d": topic("d", "Delta <b>*bold*</b>", related=("a", "c")),
        "e": topic("e", "Echo"),
    }
)


def html(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=["attr_list"]), "html.parser")


# ---- Pure rendering ----


def test_related_lists_own_choices_first_then_topics_that_list_it() -> None:
    assert [t.slug for t in related_topics(INDEX, INDEX.topics["a"])] == ["c", "b", "d"]


def test_related_shows_the_link_on_the_side_that_did_not_list_it() -> None:
    assert [t.slug for t in related_topics(INDEX, INDEX.topics["c"])] == ["a", "d"]


def test_no_related_section_for_a_topic_nothing_relates_to() -> None:
    assert related_section(INDEX, INDEX.topics["e"]) == ""


def test_related_section_links_escaped_titles() -> None:
    soup = html(related_section(INDEX, INDEX.topics["c"]))
    assert soup.h2.get_text() == "Related topics"
    links = [(a.get_text(), a["href"]) for a in soup.select("li a")]
    assert links == [("Alpha", "a.md"), ("Delta <b>*bold*</b>", "d.md")]


def test_how_you_got_here_links_each_answer_to_the_question_it_answered() -> None:
    first = Question("what", "What's wrong?", "Hint.", ())
    second = Question("who", "Who are you?", "Hint.", ())
    trail = (
        Step(first, Answer("My *password*", "q.what.answers[1]", question="who")),
        Step(second, Answer("Root", "q.who.answers[1]", topic="a")),
    )
    soup = html(how_you_got_here([trail], "topics/a.md"))
    assert soup.h2.get_text() == "How you got here"
    assert soup.p.a["href"] == "../troubleshooter/index.md"
    links = [(a.get_text(), a["href"]) for a in soup.select("li a")]
    assert links == [
        ("My *password*", "../troubleshooter/index.md"),
        ("Root", "../troubleshooter/who/index.md"),
    ]


# ---- The built site ----


def section_links(soup: BeautifulSoup, heading_id: str) -> list[Tag]:
    """Links in the list that follows a section heading."""
    heading = soup.find(id=heading_id)
    assert heading is not None, f"no #{heading_id}"
    return heading.find_next_sibling("ul").find_all("a")


def resolve(url_path: str, href: str) -> str:
    """A link's target page as a site URL path, e.g. "troubleshooter/network/" (no #section)."""
    return posixpath.normpath(posixpath.join(url_path, href.split("#")[0])) + "/"


def test_every_topic_shows_how_you_got_here_with_working_links(
    topic_urls: list[str], page, site: Path
) -> None:
    for url in topic_urls:
        links = section_links(page(url), "how-you-got-here")
        assert links, url
        for link in links:
            target = resolve(url, link["href"])
            assert (site / target / "index.html").is_file(), (url, link["href"])
            assert target.startswith("troubleshooter/"), (url, link["href"])


def test_each_path_ends_on_a_question_that_links_to_the_topic(topic_urls: list[str], page) -> None:
    for url in topic_urls:
        for path in page(url).find(id="how-you-got-here").find_next_sibling("ul").find_all("li"):
            last = path.find_all("a")[-1]
            question_page = resolve(url, last["href"])
            answers = page(question_page).select(".troubleshooter-answers a")
            chosen = [a for a in answers if a.get_text().startswith(last.get_text())]
            assert chosen, (url, last.get_text())
            assert resolve(question_page, chosen[0]["href"]) == url


def test_related_topics_show_both_ways_on_the_site(topic_urls: list[str], page) -> None:
    for url in topic_urls:
        soup = page(url)
        for link in section_links(soup, "related-topics"):
            other = resolve(url, link["href"])
            back = {resolve(other, a["href"]) for a in section_links(page(other), "related-topics")}
            assert url in back, f"{other} does not link back to {url}"


@pytest.mark.parametrize("url", ["topics/lost-mfa-device/", "topics/forgot-root-password/"])
def test_sections_sit_above_the_sources(url: str, page) -> None:
    headings = [h.get("id") for h in page(url).select("article h2")]
    assert headings[-3:] == ["related-topics", "how-you-got-here", "sources"]
