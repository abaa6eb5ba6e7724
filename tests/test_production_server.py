"""The production site as nginx serves it: headers, compression and the 404 page.

Readers of a help site about getting back into an account are a phishing target and often on
a phone with a poor connection: every response carries the security headers, pages are
revalidated, hashed assets are kept a year, and text goes out as br or gzip.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import brotli
import pytest
import yaml

from publish import nginx
from publish.build import Build
from publish.compress import text_files
from publish.errors import PublishError
from sitetools.paths import ROOT
from sitetools.production import run_publish
from sitetools.serve import free_port, wait_for_port
from tests.support.editions import Parse, url_paths

YEAR = "public, max-age=31536000, immutable"
DAY = "public, max-age=86400"


def fetch(url: str, encoding: str = "identity") -> tuple[int, dict[str, str], bytes]:
    """Status, headers and the body exactly as sent (not decoded)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def one(site: Path, pattern: str) -> str:
    [path] = site.glob(pattern)
    return path.relative_to(site).as_posix()


HTML = "text/html; charset=utf-8"
JS = "application/javascript; charset=utf-8"
CSS = "text/css; charset=utf-8"
# URL class: path (a glob where the name is hashed), status, Cache-Control, Content-Type, and
# whether the policy comes along: it binds only documents and the search worker's script.
URL_CLASSES = {
    "page": ("topics/lost-mfa-device/", 200, "no-cache", HTML, True),
    "Material's hashed style sheet": ("assets/stylesheets/main.*.min.css", 200, YEAR, CSS, False),
    "Material's hashed script": ("assets/javascripts/bundle.*.min.js", 200, YEAR, JS, False),
    "search worker's hashed script": (
        "assets/javascripts/workers/search.*.min.js",
        200,
        YEAR,
        JS,
        True,
    ),
    "our bundled style sheet": ("stylesheets/bundle.*.css", 200, YEAR, CSS, False),
    "our bundled script": ("javascripts/bundle.*.js", 200, YEAR, JS, False),
    "our early script": ("javascripts/search-lazy.*.js", 200, YEAR, JS, False),
    "other asset": ("assets/favicon.svg", 200, DAY, "image/svg+xml", False),
    "download": (
        "admin/downloads/allow-list.csv",
        200,
        "no-cache",
        "text/csv; charset=utf-8",
        False,
    ),
    "search index": (
        "search/search_index.json",
        200,
        "no-cache",
        "application/json; charset=utf-8",
        False,
    ),
    "missing page": ("no/such/page/", 404, "no-cache", HTML, True),
}


@pytest.mark.browser
@pytest.mark.parametrize("kind", list(URL_CLASSES))
def test_every_kind_of_url_gets_its_status_and_headers(production, kind: str) -> None:
    path, status, cache, content_type, has_policy = URL_CLASSES[kind]
    if "*" in path:
        path = one(production.site, path)
    got, headers, _ = fetch(production.url + path)
    assert (got, headers["Cache-Control"], headers["Content-Type"]) == (status, cache, content_type)
    assert headers.get("Content-Security-Policy") == (production.policy if has_policy else None)
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Server"] == "nginx"  # no version for anyone to look up


@pytest.mark.browser
def test_a_missing_page_is_the_sites_404_page(production) -> None:
    status, headers, body = fetch(production.url + "topics/no-such-topic/", "br")
    assert status == 404 and headers["Content-Encoding"] == "br"
    assert brotli.decompress(body) == (production.site / "404.html").read_bytes()


@pytest.mark.browser
def test_a_folder_without_its_slash_redirects_on_the_same_host(production) -> None:
    request = urllib.request.Request(production.url + "topics/lost-mfa-device")
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(request)
    assert redirect.value.code == 301
    # Within the site's folder, and without a host: the reader's own one.
    folder = urllib.parse.urlsplit(production.url).path
    assert redirect.value.headers["Location"] == f"{folder}topics/lost-mfa-device/"
    assert redirect.value.headers["X-Content-Type-Options"] == "nosniff"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.browser
@pytest.mark.parametrize(
    ("accepts", "encoding", "decode"),
    [
        ("br, gzip", "br", brotli.decompress),
        ("gzip", "gzip", gzip.decompress),
        ("identity", None, bytes),
    ],
)
@pytest.mark.parametrize("path", ["", "search/search_index.json", "assets/javascripts/"])
def test_br_and_gzip_are_negotiated(production, path, accepts, encoding, decode) -> None:
    if path.endswith("/"):
        path = one(production.site, path + "bundle.*.min.js")
    status, headers, body = fetch(production.url + path, accepts)
    original = production.site / (path or "index.html")
    assert status == 200 and headers.get("Content-Encoding") == encoding
    assert headers["Vary"] == "Accept-Encoding"
    assert decode(body) == original.read_bytes()


@pytest.mark.browser
def test_every_text_file_is_precompressed_and_decompresses_to_itself(production) -> None:
    files = text_files(production.site)
    assert len(files) > 80
    for path in files:
        original = path.read_bytes()
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == original
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == original


