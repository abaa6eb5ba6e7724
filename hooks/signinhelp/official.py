"""Which links count as official AWS sources: the facts on this site must come from AWS itself."""

from __future__ import annotations

from urllib.parse import urlsplit

# Hosts whose pages AWS publishes. A host matches itself and its subdomains
# (docs.aws.amazon.com, support.aws.amazon.com, ...).
OFFICIAL_AWS_DOMAINS: tuple[str, ...] = ("aws.amazon.com", "repost.aws")


def is_official_aws_url(url: str) -> bool:
    """True for an https URL on an AWS-run documentation or support host."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or parts.port is not None or parts.username:
        return False
    return any(host == domain or host.endswith("." + domain) for domain in OFFICIAL_AWS_DOMAINS)
