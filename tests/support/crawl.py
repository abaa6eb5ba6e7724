"""One walk of Chromium through every page of the production site, for two checks at once.

tests/test_privacy.py (nothing fetched from another origin) and tests/test_production_csp.py
(nothing refused by the Content-Security-Policy) both need every page opened and settled, the
slowest walk of the suite; one walk records what both read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.support.axe import open_settled
from tests.support.editions import url_paths

# Schemes that name data the page already holds: nothing is fetched over the network.
LOCAL_SCHEMES = {"data", "blob", "about"}

# Where a request to another origin goes: a proxy on a port of 127.0.0.1 nobody listens on, so
# it fails before it leaves the machine; the walk still sees it asked. (Intercepting every
# request to refuse those instead made the walk half as slow again.)
NOWHERE = {"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"}

# Reported from every document before its own scripts run: a line for the reader of a failure,
# and the address refused ("inline" or "eval" for code in the page).
LISTENER = """
document.addEventListener("securitypolicyviolation", event => window.reportViolation(
  `${location.pathname}: ${event.effectiveDirective} refused ${event.blockedURI || "inline"}`
  + ` ${event.sample}`, event.blockedURI));
"""


def origin(url: str) -> tuple[str, str | None, int | None]:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname, parts.port


def walk_every_page(browser, site: Path, site_url: str) -> dict[str, Any]:
    """Open every page of ``site`` served at ``site_url``, then use the search box once.

    Requests to another origin fail before they leave the machine. Returns plain data:
    `pages` opened, every URL `fetched`, the `foreign` requests ("page: type url"), the policy's
    `violations` (lines) and the addresses it `refused`.
    """
    walked: dict[str, Any] = {
        "pages": url_paths(site),
        "fetched": [],
        "foreign": [],
        "violations": [],
        "refused": [],
    }
    current = [""]

    def record(request) -> None:
        url = request.url
        walked["fetched"].append(url)
        if urlsplit(url).scheme not in LOCAL_SCHEMES and origin(url) != origin(site_url):
            walked["foreign"].append(f"{current[0] or '/'}: {request.resource_type} {url}")

    def violated(line: str, blocked: str) -> None:
        walked["violations"].append(line)
        walked["refused"].append(blocked)

    context = browser.new_context(viewport={"width": 390, "height": 844}, proxy=NOWHERE)
    context.expose_function("reportViolation", violated)
    context.add_init_script(LISTENER)
    context.on("request", record)
    tab = context.new_page()
    tab.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and walked["violations"].append(f"console: {message.text}")
        ),
    )
    try:
        # Each page until it has loaded (its deferred scripts ran) and drawn twice: the scripts
        # that fetch or inject anything have run by then. Waiting for the network to be quiet
        # instead (half a second a page) found nothing more and cost a third of the walk.
        for path in walked["pages"]:
            current[0] = path
            open_settled(tab, site_url + path)
        # The search box loads its index and worker only when used: use it once.
        current[0] = "search"
        tab.goto(site_url, wait_until="networkidle")
        tab.keyboard.press("/")
        tab.keyboard.type("password")
        tab.wait_for_selector(".md-search-result__item", timeout=10_000)
    finally:
        context.close()
    return walked


@contextlib.contextmanager
def watched_phone(browser) -> Iterator[tuple[Any, list[str]]]:
    """A 390x844 tab that records every violation of the policy, and the list it fills."""
    violations: list[str] = []
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.expose_function("reportViolation", lambda line, _blocked: violations.append(line))
    context.add_init_script(LISTENER)
    tab = context.new_page()
    tab.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and violations.append(f"console: {message.text}")
        ),
    )
    try:
        yield tab, violations
    finally:
        context.close()
