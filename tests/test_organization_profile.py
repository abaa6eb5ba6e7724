"""The organization profile: every kind of mistake is one line naming its field, no traceback.

Pure tests call the checks with plain data; one builds a tiny project to prove the build stops
with exactly those lines.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup

from signinhelp.allowlist.fill import fill_placeholders
from signinhelp.allowlist.model import AllowList, Entry
from signinhelp.organization.model import Organization, parse_organization
from signinhelp.organization.render import MARKERS, organization_markdown
from signinhelp.problems import report
from signinhelp.topics.model import AUDIENCES
from signinhelp.yamlfile import load_yaml
from tests.support.editions import EXAMPLE_CORP
from tests.support.sites import failed_build_lines, make_site

LABEL = "examples/acme/mkdocs.yml"
REGIONS = ("us-east-1", "eu-west-1", "ap-southeast-2")


def sample_profile() -> dict[str, Any]:
    """The sample organization's profile, as its mkdocs.yml gives it."""
    config = load_yaml(EXAMPLE_CORP.read_text(encoding="utf-8"))
    return copy.deepcopy(config["extra"]["organization"])


def problems_in(raw: Any) -> list[str]:
    organization, problems = parse_organization(raw, LABEL, AUDIENCES, REGIONS)
    assert organization is None
    return report(problems).splitlines()


def changed(path: str, value: Any) -> dict[str, Any]:
    """The sample profile with one field (``a.b`` for a nested one) set, or removed by None."""
    raw = sample_profile()
    *parents, key = path.split(".")
    target = raw
    for parent in parents:
        target = target[parent]
    if value is None:
        del target[key]
    else:
        target[key] = value
    return raw


def test_the_sample_profile_is_valid() -> None:
    organization, problems = parse_organization(sample_profile(), LABEL, AUDIENCES, REGIONS)
    assert problems == []
    assert isinstance(organization, Organization)
    assert organization.name == "Example Corp"
    assert organization.user_types == ("identity-center", "federated", "root")
    assert organization.helpdesk.tel == "+12065550142"
    assert organization.instance_ids == ("ssoins-111111h2222j33pp",)


@pytest.mark.parametrize(
    ("path", "value", "line"),
    [
        (
            "portal_url",
            ["http://example-corp.awsapps.com/start"],
            "extra.organization.portal_url[0]: 'http://example-corp.awsapps.com/start' "
            "is not an https URL",
        ),
        (
            "portal_url",
            ["https://login.example.com/start"],
            "extra.organization.portal_url[0]: 'https://login.example.com/start' is not an AWS "
            "access portal URL (https://d-xxxxxxxxxx.awsapps.com/start, "
            "https://<your subdomain>.awsapps.com/start or "
            "https://ssoins-<instance ID>.portal.<Region>.app.aws)",
        ),
        (
            "portal_url",
            "https://example-corp.awsapps.com/admin",
            "extra.organization.portal_url: 'https://example-corp.awsapps.com/admin' is not an "
            "AWS access portal URL (https://d-xxxxxxxxxx.awsapps.com/start, "
            "https://<your subdomain>.awsapps.com/start or "
            "https://ssoins-<instance ID>.portal.<Region>.app.aws)",
        ),
        (
            "portal_url",
            None,
            "extra.organization.portal_url: is missing; give the access portal URL, or a list "
            "of them",
        ),
        (
            "user_types",
            ["identity-center", "admins"],
            "extra.organization.user_types: 'admins' is not one of root, iam, identity-center, "
            "federated, builder-id, new-experience",
        ),
        (
            "user_types",
            [],
            "extra.organization.user_types: is empty; list at least one, each one of root, "
            "iam, identity-center, federated, builder-id, new-experience",
        ),
        (
            "regions",
            ["us-east-1", "mars-north-1"],
            "extra.organization.regions: 'mars-north-1' is not a commercial AWS Region code, "
            "such as us-east-1",
        ),
        (
            "identity_center_directory",
            "D_Example",
            "extra.organization.identity_center_directory: 'D_Example' is not a directory ID "
            "(d- and 10 characters) or an alias (lowercase letters, digits and hyphens)",
        ),
        (
            "identity_provider.password_reset_url",
            "http://login.example.com/reset",
            "extra.organization.identity_provider.password_reset_url: "
            "'http://login.example.com/reset' is not an https URL",
        ),
        (
            "identity_provider.name",
            None,
            "extra.organization.identity_provider.name: is missing; give its name",
        ),
        (
            "helpdesk.email",
            "cloud-help at example.com",
            "extra.organization.helpdesk.email: 'cloud-help at example.com' is not an email "
            "address",
        ),
        (
            "helpdesk.phone",
            "call 555-0142",
            "extra.organization.helpdesk.phone: 'call 555-0142' is not a phone number (digits, "
            "+, spaces, dots, hyphens, brackets)",
        ),
        (
            "helpdesk.phone",
            12065550142,
            'extra.organization.helpdesk.phone: must be quoted text, such as "+1 206 555 0142"',
        ),
        (
            "helpdesk.chat",
            "https://chat.example.com/<script>",
            "extra.organization.helpdesk.chat: 'https://chat.example.com/<script>' contains "
            "characters Markdown or HTML read as syntax; percent-encode them",
        ),
        (
            "helpdesk",
            {"hours": "Always"},
            "extra.organization.helpdesk: gives no way to reach it; give at least one of url, "
            "email, phone, chat",
        ),
        ("name", None, "extra.organization.name: is missing; give the name"),
        (
            "user_types",
            None,
            "extra.organization.user_types: is missing; list the kinds of user it has (root, "
            "iam, identity-center, federated, builder-id, new-experience)",
        ),
        (
            "helpdesk.phnoe",
            "+1 206 555 0142",
            "extra.organization.helpdesk.phnoe: is not a known field (known: url, email, phone, "
            "chat, hours)",
        ),
    ],
)
def test_each_mistake_is_one_line_naming_its_field(path: str, value: Any, line: str) -> None:
    assert problems_in(changed(path, value)) == [f"{LABEL}: {line}"]


