"""Guided troubleshooter: turn docs/troubleshooter.yml into one page per question, at build time.

Listed after topics.py under `hooks:`, because answers lead to topics and the tree is checked
against the topics that exist in this build.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from topics import topic_index

from signinhelp.problems import report, source_label
from signinhelp.troubleshooter import OVERVIEW_URI, Tree, parse_tree, visits
from signinhelp.troubleshooter_check import check_tree
from signinhelp.troubleshooter_render import START_URI, decision_page, overview_page

TREE_FILE = "troubleshooter.yml"
# The checked tree of the current build, kept on its config (see INDEX_KEY in topics.py).
TREE_KEY = "signin_help_troubleshooter"
# The two pages the nav lists; every other decision page is reached through answers.
NAV_PAGES = (START_URI, OVERVIEW_URI)


def troubleshooter_tree(config: MkDocsConfig) -> Tree:
    """The checked decision tree of the current build, for the other hooks."""
    return config[TREE_KEY]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    label = source_label(os.path.dirname(config.config_file_path), config.docs_dir, TREE_FILE)
    data = files.get_file_from_path(TREE_FILE)
    if data is None:
        raise PluginError(f"{label}: file: is missing; the guided troubleshooter is built from it")
    # The tree is data for this hook, not a download: keep it out of the site, as Material's
    # meta plugin does with its .meta.yml files.
    files.remove(data)
    topics = topic_index(config).topics
    tree, problems = parse_tree(data.content_string, label)
    if tree:
        problems = check_tree(tree, topics, label)
    if problems:
        raise PluginError(
            f"{len(problems)} problem(s) in the guided troubleshooter:\n{report(problems)}"
        )
    config[TREE_KEY] = tree
    for visit in visits(tree):
        files.append(_page(config, visit.src_uri, decision_page(visit, topics)))
    files.append(_page(config, OVERVIEW_URI, overview_page(tree, topics)))
    return files


def _page(config: MkDocsConfig, src_uri: str, content: str) -> File:
    # Pages reached only through answers stay out of the nav without an "omitted" warning.
    inclusion = InclusionLevel.UNDEFINED if src_uri in NAV_PAGES else InclusionLevel.NOT_IN_NAV
    return File.generated(config, src_uri, content=content, inclusion=inclusion)
