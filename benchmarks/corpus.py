"""A synthetic copy of the site with N topics, built with the project's real config and hooks.

The copy keeps every real page and data file, adds generated topics until there are N, puts
them in the nav in groups as an editor would, and replaces the troubleshooter's tree with a
balanced one that reaches every topic within its limits (7 answers, 4 questions deep). Each
synthetic topic reuses a real topic's text, so its pages weigh what real pages weigh.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import frontmatter
import yaml
from mkdocs.config import load_config

from sitetools.paths import CONFIG, ROOT

DOCS = ROOT / "docs"
# The nav holds at most this many topics per group and this many entries per level, as an
# editor would group them: with navigation.prune each page then carries only the open groups.
GROUP_SIZE = 20
SHELF_SIZE = 10
# The troubleshooter's limits: answers per question, "I'm not sure" included.
MAX_ANSWERS = 7
SOURCE = {
    "title": "Troubleshooting AWS account sign-in issues",
    "url": "https://docs.aws.amazon.com/signin/latest/userguide/troubleshooting-sign-in-issues.html",
}


def real_nav() -> list:
    """The nav of mkdocs.yml, as MkDocs reads it."""
    return load_config(str(CONFIG))["nav"]


def synthetic_topic(number: int, template: frontmatter.Post, slugs: list[str]) -> str:
    """A valid topic file: front matter like a real topic's, the body of a real topic."""
    meta = {
        "title": f"Synthetic sign-in problem {number:04d}",
        "description": f"Generated topic {number:04d} for the scaling benchmark.",
        "audience": template["audience"],
        "symptoms": [f"Symptom {k} of generated topic {number:04d}." for k in (1, 2, 3)],
        # Two neighbours, as real topics link a few others (never the topic itself).
        "related": [slugs[(number + k) % len(slugs)] for k in (1, 2) if len(slugs) > 2],
        "keywords": [f"synthetic {number:04d}"],
        "sources": [SOURCE],
        "reviewed": template["reviewed"],
    }
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
    return f"---\n{front}---\n\n{template.content}\n"


def chunks(items: list, size: int) -> list[list]:
    """Split into the fewest near-equal chunks of at most `size` (never a chunk of one)."""
    count = math.ceil(len(items) / size)
    step = len(items) / count
    return [items[round(k * step) : round((k + 1) * step)] for k in range(count)]


def balanced_tree(topic_slugs: list[str]) -> dict:
    """A troubleshooter tree whose leaves are all the topics, as shallow as the limits allow."""
    questions: dict[str, dict] = {}
    level = [{"topic": slug} for slug in topic_slugs]
    depth = 0
    while len(level) > 1 or "topic" in level[0]:
        depth += 1
        parents = []
        for number, group in enumerate(chunks(level, MAX_ANSWERS)):
            qid = f"level-{depth}-{number}"
            answers = [{"answer": f"Choice {k + 1}", **target} for k, target in enumerate(group)]
            questions[qid] = {
                "question": f"Question {qid}?",
                "hint": "Pick one.",
                "answers": answers,
            }
            parents.append({"question": qid})
        level = parents
    return {"start": level[0]["question"], "questions": questions}


def make_corpus(work: Path, topics: int) -> tuple[Path, list]:
    """Write a docs folder with `topics` topics into work/; return it and its nav."""
    docs = work / "docs"
    shutil.copytree(DOCS, docs)
    real = sorted((docs / "topics").glob("*.md"))
    templates = [frontmatter.load(p) for p in real]
    extra = max(topics - len(real), 0)
    slugs = [f"synthetic-{n:04d}" for n in range(extra)]
    for number, slug in enumerate(slugs):
        text = synthetic_topic(number, templates[number % len(templates)], slugs)
        (docs / "topics" / f"{slug}.md").write_text(text, encoding="utf-8")
    tree = balanced_tree([p.stem for p in real] + slugs)
    (docs / "troubleshooter.yml").write_text(yaml.safe_dump(tree), encoding="utf-8")
    nav = real_nav() + ([{"More problems": nested_nav(slugs)}] if slugs else [])
    return docs, nav


def nested_nav(slugs: list[str]) -> list:
    """Nav entries for the topics: groups of GROUP_SIZE, nested until a level fits SHELF_SIZE."""
    # Each level is a list of (first slug, last slug, children) until it becomes nav entries.
    level = [
        (group[0], group[-1], [f"topics/{s}.md" for s in group])
        for group in chunks(slugs, GROUP_SIZE)
    ]
    while len(level) > SHELF_SIZE:
        level = [
            (part[0][0], part[-1][1], [_nav_entry(*entry) for entry in part])
            for part in chunks(level, SHELF_SIZE)
        ]
    return [_nav_entry(*entry) for entry in level]


def _nav_entry(first: str, last: str, children: list) -> dict:
    return {f"Topics {first[-4:]} to {last[-4:]}": children}
