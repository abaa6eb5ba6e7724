#!/usr/bin/env bash
# Set everything up, then build and serve the site at http://127.0.0.1:8000 with live reload.
#   scripts/serve.sh --production [--port N]   the production build, served by nginx exactly
#                                             as it is published (headers, compression)
set -euo pipefail
# Material prints a long end-of-life notice on every build; it says nothing about this site.
export NO_MKDOCS_2_WARNING=1
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--production" ]; then
  shift
  # The production build also makes the break-glass kit: its PDF is printed with Chromium
  # (Playwright, pypdf from requirements-dev.txt) and its offline copy needs iframe-worker (npm).
  bash scripts/setup.sh requirements-dev.txt
  bash scripts/install-browser.sh
  bash scripts/install-nginx.sh
  npm ci --no-audit --no-fund --loglevel=error
  exec .venv/bin/python -m publish serve "$@"
fi
bash scripts/setup.sh requirements.txt
exec .venv/bin/mkdocs serve --strict --dev-addr 127.0.0.1:8000 "$@"
