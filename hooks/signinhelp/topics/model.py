"""The topic schema: read each topic's front matter, check it, and index the topics.

Every troubleshooting page under ``docs/topics/`` starts with front matter that says who the
page is for and what the reader sees. Hooks render the shared parts of the page from it, so a
mistake here would show a reader a wrong label or a dead link: the build refuses it instead.
"""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from signinhelp.fields import Fields
from signinhelp.pages import check_title, read_front_matter
from signinhelp.problems import Problem
from signinhelp.sources import Source
from signinhelp.values import AUDIENCES as AUDIENCES  # where readers of topics look for it
from signinhelp.values import SECTION, SLUG, ErrorMessage, Topic

TOPICS_DIR = "topics/"

REQUIRED = ("title", "description", "audience", "symptoms", "sources", "reviewed")
OPTIONAL = ("errors", "related", "keywords", "common", "for_admins")
MIN_SYMPTOMS = 3
# An `errors` item is the message itself, or a mapping that also says whose it is and where the
# fix is: `for` is YAML's word here because authors read it as "this message is for root users".
ERROR_FIELDS = ("message", "for", "section")


@dataclass(frozen=True)
class TopicIndex:
    """All topics of a build, by slug, in a stable order."""

    topics: dict[str, Topic] = field(default_factory=dict)

    def by_src_uri(self, src_uri: str) -> Topic | None:
        """The topic a page shows, or None for a page that is not a topic."""
        if not is_topic_uri(src_uri):
            return None
        return self.topics.get(slug_of(src_uri))

    def common(self) -> list[Topic]:
        """Topics flagged for the home page's quick links, in the order authors gave."""
        flagged = [t for t in self.topics.values() if t.common is not None]
        return sorted(flagged, key=lambda t: (t.common, t.title))


def is_topic_uri(src_uri: str) -> bool:
    """Topic pages are the Markdown files under docs/topics/."""
    return src_uri.startswith(TOPICS_DIR) and src_uri.endswith(".md")


def slug_of(src_uri: str) -> str:
    """A topic's slug is its file name without .md: short, stable, and what links use."""
    return posixpath.splitext(posixpath.basename(src_uri))[0]


def parse_topic(
    src_uri: str, text: str, label: str, today: datetime.date
) -> tuple[Topic | None, list[Problem]]:
    """Read one topic file; return the topic, or None with every problem found in it.

    ``label`` is how messages name the file (a path relative to the project).
    """
    meta, problems = read_front_matter(text, label)
    if problems:
        return None, problems
    if not meta:
        return None, [Problem(label, "front matter", "is missing: start the file with a --- block")]

    fields = Fields(label)
    bad = fields.bad
    for name in REQUIRED:
        if meta.get(name) is None or meta.get(name) == "":
            bad(name, "is required")
    fields.unknown(meta, REQUIRED + OPTIONAL)

    slug = slug_of(src_uri)
    if not SLUG.match(slug):
        bad("file name", f"'{slug}' must be lowercase words joined by hyphens")
    title = fields.text(meta.get("title"), "title")
    check_title(title, fields)
    description = fields.text(meta.get("description"), "description")
    audience = fields.text_list(meta.get("audience"), "audience")
    if "audience" in meta and meta["audience"] == []:
        bad("audience", f"is empty; list at least one of {', '.join(AUDIENCES)}")
    for value in audience:
        if value not in AUDIENCES:
            bad("audience", f"'{value}' is not one of {', '.join(AUDIENCES)}")
    symptoms = fields.text_list(meta.get("symptoms"), "symptoms")
    if meta.get("symptoms") is not None and len(symptoms) < MIN_SYMPTOMS:
        bad("symptoms", f"lists {len(symptoms)}; give at least {MIN_SYMPTOMS}")
    sources = _sources(meta, fields)
    reviewed = _date(meta, "reviewed", today, bad)
    common = meta.get("common")
    if common is not None and (type(common) is not int or common < 1):
        bad("common", f"'{common}' must be a whole number from 1 (its place on the home page)")
    for_admins = meta.get("for_admins", False)
    if type(for_admins) is not bool:
        bad("for_admins", f"'{for_admins}' must be true or false")

    errors = _errors(meta.get("errors"), audience, fields)
    related = fields.text_list(meta.get("related"), "related")
    keywords = fields.text_list(meta.get("keywords"), "keywords")
    if fields.problems:
        return None, fields.problems
    topic = Topic(
        slug=slug,
        src_uri=src_uri,
        title=title,
        description=description,
        audience=tuple(audience),
        symptoms=tuple(symptoms),
        sources=tuple(sources),
        reviewed=reviewed,
        errors=tuple(errors),
        related=tuple(related),
        keywords=tuple(keywords),
        common=common,
        for_admins=for_admins is True,
    )
    return topic, []


