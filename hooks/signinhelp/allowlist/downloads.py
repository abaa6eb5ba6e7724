"""The allow-list as files a network team can paste into a filter or import into a tool.

Text files hold one pattern per line and nothing else, so they paste straight into a filter.
CSV and JSON carry every field, written by the csv and json modules so any value, markup
included, reads back exactly as the data file gives it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from signinhelp.allowlist.model import (
    PORTAL_ENDPOINTS,
    PORTAL_USER_TYPE,
    USER_TYPES,
    AllowList,
    Entry,
    fill_region,
)
from signinhelp.allowlist.regions import Region

# Where the downloads live in the site, beside the reference page (admin/allow-list.md).
DOWNLOAD_DIR = "admin/downloads/"
ALL_TXT = DOWNLOAD_DIR + "allow-list.txt"
EMAIL_TXT = DOWNLOAD_DIR + "email-senders.txt"
CSV_FILE = DOWNLOAD_DIR + "allow-list.csv"
JSON_FILE = DOWNLOAD_DIR + "allow-list.json"
CSV_COLUMNS = ("type", "pattern", "users", "portal_endpoints", "purpose", "note", "sources")


@dataclass(frozen=True)
class Download:
    """One generated file: where it goes in the site, what the page calls it, what it holds."""

    src_uri: str
    title: str
    content: str
    user: str = ""  # the user type a per-type list is for


def user_type_uri(user: str, endpoints: str = "") -> str:
    """The text file for one user type, or for one of the access portal's two lists."""
    suffix = f"-{endpoints}" if endpoints else ""
    return f"{DOWNLOAD_DIR}allow-list-{user}{suffix}.txt"


def region_uri(region: str) -> str:
    """The text file with [Region] filled in for one Region."""
    return f"{DOWNLOAD_DIR}regions/allow-list-{region}.txt"


def text_list(patterns: list[str]) -> str:
    """One pattern per line, each once, in the order given."""
    return "".join(f"{pattern}\n" for pattern in dict.fromkeys(patterns))


def main_downloads(allowlist: AllowList) -> list[Download]:
    """Every file except the per-Region lists, in the order the page offers them."""
    files = [
        Download(ALL_TXT, "Every domain, all user types", _patterns(allowlist.domains)),
    ]
    for user in allowlist.user_types():
        entries = allowlist.domains_for(user)
        if entries:
            files.append(Download(user_type_uri(user), USER_TYPES[user], _patterns(entries), user))
        if user == PORTAL_USER_TYPE:
            for endpoints, label in PORTAL_ENDPOINTS.items():
                title = f"{USER_TYPES[user]}, {label} endpoints only"
                entries = allowlist.domains_for(user, endpoints)
                content = _patterns(entries)
                files.append(Download(user_type_uri(user, endpoints), title, content, user))
    files += [
        Download(EMAIL_TXT, "Email senders, for spam filters", _patterns(allowlist.email_senders)),
        Download(CSV_FILE, "Every entry with all its fields (CSV)", to_csv(allowlist)),
        Download(JSON_FILE, "Every entry with all its fields (JSON)", to_json(allowlist)),
    ]
    return files


@dataclass(frozen=True)
class Publication:
    """Everything the allow-list publishes beside its page, worked out once per build."""

    downloads: tuple[Download, ...]  # every file but the per-Region lists, in the page's order
    regions: tuple[Region, ...]
    region_downloads: tuple[Download, ...]

    @property
    def files(self) -> tuple[Download, ...]:
        """Every file to add to the site."""
        return self.downloads + self.region_downloads


def publication(allowlist: AllowList, regions: list[Region]) -> Publication:
    """The downloads of a checked allow-list, a list per Region included."""
    return Publication(
        tuple(main_downloads(allowlist)),
        tuple(regions),
        tuple(region_downloads(allowlist, regions)),
    )


def region_downloads(allowlist: AllowList, regions: list[Region]) -> list[Download]:
    """One list per Region: every domain, with [Region] filled in."""
    return [
        Download(
            region_uri(region.code),
            f"{region.code} ({region.name})",
            text_list([fill_region(e.pattern, region.code) for e in allowlist.domains]),
        )
        for region in regions
    ]


def to_csv(allowlist: AllowList) -> str:
    """One row per entry; lists joined by spaces, which no user type, pattern or URL contains."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for record in records(allowlist):
        writer.writerow(
            [
                " ".join(value) if isinstance(value, list) else value
                for value in (
                    record["type"],
                    record["pattern"],
                    record["users"],
                    record["portal_endpoints"],
                    record["purpose"],
                    record["note"],
                    [source["url"] for source in record["sources"]],
                )
            ]
        )
    return out.getvalue()


def to_json(allowlist: AllowList) -> str:
    """The whole list with the meaning of each user type and placeholder."""
    document = {
        "user_types": {user: USER_TYPES[user] for user in allowlist.user_types()},
        "placeholders": allowlist.placeholders,
        "entries": records(allowlist),
    }
    return json.dumps(document, indent=2) + "\n"


def records(allowlist: AllowList) -> list[dict[str, Any]]:
    """Each entry as plain JSON-ready data; email senders after the domains."""
    return [_record(entry) for entry in allowlist.domains + allowlist.email_senders]


def _record(entry: Entry) -> dict[str, Any]:
    return {
        "type": entry.kind,
        "pattern": entry.pattern,
        "users": list(entry.users),
        "portal_endpoints": entry.portal_endpoints,
        "purpose": entry.purpose,
        "note": entry.note,
        "sources": [{"title": s.title, "url": s.url} for s in entry.sources],
    }


def _patterns(entries: tuple[Entry, ...] | list[Entry]) -> str:
    return text_list([entry.pattern for entry in entries])
