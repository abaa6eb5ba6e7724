"""A topic page's whole frame, in one place: what goes above the author's text and below it.

Put together here, in a fixed order, rather than by several hooks that each add a part: then
no hook depends on another running first.
"""

from __future__ import annotations

from signinhelp.topics.model import TopicIndex
from signinhelp.topics.related import how_you_got_here, related_section
from signinhelp.topics.render import topic_errors, topic_footer, topic_header
from signinhelp.values import Step, Topic


def topic_page(
    index: TopicIndex, topic: Topic, trails: list[tuple[Step, ...]] | None, body: str
) -> str:
    """Header, the author's text, the messages AWS shows, related topics, how you got here
    (None: the site has no troubleshooter), then sources and the review date."""
    parts = [topic_header(topic), body.rstrip("\n"), topic_errors(topic)]
    parts.append(related_section(index, topic))
    if trails is not None:
        parts.append(how_you_got_here(trails, topic.src_uri))
    parts.append(topic_footer(topic))
    return "".join(parts)
