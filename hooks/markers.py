"""Fail on any page marker that no hook replaced: a typo must not reach a reader as a blank.

Listed last under `hooks:` so every other hook has had its turn.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from signinhelp.markers import leftover_markers
from signinhelp.problems import source_label


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    unknown = leftover_markers(markdown)
    if unknown:
        names = ", ".join(f"help:{name}" for name in unknown)
        project_dir = os.path.dirname(config.config_file_path)
        label = source_label(project_dir, config.docs_dir, page.file.src_uri)
        raise PluginError(f"{label}: marker: unknown marker {names}")
    return markdown
