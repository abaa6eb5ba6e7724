"""Readers' journeys, clicked through in Chromium from where each reader starts.

Each test follows one kind of reader from the page they arrive on to the page (or file) that
fixes their problem, and asserts where it ends and how many clicks it took. README.md
("Reader journeys") lists the counts; a change that adds a click shows up here first.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

PHONE = {"width": 390, "height": 844}


class Reader:
    """A browser tab that counts the clicks a reader makes."""

    def __init__(self, tab: Page, base_url: str) -> None:
        self.tab = tab
        self.base_url = base_url
        self.clicks = 0

    def open(self, path: str) -> None:
        self.tab.goto(self.base_url + path)

    def click(self, target: Locator) -> None:
        """Click a link or button that opens another page (or the same page at a section)."""
        expect(target).to_be_visible()
        self.clicks += 1
        target.click()
        self.tab.wait_for_load_state()

    def open_file(self, target: Locator) -> str:
        """Click a link to a file: the text of the file, saved or shown in the tab."""
        expect(target).to_be_visible()
        self.clicks += 1
        if target.get_attribute("download") is None:
            target.click()
            self.tab.wait_for_load_state()
            return self.tab.locator("body").inner_text()
        with self.tab.expect_download() as download:
            target.click()
        return Path(download.value.path()).read_text(encoding="utf-8")

    @property
    def path(self) -> str:
        """The address open now, from the site root, with its #section."""
        return self.tab.url.removeprefix(self.base_url)


@pytest.fixture
def reader(browser, site_url: str) -> Iterator[Reader]:
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    try:
        yield Reader(context.new_page(), site_url)
    finally:
        context.close()


def answer(reader: Reader, text: str) -> Locator:
    """An answer on the troubleshooter page open now."""
    return reader.tab.locator(".troubleshooter-answers").get_by_role("link", name=text)


def start_troubleshooter(reader: Reader) -> None:
    reader.click(reader.tab.get_by_role("link", name="Start the guided troubleshooter"))
    expect(reader.tab.locator("h1")).to_contain_text("What's going wrong?")


@pytest.mark.browser
def test_root_user_who_lost_the_mfa_device(reader: Reader) -> None:
    reader.open("")
    start_troubleshooter(reader)
    reader.click(answer(reader, "I can't get past the AWS sign-in page"))
    reader.click(answer(reader, "With an email address and a password"))
    reader.click(answer(reader, "My MFA device, passkey or security key is lost"))
    assert reader.path == "topics/lost-mfa-device/#root-user"
    expect(reader.tab.locator("#root-user")).to_be_in_viewport()
    assert reader.clicks == 4


@pytest.mark.browser
def test_iam_user_who_forgot_the_password(reader: Reader) -> None:
    reader.open("")
    common = reader.tab.locator("#the-most-common-problems + ul")
    reader.click(common.get_by_role("link", name="I forgot my IAM user password"))
    assert reader.path == "topics/forgot-iam-password/"
    expect(reader.tab.locator("h1")).to_contain_text("I forgot my IAM user password")
    assert reader.clicks == 1


@pytest.mark.browser
def test_reader_whose_sign_in_page_is_blocked_gets_the_list_for_their_user_type(
    reader: Reader,
) -> None:
    reader.open("")
    start_troubleshooter(reader)
    reader.click(answer(reader, "The sign-in page won't load, keeps signing me out"))
    reader.click(answer(reader, "The sign-in page doesn't load, or loads only in part"))
    assert reader.path == "topics/cant-reach-sign-in-page/"
    reader.click(
        reader.tab.locator("article").get_by_role("link", name="firewall allow-list").first
    )
    assert reader.path.startswith("admin/allow-list/")
    listed = reader.open_file(reader.tab.locator("a[href$='downloads/allow-list-iam.txt']").first)
    assert "*.signin.aws.amazon.com" in listed.split()
    assert reader.clicks == 5


@pytest.mark.browser
def test_administrator_downloads_the_csv_allow_list_from_home(reader: Reader) -> None:
    reader.open("")
    admin = reader.tab.locator("#for-administrators + .home-admin")
    csv = reader.open_file(admin.get_by_role("link", name="CSV"))
    assert csv.splitlines()[0].startswith("type,pattern,")
    assert "signin.aws.amazon.com" in csv
    assert reader.clicks == 1


