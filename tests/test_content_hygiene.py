"""The words are spelled right and every link out of the site goes to an official source.

A typo in a step costs a stressed reader trust; a link to a look-alike or third-party page could
send them to a phishing site. Every fact here must come from AWS itself, so must every link.
"""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import urljoin, urlsplit

from signinhelp.sources import is_official_aws_url
from sitetools.paths import ROOT
from tests.support.editions import Parse

WORD_LIST = ROOT / ".codespell-words.txt"
# codespell's lists of common misspellings, rare words that are usually typos, informal
# spellings, and terms with a clearer or more inclusive usage ("whitelist" -> "allowlist").
DICTIONARIES = "clear,rare,informal,usage"
# What readers read: the pages, and the data files that pages are generated from. Scripts and
# stylesheets are code (the search script lists misspellings on purpose, to correct them).
READ_BY_READERS = {".md", ".yml", ".yaml"}

# Links out of the site that are not AWS pages, each with why the site needs it. Anything else
# must pass signinhelp.sources.is_official_aws_url (https on an AWS documentation host).
ALLOWED_OTHER = {
    "https://squidfunk.github.io/mkdocs-material/": (
        "the theme's 'Made with Material for MkDocs' credit in every footer"
    ),
}
BASE = "http://site.invalid/"


def project_words() -> list[str]:
    """The word list, without its comments: each line is `word  # why it is allowed`."""
    lines = WORD_LIST.read_text(encoding="utf-8").splitlines()
    return [word for line in lines if (word := line.split("#", 1)[0].strip())]


def test_docs_have_no_misspellings() -> None:
    docs = ROOT / "docs"
    texts = sorted(str(p.relative_to(ROOT)) for p in docs.rglob("*") if p.suffix in READ_BY_READERS)
    assert texts
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "codespell_lib",
            "--builtin",
            DICTIONARIES,
            "--ignore-words-list",
            ",".join(project_words()),
            *texts,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout == "" and result.returncode == 0, result.stdout + result.stderr


def test_every_word_in_the_word_list_says_why() -> None:
    lines = [line for line in WORD_LIST.read_text(encoding="utf-8").splitlines() if line.strip()]
    unexplained = [
        line for line in lines if not line.startswith("#") and not line.split("#", 1)[1:]
    ]
    assert unexplained == []
    assert project_words()


def outside_links(page: Parse, page_urls: list[str]) -> list[tuple[str, str]]:
    """(page, URL) for every link, form target and <link> that leaves the site."""
    found = []
    for path in page_urls:
        page_url = urljoin(BASE, path)
        for tag in page(path).select("a[href], area[href], link[href], form[action]"):
            url = urljoin(page_url, tag.get("href") or tag.get("action"))
            if urlsplit(url).scheme in {"http", "https"} and not url.startswith(BASE):
                found.append((path, url))
    return found


def test_every_external_link_is_official(page: Parse, page_urls: list[str]) -> None:
    links = outside_links(page, page_urls)
    unofficial = sorted(
        {
            f"{page}: {url}"
            for page, url in links
            if not is_official_aws_url(url) and url not in ALLOWED_OTHER
        }
    )
    assert unofficial == []
    # The sources box of every topic links out: an empty crawl would prove nothing.
    assert any("docs.aws.amazon.com" in url for _, url in links)
