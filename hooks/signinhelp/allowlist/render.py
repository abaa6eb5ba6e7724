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
from signinhelp.escape import md_text
from signinhelp.links import link

PAGE_URI = "admin/allow-list.md"
ANCHOR_PREFIX = "allow-"


def domain_tables(allowlist: AllowList, downloads: list[Download], from_uri: str) -> str:
    """One section per user type: its download, then a table of its domains."""
    parts = []
    for user in allowlist.user_types():
        entries = allowlist.domains_for(user)
        if not entries:
            continue
        parts += [f"### {md_text(USER_TYPES[user])} {{#{ANCHOR_PREFIX}{user}}}", ""]
        own = [d for d in downloads if d.user == user]
        parts += [f"Download: {', '.join(_file_link(d, from_uri) for d in own)}", ""]
        portal = user == PORTAL_USER_TYPE
        head = ["Domain", *(["Portal endpoints"] if portal else []), "What it's for", "Listed by"]
        parts += [_row(head), _row(["---"] * len(head))]
        for entry in entries:
            cells = [pattern_code(entry.pattern)]
            if portal:
                cells.append(PORTAL_ENDPOINTS.get(entry.portal_endpoints, "Both"))
            cells += [_purpose(entry), _sources(entry)]
            parts.append(_row(cells))
        parts.append("")
    return "\n".join(parts)


def email_table(allowlist: AllowList) -> str:
    """The senders to let through spam filters, and who gets mail from each."""
    head = ["Sender", "Who gets this mail", "What it's for", "Listed by"]
    rows = [_row(head), _row(["---"] * len(head))]
    for entry in allowlist.email_senders:
        sender = pattern_code(entry.pattern)
        if "@" not in entry.pattern:
            sender += " (any address at this domain)"
        users = ", ".join(_cell(USER_TYPES[user]) for user in entry.users)
        rows.append(_row([sender, users, _purpose(entry), _sources(entry)]))
    return "\n".join(rows) + "\n"


def short_table(allowlist: AllowList, from_uri: str) -> str:
    """The entries flagged short, by user type; types with the same domains share a row."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for user in allowlist.user_types():
        patterns = tuple(e.pattern for e in allowlist.domains_for(user) if e.short)
        if patterns:
            groups.setdefault(patterns, []).append(USER_TYPES[user])
    rows = [_row(["Who is signing in", "Domains to allow"]), _row(["---", "---"])]
    for patterns, labels in groups.items():
        domains = " and ".join(pattern_code(pattern) for pattern in patterns)
        rows.append(_row([_cell(" or ".join(labels)), domains]))
    page = link(from_uri, PAGE_URI)
    rows += [
        "",
        f"The full list for each kind of user is on the [firewall allow-list]({page}) page, "
        "with files your network team can download.",
    ]
    return "\n".join(rows) + "\n"


def downloads_list(downloads: list[Download], from_uri: str) -> str:
    """A bullet list of download links, each with what the file holds."""
    return "\n".join(f"- {_file_link(d, from_uri)}: {md_text(d.title)}" for d in downloads) + "\n"


def placeholders_list(allowlist: AllowList) -> str:
    """What each placeholder in the patterns stands for."""
    return (
        "\n".join(
            f"- `[{name}]`: {md_text(' '.join(text.split()))}"
            for name, text in allowlist.placeholders.items()
        )
        + "\n"
    )


def regions_table(regions: list[Region], from_uri: str) -> str:
    """A folded table of the per-Region downloads."""
    lines = [
        f'??? note "Lists for the {len(regions)} commercial Regions"',
        "",
        "    " + _row(["Region", "Name", "Download"]),
        "    " + _row(["---"] * 3),
    ]
    for region in regions:
        uri = region_uri(region.code)
        target = f"[{_basename(uri)}]({link(from_uri, uri)})"
        lines.append("    " + _row([f"`{region.code}`", _cell(region.name), target]))
    return "\n".join(lines) + "\n"


def pattern_code(pattern: str) -> str:
    """A pattern as code that wraps only after a dot, never inside a name, so it reads true."""
    escaped = md_text(pattern).replace(".", ".<wbr>")
    return f'<code class="allowlist-pattern">{escaped}</code>'


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


def _purpose(entry: Entry) -> str:
    text = _cell(entry.purpose)
    if entry.note:
        text += f"<br>**Note:** {_cell(entry.note)}"
    return text


def _sources(entry: Entry) -> str:
    return ", ".join(f"[{_cell(s.title)}]({s.url})" for s in entry.sources)


def _file_link(download: Download, from_uri: str) -> str:
    return f"[{_basename(download.src_uri)}]({link(from_uri, download.src_uri)})"


def _basename(uri: str) -> str:
    return uri.rsplit("/", 1)[-1]


def _cell(text: str) -> str:
    # A table row is one line, and '|' would end the cell early.
    return md_text(" ".join(text.split())).replace("|", "\\|")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
