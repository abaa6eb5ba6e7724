#!/usr/bin/env bash
# The production server (scripts/serve.sh --production) and its tests run Debian's nginx with
# Debian's brotli module, which sends the build's precompressed .br files.
set -euo pipefail
module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then
  if [ -f "$module" ]; then
    exit 0
  fi
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing nginx and its brotli module from Debian's packages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    nginx-light libnginx-mod-http-brotli-static >/dev/null
else
  echo "The production server needs Debian's nginx-light and libnginx-mod-http-brotli-static." >&2
  echo "Install them with: sudo apt-get install nginx-light libnginx-mod-http-brotli-static" >&2
  exit 1
fi
