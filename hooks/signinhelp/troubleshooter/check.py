"""Refuse a decision tree that would strand a reader: every path must end at a topic, soon.

A reader who follows the troubleshooter trusts it to lead somewhere. A dangling answer is a
dead link, a cycle never ends, a topic nobody can reach is wasted, and a long path tires the
reader out, so each of these fails the build with a line that says what to change.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from signinhelp.problems import Problem
from signinhelp.troubleshooter.model import Tree
from signinhelp.values import Answer, Question

MIN_ANSWERS = 2  # fewer is not a decision
MAX_ANSWERS = 7  # more is hard to scan, "I'm not sure" included
MAX_DEPTH = 4  # questions a reader answers before reaching a topic


def check_tree(tree: Tree, topic_slugs: Collection[str], label: str) -> list[Problem]:
    """Every problem with the tree's answers and its shape, given the slugs of real topics."""
    problems = [
        problem
        for question in tree.questions.values()
        for problem in _check_question(question, tree, topic_slugs, label)
    ]
    if tree.start not in tree.questions:
        return [*problems, Problem(label, "start", f"'{tree.start}' is not a question id")]
    edges = _edges(tree)
    cycles = _cycles(tree, edges, label)
    problems += cycles
    problems += _unreachable(tree, edges, topic_slugs, label)
    if not cycles:
        problems += _too_deep(tree, edges, label)
    return problems


def _check_question(
    question: Question, tree: Tree, topic_slugs: Collection[str], label: str
) -> list[Problem]:
    problems = []
    where = f"questions.{question.id}"
    chosen = [a for a in question.answers if not a.not_sure]
    if len(chosen) < MIN_ANSWERS:
        problems.append(
            Problem(
                label,
                f"{where}.answers",
                f"has {len(chosen)}; give at least {MIN_ANSWERS} (not counting not_sure)",
            )
        )
    if len(question.answers) > MAX_ANSWERS:
        problems.append(
            Problem(
                label,
                f"{where}.answers",
                f"has {len(question.answers)} (counting not_sure); give at most {MAX_ANSWERS} "
                "or split the question in two",
            )
        )
    seen_text: dict[str, Answer] = {}
    seen_next: dict[str, Answer] = {}
    for answer in question.answers:
        if answer.question and answer.question not in tree.questions:
            problems.append(
                Problem(
                    label, f"{answer.field}.question", f"'{answer.question}' is not a question id"
                )
            )
        if answer.topic and answer.topic not in topic_slugs:
            problems.append(
                Problem(
                    label,
                    f"{answer.field}.topic",
                    f"'{answer.topic}' is not a topic slug (no docs/topics/{answer.topic}.md)",
                )
            )
        key = answer.text.casefold()
        if key in seen_text:
            problems.append(
                Problem(label, answer.field, f"repeats the answer of {seen_text[key].field}")
            )
        seen_text.setdefault(key, answer)
        # Each question's page address is built from the question ids along the path.
        if answer.question in seen_next:
            other = seen_next[answer.question].field
            problems.append(
                Problem(
                    label,
                    answer.field,
                    f"leads to question '{answer.question}' like {other}; merge the two answers",
                )
            )
        if answer.question:
            seen_next.setdefault(answer.question, answer)
    return problems


class Edge(NamedTuple):
    """An answer that leads to an existing question, and that question's id."""

    to: str
    answer: Answer


def _edges(tree: Tree) -> dict[str, list[Edge]]:
    """Answers that lead to an existing question, by the question they answer."""
    return {
        qid: [Edge(a.question, a) for a in question.answers if a.question in tree.questions]
        for qid, question in tree.questions.items()
    }


def _cycles(tree: Tree, edges: dict[str, list[Edge]], label: str) -> list[Problem]:
    """One problem per circle of questions, named on the answer that closes it."""
    problems = []
    state: dict[str, str] = {}  # "open" while on the current path, "done" once fully explored
    path: list[str] = []

    def visit(qid: str) -> None:
        state[qid] = "open"
        path.append(qid)
        for to, answer in edges[qid]:
            if state.get(to) == "open":
                circle = [*path[path.index(to) :], to]
                problems.append(
                    Problem(
                        label,
                        f"{answer.field}.question",
                        f"leads back to an earlier question, a circle: {' -> '.join(circle)}; "
                        "every path must end at a topic",
                    )
                )
            elif to not in state:
                visit(to)
        path.pop()
        state[qid] = "done"

    # Start first, so a circle is named where a reader would meet it.
    for qid in [tree.start, *tree.questions]:
        if qid not in state:
            visit(qid)
    return problems


def _unreachable(
    tree: Tree, edges: dict[str, list[Edge]], topic_slugs: Collection[str], label: str
) -> list[Problem]:
    asked = {tree.start}
    waiting = [tree.start]
    while waiting:
        for to, _ in edges[waiting.pop()]:
            if to not in asked:
                asked.add(to)
                waiting.append(to)
    reached = {a.topic for qid in asked for a in tree.questions[qid].answers if a.topic}
    problems = [
        Problem(
            label, f"questions.{qid}", f"is never asked: no answer from '{tree.start}' leads to it"
        )
        for qid in tree.questions
        if qid not in asked
    ]
    problems += [
        Problem(
            label,
            f"topic '{slug}'",
            f"can't be reached from question '{tree.start}'; add an answer with topic: {slug}",
        )
        for slug in sorted(set(topic_slugs) - reached)
    ]
    return problems


def _too_deep(tree: Tree, edges: dict[str, list[Edge]], label: str) -> list[Problem]:
    """Topics that some path reaches only after more than MAX_DEPTH questions.

    Runs on a tree without circles, so the longest path to each question is well defined.
    """
    longest: dict[str, tuple[str, ...]] = {}

    def deepen(qid: str, path: tuple[str, ...]) -> None:
        if len(path) <= len(longest.get(qid, ())):
            return
        longest[qid] = path
        for to, _ in edges[qid]:
            deepen(to, (*path, to))

    deepen(tree.start, (tree.start,))
    deepest: dict[str, tuple[str, ...]] = {}
    for qid, path in longest.items():
        for answer in tree.questions[qid].answers:
            if answer.topic and len(path) > len(deepest.get(answer.topic, ())):
                deepest[answer.topic] = path
    return [
        Problem(
            label,
            f"topic '{slug}'",
            f"is {len(path)} questions deep ({' -> '.join(path)}); "
            f"at most {MAX_DEPTH}: lead to it from a question nearer the start",
        )
        for slug, path in sorted(deepest.items())
        if len(path) > MAX_DEPTH
    ]
