"""Shared fixtures: the site is built once per session, like the CLI would, then inspected.

Every test reads the same strict build; browser tests reach it over a server bound to
127.0.0.1 only, and drive Debian's Chromium (Playwright cannot download its own here).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def build_site(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml") -> Path:
    """Build a site the way `mkdocs build --strict` does and return its folder."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's site, built once for the whole test session."""
    return build_site(tmp_path_factory.mktemp("site"))


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 for browser tests; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


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
