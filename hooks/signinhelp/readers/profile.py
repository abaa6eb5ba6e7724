"""Which kinds of users an organization has, read from its configuration in one place."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def user_types(extra: Mapping[str, Any]) -> frozenset[str] | None:
    """The audience ids under ``extra.organization.user_types``; None for the public edition.

    An organization that lists no user types gets every page, as the public edition does.
    """
    organization = extra.get("organization")
    if not isinstance(organization, Mapping):
        return None
    value = organization.get("user_types")
    if not isinstance(value, list):
        return None
    return frozenset(str(item) for item in value)
