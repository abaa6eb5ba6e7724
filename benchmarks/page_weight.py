"""What a first visit costs a reader on a slow or metered connection: requests and bytes.

Builds the site, serves it on 127.0.0.1 and opens each page in Debian's Chromium with an empty
cache, counting every request until the network is idle. Bytes are as a plain static server
sends them (no compression), and gzipped, as most hosts would send the text files.

    .venv/bin/python benchmarks/page_weight.py
    .venv/bin/python benchmarks/page_weight.py topics/lost-mfa-device/ admin/faq/
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from sitebuild import CHROMIUM, CHROMIUM_ARGS, build_site, serve

PAGES = {
    "home": "",
    "topic": "topics/lost-mfa-device/",
    "decision page": "troubleshooter/",
}
KIB = 1024


def weigh(browser, url: str) -> tuple[int, int, int]:
    """Requests, bytes and gzipped bytes of one cold page load."""
    context = browser.new_context()
    bodies: list[bytes] = []
    tab = context.new_page()
    tab.on("requestfinished", lambda request: bodies.append(request.response().body()))
    try:
        response = tab.goto(url, wait_until="networkidle")
        if response is None or not response.ok:
            raise SystemExit(f"{url}: the page did not load")
    finally:
        context.close()
    return len(bodies), sum(map(len, bodies)), sum(len(gzip.compress(b)) for b in bodies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="URL paths to weigh instead of the defaults")
    paths = parser.parse_args().paths
    pages = {path or "/": path for path in paths} if paths else PAGES
    with tempfile.TemporaryDirectory(prefix="weight-") as tmp:
        site = Path(tmp) / "site"
        build_site(site)
        with serve(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            print("page | path | requests | KiB | KiB gzipped")
            for name, path in pages.items():
                requests, raw, packed = weigh(browser, base + path)
                print(f"{name} | /{path} | {requests} | {raw / KIB:.0f} | {packed / KIB:.0f}")
            browser.close()


if __name__ == "__main__":
    main()
