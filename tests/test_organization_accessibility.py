"""The organization edition's boxes pass axe-core's WCAG 2.1 A and AA rules in both palettes.

The public edition's pages are checked by tests/test_accessibility.py; these are the pages of
the sample edition that carry each kind of box (help desk, portal, identity provider, edition).
"""

from __future__ import annotations

import pytest

from sitetools.paths import ROOT
from tests.support.axe import AXE, PALETTES, axe_context, check_both_palettes

PAGES = (
    "",
    "404.html",
    "topics/identity-center-mfa/",
    "topics/forgot-federated-password/",
    "topics/access-portal-credentials/",
)


@pytest.mark.browser
def test_organization_boxes_have_no_wcag_violations(browser, org_site_url: str) -> None:
    """Each page in both palettes, switched with the header's toggle."""
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run scripts/test.sh, which runs npm ci")
    context = axe_context(browser, "light")
    tab = context.new_page()
    found: list[str] = []
    opens_in = PALETTES["light"][1]
    try:
        for url in PAGES:
            problems, opens_in = check_both_palettes(tab, org_site_url, url, opens_in)
            assert tab.locator(".helpdesk, .organization-portal, .identity-provider").count()
            found += problems
    finally:
        context.close()
    assert not found, "\n".join(found)
