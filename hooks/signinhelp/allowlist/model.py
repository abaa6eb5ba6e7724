"""The firewall allow-list schema: read docs/allowlist.yml, check each entry, keep it as plain data.

AWS spreads the domains that sign-in needs over several pages that don't agree. One checked data
file feeds the reference page, the topic's short table and every download, so they can't drift
apart. A typo in a pattern would hand a network team a rule that matches nothing, so the build
refuses it instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from signinhelp.fields import Fields
from signinhelp.problems import Problem, yaml_reason
from signinhelp.sources import Source
from signinhelp.topics.model import AUDIENCES
from signinhelp.yamlfile import load_yaml

# User type -> label. The kinds of user who sign in share the site's audience labels; the last
# two are the extra rows that AWS's own allow-list tables have. Order is the page's order.
USER_TYPES: dict[str, str] = {
    "root": AUDIENCES["root"],
    "iam": AUDIENCES["iam"],
    "identity-center": AUDIENCES["identity-center"],
    "builder-id": AUDIENCES["builder-id"],
    "amazon-retail": "Amazon.com shopping account",
    "sign-in-admin": "Administrator of sign-in policies (AWS CLI)",
}

# AWS gives the access portal two lists: one for its IPv4 endpoints, one for dual-stack.
PORTAL_USER_TYPE = "identity-center"
PORTAL_ENDPOINTS: dict[str, str] = {"ipv4": "IPv4", "dual-stack": "Dual-stack"}

# The placeholder that the per-Region downloads fill in.
REGION_PLACEHOLDER = "Region"

LISTS = ("domains", "email_senders")
TOP_LEVEL = ("placeholders", "sources", *LISTS)
ENTRY_REQUIRED = ("pattern", "users", "purpose", "sources")
ENTRY_OPTIONAL = {"domains": ("note", "portal_endpoints", "short"), "email_senders": ("note",)}

# How the parsers report a problem: (field, message).
Bad = Callable[[str, str], None]

PLACEHOLDER = re.compile(r"\[([^\[\]]*)\]")
# Split a host into labels at dots outside [placeholders].
LABEL_DOT = re.compile(r"\.(?![^\[]*\])")
LITERAL = re.compile(r"^[a-z0-9-]+$")
TOP_LABEL = re.compile(r"^[a-z]{2,}$")
PATH = re.compile(r"^[A-Za-z0-9._~/-]+$")
LOCAL_PART = re.compile(r"^[a-z0-9._+-]+$")
# YAML reads an unquoted leading * as an alias: the likeliest typo in this file.
UNQUOTED_STAR = re.compile(r":\s*\*")
# A spreadsheet opening the CSV download would run a cell that starts like this as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Entry:
    """One pattern to allow, who needs it, why, and which AWS pages list it."""

    kind: str  # "domain" (web filters) or "email" (spam filters)
    pattern: str
    users: tuple[str, ...]
    purpose: str
    sources: tuple[Source, ...]
    note: str = ""
    portal_endpoints: str = ""  # "", "ipv4" or "dual-stack"; "" means both
    short: bool = False  # shown in the short table on the "can't reach" topic


@dataclass(frozen=True)
class AllowList:
    """Every checked entry, in the order the data file gives them."""

    placeholders: dict[str, str]
    domains: tuple[Entry, ...]
    email_senders: tuple[Entry, ...]

    def user_types(self) -> list[str]:
        """User types that have at least one entry, in page order."""
        used = {user for entry in self.domains + self.email_senders for user in entry.users}
        return [user for user in USER_TYPES if user in used]

    def domains_for(self, user: str, endpoints: str = "") -> list[Entry]:
        """Domain entries one user type needs; ``endpoints`` keeps one portal list only."""
        return [
            e
            for e in self.domains
            if user in e.users and (not endpoints or e.portal_endpoints in ("", endpoints))
        ]

    def email_for(self, user: str) -> list[Entry]:
        """Email senders one user type gets mail from."""
        return [e for e in self.email_senders if user in e.users]


def fill_region(pattern: str, region: str) -> str:
    """A pattern with its [Region] placeholder replaced by one Region code."""
    return pattern.replace(f"[{REGION_PLACEHOLDER}]", region)


def domain_pattern_problems(pattern: str, placeholders: dict[str, str]) -> list[str]:
    """What is wrong with a web pattern: lowercase labels, whole-label '*', known placeholders."""
    if "://" in pattern:
        return ["has a scheme; write the host name only, without https://"]
    messages = _placeholder_problems(pattern, placeholders)
    host, slash, path = pattern.partition("/")
    if ":" in host:
        messages.append("has a port; write the host name only")
        return messages
    labels = LABEL_DOT.split(host)
    if len(labels) < 2:
        messages.append("needs at least two labels, as in example.com")
    for label in labels:
        message = _label_problem(label)
        if message:
            messages.append(message)
    if len(labels) > 1 and labels[-1] and not TOP_LABEL.match(labels[-1]):
        messages.append(f"must end in a top-level domain such as .com, not '{labels[-1]}'")
    if slash and not PATH.match(path):
        messages.append(f"path '/{path}' may use only letters, digits and . _ ~ / -")
    return messages


def email_pattern_problems(pattern: str) -> list[str]:
    """What is wrong with a sender: 'name@domain' or a bare domain, no wildcard or placeholder."""
    local, at, host = pattern.rpartition("@")
    if at and not LOCAL_PART.match(local):
        return [f"'{local}' before @ may use only a-z, 0-9 and . _ + -"]
    if "*" in host or "[" in host:
        return ["a sender takes no '*' or [placeholder]: give a domain or one address"]
    messages = [m for label in host.split(".") if (m := _label_problem(label))]
    if len(host.split(".")) < 2:
        messages.append("needs a domain with at least two labels, as in example.com")
    return messages


def parse_allowlist(text: str, label: str) -> tuple[AllowList | None, list[Problem]]:
    """Read the allow-list data file; return it, or None with every problem found.

    ``label`` is how messages name the file (a path relative to the project).
    """
    try:
        data = load_yaml(text)
    except yaml.YAMLError as error:
        message = f"is not valid YAML ({yaml_reason(error)})"
        if UNQUOTED_STAR.search(_error_line(text, error)):
            message += "; put quotes around a pattern that starts with *"
        return None, [Problem(label, "file", message)]
    if not isinstance(data, dict):
        return None, [Problem(label, "file", f"must be a mapping with {', '.join(TOP_LEVEL)}")]

    fields = Fields(label)
    bad = fields.bad
    fields.unknown(data, TOP_LEVEL, kind="section")
    placeholders = _text_map(data, "placeholders", bad)
    sources = _sources(data, fields)
    lists = {name: _entries(data, name, placeholders, sources, fields) for name in LISTS}
    if not fields.problems:
        # Only now: an entry dropped for another mistake would make its source look unused.
        _check_unused(lists, placeholders, sources, bad)
    if fields.problems:
        return None, fields.problems
    return AllowList(placeholders, tuple(lists["domains"]), tuple(lists["email_senders"])), []


def _placeholder_problems(pattern: str, placeholders: dict[str, str]) -> list[str]:
    known = ", ".join(f"[{name}]" for name in placeholders) or "none defined"
    return [
        f"placeholder [{name}] is not one of {known}"
        for name in PLACEHOLDER.findall(pattern)
        if name not in placeholders
    ]


def _label_problem(label: str) -> str:
    if label == "":
        return "has an empty label (two dots in a row, or a dot at an end)"
    if label == "*":
        return ""
    if "*" in label:
        return f"label '{label}': '*' must be a whole label, as in *.example.com"
    # A placeholder stands for lowercase text; check the letters around it.
    bare = PLACEHOLDER.sub("x", label)
    if bare != bare.lower():
        return f"label '{label}' must be lowercase"
    if not LITERAL.match(bare):
        return f"label '{label}' may use only a-z, 0-9 and hyphens"
    if bare.startswith("-") or bare.endswith("-"):
        return f"label '{label}' must not start or end with a hyphen"
    return ""


def _text_map(data: dict[str, Any], name: str, bad: Bad) -> dict[str, str]:
    value = data.get(name)
    if value is None:
        bad(name, "is required")
        return {}
    if not isinstance(value, dict):
        bad(name, "must be a mapping of name: explanation")
        return {}
    result = {}
    for key, text in value.items():
        if not isinstance(key, str) or not key.strip() or "[" in key or "]" in key:
            bad(f"{name}.{key}", "name must be text without brackets")
        elif not isinstance(text, str) or not text.strip():
            bad(f"{name}.{key}", "must be non-empty text")
        else:
            result[key] = text.strip()
    return result


def _sources(data: dict[str, Any], fields: Fields) -> dict[str, Source]:
    value = data.get("sources")
    if value is None:
        fields.bad("sources", "is required")
        return {}
    if not isinstance(value, dict):
        fields.bad("sources", "must be a mapping of key: {title, url}")
        return {}
    # Kept even when wrong, so the entries citing it don't each report it as unknown.
    found = {str(key): fields.source(entry, f"sources.{key}") for key, entry in value.items()}
    return {key: source for key, source in found.items() if source}


def _entries(
    data: dict[str, Any],
    name: str,
    placeholders: dict[str, str],
    sources: dict[str, Source],
    fields: Fields,
) -> list[Entry]:
    value = data.get(name)
    if value is None:
        fields.bad(name, "is required")
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        fields.bad(name, "must be a list of entries, each with pattern, users, purpose and sources")
        return []
    entries: list[Entry] = []
    # (pattern, user) -> where it was first listed, to catch the same rule given twice.
    seen: dict[tuple[str, str], str] = {}
    for number, item in enumerate(value, 1):
        where = f"{name}[{number}]"
        entry = _entry(item, name, where, placeholders, sources, fields)
        if entry is None:
            continue
        for user in entry.users:
            first = seen.setdefault((entry.pattern, user), where)
            if first != where:
                message = f"'{entry.pattern}' is already listed for {user} by {first}"
                fields.bad(f"{where}.pattern", message)
        entries.append(entry)
    return entries


def _entry(
    item: dict[str, Any],
    name: str,
    where: str,
    placeholders: dict[str, str],
    sources: dict[str, Source],
    fields: Fields,
) -> Entry | None:
    before = len(fields.problems)

    def fail(field_name: str, message: str) -> None:
        fields.bad(f"{where}.{field_name}", message)

    optional = ENTRY_OPTIONAL[name]
    for field_name in ENTRY_REQUIRED:
        if item.get(field_name) in (None, "", []):
            fail(field_name, "is required")
    fields.unknown(item, ENTRY_REQUIRED + optional, prefix=where + ".")

    pattern = item.get("pattern")
    if pattern is not None and not isinstance(pattern, str):
        fail("pattern", "must be text")
    elif isinstance(pattern, str) and pattern:
        if name == "domains":
            check = domain_pattern_problems(pattern, placeholders)
        else:
            check = email_pattern_problems(pattern)
        for message in check:
            fail("pattern", f"'{pattern}': {message}")
    users = _users(item.get("users"), fail)
    purpose = _plain_text(item, "purpose", fields, where)
    note = _plain_text(item, "note", fields, where)
    entry_sources = _entry_sources(item.get("sources"), sources, fail)
    endpoints = item.get("portal_endpoints") or ""
    if endpoints and (not isinstance(endpoints, str) or endpoints not in PORTAL_ENDPOINTS):
        fail("portal_endpoints", f"'{endpoints}' is not one of {', '.join(PORTAL_ENDPOINTS)}")
    elif endpoints and users != (PORTAL_USER_TYPE,):
        only = PORTAL_USER_TYPE
        fail("portal_endpoints", f"applies to {only} only; set users: [{only}]")
    short = item.get("short", False)
    if not isinstance(short, bool):
        fail("short", f"'{short}' must be true or false")
    if len(fields.problems) > before or not isinstance(pattern, str):
        return None
    kind = "domain" if name == "domains" else "email"
    return Entry(kind, pattern, users, purpose, entry_sources, note, endpoints, short)


def _users(value: Any, fail: Bad) -> tuple[str, ...]:
    if value is None or value == []:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        fail("users", f"must be a list of user types ({', '.join(USER_TYPES)})")
        return ()
    for user in value:
        if user not in USER_TYPES:
            fail("users", f"'{user}' is not one of {', '.join(USER_TYPES)}")
    if len(set(value)) != len(value):
        fail("users", "lists a user type twice")
    return tuple(value)


def _plain_text(item: dict[str, Any], name: str, fields: Fields, where: str) -> str:
    value = item.get(name)
    # An empty required field is reported as required already.
    value = fields.text(None if value == "" else value, f"{where}.{name}")
    if value.startswith(FORMULA_START):
        first = value[0]
        fields.bad(
            f"{where}.{name}",
            f"starts with '{first}', which a spreadsheet would run as a formula; reword it",
        )
    return value


def _entry_sources(value: Any, sources: dict[str, Source], fail: Bad) -> tuple[Source, ...]:
    if value is None or value == []:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        fail("sources", "must be a list of keys from the sources section")
        return ()
    for key in value:
        if key not in sources:
            known = ", ".join(sources) or "none defined"
            fail("sources", f"'{key}' is not a key of the sources section (known: {known})")
    return tuple(sources[key] for key in value if key in sources)


def _check_unused(
    lists: dict[str, list[Entry]],
    placeholders: dict[str, str],
    sources: dict[str, Source],
    bad: Bad,
) -> None:
    # An unused definition is usually a typo on the entry that meant to use it.
    entries = [entry for entries in lists.values() for entry in entries]
    used_names = {name for e in entries for name in PLACEHOLDER.findall(e.pattern)}
    cited = {source for e in entries for source in e.sources}
    used_sources = {key for key, source in sources.items() if source in cited}
    for name in placeholders:
        if name not in used_names:
            bad(f"placeholders.{name}", "is not used by any pattern")
    for key in sources:
        if key not in used_sources:
            bad(f"sources.{key}", "is not used by any entry")


def _error_line(text: str, error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    lines = text.splitlines()
    return lines[mark.line] if mark and mark.line < len(lines) else ""
