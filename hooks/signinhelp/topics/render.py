"""Render the parts of a topic page that come from its front matter, and the topic lists.

Output is Markdown, so MkDocs checks and rewrites every generated link like an author's own.
"""

from __future__ import annotations

from signinhelp.escape import Markdown
from signinhelp.templates import render
from signinhelp.topics.model import AUDIENCES, Topic, TopicIndex

EVERYONE_GROUP = "Whoever you are"


def audience_labels(topic: Topic) -> list[str]:
    """Labels for who a topic applies to; all five kinds of user read as 'Everyone'."""
    if set(topic.audience) == set(AUDIENCES):
        return ["Everyone"]
    return [AUDIENCES[a] for a in AUDIENCES if a in topic.audience]


def topic_header(topic: Topic) -> Markdown:
    """Audience label and the 'You might notice' box, shown above the author's text."""
    return render("topic_header.md.j2", topic=topic, labels=audience_labels(topic))


def topic_footer(topic: Topic) -> Markdown:
    """Sources and review date, shown below the author's text; search skips the sources."""
    return render("topic_footer.md.j2", topic=topic)


def topic_list(topics: list[Topic], from_uri: str, described: bool = True) -> Markdown:
    """A Markdown list of links to topics, with each one's one-line description if asked."""
    return render("topic_list.md.j2", topics=topics, from_uri=from_uri, described=described)


def common_topics(index: TopicIndex, from_uri: str) -> Markdown:
    """The home page's quick links: the problems most readers arrive with."""
    return topic_list(index.common(), from_uri)


def topics_by_audience(index: TopicIndex, from_uri: str) -> Markdown:
    """Every topic, grouped under the kind of user it applies to.

    Topics for everyone get a group of their own, so that each kind of user's list stays
    short enough to scan.
    """
    everyone = [t for t in index.topics.values() if audience_labels(t) == ["Everyone"]]
    groups = []
    for audience, label in AUDIENCES.items():
        topics = [t for t in index.for_audience(audience) if t not in everyone]
        if topics:
            groups.append((label, topics))
    if everyone:
        groups.append((EVERYONE_GROUP, sorted(everyone, key=lambda t: t.title)))
    return render("topics_by_audience.md.j2", groups=groups, from_uri=from_uri, described=False)
