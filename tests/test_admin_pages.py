"""The administrator FAQ and checklist: every answer leads to a check, and every check is sound.

A reader must be able to go from any FAQ answer to the checklist item and the command that
checks it, and from there to the control IDs an auditor asks about. Anchors are explicit in
the source so that links from elsewhere keep working when a question is reworded.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from signinhelp.sources import is_official_aws_url
from sitetools.paths import ROOT

FAQ_SOURCE = ROOT / "docs" / "admin" / "faq.md"
CHECKLIST_SOURCE = ROOT / "docs" / "admin" / "checklist.md"

# Questions other pages and bookmarks may link to: their anchors must not change.
FAQ_ANCHORS = [
    # The five questions of the source document, in our words.
    "first-steps",
    "add-mfa",
    "stop-console-access",
    "most-secure-access",
    "new-user-credentials",
    # What section 4 of the fact sheet answers.
    "root-mfa",
    "root-access-keys",
    "root-custody",
    "centralized-root-access",
    "root-sign-in-alerts",
    "mfa-types",
    "passkeys",
    "root-hardware-mfa",
    "root-mfa-cli",
    "password-policy",
    "password-policy-scope",
    "lockout",
    "password-and-keys",
    "temporary-credentials",
    "find-users-without-mfa",
    "unused-credentials",
    "network-restrictions",
]
CHECKLIST_ANCHORS = [
    "root-mfa",
    "root-hardware-mfa",
    "root-access-keys",
    "avoid-root-use",
    "root-sign-in-alerts",
    "password-policy",
    "iam-user-mfa",
    "temporary-credentials",
    "remove-console-password",
    "unused-credentials",
    "rotate-access-keys",
    "centralize-root-access",
    "account-contacts",
    "network-restrictions",
]

# CIS AWS Foundations Benchmark v5.0.0 -> (v3.0.0, Security Hub CSPM control), as AWS maps them.
# None: Security Hub maps no v3.0.0 number to that control.
CIS_MAPPING: dict[str, tuple[str | None, str]] = {
    "1.2": (None, "Account.1"),
    "1.3": ("1.4", "IAM.4"),
    "1.4": ("1.5", "IAM.9"),
    "1.5": ("1.6", "IAM.6"),
    "1.7": ("1.8", "IAM.15"),
    "1.8": ("1.9", "IAM.16"),
    "1.9": ("1.10", "IAM.5"),
    "1.11": ("1.12", "IAM.22"),
    "1.13": ("1.14", "IAM.3"),
    "1.14": ("1.15", "IAM.2"),
    "1.16": ("1.17", "IAM.18"),
    "1.18": ("1.19", "IAM.26"),
    "1.19": ("1.20", "IAM.28"),
    "1.21": ("1.22", "IAM.27"),
}
# v3.0.0 recommendations whose v5.0.0 number we could not confirm.
CIS_V3_ONLY = {"1.7", "1.11"}
# Security Hub controls that map to CIS v1.2.0 but to neither v3.0.0 nor v5.0.0.
CIS_V1_2_ONLY = {"IAM.8", "IAM.11", "IAM.12", "IAM.13", "IAM.14", "IAM.17"}
V1_2_LABEL = "from CIS v1.2.0:"
SECURITY_HUB_IDS = {f"IAM.{n}" for n in (*range(2, 23), 26, 27, 28)} | {"Account.1"}
CONTROLS = re.compile(
    r"^Controls: CIS v5\.0\.0: (?P<v5>.+?) · CIS v3\.0\.0: (?P<v3>.+?) · "
    r"Security Hub CSPM: (?P<hub>.+)$"
)
LABELS = ("Why it matters:", "How to check:", "How to fix:", "Controls:")


def explicit_anchors(source: Path, level: str) -> list[tuple[str, str | None]]:
    """Each heading of one level in the source, with the {#anchor} its author wrote, if any."""
    found = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith(level + " "):
            match = re.search(r"\{#([a-z0-9-]+)[^}]*\}\s*$", line)
            found.append((line, match.group(1) if match else None))
    return found


def sections(soup: BeautifulSoup, level: str) -> dict[str, list[Tag]]:
    """Heading id -> the elements after that heading, up to the next h2 or h3."""
    result: dict[str, list[Tag]] = {}
    for heading in soup.select(f"article {level}"):
        parts = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h2", "h3"):
                break
            parts.append(sibling)
        result[heading["id"]] = parts
    return result


def text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split()).replace(" :", ":")


@pytest.fixture(scope="module")
def faq(page) -> BeautifulSoup:
    return page("admin/faq/")


@pytest.fixture(scope="module")
def checklist(page) -> BeautifulSoup:
    return page("admin/checklist/")


@pytest.fixture(scope="module")
def items(checklist) -> dict[str, list[Tag]]:
    found = sections(checklist, "h2")
    return {
        anchor: parts
        for anchor, parts in found.items()
        if "checklist-item" in checklist.find(id=anchor).get("class", [])
    }


# --- Source: explicit, stable anchors ---------------------------------------------------------


def test_every_question_and_item_has_an_explicit_anchor():
    headings = explicit_anchors(FAQ_SOURCE, "###") + explicit_anchors(CHECKLIST_SOURCE, "##")
    assert [line for line, anchor in headings if anchor is None] == []


