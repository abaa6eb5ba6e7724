"""mypy passes over hooks/ and publish/: a wrong type fails here, before a build meets it.

The settings are pyproject.toml's [tool.mypy]; mypy is pinned in requirements-dev.txt. Its
cache (.mypy_cache) makes a second run take a fraction of a second.
"""

from __future__ import annotations

import subprocess
import sys

from sitetools.paths import ROOT


def test_mypy_finds_no_errors() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
