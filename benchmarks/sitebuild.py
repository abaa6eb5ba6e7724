"""What every benchmark needs: build the site like `mkdocs build --strict`, measure, serve it.

Also the production site (publish/) served by nginx, for the tests and benchmarks that read
it as it is published.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
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


@dataclass(frozen=True)
class Production:
    """The production site (publish/), built and served by nginx as it is published."""

    site: Path
    url: str  # ends in "/"
    policy: str  # the Content-Security-Policy the build worked out


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, server: subprocess.Popen, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"nginx stopped: {server.stderr.read().decode().strip()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nginx did not answer on port {port} within {seconds} s")


@contextlib.contextmanager
def serve_production() -> Iterator[Production]:
    """Build the production site for a free port of 127.0.0.1 and serve it there with nginx.

    nginx's workers run as an unprivileged user: the build goes to a folder anyone can read.
    """
    # publish/ sits at the repository root; benchmarks run as scripts from benchmarks/.
    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))
    from publish import nginx
    from publish.build import Build, run

    out = Path(tempfile.mkdtemp(prefix="production-"))
    out.chmod(0o755)
    port = _free_port()
    try:
        build = run(Build(out, f"http://127.0.0.1:{port}/"), report=lambda _: None)
        server = subprocess.Popen(
            nginx.command(build, port, access_log="off"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            _wait_for(port, server)
            yield Production(build.site, build.site_url, build.policy)
        finally:
            server.terminate()
            server.wait(timeout=10)
    finally:
        shutil.rmtree(out, ignore_errors=True)
