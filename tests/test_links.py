"""Crawl the built site: every internal link and #anchor must land somewhere.

MkDocs checks links that authors write in Markdown, but not those that templates and hooks
put into the HTML, nor anchors in raw HTML; a reader clicking either would hit a dead end.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

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


def ids_of(file: Path, cache: dict[Path, set[str]]) -> set[str]:
    if file not in cache:
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        cache[file] = {tag["id"] for tag in soup.select("[id]")} | {
            tag["name"] for tag in soup.select("a[name]")
        }
    return cache[file]


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_every_link_resolves_in_an_organizations_edition(org_site: Path) -> None:
    # Its left-out topics are gone: no generated or authored link may still lead there.
    assert broken_links(org_site) == []


def broken_links(site: Path) -> list[str]:
    """Every same-site link or anchor of the built ``site`` that lands nowhere."""
    broken: list[str] = []
    ids: dict[Path, set[str]] = {}
    for file in html_files(site):
        page_url = urljoin(BASE, file.relative_to(site).as_posix())
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("a[href], link[href], script[src], img[src]"):
            ref = tag.get("href") or tag.get("src")
            url = urljoin(page_url, ref)
            if not url.startswith(BASE) or (tag.name == "link" and tag.get("rel") == ["canonical"]):
                continue
            target = target_file(site, url)
            fragment = unquote(urlsplit(url).fragment)
            if target is None:
                broken.append(f"{file.relative_to(site)}: {ref} (no such file)")
            elif fragment and target.suffix == ".html" and fragment not in ids_of(target, ids):
                broken.append(f"{file.relative_to(site)}: {ref} (no such anchor)")
    return broken
