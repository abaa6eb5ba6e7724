"""Topic pages: the parts authors don't write, around the facts they do, and the topic lists.

Authors write only the facts of a topic; its audience label, symptoms box, the messages AWS
shows, related topics, the troubleshooter answers that lead to it, its sources and review date
come from the site model, so every page shows them the same way. The whole frame is added
here, in one event, so no other hook has to run before or after this one.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from signinhelp.markers import replace_markers
from signinhelp.site import site_model
from signinhelp.topics import render
from signinhelp.topics.page import topic_page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    model = site_model(config, files)
    index, from_uri = model.topics, page.file.src_uri
    markdown = replace_markers(
        markdown,
        {
            "common-topics": lambda: render.common_topics(index, from_uri),
            "topics-by-audience": lambda: render.topics_by_audience(index, from_uri),
            "admin-topics": lambda: render.admin_topics(index, from_uri),
        },
    )
    topic = index.by_src_uri(from_uri)
    if topic is None:
        return markdown
    trails = model.trails.get(topic.slug) if model.tree else None
    return topic_page(index, topic, trails, markdown)
