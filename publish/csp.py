"""The Content-Security-Policy, with Material's inline scripts allowed by their hashes.

A help site for getting back into an account is a phishing target: no script may run unless it
is one of ours. Material writes a few small scripts inline into every page; rather than allow
inline scripts in general, the build hashes each one found in the built pages, so the policy
always matches what was built and nobody types a hash by hand.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

# Script types a browser runs; `application/json` (Material's config) is data, not code.
RUNNABLE_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})

# Everything from the site's own origin, nothing from elsewhere (readers' filters, privacy),
# no plugins, no framing (clickjacking), no <base> tricks. `data:` images are Material's icons.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)
# Browsers ignore these in a <meta> policy and complain about them in the console.
HEADER_ONLY = frozenset({"frame-ancestors"})


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        named = dict(attrs)
        if "src" not in named and (named.get("type") or "").lower() in RUNNABLE_TYPES:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run, exactly as the page holds it."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(script: str) -> str:
    """A CSP hash source for one inline script: 'sha256-<base64>'."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def site_script_hashes(site: Path) -> list[str]:
    """The distinct hashes of the inline scripts of every built page, sorted."""
    return sorted(
        {
            script_hash(script)
            for page in site.rglob("*.html")
            for script in inline_scripts(page.read_text(encoding="utf-8"))
        }
    )


def policy(hashes: Iterable[str], *, meta: bool = False) -> str:
    """The policy as one header value; `meta=True` leaves out what a <meta> tag can't carry."""
    sources = dict(DIRECTIVES)
    sources["script-src"] = " ".join(["'self'", *hashes])
    return "; ".join(
        f"{name} {value}" for name, value in sources.items() if not (meta and name in HEADER_ONLY)
    )


# Material's pages open with this; the policy must come before any script.
_CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.IGNORECASE)


def with_meta_policy(page: str, meta_policy: str) -> str:
    """The page with the policy in a <meta> tag right after its charset, for header-less hosts."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(meta_policy)}">'
    found = _CHARSET.search(page)
    if found is None:
        raise ValueError("no <meta charset> to put the policy after")
    return page[: found.end()] + "\n    " + tag + page[found.end() :]
