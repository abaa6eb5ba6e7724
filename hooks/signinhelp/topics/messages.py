"""The error-message index: every message AWS shows, A to Z, each leading to the section that
fixes it for its reader.

A reader who has only the words on the screen finds them here in alphabetical order, next to
the kind of user they are, and one link away from the fix. The same list goes on its own page
and into the printable handbook, so it is rendered for whichever page it sits on.
"""

from __future__ import annotations

from dataclasses import dataclass

from signinhelp.escape import Markdown
from signinhelp.links import link
from signinhelp.templates import render
from signinhelp.topics.model import AUDIENCES, TopicIndex, message_key
from signinhelp.topics.render import audience_labels
from signinhelp.values import ErrorMessage, Topic

ERRORS_URI = "errors/index.md"
ERRORS_TITLE = "Error messages A to Z"


@dataclass(frozen=True)
class Entry:
    """One row of the index: a message, whose it is, and the topic section that fixes it."""

    message: str
    readers: tuple[str, ...]  # labels a reader sees, such as "Root user"
    topic: Topic
    section: str

    def target(self, from_uri: str) -> Markdown:
        """The link from ``from_uri`` to the fix: the topic, at the section if one is named."""
        # A path the code works out and a checked heading id: no author text to escape.
        anchor = f"#{self.section}" if self.section else ""
        return Markdown(link(from_uri, self.topic.src_uri) + anchor)


def entries(index: TopicIndex) -> list[Entry]:
    """Every message of every topic, A to Z, ignoring case and typographic quotes."""
    found = [_entry(topic, error) for topic in index.topics.values() for error in topic.errors]
    return sorted(found, key=lambda e: (message_key(e.message), e.readers, e.topic.slug))


def page_source(index: TopicIndex) -> Markdown:
    """The generated page: title, how to use it, then the list."""
    return render("errors_page.md.j2", title=ERRORS_TITLE, messages=message_list(index, ERRORS_URI))


def message_list(index: TopicIndex, from_uri: str) -> Markdown:
    """The list alone, with links that work from the page ``from_uri``."""
    return render("errors_list.md.j2", entries=entries(index), from_uri=from_uri)


def _entry(topic: Topic, error: ErrorMessage) -> Entry:
    # A message without `for` means the same to every reader of its topic.
    if error.readers:
        readers = tuple(AUDIENCES[r] for r in AUDIENCES if r in error.readers)
    else:
        readers = tuple(audience_labels(topic))
    return Entry(error.message, readers, topic, error.section)
