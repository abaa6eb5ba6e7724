"""Every `aws ...` command on the site must exist as written in the service models the CLI uses.

A reader pastes these commands into a terminal; a misspelt option or a missing required
parameter fails there, far from the page that caused it. The lists of commands and options
that are not in any service model are checked too, so nothing hides behind them.
"""

from __future__ import annotations

import botocore.session
import pytest
from awscli.clidriver import create_clidriver

from signinhelp.problems import Problem
from sitetools.paths import ROOT
from tests.support.awscli_check import (
    CLI_OWN,
    CLI_V2_ONLY,
    CUSTOMIZATIONS,
    GLOBAL_OPTIONS,
    INPUT_OPTIONS,
    PAGINATION_OPTIONS,
    check_command,
    cli_own_reason,
    cli_v2_only_reason,
)
from tests.support.awscli_markdown import (
    AwsCommand,
    Code,
    aws_commands,
    code_in_markdown,
    code_in_pages,
)

SESSION = botocore.session.get_session()


def site_commands() -> tuple[list[tuple[str, AwsCommand]], list[Problem]]:
    """Every aws command in every page, with the file it is in, and lines that don't parse."""
    found, problems = [], []
    for label, code in code_in_pages(ROOT / "docs", ROOT):
        commands, bad = aws_commands(code, label)
        found += [(label, command) for command in commands]
        problems += bad
    return found, problems


SITE_COMMANDS, SITE_PROBLEMS = site_commands()


def commands_in(markdown: str) -> list[AwsCommand]:
    return [c for code in code_in_markdown(markdown) for c in aws_commands(code, "page.md")[0]]


# --- Finding commands in Markdown -----------------------------------------------------------


def test_commands_come_from_fenced_blocks_with_their_lines():
    markdown = (
        "---\ntitle: x\n---\n"
        "Text.\n"
        "1. Step:\n\n"
        "    ```bash\n"
        "    $ aws iam list-users \\\n"
        "        --max-items 5\n"
        "    aws iam get-credential-report --query Content --output text | base64 --decode\n"
        "    ```\n"
    )
    commands = commands_in(markdown)
    assert [(c.words, c.line, c.complete) for c in commands] == [
        (("iam", "list-users", "--max-items", "5"), 8, True),
        (("iam", "get-credential-report", "--query", "Content", "--output", "text"), 10, True),
    ]


def test_inline_code_counts_even_when_it_wraps_across_lines():
    commands = commands_in("Run `aws iam get-login-profile\n--user-name alice` to check.\n")
    assert [(c.words, c.line, c.complete) for c in commands] == [
        (("iam", "get-login-profile", "--user-name", "alice"), 1, False)
    ]


def test_arns_condition_keys_and_json_output_are_not_commands():
    markdown = (
        "The key `aws:SourceIp` and the ARN `arn:aws:iam::111122223333:root`.\n\n"
        '```json\n{"Arn": "arn:aws:iam::111122223333:user/alice"}\n```\n'
    )
    assert commands_in(markdown) == []


def test_quoted_values_stay_one_word_and_variables_are_skipped():
    markdown = (
        "```bash\nAWS_PROFILE=admin aws logs put-metric-filter --filter-pattern '{a && b}'\n```\n"
    )
    assert [c.words for c in commands_in(markdown)] == [
        ("logs", "put-metric-filter", "--filter-pattern", "{a && b}")
    ]


def test_a_line_the_shell_cannot_split_is_a_problem():
    code = Code(line=4, text="aws iam get-user --user-name 'alice", block=True)
    commands, problems = aws_commands(code, "docs/page.md")
    assert commands == []
    assert [str(p) for p in problems] == [
        "docs/page.md: line 4: can't be split into words (No closing quotation)"
    ]


def test_a_fence_names_its_language_and_file_title():
    code = code_in_markdown('```json title="require-mfa.json"\n{}\n```\n')[0]
    assert (code.language, code.title) == ("json", "require-mfa.json")
    assert (code.line, code.text) == (2, "{}")


# --- Checking a command against the service models ------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        "iam get-account-summary --query SummaryMap.AccountMFAEnabled --output text",
        "--region us-east-1 sts get-caller-identity",
        "iam update-account-password-policy --no-require-symbols --minimum-password-length 14",
        "iam list-users --max-items 10 --starting-token abc --page-size 5",
        "iam create-virtual-mfa-device --virtual-mfa-device-name a --outfile a.png "
        "--bootstrap-method QRCodePNG",
        "iam enable-mfa-device --cli-input-json file://input.json",
        "signin put-console-authorization-configuration --target-id 111122223333",
        "--version",
        "configure list --profile my-profile",
    ],
)
def test_correct_commands_pass(command):
    assert check_command(command.split(), SESSION) == []


