"""Topic pages: validate every topic before the build, then add the parts authors don't write.

Authors write only the facts of a topic; its audience label, symptoms box, sources and review
date come from front matter, so every page shows them the same way.
"""

from __future__ import annotations

import datetime
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from signinhelp import topic_markdown
from signinhelp.markers import replace_markers
from signinhelp.problems import report, source_label
from signinhelp.topics import TopicIndex, index_topics, is_topic_uri, parse_topic

# Where this build's topic index is kept between events: on the config of the current build,
# never in a module global (MkDocs reuses this module across `mkdocs serve` rebuilds).
INDEX_KEY = "signin_help_topics"


def topic_index(config: MkDocsConfig) -> TopicIndex:
    """The topics of the current build, for the other hooks."""
    return config[INDEX_KEY]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project_dir = os.path.dirname(config.config_file_path)
    today = datetime.date.today()
    topics, problems, labels = [], [], {}
    for file in files.documentation_pages():
        if not is_topic_uri(file.src_uri):
            continue
        label = source_label(project_dir, config.docs_dir, file.src_uri)
        labels[file.src_uri] = label
        topic, found = parse_topic(file.src_uri, file.content_string, label, today)
        problems += found
        if topic:
            topics.append(topic)
    index, found = index_topics(topics, labels)
    problems += found
    if problems:
        raise PluginError(f"{len(problems)} problem(s) in topic front matter:\n{report(problems)}")
    config[INDEX_KEY] = index
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    index = topic_index(config)
    from_uri = page.file.src_uri
    markdown = replace_markers(
        markdown,
        {
            "common-topics": lambda: topic_markdown.common_topics(index, from_uri),
            "topics-by-audience": lambda: topic_markdown.topics_by_audience(index, from_uri),
        },
    )
    topic = index.by_src_uri(from_uri)
    if topic is None:
        return markdown
    return topic_markdown.topic_header(topic) + markdown + topic_markdown.topic_footer(topic)
