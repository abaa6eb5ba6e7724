"""The allow-list's cells from their templates: where lines wrap, what is escaped, the marker."""

from __future__ import annotations

import pytest

from signinhelp.allowlist.model import Entry
from signinhelp.allowlist.render import CELLS
from signinhelp.markers import marker_indent
from signinhelp.sources import Source
from signinhelp.templates import render_macro

AWS = Source("AWS sign-in", "https://docs.aws.amazon.com/signin/")


def entry(purpose: str, note: str = "") -> Entry:
    return Entry("domain", "*.signin.aws", ("root",), purpose, (AWS,), note)


def test_a_pattern_wraps_after_each_dot_and_slash_and_its_text_is_escaped() -> None:
    assert render_macro(CELLS, "patterns", ["*.a_b.aws/x"]) == (
        '<code class="allowlist-pattern">\\*.<wbr>a\\_b.<wbr>aws/<wbr>x</code>'
    )
    assert render_macro(CELLS, "patterns", ["a.b", "c"], " (any)") == (
        '<code class="allowlist-pattern">a.<wbr>b</code> and '
        '<code class="allowlist-pattern">c</code> (any)'
    )


def test_purpose_wraps_inside_hostnames_only_and_shows_markup_as_text() -> None:
    cell = render_macro(CELLS, "purpose", entry("Opens signin.aws. <script>x|y</script>"))
    assert cell == "Opens signin.<wbr>aws. &lt;script&gt;x\\|y&lt;/script&gt;"


def test_a_note_given_once_points_back_to_the_table_that_has_it() -> None:
    noted = render_macro(CELLS, "purpose", entry("P", "N"), ("Amazon.com shoppers", "allow-a"))
    assert noted == "P<br>**Note:** see this domain under [Amazon.<wbr>com shoppers](#allow-a)."
    first = render_macro(CELLS, "purpose", entry("P", "N."), endpoints="IPv4")
    assert first == "**Portal endpoints:** IPv4<br>P<br>**Note:** N."


def test_a_code_span_takes_no_backtick() -> None:
    assert render_macro(CELLS, "code", "[Region]") == "`[Region]`"
    with pytest.raises(ValueError, match="not code span text"):
        render_macro(CELLS, "code", "a`b")


@pytest.mark.parametrize(
    ("markdown", "indent"),
    [
        ("1. Step\n\n    <!-- help:allowlist-short -->\n", "    "),
        ("<!--help:allowlist-short-->", ""),
        ("Text <!-- help:allowlist-short -->\n\t<!-- help:allowlist-short -->", "\t"),
        ("  <!-- help:other -->", ""),
    ],
)
def test_marker_indent_is_the_space_before_a_marker_that_starts_its_line(
    markdown: str, indent: str
) -> None:
    assert marker_indent(markdown, "allowlist-short") == indent
