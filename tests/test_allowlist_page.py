"""The allow-list page and the topic's short table: rows equal the data, markup stays text."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from sitetools.paths import ROOT
from tests.support.sites import make_site, run_mkdocs_build

DATA = ROOT / "docs" / "allowlist.yml"
PAGE = "admin/allow-list/"
TOPIC = "topics/cant-reach-sign-in-page/"
USER_TYPES = ["root", "iam", "identity-center", "builder-id", "amazon-retail", "sign-in-admin"]


def raw_data() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def entries_for(user: str, section: str = "domains") -> list[dict]:
    return [entry for entry in raw_data()[section] if user in entry["users"]]


def table_after(soup: BeautifulSoup, element_id: str) -> Tag:
    heading = soup.find(id=element_id)
    assert heading is not None, element_id
    return heading.find_next("table")


def body_rows(table: Tag) -> list[list[Tag]]:
    return [row.find_all("td") for row in table.find("tbody").find_all("tr")]


def source_urls(entry: dict) -> list[str]:
    sources = raw_data()["sources"]
    return [sources[key]["url"] for key in entry["sources"]]


@pytest.mark.parametrize("user", USER_TYPES)
def test_table_rows_equal_the_data_entries(page, user: str) -> None:
    rows = body_rows(table_after(page(PAGE), f"allow-{user}"))
    entries = entries_for(user)
    assert [cells[0].get_text() for cells in rows] == [entry["pattern"] for entry in entries]
    for cells, entry in zip(rows, entries, strict=True):
        # Each row links every AWS page that lists its pattern.
        assert [a["href"] for a in cells[-1].find_all("a")] == source_urls(entry)
        assert " ".join(entry["purpose"].split()) in cells[-2].get_text()


def test_portal_table_says_which_endpoint_list(page) -> None:
    rows = body_rows(table_after(page(PAGE), "allow-identity-center"))
    labels = {"ipv4": "IPv4", "dual-stack": "Dual-stack"}
    # "What it's for" opens with the list: "Portal endpoints: Both", then a line break.
    assert [cells[1].strong.next_sibling.strip() for cells in rows] == [
        labels.get(entry.get("portal_endpoints", ""), "Both")
        for entry in entries_for("identity-center")
    ]


def test_disagreements_between_aws_pages_show_as_notes(page) -> None:
    rows = body_rows(table_after(page(PAGE), "allow-identity-center"))
    notes = {cells[0].get_text(): cells[-2].get_text() for cells in rows}
    assert (
        "Only the IAM Identity Center guide"
        in notes["[Region].prod.pr.panorama.console.api.aws/panoramaroute"]
    )


def test_email_table_rows_equal_the_senders(page) -> None:
    rows = body_rows(table_after(page(PAGE), "email"))
    senders = raw_data()["email_senders"]
    assert [cells[0].find("code").get_text() for cells in rows] == [s["pattern"] for s in senders]
    for cells, sender in zip(rows, senders, strict=True):
        assert [a["href"] for a in cells[-1].find_all("a")] == source_urls(sender)


def test_every_download_is_linked_and_exists(page, site: Path) -> None:
    article = page(PAGE).find("article")
    links = {a["href"] for a in article.find_all("a") if a["href"].startswith("../downloads/")}
    names = {"allow-list.txt", "allow-list.csv", "allow-list.json", "email-senders.txt"}
    names |= {f"allow-list-{user}.txt" for user in USER_TYPES}
    regions = {p.name for p in (site / "admin" / "downloads" / "regions").iterdir()}
    expected = {f"../downloads/{name}" for name in names}
    expected |= {f"../downloads/regions/{name}" for name in regions}
    assert expected <= links
    for href in links:
        assert (site / "admin" / "allow-list" / href).resolve().is_file(), href


def test_every_placeholder_is_explained(page) -> None:
    text = page(PAGE).find(id="placeholders").find_next("ul").get_text()
    for name in raw_data()["placeholders"]:
        assert f"[{name}]" in text


def test_page_tells_a_network_block_from_a_sign_in_policy(page) -> None:
    article = page(PAGE).find("article")
    text = article.get_text()
    for message in (
        "Your authentication information is incorrect. Please try again.",
        "Authentication failed Invalid request",
        "sign in from a different network, or contact",
    ):
        assert message in text
    hrefs = {a["href"] for a in article.find_all("a")}
    assert "../../topics/blocked-by-network-policy/" in hrefs


def test_topic_steps_send_each_user_type_to_its_full_list(page) -> None:
    """The short table leaves out most domains, so a step must point to each full section."""
    steps = page(TOPIC).find("article").find("ol")
    hrefs = {a["href"] for a in steps.find_all("a")}
    for user in ("root", "iam", "identity-center", "builder-id"):
        assert f"../../admin/allow-list/#allow-{user}" in hrefs, user
    assert steps.find("table") is None, "a step must not offer the summary as the list to send"


def test_topic_labels_the_short_table_as_a_summary(page) -> None:
    table = page(TOPIC).find("article").find("table")
    assert table.find_previous("p").get_text().startswith("Summary only.")
    domains = {code.get_text() for code in table.find_all("code")}
    assert domains == {"*.signin.aws.amazon.com", "www.amazon.com", "*.awsapps.com", "*.signin.aws"}
    rows = {cells[0].get_text(): cells[1].get_text() for cells in body_rows(table)}
    assert rows["Root user or IAM user"] == "*.signin.aws.amazon.com"
    assert rows["IAM Identity Center user"] == "*.awsapps.com and *.signin.aws"
    assert "../../admin/allow-list/" in {a["href"] for a in table.find_next("p").find_all("a")}


# --- Markup in the data is text: escaped on the page, and read back unchanged from every file.

NASTY = '<script>alert("x")</script> | a, "quoted", *not italic*'
NASTY_NOTE = "<b>not bold</b>\nsecond line"
FIXTURE_PAGE = """\
# Allow-list

