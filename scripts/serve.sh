#!/usr/bin/env bash
# Set everything up, then build and serve the site at http://127.0.0.1:8000 with live reload.
#   scripts/serve.sh --production [--port N]   the production build, served by nginx exactly
#                                             as it is published (headers, compression)
set -euo pipefail
# Material prints a long end-of-life notice on every build; it says nothing about this site.
export NO_MKDOCS_2_WARNING=1
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
if [ "${1:-}" = "--production" ]; then
  shift
  bash scripts/install-nginx.sh
  exec .venv/bin/python -m publish serve "$@"
fi
exec .venv/bin/mkdocs serve --strict --dev-addr 127.0.0.1:8000 "$@"
