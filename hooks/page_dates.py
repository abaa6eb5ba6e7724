"""Date every page from its content, so two builds of the same sources are byte-identical."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from signinhelp.site import site_model
from signinhelp.topics.dates import page_date


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    date = page_date(site_model(config, files).topics, page.file.src_uri)
    if date is not None:
        # MkDocs set this to the build day; the sitemap and its .gz header are made from it.
        page.update_date = date.isoformat()
    return page
