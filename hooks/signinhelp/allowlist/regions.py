"""The commercial AWS Regions, taken from botocore's endpoint data rather than typed by hand.

A hand-typed list would silently miss the next Region AWS opens; botocore ships AWS's own
endpoint data, and its exact pin in requirements.txt keeps a build repeatable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from botocore.loaders import create_loader

# botocore's name for the commercial partition (the others are China, GovCloud and the like).
COMMERCIAL_PARTITION = "aws"


@dataclass(frozen=True)
class Region:
    """One Region: its code, as patterns use it, and the name AWS gives it."""

    code: str
    name: str


def commercial_regions(endpoints: Mapping[str, Any]) -> list[Region]:
    """Regions of the commercial partition in botocore's endpoints data, sorted by code."""
    for partition in endpoints.get("partitions", []):
        if partition.get("partition") == COMMERCIAL_PARTITION:
            regions = partition.get("regions", {})
            names = {code: str(info.get("description", code)) for code, info in regions.items()}
            return [Region(code, names[code]) for code in sorted(names)]
    return []


def load_commercial_regions() -> list[Region]:
    """Read botocore/data/endpoints.json through botocore's own loader."""
    return commercial_regions(create_loader().load_data("endpoints"))
