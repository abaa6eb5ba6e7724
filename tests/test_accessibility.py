"""Every page passes axe-core's WCAG 2.1 A and AA rules, in the light and in the dark palette.

People reach this site locked out and often stressed, with a screen reader, a keyboard, a
zoomed-in phone or a dark screen at night; a page they cannot read or operate is a dead end.
axe-core (npm, pinned in package.json) runs inside Debian's Chromium on the built site.
"""

from __future__ import annotations

import pytest

from sitetools.paths import ROOT
from tests.support.axe import AXE, PALETTES, RUN_AXE, WCAG_21_AA, open_settled

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run scripts/test.sh, which runs npm ci")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("palette", PALETTES)
def test_every_page_has_no_wcag_violations(
    browser, site_url: str, page_urls: list[str], axe_source: str, palette: str
) -> None:
    color_scheme, material_scheme = PALETTES[palette]
    # Material picks the palette whose media query matches the system setting on a first visit.
    context = browser.new_context(color_scheme=color_scheme)
    tab = context.new_page()
    found: list[str] = []
    try:
        for url in page_urls:
            open_settled(tab, site_url + url)
            scheme = tab.get_attribute("body", "data-md-color-scheme")
            assert scheme == material_scheme, f"{url or '/'}: {palette} palette not applied"
            tab.add_script_tag(content=axe_source)
            found += [
                f"{url or '/'}: {v['id']} ({v['impact']}, {v['count']} element(s)): {v['help']}"
                f" at {', '.join(v['targets'])}"
                for v in tab.evaluate(RUN_AXE, WCAG_21_AA)
            ]
    finally:
        context.close()
    assert not found, "\n".join(found)
