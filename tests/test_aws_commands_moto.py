"""Run the IAM and STS commands the site shows against a local moto server, as a reader would.

Each IAM, STS and AWS Account Management command from a code block runs through the AWS CLI
(v1, the same service models) against moto on 127.0.0.1, in a fresh sample account that has
what the command needs. Read commands
must succeed; write commands must also have the effect the page promises, read back
afterwards. Commands that read a policy file (file://name.json) run with the file the page
shows. What moto can't run is listed with the reason, and a test proves each gap is real.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import io
import json
import logging
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import botocore.session
import pytest
from awscli.clidriver import create_clidriver
from botocore import xform_name
from moto.server import ThreadedMotoServer

from sitetools.paths import ROOT
from tests.support.awscli_markdown import AwsCommand, aws_commands, code_in_pages

ACCOUNT = "111122223333"  # the example account ID the pages use; moto takes it on
RUN_SERVICES = ("iam", "sts", "account")
SAMPLE_PASSWORD = "Sample-Passphrase-1357"
SESSION = botocore.session.get_session()  # loading service models once keeps the runs quick

# Operations moto 5.2.5 doesn't implement: their commands are checked against the service
# models only (see test_aws_commands.py).
NO_ROOT_ACCESS = "moto has no centralized root access"
MOTO_GAPS = {
    ("iam", "resync-mfa-device"): "moto has no ResyncMFADevice",
    ("iam", "simulate-principal-policy"): "moto has no policy simulator",
    ("iam", "list-organizations-features"): NO_ROOT_ACCESS,
    ("iam", "enable-organizations-root-credentials-management"): NO_ROOT_ACCESS,
    ("iam", "enable-organizations-root-sessions"): NO_ROOT_ACCESS,
    ("sts", "assume-root"): "moto has no AssumeRoot",
    ("account", "get-contact-information"): "moto has no GetContactInformation",
    ("account", "get-primary-email"): "moto has no GetPrimaryEmail",
    ("account", "start-primary-email-update"): "moto has no StartPrimaryEmailUpdate",
    ("account", "accept-primary-email-update"): "moto has no AcceptPrimaryEmailUpdate",
}
# How moto refuses an operation it lacks: a query API (IAM, STS) answers 500 for the unknown
# action, a REST API (AWS Account Management) 404 for the unknown path.
GAP_ERRORS = {"account": "(404)"}
# Without --user-name these act on the caller; the pages run them in a root session from
# `sts assume-root`, which moto lacks, and moto can't find a caller for them.
MOTO_NEEDS_USER_NAME = {
    ("iam", "get-login-profile"),
    ("iam", "delete-login-profile"),
    ("iam", "list-mfa-devices"),
    ("iam", "list-signing-certificates"),
}


def runnable_commands() -> list[tuple[str, AwsCommand]]:
    """Commands from code blocks that touch IAM or STS, or read a policy file the page shows."""
    found = []
    for label, code in code_in_pages(ROOT / "docs", ROOT):
        for command in aws_commands(code, label)[0]:
            reads_file = any(word.startswith("file://") for word in command.words)
            if command.complete and (command.words[0] in RUN_SERVICES or reads_file):
                found.append((label, command))
    return found


def key(command: AwsCommand) -> tuple[str, str]:
    return command.words[0], command.words[1]


def needs_missing_user_name(command: AwsCommand) -> bool:
    return key(command) in MOTO_NEEDS_USER_NAME and "--user-name" not in command.words


def option(command: AwsCommand, name: str) -> str | None:
    words = list(command.words)
    return words[words.index(name) + 1] if name in words[:-1] else None


COMMANDS = runnable_commands()
RUNS = [c for c in COMMANDS if key(c[1]) not in MOTO_GAPS and not needs_missing_user_name(c[1])]
GAPS = [c for c in COMMANDS if c not in RUNS]
POLICY_FILES = {
    code.title: code.text
    for _, code in code_in_pages(ROOT / "docs", ROOT)
    if code.block and code.title.endswith(".json")
}


def command_id(item: tuple[str, AwsCommand]) -> str:
    label, command = item
    return f"{label}:{command.line}:{' '.join(command.words[:2])}"


# --- The moto server and the sample account --------------------------------------------------


@dataclass
class Result:
    status: int
    stdout: str
    stderr: str


@dataclass
class Sample:
    """What a fresh sample account holds: one IAM user with a password, a key and MFA."""

    user: str
    key_id: str
    secret: str
    serial: str


@pytest.fixture(scope="module")
def moto_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """moto on 127.0.0.1, with an environment that can't reach real AWS credentials."""
    home = tmp_path_factory.mktemp("aws-home")
    with pytest.MonkeyPatch.context() as env:
        for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_CA_BUNDLE"):
            env.delenv(name, raising=False)
        env.setenv("AWS_CONFIG_FILE", str(home / "config"))
        env.setenv("AWS_SHARED_CREDENTIALS_FILE", str(home / "credentials"))
        env.setenv("AWS_ACCESS_KEY_ID", "testing")
        env.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        env.setenv("AWS_DEFAULT_REGION", "us-east-1")
        env.setenv("AWS_EC2_METADATA_DISABLED", "true")
        env.setenv("AWS_MAX_ATTEMPTS", "1")  # a missing feature answers 500; don't retry it
        env.setenv("MOTO_ACCOUNT_ID", ACCOUNT)
        # pytest would format and keep the debug log of every request: quiet these loggers.
        loggers = [logging.getLogger(name) for name in ("awscli", "botocore", "moto", "werkzeug")]
        levels = [logger.level for logger in loggers]
        for logger in loggers:
            logger.setLevel(logging.WARNING)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        try:
            yield f"http://{host}:{port}"
        finally:
            server.stop()
            for logger, level in zip(loggers, levels, strict=True):
                logger.setLevel(level)