def test_every_mistake_is_reported_at_once() -> None:
    raw = changed("user_types", ["staff"])
    raw["portal_url"] = ["http://example-corp.awsapps.com/start"]
    raw["helpdesk"]["email"] = "nobody"
    fields = [line.split(": ")[1] for line in problems_in(raw)]
    assert fields == [
        "extra.organization.helpdesk.email",
        "extra.organization.portal_url[0]",
        "extra.organization.user_types",
    ]


def test_a_profile_that_is_not_a_mapping_is_one_line() -> None:
    assert problems_in(["Example Corp"]) == [
        f"{LABEL}: extra.organization: must be a mapping of the organization's details"
    ]


@pytest.mark.parametrize(
    "url",
    [
        "https://d-1234567890.awsapps.com/start",
        "https://d-1234567890.awsapps.com/start/",
        "https://example-corp.awsapps.com/start#/",
        "https://ssoins-111111h2222j33pp.portal.us-east-1.app.aws",
        "https://ssoins-111111h2222j33pp.eu-west-1.portal.amazonaws.com",
    ],
)
def test_the_access_portal_forms_aws_documents_are_accepted(url: str) -> None:
    _, problems = parse_organization(changed("portal_url", [url]), LABEL, AUDIENCES, REGIONS)
    assert problems == []


@pytest.mark.site
def test_a_bad_profile_stops_the_build_with_one_line_per_mistake(tmp_path: Path) -> None:
    project = make_site(
        tmp_path,
        {},
        ["organization.py"],
        extra=(
            "extra:\n"
            "  organization:\n"
            "    name: Acme\n"
            "    portal_url: http://acme.awsapps.com/start\n"
            "    helpdesk: {email: help@example.com}\n"
            "    user_types: [staff]\n"
        ),
    )
    assert failed_build_lines(project) == [
        "2 problem(s) in the organization profile:",
        "mkdocs.yml: extra.organization.portal_url: 'http://acme.awsapps.com/start' is not "
        "an https URL",
        "mkdocs.yml: extra.organization.user_types: 'staff' is not one of root, iam, "
        "identity-center, federated, builder-id, new-experience",
    ]


STEPS = """\
1. Ask your administrator.
   <!-- help:helpdesk -->
2. Sign in again.

Ask your IT help desk.
<!-- help:portal -->
"""


def test_without_a_profile_each_marker_line_goes_whole() -> None:
    assert organization_markdown(STEPS, None) == (
        "1. Ask your administrator.\n2. Sign in again.\n\nAsk your IT help desk.\n"
    )


def test_a_box_after_a_step_stays_inside_that_step() -> None:
    organization, _ = parse_organization(sample_profile(), LABEL, AUDIENCES, REGIONS)
    lines = organization_markdown(STEPS, organization).splitlines()
    # The name is escaped for Markdown; the apostrophe comes out as a character reference.
    title = lines.index('    !!! info helpdesk "Ask Example Corp&#39;s help desk"')
    assert lines[title - 1] == ""  # a block of its own inside item 1
    assert "        - Call: [+1 206 555 0142](tel:+12065550142)" in lines
    assert '!!! info organization-portal "Example Corp\'s AWS access portal"' in lines


def test_placeholders_are_filled_once_per_value_and_others_kept() -> None:
    entry = Entry("domain", "[Region].signin.aws", ("iam",), "Sign-in.", ())
    kept = Entry("domain", "[Other].awsapps.com", ("identity-center",), "Portal.", ())
    allowlist = AllowList({"Region": "A Region code.", "Other": "Kept."}, (entry, kept), ())
    filled = fill_placeholders(allowlist, {"Region": ("us-east-1", "eu-west-1")}, "Acme")
    assert [e.pattern for e in filled.domains] == [
        "us-east-1.signin.aws",
        "eu-west-1.signin.aws",
        "[Other].awsapps.com",
    ]
    assert filled.placeholders == {
        "Region": "Filled in for Acme: us-east-1, eu-west-1.",
        "Other": "Kept.",
    }


def test_markup_in_the_profile_stays_text_in_every_box() -> None:
    raw = changed("name", '<script>alert(1)</script> "Corp" *Ltd*')
    raw["identity_provider"]["name"] = "<b>Login</b>"
    raw["helpdesk"]["hours"] = "[9 to 5](https://evil.example.com)"
    organization, problems = parse_organization(raw, LABEL, AUDIENCES, REGIONS)
    assert problems == [] and organization is not None
    source = "\n".join(f"<!-- help:{name} -->" for name in MARKERS)
    html = markdown.markdown(organization_markdown(source, organization), extensions=["admonition"])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find(["script", "b", "em"]) is None
    assert "https://evil.example.com" not in {a["href"] for a in soup("a")}
    titles = [p.get_text() for p in soup.select(".admonition-title")]
    assert titles[0] == 'Ask <script>alert(1)</script> "Corp" *Ltd*\'s help desk'
