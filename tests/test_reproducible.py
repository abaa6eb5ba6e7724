"""Two clean builds of the same sources are byte-identical, whenever and wherever they run.

Then a change in the output always means a change in the sources: a reviewer can diff two
builds, and a deploy that changes nothing uploads nothing. The builds differ in everything that
must not matter: the day (SOURCE_DATE_EPOCH, which MkDocs reads as the clock), Python's hash
seed (set and dict-of-set order) and the output folder.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from signinhelp.topics.dates import page_date
from signinhelp.topics.model import TopicIndex
from sitetools.production import build_production
from tests.support.sites import make_topic

# A build day in mid-2027, in seconds since 1970: the session's build runs today.
LATER_DAY = "1815000000"


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path in the site, and its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.mark.browser
@pytest.mark.site
def test_two_production_builds_for_the_same_address_are_byte_identical(
    production, tmp_path: Path
) -> None:
    """The session's production build (python -m publish build: the pages, the kit's zip and
    PDF, the compressed copies; today, a random hash seed) against one more, on another day
    with another seed. The plain `mkdocs build` is the same pages without the production steps,
    so this covers it too: one more clean build would check nothing this one doesn't."""
    first = files(production.site)
    later = {"SOURCE_DATE_EPOCH": LATER_DAY, "PYTHONHASHSEED": "2"}
    second = files(build_production(tmp_path, production.url, env=later).site)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
    assert "sitemap.xml.gz" in first


def test_page_dates_come_from_review_dates() -> None:
    old, new = datetime.date(2026, 1, 15), datetime.date(2026, 6, 1)
    index = TopicIndex({"a": make_topic("a", reviewed=old), "b": make_topic("b", reviewed=new)})
    assert page_date(index, "topics/a.md") == old
    # The home page and generated pages list topics, so they changed when the newest one did.
    assert page_date(index, "index.md") == new
    assert page_date(index, "troubleshooter/index.md") == new
    assert page_date(TopicIndex({}), "index.md") is None
