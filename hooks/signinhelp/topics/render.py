"""Render the parts of a topic page that come from its front matter, and the topic lists.

Output is Markdown, so MkDocs checks and rewrites every generated link like an author's own.
"""

from __future__ import annotations

from signinhelp.escape import Markdown
from signinhelp.templates import render
from signinhelp.topics.model import AUDIENCES, TopicIndex
from signinhelp.values import Topic

SHARED_GROUP = "For more than one kind of user"


def audience_labels(topic: Topic) -> list[str]:
    """Labels for who a topic applies to; every kind of user at once reads as 'Everyone'."""
    if set(topic.audience) == set(AUDIENCES):
        return ["Everyone"]
    return [AUDIENCES[a] for a in AUDIENCES if a in topic.audience]


def topic_header(topic: Topic) -> Markdown:
    """Audience label and the collapsed 'You might notice' box, shown above the author's text."""
    return render("topic_header.md.j2", topic=topic, labels=audience_labels(topic))


def topic_errors(topic: Topic) -> Markdown:
    """The messages AWS shows for this problem, quoted in the open, below the author's text.

    Not in the collapsed symptoms box: a reader compares a message on screen with these
    character for character, and a box they have to open hides the very words they search
    for. Below the text, not above it, so a long list never pushes the first step off a phone's
    first screen.
    """
    if not topic.errors:
        return Markdown("")
    # Whose message it is matters only on a page for more than one kind of user.
    several = len(topic.audience) > 1
    return render("topic_errors.md.j2", errors=topic.errors, labels=AUDIENCES, several=several)


def topic_footer(topic: Topic) -> Markdown:
    """Sources and review date, shown below the author's text; search skips the sources."""
    return render("topic_footer.md.j2", topic=topic)


def topic_list(topics: list[Topic], from_uri: str, described: bool = True) -> Markdown:
    """A Markdown list of links to topics, with each one's one-line description if asked."""
    return render("topic_list.md.j2", topics=topics, from_uri=from_uri, described=described)


def common_topics(index: TopicIndex, from_uri: str) -> Markdown:
    """The home page's quick links: the problems most readers arrive with."""
    return topic_list(index.common(), from_uri)


def admin_topics(index: TopicIndex, from_uri: str) -> Markdown:
    """Topics for the people who set up sign-in rules, for the home page's administrators."""
    topics = sorted((t for t in index.topics.values() if t.for_admins), key=lambda t: t.title)
    return topic_list(topics, from_uri, described=False)


def topics_by_audience(index: TopicIndex, from_uri: str) -> Markdown:
    """The topics not listed higher up the home page, each once, by the kind of user it's for.

    The most common problems and the administrators' topics have their own lists above. A
    topic for one kind of user goes under that kind; one for several, or for everyone, goes in
    a group of its own, so no topic shows twice and each list stays short.
    """
    shown = {t.slug for t in index.common()}
    rest = [t for t in index.topics.values() if t.slug not in shown and not t.for_admins]
    groups = []
    for audience, label in AUDIENCES.items():
        topics = [t for t in rest if t.audience == (audience,)]
        if topics:
            groups.append((label, sorted(topics, key=lambda t: t.title)))
    shared = sorted((t for t in rest if len(t.audience) > 1), key=lambda t: t.title)
    if shared:
        groups.append((SHARED_GROUP, shared))
    return render("topics_by_audience.md.j2", groups=groups, from_uri=from_uri, described=False)
