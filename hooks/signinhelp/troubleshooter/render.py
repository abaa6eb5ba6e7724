"""Write the troubleshooter's pages as Markdown: one per decision, and one overview of them all.

Plain Markdown links, no script: the pages work with JavaScript off, print as lists, and MkDocs
checks every link like an author's own. Every value from the tree file is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from signinhelp.escape import Markdown
from signinhelp.links import link
from signinhelp.templates import render
from signinhelp.troubleshooter.model import OVERVIEW_URI, Tree, Visit
from signinhelp.values import Answer, Question, Step, Topic, page_uri

START_URI = page_uri(())
TRAIL_LABEL = "Your answers so far"
OVERVIEW_TITLE = "Guided troubleshooter at a glance"


@dataclass(frozen=True)
class Choice:
    """One answer as a page shows it: its words, an optional note, and where it leads."""

    text: str
    note: str
    target: Markdown
    not_sure: bool = False


@dataclass(frozen=True)
class TrailItem:
    """One answer given so far: the question, the answer, and the page that asked it."""

    question: str
    answer: str
    target: Markdown


@dataclass(frozen=True)
class OutlineItem:
    """One answer in the overview: where it leads, as deep as the question it answers."""

    indent: Markdown
    answer: str
    title: str
    target: Markdown
    question: bool


def decision_page(visit: Visit, topics: Mapping[str, Topic]) -> Markdown:
    """One question's page: answers so far, the question, its hint, its answers, a way back."""
    here = visit.src_uri
    trail = [
        TrailItem(step.question.text, step.answer.text, _link(here, page_uri(visit.trail[:number])))
        for number, step in enumerate(visit.trail)
    ]
    answers = [
        Choice(answer.text, answer.note, _target(here, visit, answer, topics), answer.not_sure)
        for answer in visit.question.answers
    ]
    return render(
        "decision_page.md.j2",
        # JSON is valid YAML and quotes anything a question may contain.
        title_yaml=Markdown(json.dumps(visit.question.text)),
        trail=trail,
        trail_label=TRAIL_LABEL,
        question=visit.question,
        answers=answers,
        start=_link(here, START_URI),
        overview=_link(here, OVERVIEW_URI),
    )


def overview_page(tree: Tree, topics: Mapping[str, Topic]) -> Markdown:
    """The whole tree as one nested list: each answer, then the question or topic it leads to."""
    start = tree.questions[tree.start]
    return render(
        "overview_page.md.j2",
        title=OVERVIEW_TITLE,
        start=_link(OVERVIEW_URI, START_URI),
        first_question=start.text,
        outline=_outline((), start, 1, tree, topics),
    )


def _target(here: str, visit: Visit, answer: Answer, topics: Mapping[str, Topic]) -> Markdown:
    if answer.topic:
        return _topic_link(here, answer.topic, answer.section, topics)
    return _link(here, page_uri((*visit.trail, Step(visit.question, answer))))


def _topic_link(here: str, slug: str, section: str, topics: Mapping[str, Topic]) -> Markdown:
    """A topic, at its section if the answer names one (a checked heading id: no escaping)."""
    target = _link(here, topics[slug].src_uri)
    return Markdown(f"{target}#{section}") if section else target


def _outline(
    trail: tuple[Step, ...], question: Question, depth: int, tree: Tree, topics: Mapping[str, Topic]
) -> list[OutlineItem]:
    # Python-Markdown nests a list four spaces deeper than its parent item.
    indent = Markdown("    " * depth)
    items = []
    for answer in question.answers:
        if answer.topic:
            topic = topics[answer.topic]
            target = _topic_link(OVERVIEW_URI, answer.topic, answer.section, topics)
            items.append(OutlineItem(indent, answer.text, topic.title, target, question=False))
        elif answer.question:
            step_trail = (*trail, Step(question, answer))
            following = tree.questions[answer.question]
            target = _link(OVERVIEW_URI, page_uri(step_trail))
            items.append(OutlineItem(indent, answer.text, following.text, target, question=True))
            items += _outline(step_trail, following, depth + 1, tree, topics)
    return items


def _link(from_uri: str, to_uri: str) -> Markdown:
    return Markdown(link(from_uri, to_uri))
