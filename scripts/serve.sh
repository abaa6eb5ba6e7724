#!/usr/bin/env bash
# Set everything up, then build and serve the site at http://127.0.0.1:8000 with live reload.
set -euo pipefail
# Material prints a long end-of-life notice on every build; it says nothing about this site.
export NO_MKDOCS_2_WARNING=1
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
exec .venv/bin/mkdocs serve --strict --dev-addr 127.0.0.1:8000 "$@"
