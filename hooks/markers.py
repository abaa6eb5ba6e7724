"""Fail on any page marker that no hook replaced: a typo must not reach a reader as a blank.

Checked on each page's HTML, which MkDocs makes after every hook's `on_page_markdown`, so this
hook can be listed anywhere under `hooks:`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from signinhelp.markers import leftover_markers
from signinhelp.site import label_for


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    unknown = leftover_markers(html)
    if unknown:
        names = ", ".join(f"help:{name}" for name in unknown)
        label = label_for(config)(page.file.src_uri)
        raise PluginError(f"{label}: marker: unknown marker {names}")
    return html
