#!/usr/bin/env bash
# Render two topics the way Chromium prints them (A4, no background graphics) and save each
# sheet as a picture for the README: docs/assets/print-examples/<slug>-<sheet>.png.
# Needs Chromium (scripts/install-browser.sh) and pdftoppm (apt-get install poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
out=docs/assets/print-examples
port=8001
work=$(mktemp -d)
.venv/bin/mkdocs build --strict --quiet -d "$work/site" 2>/dev/null
# Served over HTTP, so each sheet shows a web address as a reader's printout would.
.venv/bin/python -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" \
  >/dev/null 2>&1 &
server=$!
trap 'kill "$server"; rm -rf "$work"' EXIT
sleep 1
mkdir -p "$out"
rm -f "$out"/*.png
for slug in lost-mfa-device amazon-retail-order; do
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$work/$slug.pdf" "http://127.0.0.1:$port/topics/$slug/" 2>/dev/null
  pdftoppm -png -r 80 "$work/$slug.pdf" "$out/$slug"
done
ls "$out"
