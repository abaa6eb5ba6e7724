"""Shared fixtures: the site is built once per session, like the CLI would, then inspected.

Every test reads the same strict build; browser tests reach it over a server bound to
127.0.0.1 only, and drive Debian's Chromium (Playwright cannot download its own here).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild import CHROMIUM, CHROMIUM_ARGS, build_site, serve, serve_production

ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that starts Chromium must carry the browser mark: `-m "not browser"` relies on it."""
    unmarked = [
        item.nodeid
        for item in items
        if "browser" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("browser")
    ]
    if unmarked:
        raise pytest.UsageError(f"mark these tests @pytest.mark.browser: {', '.join(unmarked)}")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's site, built once for the whole test session."""
    site_dir = tmp_path_factory.mktemp("site")
    build_site(site_dir)
    return site_dir


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

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/test.sh, which installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
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
def production():
    """The production build (python -m publish build), served by nginx; built once a session."""
    from publish.build import PublishError

    try:
        with serve_production() as served:
            yield served
    except PublishError as error:
        pytest.fail(f"{error} (scripts/test.sh installs them when run as root)")
