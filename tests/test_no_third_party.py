"""No page makes the reader's browser talk to another origin: no CDN, no web fonts, no trackers.

Readers may be behind strict filters (that is often why they are here), and the site must
not leak their visit to third parties. The browser-level check lives with the quality gates;
this one reads every built file.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

# Attributes that make the browser fetch something on its own.
FETCHING = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}
# <link rel> values that make the browser fetch the target.
PRELOADING_RELS = {"stylesheet", "preconnect", "preload", "icon", "dns-prefetch", "modulepreload"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def is_remote(ref: str) -> bool:
    return ref.startswith(("http://", "https://", "//"))


def test_no_page_loads_anything_from_another_origin(site: Path) -> None:
    remote: list[str] = []
    for file in site.rglob("*.html"):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in FETCHING.items():
            remote += [
                f"{file.name}: {t[attribute]}"
                for t in soup.find_all(tag)
                if is_remote(t.get(attribute, ""))
            ]
        for tag in soup.find_all("link", href=True):
            fetched = set(tag.get("rel", [])) & PRELOADING_RELS
            if fetched and is_remote(tag["href"]):
                remote.append(f"{file.relative_to(site)}: link {tag['href']}")
        for style in soup.find_all("style"):
            remote += [
                f"{file.name}: css {u}" for u in CSS_URL.findall(style.get_text()) if is_remote(u)
            ]
    for css in site.rglob("*.css"):
        remote += [f"{css.name}: {u}" for u in CSS_URL.findall(css.read_text()) if is_remote(u)]
    assert remote == []


def test_system_fonts_only(site: Path) -> None:
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not soup.select('link[href*="fonts.googleapis"], link[href*="fonts.gstatic"]')
