"""The production site for tests: built once like `python -m publish build`, served by nginx.

nginx runs as the project ships it (publish/nginx.conf) on a free port of 127.0.0.1; its
worker processes run as an unprivileged user, so the build goes to a folder anyone can read.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from publish import nginx
from publish.build import Build, run


@dataclass(frozen=True)
class Production:
    """A built and served production site."""

    site: Path
    url: str  # ends in "/"
    policy: str  # the Content-Security-Policy the build worked out


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, server: subprocess.Popen, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"nginx stopped: {server.stderr.read().decode().strip()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nginx did not answer on port {port} within {seconds} s")


@contextlib.contextmanager
def production_server() -> Iterator[Production]:
    """Build the production site for a free port and serve it there until the block ends."""
    out = Path(tempfile.mkdtemp(prefix="production-"))
    out.chmod(0o755)
    port = free_port()
    try:
        build = run(Build(out, f"http://127.0.0.1:{port}/"), report=lambda _: None)
        server = subprocess.Popen(
            nginx.command(build, port, access_log="off"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            wait_for(port, server)
            yield Production(build.site, build.site_url, build.policy)
        finally:
            server.terminate()
            server.wait(timeout=10)
    finally:
        shutil.rmtree(out, ignore_errors=True)
