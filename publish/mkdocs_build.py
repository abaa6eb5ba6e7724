"""Build a site the way `mkdocs build --strict` does, from a config loaded in Python.

The kit needs builds the command line can't express (extra plugins, values known only at
build time), so it loads the config itself and runs the same steps as the CLI.
"""

from __future__ import annotations

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig


def run_build(config: MkDocsConfig) -> None:
    """Build with plugin start-up and shut-down around it, as `mkdocs build` does."""
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
