"""Organization edition: its help desk, access portal and identity provider on the pages.

The profile (`extra.organization`) is checked as soon as the config is, so a mistake in it
stops the build before any page is read. Without a profile, the public edition, every
organization marker goes and no page changes.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from signinhelp.organization.config import organization_from_config
from signinhelp.organization.render import organization_markdown


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    organization_from_config(config)
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return organization_markdown(markdown, organization_from_config(config))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # overrides/partials/organization-helpdesk.html reads it, on the 404 page.
    env.globals["organization"] = organization_from_config(config)
    return env
