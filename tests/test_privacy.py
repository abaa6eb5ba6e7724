"""A real browser opens every page and the site search: nothing may be fetched from elsewhere.

Readers are often behind strict filters (that may be why they are locked out), and a visit to
a help page must not be told to a CDN, a font host or a tracker. tests/test_no_third_party.py
reads the HTML and CSS; this test also catches what scripts, styles and workers fetch at run
time. Requests to another origin are refused before they leave the browser, and recorded.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

# Schemes that name data the page already holds: nothing is fetched over the network.
LOCAL_SCHEMES = {"data", "blob", "about"}


def origin(url: str) -> tuple[str, str | None, int | None]:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname, parts.port


def test_no_page_requests_another_origin(browser, site_url: str, page_urls: list[str]) -> None:
    context = browser.new_context()
    fetched: list[str] = []
    foreign: list[str] = []
    current = [""]

    def check(route) -> None:
        url = route.request.url
        fetched.append(url)
        if urlsplit(url).scheme in LOCAL_SCHEMES or origin(url) == origin(site_url):
            route.continue_()
        else:
            foreign.append(f"{current[0] or '/'}: {route.request.resource_type} {url}")
            route.abort()

    context.route("**/*", check)
    tab = context.new_page()
    try:
        for url in page_urls:
            current[0] = url
            tab.goto(site_url + url, wait_until="networkidle")
        # The search box loads its index and worker only when used: use it once.
        current[0] = "search"
        tab.goto(site_url, wait_until="networkidle")
        tab.keyboard.press("/")
        tab.keyboard.type("password")
        tab.wait_for_selector(".md-search-result__item", timeout=10_000)
    finally:
        context.close()
    assert not foreign, "\n".join(foreign)
    # Proof the recorder saw the site's own assets and the search index, not just documents.
    assert any(u.endswith(".css") for u in fetched) and any(u.endswith(".js") for u in fetched)
    assert any("search" in urlsplit(u).path and u.endswith(".json") for u in fetched)
