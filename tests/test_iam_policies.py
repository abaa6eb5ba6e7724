"""Every IAM policy example on the site must be one that IAM takes and that does what it says.

A policy with a misspelt condition key is accepted by some tools and then protects nothing, so
the examples are checked by our own rules (grammar, operators, known condition keys, actions
that exist) and by moto's create-policy. The administrator pages also promise a file name, a
command that uses the file, and an explanation of every statement.
"""

from __future__ import annotations

import json

import botocore.session
import pytest
from moto import mock_aws

from sitetools.paths import ROOT
from tests.support.awscli_markdown import Code, aws_commands, code_in_pages
from tests.support.iampolicy import CONDITION_KEYS, check_policy, parse_policy

SESSION = botocore.session.get_session()
# Services whose action names are their API operation names, so the model lists them all.
KNOWN_ACTIONS = {
    service: SESSION.get_service_model(service).operation_names
    for service in ("iam", "sts", "organizations")
}
# The CLI options that read a policy file, and the kind of policy each expects.
POLICY_OPTIONS = {
    "--policy-document": "identity",
    "--content": "identity",
    "--assume-role-policy-document": "resource",
}
ADMIN_PAGES = "docs/admin/"


def site_code() -> list[tuple[str, Code]]:
    return code_in_pages(ROOT / "docs", ROOT)


def policy_kinds() -> dict[str, str]:
    """File name -> policy kind, from the documented commands that read each file."""
    kinds = {}
    for label, code in site_code():
        for command in aws_commands(code, label)[0]:
            for option, value in zip(command.words, command.words[1:], strict=False):
                if option in POLICY_OPTIONS and value.startswith("file://"):
                    kinds[value.removeprefix("file://")] = POLICY_OPTIONS[option]
    return kinds


POLICIES = [
    (label, code)
    for label, code in site_code()
    if code.block and code.language == "json" and '"Statement"' in code.text
]
KINDS = policy_kinds()


def kind_of(code: Code, document: dict) -> str:
    """The kind the command using the file expects; failing that, what the document looks like."""
    if code.title in KINDS:
        return KINDS[code.title]
    statements = document.get("Statement")
    statements = statements if isinstance(statements, list) else [statements]
    named = any("Principal" in s for s in statements if isinstance(s, dict))
    return "resource" if named else "identity"


def policy_id(item: tuple[str, Code]) -> str:
    label, code = item
    return f"{label}:{code.line}"


# --- The checker ------------------------------------------------------------------------------

GOOD = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "DenyWithoutMFA",
            "Effect": "Deny",
            "NotAction": ["iam:ListMFADevices", "sts:Get*"],
            "Resource": "arn:aws:iam::*:user/${aws:username}",
            "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}},
        }
    ],
}


def with_statement(**changes) -> dict:
    statement = {**GOOD["Statement"][0], **changes}
    return {**GOOD, "Statement": [{k: v for k, v in statement.items() if v is not None}]}


def test_a_correct_policy_has_no_problems():
    assert check_policy(GOOD, known_actions=KNOWN_ACTIONS) == []


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({**GOOD, "Version": "2008-10-17"}, 'Version must be "2012-10-17", not "2008-10-17"'),
        (
            {"Version": "2012-10-17", "Statement": []},
            "Statement must be a statement or a non-empty list of them",
        ),
        (
            with_statement(Effect="Permit"),
            'Statement 1: Effect must be "Allow" or "Deny", not "Permit"',
        ),
        (
            with_statement(Action="iam:GetUser"),
            "Statement 1: needs exactly one of Action and NotAction, found 2",
        ),
        (
            with_statement(Resource=None),
            "Statement 1: needs exactly one of Resource and NotResource, found 0",
        ),
        (
            with_statement(Principal={"AWS": "*"}),
            "Statement 1: an identity-based policy can't name a Principal",
        ),
        (
            with_statement(NotAction="iam:ListMFADevice"),
            "Statement 1: NotAction: 'iam:ListMFADevice' matches no iam action",
        ),
        (
            with_statement(NotAction="ListMFADevices"),
            "Statement 1: NotAction: 'ListMFADevices' is not of the form service:ActionName",
        ),
        (
            with_statement(Resource="arn:aws:iam::*:user/${aws:user}"),
            "Statement 1: Resource: '${aws:user}' is not a known policy variable",
        ),
        (
            with_statement(Resource="user/alice"),
            "Statement 1: Resource: 'user/alice' is neither \"*\" nor an ARN",
        ),
        (
            with_statement(Condition={"Bool": {"aws:MultiFactorAuthPresnt": "true"}}),
            "Statement 1: Condition.Bool.aws:MultiFactorAuthPresnt: 'aws:MultiFactorAuthPresnt' is "
            f"not a known condition key (known: {', '.join(CONDITION_KEYS)})",
        ),
        (
            with_statement(Condition={"Boolean": {"aws:MultiFactorAuthPresent": "true"}}),
            "Statement 1: Condition.Boolean: 'Boolean' is not a condition operator",
        ),
        (
            with_statement(Condition={"Bool": {"aws:SourceIp": "true"}}),
            "Statement 1: Condition.Bool.aws:SourceIp: a Bool operator can't compare aws:SourceIp, "
            "which holds IP values",
        ),
        (
            with_statement(
                Condition={"NotIpAddress": {"aws:SourceIp": ["203.0.113.0/24", "corp"]}}
            ),
            'Statement 1: Condition.NotIpAddress.aws:SourceIp: "corp" is not a valid IP value',
        ),
        (
            with_statement(Condition={"NumericLessThan": {"aws:MultiFactorAuthAge": "an hour"}}),
            'Statement 1: Condition.NumericLessThan.aws:MultiFactorAuthAge: "an hour" is not a '
            "valid Numeric value",
        ),
        (
            with_statement(Sid="deny-without-mfa"),
            'Statement 1: Sid "deny-without-mfa" must be letters and digits only',
        ),
        ({**GOOD, "Statement": GOOD["Statement"] * 2}, "Sid 'DenyWithoutMFA' is used twice"),
    ],
)
def test_each_mistake_is_named(document, problem):
    assert check_policy(document, known_actions=KNOWN_ACTIONS) == [problem]


