"""One shape for every author mistake, so the build reports them all alike and all at once."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

import yaml


@dataclass(frozen=True, order=True)
class Problem:
    """Something an author must fix: where it is, which field, and what is wrong."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


def report(problems: Iterable[Problem]) -> str:
    """Join problems into one message, one line each, in a stable order for tests and diffs."""
    return "\n".join(str(problem) for problem in sorted(problems))


def source_label(project_dir: str, docs_dir: str, src_uri: str) -> str:
    """How messages name a page: its path from the project root, as the author sees it."""
    return os.path.relpath(os.path.join(docs_dir, src_uri), project_dir)


def yaml_reason(error: yaml.YAMLError, first_line: int = 1) -> str:
    """PyYAML's several-line message cut to its one-line reason and where it is.

    ``first_line`` is the file line the YAML text starts on (2 for front matter after ``---``).
    """
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    mark = getattr(error, "problem_mark", None)
    return f"{problem} at line {mark.line + first_line}" if mark else problem