<!-- help:allowlist-downloads -->

<!-- help:allowlist-domains -->

## Email {#email}

<!-- help:allowlist-email -->

## Regions

<!-- help:allowlist-regions -->
"""
FIXTURE_TOPIC = """\
# Can't reach

1. First step.
2. Find your domains:

    <!-- help:allowlist-short -->

3. Last step.
"""


@pytest.fixture(scope="module")
def nasty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = copy.deepcopy(raw_data())
    data["domains"][0]["purpose"] = NASTY
    data["domains"][0]["note"] = NASTY_NOTE
    pages = {
        "allowlist.yml": yaml.safe_dump(data, sort_keys=False),
        "admin/allow-list.md": FIXTURE_PAGE,
        "reach.md": FIXTURE_TOPIC,
    }
    extra = "markdown_extensions:\n  - attr_list\n  - admonition\n  - pymdownx.details\n"
    hooks = ["allowlist.py", "markers.py"]
    project = make_site(tmp_path_factory.mktemp("nasty"), pages, hooks, extra)
    result = run_mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.site
def test_script_in_purpose_is_text_on_the_page(nasty_site: Path) -> None:
    soup = BeautifulSoup((nasty_site / PAGE / "index.html").read_text("utf-8"), "html.parser")
    # The theme has scripts of its own; none may carry the data's text.
    assert [s for s in soup.find_all("script") if "alert" in s.get_text()] == []
    content = soup.find(id="allow-root").find_next("table")
    assert content.find_all(["script", "b", "em"]) == []
    cell = body_rows(content)[0][-2]
    assert NASTY in cell.get_text()
    assert "<b>not bold</b> second line" in cell.get_text()


@pytest.mark.site
def test_script_in_purpose_reads_back_from_csv_and_json(nasty_site: Path) -> None:
    downloads = nasty_site / "admin" / "downloads"
    text = (downloads / "allow-list.csv").read_text(encoding="utf-8")
    first = next(csv.DictReader(io.StringIO(text, newline="")))
    assert (first["purpose"], first["note"]) == (NASTY, NASTY_NOTE)
    entry = json.loads((downloads / "allow-list.json").read_text(encoding="utf-8"))["entries"][0]
    assert (entry["purpose"], entry["note"]) == (NASTY, NASTY_NOTE)
    # The text lists hold patterns only: one per line, nothing from the purpose.
    assert "script" not in (downloads / "allow-list.txt").read_text(encoding="utf-8")


@pytest.mark.site
def test_short_table_stays_inside_a_list_item(nasty_site: Path) -> None:
    soup = BeautifulSoup((nasty_site / "reach" / "index.html").read_text("utf-8"), "html.parser")
    items = soup.find("ol").find_all("li", recursive=False)
    assert len(items) == 3
    assert items[1].find("table") is not None
    assert items[1].find("a", href="../admin/allow-list/") is not None


def test_each_note_is_written_once(page) -> None:
    notes = [
        text
        for strong in page(PAGE).select("article td strong")
        if strong.get_text() == "Note:"
        and not (text := strong.next_sibling.strip()).startswith("see this domain under")
    ]
    assert notes and len(notes) == len(set(notes))
