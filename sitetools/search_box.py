"""Type into Material's real search box in Chromium and read the results a reader sees.

Material's search runs in a web worker and answers every keystroke. A small probe, injected
before the page's own scripts, counts the queries sent to the worker and the answers that come
back, so a reading is taken only once the answer to the whole query is on screen; it also times
that from the last keystroke. Shared by the search tests and benchmarks/search.py; the query
sets live in tests/.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Browser, Page, ViewportSize

from sitetools.paths import ROOT

QUERY_SETS = ROOT / "tests"
QUERIES = QUERY_SETS / "search_queries.yml"
HOLDOUT = QUERY_SETS / "search_queries_holdout.yml"
FRESH = QUERY_SETS / "search_queries_fresh.yml"
BLIND = QUERY_SETS / "search_queries_blind.yml"
ADMIN = QUERY_SETS / "search_queries_admin.yml"
ADMIN_HOLDOUT = QUERY_SETS / "search_queries_admin_holdout.yml"
TERSE = QUERY_SETS / "search_queries_terse.yml"
# Readers' own words, quoted from public posts: one half to tune with, one never tuned to.
REAL = QUERY_SETS / "search_queries_real.yml"
REAL_HOLDOUT = QUERY_SETS / "search_queries_real_holdout.yml"
# Every set the benchmarks measure, by the name their tables give it.
NAMED_SETS = {
    "main": QUERIES,
    "held-out": HOLDOUT,
    "fresh": FRESH,
    "blind": BLIND,
    "admin": ADMIN,
    "admin held-out": ADMIN_HOLDOUT,
    "terse": TERSE,
    "real": REAL,
    "real held-out": REAL_HOLDOUT,
}

# Message types of Material's search worker (SearchMessageType: SETUP, READY, QUERY, RESULT).
PROBE = """
(() => {
  const probe = { ready: false, sent: 0, answered: 0, keyAt: 0, sentAt: 0, shownAt: 0 };
  window.__searchProbe = probe;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      // Runs before Material's own listener, which renders the answer.
      this.addEventListener("message", ({ data }) => {
        if (data.type === 1) probe.ready = true;
        if (data.type === 3) { probe.answered += 1; probe.shownAt = 0; }
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { probe.sent += 1; probe.sentAt = performance.now(); }
      return super.postMessage(message, ...rest);
    }
  };
  document.addEventListener("keyup", () => { probe.keyAt = performance.now(); }, true);
  document.addEventListener("DOMContentLoaded", () => {
    // The first change on screen after the answer to the latest query is "results shown".
    new MutationObserver(() => {
      if (probe.answered === probe.sent && !probe.shownAt) probe.shownAt = performance.now();
    }).observe(document.querySelector(".md-search-result"),
               { childList: true, subtree: true, characterData: true });
  });
})();
"""

IDLE = "() => window.__searchProbe.answered === window.__searchProbe.sent"

# Once the query the last keystroke sent has been answered and the answer is on screen: what
# the screen shows (else false, and Playwright asks again).
ANSWERED = """
query => {
  const probe = window.__searchProbe;
  const done = probe.ready && document.querySelector("input.md-search__input").value === query
    && probe.sentAt >= probe.keyAt && probe.answered === probe.sent && probe.shownAt > 0;
  if (!done) return false;
  const items = [...document.querySelectorAll(".md-search-result__item")].map(item =>
    [...item.querySelectorAll(":scope > a.md-search-result__link")].map(link => link.href));
  const meta = document.querySelector(".md-search-result__meta").innerText;
  return { items, meta, millis: probe.shownAt - probe.keyAt };
}
"""


# Each query entered in turn, in one call into the page: the box gets the query and the key-up
# Material searches on, then the results are read once the answer is on screen. A query the
# same as the one before first sends all but its last letter, or Material would send none.
# Reading the results this way took half the time of a round trip from Python per key and read.
SEARCH_ALL = """
async ({ queries, seconds }) => {
  const probe = window.__searchProbe;
  const box = document.querySelector("input.md-search__input");
  const release = value => {
    box.value = value;
    box.dispatchEvent(new KeyboardEvent("keyup", { key: value.slice(-1), bubbles: true }));
  };
  const settled = async (query, done) => {
    const deadline = performance.now() + seconds * 1000;
    while (!done()) {
      if (performance.now() > deadline) throw new Error(`no answer on screen for ${query}`);
      await new Promise(resolve => setTimeout(resolve, 1));
    }
  };
  const readings = [];
  for (const query of queries) {
    if (query === box.value) {
      release(query.slice(0, -1));
      await settled(query, () => probe.answered === probe.sent);
    }
    release(query);
    await settled(query, () => probe.sentAt >= probe.keyAt && probe.answered === probe.sent
      && probe.shownAt > 0);
    const items = [...document.querySelectorAll(".md-search-result__item")].map(item =>
      [...item.querySelectorAll(":scope > a.md-search-result__link")].map(link => link.href));
    const meta = document.querySelector(".md-search-result__meta").innerText;
    readings.push({ items, meta, millis: probe.shownAt - probe.keyAt });
  }
  return readings;
}
"""
# How long one query may take to show its answer, on a loaded machine.
ANSWER_SECONDS = 30


@dataclass(frozen=True)
class Query:
    """A query as a reader types it, the page that answers it and, on an admin page, the
    section (heading id) with the answer."""

    text: str
    page: str  # site path: "topics/lost-mfa-device/", "admin/checklist/"
    section: str | None = None


@dataclass(frozen=True)
class Reading:
    """What the search box showed for one query."""

    query: str
    pages: tuple[str, ...]  # result pages, best first, as site paths: "topics/lost-mfa-device/"
    # Per result page, the ids of the sections shown as links with their text (the best
    # matches); sections Material folds under "more results" are left out.
    sections: tuple[tuple[str, ...], ...]
    millis: float  # from the last keystroke to the results on screen
    meta: str  # the line above the results, e.g. "No matching documents"

    def to_json(self) -> dict[str, Any]:
        """Plain data, to keep a reading in a file (the tests share one set between workers)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reading:
        """A reading back from `to_json`'s data."""
        sections = tuple(tuple(ids) for ids in data["sections"])
        return cls(data["query"], tuple(data["pages"]), sections, data["millis"], data["meta"])

    def rank(self, path: str) -> int | None:
        """1-based place of a page among the results, or None when it isn't listed."""
        return self.pages.index(path) + 1 if path in self.pages else None

    def shows_section(self, path: str, section: str, top: int = 3) -> bool:
        """The page is among the first ``top`` results, with a link to the section."""
        rank = self.rank(path)
        return rank is not None and rank <= top and section in self.sections[rank - 1]


