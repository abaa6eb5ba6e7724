"""The official pages the site's facts come from, and the one rule every source URL follows.

Facts on this site must come from AWS itself, and a source URL goes into a Markdown link as it
is: so it must be https, on an AWS-run host, and hold nothing Markdown or HTML reads as syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

# Hosts whose pages AWS publishes. A host matches itself and its subdomains
# (docs.aws.amazon.com, support.aws.amazon.com, ...).
OFFICIAL_AWS_DOMAINS: tuple[str, ...] = ("aws.amazon.com", "repost.aws")

# Characters that would end a Markdown link target early, open an HTML tag or attribute, or
# let the URL run into the next word. A real AWS page address needs none of them unencoded.
SYNTAX_CHARACTERS = re.compile(r"[\s()<>\"'`\[\]{}|\\^]")


@dataclass(frozen=True)
class Source:
    """An official AWS page that a fact on this site was checked against."""

    title: str
    url: str


def is_official_aws_url(url: str) -> bool:
    """True for an https URL on an AWS-run documentation or support host."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or port is not None or parts.username or parts.password:
        return False
    return any(host == domain or host.endswith("." + domain) for domain in OFFICIAL_AWS_DOMAINS)


def url_problem(url: object) -> str | None:
    """Why a value is not a usable source URL, or None when it is."""
    if not isinstance(url, str) or not is_official_aws_url(url):
        return f"{_shown(url)} is not an https URL on an official AWS domain"
    found = sorted(set(SYNTAX_CHARACTERS.findall(url)))
    if found:
        shown = " ".join(repr(character) for character in found)
        return (
            f"{_shown(url)} contains {shown}, which Markdown or HTML would read as syntax; "
            "percent-encode it"
        )
    return None


def _shown(url: object) -> str:
    # A problem is one line: a URL with a line break in it is shown with the break escaped.
    text = str(url)
    return f"'{text}'" if text.isprintable() else repr(text)
