"""Keyboard: "Skip to content" lands on the page's title, and ¶ permalinks take no Tab stop.

Runs on the finished page, because Material writes both the skip link and a topic's title in
its templates, after every Markdown and content event.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from signinhelp.keyboard import keyboard_paths


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return keyboard_paths(output)
