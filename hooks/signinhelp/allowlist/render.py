"""Render the allow-list as Markdown: the tables by user type, the short table, the download lists.

Output is Markdown, so MkDocs checks every link to a page or download like an author's own.
Every data value goes through md_text; table cells also escape '|', which would start a column.
"""

from __future__ import annotations

import re

from signinhelp.allowlist.downloads import Download, region_uri
from signinhelp.allowlist.model import (
    PORTAL_ENDPOINTS,
    PORTAL_USER_TYPE,
    USER_TYPES,
    AllowList,
    Entry,
)
from signinhelp.allowlist.regions import Region
from signinhelp.escape import Markdown, md_cell, md_text
from signinhelp.links import link
from signinhelp.templates import render

PAGE_URI = "admin/allow-list.md"
ANCHOR_PREFIX = "allow-"
# Three columns at most: a fourth pushed the table past a phone's width. Who gets an email,
# and which portal endpoint list holds a domain, lead the "What it's for" cell instead.
DOMAIN_HEAD = ["Domain", "What it's for", "Listed by"]
EMAIL_HEAD = ["Sender", "Who gets it, and what for", "Listed by"]
# A dot between two letters or digits: inside a hostname, where a line may break.
HOSTNAME_DOT = re.compile(r"(?<=\w)\.(?=\w)")


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
            lead = ""
            if portal:
                endpoints = PORTAL_ENDPOINTS.get(entry.portal_endpoints, "Both")
                lead = f"**Portal endpoints:** {endpoints}<br>"
            purpose = _purpose(entry, noted.get(entry.note))
            noted.setdefault(entry.note, (USER_TYPES[user], ANCHOR_PREFIX + user))
            rows.append([pattern_code(entry.pattern), Markdown(lead + purpose), _sources(entry)])
        sections.append(
            {
                "label": USER_TYPES[user],
                "anchor": ANCHOR_PREFIX + user,
                "downloads": Markdown(", ".join(_file_link(d, from_uri) for d in own)),
                "rows": rows,
            }
        )
    return render("allowlist_domains.md.j2", sections=sections)


def email_table(allowlist: AllowList) -> Markdown:
    """The senders to let through spam filters, and who gets mail from each."""
    rows = [_head(EMAIL_HEAD), _head(["---"] * len(EMAIL_HEAD))]
    for entry in allowlist.email_senders:
        sender = pattern_code(entry.pattern)
        if "@" not in entry.pattern:
            sender = Markdown(sender + " (any address at this domain)")
        users = ", ".join(md_cell(USER_TYPES[user]) for user in entry.users)
        rows.append([sender, Markdown(f"**{users}:** {_purpose(entry)}"), _sources(entry)])
    return render("allowlist_table.md.j2", rows=rows, after="")


def short_table(allowlist: AllowList, from_uri: str) -> Markdown:
    """The entries flagged short, by user type; types with the same domains share a row."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for user in allowlist.user_types():
        patterns = tuple(e.pattern for e in allowlist.domains_for(user) if e.short)
        if patterns:
            groups.setdefault(patterns, []).append(USER_TYPES[user])
    rows = [_head(["Who is signing in", "Domains to allow"]), _head(["---", "---"])]
    for patterns, labels in groups.items():
        domains = Markdown(" and ".join(pattern_code(pattern) for pattern in patterns))
        rows.append([" or ".join(labels), domains])
    after = Markdown(
        f"The full list for each kind of user is on the [firewall allow-list]"
        f"({link(from_uri, PAGE_URI)}) page, with files your network team can download."
    )
    return render("allowlist_table.md.j2", rows=rows, after=after)


def downloads_list(downloads: list[Download], from_uri: str) -> Markdown:
    """A bullet list of download links, each with what the file holds."""
    items = [(_file_link(d, from_uri), d.title) for d in downloads]
    return render("allowlist_list.md.j2", items=items)


def placeholders_list(allowlist: AllowList) -> Markdown:
    """What each placeholder in the patterns stands for."""
    items = [
        (Markdown(f"`[{name}]`"), " ".join(text.split()))
        for name, text in allowlist.placeholders.items()
    ]
    return render("allowlist_list.md.j2", items=items)


def regions_table(regions: list[Region], from_uri: str) -> Markdown:
    """A folded table of the per-Region downloads."""
    rows = [_head(["Region", "Name", "Download"]), _head(["---"] * 3)]
    for region in regions:
        uri = region_uri(region.code)
        target = Markdown(f"[{_basename(uri)}]({link(from_uri, uri)})")
        rows.append([Markdown(f"`{region.code}`"), region.name, target])
    return render("allowlist_regions.md.j2", count=len(regions), rows=rows)


def pattern_code(pattern: str) -> Markdown:
    """A pattern as code that wraps only after a dot or a slash, never inside a name."""
    escaped = md_text(pattern).replace(".", ".<wbr>").replace("/", "/<wbr>")
    return Markdown(f'<code class="allowlist-pattern">{escaped}</code>')


def marker_indent(markdown: str, name: str) -> str:
    """The spaces before a marker that starts its line, e.g. inside a numbered step."""
    match = re.search(rf"^([ \t]*)<!--\s*help:{re.escape(name)}\s*-->", markdown, re.MULTILINE)
    return match.group(1) if match else ""


def indent_block(text: str, indent: str) -> str:
    """Indent every line after the first, so a block stays inside the list item it is in."""
    return "\n".join(
        line if number == 0 or not line else indent + line
        for number, line in enumerate(text.split("\n"))
    )


def _purpose(entry: Entry, noted_in: tuple[str, str] | None = None) -> Markdown:
    """What the entry is for, and its note, or where the note was given if it was already.

    A hostname in the text wraps only after a dot.
    """
    text = md_cell(entry.purpose)
    if entry.note and noted_in:
        label, anchor = noted_in
        text += f"<br>**Note:** see this domain under [{md_cell(label)}](#{anchor})."
    elif entry.note:
        text += f"<br>**Note:** {md_cell(entry.note)}"
    return Markdown(HOSTNAME_DOT.sub(".<wbr>", text))


def _sources(entry: Entry) -> Markdown:
    return Markdown(", ".join(f"[{md_cell(s.title)}]({s.url})" for s in entry.sources))


def _file_link(download: Download, from_uri: str) -> Markdown:
    return Markdown(f"[{_basename(download.src_uri)}]({link(from_uri, download.src_uri)})")


def _basename(uri: str) -> str:
    return uri.rsplit("/", 1)[-1]


def _head(cells: list[str]) -> list[Markdown]:
    # Column headings are the code's own words, written as they are.
    return [Markdown(cell) for cell in cells]
