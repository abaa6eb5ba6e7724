"""The site model: every piece of authored data, read and checked in one pass, kept per build.

Topics, the decision tree and the allow-list depend on each other (answers lead to topics, the
allow-list shares the topics' audience labels), so one loader reads them all and reports every
problem of every file at once. Hooks never import each other: each asks ``site_model`` for the
model, and whichever asks first in a build reads it. Reading changes nothing: the data files
stay out of the site through ``exclude_docs`` in mkdocs.yml, not through this module. This is
the one module here that knows MkDocs; everything it calls takes plain data.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from signinhelp.allowlist.model import AllowList, parse_allowlist
from signinhelp.build_cache import per_build
from signinhelp.organization.config import organization_from_config
from signinhelp.pages import page_problems
from signinhelp.problems import Problem, report, source_label
from signinhelp.readers.edition import edition
from signinhelp.topics.model import (
    TopicIndex,
    index_topics,
    is_topic_uri,
    parse_topic,
    slug_of,
)
from signinhelp.troubleshooter.check import check_tree
from signinhelp.troubleshooter.model import Tree, parse_tree, topic_trails
from signinhelp.values import Step

TREE_URI = "troubleshooter.yml"
ALLOWLIST_URI = "allowlist.yml"
# Data for the hooks, not pages or downloads. mkdocs.yml lists them under `exclude_docs`, so
# they are never published, yet stay in `files` (marked excluded) for the loader to read.
DATA_URIS = (TREE_URI, ALLOWLIST_URI)

# Where this build's model is kept on the build's config (see `per_build`).
MODEL_KEY = "signin_help_site"


# Report headings, in report order: what kind of data each problem is in.
TOPICS_PART = "topic front matter"
TREE_PART = "the guided troubleshooter"
ALLOWLIST_PART = "the allow-list"
PAGES_PART = "the pages"
EDITION_PART = "the guided troubleshooter, for the organization's user types only"


@dataclass(frozen=True)
class SiteModel:
    """Everything the hooks build from: checked, typed, and the same whatever reads it first.

    ``tree`` and ``allowlist`` are None in a site without their data file; the hook that
    builds from one says so.
    """

    topics: TopicIndex
    tree: Tree | None = None
    # Every answer path that ends on each topic, walked once per build: walking the whole tree
    # again for each topic page made build time grow with the square of the topic count.
    trails: dict[str, list[tuple[Step, ...]]] = field(default_factory=dict)
    allowlist: AllowList | None = None
    # Topic pages an organization's edition leaves out (src_uris): not built, not linked to.
    left_out: frozenset[str] = frozenset()


def load_site(
    sources: Mapping[str, bytes],
    label: Callable[[str], str],
    today: datetime.date,
    readers: frozenset[str] | None = None,
) -> tuple[SiteModel | None, dict[str, list[Problem]]]:
    """Read and check all authored data; return the model, or None and the problems by part.

    ``sources`` maps each source page and data file to its bytes; ``label`` names a file in
    messages as its author sees it. ``readers``, an organization's user types, keeps only
    what they read (None: the public edition, everything).
    """
    problems: dict[str, list[Problem]] = {}
    texts: dict[str, str] = {}
    for src_uri, data in sources.items():
        try:
            texts[src_uri] = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            part = TOPICS_PART if is_topic_uri(src_uri) else _data_part(src_uri)
            problems.setdefault(part, []).append(
                Problem(
                    label(src_uri),
                    "file",
                    f"is not valid UTF-8 ({error.reason} at byte {error.start}); save it as UTF-8",
                )
            )

    for src_uri, text in texts.items():
        if src_uri.endswith(".md") and not is_topic_uri(src_uri):
            _add(problems, PAGES_PART, page_problems(text, label(src_uri)))

    topic_uris = [uri for uri in sources if is_topic_uri(uri)]
    found_topics, topic_problems = [], []
    for src_uri in topic_uris:
        if src_uri in texts:
            topic, found = parse_topic(src_uri, texts[src_uri], label(src_uri), today)
            topic_problems += found
            if topic:
                found_topics.append(topic)
    index, found = index_topics(found_topics, {uri: label(uri) for uri in topic_uris})
    _add(problems, TOPICS_PART, topic_problems + found)
    # Every topic file counts, even one that failed: don't report every answer leading to it.
    slugs = {slug_of(uri) for uri in topic_uris}

    tree = None
    if TREE_URI in texts:
        tree, found = parse_tree(texts[TREE_URI], label(TREE_URI))
        if tree:
            found = check_tree(tree, slugs, label(TREE_URI))
        _add(problems, TREE_PART, found)

    allowlist = None
    if ALLOWLIST_URI in texts:
        allowlist, found = parse_allowlist(texts[ALLOWLIST_URI], label(ALLOWLIST_URI))
        _add(problems, ALLOWLIST_PART, found)

    if problems:
        return None, problems
    left_out: frozenset[str] = frozenset()
    if readers is not None:
        # After the whole site passed its checks: authors fix the public edition first.
        made, found = edition(index, tree, readers, label(TREE_URI))
        if made is None:
            return None, {EDITION_PART: found}
        index, tree, left_out = made.topics, made.tree, made.left_out
    trails = topic_trails(tree) if tree else {}
    return SiteModel(index, tree, trails, allowlist, left_out), {}


def report_parts(problems: Mapping[str, list[Problem]]) -> str:
    """Every problem, one line each, under a count per kind of data, in a stable order."""
    order = (TOPICS_PART, TREE_PART, ALLOWLIST_PART, PAGES_PART, EDITION_PART)
    return "\n".join(
        f"{len(problems[part])} problem(s) in {part}:\n{report(problems[part])}"
        for part in order
        if problems.get(part)
    )


def site_model(config: MkDocsConfig, files: Files) -> SiteModel:
    """This build's model: read by the first hook that asks, then the same for every other."""
    return per_build(config, MODEL_KEY, lambda: _load(config, files))


def label_for(config: MkDocsConfig) -> Callable[[str], str]:
    """How messages name a source file of this build: its path from the project root."""
    project_dir = os.path.dirname(config.config_file_path)
    return lambda src_uri: source_label(project_dir, config.docs_dir, src_uri)


def _load(config: MkDocsConfig, files: Files) -> SiteModel:
    # Read from disk on each build, so `mkdocs serve` picks up an edited page or data file.
    sources = {
        f.src_uri: f.content_bytes
        for f in files
        if not f.generated_by and (f.is_documentation_page() or f.src_uri in DATA_URIS)
    }
    organization = organization_from_config(config)
    readers = frozenset(organization.user_types) if organization else None
    model, problems = load_site(sources, label_for(config), datetime.date.today(), readers)
    if model is None:
        raise PluginError(report_parts(problems))
    return model


def _data_part(src_uri: str) -> str:
    return {TREE_URI: TREE_PART, ALLOWLIST_URI: ALLOWLIST_PART}.get(src_uri, PAGES_PART)


def _add(problems: dict[str, list[Problem]], part: str, found: list[Problem]) -> None:
    if found:
        problems.setdefault(part, []).extend(found)
