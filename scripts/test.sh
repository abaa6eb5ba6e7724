#!/usr/bin/env bash
# Set everything up (virtualenv, pinned packages, Chromium, nginx, npm tools), then run every test.
# Extra arguments go to pytest, e.g. scripts/test.sh -k links
set -euo pipefail
# Material prints a long end-of-life notice on every build; it says nothing about this site.
export NO_MKDOCS_2_WARNING=1
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements-dev.txt
bash scripts/install-browser.sh
bash scripts/install-nginx.sh
# axe-core, html-validate and iframe-worker (for the offline copy), as package-lock.json pins
# them. Lighthouse is for the benchmarks only: it has its own benchmarks/package.json.
npm ci --no-audit --no-fund --loglevel=error
.venv/bin/ruff check hooks tests benchmarks publish sitetools
# pyproject.toml runs them on every core (pytest-xdist).
exec .venv/bin/pytest "$@"
