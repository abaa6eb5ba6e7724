"""The production tooling's pure functions, without building anything."""

from __future__ import annotations

import gzip

import brotli
import pytest

from publish import assets, compress, csp, nginx, scripts
from publish.build import robots_txt
from publish.errors import PublishError
from publish.site_url import site_url_from

TEXT = ("Sign in with the root user's email address. " * 200).encode()


def test_both_encodings_give_the_original_back_and_the_same_bytes_every_time() -> None:
    assert brotli.decompress(compress.brotli_bytes(TEXT)) == TEXT
    assert gzip.decompress(compress.gzip_bytes(TEXT)) == TEXT
    assert compress.brotli_bytes(TEXT) == compress.brotli_bytes(TEXT)
    packed = compress.gzip_bytes(TEXT)
    # No timestamp (bytes 4-7) and no file name (flag 0x08): nothing differs between builds.
    assert packed[4:8] == b"\0\0\0\0" and not packed[3] & 0x08


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://help.example.org/", "https://help.example.org/"),
        ("https://octocat.github.io/aws-signin-help", "https://octocat.github.io/aws-signin-help/"),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/"),
    ],
)
def test_site_url_ends_in_a_slash(value: str, expected: str) -> None:
    assert site_url_from(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "help.example.org",
        "ftp://example.org/",
        "javascript:alert(1)",
        "https:///nohost",
        "https://example.org/?a=1",
    ],
)
def test_a_site_url_that_is_not_an_http_address_is_refused_in_one_line(value) -> None:
    with pytest.raises(PublishError) as refused:
        site_url_from(value)
    assert "SITE_URL" in str(refused.value) and "\n" not in str(refused.value)


def test_robots_points_at_the_absolute_sitemap() -> None:
    assert "Sitemap: https://help.example.org/sub/sitemap.xml" in robots_txt(
        "https://help.example.org/sub/"
    )


def test_bundle_keeps_the_order_and_names_itself_after_its_content() -> None:
    sheets = [("stylesheets/b.css", "b { }\n"), ("stylesheets/a.css", "a { }")]
    bundle = assets.bundle_css(sheets)
    text = bundle.content.decode()
    assert text.index("b { }") < text.index("a { }")
    assert bundle.path.startswith("stylesheets/bundle.") and bundle.path.endswith(".css")
    assert assets.bundle_css(sheets[::-1]).path != bundle.path


def test_scripts_bundle_in_order_and_none_runs_into_the_next() -> None:
    scripts = [("javascripts/b.js", b"b()"), ("javascripts/a.js", b"a()\n")]
    bundle = assets.bundle_scripts(scripts)
    assert bundle.content == b"/* javascripts/b.js */\nb()\n;\n/* javascripts/a.js */\na()\n;\n"
    assert bundle.path.startswith("javascripts/bundle.") and bundle.path.endswith(".js")
    assert assets.bundle_scripts(scripts[::-1]).path != bundle.path


def test_a_style_sheet_outside_the_folder_is_not_bundled() -> None:
    # Its relative url()s would point elsewhere once moved.
    with pytest.raises(ValueError, match=r"extra/x\.css"):
        assets.bundle_css([("extra/x.css", "")])


def test_only_scripts_a_browser_runs_are_hashed() -> None:
    page = (
        '<script src="a.js"></script><script type="application/json">{"a": 1}</script>'
        "<script>var a = '&amp;' < 1;</script><script type=module>b()</script>"
    )
    assert csp.inline_scripts(page) == ["var a = '&amp;' < 1;", "b()"]


def test_policy_allows_scripts_by_hash_only_and_the_meta_form_drops_framing() -> None:
    hashes = [csp.script_hash("a()")]
    header = csp.policy(hashes)
    assert "script-src 'self' 'sha256-" in header and "unsafe-inline" not in header
    assert "frame-ancestors 'none'" in header
    assert "frame-ancestors" not in csp.policy(hashes, meta=True)


def test_meta_policy_goes_right_after_the_charset() -> None:
    page = '<head>\n<meta charset="utf-8">\n<script>a()</script>'
    with_policy = csp.with_meta_policy(page, "script-src 'self'")
    assert with_policy.index("Content-Security-Policy") < with_policy.index("<script>")
    assert 'content="script-src &#x27;self&#x27;"' in with_policy


def test_a_config_placeholder_left_without_a_value_is_an_error() -> None:
    assert nginx.render_config("listen @PORT@;", {"PORT": "8000"}) == "listen 8000;"
    with pytest.raises(ValueError, match="@ROOT@"):
        nginx.render_config("root @ROOT@;", {})


def test_external_scripts_are_deferred_and_inline_ones_left_alone() -> None:
    page = '<script src="a.js"></script><script>b()</script><script src="c.js" async></script>'
    assert scripts.defer_scripts(page, "a.html") == (
        '<script src="a.js" defer></script><script>b()</script><script src="c.js" async></script>'
    )


def test_a_script_tag_is_deferred_however_it_is_written() -> None:
    page = (
        "<script>'<script src=x.js></script>'</script>\n<SCRIPT\n type=text/javascript SRC='a.js'>"
    )
    assert scripts.defer_scripts(page, "a.html") == (
        "<script>'<script src=x.js></script>'</script>\n"
        '<script type="text/javascript" src="a.js" defer>'
    )


def test_a_page_without_an_external_script_stops_the_build_in_one_line() -> None:
    with pytest.raises(PublishError) as refused:
        scripts.defer_scripts("<p>Hi</p><script>a()</script>", "topics/a/index.html")
    assert str(refused.value) == (
        "topics/a/index.html: no <script src=...> to defer; did Material's layout change?"
    )
