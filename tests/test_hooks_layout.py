"""Hooks share data through the signinhelp package only: no hook file imports another.

MkDocs loads each hook file under its own module name; a hook importing another by bare name
loads that file a second time, with its own state, and ties the hooks to one order.
"""

from __future__ import annotations

import ast

from sitetools.paths import ROOT

HOOKS_DIR = ROOT / "hooks"


def imported_modules(source: str) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module.split(".")[0])
    return modules


def test_no_hook_imports_another_hook() -> None:
    hooks = {path.stem for path in HOOKS_DIR.glob("*.py")}
    assert hooks, "no hook files found"
    for path in sorted(HOOKS_DIR.glob("*.py")):
        others = imported_modules(path.read_text(encoding="utf-8")) & (hooks - {path.stem})
        assert not others, f"{path.name} imports {sorted(others)}"


def test_nothing_in_the_package_imports_a_hook_file() -> None:
    hooks = {path.stem for path in HOOKS_DIR.glob("*.py")}
    for path in sorted((HOOKS_DIR / "signinhelp").rglob("*.py")):
        imported = imported_modules(path.read_text(encoding="utf-8"))
        assert not imported & hooks, f"{path.relative_to(ROOT)} imports a hook file"


def test_topics_and_troubleshooter_do_not_import_each_other() -> None:
    # What both need (Topic, Answer, Step, page_uri) lives in signinhelp/values.py.
    package = HOOKS_DIR / "signinhelp"
    for concern, other in (("topics", "troubleshooter"), ("troubleshooter", "topics")):
        for path in sorted((package / concern).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
            modules += [
                a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
            ]
            wrong = sorted(m for m in modules if m.startswith(f"signinhelp.{other}"))
            assert not wrong, f"{path.relative_to(ROOT)} imports {wrong}"
