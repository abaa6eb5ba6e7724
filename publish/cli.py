"""python -m publish build | serve | kit | offline | pdf | feedback: the site, its kit, its readers.

build     the production site for SITE_URL, into dist/site (what a host serves)
serve     the same for http://127.0.0.1:PORT/, served here by nginx as it is published
kit       the break-glass kit alone: the offline zip and the handbook PDF
offline   the offline zip alone
pdf       the handbook PDF alone
feedback  what readers answered to "Did this page help?", per page, from the server's log

The site's address comes from --site-url, else the SITE_URL environment variable; the site's
config from --config-file (an organization's edition), else mkdocs.yml. Whatever
stops a command is printed as one line, `error: ...`, and the command exits with status 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from mkdocs.config import load_config

from publish import feedback_log, kit, nginx, offline
from publish.build import DEFAULT_OUT, FEEDBACK_LOG, Build, run
from publish.errors import PublishError
from publish.handbook_pdf import PDF_NAME, make_handbook_pdf
from publish.site_url import site_url_from
from sitetools import chromium
from sitetools.build import run_build
from sitetools.paths import CONFIG, ROOT

KIT_OUT = ROOT / kit.KIT_DIR


def site_url(args: argparse.Namespace) -> str:
    """The address from --site-url or SITE_URL, checked (publish/site_url.py)."""
    return site_url_from(args.site_url or os.environ.get("SITE_URL"))


def config_file(args: argparse.Namespace) -> Path:
    """The site's config, checked before any build starts."""
    path: Path = args.config_file.resolve()
    if not path.is_file():
        raise PublishError(f"--config-file: {args.config_file}: no such file")
    return path


def needs_chromium() -> None:
    """The kit's PDF is printed by Chromium: say so in one line before any build starts."""
    if not chromium.installed():
        raise PublishError(chromium.MISSING)


def build_command(args: argparse.Namespace) -> None:
    address = site_url(args)
    needs_chromium()
    run(
        Build(
            args.out.resolve(),
            address,
            meta_policy=args.meta_policy,
            feedback=args.feedback,
            config_file=config_file(args),
        )
    )


def serve_command(args: argparse.Namespace) -> None:
    # Checked first: a missing server should not cost a build.
    nginx.nginx_binary()
    needs_chromium()
    address = f"http://127.0.0.1:{args.port}/"
    made = run(Build(args.out.resolve(), address, feedback=True, config_file=config_file(args)))
    argv = nginx.command(made, args.port)
    print(f"Serving the production site at {made.site_url} (Ctrl-C stops)")
    print(f"Readers' answers to 'Did this page help?' go to {made.feedback_log}", flush=True)
    os.execv(argv[0], argv)


def kit_command(args: argparse.Namespace) -> None:
    address = site_url(args)
    needs_chromium()
    args.out.mkdir(parents=True, exist_ok=True)
    for link in kit.make_kit(ROOT, args.out, address, config_file(args)).values():
        print(f"{args.out / Path(link['href']).name}: {link['size']}")


def offline_command(args: argparse.Namespace) -> None:
    out = offline.make_offline_zip(ROOT, args.out, config_file(args))
    print(f"{out}: {out.stat().st_size:,} bytes")


def pdf_command(args: argparse.Namespace) -> None:
    address = site_url(args)
    needs_chromium()
    if args.site:
        out = make_handbook_pdf(args.site, args.out, address)
    else:
        with tempfile.TemporaryDirectory(prefix="handbook-site-") as tmp:
            config = str(config_file(args))
            run_build(load_config(config, site_dir=tmp, site_url=address, strict=True))
            out = make_handbook_pdf(Path(tmp), args.out, address)
    print(f"{out}: {out.stat().st_size:,} bytes")


def feedback_command(args: argparse.Namespace) -> None:
    for line in feedback_log.report(feedback_log.summarize(feedback_log.read_log(args.log))):
        print(line)


def parser() -> argparse.ArgumentParser:
    summary, _, details = __doc__.partition("\n\n")
    top = argparse.ArgumentParser(
        prog="python -m publish",
        description=summary,
        epilog=details.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # name: (what it does, the function, where it writes, whether it needs the site's address)
    table = {
        "build": ("build the production site for SITE_URL", build_command, DEFAULT_OUT, True),
        "serve": (
            "build it and serve it with nginx on 127.0.0.1",
            serve_command,
            DEFAULT_OUT,
            False,
        ),
        "kit": ("make the offline zip and the handbook PDF", kit_command, KIT_OUT, True),
        "offline": ("make the offline zip", offline_command, KIT_OUT / offline.ZIP_NAME, False),
        "pdf": ("make the handbook PDF", pdf_command, KIT_OUT / PDF_NAME, True),
    }
    sub = {}
    for name, (does, function, out, needs_address) in table.items():
        sub[name] = commands.add_parser(name, help=does, description=does)
        sub[name].set_defaults(run=function)
        sub[name].add_argument(
            "--out", type=Path, default=out, help="where to write (default: %(default)s)"
        )
        sub[name].add_argument(
            "--config-file",
            type=Path,
            default=CONFIG,
            help="the site's mkdocs.yml, or an organization's (default: %(default)s)",
        )
        if needs_address:
            sub[name].add_argument(
                "--site-url", help="the published site's address (default: $SITE_URL)"
            )
    sub["build"].add_argument(
        "--meta-policy",
        action="store_true",
        help="also put the policy into every page (hosts that can't send headers)",
    )
    sub["build"].add_argument(
        "--feedback",
        action="store_true",
        help="ask 'Did this page help?' on topic pages (only for a server that logs /feedback"
        " as publish/nginx.conf does)",
    )
    sub["serve"].add_argument(
        "--port", type=int, default=8000, help="port of 127.0.0.1 (default: %(default)s)"
    )
    sub["pdf"].add_argument("--site", type=Path, help="a built site to print (default: build one)")
    does = "count readers' answers to 'Did this page help?', per page, worst first"
    sub["feedback"] = commands.add_parser("feedback", help=does, description=does)
    sub["feedback"].set_defaults(run=feedback_command)
    sub["feedback"].add_argument(
        "log",
        metavar="LOG",
        type=Path,
        nargs="?",
        default=DEFAULT_OUT / FEEDBACK_LOG,
        help="the server's feedback log (default: %(default)s, where publish serve writes it)",
    )
    return top


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except PublishError as error:
        sys.exit(f"error: {error}")
