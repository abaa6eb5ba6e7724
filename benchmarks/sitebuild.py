"""What every benchmark needs: build the site like `mkdocs build --strict`, measure, serve it."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

# Material prints a long end-of-life notice on import; it says nothing about these figures.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
# Debian's Chromium: Playwright can't download its own browser here. Without the background
# networking flag Chromium keeps trying to reach Google's hosts, which this machine refuses.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds, and CPU seconds of this process (steadier on a busy machine)."""

    wall: float
    cpu: float


def build_site(
    site: Path, config_file: Path = CONFIG, drop_features: tuple[str, ...] = (), **overrides
) -> Timing:
    """Build like `mkdocs build --strict`, with any config overrides (docs_dir, nav, hooks, ...).

    `drop_features` turns theme features off, to measure what one of them is worth.
    """
    config = load_config(str(config_file), site_dir=str(site), **{"strict": True, **overrides})
    if drop_features:
        config.theme["features"] = [f for f in config.theme["features"] if f not in drop_features]
    wall, cpu = time.perf_counter(), time.process_time()
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


def output_size(site: Path) -> tuple[int, int, int]:
    """HTML pages, bytes of those pages, and bytes of everything written."""
    pages = list(site.rglob("*.html"))
    every = [p for p in site.rglob("*") if p.is_file()]
    return len(pages), sum(p.stat().st_size for p in pages), sum(p.stat().st_size for p in every)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port); yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
