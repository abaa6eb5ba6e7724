"""The guided troubleshooter for an organization's readers: only answers that lead somewhere.

Answers only other kinds of user give (`for:`) go, and so do answers whose topic is left out;
a question left with no answers goes with the answers that led to it; a question left with
one answer is no decision, so the answers that led to it lead straight to where that one
answer went, and an "I'm not sure" that now leads to the same question as an answer goes.
The result is checked like the whole tree.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from signinhelp.troubleshooter.model import Tree
from signinhelp.values import Answer, Question


def prune_tree(tree: Tree, topic_slugs: Collection[str], readers: Collection[str]) -> Tree | None:
    """The tree ``readers`` see, only the topics in ``topic_slugs``; None if no question is left.

    Needs a checked tree (no circles, every id known).
    """
    resolved: dict[str, Question | Answer | None] = {}

    def resolve(qid: str) -> Question | Answer | None:
        # A question's replacement: itself pruned, its one answer left, or None.
        if qid not in resolved:
            question = tree.questions[qid]
            followed = [a for answer in question.answers if (a := follow(answer))]
            chosen = [answer for answer in followed if not answer.not_sure]
            # "I'm not sure" now leading where an answer leads changes nothing for the reader.
            ahead = {answer.question for answer in chosen if answer.question}
            answers = tuple(a for a in followed if not (a.not_sure and a.question in ahead))
            if len(chosen) > 1:
                resolved[qid] = replace(question, answers=answers)
            else:
                resolved[qid] = chosen[0] if chosen else None
        return resolved[qid]

    def follow(answer: Answer) -> Answer | None:
        if answer.readers and set(readers).isdisjoint(answer.readers):
            return None
        if answer.topic:
            return answer if answer.topic in topic_slugs else None
        if answer.question is None:
            return None
        target = resolve(answer.question)
        if isinstance(target, Answer):
            # The reader's words stay; only where they lead moves past the skipped question.
            return replace(
                answer, question=target.question, topic=target.topic, section=target.section
            )
        return answer if target else None

    start = resolve(tree.start)
    if isinstance(start, Answer) and start.question:
        start = resolved[start.question]
    if not isinstance(start, Question):
        return None
    return Tree(start.id, _asked(start, resolved))


def _asked(start: Question, resolved: dict[str, Question | Answer | None]) -> dict[str, Question]:
    """The questions the pruned answers still lead to, in the order readers meet them."""
    asked = {start.id: start}
    waiting = [start]
    while waiting:
        for answer in waiting.pop(0).answers:
            following = resolved.get(answer.question or "")
            if isinstance(following, Question) and following.id not in asked:
                asked[following.id] = following
                waiting.append(following)
    return asked
