"""The troubleshooter's Markdown, without MkDocs: what each decision page and the overview say."""

from __future__ import annotations

from dataclasses import replace

import markdown
import yaml
from bs4 import BeautifulSoup

from signinhelp.troubleshooter.model import Tree, Visit, parse_tree, visits
from signinhelp.troubleshooter.render import decision_page, overview_page
from tests.support.sites import make_topic

TREE = """\
start: what
questions:
  what:
    question: What's going wrong?
    hint: Pick the closest.
    answers:
      - answer: My password is refused
        question: who
      - answer: Something <script>alert(1)</script> *odd*
        topic: lost-mfa-device
  who:
    question: How did you sign in?
    hint: What you typed shows who you are.
    answers:
      - answer: With an email address
        note: you're the root user
        topic: forgot-root-password
      - answer: With a user name
        topic: lost-mfa-device#iam-user
    not_sure:
      topic: lost-mfa-device
"""


TOPICS = {
    "forgot-root-password": make_topic(
        "forgot-root-password", title="I forgot my root user password"
    ),
    "lost-mfa-device": make_topic("lost-mfa-device", title="I lost my MFA device"),
}


def tree() -> Tree:
    parsed, problems = parse_tree(TREE, "docs/troubleshooter.yml")
    assert problems == []
    return parsed


def pages() -> dict[str, Visit]:
    return {visit.src_uri: visit for visit in visits(tree())}


def render(text: str) -> tuple[dict, BeautifulSoup]:
    """Split off the front matter and render the rest as the site would."""
    _, front, body = text.split("---\n", 2)
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html"])
    return yaml.safe_load(front), BeautifulSoup(html, "html.parser")


def test_start_page_asks_its_question_with_a_hint_and_answers() -> None:
    meta, soup = render(decision_page(pages()["troubleshooter/index.md"], TOPICS))
    assert meta["title"] == "What's going wrong?"
    assert soup.h1.get_text() == "What's going wrong?"
    assert soup.select_one(".troubleshooter-hint").get_text() == "Pick the closest."
    links = [(a.get_text(), a["href"]) for a in soup.select(".troubleshooter-answers a")]
    assert links == [
        ("My password is refused", "who/index.md"),
        ("Something <script>alert(1)</script> *odd*", "../topics/lost-mfa-device.md"),
    ]
    # Author text is shown as typed: no markup, no script.
    assert soup.find("script") is None and soup.find("em") is None


def test_start_page_has_no_trail_and_no_start_over() -> None:
    meta, soup = render(decision_page(pages()["troubleshooter/index.md"], TOPICS))
    assert soup.select(".troubleshooter-trail") == []
    assert "Start over" not in soup.get_text()
    assert "search" not in meta  # the one copy of the start question that search should find


def test_later_page_shows_the_answers_so_far_and_start_over() -> None:
    meta, soup = render(decision_page(pages()["troubleshooter/who/index.md"], TOPICS))
    trail = soup.select_one("nav.troubleshooter-trail")
    assert trail["aria-label"] == "Your answers so far"
    [step] = trail.select("li")
    assert step.select_one(".troubleshooter-trail__question").get_text() == "What's going wrong?"
    assert (step.a.get_text(), step.a["href"]) == ("My password is refused", "../index.md")
    start_over = soup.find("a", string="Start over")
    assert start_over["href"] == "../index.md"
    assert meta["search"] == {"exclude": True}


def test_not_sure_comes_last_and_notes_stay_inside_their_answer() -> None:
    _, soup = render(decision_page(pages()["troubleshooter/who/index.md"], TOPICS))
    answers = soup.select(".troubleshooter-answers a")
    assert [a.get_text() for a in answers] == [
        "With an email address — you're the root user",
        "With a user name",
        "I'm not sure",
    ]
    assert answers[-1]["class"] == ["troubleshooter-unsure"]


def test_overview_nests_each_answer_under_its_question() -> None:
    meta, soup = render(overview_page(tree(), TOPICS))
    assert meta["title"] == "Guided troubleshooter at a glance"
    start = soup.select_one(".troubleshooter-outline > ul > li")
    assert start.strong.a["href"] == "index.md"
    answers = start.find("ul").find_all("li", recursive=False)
    first = answers[0]
    assert first.strong.a.get_text() == "How did you sign in?"
    assert first.strong.a["href"] == "who/index.md"
    nested = [li.get_text() for li in first.find("ul").find_all("li")]
    assert nested == [
        "With an email address: I forgot my root user password",
        "With a user name: I lost my MFA device",
        "I'm not sure: I lost my MFA device",
    ]
    assert answers[1].a["href"] == "../topics/lost-mfa-device.md"


def test_a_url_with_a_script_in_an_answer_shows_as_text() -> None:
    # The decision tree has no URL fields: a URL an author types goes into text, escaped.
    url = 'https://docs.aws.amazon.com/x)"><script>alert(1)</script>'
    parsed = tree()
    start = parsed.questions["what"]
    answers = (replace(start.answers[0], note=url), *start.answers[1:])
    visit = Visit((), replace(start, hint=url, answers=answers))
    _, soup = render(decision_page(visit, TOPICS))
    assert soup.find("script") is None
    assert soup.select_one(".troubleshooter-hint").get_text() == url
    assert url in soup.select_one(".troubleshooter-answers__note").get_text()


def test_an_answer_lands_on_the_section_of_its_topic() -> None:
    _, soup = render(decision_page(pages()["troubleshooter/who/index.md"], TOPICS))
    links = {a.get_text(): a["href"] for a in soup.select(".troubleshooter-answers a")}
    assert links["With a user name"] == "../../topics/lost-mfa-device.md#iam-user"
    _, outline = render(overview_page(tree(), TOPICS))
    hrefs = [a["href"] for a in outline.select(".troubleshooter-outline a")]
    assert "../topics/lost-mfa-device.md#iam-user" in hrefs