@pytest.mark.parametrize(
    ("command", "problem"),
    [
        ("iamm list-users", "'iamm' is not an AWS CLI service (did you mean iam?)"),
        ("iam list-user", "'iam' has no operation 'list-user' (did you mean list-users?)"),
        (
            "iam get-login-profile --user-nam alice",
            "--user-nam is not an option of iam get-login-profile (did you mean --user-name?)",
        ),
        ("iam get-access-key-last-used", "iam get-access-key-last-used needs --access-key-id"),
        (
            "iam create-virtual-mfa-device --virtual-mfa-device-name a "
            "--bootstrap-method QRCodePNG",
            "iam create-virtual-mfa-device needs --outfile",
        ),
        ("iam", "names no service and operation"),
        (
            "iam list-users --marker x --starting-tokn y",
            "--starting-tokn is not an option of iam list-users (did you mean --starting-token?)",
        ),
    ],
)
def test_mistakes_are_named(command, problem):
    assert check_command(command.split(), SESSION) == [problem]


def test_a_command_named_in_a_sentence_may_leave_out_required_options():
    words = ["signin", "delete-resource-permission-statement"]
    assert check_command(words, SESSION, complete=False) == []
    assert check_command(words, SESSION, complete=True) == [
        "signin delete-resource-permission-statement needs --statement-id"
    ]


# --- The hand-made lists are true ------------------------------------------------------------


@pytest.mark.parametrize("prefix", sorted(CLI_V2_ONLY))
def test_cli_v2_only_commands_really_are_in_no_service_model(prefix):
    """An entry here skips checking, so it must name something no service model describes."""
    assert cli_v2_only_reason(prefix) == CLI_V2_ONLY[prefix]
    service = prefix[0]
    if service in SESSION.get_available_services():
        assert len(prefix) > 1
        operations = SESSION.get_service_model(service).operation_names
        assert prefix[1] not in {botocore.xform_name(name, "-") for name in operations}


@pytest.fixture(scope="module")
def awscli():
    """AWS CLI v1's own command tables, built from the same service models."""
    return create_clidriver()


@pytest.mark.parametrize("prefix", sorted(CLI_OWN))
def test_the_clis_own_commands_are_in_its_command_table(awscli, prefix):
    """An entry here skips checking, so the CLI itself must have it: as an option or a command."""
    assert cli_own_reason(prefix) == CLI_OWN[prefix]
    assert prefix[0] not in SESSION.get_available_services()
    if prefix[0].startswith("--"):
        assert prefix[0][2:] in awscli._get_argument_table()
    else:
        command = awscli._get_command_table()[prefix[0]]
        assert all(word in command.subcommand_table for word in prefix[1:])


def test_global_options_exist_in_the_cli(awscli):
    arguments = awscli._get_argument_table()
    for name, takes_value in GLOBAL_OPTIONS.items():
        assert name in arguments, name
        assert (arguments[name].cli_type_name != "boolean") == takes_value, name


def test_operation_options_added_by_the_cli_exist(awscli):
    iam = awscli._get_command_table()["iam"]._get_command_table()
    assert set(iam["get-user"].arg_table) >= INPUT_OPTIONS
    assert set(iam["list-users"].arg_table) >= PAGINATION_OPTIONS
    for (service, operation), options in CUSTOMIZATIONS.items():
        table = awscli._get_command_table()[service]._get_command_table()[operation].arg_table
        assert {name: table[name].required for name in options} == options


def test_the_models_checked_are_the_pinned_ones():
    """The checks are only as good as the model version: it must be the one pinned, everywhere."""
    pins = {
        line.strip()
        for name in ("requirements.txt", "requirements-dev.txt")
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
        if line.startswith("botocore==")
    }
    assert pins == {f"botocore=={botocore.__version__}"}


# --- The site ---------------------------------------------------------------------------------


def test_the_site_shows_commands_to_check():
    assert len(SITE_COMMANDS) >= 40
    assert SITE_PROBLEMS == []


@pytest.mark.parametrize(
    ("label", "command"), SITE_COMMANDS, ids=[f"{label}:{c.line}" for label, c in SITE_COMMANDS]
)
def test_every_command_on_the_site_matches_the_service_models(label, command):
    problems = check_command(command.words, SESSION, command.complete)
    assert problems == [], f"{label}: line {command.line}: `{command}`: {'; '.join(problems)}"


def test_every_root_email_change_is_finished_where_it_is_started():
    """start-primary-email-update only sends a code: the change needs accept-... on that page."""
    pages: dict[str, list[str]] = {}
    for label, command in SITE_COMMANDS:
        if command.words[0] == "account":
            pages.setdefault(label, []).append(command.words[1])
    starts = [label for label, ops in pages.items() if "start-primary-email-update" in ops]
    assert starts, "the pages show how to change a member account's root email"
    for label in starts:
        ops = pages[label]
        started = ops.index("start-primary-email-update")
        assert "accept-primary-email-update" in ops[started:], label
