"""An organization's profile, `extra.organization` in its mkdocs.yml, read and checked.

The profile puts an organization's own help desk, access portal and identity provider on the
pages its people read when they are locked out, so a wrong value would send them to a dead
link or a lookalike address: every value is checked, and every mistake is one line naming
`extra.organization.<field>`. Pure: the caller passes the known Regions and user types.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from signinhelp.fields import Fields
from signinhelp.problems import Problem
from signinhelp.sources import SYNTAX_CHARACTERS

PREFIX = "extra.organization."
TOP_LEVEL = (
    "name",
    "portal_url",
    "identity_provider",
    "helpdesk",
    "user_types",
    "regions",
    "identity_center_directory",
)
IDENTITY_PROVIDER_FIELDS = ("name", "password_reset_url", "mfa_reset_url")
HELPDESK_CONTACTS = ("url", "email", "phone", "chat")
HELPDESK_FIELDS = (*HELPDESK_CONTACTS, "hours")

# The access portal addresses AWS documents: https://d-xxxxxxxxxx.awsapps.com/start or a
# subdomain the organization chose, the dual-stack https://ssoins-<id>.portal.<Region>.app.aws,
# and an additional Region's https://ssoins-<id>.<Region>.portal.amazonaws.com.
LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
REGION_CODE = r"[a-z]{2}(?:-[a-z]+)+-\d"
AWSAPPS_HOST = re.compile(rf"^(?P<directory>{LABEL})\.awsapps\.com$")
DUAL_STACK_HOST = re.compile(
    rf"^(?P<instance>ssoins-[a-z0-9]+)\.portal\.(?P<region>{REGION_CODE})\.app\.aws$"
)
REGIONAL_HOST = re.compile(
    rf"^(?P<instance>ssoins-[a-z0-9]+)\.(?P<region>{REGION_CODE})\.portal\.amazonaws\.com$"
)
PORTAL_FORMS = (
    "https://d-xxxxxxxxxx.awsapps.com/start, https://<your subdomain>.awsapps.com/start or "
    "https://ssoins-<instance ID>.portal.<Region>.app.aws"
)
# An Identity Center directory ID: d- and 10 characters; an alias is a subdomain label.
DIRECTORY = re.compile(rf"^(?:d-[a-z0-9]{{10}}|{LABEL})$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
# What people write in a phone number: digits, a leading +, spaces, dots, hyphens, brackets.
PHONE = re.compile(r"^\+?[0-9 ().-]{3,}$")


@dataclass(frozen=True)
class IdentityProvider:
    """Where the organization's people sign in, and where they reset a password or MFA."""

    name: str
    password_reset_url: str = ""
    mfa_reset_url: str = ""


@dataclass(frozen=True)
class Helpdesk:
    """How to reach the organization's help desk: at least one way, and when it answers."""

    url: str = ""
    email: str = ""
    phone: str = ""
    chat: str = ""
    hours: str = ""

    @property
    def tel(self) -> str:
        """The phone number as a tel: link wants it: digits, and a leading + if written."""
        digits = re.sub(r"[^0-9]", "", self.phone)
        return ("+" if self.phone.startswith("+") else "") + digits

    @property
    def contacts(self) -> list[tuple[str, str, str]]:
        """Each way to reach it: (what it is, link target, link text), the quickest first."""
        found = []
        if self.phone:
            found.append(("Call", f"tel:{self.tel}", self.phone))
        if self.email:
            found.append(("Email", f"mailto:{self.email}", self.email))
        if self.chat:
            found.append(("Chat", self.chat, shown_url(self.chat)))
        if self.url:
            found.append(("Web", self.url, shown_url(self.url)))
        return found


