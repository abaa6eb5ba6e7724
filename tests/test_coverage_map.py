"""The coverage map: every entry on AWS's troubleshooting pages leads to a page of this site.

`coverage/aws-troubleshooting.yml` lists AWS's official sign-in troubleshooting pages and, for
each entry on them, the page and section here that answers it, or why the site leaves it out.
These tests keep the map honest: an answer that points nowhere, or a page with no entries,
fails; so does an official page from the fact sheet's list that the map forgets.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from signinhelp.sources import url_problem
from signinhelp.yamlfile import load_yaml
from sitetools.paths import ROOT

MAP = ROOT / "coverage" / "aws-troubleshooting.yml"
# The fact sheet the writers work from ends with the list of AWS's troubleshooting pages.
FACT_SHEET = ROOT.parent / "shared" / "reference" / "aws-signin-facts-new-topics.md"
APPENDIX = "## Appendix A"
ENTRY_FIELDS = {"entry", "anchor", "answer", "out_of_scope"}


def load_map() -> list[dict[str, Any]]:
    # The project's loader: a key given twice in an entry is an error, not a silent overwrite.
    return load_yaml(MAP.read_text(encoding="utf-8"))["pages"]


def entries() -> list[tuple[str, dict[str, Any]]]:
    return [(page["title"], entry) for page in load_map() for entry in page["entries"]]


def without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def test_every_page_is_official_and_has_entries() -> None:
    problems = []
    for page in load_map():
        if reason := url_problem(page.get("url")):
            problems.append(f"{page.get('title')}: url: {reason}")
        if not page.get("entries"):
            problems.append(f"{page.get('title')}: no entries; map each problem on the page")
    assert not problems


def test_every_entry_has_exactly_one_answer_or_a_reason() -> None:
    problems = []
    for title, entry in entries():
        name = f"{title}: {entry.get('entry')!r}"
        if unknown := set(entry) - ENTRY_FIELDS:
            problems.append(f"{name}: unknown fields {sorted(unknown)}")
        if ("answer" in entry) == ("out_of_scope" in entry):
            problems.append(f"{name}: give exactly one of answer and out_of_scope")
    assert not problems


def test_every_answer_lands_on_a_built_page_and_section(site: Path) -> None:
    ids: dict[Path, set[str]] = {}
    broken = []
    for title, entry in entries():
        if "answer" not in entry:
            continue
        path, _, section = entry["answer"].partition("#")
        built = site / path / "index.html"
        if not built.is_file():
            broken.append(f"{title}: {entry['answer']}: no page {path}/")
            continue
        if built not in ids:
            soup = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
            ids[built] = {tag["id"] for tag in soup.select("[id]")}
        if section and section not in ids[built]:
            broken.append(f"{title}: {entry['answer']}: no section #{section}")
    assert not broken


def test_every_topic_answers_at_least_one_entry() -> None:
    """A topic no entry points at is either new ground (fine, but rare) or a missed mapping."""
    answered = {
        entry["answer"].partition("#")[0].removeprefix("topics/")
        for _, entry in entries()
        if "answer" in entry and entry["answer"].startswith("topics/")
    }
    topics = {path.stem for path in (ROOT / "docs" / "topics").glob("*.md")}
    # Topics that answer what readers ask, though no AWS troubleshooting page lists the problem.
    beyond_aws_lists = {"session-expired", "waiting-for-aws-support", "new-account-not-active"}
    assert topics - answered - beyond_aws_lists == set()


@pytest.mark.skipif(not FACT_SHEET.is_file(), reason=f"no fact sheet at {FACT_SHEET}")
def test_every_page_in_the_fact_sheets_list_is_mapped() -> None:
    text = FACT_SHEET.read_text(encoding="utf-8")
    appendix = text[text.index(APPENDIX) :]
    listed = {without_fragment(url) for url in re.findall(r"<(https://[^>]+)>", appendix)}
    mapped = {without_fragment(page["url"]) for page in load_map()}
    assert sorted(listed - mapped) == []
