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
from publish.offline import (
    fix_folder_form_actions,
    make_offline_zip,
    point_forms_at_files,
    write_zip,
)


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
def test_forms_that_send_to_a_folder_send_to_its_index_page(action: str, fixed: str) -> None:
    page = f'<p>a</p>\n<form class="s" action="{action}" method="get"><input name="q"></form>'
    assert fix_folder_form_actions(page) == (
        f'<p>a</p>\n<form class="s" action="{fixed}" method="get"><input name="q"></form>'
    )


def test_a_form_is_found_however_its_tag_is_written() -> None:
    page = "<!-- <form action='./'> -->\n<FORM\n  method=get ACTION='./' role=search>"
    assert fix_folder_form_actions(page) == (
        '<!-- <form action=\'./\'> -->\n<form method="get" action="./index.html" role="search">'
    )


def test_a_home_page_without_its_search_form_stops_the_offline_copy(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<form action="page.html"></form>', encoding="utf-8")
    with pytest.raises(PublishError) as refused:
        point_forms_at_files(tmp_path)
    assert str(refused.value) == 'index.html: no <form action="./"> to point at index.html'


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