@pytest.mark.browser
def test_administrator_who_wants_mfa_for_every_iam_user(reader: Reader) -> None:
    reader.open("")
    admin = reader.tab.locator("#for-administrators + .home-admin")
    reader.click(admin.get_by_role("link", name="require MFA for every IAM user"))
    assert reader.path == "admin/checklist/#iam-user-mfa"
    heading = reader.tab.locator("#iam-user-mfa")
    expect(heading).to_contain_text("Require MFA for every IAM user")
    expect(heading).to_be_in_viewport()
    assert reader.clicks == 1


# Readers whose problem got its own page: each starts on the home page, takes the guided
# troubleshooter and answers as they would, and must land on the page (and section) that fixes
# it in four clicks or fewer.
CANT_GET_PAST = "I can't get past the AWS sign-in page"
BROWSER = "The sign-in page won't load, keeps signing me out"
ACCOUNT = "My account is new, suspended or closed"
NEW_TOPIC_JOURNEYS = {
    "developer whose company login ends in a SAML error": (
        [CANT_GET_PAST, "Through my company's own login page", "an error about the SAML response"],
        "topics/saml-federation-errors/",
    ),
    "IAM user whose passkey won't register": (
        [CANT_GET_PAST, "With an account ID or alias", "My passkey or security key won't register"],
        "topics/passkey-or-security-key/#iam-user-passkey",
    ),
    "root user whose security key isn't recognised": (
        [CANT_GET_PAST, "With an email address and a password", "AWS doesn't recognize it"],
        "topics/passkey-or-security-key/#root-user-passkey",
    ),
    "new account holder whose account isn't active yet": (
        [ACCOUNT, "I just created my account and it isn't active yet"],
        "topics/new-account-not-active/",
    ),
    "Builder ID user told their email is already in use": (
        [CANT_GET_PAST, "With an AWS Builder ID", "My email is already in use"],
        "topics/builder-id-sign-in/#email-already-in-use",
    ),
    "access-portal user who sees Invalid MFA credentials": (
        [CANT_GET_PAST, "Through a portal link", "The portal refuses my MFA code"],
        "topics/identity-center-mfa/",
    ),
    "access-portal user who sees no accounts": (
        [CANT_GET_PAST, "Through a portal link", "The portal shows another error"],
        "topics/access-portal-errors/",
    ),
    "project owner who signs in with Google": (
        [CANT_GET_PAST, "With my Google, GitHub, Apple or Amazon login"],
        "topics/new-aws-experience-sign-in/",
    ),
    "developer whose aws sso login fails": (
        ["I'm signing in from the AWS CLI"],
        "topics/cli-sign-in/",
    ),
    "reader whose sign-in page keeps reloading": (
        [BROWSER, "The page keeps reloading"],
        "topics/browser-sign-in-problems/",
    ),
    "reader whom AWS keeps signing out": (
        [BROWSER, "I was signed in, but AWS signed me out"],
        "topics/session-expired/",
    ),
    "account owner waiting for AWS Support": (
        [ACCOUNT, "I need AWS Support, or I'm waiting", "I opened a case and I'm waiting"],
        "topics/waiting-for-aws-support/",
    ),
}


@pytest.mark.browser
@pytest.mark.parametrize("who", NEW_TOPIC_JOURNEYS)
def test_reader_with_a_newly_covered_problem_reaches_its_page(reader: Reader, who: str) -> None:
    answers, landing = NEW_TOPIC_JOURNEYS[who]
    reader.open("")
    start_troubleshooter(reader)
    for text in answers:
        reader.click(answer(reader, text))
    assert reader.path == landing
    section = landing.partition("#")[2]
    target = reader.tab.locator(f"#{section}" if section else "article h1")
    expect(target).to_be_in_viewport()
    assert reader.clicks <= 4


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site's 404 page for a missing address, as a web host configured for it does."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory, "404.html")
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def host_with_404_page(site: Path) -> Iterator[str]:
    handler = functools.partial(_NotFoundHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.browser
def test_reader_who_follows_a_dead_link_reaches_the_troubleshooter(
    browser, host_with_404_page: str
) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        reader = Reader(context.new_page(), host_with_404_page)
        response = reader.tab.goto(host_with_404_page + "topics/lost-my-mfa/")
        assert response.status == 404
        expect(reader.tab.locator("h1")).to_have_text("We can't find that page")
        start_troubleshooter(reader)
        assert reader.path == "troubleshooter/"
        assert reader.clicks == 1
    finally:
        context.close()
