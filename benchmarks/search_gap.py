"""Measure when search says it has no good answer, typed into the real search box in Chromium.

javascripts/search-gap.js shows its message when the first result matches at most a share
(the threshold) of the words that matter in the query, and fewer than a number of them. This
builds the site, types every query of the off-topic set (questions this site doesn't answer)
and of every other set (questions it does) into Material's search box, reads what
search-gap.js counted for each, and prints: per set, how many queries got the message or no
result at all, and for the sets with an expected page, how many of those with their page first
got the message (false alarms); then, for other thresholds, the share of off-topic queries
told "no good answer" (message or no result) against the share of false alarms.

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
from sitetools.search_box import NAMED_SETS, QUERY_SETS, SearchBox, load_queries
from sitetools.serve import serve

OFFTOPIC = QUERY_SETS / "search_queries_offtopic.yml"
ON_TOPIC = NAMED_SETS
# Thresholds to compare: the message shows at most at this share of the words that matter
# (shares a query of up to five words has), unless as many words as the column says matched
# (None: however many).
SHARES = (0.0, 0.33, 0.5, 0.6, 0.67, 0.75, 0.8)
ENOUGH = (None, 2, 3, 4)

COUNTS = """() => {
  const region = document.querySelector(".search-gap");
  return [region.dataset.matched, region.dataset.words, region.hasChildNodes()];
}"""


@dataclass(frozen=True)
class Judged:
    """One query as search-gap.js judged it."""

    text: str
    matched: int  # words that matter the first result matched...
    words: int  # ...out of this many (0: nothing to judge, or no result)
    shown: bool  # the message is on screen
    empty: bool  # no result at all: the no-result help shows instead
    first: bool  # the expected page is the first result (never, for an off-topic query)


def load_offtopic(path: Path = OFFTOPIC) -> list[str]:
    """The off-topic set: a YAML list of {q}, with no expected page."""
    return [str(entry["q"]) for entry in yaml.safe_load(path.read_text(encoding="utf-8"))]


def judge(box: SearchBox, text: str, page: str | None) -> Judged:
    reading = box.search(text)
    matched, words, shown = box.page.evaluate(COUNTS)
    first = page is not None and reading.rank(page) == 1
    empty = not reading.pages
    return Judged(text, int(matched or 0), int(words or 0), bool(shown), empty, first)


def flagged(judged: Judged, share: float, enough: int | None) -> bool:
    """Whether the message would show at this threshold."""
    if not judged.words or (enough is not None and judged.matched >= enough):
        return False
    return judged.matched / judged.words <= share


def percent(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def report(sets: dict[str, list[Judged]], offtopic: list[Judged], show_list: bool) -> None:
    print(
        f"{'set':<14} {'queries':>7} {'message':>8} {'no result':>9} {'page first':>10}"
        f" {'false alarm':>11}"
    )
    for name, judged in {"off-topic": offtopic, **sets}.items():
        firsts = [j for j in judged if j.first]
        print(
            f"{name:<14} {len(judged):>7} {sum(j.shown for j in judged):>8}"
            f" {sum(j.empty for j in judged):>9} {len(firsts) if name != 'off-topic' else '-':>10}"
            f" {sum(j.shown for j in firsts) if name != 'off-topic' else '-':>11}"
        )
    firsts = [j for judged in sets.values() for j in judged if j.first]
    print(
        f"\nOff-topic told (message or no result) / false alarms, of {len(offtopic)} and"
        f" {len(firsts)}; rows: the message at most at this share of the words that matter,"
        " columns: matched words that are enough"
    )
    print(f"{'share':>6}" + "".join(f" {enough or 'any'!s:>15}" for enough in ENOUGH))
    for share in SHARES:
        cells = []
        for enough in ENOUGH:
            told = sum(j.empty or flagged(j, share, enough) for j in offtopic)
            alarms = sum(flagged(j, share, enough) for j in firsts)
            cells.append(f"{percent(told, len(offtopic))} / {percent(alarms, len(firsts))}")
        print(f"{share:>6.2f}" + "".join(f" {cell:>15}" for cell in cells))
    if show_list:
        print("\nOff-topic queries told nothing (matched / words):")
        for j in offtopic:
            if not (j.shown or j.empty):
                print(f"    {j.matched}/{j.words}  {j.text!r}")
        print("Queries with their page first and under three quarters of their words matched:")
        for j in firsts:
            if j.words and j.matched / j.words < 0.75:
                print(
                    f"    {j.matched}/{j.words} {'message' if j.shown else '       '}  {j.text!r}"
                )


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
