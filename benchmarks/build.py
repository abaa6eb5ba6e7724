"""What the hooks cost: build the real site with them and with `hooks:` emptied, and compare.

Without the hooks the site still builds (not strict: the pages they generate are missing, so
links to them warn), which is the baseline MkDocs and Material cost on their own. Builds run
alternately after a warm-up; the median of each is printed, and the ratio with / without.

    .venv/bin/python -m benchmarks.build             # 5 builds of each
    .venv/bin/python -m benchmarks.build --runs 9
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
from pathlib import Path

from sitetools.build import Timing, build_site, output_size


def build_once(hooks: bool) -> tuple[Timing, int]:
    with tempfile.TemporaryDirectory(prefix="build-") as tmp:
        site = Path(tmp) / "site"
        overrides = {} if hooks else {"hooks": [], "strict": False}
        timing = build_site(site, **overrides)
        return timing, output_size(site)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    # The hook-less build warns about the missing generated pages; that is expected here.
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    build_once(hooks=True)
    results: dict[bool, list[tuple[Timing, int]]] = {True: [], False: []}
    for _ in range(runs):
        for hooks in (True, False):
            results[hooks].append(build_once(hooks))
    print("build | pages | median wall s | median CPU s")
    medians = {}
    for hooks, label in ((True, "with hooks"), (False, "hooks off")):
        wall = statistics.median(t.wall for t, _ in results[hooks])
        cpu = statistics.median(t.cpu for t, _ in results[hooks])
        medians[hooks] = (wall, cpu)
        print(f"{label} | {results[hooks][0][1]} | {wall:.2f} | {cpu:.2f}")
    wall_ratio = medians[True][0] / medians[False][0]
    cpu_ratio = medians[True][1] / medians[False][1]
    print(f"ratio with / without hooks: {wall_ratio:.2f}x wall, {cpu_ratio:.2f}x CPU")


if __name__ == "__main__":
    main()
