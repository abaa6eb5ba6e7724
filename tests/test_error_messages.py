"""Every error message AWS shows is on its topic page in the open, and in the A to Z index.

Bad `errors` entries are checked through the site loader, one table row per kind of mistake,
and a few tiny builds prove the build stops with those lines. The rest reads the real site.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from signinhelp.site import load_site, report_parts
from signinhelp.topics.messages import ERRORS_TITLE, ERRORS_URI, entries
from signinhelp.topics.model import AUDIENCES, message_key
from signinhelp.yamlfile import load_yaml
from sitetools.paths import ROOT
from tests.support.sites import GOOD_TOPIC, failed_build_lines, make_site, run_mkdocs_build

HOOKS = ["topics.py", "errors.py", "markers.py"]
TODAY = datetime.date.today()
MESSAGE = "Your authentication information is incorrect. Please try again."
ERRORS_PAGE = "errors/"
HANDBOOK = "handbook/"
Page = Callable[[str], BeautifulSoup]


def topic(errors: str, title: str = "I forgot my password", audience: str = "[root, iam]") -> str:
    """The good topic with an `errors` block (YAML, indented two spaces) and a heading to aim at."""
    page = GOOD_TOPIC.replace("title: I forgot my password", f"title: {title}")
    page = page.replace("audience: [root]", f"audience: {audience}")
    page = page.replace("reviewed:", f"errors:\n{errors}reviewed:")
    return page + "\n## Reset it {#reset}\n\nText.\n"


def problem_lines(pages: dict[str, str]) -> list[str]:
    sources = {uri: text.encode() for uri, text in pages.items()}
    model, problems = load_site(sources, lambda uri: f"docs/{uri}", TODAY)
    assert model is None, "expected problems"
    return report_parts(problems).splitlines()


def topic_errors() -> list[tuple[str, dict[str, object]]]:
    """(slug, entry as a mapping) for every `errors` item of every topic file."""
    found = []
    for path in sorted((ROOT / "docs" / "topics").glob("*.md")):
        meta = load_yaml(path.read_text(encoding="utf-8").split("---")[1])
        for item in meta.get("errors") or []:
            found.append((path.stem, item if isinstance(item, dict) else {"message": item}))
    return found


# --- Bad input: one line per mistake, naming the file, the entry and what is allowed.


@pytest.mark.parametrize(
    ("pages", "line"),
    [
        pytest.param(
            {
                "topics/a.md": topic(f'  - "{MESSAGE}"\n'),
                "topics/b.md": topic(f'  - "{MESSAGE}"\n', "B"),
            },
            f"docs/topics/b.md: errors: '{MESSAGE}' is also quoted in docs/topics/a.md; "
            "give each a for: naming its readers, different ones in each",
            id="same-message-without-for",
        ),
        pytest.param(
            {
                "topics/a.md": topic(f'  - message: "{MESSAGE}"\n    for: root\n'),
                "topics/b.md": topic(f'  - "{MESSAGE}"\n', "B"),
            },
            f"docs/topics/b.md: errors: '{MESSAGE}' is also quoted in docs/topics/a.md; "
            "give each a for: naming its readers, different ones in each",
            id="for-on-one-side-only",
        ),
        pytest.param(
            {
                "topics/a.md": topic(f'  - message: "{MESSAGE}"\n    for: [root, iam]\n'),
                "topics/b.md": topic(f'  - message: "{MESSAGE}"\n    for: iam\n', "B"),
            },
            f"docs/topics/b.md: errors: '{MESSAGE}' is also quoted in docs/topics/a.md; "
            "both say for: iam; give each different readers",
            id="same-reader-twice",
        ),
        pytest.param(
            {
                "topics/a.md": topic("  - \"It's not you, it's us\"\n"),
                "topics/b.md": topic('  - "It\u2019s not you, it\u2019s us"\n', "B"),
            },
            "docs/topics/b.md: errors: 'It\u2019s not you, it\u2019s us' is also quoted in "
            "docs/topics/a.md; give each a for: naming its readers, different ones in each",
            id="same-message-in-other-quotes",
        ),
        pytest.param(
            {"topics/a.md": topic(f'  - "{MESSAGE}"\n  - "{MESSAGE}"\n')},
            f"docs/topics/a.md: errors: '{MESSAGE}' is also quoted in this topic; "
            "give each a for: naming its readers, different ones in each",
            id="twice-in-one-topic",
        ),
        pytest.param(
            {"topics/a.md": topic(f'  - message: "{MESSAGE}"\n    for: builder-id\n')},
            "docs/topics/a.md: errors[1].for: 'builder-id' is not in this topic's audience "
            "(root, iam)",
            id="for-outside-the-audience",
        ),
        pytest.param(
            {"topics/a.md": topic(f'  - message: "{MESSAGE}"\n    for: admins\n')},
            "docs/topics/a.md: errors[1].for: 'admins' is not in this topic's audience (root, iam)",
            id="unknown-for",
        ),
        pytest.param(
            {"topics/a.md": topic(f'  - message: "{MESSAGE}"\n    reader: root\n')},
            "docs/topics/a.md: errors[1].reader: is not a known field (known: message, for, "
            "section)",
            id="unknown-key",
        ),
        pytest.param(
            {"topics/a.md": topic("  - for: root\n")},
            "docs/topics/a.md: errors[1].message: is required: the message as AWS writes it",
            id="no-message",
        ),
        pytest.param(
            {"topics/a.md": topic(f'  - message: "{MESSAGE}"\n    section: "#Reset"\n')},
            "docs/topics/a.md: errors[1].section: '#Reset' is not a heading id (lowercase "
            "words joined by hyphens)",
            id="section-not-an-id",
        ),
        pytest.param(
            {"topics/a.md": topic("  - [one, two]\n")},
            "docs/topics/a.md: errors[1]: must be the message as text, or {message, for, section}",
            id="item-not-text-or-mapping",
        ),
        pytest.param(
            {"topics/a.md": GOOD_TOPIC.replace("reviewed:", f'errors: "{MESSAGE}"\nreviewed:')},
            "docs/topics/a.md: errors: must be a list of messages, each text or "
            "{message, for, section}",
            id="not-a-list",
        ),
    ],
)
def test_each_mistake_has_its_line(pages: dict[str, str], line: str) -> None:
    assert line in problem_lines(pages)


def test_different_readers_may_share_a_message() -> None:
    pages = {
        "topics/a.md": topic(f'  - message: "{MESSAGE}"\n    for: root\n'),
        "topics/b.md": topic(f'  - message: "{MESSAGE}"\n    for: iam\n', "B"),
    }
    model, problems = load_site(
        {uri: text.encode() for uri, text in pages.items()}, lambda uri: uri, TODAY
    )
    assert problems == {}
    assert model is not None
    assert [(e.readers, e.topic.slug) for e in entries(model.topics)] == [
        (("IAM user",), "b"),
        (("Root user",), "a"),
    ]


def test_a_shared_message_without_for_stops_the_build(tmp_path: Path) -> None:
    pages = {
        "topics/a.md": topic(f'  - "{MESSAGE}"\n'),
        "topics/b.md": topic(f'  - "{MESSAGE}"\n', "B"),
    }
    lines = failed_build_lines(make_site(tmp_path, pages, HOOKS))
    first = lines.index("1 problem(s) in topic front matter:")
    assert lines[first + 1] == (
        f"docs/topics/b.md: errors: '{MESSAGE}' is also quoted in docs/topics/a.md; "
        "give each a for: naming its readers, different ones in each"
    )


def test_a_section_that_is_not_on_the_page_stops_the_strict_build(tmp_path: Path) -> None:
    # The index links to topic#section: MkDocs's anchor check finds a heading that isn't there.
    page = topic(f'  - message: "{MESSAGE}"\n    section: no-such-heading\n')
    project = make_site(
        tmp_path,
        {"topics/a.md": page},
        HOOKS,
        "validation:\n  anchors: warn\n"
        "markdown_extensions: [attr_list, md_in_html, admonition, pymdownx.details]\n",
    )
    result = run_mkdocs_build(project)
    assert result.returncode == 1
    assert (
        "WARNING -  Doc file 'errors/index.md' contains a link '../topics/a.md#no-such-heading', "
        "but the doc 'topics/a.md' does not contain an anchor '#no-such-heading'."
    ) in result.stderr


def test_an_authored_page_where_the_index_goes_stops_the_build(tmp_path: Path) -> None:
    pages = {"topics/a.md": GOOD_TOPIC, ERRORS_URI: "# Mine\n"}
    lines = failed_build_lines(make_site(tmp_path, pages, HOOKS))
    assert (
        "docs/errors/index.md: file: the error-message index is generated there; rename it"
    ) in lines


# --- The real site: every message in the open on its topic, and in the index.


@pytest.mark.parametrize(("slug", "entry"), topic_errors(), ids=lambda v: str(v)[:40])
def test_each_message_is_quoted_exactly_in_the_open(page: Page, slug: str, entry: dict) -> None:
    body = page(f"topics/{slug}/").select_one("article")
    quotes = body.select(".aws-messages q.aws-error")
    match = [q for q in quotes if q.get_text() == entry["message"]]
    assert match, f"{slug}: {entry['message']!r} not shown"
    for quote in match:
        # Nothing to open: not in a <details>, nor in an admonition styled as a warning.
        assert quote.find_parent("details") is None
        assert quote.find_parent(class_="admonition") is None
        assert not {"warning", "danger", "symptoms"} & set(
            " ".join(" ".join(p.get("class", [])) for p in quote.parents).split()
        )


def test_every_topic_message_is_in_the_index_a_to_z(page: Page) -> None:
    listed = page(ERRORS_PAGE).select(".error-index li")
    messages = [li.select_one("q.aws-error").get_text() for li in listed]
    assert sorted(messages) == sorted(e["message"] for _, e in topic_errors())
    assert [message_key(m) for m in messages] == sorted(message_key(m) for m in messages)


def test_each_index_row_names_its_reader_and_lands_on_its_section(site: Path, page: Page) -> None:
    labels = {*AUDIENCES.values()}
    for item in page(ERRORS_PAGE).select(".error-index li"):
        readers = item.select_one(".error-index__for").get_text().split(", ")
        assert readers and set(readers) <= labels, item
        href = item.select_one("a[href]")["href"]
        path, _, anchor = href.partition("#")
        assert path.startswith("../topics/"), href
        target = BeautifulSoup(
            (site / "errors" / path / "index.html").resolve().read_text(encoding="utf-8"),
            "html.parser",
        )
        if anchor:
            assert target.find(id=anchor), href


def test_shared_messages_say_whose_they_are(page: Page) -> None:
    rows = [
        (li.select_one("q").get_text(), li.select_one(".error-index__for").get_text())
        for li in page(ERRORS_PAGE).select(".error-index li")
    ]
    assert len(rows) == len(set(rows))


def test_the_index_is_in_the_menu_and_the_handbook_but_not_in_search(
    site: Path, page: Page
) -> None:
    menu = page(ERRORS_PAGE).select_one("nav.md-nav--primary")
    assert ERRORS_TITLE in [a.get_text(strip=True) for a in menu.select("a")]
    handbook = page(HANDBOOK).select_one("article")
    heading = handbook.select_one("h2.handbook-appendix")
    assert heading and heading.get_text(strip=True).rstrip("¶") == ERRORS_TITLE
    in_handbook = [q.get_text() for q in heading.find_all_next("q", class_="aws-error")]
    assert sorted(in_handbook) == sorted(e["message"] for _, e in topic_errors())
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith(ERRORS_PAGE)]
