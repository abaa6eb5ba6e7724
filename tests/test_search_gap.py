"""Search says when it has no good answer: a question the site doesn't cover gets a message
above the results with three ways on (the troubleshooter, the error-message index, AWS's own
troubleshooting page); a question it does cover doesn't, and nothing at all still gets the
no-result help. The threshold's figures come from benchmarks/search_gap.py.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from signinhelp.search import index as search
from sitetools.search_box import QUERY_SETS, SearchBox

OFFTOPIC = QUERY_SETS / "search_queries_offtopic.yml"
NOT_COVERED = "s3 bucket access denied when uploading"
COVERED = "lost my mfa device"
NONSENSE = "xylophone quasar marmalade"
MESSAGE = ".search-gap"
# Where the keyboard focus is: in the message, on a result, or elsewhere.
FOCUSED = """() => {
  const active = document.activeElement;
  if (active.closest(".search-gap")) return "message";
  return active.closest(".md-search-result__list") ? "result" : active.tagName;
}"""


def test_the_offtopic_set_is_large_and_names_no_page() -> None:
    entries = yaml.safe_load(OFFTOPIC.read_text(encoding="utf-8"))
    assert len(entries) >= 30
    assert all(set(entry) == {"q"} for entry in entries), "an off-topic query has no answer here"
    assert len({entry["q"] for entry in entries}) == len(entries), "a query is listed twice"


def test_the_help_links_the_error_index_only_if_the_site_has_one() -> None:
    urls = {"troubleshooter/index.md": "troubleshooter/", "errors/index.md": "errors/"}
    assert search.search_help([], urls, "troubleshooter/index.md").errors == "errors/"
    del urls["errors/index.md"]
    assert search.search_help([], urls, "troubleshooter/index.md").errors is None


@pytest.mark.parametrize("url", ["", "topics/lost-mfa-device/"])
def test_every_page_carries_the_message_and_its_links_resolve(page, site: Path, url: str) -> None:
    body = page(url)
    region = body.select_one(".md-search__scrollwrap > .search-gap")
    assert region is not None and region["aria-live"] == "polite"
    assert not region.contents, "empty until a query matches badly, so it is announced"
    template = body.select_one("template#search-gap-message")
    assert template is not None
    # Selectors don't see into a template's content (as in a browser); its own select does.
    links = [a["href"] for a in template.select("a[href]")]
    assert len(links) == 3
    troubleshooter, errors, aws = links
    assert (site / url / troubleshooter / "index.html").resolve() == (
        site / "troubleshooter" / "index.html"
    )
    assert (site / url / errors / "index.html").resolve() == site / "errors" / "index.html"
    assert aws == search.AWS_TROUBLESHOOTING


def shown_links(box: SearchBox) -> list[str]:
    """The message's links as site paths (or full URLs off the site), once it is on screen."""
    box.page.locator(MESSAGE).get_by_role("link").first.wait_for()
    hrefs = box.page.locator(f"{MESSAGE} a").evaluate_all("links => links.map(a => a.href)")
    base = urljoin(box.page.url, "/")
    return [href.removeprefix(base) for href in hrefs]


@pytest.mark.browser
def test_a_question_the_site_doesnt_cover_says_so_and_offers_three_ways_on(
    box: SearchBox,
) -> None:
    reading = box.search(NOT_COVERED)
    assert reading.pages, "the results stay, below the message"
    assert box.page.locator(MESSAGE).is_visible()
    base = urlsplit(box.page.url).path.lstrip("/")
    assert shown_links(box) == [
        f"{base}troubleshooter/",
        f"{base}errors/",
        search.AWS_TROUBLESHOOTING,
    ]
    # The arrow keys go from the box through the three ways on, then on to the results.
    box.box.focus()
    focused = []
    for _ in range(4):
        box.page.keyboard.press("ArrowDown")
        focused.append(box.page.evaluate(FOCUSED))
    assert focused == ["message", "message", "message", "result"]


@pytest.mark.browser
def test_the_message_goes_when_the_query_becomes_one_the_site_answers(box: SearchBox) -> None:
    box.search(NOT_COVERED)
    assert box.page.locator(MESSAGE).is_visible()
    reading = box.search(COVERED)
    assert reading.pages[0] == "topics/lost-mfa-device/"
    assert box.page.locator(MESSAGE).is_hidden()
    assert box.page.locator(f"{MESSAGE} *").count() == 0


@pytest.mark.browser
def test_nothing_at_all_shows_the_no_result_help_not_the_message(box: SearchBox) -> None:
    box.search(NOT_COVERED)
    reading = box.search(NONSENSE)
    assert reading.pages == ()
    assert box.page.locator(".search-help").is_visible()
    assert box.page.locator(MESSAGE).is_hidden()
