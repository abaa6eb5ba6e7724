"""Firewall allow-list: render the tables of docs/allowlist.yml and publish its downloads.

One data file feeds the reference page, the short table on the "can't reach the sign-in page"
topic and every download, so a network team gets the same domains wherever it looks.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from signinhelp.allowlist import render
from signinhelp.allowlist.downloads import region_downloads
from signinhelp.markers import marker_indent, replace_markers
from signinhelp.site import ALLOWLIST_URI, label_for, site_model


def on_files(files: Files, config: MkDocsConfig) -> Files:
    model = site_model(config, files)
    if model.allowlist is None:
        label = label_for(config)(ALLOWLIST_URI)
        raise PluginError(f"{label}: file: is missing; the allow-list page is built from it")
    # The YAML is the source, not a download: publish the generated files instead.
    for download in model.downloads + tuple(region_downloads(model.allowlist, model.regions)):
        files.append(File.generated(config, download.src_uri, content=download.content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    model = site_model(config, files)
    allowlist, downloads, from_uri = model.allowlist, list(model.downloads), page.file.src_uri
    short_indent = marker_indent(markdown, "allowlist-short")
    return replace_markers(
        markdown,
        {
            "allowlist-domains": lambda: render.domain_tables(allowlist, downloads, from_uri),
            "allowlist-email": lambda: render.email_table(allowlist),
            "allowlist-downloads": lambda: render.downloads_list(downloads, from_uri),
            "allowlist-placeholders": lambda: render.placeholders_list(allowlist),
            "allowlist-regions": lambda: render.regions_table(list(model.regions), from_uri),
            "allowlist-short": lambda: render.indent_block(
                render.short_table(allowlist, from_uri), short_indent
            ),
        },
    )
