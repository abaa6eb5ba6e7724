"""What a reader sees first: the fix on a phone's first screen, ways on from a dead link, the
administrators' way in from home, commands that copy, allow-list downloads at the top.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
ADMIN_PAGES = ["admin/allow-list/", "admin/faq/", "admin/checklist/", "admin/policies/"]


def link_targets(soup: BeautifulSoup, url: str) -> set[str]:
    """Pages the article links to, as URL paths from the site root without #section."""
    base = "http://site/" + url
    paths = {urlsplit(urljoin(base, a["href"])) for a in soup.select("article a[href]")}
    return {p.path.lstrip("/") for p in paths if p.netloc == "site"}


def test_home_links_every_admin_page_and_topic(
    page: Callable[[str], BeautifulSoup], topic_urls: list[str]
) -> None:
    targets = link_targets(page(""), "")
    assert set(ADMIN_PAGES) <= targets
    assert set(topic_urls) <= targets


def test_home_offers_the_downloads_to_administrators(page: Callable[[str], BeautifulSoup]) -> None:
    admin = page("").select_one("#for-administrators ~ .home-admin")
    files = {a["href"].rsplit("/", 1)[-1] for a in admin.select("a[href*='downloads/']")}
    assert {"allow-list.csv", "allow-list.txt"} <= files


def test_not_found_page_offers_search_the_troubleshooter_and_topics(
    page: Callable[[str], BeautifulSoup],
) -> None:
    soup = page("404.html")
    article = soup.select_one("article")
    assert article.select_one("form[role=search] input[name=q]")
    start = article.find("a", string="Start the guided troubleshooter")
    assert start and start["href"] == "/troubleshooter/"
    topics = [a["href"] for a in article.select("a[href^='/topics/']")]
    assert len(topics) >= 3


@pytest.mark.browser
def test_first_step_of_every_topic_is_on_a_phones_first_screen(
    browser, site_url: str, topic_urls: list[str]
) -> None:
    tab = browser.new_page(viewport=PHONE)
    below = []
    try:
        for url in topic_urls:
            tab.goto(site_url + url)
            top = tab.evaluate(
                "() => document.querySelector('article ol > li').getBoundingClientRect().top"
            )
            if top >= PHONE["height"]:
                below.append(f"{url}: first step at {top:.0f} px")
    finally:
        tab.close()
    assert not below


@pytest.mark.browser
def test_every_checklist_command_has_a_copy_button(browser, site_url: str) -> None:
    tab = browser.new_page(viewport=PHONE)
    try:
        tab.goto(site_url + "admin/checklist/")
        blocks = tab.locator("article pre")
        buttons = tab.locator("article pre button.md-code__button[data-md-type=copy]")
        assert blocks.count() >= 10
        assert buttons.count() == blocks.count()
    finally:
        tab.close()


@pytest.mark.browser
def test_allow_list_downloads_are_on_the_first_screen(browser, site_url: str) -> None:
    tab = browser.new_page(viewport=DESKTOP)
    try:
        tab.goto(site_url + "admin/allow-list/")
        for name in ("allow-list.csv", "allow-list.txt"):
            link = tab.locator(f"article a[href$='downloads/{name}']").first
            box = link.bounding_box()
            assert box and box["y"] + box["height"] <= DESKTOP["height"], name
    finally:
        tab.close()


@pytest.mark.browser
def test_no_allow_list_table_is_wider_than_a_phone(browser, site_url: str) -> None:
    tab = browser.new_page(viewport=PHONE)
    try:
        tab.goto(site_url + "admin/allow-list/")
        rights = tab.evaluate(
            "() => [...document.querySelectorAll('article table')]"
            ".map((t) => t.getBoundingClientRect().right)"
        )
        page_width = tab.evaluate("() => document.documentElement.scrollWidth")
    finally:
        tab.close()
    assert len(rights) >= 8
    assert max(rights) <= PHONE["width"] and page_width <= PHONE["width"]
