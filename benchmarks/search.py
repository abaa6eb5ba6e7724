"""Measure search the way readers meet it: typed into the real search box in headless Chromium.

Builds the site (strict), serves it on 127.0.0.1, enters every query of each query set into
Material's search box (sitetools/search_box.py) and prints, per set: recall@1, recall@3, mean
reciprocal rank, how many queries showed no result at all, and the median time from the last
keystroke to the results on screen. A query counts as found when its page is listed; for the
administrators' sets, which name the section with the answer too, "section" is the share of
queries whose page is in the first three with that section's link shown under it.

    .venv/bin/python -m benchmarks.search              # the site as configured
    .venv/bin/python -m benchmarks.search --baseline   # Material's default search, same pages
    .venv/bin/python -m benchmarks.search --misses     # also list each query not ranked first
    .venv/bin/python -m benchmarks.search --queries F  # a query set of your own instead
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

from sitetools import chromium
from sitetools.build import build_site
from sitetools.paths import ROOT
from sitetools.search_box import NAMED_SETS, Query, Reading, SearchBox, load_queries
from sitetools.serve import serve

SEARCH_HOOK = "hooks/search.py"


def recall_at(ranks: list[int | None], k: int) -> float:
    """Share of queries whose expected page is among the first k results."""
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)


def mean_reciprocal_rank(ranks: list[int | None]) -> float:
    """1 for a page ranked first, 1/2 for second, ...; 0 when it is not listed."""
    return sum(1 / r for r in ranks if r is not None) / len(ranks)


def build(site_dir: Path, baseline: bool) -> Path:
    """Build like `mkdocs build --strict`; the baseline drops this project's search tuning:
    the search settings, the search hook and the query script."""
    overrides = {}
    if baseline:
        raw = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        overrides = {
            "plugins": ["search"],
            "hooks": [hook for hook in raw["hooks"] if hook != SEARCH_HOOK],
            "extra_javascript": [],
        }
    build_site(site_dir, **overrides)
    return site_dir


HEADER = (
    f"{'set':<14} {'queries':>7} {'recall@1':>8} {'recall@3':>8} {'MRR':>6} {'no result':>9}"
    f" {'median ms':>9} {'section':>7}"
)


def section_rate(queries: list[Query], readings: list[Reading]) -> str:
    """Share of queries whose answer shows in the first three with its section's link."""
    named = [(q, r) for q, r in zip(queries, readings, strict=True) if q.section]
    if not named:
        return "-"
    return f"{sum(r.shows_section(q.page, q.section) for q, r in named) / len(named):.1%}"


def result_name(page: str, sections: tuple[str, ...]) -> str:
    """A result as the misses list shows it: "lost-mfa-device", "admin/faq#add-mfa"."""
    name = page.removeprefix("topics/").strip("/")
    return f"{name}#{','.join(sections)}" if sections else name


def report(name: str, queries: list[Query], readings: list[Reading], misses: bool) -> None:
    ranks = [r.rank(q.page) for q, r in zip(queries, readings, strict=True)]
    empty = sum(1 for r in readings if not r.pages)
    median = statistics.median(r.millis for r in readings)
    print(
        f"{name:<14} {len(queries):>7} {recall_at(ranks, 1):>8.1%} {recall_at(ranks, 3):>8.1%}"
        f" {mean_reciprocal_rank(ranks):>6.3f} {empty:>9} {median:>9.0f}"
        f" {section_rate(queries, readings):>7}"
    )
    if misses:
        for query, reading, rank in zip(queries, readings, ranks, strict=True):
            section = query.section and not reading.shows_section(query.page, query.section)
            if rank != 1 or section:
                top = ", ".join(map(result_name, reading.pages[:3], reading.sections[:3]))
                answer = result_name(query.page, (query.section,) if query.section else ())
                print(f"    rank {rank or '-':>2}  {query.text!r} -> {answer}  (top: {top})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", action="store_true", help="Material's default search")
    parser.add_argument("--misses", action="store_true", help="list queries not ranked first")
    parser.add_argument(
        "--queries",
        type=Path,
        action="append",
        help="measure this YAML list of {q, topic} or {q, page, section} instead of the project's"
        " sets (repeatable)",
    )
    args = parser.parse_args()
    if args.queries:
        sets = {
            path.stem.removeprefix("search_queries_")[:14]: load_queries(path)
            for path in args.queries
        }
    else:
        sets = {name: load_queries(path) for name, path in NAMED_SETS.items()}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site = build(Path(tmp) / "site", args.baseline)
        browser = chromium.launch(playwright)
        with serve(site) as base_url:
            box = SearchBox(browser, base_url)
            print(HEADER)
            for name, queries in sets.items():
                report(name, queries, [box.type(q.text) for q in queries], args.misses)
            box.close()
        browser.close()


if __name__ == "__main__":
    main()
