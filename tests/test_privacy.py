"""A real browser opens every page and the site search: nothing may be fetched from elsewhere.

Readers are often behind strict filters (that may be why they are locked out), and a visit to
a help page must not be told to a CDN, a font host or a tracker. tests/test_no_third_party.py
reads the HTML and CSS; this test also catches what scripts, styles and workers fetch at run
time. It reads the walk through the production site, as readers get it, that the policy test
shares (tests/support/crawl.py): requests to another origin were recorded, and failed before they
left the machine, and so were the ones the Content-Security-Policy refused.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.support.crawl import origin

pytestmark = pytest.mark.browser


def test_no_page_requests_another_origin(production, production_walk: dict[str, Any]) -> None:
    fetched = production_walk["fetched"]
    refused = [
        f"refused by the policy: {url}"
        for url in production_walk["refused"]
        if urlsplit(url).scheme in ("http", "https") and origin(url) != origin(production.url)
    ]
    foreign = production_walk["foreign"] + refused
    assert not foreign, "\n".join(foreign)
    # Proof the recorder saw the site's own assets and the search index, not just documents.
    assert any(u.endswith(".css") for u in fetched) and any(u.endswith(".js") for u in fetched)
    assert any("search" in urlsplit(u).path and u.endswith(".json") for u in fetched)
