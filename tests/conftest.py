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
import json
import os
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from publish import nginx
from publish.build import Build
from publish.errors import PublishError
from sitetools import chromium
from sitetools.build import build_site
from sitetools.production import Production, build_production
from sitetools.search_box import Query, Reading, SearchBox
from sitetools.serve import free_port, serve, wait_for_port
from tests.support.crawl import walk_every_page
from tests.support.editions import (  # noqa: F401 - fixtures
    Parse,
    org_page,
    org_site,
    org_site_url,
    page_parser,
    url_paths,
)

# The production site is published under this folder of its host: every address must keep it.
PRODUCTION_FOLDER = "aws-signin/"
# Fixtures that start Chromium: the browser itself, and the production build, which prints the
# handbook PDF with it.
CHROMIUM_FIXTURES = {"browser", "production"}
# Fixtures that build the project's site.
SITE_FIXTURES = {"site", "production", "org_site"}
# Modules whose tests share something expensive that `once` makes (the production build, its
# server and its kit, the printouts, the search readings) or a module's fixture (test_serve's
# server): each group runs on one worker, so the other worker runs other tests instead of
# waiting for the lock or making it again. Any other test goes wherever a worker is free.
RUN_TOGETHER = {
    "tests/test_production_server.py": "production",
    "tests/test_production_csp.py": "production",
    "tests/test_privacy.py": "production",
    "tests/test_production_feedback.py": "production",
    "tests/test_first_visit.py": "production",
    "tests/test_kit.py": "production",
    "tests/test_print_pdf.py": "printouts",
    "tests/test_search_box.py": "readings",
    "tests/test_search_admin.py": "admin-readings",
    "tests/test_serve.py": "serve",
}
# xdist hands out the groups above first (it orders by number of tests), then single tests in
# collection order. These modules hold the longest of those: they go first, and the short tests
# fill in after them, so that no worker is left with a long test at the end while the other
# idles. Longest first.
LONG_FIRST = (
    "tests/test_accessibility.py",
    "tests/test_reproducible.py",
    "tests/test_html_valid.py",
    "tests/test_properdocs.py",
    "tests/test_links.py",
    "tests/test_types.py",
    "tests/test_first_screen.py",
    "tests/test_print_page.py",
)


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """pytest-xdist's loadgroup, with the groups above: its own `xdist_group` mark can't tag
    node ids under pytest 9.2, so it no longer keeps a group together."""
    from xdist.scheduler import LoadScopeScheduling

    class RunTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return RUN_TOGETHER.get(nodeid.split("::")[0], nodeid)

    return RunTogether(config, log)


