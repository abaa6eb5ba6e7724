"""An organization's edition of the site model's topics and tree, checked like the whole."""

from __future__ import annotations

from dataclasses import dataclass

from signinhelp.problems import Problem
from signinhelp.readers.topics import for_readers
from signinhelp.readers.tree import prune_tree
from signinhelp.topics.model import TopicIndex
from signinhelp.troubleshooter.check import check_tree
from signinhelp.troubleshooter.model import Tree


@dataclass(frozen=True)
class Edition:
    """What an organization's readers get, and the topic pages left out of it."""

    topics: TopicIndex
    tree: Tree | None
    left_out: frozenset[str]  # src_uris


def edition(
    index: TopicIndex, tree: Tree | None, readers: frozenset[str], tree_label: str
) -> tuple[Edition | None, list[Problem]]:
    """The edition for ``readers``, or None with what makes its troubleshooter unsound.

    The whole tree passed its checks; the smaller one must too, or a reader of this edition
    could meet a dead end the public site doesn't have.
    """
    topics = for_readers(index, readers)
    left_out = frozenset(t.src_uri for t in index.topics.values() if t.slug not in topics.topics)
    if tree is None:
        return Edition(topics, None, left_out), []
    pruned = prune_tree(tree, topics.topics, readers)
    if pruned is None:
        why = f"no question is left for the user types {', '.join(sorted(readers))}"
        return None, [Problem(tree_label, "questions", why)]
    problems = check_tree(pruned, topics.topics, tree_label)
    if problems:
        return None, problems
    return Edition(topics, pruned, left_out), []
