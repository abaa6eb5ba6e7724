"""Check IAM policy documents the way IAM would before a reader pastes one into their account.

A policy that IAM refuses, or worse one that IAM accepts but that names a condition key which
doesn't exist, silently protects nothing. This module checks the grammar (version, statement
elements, value types), the condition operators and keys, and, where the caller supplies the
list of a service's actions, that every action exists.
"""

from __future__ import annotations

import fnmatch
import ipaddress
import json
import re
from collections.abc import Collection, Mapping
from typing import Any

VERSION = "2012-10-17"
KINDS = ("identity", "resource")

# The condition keys examples on this site may use, with the type of value each key holds.
CONDITION_KEYS: dict[str, str] = {
    "aws:MultiFactorAuthPresent": "Bool",
    "aws:MultiFactorAuthAge": "Numeric",
    "aws:SourceIp": "IP",
    "aws:SourceVpc": "String",
    "aws:PrincipalArn": "ARN",
    "aws:PrincipalAccount": "String",
    "aws:PrincipalOrgID": "String",
    "aws:RequestedRegion": "String",
    "aws:ResourceAccount": "String",
    "aws:ViaAWSService": "Bool",
    "sts:TaskPolicyArn": "ARN",
    "signin:PrincipalArn": "ARN",
}

# Variables that IAM fills in when it evaluates a policy, as in arn:aws:iam::*:user/${aws:username}.
POLICY_VARIABLES: frozenset[str] = frozenset({"aws:username", "aws:userid"})

# Condition operators and the type of key each compares. Null tests whether a key is present.
OPERATORS: dict[str, str] = {
    **{
        name: "String"
        for name in (
            "StringEquals",
            "StringNotEquals",
            "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase",
            "StringLike",
            "StringNotLike",
        )
    },
    **{
        name: "Numeric"
        for name in (
            "NumericEquals",
            "NumericNotEquals",
            "NumericLessThan",
            "NumericLessThanEquals",
            "NumericGreaterThan",
            "NumericGreaterThanEquals",
        )
    },
    **{name: "ARN" for name in ("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike")},
    "Bool": "Bool",
    "IpAddress": "IP",
    "NotIpAddress": "IP",
    "Null": "Null",
}

_STATEMENT_KEYS = (
    "Sid",
    "Effect",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Principal",
    "NotPrincipal",
    "Condition",
)
_ACTION = re.compile(r"^(?P<service>[a-z0-9-]+):(?P<name>[A-Za-z0-9*?]+)$")
_SID = re.compile(r"^[A-Za-z0-9]+$")
_VARIABLE = re.compile(r"\$\{([^}]*)\}")
_PRINCIPAL_TYPES = ("AWS", "Service", "Federated", "CanonicalUser")


def parse_policy(text: str) -> tuple[dict[str, Any] | None, list[str]]:
    """Read a policy from JSON text; IAM refuses duplicate keys, so they are problems too."""
    duplicates: list[str] = []

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in pairs]
        duplicates.extend(f"'{k}' appears twice in one object" for k in keys if keys.count(k) > 1)
        return dict(pairs)

    try:
        document = json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as error:
        return None, [f"is not valid JSON ({error.msg} at line {error.lineno})"]
    if not isinstance(document, dict):
        return None, ["must be a JSON object"]
    return document, sorted(set(duplicates))


def check_policy(
    document: dict[str, Any],
    kind: str = "identity",
    known_actions: Mapping[str, Collection[str]] | None = None,
) -> list[str]:
    """Every problem in a parsed policy, each starting with where it is.

    ``kind`` is "identity" for policies attached to users, groups and roles (and SCPs, which
    share their grammar): each statement needs a Resource and may not name a Principal. It is
    "resource" for resource-based policies such as a role's trust policy: each statement names
    a Principal. ``known_actions`` maps a service prefix ("iam") to its action names; actions
    of those services must exist.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    problems = [
        f"'{key}' is not a policy element"
        for key in document
        if key not in ("Version", "Id", "Statement")
    ]
    if document.get("Version") != VERSION:
        problems.append(f'Version must be "{VERSION}", not {json.dumps(document.get("Version"))}')
    statements = document.get("Statement")
    if isinstance(statements, dict):
        statements = [statements]
    if not isinstance(statements, list) or not statements:
        return [*problems, "Statement must be a statement or a non-empty list of them"]
    sids: list[str] = []
    for number, statement in enumerate(statements, 1):
        where = f"Statement {number}"
        if not isinstance(statement, dict):
            problems.append(f"{where}: must be an object")
            continue
        if isinstance(statement.get("Sid"), str):
            sids.append(statement["Sid"])
        problems += [f"{where}: {p}" for p in _statement(statement, kind, known_actions)]
    problems += [f"Sid '{sid}' is used twice" for sid in sorted(set(sids)) if sids.count(sid) > 1]
    return problems


def _statement(
    statement: dict[str, Any], kind: str, known: Mapping[str, Collection[str]] | None
) -> list[str]:
    problems = [
        f"'{key}' is not a statement element" for key in statement if key not in _STATEMENT_KEYS
    ]
    sid = statement.get("Sid")
    if sid is not None and (not isinstance(sid, str) or not _SID.match(sid)):
        problems.append(f"Sid {json.dumps(sid)} must be letters and digits only")
    effect = statement.get("Effect")
    if effect not in ("Allow", "Deny"):
        problems.append(f'Effect must be "Allow" or "Deny", not {json.dumps(effect)}')
    problems += _exactly_one(statement, "Action", "NotAction")
    if kind == "resource":
        problems += _exactly_one(statement, "Principal", "NotPrincipal")
    else:
        problems += _exactly_one(statement, "Resource", "NotResource")
        problems += [
            f"an identity-based policy can't name a {key}"
            for key in ("Principal", "NotPrincipal")
            if key in statement
        ]
    checks = {
        "Action": lambda value: _actions(value, known),
        "NotAction": lambda value: _actions(value, known),
        "Resource": _resources,
        "NotResource": _resources,
        "Principal": _principal,
        "NotPrincipal": _principal,
    }
    for key, check in checks.items():
        if key in statement:
            problems += [f"{key}: {problem}" for problem in check(statement[key])]
    if "Condition" in statement:
        problems += _condition(statement["Condition"])
    return problems


def _exactly_one(statement: dict[str, Any], first: str, second: str) -> list[str]:
    count = (first in statement) + (second in statement)
    return [] if count == 1 else [f"needs exactly one of {first} and {second}, found {count}"]


def _strings(value: Any) -> list[str] | None:
    """A string or a non-empty list of strings, as a list; None when it is neither."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return value
    return None


