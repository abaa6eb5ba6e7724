"""Printable handbook: one generated page holding every topic, in menu order, for paper.

The page is added in `on_files` and filled in `on_page_markdown` from the topic pages' own
Markdown, after every hook has added its parts to them. MkDocs reads pages in the order of
`files`, and a file appended here comes after every topic, so the topics are ready in time.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from topics import topic_index

from signinhelp import handbook
from signinhelp.markers import replace_markers
from signinhelp.problems import source_label


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if files.get_file_from_path(handbook.HANDBOOK_URI):
        label = _label(config, handbook.HANDBOOK_URI)
        raise PluginError(f"{label}: file: the printable handbook is generated there; rename it")
    # Listed in the nav by mkdocs.yml; NOT_IN_NAV keeps a site without that entry quiet.
    files.append(
        File.generated(
            config,
            handbook.HANDBOOK_URI,
            content=handbook.page_source(),
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
    )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != handbook.HANDBOOK_URI:
        return markdown
    parts = handbook.chapters(config.nav, topic_index(config))
    bodies = {
        topic.src_uri: _rendered_markdown(files, config, topic.src_uri)
        for chapter in parts
        for topic in chapter.topics
    }
    return replace_markers(
        markdown, {handbook.MARKER: lambda: handbook.handbook_markdown(parts, bodies)}
    )


def _rendered_markdown(files: Files, config: MkDocsConfig, src_uri: str) -> str:
    # A topic's Markdown as its own page got it: with the parts other hooks add.
    file = files.get_file_from_path(src_uri)
    page = file.page if file else None
    if page is None or page.markdown is None:
        # Only `mkdocs build --dirty` skips reading unchanged pages.
        raise PluginError(
            f"{_label(config, src_uri)}: handbook: the topic was not read in this build; "
            "build without --dirty"
        )
    return page.markdown


def _label(config: MkDocsConfig, src_uri: str) -> str:
    return source_label(os.path.dirname(config.config_file_path), config.docs_dir, src_uri)
