"""`mkdocs serve` serves the site and rebuilds it when a topic or a data file changes.

Hooks keep no state between builds, so an edited topic must show up on the next request. The
data files are kept out of the site by `exclude_docs`, not removed from the build's files, so
the loader reads them afresh on every rebuild, and the server never serves them. The project is
copied to a temp folder first: the tests never write into docs/.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitetools.paths import ROOT
from sitetools.serve import free_port

# They run mkdocs serve on a copy of the project.
pytestmark = pytest.mark.site

TOPIC = "docs/topics/lost-mfa-device.md"
START_QUESTION = "question: What's going wrong?"
# Two minutes for the first build and for each rebuild, on a loaded machine.
REBUILD_SECONDS = 120
# How often to ask again while the server starts or rebuilds.
POLL_SECONDS = 0.25


@dataclass(frozen=True)
class Served:
    """A copy of the project, and the address where `mkdocs serve` serves it."""

    folder: Path
    base: str


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for the module: each test edits a file of its own, so one start serves both."""
    folder = tmp_path_factory.mktemp("served")
    with serving_a_copy(folder) as base:
        yield Served(folder, base)


@contextlib.contextmanager
def serving_a_copy(tmp_path: Path) -> Iterator[str]:
    """`mkdocs serve` on a copy of the project in tmp_path; yield its base URL."""
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
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def fetch_title(url: str, deadline: float) -> str | None:
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
            time.sleep(POLL_SECONDS)
    return None


def title_once_edited(url: str, prefix: str) -> str | None:
    """The page's h1 after the server has rebuilt it with the edit, or the last one it showed."""
    deadline = time.monotonic() + REBUILD_SECONDS
    title = None
    while time.monotonic() < deadline and not (title or "").startswith(prefix):
        time.sleep(POLL_SECONDS)
        title = fetch_title(url, deadline)
    return title


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_serve_serves_and_reloads_an_edited_topic(served: Served) -> None:
    url = served.base + "topics/lost-mfa-device/"
    assert fetch_title(url, time.monotonic() + REBUILD_SECONDS) == (
        "I lost my MFA device or my codes stopped working"
    )
    topic = served.folder / TOPIC
    text = topic.read_text(encoding="utf-8")
    topic.write_text(text.replace("title: I lost my MFA", "title: Edited - I lost my MFA", 1))
    assert title_once_edited(url, "Edited") == (
        "Edited - I lost my MFA device or my codes stopped working"
    )


def test_serve_rebuilds_an_edited_troubleshooter_file(served: Served) -> None:
    url = served.base + "troubleshooter/"
    assert fetch_title(url, time.monotonic() + REBUILD_SECONDS) == "What's going wrong?"
    assert status(served.base + "troubleshooter.yml") == 404
    data = served.folder / "docs" / "troubleshooter.yml"
    text = data.read_text(encoding="utf-8")
    assert START_QUESTION in text
    data.write_text(text.replace(START_QUESTION, "question: Edited - what's wrong?", 1))
    assert title_once_edited(url, "Edited") == "Edited - what's wrong?"
