"""A reader of an organization's edition, clicked through in Chromium on a phone.

Example Corp's staff sign in through IAM Identity Center. One of them has lost the phone with
the authenticator app: from the home page, the troubleshooter must end on a page that names
Example Corp's help desk and how to reach it, on screen, with a number the phone can call.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, expect

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def tab(browser, org_site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, base_url=org_site_url)
    try:
        yield context.new_page()
    finally:
        context.close()


def follow(tab: Page, link: Locator) -> None:
    expect(link).to_be_visible()
    link.click()
    tab.wait_for_load_state()


def answer(tab: Page, text: str) -> Locator:
    return tab.locator(".troubleshooter-answers").get_by_role("link", name=text)


@pytest.mark.browser
def test_identity_center_user_who_lost_the_mfa_device_reaches_the_help_desk(tab: Page) -> None:
    tab.goto("")
    follow(tab, tab.get_by_role("link", name="Start the guided troubleshooter"))
    follow(tab, answer(tab, "I can't get past the AWS sign-in page"))
    follow(tab, answer(tab, "Through a portal link such as"))
    follow(tab, answer(tab, "The portal refuses my MFA code, I have a new phone"))
    expect(tab.locator("h1")).to_contain_text("MFA")
    # The reader's own case on that page: no registered device works any more.
    lost = tab.locator("#lost-device ~ .helpdesk").first
    lost.scroll_into_view_if_needed()
    expect(lost).to_be_in_viewport()
    expect(lost.locator(".admonition-title")).to_have_text("Ask Example Corp's help desk")
    call = lost.get_by_role("link", name="+1 206 555 0142")
    expect(call).to_have_attribute("href", "tel:+12065550142")
    expect(lost).to_contain_text("Monday to Friday, 08:00 to 18:00 US Pacific time")
    # The box fits the phone's width: nothing in it needs a sideways scroll.
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