@functools.cache
def client(url: str, service: str):
    """One client per service for the module: making one reads its whole service model."""
    return SESSION.create_client(service, endpoint_url=url)


def reset(url: str) -> None:
    urllib.request.urlopen(urllib.request.Request(f"{url}/moto-api/reset", method="POST"))


def sample_account(url: str, command: AwsCommand) -> Sample:
    """Reset moto and create the user, key and MFA device the command names (or alice's)."""
    reset(url)
    iam = client(url, "iam")
    user = option(command, "--user-name") or "alice"
    device = (option(command, "--serial-number") or user).rsplit("/", 1)[-1]
    iam.create_user(UserName=user)
    iam.create_login_profile(UserName=user, Password=SAMPLE_PASSWORD)
    access_key = iam.create_access_key(UserName=user)["AccessKey"]
    serial = iam.create_virtual_mfa_device(VirtualMFADeviceName=device)["VirtualMFADevice"]
    iam.enable_mfa_device(
        UserName=user,
        SerialNumber=serial["SerialNumber"],
        AuthenticationCode1="123456",
        AuthenticationCode2="654321",
    )
    iam.update_account_password_policy(MinimumPasswordLength=14, PasswordReusePrevention=24)
    iam.generate_credential_report()
    return Sample(
        user, access_key["AccessKeyId"], access_key["SecretAccessKey"], serial["SerialNumber"]
    )


def run_cli(url: str, words: list[str]) -> Result:
    """Run one command through the AWS CLI in this process, as `aws WORDS` would."""
    stdout, stderr = io.StringIO(), io.StringIO()
    driver = create_clidriver()
    # The service models, read once: a fresh driver would parse their JSON again each time.
    driver.session.register_component("data_loader", SESSION.get_component("data_loader"))
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = driver.main([*words, "--endpoint-url", url])
    return Result(status, stdout.getvalue(), stderr.getvalue())


@pytest.fixture
def in_sample_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding every policy file the pages show, as a reader saves them."""
    for name, text in POLICY_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_as_user(url: str, sample: Sample, command: AwsCommand, monkeypatch) -> Result:
    """Run the page's command as the sample user, with the example key ID swapped for its own."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", sample.key_id)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", sample.secret)
    words = list(command.words)
    if "--access-key-id" in words[:-1]:
        words[words.index("--access-key-id") + 1] = sample.key_id
    return run_cli(url, words)


# --- What each command needs first, and what it must change ----------------------------------


def _deactivate(url: str, sample: Sample, _: AwsCommand) -> None:
    client(url, "iam").deactivate_mfa_device(UserName=sample.user, SerialNumber=sample.serial)


def _remove_device(url: str, sample: Sample, command: AwsCommand) -> None:
    _deactivate(url, sample, command)
    client(url, "iam").delete_virtual_mfa_device(SerialNumber=sample.serial)


def _remove_password(url: str, sample: Sample, _: AwsCommand) -> None:
    client(url, "iam").delete_login_profile(UserName=sample.user)


