"""Render the parts of a topic page that come from its front matter, and the topic lists.

Output is Markdown, so MkDocs checks and rewrites every generated link like an author's own.
"""

from __future__ import annotations

from signinhelp.escape import html_text, md_text
from signinhelp.links import link
from signinhelp.topics.model import AUDIENCES, Topic, TopicIndex

EVERYONE_GROUP = "Whoever you are"


def audience_labels(topic: Topic) -> list[str]:
    """Labels for who a topic applies to; all five kinds of user read as 'Everyone'."""
    if set(topic.audience) == set(AUDIENCES):
        return ["Everyone"]
    return [AUDIENCES[a] for a in AUDIENCES if a in topic.audience]


def topic_header(topic: Topic) -> str:
    """Audience label and the 'You might notice' box, shown above the author's text."""
    tags = "".join(
        f'<span class="topic-audience__tag">{html_text(label)}</span>'
        for label in audience_labels(topic)
    )
    lines = [
        '<p class="topic-audience">'
        f'<span class="topic-audience__intro">Applies to:</span> {tags}</p>',
        "",
        '!!! symptoms "You might notice"',
        "",
    ]
    lines += [f"    - {md_text(symptom)}" for symptom in topic.symptoms]
    lines += [
        f'    - AWS shows: <q class="aws-error">{md_text(error)}</q>' for error in topic.errors
    ]
    return "\n".join(lines) + "\n\n"


def topic_footer(topic: Topic) -> str:
    """Sources and review date, shown below the author's text."""
    lines = ["", "## Sources", ""]
    lines += [f"- [{md_text(source.title)}]({source.url})" for source in topic.sources]
    day = topic.reviewed
    lines += [
        "",
        f'<p class="topic-reviewed">Last reviewed: <time datetime="{day.isoformat()}">'
        f"{day.day} {day:%B %Y}</time></p>",
    ]
    return "\n".join(lines) + "\n"


def topic_list(topics: list[Topic], from_uri: str, described: bool = True) -> str:
    """A Markdown list of links to topics, with each one's one-line description if asked."""
    return "\n".join(
        f"- [{md_text(t.title)}]({link(from_uri, t.src_uri)})"
        + (f": {md_text(t.description)}" if described else "")
        for t in topics
    )


def common_topics(index: TopicIndex, from_uri: str) -> str:
    """The home page's quick links: the problems most readers arrive with."""
    return topic_list(index.common(), from_uri) + "\n"


def topics_by_audience(index: TopicIndex, from_uri: str) -> str:
    """Every topic, grouped under the kind of user it applies to.

    Topics for everyone get a group of their own, so that each kind of user's list stays
    short enough to scan.
    """
    everyone = [t for t in index.topics.values() if audience_labels(t) == ["Everyone"]]
    parts = []
    for audience, label in AUDIENCES.items():
        topics = [t for t in index.for_audience(audience) if t not in everyone]
        if topics:
            parts += [f"### {label}", "", topic_list(topics, from_uri, described=False), ""]
    if everyone:
        everyone.sort(key=lambda t: t.title)
        parts += [f"### {EVERYONE_GROUP}", "", topic_list(everyone, from_uri, described=False), ""]
    return "\n".join(parts)
