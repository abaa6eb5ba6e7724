"""Debian's Chromium, started the one way the tests, the benchmarks and the handbook PDF use.

Playwright can't download its own browser here. Without the background networking flag
Chromium keeps trying to reach Google's hosts, which this machine refuses.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
MISSING = f"{CHROMIUM} is missing: install Debian's chromium (scripts/install-browser.sh as root)"


def installed() -> bool:
    """Whether Debian's Chromium is there to start."""
    return Path(CHROMIUM).exists()


def launch(playwright: Playwright) -> Browser:
    """Headless Chromium with the project's settings; the caller closes it."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
