"""One toolkit for checking authored data: every data file reports its mistakes the same way.

Topic front matter, the decision tree and the allow-list are all YAML written by hand. Each
parser walks its own shape and asks these checks about single values, so a field that must be
text, a list of text, a known name or an official source says so in the same words everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from signinhelp.problems import Problem
from signinhelp.sources import Source, url_problem


@dataclass
class Fields:
    """The problems found so far in one file, named by ``label`` (its path from the project)."""

    label: str
    problems: list[Problem] = field(default_factory=list)

    def bad(self, name: str, message: str) -> None:
        """Record one problem with one field."""
        self.problems.append(Problem(self.label, name, message))

    def unknown(
        self, raw: dict[Any, Any], known: Iterable[str], prefix: str = "", kind: str = "field"
    ) -> None:
        """One problem per key that is not one of ``known``: usually a typo of one that is."""
        known = tuple(known)
        for name in sorted(set(map(str, raw)) - set(known)):
            self.bad(f"{prefix}{name}", f"is not a known {kind} (known: {', '.join(known)})")

    def text(self, value: Any, name: str, required: str = "") -> str:
        """Stripped non-empty text, or "" after reporting what is wrong.

        An absent value is fine unless ``required`` is given: then it is the message for a
        value that is absent or not text.
        """
        if value is None and not required:
            return ""
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.bad(name, required or "must be non-empty text")
        return ""

    def text_list(self, value: Any, name: str) -> list[str]:
        """A list of stripped non-empty texts; [] when absent or after reporting a wrong shape."""
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.bad(name, "must be a list of non-empty text items")
            return []
        return [v.strip() for v in value]

    def source(self, entry: Any, name: str) -> Source | None:
        """An official source, {title, url}; None when it is not even that shape."""
        if not isinstance(entry, dict) or set(entry) != {"title", "url"}:
            self.bad(name, "must have exactly a title and a url")
            return None
        title = self.text(entry["title"], f"{name}.title", required="must be non-empty text")
        problem = url_problem(entry["url"])
        if problem:
            self.bad(f"{name}.url", problem)
        return Source(title, str(entry["url"]))
