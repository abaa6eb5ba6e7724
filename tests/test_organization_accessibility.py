"""The organization edition's boxes pass axe-core's WCAG 2.1 A and AA rules in both palettes.

The public edition's pages are checked by tests/test_accessibility.py; these are the pages of
the sample edition that carry each kind of box (help desk, portal, identity provider, edition).
"""

from __future__ import annotations

import pytest

from sitetools.paths import ROOT
from tests.support.axe import AXE, PALETTES, RUN_AXE, WCAG_21_AA, open_settled

PAGES = (
    "",
    "404.html",
    "topics/identity-center-mfa/",
    "topics/forgot-federated-password/",
    "topics/access-portal-credentials/",
)


@pytest.mark.browser
@pytest.mark.parametrize("palette", PALETTES)
def test_organization_boxes_have_no_wcag_violations(
    browser, org_site_url: str, palette: str
) -> None:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run scripts/test.sh, which runs npm ci")
    color_scheme, material_scheme = PALETTES[palette]
    context = browser.new_context(color_scheme=color_scheme)
    tab = context.new_page()
    found: list[str] = []
    try:
        for url in PAGES:
            open_settled(tab, org_site_url + url)
            assert tab.get_attribute("body", "data-md-color-scheme") == material_scheme
            assert tab.locator(".helpdesk, .organization-portal, .identity-provider").count()
            tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
            found += [
                f"{url or '/'}: {v['id']} ({v['impact']}): {v['help']} at {', '.join(v['targets'])}"
                for v in tab.evaluate(RUN_AXE, WCAG_21_AA)
            ]
    finally:
        context.close()
    assert not found, "\n".join(found)
