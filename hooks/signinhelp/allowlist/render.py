"""Render the allow-list as Markdown: the tables by user type, the short table, the download lists.

Output is Markdown, so MkDocs checks every link to a page or download like an author's own.
The markup (code, line breaks, links) is in templates/allowlist_*.md.j2, which escape every
data value; table cells also escape '|', which would start a column.
"""

from __future__ import annotations

from signinhelp.allowlist.downloads import Download, region_uri
from signinhelp.allowlist.model import (
    PORTAL_ENDPOINTS,
    PORTAL_USER_TYPE,
    USER_TYPES,
    AllowList,
)
from signinhelp.allowlist.regions import Region
from signinhelp.escape import Markdown
from signinhelp.links import link
from signinhelp.templates import render, render_macro

PAGE_URI = "admin/allow-list.md"
ANCHOR_PREFIX = "allow-"
# Three columns at most: a fourth pushed the table past a phone's width. Who gets an email,
# and which portal endpoint list holds a domain, lead the "What it's for" cell instead.
DOMAIN_HEAD = ["Domain", "What it's for", "Listed by"]
EMAIL_HEAD = ["Sender", "Who gets it, and what for", "Listed by"]
CELLS = "allowlist_cells.md.j2"


def domain_tables(allowlist: AllowList, downloads: list[Download], from_uri: str) -> Markdown:
    """One section per user type: its download, then a table of its domains.

    A domain several kinds of user need has a row in each of their tables, but its note is
    written once, in the first; later rows point back to it.
    """
    sections = []
    noted: dict[str, tuple[str, str]] = {}  # note -> (label, anchor) of the table that has it
    for user in allowlist.user_types():
        entries = allowlist.domains_for(user)
        if not entries:
            continue
        own = [d for d in downloads if d.user == user]
        portal = user == PORTAL_USER_TYPE
        rows = [_head(DOMAIN_HEAD), _head(["---"] * len(DOMAIN_HEAD))]
        for entry in entries:
            endpoints = PORTAL_ENDPOINTS.get(entry.portal_endpoints, "Both") if portal else None
            purpose = _cell("purpose", entry, noted.get(entry.note), endpoints=endpoints)
            noted.setdefault(entry.note, (USER_TYPES[user], ANCHOR_PREFIX + user))
            rows.append([_cell("patterns", [entry.pattern]), purpose, _cell("sources", entry)])
        sections.append(
            {
                "label": USER_TYPES[user],
                "anchor": ANCHOR_PREFIX + user,
                "downloads": _cell("files", [d.src_uri for d in own], from_uri),
                "rows": rows,
            }
        )
    return render("allowlist_domains.md.j2", sections=sections)


def email_table(allowlist: AllowList) -> Markdown:
    """The senders to let through spam filters, and who gets mail from each."""
    rows = [_head(EMAIL_HEAD), _head(["---"] * len(EMAIL_HEAD))]
    for entry in allowlist.email_senders:
        suffix = "" if "@" in entry.pattern else " (any address at this domain)"
        users = [USER_TYPES[user] for user in entry.users]
        rows.append(
            [
                _cell("patterns", [entry.pattern], suffix),
                _cell("purpose", entry, users=users),
                _cell("sources", entry),
            ]
        )
    return render("allowlist_table.md.j2", rows=rows, full_list=None)


def short_table(allowlist: AllowList, from_uri: str) -> Markdown:
    """The entries flagged short, by user type; types with the same domains share a row."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for user in allowlist.user_types():
        patterns = tuple(e.pattern for e in allowlist.domains_for(user) if e.short)
        if patterns:
            groups.setdefault(patterns, []).append(USER_TYPES[user])
    rows = [_head(["Who is signing in", "Domains to allow"]), _head(["---", "---"])]
    for patterns, labels in groups.items():
        rows.append([" or ".join(labels), _cell("patterns", patterns)])
    full_list = Markdown(link(from_uri, PAGE_URI))
    return render("allowlist_table.md.j2", rows=rows, full_list=full_list)


def downloads_list(downloads: list[Download], from_uri: str) -> Markdown:
    """A bullet list of download links, each with what the file holds."""
    items = [(_cell("files", [d.src_uri], from_uri), d.title) for d in downloads]
    return render("allowlist_list.md.j2", items=items)


def placeholders_list(allowlist: AllowList) -> Markdown:
    """What each placeholder in the patterns stands for."""
    items = [
        (_cell("code", f"[{name}]"), " ".join(text.split()))
        for name, text in allowlist.placeholders.items()
    ]
    return render("allowlist_list.md.j2", items=items)


def regions_table(regions: list[Region], from_uri: str, owner: str | None = None) -> Markdown:
    """A folded table of the per-Region downloads, said to be every commercial Region, or the
    Regions ``owner`` (an organization's edition) uses."""
    rows = [_head(["Region", "Name", "Download"]), _head(["---"] * 3)]
    for region in regions:
        target = _cell("files", [region_uri(region.code)], from_uri)
        rows.append([_cell("code", region.code), region.name, target])
    return render("allowlist_regions.md.j2", count=len(regions), rows=rows, owner=owner)


def indent_block(text: str, indent: str) -> str:
    """Indent every line after the first, so a block stays inside the list item it is in."""
    return "\n".join(
        line if number == 0 or not line else indent + line
        for number, line in enumerate(text.split("\n"))
    )


def _cell(macro: str, *args: object, **values: object) -> Markdown:
    return render_macro(CELLS, macro, *args, **values)


def _head(cells: list[str]) -> list[Markdown]:
    # Column headings are the code's own words, written as they are.
    return [Markdown(cell) for cell in cells]
