"""Bad topic front matter stops the build with one clear line per problem, never a traceback."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from sites import GOOD_TOPIC, failed_build_lines, make_site, run_build

HOOKS = ["topics.py", "markers.py"]


def build_with(tmp_path: Path, pages: dict[str, str]) -> list[str]:
    """Build a fixture site that must fail; return its error output's lines."""
    return failed_build_lines(make_site(tmp_path, pages, HOOKS))


def topic(**changes: str) -> str:
    """The good topic with front matter lines replaced or added (value None drops the line)."""
    lines, unused = [], dict(changes)
    for line in GOOD_TOPIC.splitlines():
        key = line.split(":", 1)[0]
        if key == "reviewed" and "reviewed" not in changes:
            lines += [f"{k}: {v}" for k, v in unused.items() if v is not None]
            unused = {}
        if key in changes:
            unused.pop(key, None)
            if changes[key] is not None:
                lines.append(f"{key}: {changes[key]}")
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def test_good_topic_builds(tmp_path: Path) -> None:
    result = run_build(make_site(tmp_path, {"topics/a.md": GOOD_TOPIC}, HOOKS))
    assert result.returncode == 0, result.stderr


def test_missing_required_field(tmp_path: Path) -> None:
    lines = build_with(tmp_path, {"topics/a.md": topic(title=None)})
    assert "docs/topics/a.md: title: is required" in lines


def test_unknown_audience(tmp_path: Path) -> None:
    lines = build_with(tmp_path, {"topics/a.md": topic(audience="[root, admins]")})
    assert (
        "docs/topics/a.md: audience: 'admins' is not one of "
        "root, iam, identity-center, federated, builder-id"
    ) in lines


def test_related_slug_that_does_not_exist(tmp_path: Path) -> None:
    lines = build_with(tmp_path, {"topics/a.md": topic(related="[no-such-topic]")})
    assert "docs/topics/a.md: related: 'no-such-topic' is not a topic slug" in lines


def test_two_topics_with_the_same_slug(tmp_path: Path) -> None:
    pages = {"topics/root/a.md": GOOD_TOPIC, "topics/iam/a.md": topic(title="Another title")}
    lines = build_with(tmp_path, pages)
    assert "docs/topics/root/a.md: slug: 'a' is also the slug of docs/topics/iam/a.md" in lines


def test_two_topics_with_the_same_title(tmp_path: Path) -> None:
    lines = build_with(tmp_path, {"topics/a.md": GOOD_TOPIC, "topics/b.md": GOOD_TOPIC})
    assert (
        "docs/topics/b.md: title: 'I forgot my password' is also the title of docs/topics/a.md"
    ) in lines


@pytest.mark.parametrize(
    "url",
    [
        "http://docs.aws.amazon.com/signin/latest/userguide/",
        "https://example.com/aws-help",
        "https://docs.aws.amazon.com.evil.example/",
    ],
)
def test_source_url_not_https_on_official_aws_domain(tmp_path: Path, url: str) -> None:
    page = GOOD_TOPIC.replace(
        "https://docs.aws.amazon.com/signin/latest/userguide/troubleshooting-sign-in-issues.html",
        url,
    )
    lines = build_with(tmp_path, {"topics/a.md": page})
    assert (
        f"docs/topics/a.md: sources[1].url: '{url}' is not an https URL on an official AWS domain"
    ) in lines


def test_date_that_is_not_a_date(tmp_path: Path) -> None:
    lines = build_with(tmp_path, {"topics/a.md": topic(reviewed="last week")})
    assert "docs/topics/a.md: reviewed: 'last week' is not a date (write it as YYYY-MM-DD)" in lines


def test_date_in_the_future(tmp_path: Path) -> None:
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    lines = build_with(tmp_path, {"topics/a.md": topic(reviewed=tomorrow.isoformat())})
    assert f"docs/topics/a.md: reviewed: {tomorrow.isoformat()} lies in the future" in lines


def test_empty_symptoms_list(tmp_path: Path) -> None:
    lines = build_with(tmp_path, {"topics/a.md": topic(symptoms="[]")})
    assert "docs/topics/a.md: symptoms: lists 0; give at least 3" in lines


def test_front_matter_that_is_not_valid_yaml(tmp_path: Path) -> None:
    lines = build_with(tmp_path, {"topics/a.md": topic(audience="[root")})
    assert any(
        line.startswith("docs/topics/a.md: front matter: is not valid YAML (") for line in lines
    ), lines


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    pages = {"topics/a.md": topic(title=None), "topics/b.md": topic(audience="[nobody]")}
    lines = build_with(tmp_path, pages)
    assert "docs/topics/a.md: title: is required" in lines
    assert any(line.startswith("docs/topics/b.md: audience: 'nobody'") for line in lines)


def test_unknown_marker(tmp_path: Path) -> None:
    lines = build_with(tmp_path, {"guide.md": "# Guide\n\n<!-- help:no-such-list -->\n"})
    assert "docs/guide.md: marker: unknown marker help:no-such-list" in lines


def test_a_broken_topic_does_not_flood_the_report(tmp_path: Path) -> None:
    pages = {"topics/a.md": topic(audience="[root"), "topics/b.md": topic(title="B", related="[a]")}
    lines = build_with(tmp_path, pages)
    assert not any(line.startswith("docs/topics/b.md") for line in lines), lines
