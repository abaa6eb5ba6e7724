"""The site must also build, unchanged and strict, with ProperDocs (the MkDocs 1.x fork)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitetools.paths import ROOT

# It builds the site with ProperDocs.
pytestmark = pytest.mark.site


def test_site_builds_with_properdocs(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "properdocs",
            "build",
            "--strict",
            "-f",
            "mkdocs.yml",
            "-d",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "topics" / "lost-mfa-device" / "index.html").is_file()
