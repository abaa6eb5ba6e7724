"""The handbook as one PDF: every topic in menu order, ready to print or keep offline.

Made from the site's printable handbook page (`handbook/`) by Chromium through Playwright,
the same engine and print style sheet the print tests check, so the PDF looks like what a
reader's browser prints. The page is opened without its scripts (they stamp the reader's
address and today's date), then given what a kept copy needs: the site address of each topic
under its title, the dates the facts were reviewed, page numbers in the contents and at the
foot of every page. pypdf then puts in one bookmark per topic and fixes the dates Chromium
stamps, so the same site gives the same file.

Rebuild it alone: `python -m publish pdf [--site-url URL] [--site DIR] [--out FILE]`.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from playwright.sync_api import Page, sync_playwright
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from publish.errors import PublishError
from publish.pdf_structure import renumber_structure_ids
from publish.site_url import site_url_from
from sitetools import chromium

PDF_NAME = "aws-signin-help-handbook.pdf"
PDF_TITLE = "AWS sign-in help: printable handbook"
HANDBOOK_PAGE = "handbook/index.html"

# The programs run in the page and the footer's markup and style: pdf/*.js, footer.html, *.css.
PDF_DIR = Path(__file__).resolve().parent / "pdf"


@dataclass(frozen=True)
class Topic:
    """A topic as the handbook holds it: its anchor (the slug), title and site address."""

    id: str
    title: str
    address: str


def make_handbook_pdf(site_dir: Path, out_pdf: Path, site_url: str) -> Path:
    """Print ``site_dir``'s handbook page to ``out_pdf``, each topic with its address there.

    ``site_dir`` is a built site (folder addresses, as published); ``site_url`` is where it is
    published, for the addresses printed in the PDF.
    """
    base = site_url_from(site_url)
    handbook = site_dir / HANDBOOK_PAGE
    if not handbook.is_file():
        raise PublishError(f"{handbook}: missing; build the site first")
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            tab = browser.new_context(java_script_enabled=False).new_page()
            tab.goto(handbook.as_uri())
            topics = _topics(tab.evaluate(_script("topics.js")), site_dir, base)
            found = tab.evaluate(_script("reviewed.js"))
            dates = sorted(datetime.date.fromisoformat(d) for d in found)
            if len(dates) < len(topics):
                raise PublishError(f"{handbook}: a topic has no review date")
            reviewed = review_dates(dates)
            tab.evaluate(
                _script("prepare.js"),
                {
                    "handbook": urljoin(base, "handbook/"),
                    "reviewed": reviewed,
                    "topics": {t.id: t.address for t in topics},
                    "style": (PDF_DIR / "handbook.css").read_text(encoding="utf-8"),
                },
            )
            footer = footer_template(f"AWS sign-in help, printable handbook. {reviewed}")
            # The contents' page numbers come from a first print; the numbers don't move
            # anything, which the second print checks.
            pages = _first_pages(_print(tab, footer), topics)
            tab.evaluate(_script("number_contents.js"), {t.id: pages[t.id] + 1 for t in topics})
            pdf = _print(tab, footer)
        finally:
            browser.close()
    if _first_pages(pdf, topics) != pages:
        raise PublishError("page numbers in the contents moved the topics; check print.css")
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    out_pdf.write_bytes(finish_pdf(pdf, topics, pages, dates[-1]))
    return out_pdf


def _topics(found: Iterable[dict[str, str]], site_dir: Path, base: str) -> list[Topic]:
    topics = []
    for item in found:
        # A topic's page is topics/<slug>/, and its anchor in the handbook is the slug.
        path = f"topics/{item['id']}/"
        if not (site_dir / path / "index.html").is_file():
            raise PublishError(f"{site_dir / path}: no page for handbook topic {item['id']}")
        topics.append(Topic(item["id"], item["title"], urljoin(base, path)))
    if not topics:
        raise PublishError(f"{site_dir / HANDBOOK_PAGE}: no topics in the handbook")
    return topics


def review_dates(dates: list[datetime.date]) -> str:
    """'Facts reviewed 30 November 2026', or the span from the oldest to the newest review."""
    oldest, newest = dates[0], dates[-1]
    if oldest == newest:
        return f"Facts reviewed {_day(newest)}"
    return f"Facts reviewed between {_day(oldest)} and {_day(newest)}"


def _day(date: datetime.date) -> str:
    return f"{date.day} {date:%B %Y}"


def footer_template(text: str) -> str:
    """Chromium's footer (pdf/footer.html): ``text``, escaped, and the page number."""
    css = Markup((PDF_DIR / "footer.css").read_text(encoding="utf-8"))
    return _footer_environment().get_template("footer.html").render(text=text, css=css)


def _footer_environment() -> Environment:
    # HTML, so every value is escaped unless the code marks it as markup of its own.
    return Environment(loader=FileSystemLoader(PDF_DIR), autoescape=True, undefined=StrictUndefined)


def _script(name: str) -> str:
    # A function expression, which Playwright calls in the page with the argument given.
    return (PDF_DIR / name).read_text(encoding="utf-8")


def _print(tab: Page, footer: str) -> bytes:
    # Page size and margins come from print.css; an empty header, or Chromium prints the date.
    return tab.pdf(
        format="A4",
        tagged=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=footer,
    )


def _first_pages(pdf: bytes, topics: list[Topic]) -> dict[str, int]:
    # Chromium names a destination after every element id it prints: the topic's anchor.
    reader = PdfReader(io.BytesIO(pdf))
    found = reader.named_destinations
    missing = [t.id for t in topics if f"/{t.id}" not in found and t.id not in found]
    if missing:
        raise PublishError(f"no place in the PDF for topics: {', '.join(missing)}")
    return {
        t.id: reader.get_destination_page_number(found.get(f"/{t.id}") or found[t.id])  # type: ignore[misc]
        for t in topics
    }


def finish_pdf(
    pdf: bytes, topics: list[Topic], pages: dict[str, int], reviewed: datetime.date
) -> bytes:
    """One bookmark per topic, opened beside the pages; dates fixed to the newest review, and
    the structure tree's names made stable (publish/pdf_structure.py).

    Chromium stamps the time it printed; the review date is what the content is as of.
    """
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    if "/Outlines" in writer.root_object:
        del writer.root_object[NameObject("/Outlines")]
    for topic in topics:
        writer.add_outline_item(title=topic.title, page_number=pages[topic.id])
    writer.page_mode = "/UseOutlines"
    renumber_structure_ids(writer)
    stamp = f"D:{reviewed:%Y%m%d}000000Z"
    writer.add_metadata({"/Title": PDF_TITLE, "/CreationDate": stamp, "/ModDate": stamp})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
