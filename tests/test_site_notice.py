"""Whose site this is: readers trying to get back into an account are a phishing target.

Every page says, in its footer, that this is an independent site that never asks for a
password, a code or an account ID; the home page says it near the top and in full.
"""

from __future__ import annotations

from collections.abc import Callable

from bs4 import BeautifulSoup

NEVER_ASKS = "never asks for your password, an MFA code or your account ID"


def test_every_page_footer_says_the_site_is_independent_and_asks_for_nothing(
    page: Callable[[str], BeautifulSoup], page_urls: list[str]
) -> None:
    missing = []
    for url in page_urls:
        footer = page(url).select_one("footer .md-copyright")
        text = " ".join(footer.get_text(" ").split()) if footer else ""
        if "independent help site, not run by AWS" not in text or NEVER_ASKS not in text:
            missing.append(url or "(home)")
    assert not missing


def test_home_page_says_who_runs_the_site_before_the_first_topic(
    page: Callable[[str], BeautifulSoup],
) -> None:
    home = page("")
    article = home.select_one("article")
    assert article is not None
    intro = article.find("a", href="#who-runs-this-site")
    first_topic = article.find("a", href=lambda href: bool(href) and "topics/" in href)
    assert intro is not None and first_topic is not None
    # The short notice comes first; the full section is where the link leads.
    assert intro.sourceline < first_topic.sourceline
    section = home.select_one("#who-runs-this-site")
    assert section is not None
    text = " ".join(section.find_next("p").get_text(" ").split())
    assert "not run by AWS" in text and "you can't sign in here" in text
