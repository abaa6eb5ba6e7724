"""Printing one page: the "Print this page" button, the paper-only header, colours on paper,
and parts that a screen folds away (collapsed blocks, content tabs) or must not split.

The last two use a sample topic in a throwaway project with the site's theme, stylesheets and
Markdown extensions, because no real topic has content tabs or enough of every block to
cross a sheet's edge.
"""

from __future__ import annotations

import datetime
import re
import shutil
from collections.abc import Callable

import pytest
import yaml
from bs4 import BeautifulSoup

from sitetools.paths import ROOT
from tests.support.printing import normalize, print_sheets, words
from tests.support.sites import GOOD_TOPIC, make_site, run_mkdocs_build

TOPIC = "topics/lost-mfa-device/"
# WCAG AA contrast for body text: what "dark text on white" has to reach.
MIN_CONTRAST = 4.5

VISIBLE_TEXT_COLOURS = """() => [...document.querySelectorAll("article *")]
  .filter((el) => el.checkVisibility()
    && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
  .map((el) => [el.tagName.toLowerCase() + "." + el.className, getComputedStyle(el).color])"""


def contrast_on_white(css_colour: str) -> float:
    """WCAG contrast ratio of an rgb()/rgba() colour, blended onto white, against white."""
    red, green, blue, *alpha = (float(v) for v in re.findall(r"[\d.]+", css_colour))
    opacity = alpha[0] if alpha else 1.0

    def linear(channel: float) -> float:
        value = (channel * opacity + 255 * (1 - opacity)) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return 1.05 / (luminance + 0.05)


# ---- The button and the header, on the real site ----


def test_print_button_is_on_topic_pages_and_the_handbook_only(
    page: Callable[[str], BeautifulSoup], page_urls: list[str]
) -> None:
    for url in page_urls:
        buttons = page(url).select("button.print-button")
        if url.startswith("topics/"):
            assert [b.get_text(strip=True) for b in buttons] == ["Print this page"], url
        elif url == "handbook/":
            assert [b.get_text(strip=True) for b in buttons] == ["Print the handbook"], url
        else:
            assert not buttons, url


@pytest.mark.browser
def test_print_button_prints_and_stays_off_paper(browser, site_url: str) -> None:
    tab = browser.new_page()
    try:
        tab.goto(site_url + TOPIC)
        button = tab.locator("button.print-button")
        assert button.is_visible()
        assert not tab.locator(".print-header").is_visible()
        tab.evaluate("() => { window.print = () => { window.printed = true; }; }")
        button.click()
        assert tab.evaluate("() => window.printed") is True
        tab.emulate_media(media="print")
        assert button.is_hidden()
        assert tab.locator(".print-header").is_visible()
    finally:
        tab.close()


@pytest.mark.browser
def test_header_gives_address_and_date_above_title_and_audience(
    browser, site_url: str, page: Callable[[str], BeautifulSoup]
) -> None:
    title = page(TOPIC).h1.get_text(strip=True)
    tab = browser.new_page()
    try:
        tab.clock.set_fixed_time(datetime.datetime(2026, 3, 5, 10, 0))
        # Search highlights and heading anchors are not part of the page's address.
        tab.goto(f"{site_url}{TOPIC}?h=mfa#steps")
        first_sheet = print_sheets(tab)[0]
    finally:
        tab.close()
    assert first_sheet.startswith(
        f"AWS sign-in help {site_url}{TOPIC} Printed 5 March 2026 {title} Applies to: "
    )


