"""Search by keyboard alone: the closed search box is no Tab stop, and search still opens.

On a narrow screen Material hides the closed box behind the header's magnifier but leaves it in
the Tab order, so a keyboard reader landed on something invisible that opened search as a side
effect. Now the magnifier takes that Tab stop; on a wide screen the box is in the header itself.
"""

from __future__ import annotations

import pytest

TOPIC = "topics/lost-mfa-device/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
FOCUSED = """() => {
  const el = document.activeElement;
  return el.matches(".md-search__input") ? "search box"
    : el.matches("button.search-opener") ? "opener"
    : el.matches(".md-search-result__link") ? "result"
    : el.tagName.toLowerCase();
}"""
SEARCH_OPEN = "() => document.getElementById('__search').checked"


def tab_until(tab, wanted: str, limit: int = 12) -> list[str]:
    """Press Tab until focus reaches `wanted` (or give up); what each press focused."""
    seen = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        seen.append(tab.evaluate(FOCUSED))
        if seen[-1] == wanted:
            break
    return seen


def opens_a_result(tab) -> None:
    """Material's keys in the result list: Down moves into it, Enter opens the result."""
    tab.locator(".md-search-result__link").first.wait_for()
    tab.keyboard.press("ArrowDown")
    assert tab.evaluate(FOCUSED) == "result"
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert "/topics/" in tab.url


@pytest.mark.browser
def test_on_a_phone_tab_skips_the_closed_box_and_enter_opens_search(browser, site_url) -> None:
    tab = browser.new_page(viewport=PHONE)
    try:
        tab.goto(site_url + TOPIC)
        seen = tab_until(tab, "opener")
        assert seen[-1] == "opener" and "search box" not in seen
        assert not tab.evaluate(SEARCH_OPEN)
        # A button, so a screen reader says what it is, with the name of what it opens.
        assert tab.get_by_role("button", name="Search").first.is_visible()
        tab.keyboard.press("Enter")
        tab.wait_for_function(SEARCH_OPEN)
        tab.wait_for_function("() => document.activeElement.matches('.md-search__input')")
        tab.keyboard.type("lost authenticator phone")
        opens_a_result(tab)
    finally:
        tab.close()


@pytest.mark.browser
def test_on_a_wide_screen_the_visible_box_takes_the_tab_stop(browser, site_url) -> None:
    tab = browser.new_page(viewport=DESKTOP)
    try:
        tab.goto(site_url + TOPIC)
        assert tab_until(tab, "search box")[-1] == "search box"
        tab.keyboard.type("lost authenticator phone")
        opens_a_result(tab)
    finally:
        tab.close()
