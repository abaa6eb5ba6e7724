"""Build a site the way `mkdocs build --strict` does, from a config loaded in Python.

Tests, benchmarks and the publish tools need builds the command line can't express (a site
folder of their own, extra plugins, values known only at build time), so they load the config
themselves and run the same steps as the CLI.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from sitetools.paths import CONFIG


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds, and CPU seconds of this process (steadier on a busy machine)."""

    wall: float
    cpu: float


def run_build(config: MkDocsConfig) -> None:
    """Build with plugin start-up and shut-down around it, as `mkdocs build` does."""
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def build_site(
    site: Path, config_file: Path = CONFIG, drop_features: tuple[str, ...] = (), **overrides: Any
) -> Timing:
    """Build like `mkdocs build --strict`, with any config overrides (docs_dir, nav, hooks, ...).

    `drop_features` turns theme features off, to measure what one of them is worth.
    """
    config = load_config(str(config_file), site_dir=str(site), **{"strict": True, **overrides})
    if drop_features:
        config.theme["features"] = [f for f in config.theme["features"] if f not in drop_features]
    wall, cpu = time.perf_counter(), time.process_time()
    run_build(config)
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


def output_size(site: Path) -> tuple[int, int, int]:
    """HTML pages, bytes of those pages, and bytes of everything written."""
    pages = list(site.rglob("*.html"))
    every = [p for p in site.rglob("*") if p.is_file()]
    return len(pages), sum(p.stat().st_size for p in pages), sum(p.stat().st_size for p in every)
