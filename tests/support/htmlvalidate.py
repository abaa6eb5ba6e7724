"""Run html-validate, pinned in package.json, with the project's rules (.htmlvalidate.mjs)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from sitetools.paths import ROOT

BINARY = ROOT / "node_modules" / ".bin" / "html-validate"


def html_errors(site: Path) -> str:
    """html-validate's report on every page of a built site; empty when there is no error."""
    if not BINARY.exists():
        pytest.fail(f"{BINARY} is missing: run scripts/test.sh, which runs npm ci")
    result = subprocess.run(
        [str(BINARY), "--config", str(ROOT / ".htmlvalidate.mjs"), f"{site}/**/*.html"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return "" if result.returncode == 0 else result.stdout + result.stderr
