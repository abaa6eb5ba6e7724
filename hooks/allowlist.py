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
from signinhelp.allowlist.downloads import Publication, publication
from signinhelp.allowlist.fill import fill_placeholders
from signinhelp.allowlist.model import AllowList
from signinhelp.allowlist.regions import load_commercial_regions
from signinhelp.build_cache import per_build
from signinhelp.markers import marker_indent, replace_markers
from signinhelp.organization.config import organization_from_config
from signinhelp.site import ALLOWLIST_URI, label_for, site_model

PUBLICATION_KEY = "signin_help_allowlist"
FILLED_KEY = "signin_help_allowlist_filled"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for download in _publication(config, files).files:
        files.append(File.generated(config, download.src_uri, content=download.content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    allowlist, from_uri = _allowlist(config, files), page.file.src_uri
    published = _publication(config, files)
    downloads = list(published.downloads)
    short_indent = marker_indent(markdown, "allowlist-short")
    organization = organization_from_config(config)
    # An edition that names its Regions lists only those, and says so.
    region_owner = organization.name if organization and organization.regions else None
    return replace_markers(
        markdown,
        {
            "allowlist-domains": lambda: render.domain_tables(allowlist, downloads, from_uri),
            "allowlist-email": lambda: render.email_table(allowlist),
            "allowlist-downloads": lambda: render.downloads_list(downloads, from_uri),
            "allowlist-placeholders": lambda: render.placeholders_list(allowlist),
            "allowlist-regions": lambda: render.regions_table(
                list(published.regions), from_uri, region_owner
            ),
            "allowlist-short": lambda: render.indent_block(
                render.short_table(allowlist, from_uri), short_indent
            ),
        },
    )


def _allowlist(config: MkDocsConfig, files: Files) -> AllowList:
    allowlist = site_model(config, files).allowlist
    if allowlist is None:
        label = label_for(config)(ALLOWLIST_URI)
        raise PluginError(f"{label}: file: is missing; the allow-list page is built from it")
    # An organization's edition fills in its own Regions and directory: ready to paste.
    organization = organization_from_config(config)
    if organization is None:
        return allowlist
    values, owner = organization.placeholder_values(), organization.name
    return per_build(config, FILLED_KEY, lambda: fill_placeholders(allowlist, values, owner))


def _publication(config: MkDocsConfig, files: Files) -> Publication:
    # Reading botocore's Region list takes a tenth of a second: once per build is enough.
    def make() -> Publication:
        regions = load_commercial_regions()
        if not regions:
            raise PluginError("botocore: endpoints: has no 'aws' partition: check its pin")
        organization = organization_from_config(config)
        if organization and organization.regions:
            regions = [region for region in regions if region.code in organization.regions]
        return publication(_allowlist(config, files), regions)

    return per_build(config, PUBLICATION_KEY, make)
