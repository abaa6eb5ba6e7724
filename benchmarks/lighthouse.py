"""Lighthouse 12.2.3 scores for the home page and one topic, in Debian's Chromium.

Builds the site, serves it on 127.0.0.1 and runs Lighthouse (npm, pinned in
benchmarks/package.json, installed here on first use with `npm ci`) with its default mobile
settings. Prints performance, accessibility, best practices and SEO from 0 to 100, and every
audit that cost accessibility or best practices a point: those two must stay at 100.
With --production, the production build as nginx serves it (scripts/serve.sh --production).
Performance depends on how busy the machine is: --runs N measures each page N times and
prints the run with the median performance, with Lighthouse's benchmark index of the machine
(about 1,000 and more when it is idle; the lower, the busier).

    .venv/bin/python -m benchmarks.lighthouse
    .venv/bin/python -m benchmarks.lighthouse --production
    .venv/bin/python -m benchmarks.lighthouse admin/faq/     # other pages
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import tempfile
from pathlib import Path

from sitetools.build import build_site
from sitetools.chromium import CHROMIUM
from sitetools.production import serve_production
from sitetools.serve import serve

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "topic": "topics/lost-mfa-device/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MUST_BE_FULL = ("accessibility", "best-practices")


def install() -> None:
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)


def lighthouse(url: str, report: Path) -> dict:
    """Run Lighthouse on one URL and return its JSON report."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
    )
    return json.loads(report.read_text(encoding="utf-8"))


def lost_points(result: dict, category: str) -> list[str]:
    """Audits of a category that did not pass fully, with their titles."""
    audits = result["audits"]
    return [
        f"{category}: {ref['id']}: {audits[ref['id']]['title']}"
        for ref in result["categories"][category]["auditRefs"]
        if ref["weight"] > 0 and (audits[ref["id"]]["score"] or 0) < 1
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="URL paths to measure instead of the defaults")
    parser.add_argument("--production", action="store_true", help="the production server")
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median shown)")
    args = parser.parse_args()
    pages = {path or "/": path for path in args.paths} if args.paths else PAGES
    install()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp, contextlib.ExitStack() as stack:
        if args.production:
            base = stack.enter_context(serve_production(Path(tmp) / "production")).url
        else:
            site = Path(tmp) / "site"
            build_site(site)
            base = stack.enter_context(serve(site))
        print("page | path | " + " | ".join(CATEGORIES) + " | benchmark index")
        problems: list[str] = []
        for name, path in pages.items():
            runs = [lighthouse(base + path, Path(tmp) / "report.json") for _ in range(args.runs)]
            runs.sort(key=lambda run: run["categories"]["performance"]["score"])
            result = runs[len(runs) // 2]
            scores = [round(100 * result["categories"][c]["score"]) for c in CATEGORIES]
            index = round(result["environment"]["benchmarkIndex"])
            print(f"{name} | /{path} | " + " | ".join(map(str, scores)) + f" | {index}")
            problems += [f"/{path} {line}" for c in MUST_BE_FULL for line in lost_points(result, c)]
    print("\n".join(problems) or "accessibility and best practices: 100 on every page measured")


if __name__ == "__main__":
    main()
