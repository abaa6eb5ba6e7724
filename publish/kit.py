"""The break-glass kit: the offline copy and the handbook PDF, published with the site.

The site links both files with their size, and the sizes are known only once the files exist.
So the production build (publish/build.py) makes the kit first, from a build of its own, then
builds the site with `extra.kit` set (what overrides/partials/kit-links.html shows), and puts the
files under `kit/` in that site once MkDocs has written it (a build empties its folder first).

`python -m publish kit [--site-url URL] [--out DIR]` makes the two files alone, for a binder or
a USB stick, without the rest of the production build.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mkdocs.config import load_config

from publish.handbook_pdf import PDF_NAME, make_handbook_pdf
from publish.offline import ZIP_NAME, make_offline_zip
from sitetools.build import run_build

# Where the kit goes in the published site.
KIT_DIR = "kit"


def make_kit(
    project_dir: Path, kit_dir: Path, site_url: str, config_file: Path | None = None
) -> dict[str, dict]:
    """Make both files into ``kit_dir``; return ``extra.kit`` for the site's build.

    The PDF is printed from a build of the site as published (at ``site_url``) without the
    kit, so the handbook it prints has no link to itself.
    """
    with tempfile.TemporaryDirectory(prefix="kit-site-") as tmp:
        config = str(config_file or project_dir / "mkdocs.yml")
        run_build(load_config(config, site_dir=tmp, site_url=site_url, strict=True))
        make_handbook_pdf(Path(tmp), kit_dir / PDF_NAME, site_url)
    make_offline_zip(project_dir, kit_dir / ZIP_NAME, config_file)
    return kit_links(kit_dir)


def kit_links(kit_dir: Path) -> dict[str, dict]:
    """What the links need: each file's address in the site and its size, as readers read it."""
    return {
        name: {"href": f"{KIT_DIR}/{file}", "size": readable_size((kit_dir / file).stat().st_size)}
        for name, file in (("handbook", PDF_NAME), ("offline", ZIP_NAME))
    }


def readable_size(size: int) -> str:
    """Bytes as a reader's file manager shows them: '870 kB', '1.5 MB' (powers of 1000)."""
    # From 999.5 kB up, "1000 kB" would round up: that is "1.0 MB".
    if size < 999_500:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1_000_000:.1f} MB"


def copy_kit(kit_dir: Path, site_dir: Path) -> None:
    """Put the kit's files where the links point, in the final build of the site."""
    target = site_dir / KIT_DIR
    target.mkdir(parents=True, exist_ok=True)
    for file in (PDF_NAME, ZIP_NAME):
        shutil.copyfile(kit_dir / file, target / file)
