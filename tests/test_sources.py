"""One URL rule for every source, in topics and the allow-list alike."""

from __future__ import annotations

import pytest

from signinhelp.fields import Fields
from signinhelp.sources import Source, url_problem

NOT_OFFICIAL = "is not an https URL on an official AWS domain"


@pytest.mark.parametrize(
    "url",
    [
        "https://docs.aws.amazon.com/signin/latest/userguide/what-is-sign-in.html",
        "https://aws.amazon.com/premiumsupport/knowledge-center/",
        "https://repost.aws/knowledge-center/sign-in-console",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html#id-section",
        "https://docs.aws.amazon.com/cli/latest/reference/?a=1&b=2",
    ],
)
def test_official_https_urls_pass(url: str) -> None:
    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://docs.aws.amazon.com/", NOT_OFFICIAL),
        ("https://example.com/aws", NOT_OFFICIAL),
        ("https://docs.aws.amazon.com.evil.example/", NOT_OFFICIAL),
        ("https://user@docs.aws.amazon.com/", NOT_OFFICIAL),
        ("https://docs.aws.amazon.com:8443/", NOT_OFFICIAL),
        ("https://docs.aws.amazon.com:port/", NOT_OFFICIAL),
        ("javascript:alert(1)", NOT_OFFICIAL),
        (42, NOT_OFFICIAL),
        (
            'https://docs.aws.amazon.com/x)"><script>alert(1)</script>',
            "contains '\"' '(' ')' '<' '>', which Markdown or HTML would read as syntax",
        ),
        ("https://docs.aws.amazon.com/a b", "contains ' '"),
        ("https://docs.aws.amazon.com/[x]", "contains '[' ']'"),
    ],
)
def test_other_urls_are_refused_with_a_reason(url: object, reason: str) -> None:
    problem = url_problem(url)
    assert problem is not None and reason in problem


def test_a_line_break_in_a_url_stays_on_one_line() -> None:
    problem = url_problem("https://docs.aws.amazon.com/a\nb")
    assert problem is not None and "\n" not in problem


def test_a_source_needs_exactly_a_title_and_a_url() -> None:
    fields = Fields("docs/x.yml")
    assert fields.source({"title": " Guide ", "url": "https://repost.aws/"}, "sources[1]") == (
        Source("Guide", "https://repost.aws/")
    )
    assert fields.source({"title": "Guide"}, "sources[2]") is None
    assert fields.source({"title": "", "url": "https://repost.aws/"}, "sources[3]")
    assert [str(problem) for problem in fields.problems] == [
        "docs/x.yml: sources[2]: must have exactly a title and a url",
        "docs/x.yml: sources[3].title: must be non-empty text",
    ]