def inline_script_hashes(site: Path, page: Parse) -> set[str]:
    """Worked out again here, with another HTML parser than the build's."""
    found = set()
    for url in url_paths(site):
        for script in page(url).find_all("script", src=False):
            if script.get("type", "text/javascript") == "text/javascript":
                digest = hashlib.sha256(script.string.encode("utf-8")).digest()
                found.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return found


@pytest.mark.browser
def test_the_policy_allows_exactly_the_inline_scripts_of_the_built_pages(
    production, production_page: Parse
) -> None:
    directives = dict(part.split(" ", 1) for part in production.policy.split("; "))
    sources = directives["script-src"].split()
    assert sources[0] == "'self'" and "'unsafe-inline'" not in sources
    assert set(sources[1:]) == inline_script_hashes(production.site, production_page)
    assert directives["frame-ancestors"] == "'none'"


# What the production build bundles: the mkdocs.yml list, the bundle, and how a page loads it.
BUNDLES = {
    "style sheet": ("extra_css", "stylesheets/bundle.*.css", 'link[rel="stylesheet"]', "href"),
    # The body's: the head holds the scripts that must run before Material's, each on its own.
    "script": ("extra_javascript", "javascripts/bundle.*.js", "body script[src]", "src"),
}


@pytest.mark.browser
@pytest.mark.parametrize("kind", list(BUNDLES))
def test_pages_load_one_bundle_of_ours_holding_every_source_in_order(
    production, production_page: Parse, kind: str
) -> None:
    setting, pattern, selector, attribute = BUNDLES[kind]
    sources = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))[setting]
    bundle = one(production.site, pattern)
    text = (production.site / bundle).read_text(encoding="utf-8")
    starts = [text.index(f"/* {path} */") for path in sources]
    assert starts == sorted(starts)
    for path in sources:
        assert (ROOT / "docs" / path).read_text(encoding="utf-8").strip() in text
    page = production_page("topics/lost-mfa-device/")
    ours = [tag[attribute] for tag in page.select(selector) if "/assets/" not in tag[attribute]]
    assert ours == [f"../../{bundle}"]


@pytest.mark.browser
def test_scripts_that_run_before_materials_keep_their_order_under_hashed_names(
    production, production_page: Parse
) -> None:
    early = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["polyfills"]
    page = production_page("topics/lost-mfa-device/")
    loaded = [tag["src"] for tag in page.select("script[src]")]
    hashed = [one(production.site, path.replace(".js", ".*.js")) for path in early]
    assert loaded[: len(early)] == [f"../../{path}" for path in hashed]
    assert "/assets/javascripts/bundle." in loaded[len(early)]
    for source, path in zip(early, hashed, strict=True):
        assert (production.site / path).read_bytes() == (ROOT / "docs" / source).read_bytes()
        assert not (production.site / source).exists()


@pytest.mark.browser
def test_every_external_script_of_every_page_is_deferred(
    production, production_page: Parse
) -> None:
    """The build's defer step, checked on what it wrote with another HTML parser than its own."""
    waiting, pages = [], 0
    for url in url_paths(production.site):
        external = production_page(url).find_all("script", src=True)
        pages += bool(external)
        waiting += [f"{url}: {tag['src']}" for tag in external if not tag.has_attr("defer")]
    assert pages > 40
    assert not waiting, "\n".join(waiting[:20])


@pytest.mark.browser
def test_robots_points_at_the_sitemap(production) -> None:
    robots = (production.site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {production.url}sitemap.xml" in robots.splitlines()


@pytest.mark.parametrize("value", ["ftp://help.example.org/", "help.example.org"])
@pytest.mark.site
def test_a_bad_site_url_stops_the_build_with_one_line(tmp_path: Path, value: str) -> None:
    done = run_publish(
        "build", "--out", str(tmp_path / "out"), env={"SITE_URL": value, "PATH": "/usr/bin:/bin"}
    )
    assert done.returncode != 0 and done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and value in done.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("folder", ["", "aws-signin/"], ids=["at the root", "in a folder"])
def test_nginx_serves_a_build_under_a_private_folder(tmp_path: Path, folder: str) -> None:
    """A clone in root's home (mode 700) is served: started by root, nginx's workers would run
    as `nobody`, who can't enter that folder, and every page would answer 404. A site built
    for an address with a folder answers there, its 404 page too."""
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o700)
    port = free_port()
    build = Build(home / "aws-signin-help" / "dist", f"http://127.0.0.1:{port}/{folder}")
    build.site.mkdir(parents=True)
    (build.site / "index.html").write_text("<h1>Home</h1>\n", encoding="utf-8")
    (build.site / "404.html").write_text("<h1>Not found</h1>\n", encoding="utf-8")
    build.policy_file.write_text("default-src 'none'\n", encoding="utf-8")
    try:
        argv = nginx.command(build, port, access_log="off")
    except PublishError as error:
        pytest.fail(f"{error} (scripts/test.sh installs them when run as root)")
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(port, server, 15)
        assert fetch(build.site_url)[::2] == (200, b"<h1>Home</h1>\n")
        assert fetch(build.site_url + "nothing/")[::2] == (404, b"<h1>Not found</h1>\n")
        if folder:
            assert fetch(f"http://127.0.0.1:{port}/index.html")[0] == 404
    finally:
        server.terminate()
        server.wait(timeout=10)
