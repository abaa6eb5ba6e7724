"""What a first visit costs a reader on a slow or metered connection: requests and bytes.

Builds the site, serves it on 127.0.0.1 and opens each page in Debian's Chromium with an empty
cache, counting every request until the network is idle. Bytes are as a plain static server
sends them (no compression), and gzipped, as most hosts would send the text files.

With --production, the production build as nginx serves it (scripts/serve.sh --production):
requests, bytes once decoded, and kB (1,000 bytes) on the wire, headers included, as sent.

Then the reader opens search with "/" and types a query: what that adds (search's index and
worker load only now), and how long until the results are on screen (sitetools.search_box's
probe reads the worker's answers), median of 5 cold loads: typed at once, from the key that
opened search; typed at a reader's five keys a second, from the last key.

    .venv/bin/python -m benchmarks.page_weight
    .venv/bin/python -m benchmarks.page_weight --production
    .venv/bin/python -m benchmarks.page_weight topics/lost-mfa-device/ admin/faq/
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from sitetools import chromium
from sitetools.build import build_site
from sitetools.production import serve_production
from sitetools.search_box import ANSWERED, PROBE
from sitetools.serve import serve

PAGES = {
    "home": "",
    "topic": "topics/lost-mfa-device/",
    "decision page": "troubleshooter/",
}
KIB = 1024
QUERY = "lost mfa device"
# Typed at once (0), the worst case for search that loads when it opens, and at a reader's
# five keys a second; each timing is the median of RUNS cold loads, the machine being shared.
TYPING_DELAYS_MS = (0, 200)
RUNS = 5


@dataclass(frozen=True)
class Visit:
    """One cold page load, then search opened on it."""

    requests: int
    raw: int  # bytes, decoded
    packed: int  # bytes, each body gzipped
    wire: int  # bytes as sent, headers included
    search_requests: int  # what opening search and the first query added
    search_wire: int


def weigh(browser, url: str) -> Visit:
    """A cold load until the network is idle, then search opened and one query answered."""
    context = browser.new_context()
    context.add_init_script(PROBE)
    finished: list = []
    tab = context.new_page()
    tab.on("requestfinished", lambda request: finished.append(request))
    try:
        response = tab.goto(url, wait_until="networkidle")
        if response is None or not response.ok:
            raise SystemExit(f"{url}: the page did not load")
        visit = list(finished)
        bodies = [request.response().body() for request in visit]
        wire = sum(on_the_wire(request) for request in visit)
        search_for_the_query(tab, 0)
        tab.wait_for_load_state("networkidle")
        search = finished[len(visit) :]
        search_wire = sum(on_the_wire(request) for request in search)
    finally:
        context.close()
    return Visit(
        requests=len(bodies),
        raw=sum(map(len, bodies)),
        packed=sum(len(gzip.compress(b)) for b in bodies),
        wire=wire,
        search_requests=len(search),
        search_wire=search_wire,
    )


def search_for_the_query(tab, delay_ms: int) -> float:
    """Open search with "/", type the query: ms from that key, or the last key, to results."""
    opened = tab.evaluate("performance.now()")
    tab.keyboard.press("/")
    tab.keyboard.type(QUERY, delay=delay_ms)
    tab.wait_for_function(ANSWERED, arg=QUERY, polling=10)
    since = "__searchProbe.keyAt" if delay_ms else str(opened)
    return tab.evaluate(f"__searchProbe.shownAt - {since}")


def first_results_ms(browser, url: str, delay_ms: int) -> float:
    """The median time to the first results over RUNS cold loads of the page."""
    times = []
    for _ in range(RUNS):
        context = browser.new_context()
        context.add_init_script(PROBE)
        tab = context.new_page()
        try:
            tab.goto(url, wait_until="networkidle")
            times.append(search_for_the_query(tab, delay_ms))
        finally:
            context.close()
    return statistics.median(times)


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
            last = "kB on the wire"
        else:
            site = tmp / "site"
            build_site(site)
            base = stack.enter_context(serve(site))
            last = "KiB gzipped"
        print(
            f"page | path | requests | KiB decoded | {last}"
            " | search opened: requests, kB on the wire"
            " | first results, ms: typed at once, as a reader"
        )
        playwright = stack.enter_context(sync_playwright())
        browser = chromium.launch(playwright)
        for name, path in pages.items():
            visit = weigh(browser, base + path)
            size = f"{visit.wire / 1000:.0f}" if args.production else f"{visit.packed / KIB:.0f}"
            times = [first_results_ms(browser, base + path, delay) for delay in TYPING_DELAYS_MS]
            print(
                f"{name} | /{path} | {visit.requests} | {visit.raw / KIB:.0f} | {size}"
                f" | {visit.search_requests}, {visit.search_wire / 1000:.0f}"
                f" | {', '.join(f'{ms:.0f}' for ms in times)}"
            )
        browser.close()


if __name__ == "__main__":
    main()
