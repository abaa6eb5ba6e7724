"""`mkdocs serve` rebuilds when a data file changes, and never serves the data file itself.

The data files are kept out of the site by `exclude_docs`, not removed from the build's files,
so the loader reads them afresh on every rebuild. The project is copied to a temp folder first:
the test never writes into docs/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bs4 import BeautifulSoup

from sitetools.paths import ROOT
from sitetools.serve import free_port

START_QUESTION = "question: What's going wrong?"


def heading(url: str, deadline: float) -> str | None:
    """The page's h1 once the server answers, or None if it never did before the deadline."""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                h1 = BeautifulSoup(response.read(), "html.parser").select_one("article h1")
                if h1 is None:
                    return None
                for permalink in h1.select("a.headerlink"):
                    permalink.decompose()
                return h1.get_text(strip=True)
        except OSError:
            time.sleep(0.5)
    return None


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_serve_rebuilds_an_edited_troubleshooter_file(tmp_path: Path) -> None:
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
    base = f"http://127.0.0.1:{port}/"
    try:
        assert heading(base + "troubleshooter/", time.monotonic() + 120) == "What's going wrong?"
        assert status(base + "troubleshooter.yml") == 404
        data = tmp_path / "docs" / "troubleshooter.yml"
        text = data.read_text(encoding="utf-8")
        assert START_QUESTION in text
        data.write_text(text.replace(START_QUESTION, "question: Edited - what's wrong?", 1))
        deadline = time.monotonic() + 120
        title = None
        while time.monotonic() < deadline and not (title or "").startswith("Edited"):
            time.sleep(1)
            title = heading(base + "troubleshooter/", deadline)
        assert title == "Edited - what's wrong?"
    finally:
        server.terminate()
        server.wait(timeout=30)
