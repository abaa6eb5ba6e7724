"""An organization's edition: the topics none of its user types reads are not built at all.

Removed in `on_files`, so the menu, search, the sitemap, the handbook and the PDF never see
them; the site model already left them out of every generated list and the troubleshooter.
Links authors wrote to them keep their words and lose the link. The public edition leaves
nothing out, so this changes none of its pages.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from signinhelp.readers.links import unlink, without_pages
from signinhelp.site import site_model


def on_files(files: Files, config: MkDocsConfig) -> Files:
    left_out = site_model(config, files).left_out
    for src_uri in left_out:
        file = files.get_file_from_path(src_uri)
        if file:
            files.remove(file)
    if left_out:
        # The menu is made from this setting after `on_files`; a missing page would warn.
        config.nav = without_pages(config.nav, left_out)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return unlink(markdown, page.file.src_uri, site_model(config, files).left_out)
