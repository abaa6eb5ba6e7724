"""The sample organization's edition (examples/example-corp/), built once for the whole run.

Every test of the organization edition reads this one strict build, as the public edition's
tests read the session's `site`; tests/conftest.py makes these fixtures available.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitetools.build import build_site
from sitetools.paths import ROOT
from sitetools.serve import serve

EXAMPLE_CORP = ROOT / "examples" / "example-corp" / "mkdocs.yml"


@pytest.fixture(scope="session")
def org_site(once) -> Path:
    """Example Corp's edition, built strict from its own mkdocs.yml, once per run."""
    return once.folder("example-corp", lambda folder: build_site(folder, EXAMPLE_CORP))


# A parser of one built site's pages, each parsed once: page("topics/lost-mfa-device/") -> soup.
# Tests read the soups and never change them: another test may read the same one next.
Parse = Callable[[str], BeautifulSoup]


def url_path(site: Path, file: Path) -> str:
    """The URL path of a built page's file: "topics/lost-mfa-device/", "" or "404.html"."""
    return file.relative_to(site).as_posix().removesuffix("index.html")


def url_paths(site: Path) -> list[str]:
    """URL paths of every HTML page of a built site, e.g. "", "topics/lost-mfa-device/",
    "404.html": found by globbing the output, so the site-wide checks cover generated pages."""
    return sorted(url_path(site, file) for file in site.rglob("*.html"))


def page_parser(site: Path) -> Parse:
    """Parse one page of a built site by its URL path ("topics/lost-mfa-device/"), each once."""

    @functools.cache
    def parse(url_path: str) -> BeautifulSoup:
        path = site / url_path
        if url_path == "" or url_path.endswith("/"):
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    return parse


@pytest.fixture(scope="session")
def org_page(org_site: Path) -> Parse:
    """Parse one page of the edition: org_page("topics/lost-mfa-device/") -> BeautifulSoup."""
    return page_parser(org_site)


@pytest.fixture(scope="session")
def org_site_url(org_site: Path) -> Iterator[str]:
    """The edition served on 127.0.0.1 for browser tests; yields its base URL."""
    with serve(org_site) as url:
        yield url
