"""Every built page is valid HTML, by html-validate's recommended rules.

The only rules turned off are those that Material's own templates break; .htmlvalidate.mjs says
why for each. A quote in a description that ended its attribute early was caught this way.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.htmlvalidate import html_errors


def test_every_page_is_valid_html(site: Path) -> None:
    assert html_errors(site) == ""