def index_topics(
    topics: Iterable[Topic], labels: dict[str, str]
) -> tuple[TopicIndex, list[Problem]]:
    """Check what no single file can: unique slugs and titles, related slugs that exist.

    ``labels`` names every topic file of the build, including those that failed to parse.
    """
    problems: list[Problem] = []
    by_slug: dict[str, Topic] = {}
    by_title: dict[str, Topic] = {}
    ordered = sorted(topics, key=lambda t: t.src_uri)
    for topic in ordered:
        label = labels[topic.src_uri]
        if topic.slug in by_slug:
            other = labels[by_slug[topic.slug].src_uri]
            problems.append(Problem(label, "slug", f"'{topic.slug}' is also the slug of {other}"))
        else:
            by_slug[topic.slug] = topic
        key = topic.title.casefold()
        if key in by_title:
            other = labels[by_title[key].src_uri]
            problems.append(
                Problem(label, "title", f"'{topic.title}' is also the title of {other}")
            )
        else:
            by_title[key] = topic
    problems += shared_message_problems(ordered, labels)
    # A topic whose own front matter failed still exists: don't report every link to it too.
    existing = {slug_of(src_uri) for src_uri in labels}
    for topic in ordered:
        for slug in topic.related:
            if slug == topic.slug:
                problems.append(Problem(labels[topic.src_uri], "related", "lists the topic itself"))
            elif slug not in existing:
                problems.append(
                    Problem(labels[topic.src_uri], "related", f"'{slug}' is not a topic slug")
                )
    return TopicIndex(dict(sorted(by_slug.items()))), problems


def shared_message_problems(topics: list[Topic], labels: dict[str, str]) -> list[Problem]:
    """A message quoted in two places must say, in each, which readers it is for, and differ.

    Otherwise the error-message index would send a reader who pastes it to two pages with
    nothing to choose between them. One line per clash, naming both files and the message.
    Quotes that differ only in case, spacing or curly quotes count as the same message.
    """
    problems: list[Problem] = []
    seen: dict[str, list[tuple[Topic, ErrorMessage]]] = {}
    for topic in topics:
        for error in topic.errors:
            key = message_key(error.message)
            for other_topic, other in seen.get(key, []):
                shared = sorted(set(error.readers) & set(other.readers))
                if error.readers and other.readers and not shared:
                    continue
                where = labels[other_topic.src_uri] if other_topic is not topic else "this topic"
                why = (
                    f"both say for: {', '.join(shared)}; give each different readers"
                    if shared
                    else "give each a for: naming its readers, different ones in each"
                )
                problems.append(
                    Problem(
                        labels[topic.src_uri],
                        "errors",
                        f"'{error.message}' is also quoted in {where}; {why}",
                    )
                )
                break
            seen.setdefault(key, []).append((topic, error))
    return problems


def message_key(message: str) -> str:
    """What makes two quotes the same message to a reader, whatever the typography."""
    straight = message.translate(_STRAIGHT_QUOTES)
    return " ".join(straight.split()).casefold()


_STRAIGHT_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _errors(value: Any, audience: list[str], fields: Fields) -> list[ErrorMessage]:
    if value is None:
        return []
    if not isinstance(value, list):
        fields.bad("errors", "must be a list of messages, each text or {message, for, section}")
        return []
    return [
        error
        for number, item in enumerate(value, 1)
        if (error := _error(item, f"errors[{number}]", audience, fields))
    ]


def _error(item: Any, name: str, audience: list[str], fields: Fields) -> ErrorMessage | None:
    if isinstance(item, str):
        # Exactly as AWS writes it: only surrounding spaces, which YAML may leave, go.
        text = fields.text(item, name)
        return ErrorMessage(text) if text else None
    if not isinstance(item, dict):
        fields.bad(name, "must be the message as text, or {message, for, section}")
        return None
    fields.unknown(item, ERROR_FIELDS, prefix=f"{name}.")
    message = fields.text(
        item.get("message"), f"{name}.message", required="is required: the message as AWS writes it"
    )
    # One reader or a list of them: `for: root` reads better than `for: [root]`.
    raw = item.get("for")
    readers = fields.text_list([raw] if isinstance(raw, str) else raw, f"{name}.for")
    for reader in readers:
        if reader not in audience:
            fields.bad(
                f"{name}.for",
                f"'{reader}' is not in this topic's audience ({', '.join(audience)})",
            )
    section = fields.text(item.get("section"), f"{name}.section")
    if section and not SECTION.match(section):
        fields.bad(
            f"{name}.section",
            f"'{section}' is not a heading id (lowercase words joined by hyphens)",
        )
    return ErrorMessage(message, tuple(readers), section) if message else None


def _sources(meta: dict[str, Any], fields: Fields) -> list[Source]:
    value = meta.get("sources")
    if value is None:
        return []
    if not isinstance(value, list):
        fields.bad("sources", "must be a list of {title, url} entries")
        return []
    found = (fields.source(entry, f"sources[{number}]") for number, entry in enumerate(value, 1))
    return [source for source in found if source]


def _date(
    meta: dict[str, Any], name: str, today: datetime.date, bad: Callable[[str, str], None]
) -> datetime.date:
    value = meta.get(name)
    if value is None:
        return today
    # YAML turns an unquoted 2026-11-30 into a date; anything else is a typo.
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        bad(name, f"'{value}' is not a date (write it as YYYY-MM-DD)")
        return today
    if value > today:
        bad(name, f"{value.isoformat()} lies in the future")
    return value