def module_of(item: pytest.Item) -> str:
    return item.nodeid.split("::")[0]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that starts Chromium must carry the browser mark: `-m "not browser"` relies on it.

    A test that reads the session's build gets the site mark here; modules that build fixture
    projects carry it themselves. The modules of LONG_FIRST go first, in its order.
    """
    rank = {module: place for place, module in enumerate(LONG_FIRST)}
    items.sort(key=lambda item: rank.get(module_of(item), len(rank)))
    unmarked = []
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if CHROMIUM_FIXTURES & used and not item.get_closest_marker("browser"):
            unmarked.append(item.nodeid)
        if SITE_FIXTURES & used or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.site)
    if unmarked:
        raise pytest.UsageError(f"mark these tests @pytest.mark.browser: {', '.join(unmarked)}")


@contextlib.contextmanager
def locked(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file`` (made if missing) for the block."""
    with open(lock_file, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class Once:
    """What a test run makes once, however many xdist workers ask for it.

    Every worker has its own base temp inside the run's; the first worker to ask makes the
    thing there under a lock, the others wait for it and read it.
    """

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        base = factory.getbasetemp()
        self.base = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base

    def folder(self, name: str, make: Callable[[Path], object]) -> Path:
        """The folder ``make`` fills, made by the first worker that asks."""
        folder, done = self.base / name, self.base / f"{name}.done"
        with locked(self.base / f"{name}.lock"):
            if not done.exists():
                make(folder)
                done.touch()
        return folder

    def data(self, name: str, compute: Callable[[], object]) -> Any:
        """What ``compute`` returns (JSON data), computed by the first worker that asks."""

        def write(folder: Path) -> None:
            folder.mkdir()
            (folder / "data.json").write_text(json.dumps(compute()), encoding="utf-8")

        return json.loads((self.folder(name, write) / "data.json").read_text(encoding="utf-8"))

    def readings(self, name: str, browser, site_url: str, queries: list[Query]) -> list[Reading]:
        """Each query typed into the site's search box, once for the whole run."""

        def read() -> list[dict]:
            box = SearchBox(browser, site_url)
            try:
                return [reading.to_json() for reading in box.search_all([q.text for q in queries])]
            finally:
                box.close()

        return [Reading.from_json(data) for data in self.data(name, read)]


@pytest.fixture(scope="session")
def once(tmp_path_factory: pytest.TempPathFactory) -> Once:
    """Make something once for the whole run: once.folder(name, make), once.data(name, ...)."""
    return Once(tmp_path_factory)


@pytest.fixture(scope="session")
def site(once: Once) -> Path:
    """The project's site, built once for the whole test run."""
    return once.folder("site", build_site)


@pytest.fixture(scope="session")
def page(site: Path):
    """Parse one built page: page("topics/lost-mfa-device/") -> BeautifulSoup."""
    return page_parser(site)


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
    """URL paths of every HTML page built, e.g. "", "topics/lost-mfa-device/", "404.html"."""
    return url_paths(site)


@pytest.fixture(scope="session")
def production(once: Once) -> Iterator[Production]:
    """The production site (python -m publish build) served by nginx, as `publish serve` does.

    Built once for the whole run, for a folder (as on GitHub Pages) of a port of 127.0.0.1 its
    builder picks; served there by one nginx that the workers share: the first to need it
    starts it, the last one stops it. Its kit (offline copy, handbook PDF) is the kit's tests'.
    """

    def make(out: Path) -> None:
        url = f"http://127.0.0.1:{free_port()}/{PRODUCTION_FOLDER}"
        try:
            build_production(out, url)
        except RuntimeError as error:
            pytest.fail(f"{error} (scripts/test.sh installs what is missing when run as root)")
        (out / "url.txt").write_text(url, encoding="utf-8")

    out = once.folder("production", make)
    url = (out / "url.txt").read_text(encoding="utf-8")
    made = Build(out, url)
    port = urlsplit(url).port
    users = once.base / "production.users"
    with locked(once.base / "production.server.lock"):
        count = int(users.read_text()) if users.exists() else 0
        if count == 0:
            try:
                argv = nginx.command(made, port, access_log="off")
            except PublishError as error:
                pytest.fail(f"{error} (scripts/test.sh installs them when run as root)")
            server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            wait_for_port(port, server, 30)
        users.write_text(str(count + 1))
    policy = made.policy_file.read_text(encoding="utf-8").strip()
    try:
        yield Production(made.site, url, policy)
    finally:
        with locked(once.base / "production.server.lock"):
            count = int(users.read_text()) - 1
            users.write_text(str(count))
            if count == 0:
                pid = int((out / "nginx" / "nginx.pid").read_text())
                os.kill(pid, signal.SIGTERM)


@pytest.fixture(scope="session")
def production_page(production: Production) -> Parse:
    """Parse one page of the production build, each once: production_page("topics/x/")."""
    return page_parser(production.site)


@pytest.fixture(scope="session")
def production_walk(once: Once, browser, production: Production) -> dict[str, Any]:
    """Every page of the production site opened once for the whole run, until the network was
    quiet: what was fetched, refused and reported (tests/support/crawl.py)."""
    return once.data(
        "production-walk", lambda: walk_every_page(browser, production.site, production.url)
    )


@pytest.fixture(scope="module")
def box(browser, site_url: str) -> Iterator[SearchBox]:
    """The site's real search box in Chromium, for one module's queries."""
    box = SearchBox(browser, site_url)
    try:
        yield box
    finally:
        box.close()
