"""`mkdocs serve` serves the site and rebuilds it when a topic changes.

Hooks keep no state between builds, so an edited topic must show up on the next request.
The project is copied to a temp folder first: the test never writes into docs/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitetools.paths import ROOT
from sitetools.serve import free_port

# It runs mkdocs serve on a copy of the project.
pytestmark = pytest.mark.site

TOPIC = "docs/topics/lost-mfa-device.md"


def fetch_title(url: str, deadline: float) -> str | None:
    """The page's h1 once the server answers, or None if it never did before the deadline."""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                soup = BeautifulSoup(response.read(), "html.parser")
                return soup.select_one("article h1").get_text(strip=True)
        except OSError:
            time.sleep(0.5)
    return None


def test_serve_serves_and_reloads_an_edited_topic(tmp_path: Path) -> None:
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/topics/lost-mfa-device/"
    try:
        assert fetch_title(url, time.monotonic() + 120) == (
            "I lost my MFA device or my codes stopped working"
        )
        topic = tmp_path / TOPIC
        text = topic.read_text(encoding="utf-8")
        topic.write_text(text.replace("title: I lost my MFA", "title: Edited - I lost my MFA", 1))
        deadline = time.monotonic() + 120
        title = None
        while time.monotonic() < deadline and not (title or "").startswith("Edited"):
            time.sleep(1)
            title = fetch_title(url, deadline)
        assert title == "Edited - I lost my MFA device or my codes stopped working"
    finally:
        server.terminate()
        server.wait(timeout=30)
