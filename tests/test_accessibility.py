"""Every page passes axe-core's WCAG 2.1 A and AA rules, in the light and in the dark palette.

People reach this site locked out and often stressed, with a screen reader, a keyboard, a
zoomed-in phone or a dark screen at night; a page they cannot read or operate is a dead end.
axe-core (npm, pinned in package.json) runs inside Debian's Chromium on the built site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitetools.paths import ROOT
from tests.support.axe import AXE, PALETTES, axe_context, check_both_palettes

# The pages in this many shares, so that every xdist worker can take one.
SHARES = 2
# In the second palette a page is seen in, axe-core runs the rules about colours only;
# COLOUR_RULES says why that is enough, and the first two tests check what it rests on.
# Images Material shows in one palette only (hidden in the other by its stylesheet).
ONE_PALETTE_IMAGES = "img[src$='#only-light'], img[src$='#only-dark'], img[src*='-mode-only']"
# A declaration in one of our stylesheets: property, value.
DECLARATION = re.compile(r"([\w-]+)\s*:\s*([^;{}]+);")



@pytest.fixture(scope="module")
def axe_installed() -> Path:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run scripts/test.sh, which runs npm ci")
    return AXE


def test_no_page_has_an_image_for_one_palette_only(page, page_urls: list[str]) -> None:
    assert [url for url in page_urls if page(url).select(ONE_PALETTE_IMAGES)] == []


def test_our_dark_palette_rules_set_colours_only() -> None:
    changed = []
    for sheet in sorted((ROOT / "docs" / "stylesheets").glob("*.css")):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
            if "slate" not in selector:
                continue
            changed += [
                f"{sheet.name}: {selector.strip()} {{ {name}: {value.strip()} }}"
                for name, value in DECLARATION.findall(body)
                if not (name.startswith("--md-") and name.endswith("color")) and name != "color"
            ]
    assert changed == []


@pytest.mark.browser
@pytest.mark.parametrize("share", range(SHARES), ids=lambda share: f"share{share + 1}of{SHARES}")
def test_every_page_has_no_wcag_violations(
    browser, site_url: str, page_urls: list[str], axe_installed: Path, share: int
) -> None:
    """Each page in both palettes, switched with the header's toggle. The first page opens in
    the palette the system asks for (light for one share, dark for the other), each next one in
    the palette the reader chose last."""
    color_scheme = list(PALETTES)[share % len(PALETTES)]
    context = axe_context(browser, color_scheme)
    tab = context.new_page()
    found: list[str] = []
    opens_in = PALETTES[color_scheme][1]
    try:
        for url in page_urls[share::SHARES]:
            problems, opens_in = check_both_palettes(tab, site_url, url, opens_in)
            found += problems
    finally:
        context.close()
    assert not found, "\n".join(found)
