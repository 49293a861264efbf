"""The stand-in's addon settings held to the recorded session: the settings and
overrides steps of ``rest/ORDER`` replayed in order, each answer compared."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from ayon_gql.codegen._settings_schema import structure_only
from ayon_gql.testing import StandInServer
from tests._shared import SERVER_1_16, require_shared

REST = SERVER_1_16 / "rest"


def _steps() -> list[str]:
    require_shared()
    names = [
        line.strip()
        for line in (REST / "ORDER").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [n for n in names if n.startswith(("addon-settings-", "addon-overrides-"))]


def _sorted_errors(body: Any) -> Any:
    if isinstance(body, dict) and isinstance(body.get("errors"), list):
        return {**body, "errors": sorted(body["errors"], key=lambda e: json.dumps(e["loc"]))}
    return body


def test_settings_steps_replay_in_order(ayon_server: StandInServer) -> None:
    steps = _steps()
    assert len(steps) == 12
    headers = {"X-Api-Key": ayon_server.api_key}
    with httpx.Client(base_url=ayon_server.url, headers=headers) as http:
        created = http.post("/api/projects", json={"name": "rec_Rest", "code": "recRest"})
        assert created.status_code == 201
        for name in steps:
            exchange = json.loads((REST / f"{name}.json").read_text(encoding="utf-8"))
            request, expected = exchange["request"], exchange["response"]
            answer = http.request(request["method"], request["path"], json=request.get("json"))
            assert answer.status_code == expected["status"], name
            if "json" not in expected:
                continue
            got = answer.json()
            if name == "addon-settings-schema":
                # texts are the stand-in's own; the structure is the server's
                assert structure_only(got) == structure_only(expected["json"]), name
            else:
                assert _sorted_errors(got) == _sorted_errors(expected["json"]), name


def test_demo_pipeline_answers_match_the_recordings(ayon_server: StandInServer) -> None:
    """Same shape and overrides listing as ``responses/rest-addon-demo_pipeline-*``."""
    from tests._shared import recording

    headers = {"X-Api-Key": ayon_server.api_key}
    with httpx.Client(base_url=ayon_server.url, headers=headers) as http:
        for name in ("studio-settings", "project-settings", "studio-overrides"):
            exchange = recording(f"rest-addon-demo_pipeline-{name}")
            got = http.get(exchange["request"]["path"]).json()
            expected = exchange["response"]["json"]
            assert _keys(got) == _keys(expected), name
        overrides = http.get("/api/addons/demo_pipeline/1.0.0/overrides").json()
        expected = recording("rest-addon-demo_pipeline-studio-overrides")["response"]["json"]
        assert {k: {**v, "value": None} for k, v in overrides.items()} == {
            k: {**v, "value": None} for k, v in expected.items()
        }


def _keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_keys(v) for v in value]
    return type(value).__name__


@pytest.mark.parametrize("path", ["/api/addons/studio_tools/1.0.0/settings"])
def test_saving_invalid_settings_changes_nothing(ayon_server: StandInServer, path: str) -> None:
    headers = {"X-Api-Key": ayon_server.api_key}
    with httpx.Client(base_url=ayon_server.url, headers=headers) as http:
        before = http.get(path).json()
        bad = http.post(path, json={"max_threads": 16, "sync": {"interval_s": 0}})
        assert bad.status_code == 400
        assert [e["loc"] for e in bad.json()["errors"]] == [["sync", "interval_s"]]
        assert http.get(path).json() == before
        # run-time enums (enumLabels) are not checked by the server: any string is kept
        fine = http.post(path, json={"sync": {"task_types": ["NotAType"]}})
        assert fine.status_code == 204
        assert http.get(path).json()["sync"]["task_types"] == ["NotAType"]


@pytest.mark.parametrize(
    ("snapshot", "recorded"),
    [
        ("studio_tools-1.0.0.settings.json", REST / "addon-settings-schema.json"),
        (
            "demo_pipeline-1.0.0.settings.json",
            SERVER_1_16 / "responses" / "rest-addon-demo_pipeline-settings-schema.json",
        ),
    ],
)
def test_stock_snapshots_are_the_recorded_schemas_structure_only(
    snapshot: str, recorded: Any
) -> None:
    from pathlib import Path

    from ayon_gql.schema._settings_snapshot import load_settings_snapshot

    require_shared()
    root = Path(__file__).resolve().parents[2]
    kept = load_settings_snapshot(root / "schema" / "addons" / snapshot)
    answer = json.loads(recorded.read_text(encoding="utf-8"))["response"]["json"]
    assert not kept.texts
    assert kept.schema == structure_only(answer)
    assert "title" not in json.dumps(kept.schema) and "description" not in json.dumps(kept.schema)
