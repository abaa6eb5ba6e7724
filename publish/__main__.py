"""python -m publish build | serve: the production site, for any host or served here by nginx."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from publish import nginx
from publish.build import DEFAULT_OUT, Build, run, site_url_from
from publish.errors import PublishError


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m publish", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the production site for SITE_URL")
    build.add_argument(
        "--meta-policy",
        action="store_true",
        help="also put the policy into every page (hosts without headers)",
    )
    serve = commands.add_parser("serve", help="build and serve it with nginx on 127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    for sub in (build, serve):
        sub.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            run(
                Build(
                    args.out.resolve(),
                    site_url_from(os.environ.get("SITE_URL")),
                    meta_policy=args.meta_policy,
                )
            )
            return
        # Checked first: a missing server should not cost a build.
        nginx.nginx_binary()
        site = run(Build(args.out.resolve(), f"http://127.0.0.1:{args.port}/"))
        argv_nginx = nginx.command(site, args.port)
    except PublishError as error:
        sys.exit(f"error: {error}")
    print(f"Serving the production site at http://127.0.0.1:{args.port}/ (Ctrl-C stops)")
    sys.stdout.flush()
    os.execv(argv_nginx[0], argv_nginx)


if __name__ == "__main__":
    main()
