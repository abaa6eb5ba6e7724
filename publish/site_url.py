"""The published site's address, checked in one place for every command that needs it."""

from __future__ import annotations

from urllib.parse import urlsplit

from publish.errors import PublishError

EXAMPLE = "e.g. SITE_URL=https://help.example.org/"


def site_url_from(value: str | None) -> str:
    """The site's public address (from SITE_URL or --site-url), ending in "/" as MkDocs expects."""
    if not value:
        raise PublishError(
            f"SITE_URL is not set: give the address the site is published at, {EXAMPLE}"
        )
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise PublishError(f"SITE_URL {value!r} is not an http(s) address of a site, {EXAMPLE}")
    return value if value.endswith("/") else value + "/"
