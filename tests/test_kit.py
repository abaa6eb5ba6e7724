"""The break-glass kit: the offline copy and the handbook PDF, and the site's links to them.

An administrator opens the copy from disk with no network at all, and prints or keeps the PDF:
both must hold the whole site, and the site must link them. The kit is the one the session's
production build made and published, for a site under a folder (tests/conftest.py).
"""

from __future__ import annotations

import copy
import datetime
import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from publish.handbook_pdf import PDF_NAME, review_dates
from publish.kit import KIT_DIR, readable_size
from publish.offline import TOP_FOLDER, ZIP_NAME
from signinhelp.topics.messages import ERRORS_TITLE
from tests.support.axe import PALETTES, axe_context, check_both_palettes
from tests.support.printing import LONGER_TOPICS, MAX_SHEETS, normalize, sheet_texts

pytestmark = pytest.mark.browser

# Schemes that name something the page already holds, or a link the reader follows by choice.
NOT_FETCHED = {"data", "blob", "about", "javascript", "mailto"}


@pytest.fixture(scope="session")
def kit(production) -> Path:
    """The folder with the kit's two files, as the session's production build published them
    (for a site under a folder: every address must keep it)."""
    return production.site / KIT_DIR


@pytest.fixture(scope="session")
def offline_copy(kit: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline zip, unpacked as a reader would; its top folder."""
    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(kit / ZIP_NAME) as archive:
        assert {name.split("/")[0] for name in archive.namelist()} == {TOP_FOLDER}
        archive.extractall(folder)
    return folder / TOP_FOLDER


@pytest.fixture(scope="session")
def pdf(kit: Path) -> PdfReader:
    return PdfReader(kit / PDF_NAME)


@pytest.fixture(scope="session")
def pdf_pages(kit: Path) -> list[str]:
    """The text of each page, read once for the whole run."""
    return sheet_texts(kit / PDF_NAME)


@pytest.fixture(scope="session")
def handbook(page) -> BeautifulSoup:
    """The handbook page the PDF is printed from (the session's build of the same sources)."""
    return page("handbook/")


@pytest.fixture(scope="session")
def topics(handbook: BeautifulSoup) -> list[tuple[str, str]]:
    """(slug, title) of every topic, in the handbook's (the menu's) order."""
    found = []
    for heading in handbook.select("h2.handbook-topic"):
        # A copy: the session's parse of the page stays whole for the other tests.
        heading = copy.copy(heading)
        for link in heading.select(".headerlink"):
            link.extract()
        found.append((heading["id"], normalize(heading.get_text(" "))))
    assert len(found) >= 22
    return found


def address(site_url: str, slug: str) -> str:
    return urljoin(site_url, f"topics/{slug}/")


def starts(pdf: PdfReader) -> list[int]:
    """The page (from 0) each bookmark opens."""
    return [pdf.get_destination_page_number(item) for item in pdf.outline]


def squeezed(text: str) -> str:
    # A long address wraps across lines; compare without any whitespace.
    return "".join(text.split())


# ---- The offline copy ----


def test_offline_copy_searches_and_guides_from_disk_with_no_request_to_any_server(
    browser, offline_copy: Path
) -> None:
    context = browser.new_context()
    requested: list[str] = []
    refused: list[str] = []
    errors: list[str] = []

    def refuse_network(route) -> None:
        if urlsplit(route.request.url).scheme in ("http", "https"):
            refused.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", refuse_network)
    context.on("request", lambda request: requested.append(request.url))
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        tab.goto((offline_copy / "index.html").as_uri())
        tab.fill("#home-search-query", "lost mfa")
        tab.press("#home-search-query", "Enter")
        first = tab.locator(".md-search-result__item a").first
        first.wait_for(timeout=10_000)
        first.click()
        tab.wait_for_load_state()
        assert tab.url.startswith((offline_copy / "topics" / "lost-mfa-device.html").as_uri())
        assert "I lost my MFA device" in tab.locator("h1").inner_text()

        tab.goto((offline_copy / "index.html").as_uri())
        # The home page's way into the troubleshooter, whatever its words.
        tab.locator("article a[href='troubleshooter/index.html']").first.click()
        questions = [tab.locator("h1").inner_text()]
        for _ in range(2):
            tab.locator(".troubleshooter-answers a").first.click()
            tab.wait_for_load_state()
            questions.append(tab.locator("h1").inner_text())
        assert tab.url.startswith((offline_copy / "troubleshooter").as_uri())
        assert len(set(questions)) == 3, questions
    finally:
        context.close()
    assert not refused
    assert not errors
    # Proof the recorder saw the copy's own files: the shim, the search index as a script.
    assert not [url for url in requested if not url.startswith("file://")]
    assert any(url.endswith("iframe-worker/shim.js") for url in requested)
    assert any(url.endswith("search/search_index.js") for url in requested)


def test_offline_copy_searches_from_the_header_of_any_page(browser, offline_copy: Path) -> None:
    """The "/" key opens search on a page that loaded none of it yet (search-lazy.js)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    try:
        tab.goto((offline_copy / "admin" / "faq.html").as_uri())
        tab.keyboard.press("/")
        tab.keyboard.type("lost mfa")
        first = tab.locator(".md-search-result__item > a.md-search-result__link").first
        first.wait_for(timeout=10_000)
        expected = (offline_copy / "topics" / "lost-mfa-device.html").as_uri() + "?h=lost+mfa"
        assert first.get_attribute("href") == expected
    finally:
        context.close()


def test_every_page_of_the_site_is_in_the_offline_copy(site: Path, offline_copy: Path) -> None:
    missing = []
    for page in site.rglob("index.html"):
        folder = page.parent.relative_to(site)
        # Without folder addresses, topics/a/index.html is topics/a.html; generated folders stay.
        as_file = offline_copy / folder.parent / f"{folder.name}.html"
        as_folder = offline_copy / folder / page.name
        if folder.parts and not as_file.is_file() and not as_folder.is_file():
            missing.append(folder.as_posix())
    assert not missing
    assert (offline_copy / "topics" / "lost-mfa-device.html").is_file()


def test_every_link_and_file_in_the_offline_copy_is_in_it(offline_copy: Path) -> None:
    broken = []
    for page in sorted(offline_copy.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        targets = [
            (tag.name, tag.get(attr))
            for attr in ("href", "src", "action")
            for tag in soup.select(f"[{attr}]")
        ]
        for name, target in targets:
            parts = urlsplit(target)
            if parts.scheme in NOT_FETCHED or (not parts.scheme and not parts.path):
                continue
            where = f"{page.relative_to(offline_copy)}: <{name}> {target}"
            if parts.scheme:
                # A link to another site is the reader's choice; a file the page loads is not.
                if name != "a":
                    broken.append(where)
                continue
            resolved = posixpath.normpath(
                posixpath.join(page.parent.relative_to(offline_copy).as_posix(), parts.path)
            )
            if not (offline_copy / resolved).is_file():
                broken.append(where)
    assert not broken, "\n".join(broken[:20])


def test_every_form_of_the_offline_copy_sends_to_a_file(offline_copy: Path) -> None:
    """From disk a folder address opens a folder listing: the copy points forms at pages."""
    actions = {
        f"{page.relative_to(offline_copy).as_posix()}: {form['action']}"
        for page in offline_copy.rglob("*.html")
        for form in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(
            "form[action]"
        )
    }
    # The home page's search box, which sends to "./" on the published site.
    assert "index.html: ./index.html" in actions
    assert not [action for action in actions if action.endswith("/")]


# ---- The handbook PDF ----


def test_pdf_has_one_bookmark_per_topic_in_menu_order(
    pdf: PdfReader, topics: list[tuple[str, str]]
) -> None:
    assert not [item for item in pdf.outline if isinstance(item, list)], "nested bookmarks"
    assert [normalize(item.title) for item in pdf.outline] == [title for _, title in topics]


def test_pdf_holds_every_topic_title_and_address(
    production, pdf_pages: list[str], topics: list[tuple[str, str]]
) -> None:
    text = normalize(" ".join(pdf_pages))
    assert not [title for _, title in topics if title not in text]
    assert not [
        slug for slug, _ in topics if address(production.url, slug) not in squeezed(text)
    ]


def test_pdf_links_lead_to_the_published_site_or_an_official_page(
    production, pdf: PdfReader
) -> None:
    # A link into the folder the PDF was printed from would lead nowhere on a reader's disk.
    targets = {
        annotation.get_object()["/A"]["/URI"]
        for sheet in pdf.pages
        for annotation in sheet.get("/Annots", [])
        if "/URI" in annotation.get_object().get("/A", {})
    }
    assert targets, "the PDF has no links"
    local = sorted(t for t in targets if not t.startswith(("https://", "mailto:", production.url)))
    assert local == []
    assert any(t.startswith(production.url + "topics/") for t in targets)


def test_each_topic_starts_a_page_with_its_address_and_fits_the_print_rules(
    production, pdf: PdfReader, pdf_pages: list[str], topics: list[tuple[str, str]]
) -> None:
    first_pages = starts(pdf)
    # The last topic ends where the error-message appendix begins, on a sheet of its own.
    appendix = next(
        (n for n, text in enumerate(pdf_pages) if normalize(text).startswith(ERRORS_TITLE)),
        len(pdf_pages),
    )
    ends = [*first_pages[1:], appendix]
    problems = []
    for (slug, title), start, end in zip(topics, first_pages, ends, strict=True):
        opening = normalize(pdf_pages[start])
        if not opening.startswith(title):
            problems.append(f"{slug}: page {start + 1} opens with {opening[:60]!r}")
        if address(production.url, slug) not in squeezed(opening):
            problems.append(f"{slug}: no {address(production.url, slug)} on its first page")
        allowed = LONGER_TOPICS.get(f"topics/{slug}/", (MAX_SHEETS, ""))[0]
        if end - start > allowed:
            problems.append(f"{slug}: {end - start} pages, not {allowed}")
    assert not problems
    # Before the first topic: the contents, on one sheet or two.
    assert 1 <= first_pages[0] <= 2
    assert len(pdf_pages) <= first_pages[0] + MAX_SHEETS * len(topics)


def test_contents_gives_each_topic_its_page_number(pdf: PdfReader, pdf_pages: list[str]) -> None:
    first_pages = starts(pdf)
    contents = "\n".join(pdf_pages[: first_pages[0]])
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\s*$", contents, re.MULTILINE)]
    assert numbers == [page + 1 for page in first_pages]


def test_every_page_is_numbered_and_says_when_the_facts_were_reviewed(
    pdf: PdfReader, pdf_pages: list[str], handbook: BeautifulSoup
) -> None:
    dates = sorted(
        datetime.date.fromisoformat(t["datetime"])
        for t in handbook.select(".topic-reviewed time[datetime]")
    )
    reviewed = review_dates(dates)
    count = len(pdf_pages)
    unmarked = [
        number
        for number, text in enumerate(map(normalize, pdf_pages), 1)
        if f"Page {number} of {count}" not in text or reviewed not in text
    ]
    assert not unmarked
    # Chromium stamps the time it printed; the file carries the newest review instead.
    stamp = f"D:{dates[-1]:%Y%m%d}000000Z"
    assert (pdf.metadata["/CreationDate"], pdf.metadata["/ModDate"]) == (stamp, stamp)


# ---- The links ----


@pytest.mark.parametrize("path", ["index.html", "handbook/index.html"])
def test_home_and_handbook_link_the_kit_with_its_size(production, path: str) -> None:
    site = production.site
    soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    links = soup.select(".kit-links a[href]")
    assert len(links) == 2
    for link in links:
        file = site / posixpath.normpath(posixpath.join(posixpath.dirname(path), link["href"]))
        assert file.is_file(), link["href"]
        size = readable_size(file.stat().st_size)
        assert size in normalize(link.parent.get_text(" ")), f"{link['href']}: no {size}"


def test_kit_links_pass_wcag_checks(browser, production) -> None:
    # The accessibility test reads a build without the kit; the links are checked here, on the
    # production site as nginx serves it, in both palettes.
    context = axe_context(browser, "light")
    tab = context.new_page()
    found: list[str] = []
    opens_in = PALETTES["light"][1]
    try:
        for url in ("", "handbook/"):
            problems, opens_in = check_both_palettes(tab, production.url, url, opens_in)
            found += problems
    finally:
        context.close()
    assert not found, "\n".join(found)
