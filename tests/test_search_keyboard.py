"""Search by keyboard alone: the closed search box is no Tab stop, and search still opens.

On a narrow screen Material hides the closed box behind the header's magnifier but leaves it in
the Tab order, so a keyboard reader landed on something invisible that opened search as a side
effect. Now the magnifier takes that Tab stop; on a wide screen the box is in the header itself.
"""

from __future__ import annotations

import pytest

from sitetools.search_box import ANSWERED, PROBE

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
RESULT_FOCUSED = "() => document.activeElement.matches('.md-search-result__link')"
QUERY = "lost authenticator phone"


def tab_until(tab, wanted: str, limit: int = 12) -> list[str]:
    """Press Tab until focus reaches `wanted` (or give up); what each press focused."""
    seen = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        seen.append(tab.evaluate(FOCUSED))
        if seen[-1] == wanted:
            break
    return seen


def new_tab(browser, viewport: dict[str, int]):
    """A page that reports when Material's search has answered (sitetools.search_box's probe)."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(PROBE)
    return context.new_page()


def opens_a_result(tab) -> None:
    """Material's keys in the result list: Down moves into it, Enter opens the result.

    Material answers every keystroke and redraws the list for each answer: a Down pressed
    while an earlier answer is on screen focuses a link the next redraw removes. So the keys
    wait until the answer to the whole query is on screen.
    """
    tab.wait_for_function(ANSWERED, arg=QUERY, polling=10)
    tab.keyboard.press("ArrowDown")
    tab.wait_for_function(RESULT_FOCUSED)
    assert tab.evaluate(FOCUSED) == "result"
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert "/topics/" in tab.url


@pytest.mark.browser
def test_on_a_phone_tab_skips_the_closed_box_and_enter_opens_search(browser, site_url) -> None:
    tab = new_tab(browser, PHONE)
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
        tab.keyboard.type(QUERY)
        opens_a_result(tab)
    finally:
        tab.context.close()


@pytest.mark.browser
def test_on_a_wide_screen_the_visible_box_takes_the_tab_stop(browser, site_url) -> None:
    tab = new_tab(browser, DESKTOP)
    try:
        tab.goto(site_url + TOPIC)
        assert tab_until(tab, "search box")[-1] == "search box"
        tab.keyboard.type(QUERY)
        opens_a_result(tab)
    finally:
        tab.context.close()
