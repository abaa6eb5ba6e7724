"""The offline copy: the whole site as a .zip that works unpacked, opened from disk.

An administrator keeps it where a lockout can't reach: on a laptop, a USB stick, a shared
drive. Opened from `file://`, every page, the guided troubleshooter and search must work with
no request to any server. Material's offline plugin does most of it (file names instead of
folder addresses, the search index as a script); it would load its Web Worker shim from a CDN,
so the shim comes from the `iframe-worker` npm package, pinned in package-lock.json, and the
pages load it from the copy itself.

Rebuild it alone: `python -m publish offline [--out FILE]`.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import yaml_load

from publish.errors import PublishError
from publish.markup import replace_tags, start_tags
from sitetools.build import run_build

# Offline, a page's address is its file: the zip holds one top folder, named like the zip.
ZIP_NAME = "aws-signin-help-offline.zip"
TOP_FOLDER = ZIP_NAME.removesuffix(".zip")
# Where the pages load the shim from. Material's offline plugin adds its CDN copy unless a
# polyfill's address already names iframe-worker.
SHIM_DIR = "assets/javascripts/iframe-worker"
SHIM_URL = f"{SHIM_DIR}/shim.js"
SHIM_PACKAGE = Path("node_modules/iframe-worker")
# The shim's MIT licence asks for its notice to travel with every copy.
SHIM_FILES = {"shim/index.js": "shim.js", "LICENSE": "LICENSE"}
# What only a web server uses: the error page (its asset paths start at the server's root)
# and the sitemap, empty without a site address.
SERVER_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz")
# Zip entries carry a time; one fixed time keeps two builds of the same sources identical.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Pages that hold a form sending to a folder (the home page's search box sends "./?q=...").
# From disk, that address opens a folder listing instead of the page; the copy must fix it.
FOLDER_FORM_PAGES = ("index.html",)


def make_offline_zip(project_dir: Path, out_zip: Path, config_file: Path | None = None) -> Path:
    """Build the site for reading from disk and pack it into ``out_zip``; return its path.

    ``config_file`` is the project's mkdocs.yml unless given (an organization's edition).
    """
    shim = project_dir / SHIM_PACKAGE
    if not (shim / "shim" / "index.js").is_file():
        raise PublishError(
            f"{shim}: missing; run `npm ci` in {project_dir} to install the pinned iframe-worker"
        )
    with tempfile.TemporaryDirectory(prefix="offline-site-") as tmp:
        site_dir = Path(tmp) / TOP_FOLDER
        run_build(offline_config(config_file or project_dir / "mkdocs.yml", site_dir))
        for source, name in SHIM_FILES.items():
            target = site_dir / SHIM_DIR / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shim / source, target)
        for name in SERVER_ONLY:
            (site_dir / name).unlink()
        point_forms_at_files(site_dir)
        out_zip.parent.mkdir(parents=True, exist_ok=True)
        write_zip(site_dir, out_zip)
    return out_zip


def offline_config(config_file: Path, site_dir: Path) -> MkDocsConfig:
    """The site's own config, plus Material's offline plugin and the shim from the copy.

    Read from mkdocs.yml each time, so the offline copy follows any change to the site; a
    config that inherits another (`INHERIT`) gets that one's plugins too, as MkDocs reads it.
    """
    with open(config_file, "rb") as f:
        plugins = yaml_load(f).get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    config = load_config(
        str(config_file),
        site_dir=str(site_dir),
        # No site address: the copy's pages are files (a.html), which the published site's
        # addresses (a/) are not, so a canonical link built from it would point nowhere.
        site_url="",
        strict=True,
        # The offline plugin also sets this; set here, the whole config agrees from the start.
        use_directory_urls=False,
        plugins=[*plugins, "offline"],
    )
    # First: the site's own early scripts (search-lazy.js) take the shim for `Worker`.
    config.extra["polyfills"] = [SHIM_URL, *config.extra.get("polyfills", [])]
    return config


def point_forms_at_files(site_dir: Path) -> None:
    """Every form of the copy that sends to a folder (``./``) sends to its index.html instead.

    MkDocs rewrites Markdown links for a build without folder addresses, but not raw HTML.
    A page of FOLDER_FORM_PAGES without such a form means its search box changed: the build
    stops rather than ship a copy this step no longer checks.
    """
    for page in sorted(site_dir.rglob("*.html")):
        where = page.relative_to(site_dir).as_posix()
        html = page.read_text(encoding="utf-8")
        fixed = fix_folder_form_actions(html)
        if fixed == html and where in FOLDER_FORM_PAGES:
            raise PublishError(f'{where}: no <form action="./"> to point at index.html')
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")


def fix_folder_form_actions(html: str) -> str:
    """``html`` with each form that sends to a folder (``./``) sending to its index.html."""
    edits = {}
    for tag in start_tags(html, "form"):
        action = tag.get("action")
        if action and _sends_to_a_folder(action):
            edits[tag] = tag.with_attr("action", action + "index.html")
    return replace_tags(html, edits)


def _sends_to_a_folder(action: str) -> bool:
    # Relative and ending in "/": an address with a scheme, or from the root, is a server's.
    return action.endswith("/") and not action.startswith("/") and not urlsplit(action).scheme


def write_zip(site_dir: Path, out_zip: Path) -> None:
    """Pack ``site_dir`` under its own folder name, byte-identical for identical files.

    Entries in sorted order, one fixed time and mode, no extra fields.
    """
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    with zipfile.ZipFile(out_zip, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{site_dir.name}/{path.relative_to(site_dir).as_posix()}")
            info.date_time = ZIP_TIME
            info.create_system = 3  # Unix, wherever it is built, so the mode below is read.
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
