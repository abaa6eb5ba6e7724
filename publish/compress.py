"""Precompress text files once, at build time, so a server sends them small without work.

Both encodings are deterministic: the same file gives the same bytes on every build (gzip
without a timestamp or file name), so two builds of the same sources stay byte-identical.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

# What browsers fetch as text; images and archives are already compressed. Source maps (.map)
# are read only by a developer's tools, never by a reader's page: nginx sends them as they are.
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".txt", ".csv", ".svg"})
# Material's search support for other languages (1.3 MB): the site searches in English, whose
# support is in the search worker itself, so no page fetches these. A third of the time it took
# to compress every file went on them and the source maps.
NEVER_FETCHED = "assets/javascripts/lunr/"


def gzip_bytes(data: bytes) -> bytes:
    """Gzip at the highest level with mtime 0 and no file name: same input, same output."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes) -> bytes:
    """Brotli at the highest quality, tuned for text."""
    compressed: bytes = brotli.compress(data, mode=brotli.MODE_TEXT, quality=11)
    return compressed


def text_files(site: Path) -> list[Path]:
    """Every file of the site a browser reads as text, in a stable order."""
    return sorted(
        p
        for p in site.rglob("*")
        if p.is_file()
        and p.suffix in TEXT_SUFFIXES
        and not p.relative_to(site).as_posix().startswith(NEVER_FETCHED)
    )


def precompress(site: Path) -> int:
    """Write `name.br` and `name.gz` next to every text file; how many files were compressed."""
    files = text_files(site)
    for path in files:
        data = path.read_bytes()
        path.with_name(path.name + ".br").write_bytes(brotli_bytes(data))
        path.with_name(path.name + ".gz").write_bytes(gzip_bytes(data))
    return len(files)
