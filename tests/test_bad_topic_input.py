"""Bad topic front matter stops the build with one clear line per problem, never a traceback.

The rules are checked by calling the site loader directly, one table row per kind of mistake;
a few builds then prove that the build itself stops with those lines and exit status 1.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from signinhelp.site import load_site, report_parts
from sitetools.build import build_site
from sitetools.paths import CONFIG
from tests.support.sites import GOOD_TOPIC, failed_build_lines, make_site, run_mkdocs_build

HOOKS = ["topics.py", "markers.py"]
TODAY = datetime.date.today()
TOMORROW = TODAY + datetime.timedelta(days=1)
GOOD_URL = "https://docs.aws.amazon.com/signin/latest/userguide/troubleshooting-sign-in-issues.html"
SCRIPT_URL = 'https://docs.aws.amazon.com/x)"><script>alert(1)</script>'


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


def problem_lines(pages: dict[str, str | bytes]) -> list[str]:
    """What the loader reports for these docs/ files, one line each, as the build prints it."""
    sources = {
        uri: text if isinstance(text, bytes) else text.encode() for uri, text in pages.items()
    }
    model, problems = load_site(sources, lambda uri: f"docs/{uri}", TODAY)
    assert model is None, "expected problems"
    return report_parts(problems).splitlines()


@pytest.mark.site
def test_good_topic_builds(tmp_path: Path) -> None:
    result = run_mkdocs_build(make_site(tmp_path, {"topics/a.md": GOOD_TOPIC}, HOOKS))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("pages", "line"),
    [
        pytest.param(
            {"topics/a.md": topic(title=None)}, "docs/topics/a.md: title: is required", id="missing"
        ),
        pytest.param(
            {"topics/a.md": topic(audience="[root, admins]")},
            "docs/topics/a.md: audience: 'admins' is not one of "
            "root, iam, identity-center, federated, builder-id, new-experience",
            id="unknown-audience",
        ),
        pytest.param(
            {"topics/a.md": topic(related="[no-such-topic]")},
            "docs/topics/a.md: related: 'no-such-topic' is not a topic slug",
            id="related-slug",
        ),
        pytest.param(
            {"topics/root/a.md": GOOD_TOPIC, "topics/iam/a.md": topic(title="Another title")},
            "docs/topics/root/a.md: slug: 'a' is also the slug of docs/topics/iam/a.md",
            id="same-slug",
        ),
        pytest.param(
            {"topics/a.md": GOOD_TOPIC, "topics/b.md": GOOD_TOPIC},
            "docs/topics/b.md: title: 'I forgot my password' is also the title of docs/topics/a.md",
            id="same-title",
        ),
        pytest.param(
            {"topics/a.md": topic(reviewed="last week")},
            "docs/topics/a.md: reviewed: 'last week' is not a date (write it as YYYY-MM-DD)",
            id="not-a-date",
        ),
        pytest.param(
            {"topics/a.md": topic(reviewed=TOMORROW.isoformat())},
            f"docs/topics/a.md: reviewed: {TOMORROW.isoformat()} lies in the future",
            id="future-date",
        ),
        pytest.param(
            {"topics/a.md": topic(for_admins="yes please")},
            "docs/topics/a.md: for_admins: 'yes please' must be true or false",
            id="for-admins-not-a-boolean",
        ),
        pytest.param(
            {"topics/a.md": topic(symptoms="[]")},
            "docs/topics/a.md: symptoms: lists 0; give at least 3",
            id="no-symptoms",
        ),
        pytest.param(
            {"topics/a.md": topic(title="'Use <b>bold</b> & more'")},
            "docs/topics/a.md: title: may not contain <, > or &: write the words instead",
            id="markup-in-title",
        ),
        pytest.param(
            {"guide.md": "---\ntitle: '<script>alert(1)</script>'\n---\n\n# Guide\n"},
            "docs/guide.md: title: may not contain <, > or &: write the words instead",
            id="markup-in-a-page-title",
        ),
        pytest.param(
            {"topics/a.md": b"---\ntitle: caf\xe9\n---\n"},
            "docs/topics/a.md: file: is not valid UTF-8 (invalid continuation byte at byte 14); "
            "save it as UTF-8",
            id="not-utf-8",
        ),
    ],
)
def test_each_mistake_has_its_line(pages: dict[str, str | bytes], line: str) -> None:
    assert line in problem_lines(pages)


@pytest.mark.parametrize(
    "url",
    [
        "http://docs.aws.amazon.com/signin/latest/userguide/",
        "https://example.com/aws-help",
        "https://docs.aws.amazon.com.evil.example/",
    ],
)
def test_source_url_not_https_on_official_aws_domain(url: str) -> None:
    lines = problem_lines({"topics/a.md": GOOD_TOPIC.replace(GOOD_URL, url)})
    assert (
        f"docs/topics/a.md: sources[1].url: '{url}' is not an https URL on an official AWS domain"
    ) in lines


def test_front_matter_that_is_not_valid_yaml() -> None:
    lines = problem_lines({"topics/a.md": topic(audience="[root")})
    assert any(
        line.startswith("docs/topics/a.md: front matter: is not valid YAML (") for line in lines
    ), lines


def test_a_broken_topic_does_not_flood_the_report() -> None:
    pages = {"topics/a.md": topic(audience="[root"), "topics/b.md": topic(title="B", related="[a]")}
    lines = problem_lines(pages)
    assert not any(line.startswith("docs/topics/b.md") for line in lines), lines


# --- The build itself: the same lines, all at once, exit status 1 and no traceback.


@pytest.mark.site
def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    pages = {"topics/a.md": topic(title=None), "topics/b.md": topic(audience="[nobody]")}
    lines = failed_build_lines(make_site(tmp_path, pages, HOOKS))
    assert "docs/topics/a.md: title: is required" in lines
    assert any(line.startswith("docs/topics/b.md: audience: 'nobody'") for line in lines)


@pytest.mark.site
def test_a_script_in_a_source_url_stops_the_build(tmp_path: Path) -> None:
    page = GOOD_TOPIC.replace(GOOD_URL, SCRIPT_URL.replace('"', '\\"')).replace(
        "url: https", 'url: "https'
    )
    page = page.replace("</script>\n", '</script>"\n')
    lines = failed_build_lines(make_site(tmp_path, {"topics/a.md": page}, HOOKS))
    assert (
        f"docs/topics/a.md: sources[1].url: '{SCRIPT_URL}' contains '\"' '(' ')' '<' '>', "
        "which Markdown or HTML would read as syntax; percent-encode it"
    ) in lines


@pytest.mark.site
def test_a_topic_that_is_not_utf_8_stops_the_build(tmp_path: Path) -> None:
    project = make_site(tmp_path, {"topics/a.md": GOOD_TOPIC}, HOOKS)
    path = project / "docs" / "topics" / "a.md"
    path.write_bytes(path.read_bytes().replace(b"Body text.", b"Body \xff text."))
    at = path.read_bytes().index(b"\xff")
    lines = failed_build_lines(project)
    assert (
        f"docs/topics/a.md: file: is not valid UTF-8 (invalid start byte at byte {at}); "
        "save it as UTF-8"
    ) in lines


@pytest.mark.site
def test_unknown_marker(tmp_path: Path) -> None:
    lines = failed_build_lines(
        make_site(tmp_path, {"guide.md": "# Guide\n\n<!-- help:no-such-list -->\n"}, HOOKS)
    )
    assert "docs/guide.md: marker: unknown marker help:no-such-list" in lines


@pytest.mark.site
def test_hooks_in_reverse_order_build_the_same_site(tmp_path: Path, site: Path) -> None:
    hooks = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["hooks"]
    build_site(tmp_path, hooks=list(reversed(hooks)))
    built = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert built == sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    differing = [p for p in built if (tmp_path / p).read_bytes() != (site / p).read_bytes()]
    assert differing == []
