"""Topic pages: add "Related topics" and "How you got here" after the author's text.

Runs before topics.py's page event (higher priority), so these sections land above the Sources
and review date that topics.py appends as every topic page's last lines.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from topics import topic_index
from troubleshooter import troubleshooter_tree

from signinhelp.related import how_you_got_here, related_section
from signinhelp.troubleshooter import topic_trails

# Every topic's trails, worked out once per build and kept on its config: walking the whole tree
# again for each topic page made build time grow with the square of the topic count.
TRAILS_KEY = "signin_help_trails"


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    config[TRAILS_KEY] = topic_trails(troubleshooter_tree(config))
    return nav


@event_priority(50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    index = topic_index(config)
    topic = index.by_src_uri(page.file.src_uri)
    if topic is None:
        return markdown
    # The troubleshooter's checks make sure every topic has at least one trail.
    trails = config[TRAILS_KEY][topic.slug]
    return (
        markdown.rstrip("\n")
        + related_section(index, topic)
        + how_you_got_here(trails, topic.src_uri)
    )
