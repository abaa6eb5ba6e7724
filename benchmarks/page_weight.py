"""What a first visit costs a reader on a slow or metered connection: requests and bytes.

Builds the site, serves it on 127.0.0.1 and opens each page in Debian's Chromium with an empty
cache, counting every request until the network is idle. Bytes are as a plain static server
sends them (no compression), and gzipped, as most hosts would send the text files.

With --production, the production build as nginx serves it (scripts/serve.sh --production):
requests, bytes once decoded, and kB (1,000 bytes) on the wire, headers included, as sent.

    .venv/bin/python -m benchmarks.page_weight
    .venv/bin/python -m benchmarks.page_weight --production
    .venv/bin/python -m benchmarks.page_weight topics/lost-mfa-device/ admin/faq/
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from sitetools import chromium
from sitetools.build import build_site
from sitetools.production import serve_production
from sitetools.serve import serve

PAGES = {
    "home": "",
    "topic": "topics/lost-mfa-device/",
    "decision page": "troubleshooter/",
}
KIB = 1024


def weigh(browser, url: str) -> tuple[int, int, int, int]:
    """Requests, bytes, gzipped bytes and bytes on the wire of one cold page load."""
    context = browser.new_context()
    finished: list = []
    tab = context.new_page()
    tab.on("requestfinished", lambda request: finished.append(request))
    try:
        response = tab.goto(url, wait_until="networkidle")
        if response is None or not response.ok:
            raise SystemExit(f"{url}: the page did not load")
        bodies = [request.response().body() for request in finished]
        wire = sum(on_the_wire(request) for request in finished)
    finally:
        context.close()
    packed = sum(len(gzip.compress(b)) for b in bodies)
    return len(bodies), sum(map(len, bodies)), packed, wire


def on_the_wire(request) -> int:
    """Bytes of the response as sent: headers and the (compressed) body."""
    sizes = request.sizes()
    # Chromium reports no body size for a worker's script; nginx always sends its length.
    length = int(request.response().headers.get("content-length", 0))
    return max(sizes["responseBodySize"], length) + sizes["responseHeadersSize"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="URL paths to weigh instead of the defaults")
    parser.add_argument("--production", action="store_true", help="the production server")
    args = parser.parse_args()
    pages = {path or "/": path for path in args.paths} if args.paths else PAGES
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="weight-")))
        if args.production:
            base = stack.enter_context(serve_production(tmp / "production")).url
            print("page | path | requests | KiB decoded | kB on the wire")
        else:
            site = tmp / "site"
            build_site(site)
            base = stack.enter_context(serve(site))
            print("page | path | requests | KiB | KiB gzipped")
        playwright = stack.enter_context(sync_playwright())
        browser = chromium.launch(playwright)
        for name, path in pages.items():
            requests, raw, packed, wire = weigh(browser, base + path)
            last = f"{wire / 1000:.0f}" if args.production else f"{packed / KIB:.0f}"
            print(f"{name} | /{path} | {requests} | {raw / KIB:.0f} | {last}")
        browser.close()


if __name__ == "__main__":
    main()
