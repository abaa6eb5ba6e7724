"""The sections that tie each topic page to the rest of the site: related topics, and the
troubleshooter answers that lead to it.

A reader who lands on the wrong topic, from search or from a guess, needs a short way sideways
(related topics) and a way back to the question that sent them here (how you got here).
"""

from __future__ import annotations

from signinhelp.escape import Markdown
from signinhelp.links import link
from signinhelp.templates import render
from signinhelp.topics.model import TopicIndex
from signinhelp.values import Step, Topic, page_uri

# Between two answers of a trail; hidden from screen readers, which read the list as a path.
TRAIL_SEPARATOR = Markdown(
    ' <span class="troubleshooter-path__sep" aria-hidden="true">&rsaquo;</span> '
)


def related_topics(index: TopicIndex, topic: Topic) -> list[Topic]:
    """The topics this one lists, in its order, then those that list it, by title.

    Authors list related topics on one side only; showing the link both ways keeps readers
    from hitting a dead end on the side that forgot.
    """
    listed = [index.topics[slug] for slug in topic.related]
    listing = sorted(
        (
            other
            for other in index.topics.values()
            if topic.slug in other.related and other.slug not in topic.related
        ),
        key=lambda other: other.title,
    )
    return listed + listing


def related_section(index: TopicIndex, topic: Topic) -> Markdown:
    """'Related topics' as Markdown, or nothing when no topic is related either way."""
    related = related_topics(index, topic)
    if not related:
        return Markdown()
    return render("related_topics.md.j2", topics=related, from_uri=topic.src_uri, described=True)


def how_you_got_here(trails: list[tuple[Step, ...]], from_uri: str) -> Markdown:
    """'How you got here': each path of answers that ends on this topic, as links.

    Every answer links to the question it answered, so a reader can go back and choose again.
    """
    rows = [
        [
            (step.answer.text, Markdown(link(from_uri, page_uri(trail[:number]))))
            for number, step in enumerate(trail)
        ]
        for trail in trails
    ]
    return render(
        "how_you_got_here.md.j2",
        start=Markdown(link(from_uri, page_uri(()))),
        trails=rows,
        separator=TRAIL_SEPARATOR,
    )
