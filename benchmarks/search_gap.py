"""Measure when search says it has no good answer, typed into the real search box in Chromium.

javascripts/search-gap.js shows its message when the first result matches less than a share
(the threshold) of the words that matter in the query. This builds the site, types every query
of the off-topic set (questions this site doesn't answer) and of every other set (questions it
does) into Material's search box, reads the share search-gap.js computed for each, and prints:
per set, how many queries got the message at the site's threshold, and for the sets with an
expected page, how many of those had their page first (false alarms); then, for other
thresholds, the share of off-topic queries flagged against the share of false alarms.

    .venv/bin/python -m benchmarks.search_gap          # the figures
    .venv/bin/python -m benchmarks.search_gap --list   # also each false alarm and each miss
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

from sitetools import chromium
from sitetools.build import build_site
from sitetools.search_box import (
    ADMIN,
    ADMIN_HOLDOUT,
    BLIND,
    FRESH,
    HOLDOUT,
    QUERIES,
    QUERY_SETS,
    REAL,
    REAL_HOLDOUT,
    TERSE,
    SearchBox,
    load_queries,
)
from sitetools.serve import serve

OFFTOPIC = QUERY_SETS / "search_queries_offtopic.yml"
ON_TOPIC = {
    "main": QUERIES,
    "held-out": HOLDOUT,
    "fresh": FRESH,
    "blind": BLIND,
    "admin": ADMIN,
    "admin held-out": ADMIN_HOLDOUT,
    "terse": TERSE,
    "real": REAL,
    "real held-out": REAL_HOLDOUT,
}
# Thresholds to compare: the shares a query of up to five words that matter can have.
THRESHOLDS = (0.3, 0.34, 0.4, 0.5, 0.6, 0.67, 0.75, 0.8, 1.0)

COVERAGE = "() => document.querySelector('.search-gap').dataset.coverage"
SHOWN = "() => document.querySelector('.search-gap').hasChildNodes()"


@dataclass(frozen=True)
class Judged:
    """One query as search-gap.js judged it."""

    text: str
    coverage: float | None  # share of the words that matter the first result matched
    shown: bool  # the message is on screen
    first: bool  # the expected page is the first result (never, for an off-topic query)


def load_offtopic(path: Path = OFFTOPIC) -> list[str]:
    """The off-topic set: a YAML list of {q}, with no expected page."""
    return [str(entry["q"]) for entry in yaml.safe_load(path.read_text(encoding="utf-8"))]


def judge(box: SearchBox, text: str, page: str | None) -> Judged:
    reading = box.search(text)
    raw = box.page.evaluate(COVERAGE)
    coverage = float(raw) if raw else None
    first = page is not None and reading.rank(page) == 1
    return Judged(text, coverage, bool(box.page.evaluate(SHOWN)), first)


def flagged(judged: Judged, threshold: float) -> bool:
    return judged.coverage is not None and judged.coverage < threshold


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def report(sets: dict[str, list[Judged]], offtopic: list[Judged], show_list: bool) -> None:
    print(f"{'set':<14} {'queries':>7} {'message':>8} {'page first':>10} {'false alarm':>11}")
    print(f"{'off-topic':<14} {len(offtopic):>7} {share(sum(j.shown for j in offtopic), len(offtopic)):>8}")
    for name, judged in sets.items():
        firsts = [j for j in judged if j.first]
        alarms = sum(j.shown for j in firsts)
        print(
            f"{name:<14} {len(judged):>7} {share(sum(j.shown for j in judged), len(judged)):>8}"
            f" {len(firsts):>10} {share(alarms, len(firsts)):>11}"
        )
    firsts = [j for judged in sets.values() for j in judged if j.first]
    print(f"\n{'threshold':>9} {'off-topic flagged':>17} {'false alarms':>12}")
    for threshold in THRESHOLDS:
        caught = sum(flagged(j, threshold) for j in offtopic)
        alarms = sum(flagged(j, threshold) for j in firsts)
        print(
            f"{threshold:>9.2f} {share(caught, len(offtopic)):>17}"
            f" {share(alarms, len(firsts)):>12}  ({alarms} of {len(firsts)})"
        )
    if show_list:
        print("\nOff-topic queries without the message:")
        for j in offtopic:
            if not j.shown:
                print(f"    {j.coverage}  {j.text!r}")
        print("False alarms (page first, message shown):")
        for j in firsts:
            if j.shown:
                print(f"    {j.coverage}  {j.text!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list false alarms and misses")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site = Path(tmp) / "site"
        build_site(site)
        browser = chromium.launch(playwright)
        with serve(site) as base_url:
            box = SearchBox(browser, base_url)
            offtopic = [judge(box, text, None) for text in load_offtopic()]
            sets = {
                name: [judge(box, q.text, q.page) for q in load_queries(path)]
                for name, path in ON_TOPIC.items()
            }
            box.close()
        browser.close()
    report(sets, offtopic, args.list)


if __name__ == "__main__":
    main()