@pytest.mark.browser
def test_without_javascript_no_button_and_the_address_still_prints(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + TOPIC)
        # A button that can't print must not be offered.
        assert tab.locator("button.print-button").is_hidden()
        first_sheet = print_sheets(tab)[0]
    finally:
        context.close()
    assert first_sheet.startswith(f"AWS sign-in help /{TOPIC} I lost my MFA device")
    assert "Printed" not in first_sheet


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_prints_dark_on_white_in_either_palette(browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(site_url + TOPIC)
        assert tab.get_attribute("body", "data-md-color-scheme") == (
            "slate" if scheme == "dark" else "default"
        )
        tab.emulate_media(media="print")
        background = tab.evaluate("() => getComputedStyle(document.body).backgroundColor")
        colours = tab.evaluate(VISIBLE_TEXT_COLOURS)
    finally:
        context.close()
    assert background == "rgb(255, 255, 255)"
    assert len(colours) > 50
    faint = [f"{tag}: {c}" for tag, c in colours if contrast_on_white(c) < MIN_CONTRAST]
    assert not faint


# ---- Collapsed blocks, content tabs and page breaks, on a sample topic ----

FILLER = "This sentence is sample text for the print layout test and says nothing else. "
# Blocks of each kind, back to back, so that sheet edges are bound to fall inside some of them.
BLOCKS = {"Step": 24, "Table": 10, "Code": 10, "Box": 12}


def sample_markdown() -> str:
    """A topic body with a closed block, three tabs, and runs of blocks that must not split."""
    parts = [
        "Opening paragraph of the sample.",
        '??? note "Closed block"\n    Collapsedword sits inside a closed block.',
        "\n\n".join(
            f'=== "Tab {name}"\n    Tab{name}word is only in tab {name}.'
            for name in ("one", "two", "three")
        ),
        "\n".join(f"1. Stepstart{n} {FILLER * 8}Stepend{n}" for n in range(BLOCKS["Step"])),
    ]
    for n in range(BLOCKS["Table"]):
        rows = "".join(f"| Row {r} | {FILLER} |\n" for r in range(8))
        head = f"| Name | Text |\n| --- | --- |\n| Tablestart{n} | x |\n"
        parts.append(f"{head}{rows}| x | Tableend{n} |")
    for n in range(BLOCKS["Code"]):
        code = "".join(f"sample line {r}\n" for r in range(14))
        parts.append(f"```text\nCodestart{n}\n{code}Codeend{n}\n```")
    for n in range(BLOCKS["Box"]):
        parts.append(f'!!! note "Box {n}"\n    Boxstart{n} {FILLER * 8}Boxend{n}')
    return "\n\n".join(parts) + "\n"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Build the sample topic with the site's look and return its file:// URL."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = {**config["theme"], "custom_dir": str(ROOT / "overrides")}
    extra = yaml.safe_dump(
        {
            "theme": theme,
            "extra_css": config["extra_css"],
            "markdown_extensions": config["markdown_extensions"],
        }
    )
    topic = GOOD_TOPIC.replace("Body text.\n", sample_markdown())
    project = make_site(
        tmp_path_factory.mktemp("print-sample"),
        {"topics/sample.md": topic},
        ["topics.py", "markers.py"],
        extra,
    )
    shutil.copytree(ROOT / "docs" / "stylesheets", project / "docs" / "stylesheets")
    result = run_mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return (project / "site" / "topics" / "sample" / "index.html").as_uri()


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.site
def test_collapsed_blocks_and_every_tab_print_in_full(
    browser, sample: str, javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    try:
        tab = context.new_page()
        tab.goto(sample)
        printed = " ".join(print_sheets(tab))
    finally:
        context.close()
    for text in ("Closed block", "Collapsedword sits inside a closed block."):
        assert text in printed
    for name in ("one", "two", "three"):
        assert normalize(f"Tab {name} Tab{name}word is only in tab {name}.") in printed


@pytest.mark.browser
@pytest.mark.site
def test_no_page_break_inside_a_step_table_code_block_or_admonition(browser, sample: str) -> None:
    tab = browser.new_page()
    try:
        tab.goto(sample)
        sheets = [words(text) for text in print_sheets(tab)]
    finally:
        tab.close()
    assert len(sheets) >= 8, "the sample must cross several sheet edges"

    def sheet_of(word: str) -> int:
        return next(number for number, found in enumerate(sheets, 1) if word.casefold() in found)

    split = [
        f"{kind}{n}: sheets {sheet_of(f'{kind}start{n}')}-{sheet_of(f'{kind}end{n}')}"
        for kind, count in BLOCKS.items()
        for n in range(count)
        if sheet_of(f"{kind}start{n}") != sheet_of(f"{kind}end{n}")
    ]
    assert not split
