"""The production site, made and served by the real command line (`python -m publish`).

For the tests and benchmarks that read the site as it is published. Each runs in a process of
its own: the build prints the handbook PDF with Playwright, whose sync API can't start inside
a session that already drives a browser.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitetools.paths import ROOT
from sitetools.serve import free_port, wait_for_port

# The whole production build (two site builds, the offline build, two prints) runs before
# nginx answers; on a busy 2-core machine that can take a few minutes.
BUILD_SECONDS = 900


@dataclass(frozen=True)
class Production:
    """A production build: the folder a host serves, its address, and the policy it needs."""

    site: Path
    url: str  # ends in "/"
    policy: str  # the Content-Security-Policy the build worked out


def _made(out: Path, url: str) -> Production:
    policy = (out / "content-security-policy.txt").read_text(encoding="utf-8").strip()
    return Production(out / "site", url, policy)


def _last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1] if lines else "no message"


def build_production(out: Path, site_url: str, env: dict[str, str] | None = None) -> Production:
    """`SITE_URL=site_url python -m publish build --feedback --out out`, as nginx serves it,
    with ``env`` added to the environment. RuntimeError with the build's error line.
    """
    publish("build", "--feedback", "--out", str(out), site_url=site_url, env=env)
    return _made(out, site_url)


def publish(*args: str, site_url: str, env: dict[str, str] | None = None) -> None:
    """Run `python -m publish` with these arguments for the site at ``site_url`` (and ``env``
    added to the environment); RuntimeError with the command's error line."""
    made = run_publish(*args, env={**os.environ, **(env or {}), "SITE_URL": site_url})
    if made.returncode != 0:
        raise RuntimeError(_last_line(made.stderr))


def run_publish(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m publish ARGS` from the project's root, as a reader runs it: what it printed
    and its status, whatever that is (the caller checks)."""
    return subprocess.run(
        [sys.executable, "-m", "publish", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_SECONDS,
    )


@contextlib.contextmanager
def serve_production(out: Path) -> Iterator[Production]:
    """`python -m publish serve --out out` on a free port of 127.0.0.1, until the block ends."""
    port = free_port()
    # A file, not a pipe: minutes of build output would fill a pipe nobody reads until the end.
    with tempfile.TemporaryFile() as errors:
        server = subprocess.Popen(
            [sys.executable, "-m", "publish", "serve", "--port", str(port), "--out", str(out)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            try:
                wait_for_port(port, server, BUILD_SECONDS)
            except RuntimeError as error:
                errors.seek(0)
                said = errors.read().decode(errors="replace")
                raise RuntimeError(_last_line(said) if said.strip() else str(error)) from None
            yield _made(out, f"http://127.0.0.1:{port}/")
        finally:
            server.terminate()
            server.wait(timeout=30)