def _create_named_policy(url: str, sample: Sample, command: AwsCommand) -> None:
    name = option(command, "--policy-arn").rsplit("/", 1)[-1]
    document = POLICY_FILES["require-mfa.json"]
    client(url, "iam").create_policy(PolicyName=name, PolicyDocument=document)


def _create_organization(url: str, sample: Sample, _: AwsCommand) -> None:
    client(url, "organizations").create_organization(FeatureSet="ALL")


def _set_security_contact(url: str, sample: Sample, command: AwsCommand) -> None:
    client(url, "account").put_alternate_contact(
        AlternateContactType=option(command, "--alternate-contact-type"),
        Name="Security team",
        Title="Security contact",
        EmailAddress="security@example.com",
        PhoneNumber="+15555550100",
    )


# A role anyone in the sample account may assume: enough for the role-settings commands.
ROLE_TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
            "Action": "sts:AssumeRole",
        }
    ],
}


def sample_saml_metadata(certificate: str) -> str:
    """An IdP metadata document as a reader downloads it; IAM wants at least 1,000 characters,
    so the made-up certificate is long enough on its own."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"'
        ' entityID="https://idp.example.com/saml">'
        '<IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">'
        '<KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#">'
        f"<X509Data><X509Certificate>{certificate * 1200}</X509Certificate></X509Data>"
        "</KeyInfo></KeyDescriptor>"
        '<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"'
        ' Location="https://idp.example.com/sso"/>'
        "</IDPSSODescriptor></EntityDescriptor>"
    )


def _create_role(url: str, sample: Sample, command: AwsCommand) -> None:
    client(url, "iam").create_role(
        RoleName=option(command, "--role-name"), AssumeRolePolicyDocument=json.dumps(ROLE_TRUST)
    )


def _create_saml_provider(url: str, sample: Sample, command: AwsCommand) -> None:
    """The provider with the old certificate, and the new metadata saved where the page reads it
    (the test runs in the sample folder)."""
    name = option(command, "--saml-provider-arn").rsplit("/", 1)[-1]
    old_metadata = sample_saml_metadata("A")
    client(url, "iam").create_saml_provider(Name=name, SAMLMetadataDocument=old_metadata)
    saved = Path(option(command, "--saml-metadata-document").removeprefix("file://"))
    saved.write_text(sample_saml_metadata("B"), encoding="utf-8")


PREPARE: dict[tuple[str, str], Callable[[str, Sample, AwsCommand], None]] = {
    ("iam", "get-role"): _create_role,
    ("iam", "update-role"): _create_role,
    ("iam", "update-saml-provider"): _create_saml_provider,
    ("iam", "create-virtual-mfa-device"): _remove_device,
    ("iam", "enable-mfa-device"): _deactivate,
    ("iam", "delete-virtual-mfa-device"): _deactivate,
    ("iam", "create-login-profile"): _remove_password,
    ("iam", "attach-user-policy"): _create_named_policy,
    ("organizations", "create-policy"): _create_organization,
    ("account", "get-alternate-contact"): _set_security_contact,
}


def _password_policy_reads_back(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    """Every option reads back as given, and every option left out is back at its default."""
    iam = client(url, "iam")
    policy = iam.get_account_password_policy()["PasswordPolicy"]
    operation = iam.meta.service_model.operation_model("UpdateAccountPasswordPolicy")
    members = operation.input_shape.members
    for name, shape in members.items():
        flag = f"--{xform_name(name, '-')}"
        if shape.type_name == "boolean":
            assert policy.get(name, False) == (flag in command.words), name
        elif flag in command.words:
            assert policy[name] == int(option(command, flag)), name
        else:
            assert name not in policy, name


def _password_gone(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    iam = client(url, "iam")
    with pytest.raises(iam.exceptions.NoSuchEntityException):
        iam.get_login_profile(UserName=sample.user)


def _password_set(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    # moto 5.2.5 doesn't store PasswordResetRequired on create, so only the password is checked.
    profile = client(url, "iam").get_login_profile(UserName=sample.user)["LoginProfile"]
    assert profile["UserName"] == sample.user


def _keys(url: str, sample: Sample) -> dict[str, str]:
    keys = client(url, "iam").list_access_keys(UserName=sample.user)["AccessKeyMetadata"]
    return {k["AccessKeyId"]: k["Status"] for k in keys}


def _key_status_set(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    assert _keys(url, sample)[sample.key_id] == option(command, "--status")


def _key_gone(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    assert sample.key_id not in _keys(url, sample)


def _second_key(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    assert len(_keys(url, sample)) == 2


def _virtual_devices(url: str) -> list[str]:
    devices = client(url, "iam").list_virtual_mfa_devices()["VirtualMFADevices"]
    return [d["SerialNumber"] for d in devices]


def _user_devices(url: str, sample: Sample) -> list[str]:
    devices = client(url, "iam").list_mfa_devices(UserName=sample.user)["MFADevices"]
    return [d["SerialNumber"] for d in devices]


def _device_created(url: str, sample: Sample, command: AwsCommand, folder: Path) -> None:
    assert sample.serial in _virtual_devices(url)
    assert (folder / option(command, "--outfile")).stat().st_size > 0


def _device_enabled(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    assert sample.serial in _user_devices(url, sample)


def _device_deactivated(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    assert sample.serial not in _user_devices(url, sample)


def _device_deleted(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    assert sample.serial not in _virtual_devices(url)


def _file(command: AwsCommand, flag: str) -> dict:
    return json.loads(POLICY_FILES[option(command, flag).removeprefix("file://")])


def _policy_stored(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    iam = client(url, "iam")
    arn = f"arn:aws:iam::{ACCOUNT}:policy/{option(command, '--policy-name')}"
    version = iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"]
    stored = iam.get_policy_version(PolicyArn=arn, VersionId=version)["PolicyVersion"]["Document"]
    assert stored == _file(command, "--policy-document")


def _policy_attached(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    attached = client(url, "iam").list_attached_user_policies(UserName=sample.user)
    assert option(command, "--policy-arn") in [p["PolicyArn"] for p in attached["AttachedPolicies"]]


def _role_trusts(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    role = client(url, "iam").get_role(RoleName=option(command, "--role-name"))["Role"]
    assert role["AssumeRolePolicyDocument"] == _file(command, "--assume-role-policy-document")


def _scp_stored(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    organizations = client(url, "organizations")
    policies = organizations.list_policies(Filter=option(command, "--type"))["Policies"]
    [policy] = [p for p in policies if p["Name"] == option(command, "--name")]
    content = organizations.describe_policy(PolicyId=policy["Id"])["Policy"]["Content"]
    assert json.loads(content) == _file(command, "--content")


def _alternate_contact_reads_back(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    kind = option(command, "--alternate-contact-type")
    contact = client(url, "account").get_alternate_contact(AlternateContactType=kind)
    stored = contact["AlternateContact"]
    for field, flag in {
        "Name": "--name",
        "Title": "--title",
        "EmailAddress": "--email-address",
        "PhoneNumber": "--phone-number",
    }.items():
        assert stored[field] == option(command, flag), field


def _max_session_set(url: str, sample: Sample, command: AwsCommand, _: Path) -> None:
    role = client(url, "iam").get_role(RoleName=option(command, "--role-name"))["Role"]
    assert role["MaxSessionDuration"] == int(option(command, "--max-session-duration"))


def _metadata_replaced(url: str, sample: Sample, command: AwsCommand, folder: Path) -> None:
    arn = option(command, "--saml-provider-arn")
    stored = client(url, "iam").get_saml_provider(SAMLProviderArn=arn)["SAMLMetadataDocument"]
    saved = folder / option(command, "--saml-metadata-document").removeprefix("file://")
    assert stored == saved.read_text(encoding="utf-8")


EFFECTS: dict[tuple[str, str], Callable[[str, Sample, AwsCommand, Path], None]] = {
    ("iam", "update-role"): _max_session_set,
    ("iam", "update-saml-provider"): _metadata_replaced,
    ("iam", "update-account-password-policy"): _password_policy_reads_back,
    ("iam", "delete-login-profile"): _password_gone,
    ("iam", "create-login-profile"): _password_set,
    ("iam", "update-access-key"): _key_status_set,
    ("iam", "delete-access-key"): _key_gone,
    ("iam", "create-access-key"): _second_key,
    ("iam", "create-virtual-mfa-device"): _device_created,
    ("iam", "enable-mfa-device"): _device_enabled,
    ("iam", "deactivate-mfa-device"): _device_deactivated,
    ("iam", "delete-virtual-mfa-device"): _device_deleted,
    ("iam", "create-policy"): _policy_stored,
    ("iam", "attach-user-policy"): _policy_attached,
    ("iam", "create-role"): _role_trusts,
    ("organizations", "create-policy"): _scp_stored,
    ("account", "put-alternate-contact"): _alternate_contact_reads_back,
}
# Commands that change nothing: they read, report, or hand out temporary credentials.
READ_PREFIXES = ("get-", "list-", "generate-")
READS = {("sts", "assume-role")}


def is_read(command: AwsCommand) -> bool:
    return command.words[1].startswith(READ_PREFIXES) or key(command) in READS


# --- The tests --------------------------------------------------------------------------------


def test_there_are_commands_to_run():
    assert len(RUNS) >= 30


@pytest.mark.parametrize("item", RUNS, ids=command_id)
def test_command_runs_and_does_what_the_page_says(item, moto_url, in_sample_dir, monkeypatch):
    label, command = item
    assert is_read(command) or key(command) in EFFECTS, (
        f"{label}: line {command.line}: `{command}` changes something: add a check to EFFECTS"
    )
    sample = sample_account(moto_url, command)
    if key(command) in PREPARE:
        PREPARE[key(command)](moto_url, sample, command)
    result = run_as_user(moto_url, sample, command, monkeypatch)
    assert result.status == 0, f"{label}: line {command.line}: `{command}`:\n{result.stderr}"
    if option(command, "--output") is None and result.stdout.strip():
        json.loads(result.stdout)
    if key(command) in EFFECTS:
        EFFECTS[key(command)](moto_url, sample, command, in_sample_dir)


@pytest.mark.parametrize("item", GAPS, ids=command_id)
def test_commands_moto_cant_run_really_fail_there(item, moto_url, in_sample_dir, monkeypatch):
    """Keeps the gap lists honest: once moto learns a command, it moves to the runs above."""
    _, command = item
    sample = sample_account(moto_url, command)
    result = run_as_user(moto_url, sample, command, monkeypatch)
    assert result.status != 0
    if key(command) in MOTO_GAPS:
        expected = GAP_ERRORS.get(command.words[0], "500")
    else:
        expected = "The user with name None cannot be found"
    assert expected in result.stderr


def test_every_listed_gap_is_shown_on_the_site():
    shown = {key(command) for _, command in GAPS}
    assert set(MOTO_GAPS) <= shown


def test_a_root_email_change_is_finished_with_its_code_and_address():
    """Each start on a page is followed by an accept for the same account and address, with a
    code: that accept runs on moto with the gaps above."""
    started = [
        (lbl, c) for lbl, c in COMMANDS if key(c) == ("account", "start-primary-email-update")
    ]
    assert started, "the pages show how to change a member account's root email"
    for label, start in started:
        accept = next(
            c
            for lbl, c in COMMANDS
            if lbl == label
            and key(c) == ("account", "accept-primary-email-update")
            and c.line > start.line
        )
        assert option(accept, "--otp")
        for flag in ("--account-id", "--primary-email"):
            assert option(accept, flag) == option(start, flag), f"{label}: {flag}"
        assert (label, accept) in GAPS


def documented(service: str, operation: str) -> AwsCommand:
    """The first complete command on the site for one operation."""
    return next(c for _, c in COMMANDS if key(c) == (service, operation))


def test_reading_a_password_policy_that_was_never_set_names_no_such_entity(moto_url, monkeypatch):
    """The checklist tells readers that this error means no custom policy is set."""
    command = documented("iam", "get-account-password-policy")
    reset(moto_url)
    result = run_cli(moto_url, list(command.words))
    assert result.status != 0
    assert "NoSuchEntity" in result.stderr


def test_reading_a_deleted_console_password_names_no_such_entity(moto_url, monkeypatch):
    """The checklist tells readers that this error means the user has no console password."""
    command = next(
        c
        for _, c in COMMANDS
        if key(c) == ("iam", "get-login-profile") and "--user-name" in c.words
    )
    sample = sample_account(moto_url, command)
    _remove_password(moto_url, sample, command)
    result = run_as_user(moto_url, sample, command, monkeypatch)
    assert result.status != 0
    assert "NoSuchEntity" in result.stderr


def test_the_credential_report_has_the_columns_the_pages_name(moto_url, monkeypatch):
    command = documented("iam", "get-credential-report")
    sample = sample_account(moto_url, command)
    result = run_as_user(moto_url, sample, command, monkeypatch)
    header = base64.b64decode(result.stdout).decode().splitlines()[0].split(",")
    named = {
        code.text
        for label, code in code_in_pages(ROOT / "docs", ROOT)
        if label.startswith("docs/admin/")
        and not code.block
        and code.text.startswith(("password_", "mfa_", "access_key_"))
    }
    assert named, "the administrator pages name credential report columns"
    assert sorted(named - set(header)) == []