@dataclass(frozen=True)
class Organization:
    """One organization's details, checked: what its edition of the site shows."""

    name: str
    portal_urls: tuple[str, ...]
    helpdesk: Helpdesk
    user_types: tuple[str, ...]
    identity_provider: IdentityProvider | None = None
    regions: tuple[str, ...] = ()
    identity_center_directory: str = ""

    @property
    def instance_ids(self) -> tuple[str, ...]:
        """The IAM Identity Center instance IDs its dual-stack or regional portal URLs name."""
        found = []
        for url in self.portal_urls:
            host = urlsplit(url).hostname or ""
            match = DUAL_STACK_HOST.match(host) or REGIONAL_HOST.match(host)
            if match:
                found.append(match.group("instance"))
        return tuple(dict.fromkeys(found))

    def placeholder_values(self) -> dict[str, tuple[str, ...]]:
        """The allow-list's placeholders (docs/allowlist.yml) this profile gives values for.

        The Sign-In guide writes the dual-stack portal's first label whole, ssoins- included;
        the IAM Identity Center guide writes ssoins- before the placeholder.
        """
        directory = (self.identity_center_directory,) if self.identity_center_directory else ()
        return {
            "Region": self.regions,
            "Directory ID or alias": directory,
            "IAM Identity Center instance ID": self.instance_ids,
            "IdC Instance ID": tuple(i.removeprefix("ssoins-") for i in self.instance_ids),
        }