def test_a_trust_policy_names_a_principal_instead_of_a_resource():
    trust = {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole"}}
    assert check_policy(trust, kind="resource") == [
        "Statement 1: needs exactly one of Principal and NotPrincipal, found 0"
    ]
    trust["Statement"]["Principal"] = {"AWS": "arn:aws:iam::111122223333:root"}
    assert check_policy(trust, kind="resource") == []


def test_json_that_iam_would_refuse_is_reported_by_the_parser():
    assert parse_policy('{"Version": "2012-10-17",}') == (
        None,
        ["is not valid JSON (Expecting property name enclosed in double quotes at line 1)"],
    )
    _, problems = parse_policy('{"Version": "2012-10-17", "Version": "2012-10-17"}')
    assert problems == ["'Version' appears twice in one object"]


# --- The site's examples ----------------------------------------------------------------------


def test_the_administrator_pages_have_policy_examples():
    assert sum(label.startswith(ADMIN_PAGES) for label, _ in POLICIES) >= 4


@pytest.mark.parametrize("item", POLICIES, ids=policy_id)
def test_every_policy_example_is_valid(item):
    label, code = item
    document, problems = parse_policy(code.text)
    if document is not None:
        problems += check_policy(document, kind_of(code, document), KNOWN_ACTIONS)
    assert problems == [], f"{label}: line {code.line}: " + "; ".join(problems)


@pytest.mark.parametrize("item", POLICIES, ids=policy_id)
def test_moto_accepts_every_policy_example(item, monkeypatch):
    """moto runs IAM's own policy syntax checks on create-policy; a trust policy makes a role."""
    _, code = item
    document = json.loads(code.text)
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        iam = SESSION.create_client("iam", region_name="us-east-1")
        if kind_of(code, document) == "resource":
            iam.create_role(RoleName="Example", AssumeRolePolicyDocument=code.text)
        else:
            iam.create_policy(PolicyName="Example", PolicyDocument=code.text)


def test_moto_really_refuses_a_broken_policy(monkeypatch):
    """Without this, the acceptance test above could pass for any text at all."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    broken = json.dumps(with_statement(Effect="Permit"))
    with mock_aws():
        iam = SESSION.create_client("iam", region_name="us-east-1")
        with pytest.raises(iam.exceptions.MalformedPolicyDocumentException):
            iam.create_policy(PolicyName="Broken", PolicyDocument=broken)


ADMIN_POLICIES = [item for item in POLICIES if item[0].startswith(ADMIN_PAGES)]


@pytest.mark.parametrize("item", ADMIN_POLICIES, ids=policy_id)
def test_each_policy_is_a_file_that_a_documented_command_uses(item):
    _, code = item
    assert code.title.endswith(".json"), 'give the block a title such as title="name.json"'
    assert code.title in KINDS, f"no command on the site reads file://{code.title}"


def test_policy_file_names_are_unique():
    titles = [code.title for _, code in ADMIN_POLICIES]
    assert len(titles) == len(set(titles))


@pytest.mark.parametrize("item", ADMIN_POLICIES, ids=policy_id)
def test_each_statement_is_explained(item):
    """Every statement has a Sid, and the text after the policy names each Sid in code."""
    label, code = item
    statements = json.loads(code.text)["Statement"]
    sids = [s.get("Sid") for s in statements]
    assert all(sids), "give every statement a Sid so the explanation can name it"
    page = [c for lbl, c in site_code() if lbl == label]
    # The explanation sits between this policy and the next one on the page.
    end = min([c.line for c in page if c.language == "json" and c.line > code.line], default=10**9)
    explained = {c.text for c in page if not c.block and code.line < c.line < end}
    assert [sid for sid in sids if sid not in explained] == []


def resources(statement: dict) -> list[str]:
    value = statement.get("Resource", [])
    return [value] if isinstance(value, str) else value


@pytest.mark.parametrize("item", ADMIN_POLICIES, ids=policy_id)
def test_self_service_covers_users_created_with_a_path(item):
    """user/${aws:username} misses user/team/alice; AWS's managed policy matches both forms."""
    _, code = item
    for statement in json.loads(code.text)["Statement"]:
        own = resources(statement)
        if "arn:aws:iam::*:user/${aws:username}" in own:
            assert "arn:aws:iam::*:user/*/${aws:username}" in own, statement.get("Sid")


def test_users_may_name_their_virtual_mfa_device_freely():
    """The console asks for a device name; a name rule refuses the user with AccessDenied."""
    statements = [
        s
        for _, code in ADMIN_POLICIES
        for s in json.loads(code.text)["Statement"]
        if s["Effect"] == "Allow" and "iam:CreateVirtualMFADevice" in str(s.get("Action"))
    ]
    assert statements
    assert all(resources(s) == ["arn:aws:iam::*:mfa/*"] for s in statements)
