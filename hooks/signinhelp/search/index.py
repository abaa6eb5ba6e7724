"""Search: what each page tells Material's search index, and the help shown when nothing matches.

Readers search with what they see, so a topic must outrank every other page that mentions the
same words. A topic's keywords go in as its search tags (shown beside the result, and the words
readers use that the page may not), and the page gets a boost. Sections that only point at
other pages (related topics, the troubleshooter trail, the sources) stay out of the index: their
words belong to the pages they list, and matching them there would bury those pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from signinhelp.handbook.book import HANDBOOK_URI
from signinhelp.topics.messages import ERRORS_URI
from signinhelp.values import Topic

# How much more a topic page weighs than any other page with the same words.
TOPIC_BOOST = 3.0

# Pages that repeat the topics for another purpose (the printable handbook, the error-message
# index): in search they would stand in for the topic a reader needs, so they stay out of the
# index. This is the one place that says so. (Sections that only list other pages are left out
# where they are written: their headings carry data-search-exclude.)
DUPLICATES = (HANDBOOK_URI, ERRORS_URI)

# AWS's own page for sign-in problems: the way on when a question is beyond this site.
AWS_TROUBLESHOOTING = (
    "https://docs.aws.amazon.com/signin/latest/userguide/troubleshooting-sign-in-issues.html"
)


@dataclass(frozen=True)
class Link:
    """A page the no-result help points to: its title and its URL path within the site."""

    title: str
    url: str


@dataclass(frozen=True)
class SearchHelp:
    """Where a reader can go when search finds nothing, or nothing that matches well."""

    troubleshooter: str | None
    errors: str | None  # the error-message index
    topics: tuple[Link, ...]
    aws_troubleshooting: str = AWS_TROUBLESHOOTING


def page_search_meta(src_uri: str, topic: Topic | None) -> dict[str, Any]:
    """Front-matter entries Material's search reads for one page (``topic`` if it is one)."""
    if src_uri in DUPLICATES:
        return {"search": {"exclude": True}}
    if topic is None:
        return {}
    meta: dict[str, Any] = {"search": {"boost": TOPIC_BOOST}}
    if topic.keywords:
        meta["tags"] = list(topic.keywords)
    return meta


def search_help(
    common: Iterable[Topic], urls: Mapping[str, str], troubleshooter_uri: str
) -> SearchHelp:
    """The no-result help: the troubleshooter's first question and the error-message index, if
    the site has them, and the problems most readers arrive with. ``urls`` maps each page's
    source path to its URL path."""
    topics = tuple(Link(t.title, urls[t.src_uri]) for t in common if t.src_uri in urls)
    return SearchHelp(urls.get(troubleshooter_uri), urls.get(ERRORS_URI), topics)
