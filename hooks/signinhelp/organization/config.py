"""The organization profile of a build's config: the one module here that knows MkDocs.

Every hook that changes a page for the organization asks ``organization_from_config``; the
profile is read and checked once per build, and a mistake stops the build with one line each.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from signinhelp.allowlist.regions import load_commercial_regions
from signinhelp.build_cache import per_build
from signinhelp.organization.model import Organization, parse_organization
from signinhelp.problems import report
from signinhelp.topics.model import AUDIENCES

ORGANIZATION_KEY = "signin_help_organization"


def organization_from_config(config: MkDocsConfig) -> Organization | None:
    """The checked `extra.organization`, or None for the public edition, which has none."""
    return per_build(config, ORGANIZATION_KEY, lambda: _load(config))[0]


def _load(config: MkDocsConfig) -> tuple[Organization | None]:
    # Kept in a tuple: per_build makes again whatever it finds to be None.
    raw = config.extra.get("organization")
    if raw is None:
        return (None,)
    # Named from the project root (docs_dir's folder), as every other file in a message is.
    label = os.path.relpath(config.config_file_path, os.path.dirname(config.docs_dir))
    regions = [region.code for region in load_commercial_regions()]
    organization, problems = parse_organization(raw, label, AUDIENCES, regions)
    if organization is None:
        raise PluginError(
            f"{len(problems)} problem(s) in the organization profile:\n{report(problems)}"
        )
    return (organization,)
