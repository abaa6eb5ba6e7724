"""Publishing an organization's edition: `python -m publish ... --config-file` takes its config."""

from __future__ import annotations

from pathlib import Path

from publish.cli import parser
from publish.offline import offline_config
from sitetools.paths import CONFIG
from sitetools.production import run_publish
from tests.support.editions import EXAMPLE_CORP


def test_every_publish_command_takes_a_config_file_and_defaults_to_the_main_one() -> None:
    for command in ("build", "serve", "kit", "offline", "pdf"):
        assert parser().parse_args([command]).config_file == CONFIG
        chosen = parser().parse_args([command, "--config-file", str(EXAMPLE_CORP)])
        assert chosen.config_file == EXAMPLE_CORP


def test_a_missing_config_file_stops_publish_in_one_line() -> None:
    result = run_publish("offline", "--config-file", "nowhere.yml")
    assert result.returncode == 1
    assert result.stderr.strip() == "error: --config-file: nowhere.yml: no such file"


def test_the_offline_copy_of_an_edition_keeps_the_plugins_it_inherits(tmp_path: Path) -> None:
    config = offline_config(EXAMPLE_CORP, tmp_path)
    assert {"material/search", "material/offline"} <= set(config.plugins)
    assert config.extra["organization"]["name"] == "Example Corp"
