"""Print a page the way a reader's browser does, and read the sheets back as text."""

from __future__ import annotations

import copy
import re
import unicodedata
from pathlib import Path

import pypdfium2
from bs4 import BeautifulSoup

# Parts of an article that are not what it says: heading anchors, the button, the paper-only
# header (its address and date differ between the HTML file and the printout), scripts.
NOT_ARTICLE_TEXT = ".headerlink, .print-button, .print-header, script"
# Ids of the headings hooks/topics.py adds ("how-you-got-here_3" in the handbook).
TRAILS_ID = "how-you-got-here"
RELATED_ID = "related-topics"

# What PDFium reads for a hyphen at the end of a printed line.
LINE_END_HYPHEN = "\ufffe"
# How long a printout may be (tests/test_print_pdf.py, and the handbook PDF in test_kit.py).
# A topic of fewer words (as printed) prints on one sheet, any other on two at most...
ONE_SHEET_WORDS = 300
MAX_SHEETS = 2
# ...and at least this many topics fit on one sheet: a reader at the console with one sheet
# beside the keyboard has the whole fix in view.
MIN_ONE_SHEET_TOPICS = 12
# ...unless it is listed here, as "topics/<slug>/": (sheets it may take, why it needs them).
LONGER_TOPICS: dict[str, tuple[int, str]] = {}


def print_sheets(tab) -> list[str]:
    """Print the page open in a Playwright tab to A4, as Chromium does; the text of each sheet."""
    return [normalize(text) for text in sheet_texts(tab.pdf(format="A4", print_background=False))]


def sheet_texts(pdf: bytes | Path) -> list[str]:
    """The text of each sheet of a PDF, line by line, as PDFium (Chromium's own PDF reader)
    reads it: twenty times as fast as pypdf, which took most of the printouts' time."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        texts = [sheet.get_textpage().get_text_range() for sheet in document]
    finally:
        document.close()
    # PDFium writes a hyphen that ends a line as U+FFFE ("create-new-" + "account").
    return [text.replace(LINE_END_HYPHEN, "-") for text in texts]


def normalize(text: str) -> str:
    """One space between words, ligatures spelled out: text as a reader would type it."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def words(text: str) -> set[str]:
    """The distinct words of a text, ignoring case and punctuation."""
    return set(re.findall(r"\w+", normalize(text).casefold()))


def article_text(soup: BeautifulSoup) -> str:
    """What a page's article says, without the parts that are not its content."""
    return normalize(_article(soup).get_text(" "))


def paper_text(soup: BeautifulSoup) -> str:
    """What a page's article puts on paper: no "How you got here" (it retraces clicks, which
    paper can't make), and related topics by their titles only."""
    article = _article(soup)
    for heading in article.select(f"[id^='{TRAILS_ID}']"):
        for part in [heading, *heading.find_next_siblings(limit=2)]:
            part.decompose()
    for item in article.select(f"[id^='{RELATED_ID}'] + ul > li"):
        titles = " ".join(a.get_text(" ") for a in item.select("a"))
        item.clear()
        item.append(titles)
    return normalize(article.get_text(" "))


def _article(soup: BeautifulSoup) -> BeautifulSoup:
    article = copy.copy(soup.select_one("article.md-content__inner"))
    for tag in article.select(NOT_ARTICLE_TEXT):
        tag.decompose()
    return article
