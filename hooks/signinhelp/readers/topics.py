"""Topics for an organization's readers: the rest left out, and no list pointing at them."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from signinhelp.topics.model import TopicIndex
from signinhelp.values import ErrorMessage, Topic


def for_readers(index: TopicIndex, readers: frozenset[str]) -> TopicIndex:
    """The topics at least one of ``readers`` reads, each told only about those readers.

    A topic for several kinds of user stays whole if any of them is the organization's; its
    audience label, its messages' readers and its related topics name only what is kept, so
    the header, the home page groups and the error-message index never mention the others.
    """
    kept = {slug for slug, topic in index.topics.items() if set(topic.audience) & readers}
    return TopicIndex(
        {
            slug: _narrowed(topic, readers, kept)
            for slug, topic in index.topics.items()
            if slug in kept
        }
    )


def _narrowed(topic: Topic, readers: frozenset[str], kept: Collection[str]) -> Topic:
    return replace(
        topic,
        audience=tuple(a for a in topic.audience if a in readers),
        errors=tuple(e for error in topic.errors if (e := _for_readers(error, readers))),
        related=tuple(slug for slug in topic.related if slug in kept),
    )


def _for_readers(error: ErrorMessage, readers: frozenset[str]) -> ErrorMessage | None:
    # A message without `for` is every reader's of the topic, so it stays with the topic.
    if not error.readers:
        return error
    shown = tuple(r for r in error.readers if r in readers)
    return replace(error, readers=shown) if shown else None
