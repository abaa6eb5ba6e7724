"""The site by keyboard alone: a few keys per troubleshooter question, no Tab stop on a ¶
permalink, and "Skip to content" landing where a page's content starts (its title).

Walking the troubleshooter from its start to the lost-MFA topic took 126 Tab presses on a wide
screen: every page's navigation, each ¶ permalink and each answer before the wanted one was a
stop. README.md ("Keyboard") lists the counts; the walk test asserts today's.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from signinhelp.keyboard import keyboard_paths

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TOPIC = "topics/lost-mfa-device/"
START = "troubleshooter/"
ROOT_USER_LOST_MFA = [
    "I can't get past the AWS sign-in page",
    "With an email address and a password",
    "My MFA device, passkey or security key is lost, or its codes are refused",
]
FOCUSED = """() => {
  const el = document.activeElement;
  return el === document.body ? "body"
    : el.matches("a.md-skip") ? "skip link"
    : el.matches("a.headerlink") ? "permalink"
    : el.closest(".troubleshooter-answers") ? "answer: " + el.textContent.trim()
    : el.tagName.toLowerCase();
}"""


# Pure: the page edit itself.


def test_a_title_without_an_id_gets_one_and_the_skip_link_points_at_it() -> None:
    html = (
        '<a href="#steps" class="md-skip">Skip to content</a>'
        '<article class="md-content__inner md-typeset"><h1>Can\'t sign in?</h1><p>Intro.</p>'
        '<h2 id="steps">Steps<a class="headerlink" href="#steps" title="Permanent link">'
        "&para;</a></h2></article>"
    )
    assert keyboard_paths(html) == (
        '<a href="#cant-sign-in" class="md-skip">Skip to content</a>'
        '<article class="md-content__inner md-typeset">'
        '<h1 id="cant-sign-in" tabindex="-1">Can\'t sign in?</h1><p>Intro.</p>'
        '<h2 id="steps">Steps<a class="headerlink" href="#steps" title="Permanent link" '
        'tabindex="-1">&para;</a></h2></article>'
    )


def test_a_title_keeps_its_own_id_and_a_new_one_is_unique_on_the_page() -> None:
    kept = keyboard_paths(
        '<a href="#x" class="md-skip">Skip</a><article class="md-content__inner">'
        '<h1 id="question">Question</h1></article>'
    )
    assert '<a href="#question" class="md-skip">' in kept
    assert '<h1 id="question" tabindex="-1">' in kept
    renamed = keyboard_paths(
        '<a href="#steps" class="md-skip">Skip</a><article class="md-content__inner">'
        '<h1>Steps</h1><h2 id="steps">Steps</h2></article>'
    )
    assert '<a href="#steps_1" class="md-skip">' in renamed


def test_a_page_without_a_skip_link_or_a_title_keeps_them_as_they_are() -> None:
    no_skip = '<article class="md-content__inner"><h1>Not found</h1></article>'
    assert keyboard_paths(no_skip) == no_skip
    # A heading outside the article (a banner, the header) is not the content's title.
    no_title = (
        '<a href="#a" class="md-skip">Skip</a><h1>Site</h1>'
        '<article class="md-content__inner"></article>'
    )
    assert keyboard_paths(no_title) == no_title


# The built site.


def test_no_permalink_on_any_page_is_a_tab_stop(page_urls, page) -> None:
    for url in page_urls:
        for link in page(url).select("a.headerlink"):
            assert link.get("tabindex") == "-1", (url, link["href"])


def test_skip_to_content_targets_each_page_title(page_urls, page) -> None:
    skipping = 0
    for url in page_urls:
        soup = page(url)
        skip = soup.select_one("a.md-skip")
        if skip is None:
            continue
        skipping += 1
        title = soup.select_one("article.md-content__inner h1")
        assert skip["href"] == f"#{title['id']}", url
        # Focusable by the skip link only, so a screen reader reads on from the title.
        assert title["tabindex"] == "-1", url
    assert skipping > 40


def test_decision_pages_group_their_answers(page) -> None:
    soup = page(START)
    group = soup.select_one(".troubleshooter-answers")
    assert (group["role"], group["aria-label"]) == ("group", "Answers")
    # Shown and used as the group's description only when the script runs.
    hint = soup.select_one(".troubleshooter-answers + #troubleshooter-keys")
    assert hint.has_attr("hidden") and "Arrow keys" in hint.get_text()


# In Chromium.


class KeyboardReader:
    """A browser tab driven by keys alone, counting every key pressed."""

    def __init__(self, tab: Page, base_url: str) -> None:
        self.tab = tab
        self.base_url = base_url
        self.keys = 0

    def press(self, key: str) -> str:
        """Press `key`; what has focus then."""
        self.keys += 1
        self.tab.keyboard.press(key)
        return self.focused()

    def follow(self) -> None:
        """Enter on a link to another page."""
        self.keys += 1
        with self.tab.expect_navigation():
            self.tab.keyboard.press("Enter")

    def focused(self) -> str:
        return self.tab.evaluate(FOCUSED)

    def answer(self, text: str) -> None:
        """Skip to the question, Tab into its answers, arrow down to `text`, Enter."""
        assert self.press("Tab") == "skip link"
        self.press("Enter")
        expect(self.tab.locator("article h1")).to_be_focused()
        assert self.press("Tab").startswith("answer: ")
        for _ in range(8):
            if self.focused().startswith(f"answer: {text}"):
                break
            self.press("ArrowDown")
        assert self.focused().startswith(f"answer: {text}")
        self.follow()


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def keyboard_reader(request, browser, site_url: str) -> Iterator[KeyboardReader]:
    context = browser.new_context(viewport=request.param)
    try:
        yield KeyboardReader(context.new_page(), site_url)
    finally:
        context.close()


@pytest.mark.browser
def test_the_troubleshooter_takes_a_few_keys_per_question(keyboard_reader) -> None:
    reader = keyboard_reader
    reader.tab.goto(reader.base_url + START)
    for text in ROOT_USER_LOST_MFA:
        reader.answer(text)
    assert reader.tab.url == reader.base_url + TOPIC + "#root-user"
    # Per question: Tab, Enter (skip), Tab (answers), Down to the answer, Enter. The MFA answer
    # is fifth of its question. It was 126 Tab presses on a wide screen.
    assert reader.keys == 4 + 4 + 8


@pytest.mark.browser
def test_arrow_keys_move_between_answers_and_tab_leaves_them(keyboard_reader) -> None:
    reader = keyboard_reader
    reader.tab.goto(reader.base_url + START + "how-you-sign-in/")
    hint = reader.tab.locator("#troubleshooter-keys")
    expect(hint).to_be_hidden()
    reader.tab.locator("article h1").focus()
    assert reader.press("Tab").startswith("answer: With an email address and a password")
    expect(hint).to_be_visible()
    assert reader.press("ArrowUp").startswith("answer: I'm not sure")
    assert reader.press("Home").startswith("answer: With an email address")
    assert reader.press("End").startswith("answer: I'm not sure")
    assert reader.press("ArrowDown").startswith("answer: With an email address")
    assert reader.press("ArrowDown").startswith("answer: With an account ID")
    # One Tab leaves the group; Shift+Tab comes back to the answer last in focus.
    assert reader.press("Tab") == "a"
    expect(reader.tab.get_by_role("link", name="Start over")).to_be_focused()
    expect(hint).to_be_hidden()
    assert reader.press("Shift+Tab").startswith("answer: With an account ID")
    group = reader.tab.get_by_role("group", name="Answers")
    expect(group).to_have_accessible_description(
        "Arrow keys move between the answers. Enter chooses one."
    )


@pytest.mark.browser
def test_without_script_every_answer_is_a_tab_stop(browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        reader = KeyboardReader(context.new_page(), site_url)
        reader.tab.goto(site_url + START)
        reader.tab.locator("a.md-skip").focus()
        reader.press("Enter")
        expect(reader.tab.locator("article h1")).to_be_focused()
        answers = reader.tab.locator(".troubleshooter-answers a")
        for index in range(answers.count()):
            reader.press("Tab")
            expect(answers.nth(index)).to_be_focused()
        expect(reader.tab.locator("#troubleshooter-keys")).to_be_hidden()
    finally:
        context.close()


@pytest.mark.browser
def test_tab_never_reaches_a_permalink_and_a_pointer_still_can(keyboard_reader) -> None:
    reader = keyboard_reader
    reader.tab.goto(reader.base_url + TOPIC)
    assert reader.press("Tab") == "skip link"
    # Round the whole page, until focus comes back to the skip link.
    seen = [reader.press("Tab")]
    while seen[-1] != "skip link" and len(seen) < 300:
        seen.append(reader.press("Tab"))
    assert seen[-1] == "skip link" and len(seen) > 20
    assert "permalink" not in seen
    heading = reader.tab.locator("h2#steps")
    permalink = heading.locator("a.headerlink")
    heading.hover()
    expect(permalink).to_have_css("opacity", "1")
    permalink.click()
    assert reader.tab.url.endswith(TOPIC + "#steps")


@pytest.mark.browser
def test_skip_to_content_on_a_topic_lands_before_its_introduction(keyboard_reader) -> None:
    reader = keyboard_reader
    reader.tab.goto(reader.base_url + TOPIC)
    assert reader.press("Tab") == "skip link"
    reader.press("Enter")
    title = reader.tab.locator("article h1")
    expect(title).to_be_focused()
    expect(title).to_be_in_viewport()
    # The introduction: the first plain paragraph (the audience line above it has a class).
    intro = reader.tab.locator("article > p:not([class])").first
    expect(intro).to_contain_text("A root user can usually get back in")
    follows = "(h1, intro) => Boolean(h1.compareDocumentPosition(intro) & 4)"
    assert title.evaluate(follows, intro.element_handle())
    # The next Tab stays before the steps: the symptoms box above the introduction.
    assert reader.press("Tab") == "summary"


@pytest.mark.browser
def test_on_a_phone_the_closed_drawer_takes_no_tab_stop_and_a_button_opens_it(
    browser, site_url: str
) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        reader = KeyboardReader(context.new_page(), site_url)
        reader.tab.goto(site_url + START)
        opener = reader.tab.get_by_role("button", name="Navigation")
        drawer = reader.tab.locator(".md-sidebar--primary")
        seen = [reader.press("Tab") for _ in range(5)]
        # Skip link, the drawer's button, dark mode, search, then the first answer.
        assert seen[0] == "skip link" and seen[4].startswith("answer: ")
        assert drawer.evaluate("nav => nav.inert")
        expect(opener).to_have_attribute("aria-expanded", "false")
        opener.focus()
        reader.press("Enter")
        expect(opener).to_have_attribute("aria-expanded", "true")
        expect(drawer).to_be_in_viewport()
        # Tab goes on into the open drawer; Escape there closes it and returns to the button.
        reader.tab.locator(".md-sidebar--primary a[href]").first.focus()
        reader.press("Escape")
        expect(opener).to_be_focused()
        expect(opener).to_have_attribute("aria-expanded", "false")
    finally:
        context.close()


@pytest.mark.browser
def test_on_a_wide_screen_the_navigation_stays_in_the_tab_order(browser, site_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    try:
        reader = KeyboardReader(context.new_page(), site_url)
        reader.tab.goto(site_url + START)
        expect(reader.tab.locator("button.drawer-opener")).to_be_hidden()
        drawer = reader.tab.locator(".md-sidebar--primary")
        assert not drawer.evaluate("nav => nav.inert")
        # After the skip link, the logo, dark mode and the search box: the navigation's Home.
        seen = [reader.press("Tab") for _ in range(5)]
        assert seen[0] == "skip link" and seen[4] == "a"
        expect(drawer.get_by_role("link", name="Home")).to_be_focused()
    finally:
        context.close()
