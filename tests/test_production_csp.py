"""Chromium reads the production site under its Content-Security-Policy: nothing is refused.

A policy that blocks one of Material's own scripts or styles breaks the site for every reader,
so Chromium opens every page from the production server with a `securitypolicyviolation`
listener, then searches, switches the palette, walks the troubleshooter and prints.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.support.crawl import watched_phone

# Every page was opened once for this test and tests/test_privacy.py (tests/support/crawl.py).


@pytest.fixture
def watched(browser):
    """A phone-sized tab that records every violation of the policy, and the list it fills."""
    with watched_phone(browser) as watched:
        yield watched


@pytest.mark.browser
def test_every_page_loads_without_a_violation(production_walk: dict[str, Any]) -> None:
    assert len(production_walk["pages"]) > 40
    assert production_walk["violations"] == []


@pytest.mark.browser
def test_searching_switching_palette_troubleshooting_and_printing(production, watched) -> None:
    tab, violations = watched
    # The home page's own search box submits to the site, which opens Material's search.
    tab.goto(production.url, wait_until="networkidle")
    tab.fill("#home-search-query", "lost mfa device")
    tab.press("#home-search-query", "Enter")
    tab.wait_for_selector(".md-search-result__item", timeout=15_000)
    # The palette toggle (dark, then light again).
    tab.goto(production.url + "topics/lost-mfa-device/", wait_until="networkidle")
    scheme = tab.get_attribute("body", "data-md-color-scheme")
    tab.click("form[data-md-component=palette] label:visible")
    # Material applies the palette from its change handler: wait for it, then read it.
    expect(tab.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
    assert tab.get_attribute("body", "data-md-color-scheme") != scheme
    tab.reload(wait_until="networkidle")
    assert tab.get_attribute("body", "data-md-color-scheme") != scheme
    # The troubleshooter: answer until a topic is reached.
    tab.goto(production.url + "troubleshooter/", wait_until="networkidle")
    while "/topics/" not in tab.url:
        tab.click(".troubleshooter-answers a >> nth=0")
        tab.wait_for_load_state("networkidle")
    # Printing: the button shows only once its inline script ran; the paper header's script
    # stamps the date before printing; then the page goes to paper with the print styles.
    assert tab.is_visible(".print-button")
    tab.evaluate("() => dispatchEvent(new Event('beforeprint'))")
    assert tab.text_content(".print-header__date").startswith("Printed ")
    tab.emulate_media(media="print")
    assert tab.pdf(format="A4")[:4] == b"%PDF"
    assert violations == []


@pytest.mark.browser
def test_the_listener_hears_a_refused_script(production, watched) -> None:
    """Proof the tests above could fail: an injected inline script is refused and recorded."""
    tab, violations = watched
    tab.goto(production.url, wait_until="networkidle")
    tab.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = 1'; document.body.append(s); }"
    )
    assert tab.evaluate("() => window.injected") is None
    assert any("script-src" in line for line in violations)