def test_the_faq_keeps_its_questions_and_anchors():
    anchors = [anchor for _, anchor in explicit_anchors(FAQ_SOURCE, "###")]
    assert len(anchors) >= 15
    assert [a for a in FAQ_ANCHORS if a not in anchors] == []


def test_the_checklist_keeps_its_items_and_anchors(items):
    assert [a for a in CHECKLIST_ANCHORS if a not in items] == []


# --- FAQ: each answer leads on --------------------------------------------------------------


def test_each_answer_links_to_a_checklist_item_a_topic_and_aws(faq, items, site):
    questions = sections(faq, "h3")
    assert len(questions) >= 15
    for anchor, parts in questions.items():
        hrefs = [a["href"] for part in parts for a in part.find_all("a", href=True)]
        checks = [h.split("#", 1)[1] for h in hrefs if h.startswith("../checklist/#")]
        topics = [h for h in hrefs if h.startswith("../../topics/")]
        official = [h for h in hrefs if is_official_aws_url(h)]
        assert checks and all(c in items for c in checks), f"#{anchor}: checklist link {checks}"
        assert topics, f"#{anchor}: no link to a help topic"
        assert all((site / "admin" / "faq" / t / "index.html").resolve().exists() for t in topics)
        assert official, f"#{anchor}: no link to an official AWS page"


def test_every_question_is_in_the_search_index(faq, site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {doc["location"]: doc["title"] for doc in index["docs"]}
    for heading in faq.select("article h3"):
        question = heading.get_text().replace("¶", "").strip()
        assert entries.get(f"admin/faq/#{heading['id']}") == question


# --- Checklist: why, check, fix, controls ------------------------------------------------------


def labelled(parts: list[Tag]) -> dict[str, int]:
    """Where each label's paragraph sits among a section's elements."""
    found = {}
    for index, part in enumerate(parts):
        for label in LABELS:
            if part.name == "p" and text(part).startswith(label):
                found[label] = index
    return found


def test_each_item_says_why_how_to_check_how_to_fix_and_controls(items):
    for anchor, parts in items.items():
        where = labelled(parts)
        assert list(where) == list(LABELS), f"#{anchor}: labels {list(where)}"
        between = parts[where["How to check:"] : where["How to fix:"]]
        commands = [pre.get_text() for part in between for pre in part.find_all("pre")]
        assert any(c.lstrip().startswith("aws ") for c in commands), f"#{anchor}: no aws command"


def controls(parts: list[Tag]) -> dict[str, str]:
    [line] = [text(p) for p in parts if p.name == "p" and text(p).startswith("Controls:")]
    match = CONTROLS.match(line)
    assert match, line
    # A note in parentheses may name retired or related controls; only the IDs before it count.
    return {part: value.split("(")[0].strip() for part, value in match.groupdict().items()}


def numbers(value: str) -> list[str]:
    return [] if value in ("—", "not confirmed") else [v.strip() for v in value.split(",")]


def test_control_ids_follow_the_cis_and_security_hub_mapping(items):
    for anchor, parts in items.items():
        found = controls(parts)
        v5, v3 = numbers(found["v5"]), numbers(found["v3"])
        hub = re.findall(r"\b(?:IAM|Account)\.\d+\b", found["hub"])
        assert set(hub) <= SECURITY_HUB_IDS, f"#{anchor}: {hub}"
        for number in v5:
            partner, control = CIS_MAPPING[number]
            assert control in hub, f"#{anchor}: CIS v5.0.0 {number}"
            assert partner in v3 if partner else v3 == [], f"#{anchor}: CIS v3.0.0 for {number}"
        partners = {CIS_MAPPING[n][0] for n in v5}
        for number in v3:
            unconfirmed = number in CIS_V3_ONLY and found["v5"] == "not confirmed"
            assert number in partners or unconfirmed, f"#{anchor}: CIS v3.0.0 {number}"


def test_controls_from_cis_v1_2_are_labelled_as_such(items):
    """IAM.11 to IAM.14 and IAM.17 are no part of CIS v3.0.0 or v5.0.0; the page must say so."""
    for anchor, parts in items.items():
        hub = controls(parts)["hub"]
        newer, _, older = hub.partition(V1_2_LABEL)
        assert not CIS_V1_2_ONLY & set(re.findall(r"\bIAM\.\d+\b", newer)), f"#{anchor}: {hub}"
        assert set(re.findall(r"\bIAM\.\d+\b", older)) <= CIS_V1_2_ONLY, f"#{anchor}: {hub}"


def test_the_summary_table_agrees_with_each_item(checklist, items):
    table = checklist.select("article table")[0]
    rows = {}
    for row in table.select("tbody tr"):
        cells = [text(cell) for cell in row.find_all("td")]
        rows[row.find("a")["href"].lstrip("#")] = cells[1:]
    assert set(rows) == set(items)
    for anchor, parts in items.items():
        found = controls(parts)
        assert rows[anchor] == [found["v5"], found["v3"], found["hub"]], anchor


def test_the_other_controls_table_follows_the_mapping(checklist):
    table = checklist.find(id="other-controls").find_next("table")
    for row in table.select("tbody tr"):
        _, v5, v3, hub = (text(cell) for cell in row.find_all("td"))
        assert CIS_MAPPING[v5] == (v3, hub)
