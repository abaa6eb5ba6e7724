#!/usr/bin/env bash
# Set everything up (virtualenv, pinned packages, Chromium), then run every test.
# Extra arguments go to pytest, e.g. scripts/test.sh -k links
set -euo pipefail
# Material prints a long end-of-life notice on every build; it says nothing about this site.
export NO_MKDOCS_2_WARNING=1
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements-dev.txt
bash scripts/install-browser.sh
.venv/bin/ruff check hooks tests
exec .venv/bin/pytest "$@"
