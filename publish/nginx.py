"""Serve a production build with nginx, configured from the one template next to this file."""

from __future__ import annotations

import grp
import os
import pwd
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from publish.build import Build
from publish.errors import PublishError

TEMPLATE = Path(__file__).with_name("nginx.conf")
# Debian's package libnginx-mod-http-brotli-static puts the module here.
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
INSTALL = "install them with scripts/install-nginx.sh (as root)"


def render_config(template: str, values: dict[str, str]) -> str:
    """The template with every @NAME@ replaced; a name left without a value is an error."""
    text = template
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    missing = re.search(r"@[A-Z_]+@", text)
    if missing:
        raise ValueError(f"{TEMPLATE.name}: no value for {missing.group()}")
    return text


def nginx_binary() -> str:
    """Debian's nginx with its brotli module, or a one-line error saying how to get them."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if found is None or not BROTLI_MODULE.is_file():
        raise PublishError(f"serving needs nginx-light and Debian's brotli module: {INSTALL}")
    return found


def worker_user(site: Path) -> str:
    """Who nginx's workers run as: the directive for the config, or a comment when it has none.

    Started by root, nginx runs its workers as `nobody`, who can't read a site under a private
    folder (root's home is mode 700), and every page would answer 404. The workers run as the
    owner of the build instead, who can read it wherever the repository lives. Started by
    anyone else, the workers are that user already and nginx ignores the directive.
    """
    if os.geteuid() != 0:
        return "# workers run as the user who started nginx"
    owner = site.stat()
    user, group = pwd.getpwuid(owner.st_uid).pw_name, grp.getgrgid(owner.st_gid).gr_name
    return f"user {user} {group};"


def served_root(build: Build, runtime: Path) -> tuple[Path, str]:
    """The folder nginx serves from and the path the site answers at, from its address.

    A site built for a folder (https://help.example.org/aws-signin/) links its pages under that
    folder, so it is served there: from a folder in ``runtime`` whose entry for that path is
    the site. A site built for a host's root is served from the site itself.
    """
    path = urlsplit(build.site_url).path or "/"
    if path == "/":
        return build.site, path
    root = runtime / "root"
    entry = root / path.strip("/")
    entry.parent.mkdir(parents=True, exist_ok=True)
    if entry.is_symlink():
        entry.unlink()
    entry.symlink_to(build.site, target_is_directory=True)
    return root, path


def command(build: Build, port: int, access_log: str = "/dev/stdout") -> list[str]:
    """Write the server's configuration for this build and port; the command that runs it.

    The site answers at its address's path on 127.0.0.1:``port``. Readers' answers to "Did this
    page help?" go to ``build.feedback_log``, kept across builds.
    """
    runtime = build.out / "nginx"
    runtime.mkdir(exist_ok=True)
    config = runtime / "nginx.conf"
    root, path = served_root(build, runtime)
    values = {
        "BROTLI_MODULE": str(BROTLI_MODULE),
        "WORKER_USER": worker_user(build.site),
        "RUNTIME": str(runtime),
        "ROOT": str(root),
        "SITE_PATH": path,
        "SITE_PATH_PATTERN": re.escape(path),
        "PORT": str(port),
        "ACCESS_LOG": access_log,
        "FEEDBACK_LOG": str(build.feedback_log),
        "CONTENT_SECURITY_POLICY": build.policy_file.read_text(encoding="utf-8").strip(),
    }
    config.write_text(render_config(TEMPLATE.read_text(encoding="utf-8"), values), "utf-8")
    return [nginx_binary(), "-p", str(runtime), "-c", str(config), "-e", "stderr"]
