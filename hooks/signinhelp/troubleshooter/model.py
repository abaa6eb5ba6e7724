"""The guided troubleshooter's decision tree: read it from its YAML file, and walk its paths.

One question per page is easy to answer and easy to change. The tree lives in one small data
file beside the docs, so adding a question or an answer is an edit to that file alone; this
module turns it into plain data, and ``check`` decides whether it is sound.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from signinhelp.fields import Fields
from signinhelp.problems import Problem, yaml_reason
from signinhelp.values import (
    AUDIENCES,
    PAGES_DIR,
    SECTION,
    SLUG,
    Answer,
    Question,
    Step,
    page_uri,
)
from signinhelp.yamlfile import load_yaml

# Where the generated pages live, and the one name under it that is not a question's page.
OVERVIEW_URI = PAGES_DIR + "overview.md"
RESERVED_IDS = ("overview",)

TREE_FIELDS = ("start", "questions")
QUESTION_FIELDS = ("question", "hint", "answers", "not_sure")
ANSWER_FIELDS = ("answer", "note", "for", "question", "topic")
NOT_SURE_FIELDS = ("note", "question", "topic")
NOT_SURE_TEXT = "I'm not sure"
REQUIRED_TEXT = "is required: non-empty text"


@dataclass(frozen=True)
class Tree:
    """The whole troubleshooter: its questions by id, and the one it starts with."""

    start: str
    questions: dict[str, Question]


@dataclass(frozen=True)
class Visit:
    """A question reached by one exact sequence of answers: one generated page.

    A question reached along two paths gets two pages, so each page's breadcrumb shows exactly
    the answers that led there.
    """

    trail: tuple[Step, ...]
    question: Question

    @property
    def src_uri(self) -> str:
        return page_uri(self.trail)


def visits(tree: Tree) -> Iterator[Visit]:
    """Every decision page, start first, depth first in answer order. Needs a checked tree."""

    def walk(trail: tuple[Step, ...], question: Question) -> Iterator[Visit]:
        yield Visit(trail, question)
        for answer in question.answers:
            if answer.question:
                yield from walk((*trail, Step(question, answer)), tree.questions[answer.question])

    yield from walk((), tree.questions[tree.start])


def topic_trails(tree: Tree) -> dict[str, list[tuple[Step, ...]]]:
    """For each topic slug, every sequence of answers that ends on it, shortest first."""
    trails: dict[str, list[tuple[Step, ...]]] = {}
    for visit in visits(tree):
        for answer in visit.question.answers:
            if answer.topic:
                trails.setdefault(answer.topic, []).append(
                    (*visit.trail, Step(visit.question, answer))
                )
    for found in trails.values():
        found.sort(key=len)
    return trails


def parse_tree(text: str, label: str) -> tuple[Tree | None, list[Problem]]:
    """Read the tree file's shape and fields; return the tree, or None with every problem."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as error:
        return None, [Problem(label, "file", f"is not valid YAML ({yaml_reason(error)})")]
    if not isinstance(data, dict):
        return None, [Problem(label, "file", "must be a mapping with start and questions")]

    fields = Fields(label)
    fields.unknown(data, TREE_FIELDS)
    start = data.get("start")
    if not isinstance(start, str) or not start:
        fields.bad("start", "is required: the id of the first question")
        start = ""
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, dict) or not raw_questions:
        fields.bad("questions", "is required: a mapping of question id to question")
        raw_questions = {}
    questions = {}
    for qid, raw in raw_questions.items():
        question = _question(str(qid), raw, fields)
        if question:
            questions[question.id] = question
    if fields.problems:
        return None, fields.problems
    return Tree(start=start, questions=questions), []


def _question(qid: str, raw: Any, fields: Fields) -> Question | None:
    where = f"questions.{qid}"
    if not SLUG.match(qid):
        fields.bad(
            where, "the id must be lowercase words joined by hyphens (it becomes part of a URL)"
        )
    elif qid in RESERVED_IDS:
        fields.bad(where, f"the id '{qid}' is taken by the overview page; choose another")
    if not isinstance(raw, dict):
        fields.bad(where, "must be a mapping with question, hint and answers")
        return None
    fields.unknown(raw, QUESTION_FIELDS, prefix=where + ".")
    text = fields.text(raw.get("question"), f"{where}.question", required=REQUIRED_TEXT)
    hint = fields.text(raw.get("hint"), f"{where}.hint", required=REQUIRED_TEXT)
    raw_answers = raw.get("answers")
    if not isinstance(raw_answers, list):
        fields.bad(f"{where}.answers", "is required: a list of answers")
        raw_answers = []
    answers = [
        _answer(entry, f"{where}.answers[{number}]", fields)
        for number, entry in enumerate(raw_answers, 1)
    ]
    if "not_sure" in raw:
        answers.append(_answer(raw["not_sure"], f"{where}.not_sure", fields, not_sure=True))
    found = [answer for answer in answers if answer is not None]
    if len(found) < len(answers):
        return None
    return Question(qid, text, hint, tuple(found))


def _answer(raw: Any, where: str, fields: Fields, not_sure: bool = False) -> Answer | None:
    # "I'm not sure" has fixed wording, so every page says it the same way.
    known = NOT_SURE_FIELDS if not_sure else ANSWER_FIELDS
    if not isinstance(raw, dict):
        fields.bad(where, f"must be a mapping with {', '.join(known)}")
        return None
    fields.unknown(raw, known, prefix=where + ".")
    if not_sure:
        text = NOT_SURE_TEXT
    else:
        text = fields.text(raw.get("answer"), f"{where}.answer", required=REQUIRED_TEXT)
    note = ""
    if "note" in raw:
        note = fields.text(raw["note"], f"{where}.note", required=REQUIRED_TEXT)
    readers = () if not_sure else _readers(raw.get("for"), f"{where}.for", fields)
    targets = [name for name in ("question", "topic") if name in raw]
    if len(targets) != 1:
        fields.bad(
            where, "needs exactly one of question (the next question's id) or topic (a slug)"
        )
        return None
    value = fields.text(raw[targets[0]], f"{where}.{targets[0]}", required="must be non-empty text")
    if not value:
        return None
    if targets[0] == "question":
        return Answer(
            text=text, field=where, note=note, not_sure=not_sure, question=value, readers=readers
        )
    slug, mark, section = value.partition("#")
    if not slug or (mark and not SECTION.match(section)):
        fields.bad(
            f"{where}.topic",
            f"'{value}': give a topic slug, and after # a heading id in that topic if you like, "
            "such as lost-mfa-device#root-user",
        )
        return None
    return Answer(
        text=text,
        field=where,
        note=note,
        not_sure=not_sure,
        topic=slug,
        section=section,
        readers=readers,
    )


def _readers(raw: Any, where: str, fields: Fields) -> tuple[str, ...]:
    """The kinds of user who give an answer: one audience value or a list, as topics name them."""
    if raw == []:
        fields.bad(where, f"is empty; list at least one of {', '.join(AUDIENCES)}, or leave it out")
    readers = fields.text_list([raw] if isinstance(raw, str) else raw, where)
    for reader in readers:
        if reader not in AUDIENCES:
            fields.bad(where, f"'{reader}' is not one of {', '.join(AUDIENCES)}")
    return tuple(readers)