def load_queries(path: Path = QUERIES) -> list[Query]:
    """A query set: a YAML list of {q, topic} (a topic's slug) or {q, page, section}."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Query(str(entry["q"]), topic_path(entry["topic"]))
        if "topic" in entry
        else Query(str(entry["q"]), str(entry["page"]), entry.get("section"))
        for entry in entries
    ]


def topic_path(slug: str) -> str:
    """Where a topic's page lives on the site."""
    return f"topics/{slug}/"


# A desktop viewport: the header search field is on screen, as for most readers.
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
# A phone: search opens from the header's magnifier button.
PHONE: ViewportSize = {"width": 390, "height": 844}


class SearchBox:
    """One browser page with the site open, reused for every query."""

    def __init__(self, browser: Browser, base_url: str, viewport: ViewportSize = DESKTOP) -> None:
        self.base = urlsplit(base_url).path
        self.context = browser.new_context(viewport=viewport)
        self.context.add_init_script(PROBE)
        self.page: Page = self.context.new_page()
        self.page.goto(base_url)
        self.box = self.page.locator("input.md-search__input")
        opener = self.page.locator("button.search-opener")
        (opener if opener.is_visible() else self.box).click()
        self.page.wait_for_function("() => window.__searchProbe.ready")
        self.last_query = ""

    def search(self, query: str) -> Reading:
        """Enter the query and read the results once they are on screen: the tests' way.

        Material searches on each key released. The box gets all but the last key at once, and
        releasing the last key sends the one query whose results a reader reads: the same
        results as typing it key by key, without the searches for every prefix on the way.
        """
        self.box.fill(query[:-1])
        if query == self.last_query:
            # Material sends a query only when the words change: the same query again would
            # send none, so the box first sends all but its last key.
            self.box.press("End")
            self.page.wait_for_function(IDLE, polling=10)
        self.box.press_sequentially(query[-1])
        self.last_query = query
        return self._read(query)

    def type(self, query: str) -> Reading:
        """Type the query as a reader does, then read the results: the benchmark's way.

        The box gets all but the last word at once, then the last word is typed key by key, so
        the type-ahead searches run as they do for a reader. Before the last key it waits for
        the worker to catch up, as it has between the keys of someone typing at human speed, so
        the time measured is the whole query's.
        """
        head, _, last = query.rpartition(" ")
        self.box.click()
        self.box.fill(f"{head} " if head else "")
        self.box.press_sequentially(last[:-1])
        self.page.wait_for_function(IDLE, polling=10)
        self.box.press_sequentially(last[-1])
        return self._read(query)

    def search_all(self, queries: list[str]) -> list[Reading]:
        """Each query entered in turn and its results read, in one call into the page: the
        same readings as `search` for each, for the long query sets (SEARCH_ALL says how)."""
        shown = self.page.evaluate(SEARCH_ALL, {"queries": queries, "seconds": ANSWER_SECONDS})
        self.last_query = queries[-1] if queries else self.last_query
        return [self._reading(query, found) for query, found in zip(queries, shown, strict=True)]

    def _read(self, query: str) -> Reading:
        """The results for ``query``, once they are on screen: one call into the page, which
        answers when they are there (each result's page link, then its best sections' links)."""
        return self._reading(
            query, self.page.wait_for_function(ANSWERED, arg=query, polling=10).json_value()
        )

    def _reading(self, query: str, shown: dict[str, Any]) -> Reading:
        pages = tuple(self._site_path(hrefs[0]) for hrefs in shown["items"])
        sections = tuple(
            tuple(urlsplit(href).fragment for href in hrefs[1:]) for hrefs in shown["items"]
        )
        return Reading(query, pages, sections, shown["millis"], shown["meta"].strip())

    def close(self) -> None:
        self.context.close()

    def _site_path(self, href: str) -> str:
        path = urlsplit(href).path
        return path[len(self.base) :] if path.startswith(self.base) else path
