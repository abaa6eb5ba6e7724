"""Every page of the built site, printed to A4 by Chromium and read back from the PDF.

A printout is what a reader works from when the screen is busy with the AWS console, or what
they hand to the colleague who owns the account email: it must hold the whole article, fit on
few sheets, and carry nothing from the screen's chrome.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup

from tests.support.printing import (
    LONGER_TOPICS,
    MAX_SHEETS,
    MIN_ONE_SHEET_TOPICS,
    ONE_SHEET_WORDS,
    TRAILS_ID,
    article_text,
    normalize,
    paper_text,
    print_sheets,
    words,
)

pytestmark = pytest.mark.browser

# Screen-only parts of a page whose text must stay off paper.
CHROME = ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-top, .md-search, .print-button"
HANDBOOK = "handbook/"


@pytest.fixture(scope="module")
def printouts(once, browser, site_url: str, page_urls: list[str]) -> dict[str, list[str]]:
    """Every built page, printed once for the whole run: URL path -> text of each sheet."""
    return once.data("printouts", lambda: print_every_page(browser, site_url, page_urls))


def print_every_page(browser, site_url: str, page_urls: list[str]) -> dict[str, list[str]]:
    tab = browser.new_page()
    try:
        sheets = {}
        for url in page_urls:
            tab.goto(site_url + url)
            sheets[url] = print_sheets(tab)
        return sheets
    finally:
        tab.close()


def articles(topic_urls: list[str]) -> list[str]:
    """The pages whose whole article must reach paper: the topics and the handbook."""
    return [*topic_urls, HANDBOOK]


def test_no_printout_has_a_blank_sheet(printouts: dict[str, list[str]]) -> None:
    blank = [
        f"{url or '/'}: sheet {number} of {len(sheets)}"
        for url, sheets in printouts.items()
        for number, text in enumerate(sheets, 1)
        if not text
    ]
    assert not blank


def test_topics_fit_on_one_or_two_sheets(
    printouts: dict[str, list[str]], topic_urls: list[str], page: Callable[[str], BeautifulSoup]
) -> None:
    too_long = []
    for url in topic_urls:
        count = len(paper_text(page(url)).split())
        allowed = 1 if count < ONE_SHEET_WORDS else MAX_SHEETS
        allowed = LONGER_TOPICS.get(url, (allowed, ""))[0]
        if len(printouts[url]) > allowed:
            too_long.append(f"{url}: {count} words on {len(printouts[url])} sheets, not {allowed}")
    assert not too_long


def test_most_topics_print_on_one_sheet(
    printouts: dict[str, list[str]], topic_urls: list[str]
) -> None:
    longer = sorted(url for url in topic_urls if len(printouts[url]) > 1)
    assert len(topic_urls) - len(longer) >= MIN_ONE_SHEET_TOPICS, longer


def test_how_you_got_here_stays_off_paper(
    printouts: dict[str, list[str]], topic_urls: list[str], page: Callable[[str], BeautifulSoup]
) -> None:
    printed = [
        url
        for url in articles(topic_urls)
        if page(url).select_one(f"[id^='{TRAILS_ID}']")
        and "How you got here" in " ".join(printouts[url])
    ]
    assert not printed


def test_printouts_carry_no_navigation_or_footer_text(
    printouts: dict[str, list[str]], page: Callable[[str], BeautifulSoup]
) -> None:
    found = []
    for url, sheets in printouts.items():
        soup = page(url)
        article = article_text(soup)
        header = " ".join(normalize(h.get_text(" ")) for h in soup.select(".print-header"))
        printed = " ".join(sheets)
        for part in soup.select(CHROME):
            for string in part.stripped_strings:
                text = normalize(string)
                # Text the article or the print header also holds (a topic title it links to,
                # the site's name) is allowed; chrome-only text is not.
                if text in article or text in header:
                    continue
                if text in printed:
                    found.append(f"{url or '/'}: {text!r}")
    assert not found


def test_every_word_of_the_article_is_printed(
    printouts: dict[str, list[str]], topic_urls: list[str], page: Callable[[str], BeautifulSoup]
) -> None:
    missing = {}
    for url in articles(topic_urls):
        lost = words(paper_text(page(url))) - words(" ".join(printouts[url]))
        if lost:
            missing[url] = sorted(lost)
    assert not missing


def test_external_links_print_their_address_and_internal_links_do_not(
    printouts: dict[str, list[str]], topic_urls: list[str], page: Callable[[str], BeautifulSoup]
) -> None:
    problems = []
    for url in articles(topic_urls):
        # A long address wraps across lines; compare without any whitespace.
        printed = "".join(" ".join(printouts[url]).split())
        links = page(url).select("article a[href^='http']")
        assert links, f"{url}: no external links to check"
        problems += [f"{url}: {a['href']}" for a in links if f"({a['href']})" not in printed]
        problems += [f"{url}: prints {mark}" for mark in ("(../", "(#") if mark in printed]
    assert not problems


def test_handbook_prints_every_topic_on_its_own_sheets_in_order(
    printouts: dict[str, list[str]], page: Callable[[str], BeautifulSoup]
) -> None:
    headings = page(HANDBOOK).select("h2.handbook-topic")
    titles = [normalize(h.get_text(" ").replace("¶", "")) for h in headings]
    # A topic's sheet opens with its title and who it applies to; a sheet that merely opens
    # with a link to a topic (under "Related topics") does not count.
    opening = [
        next((title for title in titles if sheet.startswith(f"{title} Applies to:")), None)
        for sheet in printouts[HANDBOOK]
    ]
    assert [title for title in opening if title] == titles
