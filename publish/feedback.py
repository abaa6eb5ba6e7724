"""'Did this page help?' on the topic pages of the production server's build, and its words.

Only a server that answers and logs `feedback` in the site's folder (publish/nginx.conf) can
take an answer, so only `python -m publish serve` and `python -m publish build --feedback` add
the widget: `mkdocs build`, GitHub Pages (`build --meta-policy`), the offline copy and paper
never show it. A reader answers yes or no and, on no, may pick one reason from REASONS: no
free text, so nothing personal can be sent. The summary (feedback_log.py) accepts these values
and no others.
"""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template

from publish.errors import PublishError
from publish.markup import replace_tags, start_tags

# The widget's files, laid out as in the site: its markup, script and style sheet.
WIDGET_DIR = Path(__file__).with_name("widget")
SCRIPT = "javascripts/feedback.js"
STYLESHEET = "stylesheets/feedback.css"
# Where answers go: this address in the site's own folder ("/feedback" for a site at a host's
# root, "/aws-signin/feedback" for one under /aws-signin/), which nginx logs and answers with 204.
ENDPOINT = "feedback"

VOTES = ("yes", "no")
# What a reader can say went wrong, by the id the log holds. Keep the ids: old logs use them.
REASONS = {
    "steps-failed": "I followed the steps, but they didn't work",
    "step-unclear": "I couldn't follow one of the steps",
    "wrong-page": "My problem isn't the one on this page",
    "out-of-date": "What I see at AWS doesn't match this page",
}

# The widget goes after the steps, before the first of these sections (the topics hook writes
# them in this order; every topic has Sources), which only list other pages.
AFTER_THE_STEPS = ("related-topics", "how-you-got-here", "sources")


@functools.cache
def _template() -> Template:
    """The widget's template, read once: every topic page of a build uses it."""
    environment = Environment(
        loader=FileSystemLoader(WIDGET_DIR), autoescape=True, undefined=StrictUndefined
    )
    return environment.get_template("feedback.html")


def endpoint(site_url: str) -> str:
    """The path answers go to, for the site published at ``site_url``."""
    return urlsplit(site_url).path + ENDPOINT


def widget_html(page: str, endpoint: str) -> str:
    """The widget for the page at site path ``page`` (e.g. "/topics/lost-mfa-device/"),
    sending answers to ``endpoint``."""
    return _template().render(page=page, endpoint=endpoint, reasons=REASONS)


def with_widget(html: str, page: str, endpoint: str) -> str:
    """``html`` with the widget before its first list of other pages; the rest byte for byte."""
    headings = [tag for tag in start_tags(html, "h2") if tag.get("id") in AFTER_THE_STEPS]
    if not headings:
        wanted = ", ".join(f"#{name}" for name in AFTER_THE_STEPS)
        raise PublishError(f"{page}: no {wanted} heading to put 'Did this page help?' before")
    first = headings[0]
    return replace_tags(
        html, {first: widget_html(page, endpoint) + html[first.start : first.end]}
    )


def add_to_topics(site: Path, endpoint: str) -> None:
    """Put the widget on every topic page of a built site (topics/<slug>/index.html), sending
    answers to ``endpoint``."""
    pages = sorted(site.glob("topics/*/index.html"))
    if not pages:
        raise PublishError(f"{site}: no topic pages (topics/*/index.html) to ask about")
    for path in pages:
        page = "/" + path.parent.relative_to(site).as_posix() + "/"
        path.write_text(with_widget(path.read_text("utf-8"), page, endpoint), "utf-8")


def widget_file(name: str) -> tuple[str, bytes]:
    """One of the widget's assets as (site path, bytes), for the production bundles."""
    return name, (WIDGET_DIR / name).read_bytes()
