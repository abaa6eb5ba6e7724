"""Every YAML file and every page's front matter is read one way: no key twice, no silent loss.

PyYAML alone keeps the last of two equal keys, and MkDocs drops front matter it can't read, so
a page would lose its title, description and search boost without a word. Each kind of input
stops the strict build with its one line, exit status 1 and no traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import YAML_RE

from signinhelp.pages import page_problems
from signinhelp.yamlfile import FRONT_MATTER, front_matter_text
from tests.support.sites import GOOD_TOPIC, failed_build_lines, make_site

TOPIC_HOOKS = ["topics.py", "markers.py"]
ALLOWLIST_HOOKS = ["allowlist.py", "markers.py"]

ALLOWLIST = """\
placeholders:
  Region: The code of an AWS Region, such as us-east-1.
sources:
  guide:
    title: Troubleshooting AWS account sign-in issues
    url: https://docs.aws.amazon.com/signin/latest/userguide/troubleshooting-sign-in-issues.html
domains:
  - pattern: "[Region].signin.aws.amazon.com"
    users: [root]
    purpose: The sign-in page.
    purpose: The sign-in page, pasted twice.
    sources: [guide]
email_senders: []
"""

ADMIN_PAGE = """\
---
title: Checklist
description: Lock down sign-in: one item per recommendation.
---

# Checklist
"""

HOME_PAGE = """\
---
title: Get back into your AWS account
description: [Find the fix for your sign-in problem
---

# Home
"""


def report(project: Path, heading: str) -> list[str]:
    """The lines under the report's heading, from a build that must fail cleanly."""
    lines = failed_build_lines(project)
    return lines[lines.index(heading) + 1 :]


def test_a_key_twice_in_allowlist_yml(tmp_path: Path) -> None:
    project = make_site(tmp_path, {"allowlist.yml": ALLOWLIST}, ALLOWLIST_HOOKS)
    assert report(project, "1 problem(s) in the allow-list:") == [
        "docs/allowlist.yml: file: is not valid YAML ('purpose' appears twice at line 11)"
    ]


def test_a_key_twice_in_topic_front_matter(tmp_path: Path) -> None:
    page = GOOD_TOPIC.replace("audience: [root]\n", "audience: [root]\ntitle: Pasted twice\n")
    project = make_site(tmp_path, {"topics/a.md": page}, TOPIC_HOOKS)
    assert report(project, "1 problem(s) in topic front matter:") == [
        "docs/topics/a.md: front matter: is not valid YAML ('title' appears twice at line 5)"
    ]


def test_a_key_twice_in_a_page_that_is_not_a_topic(tmp_path: Path) -> None:
    page = "---\ntitle: Guide\ndescription: One.\ndescription: Two.\n---\n\n# Guide\n"
    project = make_site(tmp_path, {"guide.md": page}, TOPIC_HOOKS)
    assert report(project, "1 problem(s) in the pages:") == [
        "docs/guide.md: front matter: is not valid YAML ('description' appears twice at line 4)"
    ]


def test_broken_front_matter_on_an_admin_page(tmp_path: Path) -> None:
    project = make_site(tmp_path, {"admin/checklist.md": ADMIN_PAGE}, TOPIC_HOOKS)
    assert report(project, "1 problem(s) in the pages:") == [
        "docs/admin/checklist.md: front matter: is not valid YAML "
        "(mapping values are not allowed here at line 3)"
    ]


def test_broken_front_matter_on_the_home_page(tmp_path: Path) -> None:
    project = make_site(tmp_path, {"index.md": HOME_PAGE}, TOPIC_HOOKS)
    assert report(project, "1 problem(s) in the pages:") == [
        "docs/index.md: front matter: is not valid YAML "
        "(expected ',' or ']', but got '<stream end>' at line 4)"
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("# No front matter\n", None, id="none"),
        pytest.param("---\ntitle: Fine\n---\n", None, id="fine"),
        pytest.param(
            "---\r\ntitle: a\r\ntitle: b\r\n---\r\n",
            "docs/p.md: front matter: is not valid YAML ('title' appears twice at line 3)",
            id="windows-line-ends",
        ),
        pytest.param(
            "---\n- a list\n---\n",
            "docs/p.md: front matter: must be `field: value` lines",
            id="not-a-mapping",
        ),
    ],
)
def test_page_front_matter(text: str, problem: str | None) -> None:
    assert [str(p) for p in page_problems(text, "docs/p.md")] == ([problem] if problem else [])


def test_front_matter_is_found_where_mkdocs_finds_it() -> None:
    # Checking another block than the one MkDocs reads would let a broken one through.
    assert (FRONT_MATTER.pattern, FRONT_MATTER.flags) == (YAML_RE.pattern, YAML_RE.flags)
    assert front_matter_text("---\ntitle: a\n...\nBody\n") == "title: a\n"
    assert front_matter_text("Text\n---\ntitle: a\n---\n") is None
    assert FRONT_MATTER.match("----\ntitle: a\n----\n") is None
