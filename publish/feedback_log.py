"""What readers answered to "Did this page help?", from the server's feedback log.

    python -m publish feedback [LOG]

Each line of the log is one answer as nginx wrote it (publish/nginx.conf):
`<time> page=<page> vote=<yes|no> reason=<reason id or empty>`. Anyone can send anything to the
site's address, so nothing in the log is trusted: a page must be a site path, a vote yes or
no, a reason one of publish/feedback.py's REASONS; any other line is skipped and counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

from publish.errors import PublishError
from publish.feedback import REASONS, VOTES

# Exactly the fields the log format writes, in its order, separated by single spaces.
LINE = re.compile(r"(?P<time>\S+) page=(?P<page>\S*) vote=(?P<vote>\S*) reason=(?P<reason>\S*)")
# A page of the site: "/" or lowercase path segments, each ending in "/" (MkDocs' page URLs).
SITE_PATH = re.compile(r"/(?:[a-z0-9][a-z0-9._-]*/)*")
# nginx writes an absent query argument as "-"; the script sends an empty one for no reason.
NO_REASON = ("", "-")


@dataclass(frozen=True)
class Answer:
    """One reader's answer: the page, yes or no, and the reason picked ("" for none)."""

    page: str
    vote: str
    reason: str


def parse_line(line: str) -> Answer | None:
    """The answer a log line holds, or None when any part of it isn't what the widget sends."""
    found = LINE.fullmatch(line.rstrip("\n"))
    if found is None:
        return None
    try:
        datetime.fromisoformat(found["time"])
    except ValueError:
        return None
    page, vote, reason = (unquote(found[name]) for name in ("page", "vote", "reason"))
    reason = "" if reason in NO_REASON else reason
    if not SITE_PATH.fullmatch(page) or vote not in VOTES:
        return None
    if reason and (vote != "no" or reason not in REASONS):
        return None
    return Answer(page, vote, reason)


@dataclass
class PageTally:
    """The answers about one page."""

    yes: int = 0
    no: int = 0
    reasons: Counter[str] = field(default_factory=Counter)


@dataclass
class Summary:
    """Every page's tally, and how many lines weren't answers."""

    pages: dict[str, PageTally] = field(default_factory=dict)
    skipped: int = 0

    def worst_first(self) -> list[tuple[str, PageTally]]:
        """Pages by how many readers they failed: most "no" first, then fewest "yes"."""
        return sorted(self.pages.items(), key=lambda item: (-item[1].no, item[1].yes, item[0]))


def summarize(lines: Iterable[str]) -> Summary:
    """Tally every line that is an answer; count the rest."""
    summary = Summary()
    for line in lines:
        if not line.strip():
            continue
        answer = parse_line(line)
        if answer is None:
            summary.skipped += 1
            continue
        tally = summary.pages.setdefault(answer.page, PageTally())
        if answer.vote == "yes":
            tally.yes += 1
        else:
            tally.no += 1
            tally.reasons[answer.reason] += 1
    return summary


def report(summary: Summary) -> list[str]:
    """The lines `python -m publish feedback` prints: per page, its votes, then each reason."""
    answers = sum(tally.yes + tally.no for tally in summary.pages.values())
    lines = [f"{answers} answer(s) on {len(summary.pages)} page(s), worst first"]
    for page, tally in summary.worst_first():
        lines.append(f"{page}  no: {tally.no}  yes: {tally.yes}")
        # Reasons in the widget's order, the no-reason answers last.
        for reason in [*REASONS, ""]:
            if tally.reasons[reason]:
                words = REASONS.get(reason, "no reason given")
                lines.append(f"    {tally.reasons[reason]}  {words}")
    if summary.skipped:
        lines.append(f"{summary.skipped} line(s) skipped: not an answer the widget sends")
    return lines


def read_log(path: Path) -> list[str]:
    """The log's lines; a path that can't be read is one PublishError line."""
    try:
        # Bytes that aren't UTF-8 can only be in a line that isn't an answer: it is skipped.
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as error:
        raise PublishError(f"{path}: can't read the feedback log: {error.strerror}") from None
