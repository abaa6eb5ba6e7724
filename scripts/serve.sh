#!/usr/bin/env bash
# Set everything up, then build and serve the site at http://127.0.0.1:8000 with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
exec .venv/bin/mkdocs serve --strict --dev-addr 127.0.0.1:8000 "$@"
