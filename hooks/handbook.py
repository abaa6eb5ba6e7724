"""Printable handbook: one generated page holding every topic, in menu order, for paper.

The page is added in `on_files` and filled in `on_page_markdown` from the topic pages' own
Markdown, after every hook has added its parts to them. MkDocs reads pages in the order of
`files`, and generated files come after the authored topics, so the topics are ready in time.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from signinhelp.handbook import book
from signinhelp.markers import replace_markers
from signinhelp.site import label_for, site_model
from signinhelp.topics.messages import ERRORS_TITLE, ERRORS_URI, message_list


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if files.get_file_from_path(book.HANDBOOK_URI):
        label = label_for(config)(book.HANDBOOK_URI)
        raise PluginError(f"{label}: file: the printable handbook is generated there; rename it")
    # Listed in the nav by mkdocs.yml; NOT_IN_NAV keeps a site without that entry quiet.
    files.append(
        File.generated(
            config,
            book.HANDBOOK_URI,
            content=book.page_source(),
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
    )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != book.HANDBOOK_URI:
        return markdown
    index = site_model(config, files).topics
    parts = book.chapters(config.nav, index)
    bodies = {
        topic.src_uri: _rendered_markdown(files, config, topic.src_uri)
        for chapter in parts
        for topic in chapter.topics
    }
    # On paper there is no search box: the messages, A to Z, follow the topics.
    messages = book.Appendix(
        ERRORS_TITLE, "error-messages", ERRORS_URI, message_list(index, ERRORS_URI)
    )
    return replace_markers(
        markdown, {book.MARKER: lambda: book.handbook_markdown(parts, bodies, (messages,))}
    )


def _rendered_markdown(files: Files, config: MkDocsConfig, src_uri: str) -> str:
    # A topic's Markdown as its own page got it: with the parts other hooks add.
    file = files.get_file_from_path(src_uri)
    page = file.page if file else None
    if page is None or page.markdown is None:
        # Only `mkdocs build --dirty` skips reading unchanged pages.
        raise PluginError(
            f"{label_for(config)(src_uri)}: handbook: the topic was not read in this build; "
            "build without --dirty"
        )
    return page.markdown
