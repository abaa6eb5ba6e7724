"""A first visit loads no search until the reader opens it, and then search finds the topic.

Material fetches the search index and starts its search worker on every page; most readers
never search. docs/javascripts/search-lazy.js holds both back until search opens. Checked
behind the production server (nginx, deferred scripts, the Content-Security-Policy), on a
phone and with the keyboard, and with a probe that sees every message posted to a real Worker
through `Worker.prototype.postMessage`, as search-query.js's rewriting needs.
"""

from __future__ import annotations

import pytest

TOPIC = "topics/lost-mfa-device/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
QUERY = "lost mfa"
# Runs before the page's scripts: records each message that reaches a real Worker's
# postMessage, after every patch the site's own scripts put in front of it.
POSTED = """
window.__posted = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  window.__posted.push({ real: this instanceof Worker, type: message.type, data: message.data });
  return post.call(this, message, ...rest);
};
"""
SEARCH_LOADS = ("/search/search_index.json", "/assets/javascripts/workers/search.")


def search_requests(requested: list[str]) -> list[str]:
    return [url for url in requested if any(part in url for part in SEARCH_LOADS)]


def open_tab(browser, viewport: dict[str, int]):
    """A tab that lists every URL it requests, and the list it fills."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(POSTED)
    tab = context.new_page()
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    return tab, requested


def first_result(tab) -> str:
    link = tab.locator(".md-search-result__item > a.md-search-result__link").first
    link.wait_for(timeout=15_000)
    return link.get_attribute("href") or ""


@pytest.mark.browser
def test_a_phone_loads_search_only_when_the_reader_opens_it(browser, production) -> None:
    tab, requested = open_tab(browser, PHONE)
    try:
        tab.goto(production.url + TOPIC, wait_until="networkidle")
        assert search_requests(requested) == []
        tab.click("button.search-opener")
        tab.keyboard.type(QUERY)
        assert TOPIC in first_result(tab)
        assert len(search_requests(requested)) == 2
        posted = tab.evaluate("window.__posted")
    finally:
        tab.context.close()
    # The setup message, then queries: all to a real Worker, the queries rewritten on the way.
    assert posted[0]["type"] == 0 and all(message["real"] for message in posted)
    assert any(message["type"] == 2 and "mfa^2" in message["data"] for message in posted)


@pytest.mark.browser
def test_the_slash_key_opens_search_and_finds_the_topic(browser, production) -> None:
    tab, requested = open_tab(browser, DESKTOP)
    try:
        tab.goto(production.url + "admin/faq/", wait_until="networkidle")
        assert search_requests(requested) == []
        tab.keyboard.press("/")
        tab.keyboard.type(QUERY)
        assert TOPIC in first_result(tab)
    finally:
        tab.context.close()


@pytest.mark.browser
def test_a_shared_search_link_opens_with_its_results(browser, production) -> None:
    tab, _ = open_tab(browser, PHONE)
    try:
        tab.goto(f"{production.url}?q=lost+mfa+device")
        assert TOPIC in first_result(tab)
    finally:
        tab.context.close()
