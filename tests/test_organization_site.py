"""The sample organization's edition, as built: its details where readers need them, and the
public edition untouched.

Reads the session's two builds: `org_site` (examples/example-corp/mkdocs.yml) and `site`
(mkdocs.yml), plus one build of the public edition from sources with every organization
marker line taken out, which must come out byte for byte the same.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from signinhelp.organization.render import MARKER_LINE
from signinhelp.yamlfile import load_yaml
from sitetools.build import build_site
from sitetools.paths import CONFIG, ROOT
from tests.support.editions import EXAMPLE_CORP, Parse

DOCS = ROOT / "docs"
PLACEHOLDERS = ("[Region]", "[Directory ID or alias]", "[IAM Identity Center instance ID]")
BOXES = ", ".join(
    f".admonition.{name}"
    for name in ("helpdesk", "organization-portal", "identity-provider", "filled-allowlist")
)


def pages_with_marker(name: str) -> list[str]:
    """URL paths of the topic pages whose source asks for ``name``'s box, among those the
    sample edition keeps (a topic for none of its user types isn't built there)."""
    config = load_yaml(EXAMPLE_CORP.read_text(encoding="utf-8"))
    kept = set(config["extra"]["organization"]["user_types"])
    found = []
    for path in (DOCS / "topics").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        audience = load_yaml(text.split("---")[1])["audience"]
        if f"<!-- help:{name} -->" in text and kept & set(audience):
            found.append(f"topics/{path.stem}/")
    return sorted(found)


def section(soup: BeautifulSoup, heading_id: str) -> list[Tag]:
    """The elements under one heading, up to the next heading of its level or higher."""
    heading = soup.find(id=heading_id)
    assert isinstance(heading, Tag), heading_id
    level, found = int(heading.name[1]), []
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name) and int(sibling.name[1]) <= level:
            break
        found.append(sibling)
    return found


def helpdesk_links(box: Tag) -> set[str]:
    return {str(a["href"]) for a in box.select("a[href]")}


HELPDESK_LINKS = {
    "tel:+12065550142",
    "mailto:cloud-help@example.com",
    "https://chat.example.com/channels/cloud-help",
    "https://help.example.com/aws",
}


@pytest.mark.parametrize("path", pages_with_marker("helpdesk"))
def test_pages_that_send_readers_to_an_administrator_name_the_help_desk(
    org_page: Parse, path: str
) -> None:
    boxes = org_page(path).select("article .admonition.helpdesk")
    assert boxes, path
    for box in boxes:
        assert "Example Corp" in box.select_one(".admonition-title").get_text()
        assert helpdesk_links(box) == HELPDESK_LINKS
        assert "Monday to Friday, 08:00 to 18:00 US Pacific time" in box.get_text()


def test_the_help_desk_is_shown_to_the_reader_it_helps_not_to_the_root_user(
    org_page: Parse,
) -> None:
    soup = org_page("topics/lost-mfa-device/")
    in_section = {
        heading: [
            box
            for tag in section(soup, heading)
            for box in ([tag] if "helpdesk" in tag.get("class", []) else tag.select(".helpdesk"))
        ]
        for heading in ("root-user", "iam-user", "identity-center-user")
    }
    assert in_section["root-user"] == []
    assert len(in_section["iam-user"]) == 1
    assert len(in_section["identity-center-user"]) == 1


def test_a_box_after_a_step_stays_inside_that_step(org_page: Parse) -> None:
    soup = org_page("topics/identity-center-mfa/")
    box = soup.select_one("article .helpdesk")
    assert box is not None
    step = box.find_parent("li")
    assert step is not None
    assert "Wait until they confirm your user is provisioned" in step.get_text()


@pytest.mark.parametrize("path", pages_with_marker("portal"))
def test_access_portal_topics_link_the_portal(org_page: Parse, path: str) -> None:
    box = org_page(path).select_one("article .organization-portal")
    assert box is not None, path
    assert [a["href"] for a in box.select("a")] == [
        "https://example-corp.awsapps.com/start",
        "https://ssoins-111111h2222j33pp.portal.us-east-1.app.aws",
    ]


@pytest.mark.parametrize(
    "path", ["topics/forgot-federated-password/", "topics/forgot-identity-center-password/"]
)
def test_federated_topics_name_the_identity_provider_and_link_its_resets(
    org_page: Parse, path: str
) -> None:
    box = org_page(path).select_one("article .identity-provider")
    assert box is not None
    assert "Example Corp Login" in box.select_one(".admonition-title").get_text()
    links = {a.get_text(): a["href"] for a in box.select("a")}
    assert links == {
        "Reset your Example Corp Login password": "https://login.example.com/reset-password",
        "Reset your Example Corp Login MFA device": "https://login.example.com/mfa",
    }


