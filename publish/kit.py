"""The break-glass kit: the offline copy and the handbook PDF, published with the site.

The site links both files with their size, and the sizes are known only once the files exist.
So the production build makes the kit first (from a build of its own), then builds the site
with `extra.kit` set (what overrides/partials/kit-links.html shows), and puts the files under
`kit/` in that site once MkDocs has written it (a build empties its folder first):

    extra = make_kit(ROOT, kit_dir, site_url)     # both files, and what the links need
    config.extra["kit"] = extra                   # in the config of the site's build
    ...build the site...
    copy_kit(kit_dir, site_dir)

`python -m publish.kit --site-url URL [--out DIR]` does exactly that, for a site with its kit.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.config import load_config

from publish.handbook_pdf import PDF_NAME, HandbookPdfError, make_handbook_pdf
from publish.mkdocs_build import run_build
from publish.offline import ZIP_NAME, OfflineBuildError, make_offline_zip

ROOT = Path(__file__).resolve().parent.parent
# Where the kit goes in the published site.
KIT_DIR = "kit"


def make_kit(project_dir: Path, kit_dir: Path, site_url: str) -> dict[str, dict]:
    """Make both files into ``kit_dir``; return ``extra.kit`` for the site's build.

    The PDF is printed from a build of the site as published (at ``site_url``) without the
    kit, so the handbook it prints has no link to itself.
    """
    with tempfile.TemporaryDirectory(prefix="kit-site-") as tmp:
        config_file = str(project_dir / "mkdocs.yml")
        run_build(load_config(config_file, site_dir=tmp, site_url=site_url, strict=True))
        make_handbook_pdf(Path(tmp), kit_dir / PDF_NAME, site_url)
    make_offline_zip(project_dir, kit_dir / ZIP_NAME)
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


def build_site_with_kit(project_dir: Path, site_dir: Path, site_url: str) -> dict[str, dict]:
    """Build the site into ``site_dir`` with its kit made and linked; return ``extra.kit``."""
    with tempfile.TemporaryDirectory(prefix="kit-") as kit_dir:
        extra = make_kit(project_dir, Path(kit_dir), site_url)
        config = load_config(
            str(project_dir / "mkdocs.yml"), site_dir=str(site_dir), site_url=site_url, strict=True
        )
        config.extra["kit"] = extra
        run_build(config)
        copy_kit(Path(kit_dir), site_dir)
    return extra


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="site folder to write")
    parser.add_argument(
        "--site-url",
        default=os.environ.get("SITE_URL"),
        help="the published site's address (default: $SITE_URL)",
    )
    args = parser.parse_args()
    if not args.site_url:
        raise SystemExit("kit: give the site's address with --site-url or SITE_URL")
    try:
        extra = build_site_with_kit(ROOT, args.out, args.site_url)
    except (HandbookPdfError, OfflineBuildError) as error:
        raise SystemExit(f"kit: {error}") from None
    for link in extra.values():
        print(f"{args.out / link['href']}: {link['size']}")


if __name__ == "__main__":
    main()
