"""The allow-list data: complete against AWS's pages, and every bad entry refused with a reason."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from signinhelp.allowlist.model import AllowList, parse_allowlist
from sitetools.paths import ROOT
from tests.support.sites import failed_build_lines, make_site

DATA = ROOT / "docs" / "allowlist.yml"
LABEL = "docs/allowlist.yml"
GUIDE = "https://docs.aws.amazon.com/signin/latest/userguide/allowlist-domains.html"

# Every pattern AWS lists, by who needs it, as the fact sheet (section 3) gives them.
CONSOLE = {
    "*.signin.aws.amazon.com",
    "[Region].signin.aws",
    "[Region].signin.aws.amazon.com",
    "signin.aws.amazon.com",
    "*.cloudfront.net",
    "opfcaptcha-prod.s3.amazonaws.com",
}
PORTAL_IPV4 = {
    "[Directory ID or alias].awsapps.com",
    "[IAM Identity Center instance ID].[Region].portal.amazonaws.com",
    "*.aws.dev",
    "*.awsstatic.com",
    "*.console.aws.a2z.com",
    "oidc.[Region].amazonaws.com",
    "*.sso.amazonaws.com",
    "*.sso.[Region].amazonaws.com",
    "*.sso-portal.[Region].amazonaws.com",
    "[Region].prod.pr.panorama.console.api.aws/panoramaroute",
    "[Region].signin.aws",
    "[Region].signin.aws.amazon.com",
    "signin.aws.amazon.com",
    "*.cloudfront.net",
    "opfcaptcha-prod.s3.amazonaws.com",
}
PORTAL_DUAL_STACK = {
    "[IAM Identity Center instance ID].portal.[Region].app.aws",
    "ssoins-[IdC Instance ID].portal.[Region].app.aws",
    "*.aws.dev",
    "*.awsstatic.com",
    "*.console.aws.a2z.com",
    "oidc.[Region].api.aws",
    "sso.[Region].api.aws",
    "portal.sso.[Region].api.aws",
    "[Region].sso.signin.aws",
    "[Region].signin.aws.amazon.com",
    "signin.aws.amazon.com",
    "*.cloudfront.net",
    "cdn.us-east-1.threat-mitigation.aws.amazon.com",
    "us-east-1.threat-mitigation.aws.amazon.com",
    "amcs-captcha-prod-us-east-1.s3.dualstack.us-east-1.amazonaws.com",
}
BUILDER_ID = {
    "view.awsapps.com/start",
    "*.portal.*.app.aws",
    "*.aws.dev",
    "*.api.aws",
    "*.uis.awsstatic.com",
    "*.console.aws.a2z.com",
    "oidc.*.amazonaws.com",
    "oidc.*.api.aws",
    "*.sso.amazonaws.com",
    "*.sso.*.amazonaws.com",
    "*.sso-portal.*.amazonaws.com",
    "sso.*.api.aws",
    "*.signin.aws",
    "*.cloudfront.net",
    "opfcaptcha-prod.s3.amazonaws.com",
    "profile.aws.amazon.com",
}
# The troubleshooting page's own table: the four domains the project's source document names.
SOURCE_DOCUMENT = {
    "*.signin.aws.amazon.com": "root",
    "www.amazon.com": "amazon-retail",
    "*.awsapps.com": "identity-center",
    "*.signin.aws": "identity-center",
}


def project_data() -> AllowList:
    allowlist, problems = parse_allowlist(DATA.read_text(encoding="utf-8"), LABEL)
    assert problems == []
    assert allowlist is not None
    return allowlist


def patterns(entries) -> set[str]:
    return {entry.pattern for entry in entries}


def test_project_data_has_no_problems() -> None:
    project_data()


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("root", CONSOLE),
        ("iam", CONSOLE),
        ("identity-center", PORTAL_IPV4 | PORTAL_DUAL_STACK | {"*.awsapps.com", "*.signin.aws"}),
        ("builder-id", BUILDER_ID),
        ("amazon-retail", {"www.amazon.com"}),
        ("sign-in-admin", {"signin.[Region].api.aws"}),
    ],
)
def test_each_user_type_has_exactly_the_domains_aws_lists(user: str, expected: set[str]) -> None:
    assert patterns(project_data().domains_for(user)) == expected


def test_portal_lists_split_as_aws_splits_them() -> None:
    allowlist = project_data()
    shared = {"*.awsapps.com", "*.signin.aws"}  # the troubleshooting page doesn't split them
    ipv4 = patterns(allowlist.domains_for("identity-center", "ipv4")) - shared
    dual_stack = patterns(allowlist.domains_for("identity-center", "dual-stack")) - shared
    assert ipv4 == PORTAL_IPV4
    assert dual_stack == PORTAL_DUAL_STACK


SHARED_SENDERS = {"no-reply@signin.aws", "no-reply@login.awsapps.com"}
GOVCLOUD_SENDER = "no-reply@us-gov-home.awsapps.com"
TROUBLESHOOTING = (
    "https://docs.aws.amazon.com/signin/latest/userguide/troubleshooting-sign-in-issues.html"
)


def test_email_senders_by_user_type() -> None:
    allowlist = project_data()
    assert patterns(allowlist.email_for("root")) == {"signin.aws", "verify.signin.aws"}
    assert patterns(allowlist.email_for("identity-center")) == SHARED_SENDERS | {GOVCLOUD_SENDER}
    assert patterns(allowlist.email_for("builder-id")) == SHARED_SENDERS


def test_root_senders_cite_the_sections_that_name_them() -> None:
    """The verification-code and root-password sections are where AWS names these senders."""
    for entry in project_data().email_for("root"):
        urls = {source.url for source in entry.sources}
        assert f"{TROUBLESHOOTING}#troubleshoot_general_cant-sign-in" in urls
        assert f"{TROUBLESHOOTING}#troubleshoot-forgot-root-password" in urls


def test_govcloud_sender_gives_the_per_directory_form() -> None:
    """A sender can't hold a placeholder, so the note must carry the per-directory address."""
    [entry] = [e for e in project_data().email_senders if e.pattern == GOVCLOUD_SENDER]
    assert "no-reply@[identity store ID].us-gov-home.awsapps.com" in " ".join(entry.note.split())
    assert [source.url for source in entry.sources] == [
        "https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-sso.html"
    ]


