"""Does the site stay cheap per page as it grows? Build copies with 100, 500, 2,000 topics.

Each copy is the real site (real mkdocs.yml, hooks, templates and pages) plus generated topics,
built strict in a temp folder. Per page, the build time and the output should stay flat: the
figures at the largest size divided by those at the smallest are printed last, and should be at
most 1.3. A ratio that grows with the size means something does work for every pair of pages
(the full nav in every page, a hook that walks all topics for each topic).

    .venv/bin/python -m benchmarks.scaling            # 100, 500 and 2,000 topics
    .venv/bin/python -m benchmarks.scaling 100 300    # other sizes
    .venv/bin/python -m benchmarks.scaling --without navigation.prune   # what pruning saves
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks.corpus import make_corpus
from sitetools.build import build_site, output_size

FLAT = 1.3  # the most the per-page figures may grow from the smallest to the largest size
KIB = 1024


def measure(topics: int, without: tuple[str, ...]) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="scaling-") as tmp:
        docs, nav = make_corpus(Path(tmp), topics)
        site = Path(tmp) / "site"
        timing = build_site(site, drop_features=without, docs_dir=str(docs), nav=nav)
        pages, html_bytes, all_bytes = output_size(site)
    return {
        "topics": topics,
        "pages": pages,
        "wall s": timing.wall,
        "CPU ms/page": 1000 * timing.cpu / pages,
        "HTML KiB/page": html_bytes / pages / KIB,
        "all KiB/page": all_bytes / pages / KIB,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 500, 2000])
    parser.add_argument("--without", nargs="+", default=[], help="theme features to turn off")
    args = parser.parse_args()
    without = tuple(args.without)
    # Warm up imports, templates and caches, so the first size is not charged for them.
    measure(min(args.sizes), without)
    rows = [measure(size, without) for size in args.sizes]
    columns = list(rows[0])
    print(" | ".join(columns))
    for row in rows:
        print(
            " | ".join(
                f"{row[c]:.0f}" if c in ("topics", "pages") else f"{row[c]:.1f}" for c in columns
            )
        )
    first, last = rows[0], rows[-1]
    for column in ("CPU ms/page", "HTML KiB/page", "all KiB/page"):
        ratio = last[column] / first[column]
        verdict = "flat" if ratio <= FLAT else f"NOT flat (more than {FLAT}x)"
        print(
            f"{column}: {ratio:.2f}x from {first['topics']} to {last['topics']} topics, {verdict}"
        )


if __name__ == "__main__":
    main()
