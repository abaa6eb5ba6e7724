"""What the break-glass kit costs: time to make it, and the size of what readers download.

Runs `python -m publish.kit` (a first build, the offline build and zip, the handbook PDF, the
final build) as the production build does, and prints its wall-clock time, the CPU time of it
and everything it started (Chromium included), and the size of each file and of the PDF's
pages.

    .venv/bin/python benchmarks/kit.py
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from pypdf import PdfReader

from sitebuild import ROOT

SITE_URL = "https://help.example.org/aws-signin/"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kit-") as tmp:
        site = Path(tmp) / "site"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "publish.kit", "--out", str(site), "--site-url", SITE_URL],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        wall = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        # The kit's folder in the site holds the two files, and only them.
        (pdf,) = (site / "kit").glob("*.pdf")
        (offline,) = (site / "kit").glob("*.zip")
        with zipfile.ZipFile(offline) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            files = len(archive.infolist())
        print(f"Kit made with the site: {wall:.1f} s wall, {cpu:.1f} s CPU")
        pages = len(PdfReader(pdf).pages)
        print(f"Handbook PDF: {pdf.stat().st_size / 1024:.0f} KiB, {pages} pages")
        print(
            f"Offline zip: {offline.stat().st_size / 1024:.0f} KiB, "
            f"{files} files, {unpacked / 1024:.0f} KiB unpacked"
        )


if __name__ == "__main__":
    main()