def test_source_document_domains_are_the_short_list() -> None:
    short = {e.pattern: e.users for e in project_data().domains if e.short}
    assert set(short) == set(SOURCE_DOCUMENT)
    for pattern, user in SOURCE_DOCUMENT.items():
        assert user in short[pattern]


def test_every_disagreement_between_aws_pages_carries_a_note() -> None:
    noted = {e.pattern for e in project_data().domains if e.note}
    assert {
        "[Region].prod.pr.panorama.console.api.aws/panoramaroute",
        "[IAM Identity Center instance ID].[Region].portal.amazonaws.com",
        "[IAM Identity Center instance ID].portal.[Region].app.aws",
        "ssoins-[IdC Instance ID].portal.[Region].app.aws",
        "[Region].signin.aws",
        "opfcaptcha-prod.s3.amazonaws.com",
    } <= noted


# --- Bad data: each mistake is refused with one line naming the entry, the field and the fix.


def good_data() -> dict:
    """The smallest valid data file: one domain and one sender."""
    return {
        "placeholders": {"Region": "A Region code."},
        "sources": {"guide": {"title": "Guide", "url": GUIDE}},
        "domains": [
            {
                "pattern": "[Region].signin.aws",
                "users": ["root"],
                "purpose": "Sign-in.",
                "sources": ["guide"],
            }
        ],
        "email_senders": [
            {
                "pattern": "no-reply@signin.aws",
                "users": ["root"],
                "purpose": "Mail.",
                "sources": ["guide"],
            }
        ],
    }


def problems_of(data: dict | str) -> list[str]:
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
    allowlist, problems = parse_allowlist(text, LABEL)
    assert (allowlist is None) == bool(problems)
    return [str(problem) for problem in problems]


