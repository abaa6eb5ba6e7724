"""Which date a page says it was last changed: taken from the content, never from the clock.

The sitemap's <lastmod> and the mtime inside sitemap.xml.gz come from each page's date. Left to
MkDocs, that is the day of the build, so the same sources built on two days differ byte for
byte; a topic's `reviewed` date is also the truer answer to "when did this page change?".
"""

from __future__ import annotations

import datetime

from signinhelp.topics.model import TopicIndex


def page_date(index: TopicIndex, src_uri: str) -> datetime.date | None:
    """A topic's review date; for any other page the newest review date of the site.

    Pages that are not topics (the home page, the generated pages) list or route to topics, so
    they change when a topic does. None when the site has no topic at all.
    """
    topic = index.by_src_uri(src_uri)
    if topic is not None:
        return topic.reviewed
    return max((t.reviewed for t in index.topics.values()), default=None)
