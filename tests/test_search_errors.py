"""A pasted error message finds its topic first, however the reader pastes it.

Readers copy what the screen says: the whole message or its first half (four words at least),
with or without the quotes, the "Error:" in front or the full stop at the end, and for a
message that carries AWS's "(Service: ...; Error Code: ...)" the suffix as the console shows
it, with a request ID.
Every message of every topic's `errors` (as the A to Z index lists them) is typed in each of
these forms into Material's own search box in headless Chromium, pasted in one go, in one page.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from signinhelp.topics.model import message_key
from sitetools.search_box import SearchBox

ERRORS_PAGE = "errors/"
# Part of a message: its first half, but four words at least ("Invalid" alone is no message).
PART_MIN_WORDS = 4
SERVICE_SUFFIX = re.compile(r"\s*\((service: .*)\)\s*$", re.IGNORECASE)
REQUEST_ID = "; Request ID: 2f6c0a1e-5b7d-4e8a-9c3b-1d2e3f4a5b6c; Proxy: null"


def pasted(message: str) -> list[str]:
    """The message in each form a reader pastes it."""
    bare = message.removeprefix("Error: ")
    forms = [message, f'"{message}"', f"\u201c{message}\u201d", f"Error: {bare}"]
    if message[-1] not in ".!?)":
        forms.append(f"{message}.")
    words = bare.split()
    part = max(PART_MIN_WORDS, len(words) // 2)
    if len(words) > part:
        forms.append(" ".join(words[:part]))
    if suffix := SERVICE_SUFFIX.search(message):
        forms.append(message[: suffix.start()])
        forms.append(f"{message[: suffix.start()]} ({suffix.group(1)}{REQUEST_ID})")
    return list(dict.fromkeys(forms))


def test_each_form_of_a_message_is_what_a_reader_pastes() -> None:
    assert pasted("Error: Invalid private key.") == [
        "Error: Invalid private key.",
        '"Error: Invalid private key."',
        "\u201cError: Invalid private key.\u201d",
    ]
    forms = pasted(
        "Error: Response signature invalid (service: AWSSecurityTokenService; status code: 400;"
        " error code: InvalidIdentityToken)"
    )
    assert "Error: Response signature invalid" in forms
    assert forms[-1].endswith(f"InvalidIdentityToken{REQUEST_ID})")
    assert "Session token not found" in pasted("Session token not found or invalid")


@pytest.fixture(scope="module")
def messages(page) -> dict[str, set[str]]:
    """Each message of the A to Z index, and the topics (site paths) that list it."""
    found: dict[str, set[str]] = {}
    first_spelling: dict[str, str] = {}
    for item in page(ERRORS_PAGE).select(".error-index li"):
        href = urlsplit(urljoin(f"/{ERRORS_PAGE}", item.select_one("a[href]")["href"])).path
        text = item.select_one("q.aws-error").get_text()
        text = first_spelling.setdefault(message_key(text), text)
        found.setdefault(text, set()).add(href.lstrip("/"))
    return found


@pytest.mark.browser
def test_every_pasted_message_finds_its_topic_first(
    box: SearchBox, messages: dict[str, set[str]]
) -> None:
    """A message several topics list (each for its own reader) may lead to any of them."""
    assert len(messages) >= 30
    forms = [(form, topics) for message, topics in messages.items() for form in pasted(message)]
    # Each form goes into the box whole, then the key-up Material searches on: a paste.
    readings = box.search_all([form for form, _ in forms])
    misses = [
        f"{form!r} -> {sorted(topics)}: got {list(reading.pages[:3])}"
        for (form, topics), reading in zip(forms, readings, strict=True)
        if not reading.pages or reading.pages[0] not in topics
    ]
    assert misses == []