def with_domain(**changes: object) -> dict:
    data = copy.deepcopy(good_data())
    data["domains"][0].update(changes)
    return data


def test_good_data_has_no_problems() -> None:
    assert problems_of(good_data()) == []


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("https://signin.aws", "has a scheme; write the host name only, without https://"),
        ("signin.aws:443", "has a port; write the host name only"),
        ("[Region].SignIn.aws", "label 'SignIn' must be lowercase"),
        ("[Region].sign*.aws", "label 'sign*': '*' must be a whole label, as in *.example.com"),
        ("[Region].signin..aws", "has an empty label (two dots in a row, or a dot at an end)"),
        ("[Region].sign_in.aws", "label 'sign_in' may use only a-z, 0-9 and hyphens"),
        ("[Region].-signin.aws", "label '-signin' must not start or end with a hyphen"),
        ("[Region].signin.aws.123", "must end in a top-level domain such as .com, not '123'"),
        ("[Region]", "needs at least two labels, as in example.com"),
        (
            "[Region].signin.aws/start?x=1",
            "path '/start?x=1' may use only letters, digits and . _ ~ / -",
        ),
        ("[Account].[Region].signin.aws", "placeholder [Account] is not one of [Region]"),
    ],
)
def test_bad_domain_pattern(pattern: str, message: str) -> None:
    assert problems_of(with_domain(pattern=pattern)) == [
        f"{LABEL}: domains[1].pattern: '{pattern}': {message}"
    ]


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("*@signin.aws", "'*' before @ may use only a-z, 0-9 and . _ + -"),
        (
            "no-reply@*.signin.aws",
            "a sender takes no '*' or [placeholder]: give a domain or one address",
        ),
        ("no-reply@SignIn.aws", "label 'SignIn' must be lowercase"),
        ("no-reply@localhost", "needs a domain with at least two labels, as in example.com"),
    ],
)
def test_bad_email_sender(pattern: str, message: str) -> None:
    data = good_data()
    data["email_senders"][0]["pattern"] = pattern
    assert problems_of(data) == [f"{LABEL}: email_senders[1].pattern: '{pattern}': {message}"]


@pytest.mark.parametrize(
    ("changes", "line"),
    [
        ({"users": None}, "domains[1].users: is required"),
        (
            {"users": ["root", "admins"]},
            "domains[1].users: 'admins' is not one of "
            "root, iam, identity-center, builder-id, amazon-retail, sign-in-admin",
        ),
        ({"users": ["root", "root"]}, "domains[1].users: lists a user type twice"),
        ({"purpose": None}, "domains[1].purpose: is required"),
        (
            {"purpose": '=HYPERLINK("x")'},
            "domains[1].purpose: starts with '=', which a spreadsheet would run as a formula; "
            "reword it",
        ),
        ({"sources": None}, "domains[1].sources: is required"),
        (
            {"sources": ["guide", "blog"]},
            "domains[1].sources: 'blog' is not a key of the sources section (known: guide)",
        ),
        (
            {"portal_endpoints": "ipv6"},
            "domains[1].portal_endpoints: 'ipv6' is not one of ipv4, dual-stack",
        ),
        (
            {"portal_endpoints": "ipv4"},
            "domains[1].portal_endpoints: applies to identity-center only; "
            "set users: [identity-center]",
        ),
        ({"short": "yes please"}, "domains[1].short: 'yes please' must be true or false"),
        (
            {"colour": "blue"},
            "domains[1].colour: is not a known field "
            "(known: pattern, users, purpose, sources, note, portal_endpoints, short)",
        ),
    ],
)
def test_bad_domain_field(changes: dict, line: str) -> None:
    data = with_domain(**changes)
    for name, value in changes.items():
        if value is None:
            del data["domains"][0][name]
    assert problems_of(data) == [f"{LABEL}: {line}"]


