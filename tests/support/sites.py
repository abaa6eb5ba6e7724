"""Tiny throwaway projects for failure-path tests: only the hooks under test, a few pages."""

from __future__ import annotations

import datetime
import subprocess
import sys
import textwrap
from pathlib import Path

from signinhelp.topics.model import Source, Topic
from sitetools.paths import ROOT

GOOD_TOPIC = """\
---
title: I forgot my password
description: Reset it.
audience: [root]
symptoms: [one, two, three]
sources:
  - title: Troubleshooting AWS account sign-in issues
    url: https://docs.aws.amazon.com/signin/latest/userguide/troubleshooting-sign-in-issues.html
reviewed: 2026-01-15
---

Body text.
"""


def make_site(tmp_path: Path, pages: dict[str, str], hooks: list[str], extra: str = "") -> Path:
    """Write mkdocs.yml and docs/ pages into tmp_path, with the project's hooks by path."""
    hook_lines = "\n".join(f"  - {ROOT / 'hooks' / name}" for name in hooks)
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: fixture\nstrict: true\nhooks:\n{hook_lines}\n{extra}", encoding="utf-8"
    )
    for rel_path, text in {"index.md": "# Home\n", **pages}.items():
        path = tmp_path / "docs" / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def run_mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` the way an author would, and capture what it prints."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


def failed_build_lines(project: Path) -> list[str]:
    """Build a project that must fail cleanly: exit status 1, no traceback. Return its lines.

    The first line of an error carries MkDocs' log prefix; it is dropped so that every
    problem line compares alike.
    """
    result = run_mkdocs_build(project)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    return [line.removeprefix("ERROR   -  ").strip() for line in result.stderr.splitlines()]


def make_topic(slug: str = "a", **changes: object) -> Topic:
    """A valid topic for pure-function tests; pass only the fields a test is about."""
    fields: dict[str, object] = {
        "slug": slug,
        "src_uri": f"topics/{slug}.md",
        "title": slug,
        "description": "About it.",
        "audience": ("root",),
        "symptoms": ("one", "two", "three"),
        "sources": (Source("AWS", "https://docs.aws.amazon.com/"),),
        "reviewed": datetime.date(2026, 1, 1),
    }
    return Topic(**{**fields, **changes})
