"""One shape for every author mistake, so the build reports them all alike and all at once."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass


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
