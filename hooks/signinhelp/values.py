"""The records that topics and the guided troubleshooter both use, and nothing else.

A topic page shows the answers that lead to it and a decision page links to topics, so each
side reads the other's records. Kept here, they let ``topics/`` and ``troubleshooter/`` import
this small module instead of each other.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from signinhelp.sources import Source

# A topic's slug and a question's id both become part of a page address.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A heading id as Python-Markdown writes it, or as an author sets it with {#id}: troubleshooter
# answers and error messages land there.
SECTION = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")

# Audience value -> the label a reader sees. Order is the order of the home page groups.
# Topics say who they are for with these, and troubleshooter answers who gives them.
AUDIENCES: dict[str, str] = {
    "root": "Root user",
    "iam": "IAM user",
    "identity-center": "IAM Identity Center user",
    "federated": "Federated identity",
    "builder-id": "AWS Builder ID",
    # Project owners and team members, who sign in with Google, GitHub, Apple or Amazon.
    "new-experience": "New AWS experience (projects)",
}

# Where the troubleshooter's generated pages live: topic pages link back into them.
PAGES_DIR = "troubleshooter/"


@dataclass(frozen=True)
class ErrorMessage:
    """A message AWS shows, exactly as AWS writes it, and which reader of a topic sees it.

    ``readers`` are audience values, or () when the message means the same to every reader of
    the topic; ``section`` is a heading id on the topic's page where the fix is, or "".
    """

    message: str
    readers: tuple[str, ...] = ()
    section: str = ""


@dataclass(frozen=True)
class Topic:
    """One troubleshooting topic, as its front matter describes it."""

    slug: str
    src_uri: str
    title: str
    description: str
    audience: tuple[str, ...]
    symptoms: tuple[str, ...]
    sources: tuple[Source, ...]
    reviewed: datetime.date
    errors: tuple[ErrorMessage, ...] = ()
    related: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    common: int | None = None
    # For the people who set up sign-in rules, not for someone locked out of their own sign-in:
    # the home page lists it for administrators, not under a kind of user.
    for_admins: bool = False


@dataclass(frozen=True)
class Answer:
    """One choice on a question's page; it leads to exactly one next question or one topic."""

    text: str
    field: str  # where the answer sits in the file, for messages: questions.x.answers[2]
    question: str | None = None
    topic: str | None = None
    # A heading id in the topic (`topic: lost-mfa-device#root-user`): the answer lands on the
    # steps for this reader. MkDocs's strict link check proves the heading exists.
    section: str = ""
    note: str = ""
    not_sure: bool = False
    # Audience values (`for: [iam]`): only these kinds of user give this answer, so an
    # organization's edition without any of them leaves it out. () means every reader.
    readers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """One decision page: the question, a one-line hint, and its answers ("I'm not sure" last)."""

    id: str
    text: str
    hint: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Step:
    """An answer the reader gave, and the question it answered."""

    question: Question
    answer: Answer


def page_uri(trail: tuple[Step, ...]) -> str:
    """The page of the question a trail leads to: one folder per question id along the way.

    An id path is unique because no question has two answers that lead to the same place.
    """
    folders = "".join(f"{step.answer.question}/" for step in trail)
    return f"{PAGES_DIR}{folders}index.md"
