"""Example Corp's edition, built: no trace of the kinds of users it doesn't have.

Example Corp has IAM Identity Center users, federated identities and root users; its readers
must never meet a page, a menu entry, an answer or a search result for IAM users, AWS Builder
ID or the new AWS experience alone. The public build keeps every topic.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from signinhelp.pages import read_front_matter
from signinhelp.topics.model import AUDIENCES
from sitetools.paths import ROOT
from tests.support.editions import Parse, url_paths

EXAMPLE_CORP = ROOT / "examples" / "example-corp" / "mkdocs.yml"
TOPICS = ROOT / "docs" / "topics"


def audiences() -> dict[str, set[str]]:
    """Each topic's slug and its readers, from its front matter."""
    found = {}
    for path in sorted(TOPICS.glob("*.md")):
        meta, _ = read_front_matter(path.read_text(encoding="utf-8"), path.name)
        found[path.stem] = set(meta["audience"])
    return found


USER_TYPES = set(yaml.safe_load(EXAMPLE_CORP.read_text())["extra"]["organization"]["user_types"])
LEFT_OUT = sorted(slug for slug, readers in audiences().items() if not readers & USER_TYPES)
KEPT = sorted(set(audiences()) - set(LEFT_OUT))
# Labels of the kinds of user Example Corp doesn't have, as pages show them.
OTHER_LABELS = {label for value, label in AUDIENCES.items() if value not in USER_TYPES}


def left_out_links(org_page: Parse, url_path: str, selector: str = "a[href]") -> list[str]:
    """Links on a page, in the part ``selector`` picks, that lead to a left-out topic."""
    page_url = urljoin("http://site.invalid/", url_path)
    found = []
    for tag in org_page(url_path).select(selector):
        path = urlsplit(urljoin(page_url, str(tag["href"]))).path
        if any(path.startswith(f"/topics/{slug}/") for slug in LEFT_OUT):
            found.append(f"{url_path}: {tag['href']}")
    return found


def test_example_corp_leaves_out_the_topics_for_iam_builder_id_and_new_experience_alone() -> None:
    # Guards the tests below: they would pass trivially with nothing left out.
    assert LEFT_OUT == [
        "builder-id-sign-in",
        "find-account-id-or-alias",
        "forgot-iam-password",
        "new-aws-experience-sign-in",
    ]


def test_left_out_topics_have_no_page_and_kept_ones_do(org_site: Path) -> None:
    built = sorted(p.parent.name for p in (org_site / "topics").glob("*/index.html"))
    assert built == KEPT


def test_no_page_links_to_a_left_out_topic(org_site: Path, org_page: Parse) -> None:
    # The menu, related topics, home lists, admin pages, error index and handbook included.
    found = [link for page in url_paths(org_site) for link in left_out_links(org_page, page)]
    assert found == []


def test_the_menu_lists_every_kept_topic_and_no_other(org_page: Parse) -> None:
    nav = org_page("topics/lost-mfa-device/").select_one("nav.md-nav--primary")
    assert nav is not None
    listed = {
        path.split("/")[2]
        for a in nav.select("a[href]")
        if (
            path := urlsplit(urljoin("http://s/topics/lost-mfa-device/", str(a["href"]))).path
        ).startswith("/topics/")
    }
    assert listed == set(KEPT)


def test_the_troubleshooter_offers_no_answer_for_left_out_readers(
    org_site: Path,
    org_page: Parse,
) -> None:
    pages = [page for page in url_paths(org_site) if page.startswith("troubleshooter/")]
    answers = [
        a.get_text(" ", strip=True) for page in pages for a in org_page(page).select("article li a")
    ]
    others = ("IAM user", "Builder ID", "GitHub, Apple")
    assert not [text for text in answers if any(other in text for other in others)]
    # Nothing leads to the IAM user's or the Builder ID question.
    assert not list((org_site / "troubleshooter").rglob("builder-id"))
    assert not list((org_site / "troubleshooter").rglob("iam-user"))


def test_how_you_signed_in_offers_only_the_organizations_kinds_of_user(
    org_page: Parse,
) -> None:
    page = org_page("troubleshooter/how-you-sign-in/")
    notes = [note.get_text(strip=True) for note in page.select(".troubleshooter-answers__note")]
    assert notes == [
        "— you're the account's root user",
        "— you're an IAM Identity Center user",
        "— you're a federated identity",
        "— we'll help you find out",
    ]


def test_every_kept_topic_is_reached_from_the_troubleshooter(
    org_page: Parse,
) -> None:
    overview = org_page("troubleshooter/overview/")
    reached = {
        urlsplit(urljoin("http://s/troubleshooter/overview/", str(a["href"]))).path.split("/")[2]
        for a in overview.select("article a[href*='topics/']")
    }
    assert reached == set(KEPT)


def test_the_home_page_groups_only_the_organizations_readers(org_page: Parse) -> None:
    home = org_page("")
    groups = {h3.get_text(strip=True).rstrip("¶") for h3 in home.select("article h3")}
    assert groups == {
        "Root user",
        "IAM Identity Center user",
        "Federated identity",
        "For more than one kind of user",
    }
    assert left_out_links(org_page, "", "article a[href]") == []


def test_topic_headers_and_the_error_index_name_only_the_organizations_readers(
    org_page: Parse,
) -> None:
    tags = {
        tag.get_text(strip=True)
        for slug in KEPT
        for tag in org_page(f"topics/{slug}/").select(".topic-audience__tag")
    }
    readers = {
        label.strip()
        for row in org_page("errors/").select(".error-index__for")
        for label in row.get_text().split(",")
    }
    assert not (tags | readers) & OTHER_LABELS
    assert readers


def test_the_handbook_has_a_chapter_for_each_kept_topic_only(
    org_page: Parse,
) -> None:
    handbook = org_page("handbook/")
    sections = {h2.get("id") for h2 in handbook.select("article h2")}
    assert set(KEPT) <= sections
    assert not set(LEFT_OUT) & sections


def test_search_knows_nothing_of_left_out_topics(
    org_site: Path,
) -> None:
    index = json.loads((org_site / "search" / "search_index.json").read_text())
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {f"topics/{slug}/" for slug in KEPT} <= pages
    assert not {f"topics/{slug}/" for slug in LEFT_OUT} & pages


def test_a_link_to_a_left_out_topic_keeps_its_words(org_page: Parse) -> None:
    article = org_page("topics/forgot-root-password/").select_one("article")
    assert article is not None
    assert "IAM users can't do this: see I forgot my IAM user password." in " ".join(
        article.get_text(" ").split()
    ).replace(" .", ".")


@pytest.mark.parametrize("slug", LEFT_OUT)
def test_the_public_build_keeps_every_topic_left_out_of_an_edition(site: Path, slug: str) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert (site / "topics" / slug / "index.html").is_file()
    assert f"topics/{slug}/" in {doc["location"] for doc in index["docs"]}
