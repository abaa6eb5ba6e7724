"""Shared fixtures: the site is built once per session, like the CLI would, then inspected.

Every test reads the same strict build; browser tests reach it over a server bound to
127.0.0.1 only, and drive Debian's Chromium (Playwright cannot download its own here).

Three kinds of test, told apart by marks that this file checks or adds:
- pure: neither mark; they call functions with plain data (`-m "not site and not browser"`).
- `site`: they build a site (the session's build, a fixture project, the production build).
- `browser`: they start Chromium; `-m "not browser"` leaves them out.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitetools import chromium
from sitetools.build import build_site
from sitetools.production import Production, serve_production
from sitetools.search_box import SearchBox
from sitetools.serve import serve

# Fixtures that start Chromium: the browser itself, and the production build, which prints the
# handbook PDF with it.
CHROMIUM_FIXTURES = {"browser", "production"}
# Fixtures that build the project's site.
SITE_FIXTURES = {"site", "production"}
# Expensive fixtures -> the xdist group of every test that uses one, so that one worker makes
# it once for all of them (with `--dist loadgroup`, in pyproject.toml).
GROUPED_FIXTURES = {
    "production": "production",
    "kit_site": "kit",
    "printouts": "printouts",
    "readings": "search-readings",
    "admin_readings": "admin-search-readings",
    "terse_readings": "admin-search-readings",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that starts Chromium must carry the browser mark: `-m "not browser"` relies on it.

    A test that reads the session's build gets the site mark here; modules that build fixture
    projects carry it themselves. A test that uses an expensive fixture must be in its group,
    or a second worker would make it again.
    """
    unmarked, ungrouped = [], []
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if CHROMIUM_FIXTURES & used and not item.get_closest_marker("browser"):
            unmarked.append(item.nodeid)
        if SITE_FIXTURES & used or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.site)
        group = item.get_closest_marker("xdist_group")
        ungrouped += [
            f"{item.nodeid} (xdist_group({GROUPED_FIXTURES[name]!r}))"
            for name in sorted(used & GROUPED_FIXTURES.keys())
            if group is None or group.args[:1] != (GROUPED_FIXTURES[name],)
        ]
    if unmarked:
        raise pytest.UsageError(f"mark these tests @pytest.mark.browser: {', '.join(unmarked)}")
    if ungrouped:
        raise pytest.UsageError(f"put these tests in their group: {', '.join(ungrouped)}")


def shared_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made by ``make`` once for the whole run, however many xdist workers ask.

    Under xdist every worker has its own base temp inside the run's; the first worker to get
    the lock there makes the folder, the others wait and read it.
    """
    base = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder, done = base / name, base / f"{name}.done"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not done.exists():
                make(folder)
                done.touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return folder


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's site, built once for the whole test session."""
    return shared_once(tmp_path_factory, "site", build_site)


@pytest.fixture(scope="session")
def page(site: Path):
    """Parse one built page: page("topics/lost-mfa-device/") -> BeautifulSoup."""

    @functools.cache
    def parse(url_path: str) -> BeautifulSoup:
        path = site / url_path
        if url_path == "" or url_path.endswith("/"):
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    return parse


@pytest.fixture(scope="session")
def topic_urls(site: Path) -> list[str]:
    """URL paths of every topic page, e.g. "topics/lost-mfa-device/"."""
    return sorted(f"topics/{p.parent.name}/" for p in (site / "topics").glob("*/index.html"))


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 for browser tests; yields its base URL."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright, shared by the session's browser tests."""
    from playwright.sync_api import sync_playwright

    if not chromium.installed():
        pytest.fail(f"{chromium.MISSING}; scripts/test.sh does it when run as root")
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def page_urls(site: Path) -> list[str]:
    """URL paths of every HTML page built, e.g. "", "topics/lost-mfa-device/", "404.html".

    Found by globbing the output, so the site-wide checks cover generated pages too.
    """
    pages = (file.relative_to(site).as_posix() for file in site.rglob("*.html"))
    return sorted(path.removesuffix("index.html") for path in pages)


@pytest.fixture(scope="session")
def production(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Production]:
    """The production site as `python -m publish serve` builds and serves it with nginx.

    Built once a session: every test that uses it carries `xdist_group("production")`.
    """
    with contextlib.ExitStack() as stack:
        try:
            served = stack.enter_context(serve_production(tmp_path_factory.mktemp("production")))
        except RuntimeError as error:
            pytest.fail(f"{error} (scripts/test.sh installs what is missing when run as root)")
        yield served


@pytest.fixture(scope="module")
def box(browser, site_url: str) -> Iterator[SearchBox]:
    """The site's real search box in Chromium, for one module's queries."""
    box = SearchBox(browser, site_url)
    try:
        yield box
    finally:
        box.close()
