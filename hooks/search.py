"""Search: tell Material's index which pages answer a reader, and help when nothing matches.

Runs before Material's search plugin reads each page (its `on_page_context`), so the tags and
boost set here are what gets indexed.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from signinhelp.search import index as search
from signinhelp.site import site_model
from signinhelp.values import page_uri


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # overrides/partials/search-help.html reads it on every page, the 404 page included.
    urls = {file.src_uri: file.url for file in files.documentation_pages()}
    env.globals["search_help"] = search.search_help(
        site_model(config, files).topics.common(), urls, troubleshooter_uri=page_uri(())
    )
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    topic = site_model(config, files).topics.by_src_uri(page.file.src_uri)
    page.meta.update(search.page_search_meta(page.file.src_uri, topic))
    return html
