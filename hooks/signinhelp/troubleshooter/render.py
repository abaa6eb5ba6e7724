"""Write the troubleshooter's pages as Markdown: one per decision, and one overview of them all.

Plain Markdown links, no script: the pages work with JavaScript off, print as lists, and MkDocs
checks every link like an author's own. Every value from the tree file is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from signinhelp.escape import md_text
from signinhelp.links import link
from signinhelp.topics.model import Topic
from signinhelp.troubleshooter.model import (
    OVERVIEW_URI,
    Answer,
    Question,
    Step,
    Tree,
    Visit,
    page_uri,
)

START_URI = page_uri(())
TRAIL_LABEL = "Your answers so far"


def decision_page(visit: Visit, topics: Mapping[str, Topic]) -> str:
    """One question's page: answers so far, the question, its hint, its answers, a way back."""
    here = visit.src_uri
    question = visit.question
    lines = [
        "---",
        # JSON is valid YAML and quotes anything a question may contain.
        f"title: {json.dumps(question.text)}",
        "hide:",
        "  - toc",
    ]
    if visit.trail:
        # A question reached along several paths has a page for each; search lists the start.
        lines += ["search:", "  exclude: true"]
    lines += ["---", ""]
    lines += _trail(visit.trail, here)
    lines += [
        f"# {md_text(question.text)}",
        "",
        md_text(question.hint),
        "{ .troubleshooter-hint }",
        "",
    ]
    lines += ['<div class="troubleshooter-answers" markdown>', ""]
    lines += [
        _answer_item(question, answer, visit.trail, here, topics) for answer in question.answers
    ]
    lines += ["", "</div>", ""]
    actions = [f"[See every question at once]({link(here, OVERVIEW_URI)})"]
    if visit.trail:
        actions.insert(
            0, f"[Start over]({link(here, START_URI)}){{ .md-button .md-button--primary }}"
        )
    lines += [" ".join(actions), "{ .troubleshooter-actions }", ""]
    return "\n".join(lines)


def _trail(trail: tuple[Step, ...], here: str) -> list[str]:
    """The answers given so far, each a link back to the question it answered."""
    if not trail:
        return []
    lines = [
        f'<nav class="troubleshooter-trail" aria-label="{TRAIL_LABEL}" markdown>',
        "",
        f"{TRAIL_LABEL}:",
        "{ .troubleshooter-trail__title }",
        "",
    ]
    for number, step in enumerate(trail, 1):
        asked_on = link(here, page_uri(trail[: number - 1]))
        question = (
            f'<span class="troubleshooter-trail__question">{md_text(step.question.text)}</span>'
        )
        lines.append(f"{number}. {question} [{md_text(step.answer.text)}]({asked_on})")
    return [*lines, "", "</nav>", ""]


def _answer_item(
    question: Question,
    answer: Answer,
    trail: tuple[Step, ...],
    here: str,
    topics: Mapping[str, Topic],
) -> str:
    if answer.question:
        target = page_uri((*trail, Step(question, answer)))
    else:
        target = topics[answer.topic].src_uri
    text = md_text(answer.text)
    if answer.note:
        # Inside the link, so a screen reader hears the note with the answer it explains.
        text += f' <span class="troubleshooter-answers__note">— {md_text(answer.note)}</span>'
    item = f"- [{text}]({link(here, target)})"
    if answer.not_sure:
        item += "{ .troubleshooter-unsure }"
    return item


def overview_page(tree: Tree, topics: Mapping[str, Topic]) -> str:
    """The whole tree as one nested list: each answer, then the question or topic it leads to."""
    start = tree.questions[tree.start]
    lines = [
        "---",
        "title: Guided troubleshooter at a glance",
        "hide:",
        "  - toc",
        "---",
        "",
        "# Guided troubleshooter at a glance",
        "",
        f"The [guided troubleshooter]({link(OVERVIEW_URI, START_URI)}) asks one question per "
        "page. This page shows every question and where each answer leads, to read or print in "
        "one go. Questions are in bold; every other link opens a topic.",
        "",
        '<div class="troubleshooter-outline" markdown>',
        "",
        f"- **[{md_text(start.text)}]({link(OVERVIEW_URI, START_URI)})**",
    ]
    lines += _outline((), start, 1, tree, topics)
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def _outline(
    trail: tuple[Step, ...], question: Question, depth: int, tree: Tree, topics: Mapping[str, Topic]
) -> list[str]:
    # Python-Markdown nests a list four spaces deeper than its parent item.
    indent = "    " * depth
    lines = []
    for answer in question.answers:
        if answer.topic:
            topic = topics[answer.topic]
            lines.append(
                f"{indent}- {md_text(answer.text)}: "
                f"[{md_text(topic.title)}]({link(OVERVIEW_URI, topic.src_uri)})"
            )
            continue
        step_trail = (*trail, Step(question, answer))
        following = tree.questions[answer.question]
        lines.append(
            f"{indent}- {md_text(answer.text)}: "
            f"**[{md_text(following.text)}]({link(OVERVIEW_URI, page_uri(step_trail))})**"
        )
        lines += _outline(step_trail, following, depth + 1, tree, topics)
    return lines
