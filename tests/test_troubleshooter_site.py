"""The guided troubleshooter on the built site: crawlable, complete, and usable without script."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.sites import GOOD_TOPIC, failed_build_lines, make_site, run_mkdocs_build

START = "troubleshooter/"
OVERVIEW = "troubleshooter/overview/"
HOOKS = ["topics.py", "troubleshooter.py", "markers.py"]


def resolve(url_path: str, href: str) -> str:
    """A link's target page as a site URL path, e.g. "troubleshooter/network/" (no #section)."""
    return posixpath.normpath(posixpath.join(url_path, href.split("#")[0])) + "/"


@pytest.fixture(scope="module")
def decision_urls(site: Path) -> list[str]:
    """Every generated decision page, found in the output rather than trusted from the hook."""
    pages = (
        p.parent.relative_to(site).as_posix() + "/" for p in (site / START).rglob("index.html")
    )
    return sorted(url for url in pages if url != OVERVIEW)


def answer_targets(page, url: str) -> list[str]:
    return [resolve(url, a["href"]) for a in page(url).select(".troubleshooter-answers a")]


def test_crawl_from_the_start_reaches_every_topic_and_every_decision(
    page, topic_urls: list[str], decision_urls: list[str]
) -> None:
    asked, reached, waiting = set(), set(), [START]
    while waiting:
        url = waiting.pop()
        if url in asked:
            continue
        asked.add(url)
        for target in answer_targets(page, url):
            if target.startswith("topics/"):
                reached.add(target)
            else:
                waiting.append(target)
    assert sorted(reached) == topic_urls
    assert sorted(asked) == decision_urls


def test_every_decision_page_has_its_question_and_working_answers(
    page, site: Path, decision_urls: list[str]
) -> None:
    for url in decision_urls:
        soup = page(url)
        question = soup.select_one("article h1").get_text(strip=True).removesuffix("¶")
        assert question.endswith("?"), url
        assert soup.title.get_text().startswith(question), url
        assert soup.select_one(".troubleshooter-hint").get_text(strip=True), url
        targets = answer_targets(page, url)
        assert 2 <= len(targets) <= 7, url
        for target in targets:
            assert (site / target / "index.html").is_file(), (url, target)


def test_breadcrumb_holds_one_answer_per_question_so_far(page, decision_urls: list[str]) -> None:
    for url in decision_urls:
        soup = page(url)
        depth = url.count("/") - 1  # troubleshooter/a/b/ is two answers in
        steps = soup.select("nav.troubleshooter-trail li a")
        assert len(steps) == depth, url
        # Each answer goes back to the page where it was given: one folder up per step.
        assert [resolve(url, a["href"]) for a in steps] == [
            "/".join(url.split("/")[: n + 1]) + "/" for n in range(depth)
        ]
        start_over = soup.find("a", string="Start over")
        assert (start_over is None) == (url == START), url
        if start_over:
            assert resolve(url, start_over["href"]) == START


def test_overview_outlines_every_decision_and_topic(
    page, topic_urls: list[str], decision_urls: list[str]
) -> None:
    links = {
        resolve(OVERVIEW, a["href"]) for a in page(OVERVIEW).select(".troubleshooter-outline a")
    }
    assert links == set(topic_urls) | set(decision_urls)


def test_tree_file_is_not_published(site: Path) -> None:
    assert not (site / "troubleshooter.yml").exists()


def test_search_finds_the_start_page_but_not_its_copies(site: Path, decision_urls) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert START in pages and OVERVIEW in pages
    assert pages.isdisjoint(set(decision_urls) - {START})


def test_home_page_and_nav_lead_to_the_troubleshooter(page) -> None:
    home = [resolve("", a["href"]) for a in page("").select("article a[href]")]
    assert START in home
    nav = {
        resolve("topics/lost-mfa-device/", a["href"])
        for a in page("topics/lost-mfa-device/").select(".md-nav a[href]")
    }
    assert {START, OVERVIEW} <= nav


# ---- In a browser ----


def answer(tab: Page, text: str):
    """An answer link on the current decision page (not a breadcrumb link with the same text)."""
    return tab.locator(".troubleshooter-answers").get_by_role("link", name=text)


