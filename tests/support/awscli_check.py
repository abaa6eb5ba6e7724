"""Check an AWS CLI command against botocore's service models, the data the AWS CLI is built from.

The CLI turns each operation of a service model into a command (`ListMFADevices` becomes
`list-mfa-devices`) and each input member into an option (`UserName` becomes `--user-name`).
A command on this site is correct when its service and operation exist, every option is an
input member, a global option or a known CLI addition, and, when the command is meant to be
pasted as it is, every required member is given. Commands that only AWS CLI v2 has are listed
here by hand, each with the reason it can't be checked.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from botocore import xform_name
from botocore.exceptions import DataNotFoundError, UnknownServiceError
from botocore.model import Shape
from botocore.session import Session

# Commands of AWS CLI v2 that no service model describes. Keyed by their leading words.
CLI_V2_ONLY: dict[tuple[str, ...], str] = {
    ("login",): "AWS CLI v2 command that turns a console sign-in into short-lived CLI "
    "credentials; no service model has a 'login' service",
    ("sso", "login"): "AWS CLI v2 command that opens the IAM Identity Center sign-in in a "
    "browser; the 'sso' service model has no 'login' operation",
    ("configure", "sso"): "AWS CLI v2 command that writes an IAM Identity Center profile to "
    "the local config file; 'configure' is part of the CLI, not a service",
}

# Commands of the AWS CLI itself, v1 and v2 alike, that no service model describes. The tests
# find each one in AWS CLI v1's own command table instead.
CLI_OWN: dict[tuple[str, ...], str] = {
    ("--version",): "prints the version of the AWS CLI; a global option, not a service",
    ("configure", "list"): "shows where the AWS CLI finds each setting and credential; "
    "'configure' is part of the CLI, not a service",
}

# Options every command accepts, and whether each takes a value.
GLOBAL_OPTIONS: dict[str, bool] = {
    "query": True,
    "output": True,
    "region": True,
    "profile": True,
    "endpoint-url": True,
    "no-paginate": False,
    "debug": False,
}

# Options the CLI adds to every operation: read the input from a file, or print a skeleton.
INPUT_OPTIONS: frozenset[str] = frozenset({"cli-input-json", "generate-cli-skeleton"})

# Options the CLI adds to operations that return their results in pages.
PAGINATION_OPTIONS: frozenset[str] = frozenset({"starting-token", "page-size", "max-items"})

# Options the CLI adds to single operations: (service, operation) -> option -> required.
CUSTOMIZATIONS: dict[tuple[str, str], dict[str, bool]] = {
    # The CLI writes the new device's QR code or seed to a file instead of printing it.
    ("iam", "create-virtual-mfa-device"): {"outfile": True, "bootstrap-method": True},
}


def cli_v2_only_reason(words: Sequence[str]) -> str | None:
    """Why a command can't be checked against a service model, or None if it can."""
    return _reason(words, CLI_V2_ONLY)


def cli_own_reason(words: Sequence[str]) -> str | None:
    """Why a command is the CLI's own rather than a service's, or None if it is a service's."""
    return _reason(words, CLI_OWN)


def _reason(words: Sequence[str], table: dict[tuple[str, ...], str]) -> str | None:
    for prefix, reason in table.items():
        if tuple(words[: len(prefix)]) == prefix:
            return reason
    return None


def check_command(words: Sequence[str], session: Session, complete: bool = True) -> list[str]:
    """Everything wrong with one command (the words after "aws"); empty when it is right.

    ``complete`` asks for every required parameter too: off for commands named in a sentence.
    """
    if cli_v2_only_reason(words) or cli_own_reason(words):
        return []
    positional, options = _split(words)
    if len(positional) < 2:
        return ["names no service and operation"]
    service, operation = positional[:2]
    services = session.get_available_services()
    if service not in services:
        return [f"'{service}' is not an AWS CLI service{_suggest(service, services)}"]
    model = session.get_service_model(service)
    operations = {xform_name(name, "-"): name for name in model.operation_names}
    if operation not in operations:
        return [f"'{service}' has no operation '{operation}'{_suggest(operation, operations)}"]
    operation_model = model.operation_model(operations[operation])
    members = _member_options(operation_model.input_shape)
    allowed = set(members) | set(GLOBAL_OPTIONS) | INPUT_OPTIONS
    allowed |= {f"no-{name}" for name, boolean in members.items() if boolean}
    if _paginated(session, service, operation_model.name):
        allowed |= PAGINATION_OPTIONS
    extra = CUSTOMIZATIONS.get((service, operation), {})
    allowed |= set(extra)
    problems = [
        f"--{name} is not an option of {service} {operation}{_suggest(name, allowed, '--')}"
        for name in options
        if name not in allowed
    ]
    if complete and not options & INPUT_OPTIONS:
        required = [xform_name(m, "-") for m in _required(operation_model.input_shape)]
        required += [name for name, needed in extra.items() if needed]
        problems += [
            f"{service} {operation} needs --{name}"
            for name in required
            if name not in options and f"no-{name}" not in options
        ]
    return problems


def _split(words: Sequence[str]) -> tuple[list[str], set[str]]:
    """Positional words (service, operation, option values) and the option names used."""
    positional: list[str] = []
    options: set[str] = set()
    skip_value = False
    for word in words:
        if word.startswith("--"):
            name = word[2:].split("=", 1)[0]
            options.add(name)
            # A global option's value may come before the service, as in `aws --region x iam`.
            skip_value = GLOBAL_OPTIONS.get(name, False) and "=" not in word and len(positional) < 2
        elif skip_value:
            skip_value = False
        else:
            positional.append(word)
    return positional, options


def _member_options(shape: Shape | None) -> dict[str, bool]:
    """Each input member's option name, and whether it is a boolean (which also has --no-)."""
    if shape is None:
        return {}
    return {xform_name(name, "-"): m.type_name == "boolean" for name, m in shape.members.items()}


def _required(shape: Shape | None) -> list[str]:
    return list(shape.required_members) if shape is not None else []


def _paginated(session: Session, service: str, operation: str) -> bool:
    try:
        return session.get_paginator_model(service).get_paginator(operation) is not None
    except (DataNotFoundError, UnknownServiceError, ValueError):
        return False


def _suggest(word: str, choices, prefix: str = "") -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {prefix}{close[0]}?)" if close else ""
