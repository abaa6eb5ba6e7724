"""The allow-list downloads: each one parses and says exactly what the data file says."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import botocore
import pytest
import yaml

from signinhelp.allowlist.regions import Region, commercial_regions, load_commercial_regions
from sitetools.paths import ROOT

DATA = ROOT / "docs" / "allowlist.yml"
DOWNLOADS = "admin/downloads"


def raw_data() -> dict:
    """The data file read straight with YAML, not through the code under test."""
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def expected_records() -> list[dict]:
    """Every entry as the downloads must give it: source keys resolved to title and URL."""
    data = raw_data()
    records = []
    for kind, section in (("domain", "domains"), ("email", "email_senders")):
        for entry in data[section]:
            records.append(
                {
                    "type": kind,
                    "pattern": entry["pattern"],
                    "users": entry["users"],
                    "portal_endpoints": entry.get("portal_endpoints", ""),
                    "purpose": entry["purpose"],
                    "note": entry.get("note", ""),
                    "sources": [data["sources"][key] for key in entry["sources"]],
                }
            )
    return records


def domain_patterns(user: str | None = None, endpoints: str = "") -> list[str]:
    """Patterns in data order, each once, for one user type (None: everyone)."""
    patterns = []
    for entry in raw_data()["domains"]:
        if user is not None and user not in entry["users"]:
            continue
        # An entry without portal_endpoints is on both of the portal's lists.
        if endpoints and entry.get("portal_endpoints", endpoints) != endpoints:
            continue
        patterns.append(entry["pattern"])
    return list(dict.fromkeys(patterns))


def lines_of(site: Path, name: str) -> list[str]:
    text = (site / DOWNLOADS / name).read_text(encoding="utf-8")
    assert text.endswith("\n")
    return text.splitlines()


def test_data_file_is_not_published(site: Path) -> None:
    assert not (site / "allowlist.yml").exists()


def test_text_list_for_everyone(site: Path) -> None:
    assert lines_of(site, "allow-list.txt") == domain_patterns()


@pytest.mark.parametrize(
    "user", ["root", "iam", "identity-center", "builder-id", "amazon-retail", "sign-in-admin"]
)
def test_text_list_per_user_type(site: Path, user: str) -> None:
    assert lines_of(site, f"allow-list-{user}.txt") == domain_patterns(user)


@pytest.mark.parametrize("endpoints", ["ipv4", "dual-stack"])
def test_text_list_per_portal_endpoint_kind(site: Path, endpoints: str) -> None:
    name = f"allow-list-identity-center-{endpoints}.txt"
    assert lines_of(site, name) == domain_patterns("identity-center", endpoints)


def test_email_senders_list(site: Path) -> None:
    assert lines_of(site, "email-senders.txt") == [
        entry["pattern"] for entry in raw_data()["email_senders"]
    ]


def test_csv_reads_back_to_the_data(site: Path) -> None:
    text = (site / DOWNLOADS / "allow-list.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [
        {
            **row,
            "users": row["users"].split(" "),
            "sources": row["sources"].split(" "),
        }
        for row in rows
    ] == [
        {**record, "sources": [source["url"] for source in record["sources"]]}
        for record in expected_records()
    ]


def test_json_reads_back_to_the_data(site: Path) -> None:
    document = json.loads((site / DOWNLOADS / "allow-list.json").read_text(encoding="utf-8"))
    assert document["entries"] == expected_records()
    assert document["placeholders"] == raw_data()["placeholders"]
    assert set(document["user_types"]) == {
        user for record in expected_records() for user in record["users"]
    }


def test_a_list_per_commercial_region_with_the_region_filled_in(site: Path) -> None:
    regions = load_commercial_regions()
    files = sorted(p.name for p in (site / DOWNLOADS / "regions").iterdir())
    assert files == sorted(f"allow-list-{region.code}.txt" for region in regions)
    lines = lines_of(site, "regions/allow-list-eu-west-1.txt")
    assert "eu-west-1.signin.aws" in lines
    assert "signin.eu-west-1.api.aws" in lines
    assert "*.sso-portal.eu-west-1.amazonaws.com" in lines
    # Placeholders a network team must fill in itself stay as AWS writes them.
    assert "[Directory ID or alias].awsapps.com" in lines
    assert not [line for line in lines if "[Region]" in line]
    expected = [p.replace("[Region]", "eu-west-1") for p in domain_patterns()]
    assert lines == list(dict.fromkeys(expected))


def test_regions_come_from_botocore_endpoint_data() -> None:
    path = Path(botocore.__file__).parent / "data" / "endpoints.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    (aws,) = [p for p in data["partitions"] if p["partition"] == "aws"]
    regions = load_commercial_regions()
    assert [r.code for r in regions] == sorted(aws["regions"])
    assert Region("us-east-1", "US East (N. Virginia)") in regions
    assert not [r for r in regions if r.code.startswith(("cn-", "us-gov-", "us-iso"))]


def test_only_the_commercial_partition_counts() -> None:
    endpoints = {
        "partitions": [
            {"partition": "aws-cn", "regions": {"cn-north-1": {"description": "Beijing"}}},
            {
                "partition": "aws",
                "regions": {"us-west-2": {"description": "Oregon"}, "af-south-1": {}},
            },
        ]
    }
    assert commercial_regions(endpoints) == [
        Region("af-south-1", "af-south-1"),
        Region("us-west-2", "Oregon"),
    ]
    assert commercial_regions({"partitions": []}) == []