@pytest.mark.parametrize(
    "url",
    [
        "http://docs.aws.amazon.com/signin/latest/userguide/allowlist-domains.html",
        "https://example.com/aws-allow-list",
    ],
)
def test_source_not_an_official_https_page(url: str) -> None:
    data = good_data()
    data["sources"]["guide"]["url"] = url
    assert problems_of(data) == [
        f"{LABEL}: sources.guide.url: '{url}' is not an https URL on an official AWS domain"
    ]


def test_source_url_with_a_space_is_refused() -> None:
    url = "https://docs.aws.amazon.com/signin/latest/userguide/a page.html"
    data = good_data()
    data["sources"]["guide"]["url"] = url
    assert problems_of(data) == [
        f"{LABEL}: sources.guide.url: '{url}' contains ' ', which Markdown or HTML would read "
        "as syntax; percent-encode it"
    ]


def test_source_url_with_a_script_is_refused() -> None:
    url = 'https://docs.aws.amazon.com/x)"><script>alert(1)</script>'
    data = good_data()
    data["sources"]["guide"]["url"] = url
    assert problems_of(data) == [
        f"{LABEL}: sources.guide.url: '{url}' contains '\"' '(' ')' '<' '>', which Markdown or "
        "HTML would read as syntax; percent-encode it"
    ]


def test_same_pattern_twice_for_one_user_type() -> None:
    data = good_data()
    data["domains"].append({**data["domains"][0], "users": ["iam", "root"]})
    assert problems_of(data) == [
        f"{LABEL}: domains[2].pattern: '[Region].signin.aws' is already listed for root "
        "by domains[1]"
    ]


def test_same_pattern_for_another_user_type_is_fine() -> None:
    data = good_data()
    data["domains"].append({**data["domains"][0], "users": ["iam"], "note": "Other page."})
    assert problems_of(data) == []


def test_unused_definitions_are_named() -> None:
    data = good_data()
    data["placeholders"]["Account"] = "An account ID."
    data["sources"]["blog"] = {"title": "Blog", "url": "https://aws.amazon.com/blogs/security/"}
    assert problems_of(data) == [
        f"{LABEL}: placeholders.Account: is not used by any pattern",
        f"{LABEL}: sources.blog: is not used by any entry",
    ]


def test_file_shape_mistakes() -> None:
    assert problems_of("- just\n- a list\n") == [
        f"{LABEL}: file: must be a mapping with placeholders, sources, domains, email_senders"
    ]
    assert problems_of("domains:\n  - pattern: *.signin.aws\n") == [
        f"{LABEL}: file: is not valid YAML (expected alphabetic or numeric character, but found "
        "'.' at line 2); put quotes around a pattern that starts with *"
    ]
    data = good_data()
    data["extras"] = []
    assert problems_of(data) == [
        f"{LABEL}: extras: is not a known section "
        "(known: placeholders, sources, domains, email_senders)"
    ]


# --- The build itself: the same lines, all at once, exit status 1 and no traceback.

HOOKS = ["allowlist.py", "markers.py"]


@pytest.mark.site
def test_build_reports_every_problem_at_once(tmp_path: Path) -> None:
    data = with_domain(pattern="[Region].SignIn.aws", users=["root", "admins"])
    data["sources"]["guide"]["url"] = "http://docs.aws.amazon.com/x"
    project = make_site(tmp_path, {"allowlist.yml": yaml.safe_dump(data)}, HOOKS)
    lines = failed_build_lines(project)
    start = lines.index("3 problem(s) in the allow-list:")
    assert lines[start + 1 :] == [
        f"{LABEL}: domains[1].pattern: '[Region].SignIn.aws': label 'SignIn' must be lowercase",
        f"{LABEL}: domains[1].users: 'admins' is not one of "
        "root, iam, identity-center, builder-id, amazon-retail, sign-in-admin",
        f"{LABEL}: sources.guide.url: 'http://docs.aws.amazon.com/x' is not an https URL on an "
        "official AWS domain",
    ]


@pytest.mark.site
def test_build_without_data_file(tmp_path: Path) -> None:
    lines = failed_build_lines(make_site(tmp_path, {}, HOOKS))
    assert f"{LABEL}: file: is missing; the allow-list page is built from it" in lines
