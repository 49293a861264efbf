"""``ayon-gql rest call OPERATION_ID``: any operation by its id, checked against the snapshot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ayon_gql.cli import main
from ayon_gql.testing import StandInServer


@pytest.fixture
def env(ayon_server: StandInServer, monkeypatch: pytest.MonkeyPatch) -> StandInServer:
    monkeypatch.setenv("AYON_SERVER_URL", ayon_server.url)
    monkeypatch.setenv("AYON_API_KEY", ayon_server.api_key)
    return ayon_server


def test_a_call_prints_the_answer_as_json(env: StandInServer, capsys: Any) -> None:
    assert main(["rest", "call", "get_project", "--param", "project_name=demo_Commercial"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["name"] == "demo_Commercial"
    assert main(["rest", "call", "list_bundles", "-p", "archived=true"]) == 0
    assert json.loads(capsys.readouterr().out)["productionBundle"] == "demo_bundle_2026_01"
    assert env.requests[-1].query == {"archived": ["true"]}


def test_a_body_file_is_sent_as_is(env: StandInServer, tmp_path: Path, capsys: Any) -> None:
    body = tmp_path / "bundle.json"
    body.write_text(json.dumps({"name": "cli_b", "addons": {"demo_pipeline": "1.0.0"}}))
    assert main(["rest", "call", "create_new_bundle", "--body", str(body)]) == 0
    assert env.requests[-1].json == {"name": "cli_b", "addons": {"demo_pipeline": "1.0.0"}}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["get_projectt"], "no operation 'get_projectt' in openapi.json"),
        (["get_project", "-p", "project_name=bad name"], "invalid project name 'bad name'"),
        (["get_folder", "-p", "project_name=p", "-p", "folder_id=zz"], "does not match"),
        (["get_project"], "get_project: project_name is required"),
        (["list_projects", "-p", "page=x"], "--param page: expected an integer"),
        (["list_projects", "-p", "nope=1"], "list_projects has no parameter 'nope'"),
        (["create_new_bundle"], "create_new_bundle: a body is required"),
    ],
)
def test_bad_calls_are_one_line_errors_and_send_nothing(
    env: StandInServer, capsys: Any, args: list[str], message: str
) -> None:
    env.clear_requests()
    assert main(["rest", "call", *args]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert env.requests == []


def test_addon_operations_are_found_in_the_addon_snapshots(capsys: Any) -> None:
    # The operation is found (no "no operation" error); the project name is checked first.
    assert main(["rest", "call", "get_summary", "-p", "project_name=no way"]) == 1
    assert "get_summary: invalid project name 'no way'" in capsys.readouterr().err
