"""The organization's details where its pages ask for them, and nothing in the public edition.

A page asks with a marker on a line of its own, after the step that sends the reader to an
administrator: ``<!-- help:helpdesk -->``, ``<!-- help:portal -->``,
``<!-- help:identity-provider -->``; on the home page ``<!-- help:organization -->``, on the
allow-list page ``<!-- help:filled-allowlist -->``.
Without a profile the whole line goes, so the page's Markdown, and its HTML, are exactly what
they were before the marker was added. With one, the line becomes a short box, indented to
stay inside the list item it follows.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from signinhelp.escape import Markdown
from signinhelp.organization.model import Organization, shown_url
from signinhelp.templates import render

MARKERS = ("helpdesk", "portal", "identity-provider", "organization", "filled-allowlist")
# The marker alone on its line, with the line's indent and line break, so the public edition
# can drop the line whole: a blank line left inside a list would loosen it and change the HTML.
MARKER_LINE = re.compile(
    rf"^(?P<indent>[ \t]*)<!--\s*help:(?P<name>{'|'.join(MARKERS)})\s*-->[ \t]*(?:\n|\Z)",
    re.MULTILINE,
)
# Python-Markdown nests a block in a list item at four spaces, however wide the item's marker.
NEST = 4


def organization_markdown(markdown: str, organization: Organization | None) -> str:
    """Every organization marker line replaced: by its box, or by nothing without a profile."""

    def substitute(match: re.Match[str]) -> str:
        if organization is None:
            return ""
        block = BOXES[match.group("name")](organization)
        if not block:
            return ""
        return "\n" + indent(block, nested_indent(match.group("indent"))) + "\n"

    return MARKER_LINE.sub(substitute, markdown)


def nested_indent(indent: str) -> str:
    """The indent a block needs to stay in the list item a marker with ``indent`` is in."""
    width = len(indent.expandtabs(NEST))
    return " " * (-(-width // NEST) * NEST)


def indent(block: str, prefix: str) -> str:
    """Every non-empty line of ``block`` indented by ``prefix``."""
    return "".join(prefix + line if line.strip() else line for line in block.splitlines(True))


def helpdesk_box(organization: Organization) -> Markdown:
    """Who the reader's administrator is here: the help desk, and every way to reach it."""
    return _helpdesk(organization, f"Ask {organization.name}'s help desk", intro="")


def edition_box(organization: Organization) -> Markdown:
    """On the home page: whose edition of the site this is, and how to reach its help desk."""
    intro = (
        f"Where a page says to ask your administrator or IT help desk, "
        f"that is {organization.name}'s help desk:"
    )
    return _helpdesk(organization, f"{organization.name}'s edition of this site", intro)


def _helpdesk(organization: Organization, title: str, intro: str) -> Markdown:
    """The help desk's box: a title, a line before the ways to reach it, the ways, the hours."""
    return render(
        "organization_helpdesk.md.j2",
        title=title,
        contacts=organization.helpdesk.contacts,
        hours=organization.helpdesk.hours,
        intro=intro,
    )


def portal_box(organization: Organization) -> Markdown:
    """The organization's access portal address, as a link."""
    return render(
        "organization_portal.md.j2",
        owner=organization.name,
        urls=[(url, shown_url(url)) for url in organization.portal_urls],
    )


def identity_provider_box(organization: Organization) -> Markdown:
    """Which company login the organization uses, and where its users reset what they lost."""
    provider = organization.identity_provider
    if provider is None:
        return Markdown("")
    return render(
        "organization_identity_provider.md.j2", owner=organization.name, provider=provider
    )


def filled_allowlist_box(organization: Organization) -> Markdown:
    """On the allow-list page: which of AWS's placeholders this edition filled in, and how."""
    values = [(f"[{name}]", found) for name, found in organization.placeholder_values().items()]
    filled = [(placeholder, found) for placeholder, found in values if found]
    if not filled:
        return Markdown("")
    return render("organization_allowlist.md.j2", owner=organization.name, filled=filled)


BOXES: dict[str, Callable[[Organization], Markdown]] = {
    "helpdesk": helpdesk_box,
    "portal": portal_box,
    "identity-provider": identity_provider_box,
    "organization": edition_box,
    "filled-allowlist": filled_allowlist_box,
}
