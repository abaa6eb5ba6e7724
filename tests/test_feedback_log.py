"""'Did this page help?': what the widget sends, what nginx logs, and what the summary counts.

The log is written from requests anyone can send, so the summary must count only answers the
widget could have sent, and say how many lines it skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from publish import feedback, nginx
from publish.errors import PublishError
from publish.feedback_log import Answer, parse_line, read_log, report, summarize
from sitetools.production import run_publish

TIME = "2026-12-05T21:04:11+00:00"


def line(page: str = "%2Ftopics%2Flost-mfa-device%2F", vote: str = "no", reason: str = "") -> str:
    return f"{TIME} page={page} vote={vote} reason={reason}"


def test_an_answer_is_read_back_as_the_widget_sent_it() -> None:
    assert parse_line(line(reason="steps-failed")) == Answer(
        "/topics/lost-mfa-device/", "no", "steps-failed"
    )
    assert parse_line(line(vote="yes")) == Answer("/topics/lost-mfa-device/", "yes", "")
    # nginx writes "-" for an argument that wasn't sent at all.
    assert parse_line(line(vote="yes", reason="-")) == Answer("/topics/lost-mfa-device/", "yes", "")


@pytest.mark.parametrize(
    "bad",
    [
        line(vote="maybe"),
        line(vote="yes", reason="steps-failed"),  # only a "no" has a reason
        line(reason="I%20hate%20it"),  # free text is not a reason
        line(page="https%3A%2F%2Fevil.example%2F"),  # not a path of this site
        line(page="%2Ftopics%2F..%2F..%2Fetc%2F"),
        line(page="%2Ftopics%2Fx%5Cx22%2F"),  # what nginx writes for a quote
        line(page="-"),
        "garbage",
        line().replace(TIME, "yesterday"),
        line() + " extra=1",
    ],
)
def test_a_line_the_widget_could_not_have_sent_is_no_answer(bad: str) -> None:
    assert parse_line(bad) is None


def test_the_summary_puts_the_pages_failing_readers_most_first_and_counts_what_it_skipped() -> None:
    log = [
        line("%2Ftopics%2Fa%2F", "yes"),
        line("%2Ftopics%2Fa%2F", "yes"),
        line("%2Ftopics%2Fa%2F", "no", "out-of-date"),
        line("%2Ftopics%2Fb%2F", "no", "steps-failed"),
        line("%2Ftopics%2Fb%2F", "no", "steps-failed"),
        line("%2Ftopics%2Fb%2F", "no"),
        line("%2Ftopics%2Fc%2F", "yes"),
        "not a line nginx wrote",
        line(vote="no", reason="<script>"),
        "",
    ]
    assert report(summarize(log)) == [
        "7 answer(s) on 3 page(s), worst first",
        "/topics/b/  no: 3  yes: 0",
        "    2  I followed the steps, but they didn't work",
        "    1  no reason given",
        "/topics/a/  no: 1  yes: 2",
        "    1  What I see at AWS doesn't match this page",
        "/topics/c/  no: 0  yes: 1",
        "2 line(s) skipped: not an answer the widget sends",
    ]


def test_a_log_that_cant_be_read_is_one_error_line(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="can't read the feedback log: No such file"):
        read_log(tmp_path / "feedback.log")
    done = run_publish("feedback", str(tmp_path))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"error: {tmp_path}: can't read the feedback log: Is a directory\n"


def test_the_server_logs_the_time_page_vote_and_reason_and_nothing_that_tells_who() -> None:
    config = nginx.TEMPLATE.read_text(encoding="utf-8")
    [fmt] = re.findall(r"log_format feedback '([^']*)';", config)
    assert re.findall(r"\$\w+", fmt) == ["$time_iso8601", "$arg_page", "$arg_vote", "$arg_reason"]
    # Logged there and nowhere else (not in the access log), and answered with an empty 204.
    [location] = re.findall(r"location = @SITE_PATH@feedback \{([^}]*)\}", config)
    assert location.split() == ["access_log", "@FEEDBACK_LOG@", "feedback;", "return", "204;"]


def test_the_widget_offers_exactly_the_reasons_the_summary_accepts() -> None:
    widget = BeautifulSoup(feedback.widget_html("/topics/x/", "/feedback"), "html.parser")
    sent = [button["data-reason"] for button in widget.select("[data-reason]")]
    assert sent == [*feedback.REASONS, ""]
    assert [button["data-vote"] for button in widget.select("[data-vote]")] == ["yes", "no"]
    assert all(parse_line(line("%2Ftopics%2Fx%2F", "no", reason)) for reason in sent)


def test_the_widget_goes_after_the_steps_and_the_rest_of_the_page_stays_as_it_was() -> None:
    page = (
        '<h2 id="steps">Steps</h2><ol><li>Sign in.</li></ol>\n'
        '<h2 id="how-you-got-here">How you got here</h2>\n<h2 id="sources">Sources</h2>'
    )
    out = feedback.with_widget(page, "/topics/x/", "/feedback")
    before, _, after = out.partition('<h2 id="how-you-got-here">')
    assert before.startswith(page[: page.index('<h2 id="how-you-got-here">')])
    assert 'class="page-feedback"' in before and 'data-page="/topics/x/"' in before
    assert after == page.partition('<h2 id="how-you-got-here">')[2]


@pytest.mark.parametrize(
    ("site_url", "path"),
    [
        ("https://help.example.org/", "/feedback"),
        ("https://intranet.example.org/aws-signin/", "/aws-signin/feedback"),
    ],
)
def test_answers_go_to_the_sites_own_folder(site_url: str, path: str) -> None:
    assert feedback.endpoint(site_url) == path
    widget = BeautifulSoup(feedback.widget_html("/topics/x/", path), "html.parser")
    assert widget.select_one("[data-endpoint]")["data-endpoint"] == path


def test_a_topic_page_without_a_list_after_its_steps_stops_the_build_in_one_line() -> None:
    with pytest.raises(PublishError) as raised:
        feedback.with_widget('<h2 id="steps">Steps</h2>', "/topics/x/", "/feedback")
    assert str(raised.value) == (
        "/topics/x/: no #related-topics, #how-you-got-here, #sources heading"
        " to put 'Did this page help?' before"
    )