def shown_url(url: str) -> str:
    """An address as a reader reads it aloud: no https://, no trailing slash."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/") + (f"?{parts.query}" if parts.query else "")


def parse_organization(
    raw: Any, label: str, user_types: Collection[str], regions: Collection[str]
) -> tuple[Organization | None, list[Problem]]:
    """The checked profile, or None and one problem per mistake.

    ``label`` names the config file; ``user_types`` and ``regions`` are the values allowed.
    """
    fields = Fields(label)
    if not isinstance(raw, dict):
        fields.bad(PREFIX.rstrip("."), "must be a mapping of the organization's details")
        return None, fields.problems
    fields.unknown(raw, TOP_LEVEL, PREFIX)
    name = fields.text(raw.get("name"), PREFIX + "name", required="is missing; give the name")
    portal_urls = _portal_urls(raw.get("portal_url"), fields)
    provider = _identity_provider(raw.get("identity_provider"), fields)
    helpdesk = _helpdesk(raw.get("helpdesk"), fields)
    if raw.get("user_types") is None:
        fields.bad(
            PREFIX + "user_types",
            f"is missing; list the kinds of user it has ({', '.join(user_types)})",
        )
    types = _known_list(
        raw.get("user_types"), "user_types", user_types, fields, f"one of {', '.join(user_types)}"
    )
    chosen_regions = _known_list(
        raw.get("regions"),
        "regions",
        regions,
        fields,
        "a commercial AWS Region code, such as us-east-1",
    )
    directory = _directory(raw.get("identity_center_directory"), fields)
    if fields.problems:
        return None, fields.problems
    organization = Organization(
        name=name,
        portal_urls=tuple(portal_urls),
        helpdesk=helpdesk,
        user_types=tuple(types),
        identity_provider=provider,
        regions=tuple(chosen_regions),
        identity_center_directory=directory,
    )
    return organization, []


def https_url_problem(value: Any) -> str | None:
    """Why a value is not an https address to link to, or None when it is."""
    shown = f"'{value}'" if isinstance(value, str) and value.isprintable() else repr(value)
    if not isinstance(value, str):
        return f"{shown} is not an https URL"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - reading it checks the port is a number
    except ValueError:
        return f"{shown} is not an https URL"
    if parts.scheme != "https" or not parts.hostname or parts.username or parts.password:
        return f"{shown} is not an https URL"
    if SYNTAX_CHARACTERS.search(value):
        return f"{shown} contains characters Markdown or HTML read as syntax; percent-encode them"
    return None


def portal_url_problem(value: Any) -> str | None:
    """Why a value is not an AWS access portal address, or None when it is."""
    problem = https_url_problem(value)
    if problem:
        return problem
    parts = urlsplit(value)
    host = parts.hostname or ""
    if AWSAPPS_HOST.match(host) and parts.path.rstrip("/") == "/start" and parts.port is None:
        return None
    if (DUAL_STACK_HOST.match(host) or REGIONAL_HOST.match(host)) and parts.port is None:
        return None
    return f"'{value}' is not an AWS access portal URL ({PORTAL_FORMS})"


def _portal_urls(value: Any, fields: Fields) -> list[str]:
    name = PREFIX + "portal_url"
    urls = [value] if isinstance(value, str) else value
    if not isinstance(urls, list) or not urls:
        fields.bad(name, "is missing; give the access portal URL, or a list of them")
        return []
    for number, url in enumerate(urls):
        problem = portal_url_problem(url)
        if problem:
            fields.bad(f"{name}[{number}]" if isinstance(value, list) else name, problem)
    return [str(url) for url in urls]


def _identity_provider(value: Any, fields: Fields) -> IdentityProvider | None:
    name = PREFIX + "identity_provider"
    if value is None:
        return None
    if not isinstance(value, dict):
        fields.bad(name, f"must be a mapping of {', '.join(IDENTITY_PROVIDER_FIELDS)}")
        return None
    fields.unknown(value, IDENTITY_PROVIDER_FIELDS, name + ".")
    title = fields.text(value.get("name"), name + ".name", required="is missing; give its name")
    urls = {
        key: _optional_url(value.get(key), f"{name}.{key}", fields)
        for key in IDENTITY_PROVIDER_FIELDS[1:]
    }
    return IdentityProvider(title, **urls)


def _helpdesk(value: Any, fields: Fields) -> Helpdesk:
    name = PREFIX + "helpdesk"
    if not isinstance(value, dict):
        fields.bad(name, f"is missing; give at least one of {', '.join(HELPDESK_CONTACTS)}")
        return Helpdesk()
    fields.unknown(value, HELPDESK_FIELDS, name + ".")
    if not any(value.get(key) is not None for key in HELPDESK_CONTACTS):
        fields.bad(
            name, f"gives no way to reach it; give at least one of {', '.join(HELPDESK_CONTACTS)}"
        )
    email = fields.text(value.get("email"), name + ".email")
    if email and not EMAIL.match(email):
        fields.bad(name + ".email", f"'{email}' is not an email address")
    # Unquoted, YAML reads a number without its + and spaces, and a tel: link would be wrong.
    phone = value.get("phone")
    if phone is not None and not isinstance(phone, str):
        fields.bad(name + ".phone", 'must be quoted text, such as "+1 206 555 0142"')
        phone = ""
    phone = fields.text(phone or None, name + ".phone")
    if phone and not PHONE.match(phone):
        fields.bad(
            name + ".phone",
            f"'{phone}' is not a phone number (digits, +, spaces, dots, hyphens, brackets)",
        )
    return Helpdesk(
        url=_optional_url(value.get("url"), name + ".url", fields),
        email=email,
        phone=phone,
        chat=_optional_url(value.get("chat"), name + ".chat", fields),
        hours=fields.text(value.get("hours"), name + ".hours"),
    )


def _optional_url(value: Any, name: str, fields: Fields) -> str:
    if value is None:
        return ""
    problem = https_url_problem(value)
    if problem:
        fields.bad(name, problem)
        return ""
    return str(value)


def _known_list(
    value: Any, key: str, known: Collection[str], fields: Fields, described: str
) -> list[str]:
    """The listed values, each checked against ``known``; ``described`` says what is allowed."""
    name = PREFIX + key
    items = fields.text_list(value, name)
    if isinstance(value, list) and not value:
        fields.bad(name, f"is empty; list at least one, each {described}")
    for item in items:
        if item not in known:
            fields.bad(name, f"'{item}' is not {described}")
    return list(dict.fromkeys(items))


def _directory(value: Any, fields: Fields) -> str:
    name = PREFIX + "identity_center_directory"
    directory = fields.text(value, name)
    if directory and not DIRECTORY.match(directory):
        fields.bad(
            name,
            f"'{directory}' is not a directory ID (d- and 10 characters) or an alias "
            "(lowercase letters, digits and hyphens)",
        )
    return directory