@pytest.mark.parametrize("path", ["", "404.html"])
def test_home_and_404_say_whose_site_it_is_and_how_to_reach_the_help_desk(
    org_page: Parse, path: str
) -> None:
    box = org_page(path).select_one(".md-content .helpdesk")
    assert box is not None
    assert box.select_one(".admonition-title").get_text() == "Example Corp's edition of this site"
    assert helpdesk_links(box) == HELPDESK_LINKS


def test_every_allow_list_download_is_filled_in_ready_to_paste(org_site: Path) -> None:
    downloads = org_site / "admin" / "downloads"
    files = [p for p in downloads.rglob("*") if p.is_file()]
    assert len(files) > 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not [p for p in PLACEHOLDERS if p in text], path.name
    lines = (downloads / "allow-list-identity-center.txt").read_text(encoding="utf-8").split()
    assert "example-corp.awsapps.com" in lines
    assert "oidc.us-east-1.amazonaws.com" in lines and "oidc.eu-west-1.amazonaws.com" in lines
    assert "ssoins-111111h2222j33pp.portal.eu-west-1.app.aws" in lines
    assert sorted(p.name for p in (downloads / "regions").iterdir()) == [
        "allow-list-eu-west-1.txt",
        "allow-list-us-east-1.txt",
    ]
    data = json.loads((downloads / "allow-list.json").read_text(encoding="utf-8"))
    assert data["placeholders"]["Region"] == "Filled in for Example Corp: us-east-1, eu-west-1."


def test_the_allow_list_page_shows_the_filled_in_patterns(org_page: Parse) -> None:
    text = org_page("admin/allow-list/").select_one("article").get_text()
    assert "us-east-1.signin.aws" in text and "example-corp.awsapps.com" in text
    assert "Filled in for Example Corp: us-east-1, eu-west-1." in text
    box = org_page("admin/allow-list/").select_one("article .filled-allowlist")
    assert box is not None
    filled = {li.code.get_text(): [c.get_text() for c in li.select("code")[1:]] for li in box("li")}
    assert filled == {
        "[Region]": ["us-east-1", "eu-west-1"],
        "[Directory ID or alias]": ["example-corp"],
        "[IAM Identity Center instance ID]": ["ssoins-111111h2222j33pp"],
        "[IdC Instance ID]": ["111111h2222j33pp"],
    }


def test_the_region_lists_say_whose_regions_they_are(org_page: Parse, page: Parse) -> None:
    """Example Corp's edition lists its two Regions, and says so; the public one lists them all."""

    def regions_section(parse: Parse) -> tuple[str, str]:
        heading = parse("admin/allow-list/").select_one("h2#regions")
        summary = heading.find_next_sibling("details").summary.get_text(" ", strip=True)
        said = " ".join(p.get_text(" ") for p in heading.find_next_siblings("p", limit=2))
        return summary, " ".join(said.split())

    summary, said = regions_section(org_page)
    assert summary == "Lists for Example Corp's 2 Regions"
    assert "These are the 2 Regions Example Corp uses" in said
    assert "the list grows" not in said
    summary, said = regions_section(page)
    assert summary.startswith("Lists for the ") and summary.endswith(" commercial Regions")
    assert "the list grows when AWS opens a Region" in said and "Example Corp" not in said


def test_the_public_edition_shows_no_organization(
    site: Path, page: Parse, page_urls: list[str]
) -> None:
    for url in page_urls:
        assert page(url).select(BOXES) == [], url
    text = (site / "admin" / "downloads" / "allow-list.txt").read_text(encoding="utf-8")
    assert "[Region]" in text and "[Directory ID or alias]" in text


@pytest.fixture(scope="session")
def site_without_markers(once) -> Path:
    """The public edition built from docs/ with every organization marker line taken out."""

    def make(folder: Path) -> None:
        docs = folder / "docs"
        shutil.copytree(DOCS, docs)
        for path in docs.rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            path.write_text(MARKER_LINE.sub("", text), encoding="utf-8")
        build_site(folder / "site", CONFIG, docs_dir=str(docs))

    return once.folder("public-without-markers", make) / "site"


@pytest.mark.site
def test_the_public_edition_is_byte_for_byte_the_site_without_the_markers(
    site: Path, site_without_markers: Path
) -> None:
    built = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    other = sorted(p.relative_to(site_without_markers) for p in site_without_markers.rglob("*"))
    assert built == [p for p in other if (site_without_markers / p).is_file()]
    differ = [
        p for p in built if (site / p).read_bytes() != (site_without_markers / p).read_bytes()
    ]
    assert differ == []


def test_the_sample_config_uses_the_same_hooks_as_the_main_one() -> None:
    def hooks(config: Path) -> list[Path]:
        data = load_yaml(config.read_text(encoding="utf-8"))
        return [(config.parent / hook).resolve() for hook in data["hooks"]]

    assert hooks(EXAMPLE_CORP) == hooks(CONFIG)
