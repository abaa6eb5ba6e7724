"""Firewall allow-list: check docs/allowlist.yml, then render its tables and generate the downloads.

One data file feeds the reference page, the short table on the "can't reach the sign-in page"
topic and every download, so a network team gets the same domains wherever it looks.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from signinhelp import allowlist_markdown as render
from signinhelp.allowlist import AllowList, parse_allowlist
from signinhelp.allowlist_downloads import Download, main_downloads, region_downloads
from signinhelp.allowlist_regions import Region, load_commercial_regions
from signinhelp.markers import replace_markers
from signinhelp.problems import report, source_label

DATA_URI = "allowlist.yml"
# This build's allow-list, kept on the config between events, never in a module global
# (MkDocs reuses this module across `mkdocs serve` rebuilds).
BUILD_KEY = "signin_help_allowlist"


@dataclass(frozen=True)
class AllowListBuild:
    """What the page markers need: the checked data, its main downloads and the Regions."""

    allowlist: AllowList
    downloads: list[Download]
    regions: list[Region]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    label = source_label(os.path.dirname(config.config_file_path), config.docs_dir, DATA_URI)
    data_file = files.get_file_from_path(DATA_URI)
    if data_file is None:
        raise PluginError(f"{label}: file: is missing; the allow-list page is built from it")
    allowlist, problems = parse_allowlist(data_file.content_string, label)
    if allowlist is None:
        raise PluginError(f"{len(problems)} problem(s) in the allow-list:\n{report(problems)}")
    regions = load_commercial_regions()
    if not regions:
        raise PluginError("botocore's endpoint data has no 'aws' partition: check its pin")
    build = AllowListBuild(allowlist, main_downloads(allowlist), regions)
    # The YAML is the source, not a download: publish the generated files instead.
    files.remove(data_file)
    for download in build.downloads + region_downloads(allowlist, regions):
        files.append(File.generated(config, download.src_uri, content=download.content))
    config[BUILD_KEY] = build
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build: AllowListBuild = config[BUILD_KEY]
    from_uri = page.file.src_uri
    short_indent = render.marker_indent(markdown, "allowlist-short")
    return replace_markers(
        markdown,
        {
            "allowlist-domains": lambda: render.domain_tables(
                build.allowlist, build.downloads, from_uri
            ),
            "allowlist-email": lambda: render.email_table(build.allowlist),
            "allowlist-downloads": lambda: render.downloads_list(build.downloads, from_uri),
            "allowlist-placeholders": lambda: render.placeholders_list(build.allowlist),
            "allowlist-regions": lambda: render.regions_table(build.regions, from_uri),
            "allowlist-short": lambda: render.indent_block(
                render.short_table(build.allowlist, from_uri), short_indent
            ),
        },
    )