@pytest.mark.browser
def test_click_from_start_to_a_topic_with_javascript_off(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + START)
        expect(tab.locator("h1")).to_contain_text("What's going wrong?")
        answer(tab, "I can't get past the AWS sign-in page").click()
        expect(tab.locator("h1")).to_contain_text("How did you sign in last time?")
        answer(tab, "I'm not sure").click()
        expect(tab.locator("h1")).to_contain_text("Which of these can you find?")
        answer(tab, "I chose Root user on the AWS sign-in page and typed an email address").click()
        expect(tab.locator("h1")).to_contain_text("sign in as the root user?")
        expect(tab.locator("nav.troubleshooter-trail li a")).to_have_text(
            [
                "I can't get past the AWS sign-in page",
                "I'm not sure",
                "I chose Root user on the AWS sign-in page and typed an email address",
            ]
        )
        answer(tab, "I forgot the password").click()
        assert tab.url == site_url + "topics/forgot-root-password/"
        expect(tab.locator("h1")).to_contain_text("I forgot my root user password")
        expect(tab.locator("#how-you-got-here + p + ul")).to_contain_text(
            "I chose Root user on the AWS sign-in page and typed an email address"
        )
    finally:
        context.close()


@pytest.mark.browser
def test_answers_work_from_the_keyboard(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + "troubleshooter/network/")
        answer(tab, "The sign-in page doesn't load").focus()
        tab.keyboard.press("Tab")
        expect(answer(tab, "AWS says to sign in from a different network")).to_be_focused()
        tab.keyboard.press("Enter")
        tab.wait_for_url(site_url + "topics/blocked-by-network-policy/")
    finally:
        context.close()


@pytest.mark.browser
def test_decision_page_prints_as_a_plain_list(browser, site_url: str) -> None:
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(site_url + "troubleshooter/how-you-sign-in/")
        tab.emulate_media(media="print")
        first = answer(tab, "With an email address and a password")
        assert first.evaluate("a => getComputedStyle(a).display") == "inline"
        items = tab.locator(".troubleshooter-answers ul")
        assert items.evaluate("ul => getComputedStyle(ul).listStyleType") == "disc"
        expect(tab.locator(".troubleshooter-trail")).to_be_visible()
        expect(tab.locator(".troubleshooter-actions")).to_be_hidden()
    finally:
        context.close()


# ---- A broken tree stops the build ----

TREE = """\
start: what
questions:
  what:
    question: What's going wrong?
    hint: Pick one.
    answers:
      - answer: Password
        topic: a
      - answer: Other
        topic: {other}
"""
TOPIC_B = GOOD_TOPIC.replace("I forgot my password", "Something else")


def fixture_site(tmp_path: Path, tree: str | None) -> Path:
    pages = {"topics/a.md": GOOD_TOPIC, "topics/b.md": TOPIC_B}
    if tree is not None:
        pages["troubleshooter.yml"] = tree
    return make_site(tmp_path, pages, HOOKS)


@pytest.mark.site
def test_good_tree_builds_its_pages(tmp_path: Path) -> None:
    result = run_mkdocs_build(fixture_site(tmp_path, TREE.format(other="b")))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "troubleshooter" / "index.html").is_file()
    assert (tmp_path / "site" / "troubleshooter" / "overview" / "index.html").is_file()


@pytest.mark.site
def test_answer_to_a_missing_topic_fails_with_one_line_per_problem(tmp_path: Path) -> None:
    lines = failed_build_lines(fixture_site(tmp_path, TREE.format(other="c")))
    assert "2 problem(s) in the guided troubleshooter:" in lines
    assert (
        "docs/troubleshooter.yml: questions.what.answers[2].topic: 'c' is not a topic slug "
        "(no docs/topics/c.md)"
    ) in lines
    assert (
        "docs/troubleshooter.yml: topic 'b': can't be reached from question 'what'; "
        "add an answer with topic: b"
    ) in lines


@pytest.mark.site
def test_missing_tree_file(tmp_path: Path) -> None:
    lines = failed_build_lines(fixture_site(tmp_path, None))
    assert (
        "docs/troubleshooter.yml: file: is missing; the guided troubleshooter is built from it"
    ) in lines
