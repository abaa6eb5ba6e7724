"""The support code stays one layer: sitetools/ for what tests, benchmarks and publish share,
tests/support/ for what only the tests share, and everything imported by its full name.

A helper copied into a second place drifts from the first (the Chromium settings, the build
"like the CLI", the repository root each existed two or three times), and a `sys.path` edit
makes an import work from one folder and break from another.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from sitetools.paths import ROOT

PACKAGES = ("sitetools", "tests", "benchmarks", "publish")


def python_files() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def imports(path: Path) -> set[str]:
    """Every module a file imports, by its full name."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", python_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_file_edits_sys_path(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    edits = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "path"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
    ]
    assert edits == [], "pyproject's pythonpath lists the roots; import by full name"


def test_no_test_module_imports_another_test_module_or_conftest() -> None:
    offenders = {
        path.relative_to(ROOT).as_posix(): sorted(
            name
            for name in imports(path)
            if name.rpartition(".")[2].startswith("test_") or name.endswith("conftest")
        )
        for path in python_files()
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_support_code_imports_no_test_code() -> None:
    """sitetools/ and publish/ sit below the tests and benchmarks, never the other way."""
    for package in ("sitetools", "publish"):
        for path in sorted((ROOT / package).rglob("*.py")):
            above = [n for n in imports(path) if n.split(".")[0] in ("tests", "benchmarks")]
            assert above == [], path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize(
    ("definition", "home"),
    [
        ("ROOT = Path(__file__)", "sitetools/paths.py"),
        ("CHROMIUM_ARGS = ", "sitetools/chromium.py"),
        ("def run_build(", "sitetools/build.py"),
        ("def serve(", "sitetools/serve.py"),
        ("def free_port(", "sitetools/serve.py"),
        ("class PublishError(", "publish/errors.py"),
        ("def site_url_from(", "publish/site_url.py"),
    ],
)
def test_each_shared_piece_is_defined_once(definition: str, home: str) -> None:
    places = [
        path.relative_to(ROOT).as_posix()
        for path in python_files()
        if path.name != "test_support_layout.py" and definition in path.read_text(encoding="utf-8")
    ]
    assert places == [home]


def test_publish_has_one_command_line() -> None:
    """Every publish command is a subcommand of `python -m publish`, parsed in cli.py only."""
    parsers = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "publish").glob("*.py"))
        if "ArgumentParser(" in path.read_text(encoding="utf-8")
        or "__main__" in path.read_text(encoding="utf-8")
    ]
    assert parsers == ["publish/cli.py"]
