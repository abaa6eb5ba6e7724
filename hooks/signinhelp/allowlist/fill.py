"""The allow-list with an organization's own values in place of AWS's placeholders.

A network team pastes a list into its filter as it is: a pattern still holding `[Region]`
matches nothing. With the organization's Regions and directory known, each pattern becomes
one line per value, and the page says which placeholders were filled in.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import replace

from signinhelp.allowlist.model import PLACEHOLDER, AllowList, Entry


def fill_placeholders(
    allowlist: AllowList, values: Mapping[str, Sequence[str]], owner: str
) -> AllowList:
    """Each entry once per combination of the values its placeholders take.

    A placeholder without values stays as AWS writes it; ``owner`` names whose values they
    are, in what the page says about each filled placeholder.
    """
    known = {name: tuple(found) for name, found in values.items() if found}
    return AllowList(
        placeholders={
            name: (f"Filled in for {owner}: {', '.join(known[name])}." if name in known else text)
            for name, text in allowlist.placeholders.items()
        },
        domains=tuple(filled for entry in allowlist.domains for filled in _filled(entry, known)),
        email_senders=tuple(
            filled for entry in allowlist.email_senders for filled in _filled(entry, known)
        ),
    )


def _filled(entry: Entry, values: Mapping[str, tuple[str, ...]]) -> list[Entry]:
    names = [name for name in dict.fromkeys(PLACEHOLDER.findall(entry.pattern)) if name in values]
    entries = []
    for combination in itertools.product(*(values[name] for name in names)):
        pattern = entry.pattern
        for name, value in zip(names, combination, strict=True):
            pattern = pattern.replace(f"[{name}]", value)
        entries.append(replace(entry, pattern=pattern))
    return entries
