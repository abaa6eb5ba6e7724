"""The break-glass kit's parts that need no browser: the zip, forms, sizes, dates, bad input."""

from __future__ import annotations

import datetime
import os
import zipfile
from pathlib import Path

import pytest

from publish.errors import PublishError
from publish.handbook_pdf import footer_template, make_handbook_pdf, review_dates
from publish.kit import readable_size
from publish.offline import fix_folder_form_actions, make_offline_zip, write_zip


def test_zip_is_the_same_whenever_and_in_whatever_order_its_files_were_written(
    tmp_path: Path,
) -> None:
    made = []
    for run, names in enumerate([("a.html", "b/c.js"), ("b/c.js", "a.html")]):
        folder = tmp_path / f"run{run}" / "site"
        for number, name in enumerate(names):
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(name, encoding="utf-8")
            os.utime(path, (1_700_000_000 + run * 86_400 + number,) * 2)
        write_zip(folder, tmp_path / f"run{run}.zip")
        made.append((tmp_path / f"run{run}.zip").read_bytes())
    assert made[0] == made[1]
    with zipfile.ZipFile(tmp_path / "run0.zip") as archive:
        # One top folder, so unpacking never scatters files among the reader's own.
        assert archive.namelist() == ["site/a.html", "site/b/c.js"]
        assert archive.read("site/b/c.js") == b"b/c.js"


@pytest.mark.parametrize(
    ("action", "fixed"),
    [
        ("./", "./index.html"),
        ("../", "../index.html"),
        ("troubleshooter/", "troubleshooter/index.html"),
        ("page.html", "page.html"),
        ("https://example.com/", "https://example.com/"),
        ("/", "/"),
    ],
)
def test_forms_that_send_to_a_folder_send_to_its_index_page(
    tmp_path: Path, action: str, fixed: str
) -> None:
    page = tmp_path / "index.html"
    page.write_text(f'<form class="s" action="{action}" method="get"></form>', encoding="utf-8")
    fix_folder_form_actions(page)
    assert page.read_text(encoding="utf-8") == (
        f'<form class="s" action="{fixed}" method="get"></form>'
    )


def test_sizes_read_as_a_file_manager_shows_them() -> None:
    assert [readable_size(n) for n in (120, 870_400, 999_999, 1_537_571, 12_345_678)] == [
        "1 kB",
        "870 kB",
        "1.0 MB",
        "1.5 MB",
        "12.3 MB",
    ]


def test_review_dates_name_one_day_or_the_span() -> None:
    one, two = datetime.date(2026, 10, 2), datetime.date(2026, 11, 30)
    assert review_dates([two, two]) == "Facts reviewed 30 November 2026"
    assert review_dates([one, two]) == "Facts reviewed between 2 October 2026 and 30 November 2026"


def test_footer_text_is_escaped() -> None:
    footer = footer_template("<b>&</b>")
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in footer
    assert '<span class="pageNumber"></span>' in footer


@pytest.mark.parametrize("site_url", ["signin.example.org", "ftp://signin.example.org/", ""])
def test_pdf_needs_an_http_site_address(tmp_path: Path, site_url: str) -> None:
    # The one check of the address every publish command uses (publish/site_url.py).
    refused = r"^SITE_URL (is not set: .*|'.*' is not an http\(s\) address of a site), e\.g\. "
    with pytest.raises(PublishError, match=refused):
        make_handbook_pdf(tmp_path, tmp_path / "h.pdf", site_url)


def test_pdf_needs_a_built_handbook(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match=r"handbook/index\.html: missing; build the site"):
        make_handbook_pdf(tmp_path, tmp_path / "h.pdf", "https://signin.example.org/")


def test_offline_copy_without_the_shim_says_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match=r"iframe-worker: missing; run `npm ci` in "):
        make_offline_zip(tmp_path, tmp_path / "o.zip")


@pytest.mark.parametrize("url", ["", "handbook/"])
def test_a_build_without_the_kit_links_to_none(page, url: str) -> None:
    # `mkdocs serve` and plain builds have no kit: a link to it would be dead.
    assert page(url).select_one(".kit-links") is None
