"""The printable handbook: every topic on one page, in the order of the site's menu.

A reader who wants the whole site on paper, for a binder or as one PDF, prints one page
instead of twenty. Each topic's own Markdown, after every hook has added its parts, goes in
unchanged but for two things one page needs: headings move down a level under the topic's
title, and links are rewritten to work from the handbook's address.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from signinhelp.escape import Markdown
from signinhelp.fences import blocks
from signinhelp.markers import marker
from signinhelp.templates import render
from signinhelp.topics.model import TopicIndex
from signinhelp.values import Topic

HANDBOOK_URI = "handbook/index.md"
HANDBOOK_TITLE = "Printable handbook"
MARKER = "handbook-topics"
# Menu sections come from the nav; topics the nav leaves out still belong in the handbook.
UNLISTED_CHAPTER = "More topics"

# `[text](target)` and `![alt](target)`: the target, bare or in <angle brackets>.
_INLINE_LINK = re.compile(r"(\]\(\s*)(<[^>\n]*>|[^\s)]+)")
# `[label]: target` reference definitions.
_REFERENCE_LINK = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)", re.MULTILINE)
_ATX_HEADING = re.compile(r"^(#{1,5})(?=[ \t]|$)", re.MULTILINE)


@dataclass(frozen=True)
class Chapter:
    """A menu section and its topics, in menu order."""

    title: str
    topics: tuple[Topic, ...]


def page_source() -> Markdown:
    """The generated page: its title and a short intro; the topics replace the marker."""
    return render("handbook_page.md.j2", title=HANDBOOK_TITLE, marker=Markdown(marker(MARKER)))


def chapters(nav: list[Any] | None, index: TopicIndex) -> list[Chapter]:
    """Topics grouped under the menu section that lists them, in menu order.

    A topic listed twice appears once, where the menu first lists it; topics the menu leaves
    out come last, by title, so none is missing from the printout.
    """
    by_uri = {topic.src_uri: topic for topic in index.topics.values()}
    groups: dict[str, list[Topic]] = {}
    seen: set[str] = set()

    def walk(items: list[Any], section: str) -> None:
        for item in items:
            title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
            if isinstance(value, list):
                walk(value, str(title))
            elif value in by_uri and value not in seen:
                seen.add(value)
                groups.setdefault(section, []).append(by_uri[value])

    walk(nav or [], "")
    unlisted = sorted((t for uri, t in by_uri.items() if uri not in seen), key=lambda t: t.title)
    if unlisted:
        groups.setdefault(UNLISTED_CHAPTER, []).extend(unlisted)
    return [Chapter(title, tuple(topics)) for title, topics in groups.items()]


@dataclass(frozen=True)
class Appendix:
    """A generated page that follows the topics, such as the error-message index."""

    title: str
    id: str
    src_uri: str
    markdown: str  # as written for the page at ``src_uri``


def handbook_markdown(
    parts: list[Chapter], bodies: Mapping[str, str], appendices: tuple[Appendix, ...] = ()
) -> Markdown:
    """The contents list, then each topic under its title, then the appendices.

    ``bodies`` maps src_uri to Markdown. An appendix's links to topics land in the handbook.
    """
    topic_uris = {t.src_uri: t.slug for chapter in parts for t in chapter.topics}
    topics = [
        (topic, Markdown(fit_topic(bodies[topic.src_uri], topic.src_uri, topic_uris).strip()))
        for chapter in parts
        for topic in chapter.topics
    ]
    extra = [
        (appendix, Markdown(fit_topic(appendix.markdown, appendix.src_uri, topic_uris).strip()))
        for appendix in appendices
    ]
    return render("handbook_topics.md.j2", chapters=parts, topics=topics, appendices=extra)


def fit_topic(markdown: str, src_uri: str, topic_uris: Mapping[str, str]) -> str:
    """One topic's Markdown, ready to sit under its title in the handbook."""
    return _outside_fences(
        markdown, lambda text: demote_headings(rewrite_links(text, src_uri, topic_uris))
    )


def demote_headings(markdown: str) -> str:
    """Move every ATX heading down one level: the topic's title is now the level-2 heading."""
    return _ATX_HEADING.sub(r"#\1", markdown)


def rewrite_links(markdown: str, src_uri: str, topic_uris: Mapping[str, str]) -> str:
    """Rewrite relative links written from ``src_uri`` so they work from the handbook.

    A link to a whole topic that is in the handbook jumps to that topic in the page; any other
    relative link (a heading in a topic, an image, another page) points at its own page.
    ``topic_uris`` maps the src_uri of each topic in the handbook to its slug.
    """

    def retarget(match: re.Match[str]) -> str:
        target = match.group(2)
        bracketed = target.startswith("<")
        target = target.strip("<>")
        if not target or urlsplit(target).scheme or target.startswith("/"):
            return match.group(0)
        path, hashmark, fragment = target.partition("#")
        to_uri = src_uri
        if path:
            to_uri = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        if to_uri in topic_uris and not fragment:
            new = f"#{topic_uris[to_uri]}"
        else:
            new = posixpath.relpath(to_uri, posixpath.dirname(HANDBOOK_URI)) + hashmark + fragment
        return match.group(1) + (f"<{new}>" if bracketed else new)

    markdown = _INLINE_LINK.sub(retarget, markdown)
    return _REFERENCE_LINK.sub(retarget, markdown)


def _outside_fences(markdown: str, transform: Callable[[str], str]) -> str:
    # Code blocks are shown as typed: a `# comment` or `[a](b)` inside one is not Markdown.
    return "".join(
        block.text if block.fence else transform(block.text) for block in blocks(markdown)
    )
