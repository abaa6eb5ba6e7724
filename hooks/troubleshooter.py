"""Guided troubleshooter: turn docs/troubleshooter.yml into one page per question, at build time."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from signinhelp.site import TREE_URI, label_for, site_model
from signinhelp.troubleshooter.model import OVERVIEW_URI, visits
from signinhelp.troubleshooter.render import START_URI, decision_page, overview_page

# The two pages the nav lists; every other decision page is reached through answers.
NAV_PAGES = (START_URI, OVERVIEW_URI)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    model = site_model(config, files)
    if model.tree is None:
        label = label_for(config)(TREE_URI)
        raise PluginError(f"{label}: file: is missing; the guided troubleshooter is built from it")
    topics = model.topics.topics
    for visit in visits(model.tree):
        files.append(_page(config, visit.src_uri, decision_page(visit, topics)))
    files.append(_page(config, OVERVIEW_URI, overview_page(model.tree, topics)))
    return files


def _page(config: MkDocsConfig, src_uri: str, content: str) -> File:
    # Pages reached only through answers stay out of the nav without an "omitted" warning.
    inclusion = InclusionLevel.UNDEFINED if src_uri in NAV_PAGES else InclusionLevel.NOT_IN_NAV
    return File.generated(config, src_uri, content=content, inclusion=inclusion)