def _actions(value: Any, known: Mapping[str, Collection[str]] | None) -> list[str]:
    actions = _strings(value)
    if actions is None:
        return ["must be a string or a non-empty list of strings"]
    problems = []
    for action in actions:
        match = _ACTION.match(action)
        if action == "*":
            continue
        if not match:
            problems.append(f"'{action}' is not of the form service:ActionName")
            continue
        names = [name.lower() for name in (known or {}).get(match["service"], ())]
        if names and not fnmatch.filter(names, match["name"].lower()):
            problems.append(f"'{action}' matches no {match['service']} action")
    return problems


def _resources(value: Any) -> list[str]:
    resources = _strings(value)
    if resources is None:
        return ["must be a string or a non-empty list of strings"]
    problems = []
    for resource in resources:
        if resource != "*" and not (resource.startswith("arn:") and resource.count(":") >= 5):
            problems.append(f"'{resource}' is neither \"*\" nor an ARN")
        problems += [
            f"'${{{name}}}' is not a known policy variable"
            for name in _VARIABLE.findall(resource)
            if name not in POLICY_VARIABLES
        ]
    return problems


def _principal(value: Any) -> list[str]:
    if value == "*":
        return []
    if not isinstance(value, dict) or not value:
        return ['must be "*" or an object such as {"AWS": "arn:..."}']
    problems = [
        f"'{kind}' is not one of {', '.join(_PRINCIPAL_TYPES)}"
        for kind in value
        if kind not in _PRINCIPAL_TYPES
    ]
    problems += [
        f"{kind} must be a string or a non-empty list of strings"
        for kind, ids in value.items()
        if _strings(ids) is None
    ]
    return problems


def _condition(condition: Any) -> list[str]:
    if not isinstance(condition, dict) or not condition:
        return ["Condition must be an object of operators"]
    problems = []
    for operator, tests in condition.items():
        where = f"Condition.{operator}"
        family = _operator_family(operator)
        if family is None:
            problems.append(f"{where}: '{operator}' is not a condition operator")
            continue
        if not isinstance(tests, dict) or not tests:
            problems.append(f"{where}: must map condition keys to values")
            continue
        for key, values in tests.items():
            problems += [f"{where}.{key}: {p}" for p in _test(family, key, values)]
    return problems


def _operator_family(operator: str) -> str | None:
    """The key type an operator compares, allowing ForAllValues:/ForAnyValue: and IfExists."""
    base = operator
    if operator.startswith(("ForAllValues:", "ForAnyValue:")):
        base = operator.split(":", 1)[1]
    if base.endswith("IfExists") and base != "NullIfExists":
        base = base[: -len("IfExists")]
    return OPERATORS.get(base)


def _test(family: str, key: str, value: Any) -> list[str]:
    key_type = CONDITION_KEYS.get(key)
    if key_type is None:
        return [f"'{key}' is not a known condition key (known: {', '.join(CONDITION_KEYS)})"]
    if family != "Null" and family != key_type and not (key_type == "ARN" and family == "String"):
        return [f"a {family} operator can't compare {key}, which holds {key_type} values"]
    values = value if isinstance(value, list) and value else [value]
    return [
        f"{json.dumps(v)} is not a valid {family} value" for v in values if not _valid(family, v)
    ]


def _valid(family: str, value: Any) -> bool:
    if isinstance(value, bool):
        return family in ("Bool", "Null")
    if not isinstance(value, str | int) or (isinstance(value, int) and family != "Numeric"):
        return False
    text = str(value)
    if family in ("Bool", "Null"):
        return text.lower() in ("true", "false")
    if family == "Numeric":
        return text.lstrip("-").isdigit()
    if family == "IP":
        try:
            ipaddress.ip_network(text, strict=False)
        except ValueError:
            return False
        return True
    if family == "ARN":
        return text.startswith("arn:") or text == "*"
    return bool(text)
