"""No page makes the reader's browser talk to another origin: no CDN, no web fonts, no trackers.

Readers may be behind strict filters (that is often why they are here), and the site must
not leak their visit to third parties. The browser-level check lives with the quality gates;
this one reads every built file.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.editions import Parse

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


def test_no_page_loads_anything_from_another_origin(
    site: Path, page: Parse, page_urls: list[str]
) -> None:
    remote: list[str] = []
    for url in page_urls:
        soup = page(url)
        for tag, attribute in FETCHING.items():
            fetched_from = (t.get(attribute, "") for t in soup.find_all(tag))
            remote += [f"{url}: {ref}" for ref in fetched_from if is_remote(ref)]
        for tag in soup.find_all("link", href=True):
            fetched = set(tag.get("rel", [])) & PRELOADING_RELS
            if fetched and is_remote(tag["href"]):
                remote.append(f"{url}: link {tag['href']}")
        for style in soup.find_all("style"):
            remote += [f"{url}: css {u}" for u in CSS_URL.findall(style.get_text()) if is_remote(u)]
    for css in site.rglob("*.css"):
        remote += [f"{css.name}: {u}" for u in CSS_URL.findall(css.read_text()) if is_remote(u)]
    assert remote == []


def test_system_fonts_only(page: Parse) -> None:
    soup = page("")
    assert not soup.select('link[href*="fonts.googleapis"], link[href*="fonts.gstatic"]')
