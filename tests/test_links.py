"""Crawl the built site: every internal link and #anchor must land somewhere.

MkDocs checks links that authors write in Markdown, but not those that templates and hooks
put into the HTML, nor anchors in raw HTML; a reader clicking either would hit a dead end.
"""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from tests.support.editions import Parse, url_path

BASE = "http://site.invalid/"


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def target_file(site: Path, url: str) -> Path | None:
    """The built file a same-site URL serves, or None if nothing is there."""
    path = unquote(urlsplit(url).path).lstrip("/")
    candidate = site / path
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def test_every_internal_link_and_anchor_resolves(site: Path, page: Parse) -> None:
    assert broken_links(site, page) == []


def test_every_link_resolves_in_an_organizations_edition(org_site: Path, org_page: Parse) -> None:
    # Its left-out topics are gone: no generated or authored link may still lead there.
    assert broken_links(org_site, org_page) == []


def broken_links(site: Path, page: Parse) -> list[str]:
    """Every same-site link or anchor of the built ``site`` that lands nowhere.

    ``page`` is the session's parser of that site, so each page is parsed once for its links
    and its ids, and other tests read the same parse."""

    def soup(file: Path) -> BeautifulSoup:
        return page(url_path(site, file))

    @functools.cache
    def ids_of(file: Path) -> set[str]:
        found = soup(file)
        return {tag["id"] for tag in found.select("[id]")} | {
            tag["name"] for tag in found.select("a[name]")
        }

    broken: list[str] = []
    for file in html_files(site):
        page_url = urljoin(BASE, file.relative_to(site).as_posix())
        for tag in soup(file).select("a[href], link[href], script[src], img[src]"):
            ref = tag.get("href") or tag.get("src")
            url = urljoin(page_url, ref)
            if not url.startswith(BASE) or (tag.name == "link" and tag.get("rel") == ["canonical"]):
                continue
            target = target_file(site, url)
            fragment = unquote(urlsplit(url).fragment)
            if target is None:
                broken.append(f"{file.relative_to(site)}: {ref} (no such file)")
            elif fragment and target.suffix == ".html" and fragment not in ids_of(target):
                broken.append(f"{file.relative_to(site)}: {ref} (no such anchor)")
    return broken
