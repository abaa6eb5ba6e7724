"""'Did this page help?' behind the production server: a reader's answer reaches the summary.

Only the production server's build asks (it logs /feedback); the plain build, the offline copy
and paper never show the widget, and it runs under the strict policy without a violation.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from publish.build import Build
from publish.feedback import AFTER_THE_STEPS
from publish.kit import KIT_DIR
from publish.offline import ZIP_NAME
from sitetools.paths import ROOT
from sitetools.production import run_publish
from tests.support.axe import AXE, EVERY_RULE, PALETTES, RUN_AXE_ONLY, open_settled
from tests.support.crawl import watched_phone
from tests.support.editions import Parse, url_paths

# Resolves once every running transition and animation of the page has ended.
FINISHED = "() => Promise.all(document.getAnimations().map(animation => animation.finished))"
# nginx writes a log line once the reply is sent: the summary gets this long to show it.
LOG_SECONDS = 10


@pytest.fixture
def phone(browser):
    """A 390x844 tab that records every violation of the policy, and the list it fills."""
    with watched_phone(browser) as watched:
        yield watched


def summary(production) -> list[str]:
    """What `python -m publish feedback LOG` prints for the server's log."""
    log = Build(production.site.parent, production.url).feedback_log
    done = run_publish("feedback", str(log))
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def holds(lines: list[str], expected: list[str]) -> bool:
    """Whether ``lines`` has ``expected`` one after the other."""
    return any(lines[at : at + len(expected)] == expected for at in range(len(lines)))


def summary_with(production, expected: list[str]) -> list[str]:
    """The summary once it holds ``expected``, or as it last was."""
    deadline = time.monotonic() + LOG_SECONDS
    while True:
        lines = summary(production)
        if holds(lines, expected) or time.monotonic() > deadline:
            return lines
        time.sleep(0.2)


@pytest.mark.browser
def test_a_no_with_a_reason_reaches_the_summary_without_a_policy_violation(
    production, phone
) -> None:
    tab, violations = phone
    tab.goto(production.url + "topics/session-expired/", wait_until="networkidle")
    widget = tab.locator(".page-feedback")
    expect(widget).to_be_visible()
    tab.get_by_role("button", name="No", exact=True).click()
    # Focus moves to the first reason, so a keyboard reader goes on from there.
    expect(widget.locator(".page-feedback__reasons button").first).to_be_focused()
    reason = tab.get_by_role("button", name="I couldn't follow one of the steps")
    with tab.expect_response("**/feedback?*") as answered:
        reason.click()
    assert answered.value.status == 204
    expect(widget.locator(".page-feedback__thanks")).to_be_focused()
    expect(widget.get_by_role("button")).to_have_count(0)

    # Only this test answers about this page; other tests may answer about others.
    expected = [
        "/topics/session-expired/  no: 1  yes: 0",
        "    1  I couldn't follow one of the steps",
    ]
    lines = summary_with(production, expected)
    assert lines[0].endswith("worst first")
    assert holds(lines, expected)
    assert violations == []


@pytest.mark.browser
def test_a_keyboard_reader_answers_yes_once(production, phone) -> None:
    tab, violations = phone
    tab.goto(production.url + "topics/cli-sign-in/", wait_until="networkidle")
    sent: list[str] = []
    tab.on("request", lambda request: "/feedback?" in request.url and sent.append(request.url))
    yes = tab.get_by_role("button", name="Yes", exact=True)
    yes.focus()
    with tab.expect_response("**/feedback?*"):
        tab.keyboard.press("Enter")
    thanks = tab.locator(".page-feedback__thanks")
    expect(thanks).to_be_focused()
    # The buttons are gone: nothing is left to send a second answer with.
    expect(tab.locator(".page-feedback button:visible")).to_have_count(0)
    assert sent == [production.url + "feedback?page=%2Ftopics%2Fcli-sign-in%2F&vote=yes&reason="]
    expected = ["/topics/cli-sign-in/  no: 0  yes: 1"]
    assert holds(summary_with(production, expected), expected)
    assert violations == []


@pytest.mark.browser
def test_paper_doesnt_show_the_widget(production, phone) -> None:
    tab, _ = phone
    tab.goto(production.url + "topics/lost-mfa-device/", wait_until="networkidle")
    expect(tab.locator(".page-feedback")).to_be_visible()
    tab.emulate_media(media="print")
    expect(tab.locator(".page-feedback")).to_be_hidden()


@pytest.mark.browser
def test_every_topic_page_asks_once_after_its_steps_and_no_other_page_asks(
    production, production_page: Parse
) -> None:
    asking = {}
    for url in url_paths(production.site):
        widgets = production_page(url).select(".page-feedback")
        if widgets:
            [widget] = widgets
            asking[url] = widget.find_next_sibling("h2").get("id")
    topics = sorted(f"topics/{p.parent.name}/" for p in production.site.glob("topics/*/index.html"))
    assert sorted(asking) == topics and len(topics) > 20
    assert set(asking.values()) <= set(AFTER_THE_STEPS)


@pytest.mark.browser
def test_the_offline_copy_never_asks(production) -> None:
    with zipfile.ZipFile(production.site / KIT_DIR / ZIP_NAME) as archive:
        pages = [name for name in archive.namelist() if name.endswith(".html")]
        asking = [name for name in pages if b"page-feedback" in archive.read(name)]
    assert len(pages) > 40 and asking == []


def test_the_plain_build_never_asks(site: Path, page: Parse, page_urls: list[str]) -> None:
    asking = [url for url in page_urls if page(url).select(".page-feedback")]
    assert len(page_urls) > 40 and asking == []
    # Nor does it carry the widget's script or style sheet.
    assert not [p for p in site.rglob("feedback*") if p.suffix in (".js", ".css")]


def test_github_pages_is_built_without_the_widget() -> None:
    """Pages can't log an answer: its build leaves --feedback out."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text("utf-8"))
    runs = [
        step["run"]
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if "publish build" in step.get("run", "")
    ]
    assert runs and not any("--feedback" in run for run in runs)


@pytest.mark.browser
@pytest.mark.parametrize("palette", list(PALETTES))
def test_the_widget_passes_axe_when_it_asks_and_when_it_offers_reasons(
    production, browser, palette: str
) -> None:
    scheme, _ = PALETTES[palette]
    # axe goes into the page as an inline script, which the policy rightly refuses.
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, color_scheme=scheme, bypass_csp=True
    )
    try:
        tab = context.new_page()
        open_settled(tab, production.url + "topics/lost-mfa-device/")
        expect(tab.locator(".page-feedback")).to_be_visible()
        tab.add_script_tag(path=str(AXE))
        found = {"asking": tab.evaluate(RUN_AXE_ONLY, EVERY_RULE)}
        tab.get_by_role("button", name="No", exact=True).click()
        expect(tab.locator(".page-feedback__reasons")).to_be_visible()
        # The focused reason's colours and Material's header fade in: read them once drawn.
        tab.evaluate(FINISHED)
        found["reasons"] = tab.evaluate(RUN_AXE_ONLY, EVERY_RULE)
    finally:
        context.close()
    assert found == {"asking": [], "reasons": []}
