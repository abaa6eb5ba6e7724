"""What the break-glass kit costs: time to make it, and the size of what readers download.

Runs `python -m publish kit` (a build of the site, the handbook PDF printed from it, the
offline build and its zip), the first step of the production build, and prints its wall-clock
time, the CPU time of it and everything it started (Chromium included), and the size of each
file and of the PDF's pages.

    .venv/bin/python -m benchmarks.kit
"""

from __future__ import annotations

import resource
import tempfile
import time
import zipfile
from pathlib import Path

from pypdf import PdfReader

from sitetools.production import run_publish

SITE_URL = "https://help.example.org/aws-signin/"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kit-") as tmp:
        kit = Path(tmp) / "kit"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        made = run_publish("kit", "--out", str(kit), "--site-url", SITE_URL)
        if made.returncode != 0:
            raise SystemExit(made.stderr.strip())
        wall = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        # The kit's folder holds the two files, and only them.
        (pdf,) = kit.glob("*.pdf")
        (offline,) = kit.glob("*.zip")
        with zipfile.ZipFile(offline) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            files = len(archive.infolist())
        print(f"Kit made: {wall:.1f} s wall, {cpu:.1f} s CPU")
        pages = len(PdfReader(pdf).pages)
        print(f"Handbook PDF: {pdf.stat().st_size / 1024:.0f} KiB, {pages} pages")
        print(
            f"Offline zip: {offline.stat().st_size / 1024:.0f} KiB, "
            f"{files} files, {unpacked / 1024:.0f} KiB unpacked"
        )


if __name__ == "__main__":
    main()
