"""Where REST things are: ``ayon-gql rest ...``, ``info``, and the hint for a wrong guess."""

from __future__ import annotations

import json

import pytest

from ayon_gql.cli import main
from ayon_gql.cli._rest_group import REST_COMMANDS
from ayon_gql.testing import StandInServer


@pytest.fixture
def server(ayon_server: StandInServer, monkeypatch: pytest.MonkeyPatch) -> StandInServer:
    monkeypatch.setenv("AYON_SERVER_URL", ayon_server.url)
    monkeypatch.setenv("AYON_API_KEY", ayon_server.api_key)
    return ayon_server


def test_rest_group_runs_the_same_commands_as_the_top_level(
    server: StandInServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bundles", "list", "--json"]) == 0
    top_level = json.loads(capsys.readouterr().out)
    assert main(["rest", "bundles", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == top_level
    assert main(["rest", "installers", "list", "--json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)


def test_rest_alone_lists_every_rest_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rest"]) == 2
    out = capsys.readouterr().out
    for command in REST_COMMANDS:
        assert command in out


def test_top_level_help_says_where_rest_things_are(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "ayon-gql rest" in out and "installers, dependency-packages, bundles" in out


@pytest.mark.parametrize("guess", ["addons", "upload", "installer"])
def test_an_unknown_command_points_at_the_rest_commands(
    guess: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([guess])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert f"invalid choice: '{guess}'" in err
    assert "ayon-gql rest --help" in err and "Traceback" not in err


def test_info_shows_version_user_and_attributes(
    server: StandInServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rest", "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["version"].startswith("1.16")
    assert info["user"] == "service"
    names = {attribute["name"] for attribute in info["attributes"]}
    assert {"fps", "frameStart"} <= names
    assert main(["info"]) == 0
    table = capsys.readouterr().out
    assert "service" in table and "frameStart" in table
