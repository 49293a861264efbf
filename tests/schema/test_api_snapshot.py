"""The openapi snapshots: the server's and each addon's whole document, structure only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ayon_gql import AyonClient, SchemaSourceError
from ayon_gql.cli import main
from ayon_gql.codegen._rest_package import addon_documents
from ayon_gql.schema._addons import AddonRef
from ayon_gql.schema._api_document import (
    addon_of_document,
    load_addon_snapshot,
    pull_addon_openapi,
)
from ayon_gql.schema._openapi import load_openapi_snapshot
from ayon_gql.testing import StandInServer
from tests._shared import SERVER_1_16, require_shared

ROOT = Path(__file__).resolve().parents[2]
SERVER_SNAPSHOT = ROOT / "schema" / "openapi.json"
ADDON_SNAPSHOT = ROOT / "schema" / "addons" / "studio_tools-1.0.0.openapi.json"
ADDON_RECORDING = SERVER_1_16 / "rest" / "addon-studio_tools-1.0.0-openapi.json"
_PROSE = {"description", "summary", "title", "example", "examples"}


def _without_date(text: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(text)
    document["x-ayon-gql"].pop("pulled")
    return document


def _prose_keys(node: Any, in_properties: bool = False) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _PROSE and not in_properties:
                found.append(key)
            found += _prose_keys(value, key == "properties" and not in_properties)
    elif isinstance(node, list):
        for item in node:
            found += _prose_keys(item)
    return found


def test_committed_server_snapshot_is_what_pull_makes_from_the_recording(tmp_path: Path) -> None:
    require_shared()
    target = tmp_path / "openapi.json"
    source = SERVER_1_16 / "openapi.json"
    args = ["schema", "pull", "--from-file", str(source), "--openapi-output", str(target)]
    assert main(args) == 0
    pulled = target.read_text(encoding="utf-8")
    assert _without_date(pulled) == _without_date(SERVER_SNAPSHOT.read_text(encoding="utf-8"))
    document = json.loads(pulled)
    operations = [op for item in document["paths"].values() for op in item.values()]
    assert len(operations) == 310
    assert len(document["components"]["schemas"]) == 332
    assert _prose_keys(document) == []


def test_committed_addon_snapshot_is_what_pull_makes_from_the_recording(tmp_path: Path) -> None:
    require_shared()
    status = main(
        ["schema", "pull", "--from-file", str(ADDON_RECORDING), "--addons-dir", str(tmp_path),
         "--server-version", "1.16.0"]
    )  # fmt: skip
    assert status == 0
    pulled = (tmp_path / "studio_tools-1.0.0.openapi.json").read_text(encoding="utf-8")
    assert _without_date(pulled) == _without_date(ADDON_SNAPSHOT.read_text(encoding="utf-8"))
    header = json.loads(pulled)["x-ayon-gql"]
    assert (header["addon"], header["version"], header["server"]) == (
        "studio_tools",
        "1.0.0",
        "1.16.0",
    )
    assert _prose_keys(json.loads(pulled)) == []


def test_the_write_models_come_from_the_whole_snapshot_unchanged() -> None:
    require_shared()
    whole = load_openapi_snapshot(SERVER_SNAPSHOT)
    recorded = load_openapi_snapshot(SERVER_1_16 / "openapi.json")
    assert whole.schemas == recorded.schemas
    assert "FolderPostModel" in whole.schemas


def test_an_addon_document_is_recognised_by_its_paths() -> None:
    snapshot = load_addon_snapshot(ADDON_SNAPSHOT)
    assert snapshot.addon == AddonRef("studio_tools", "1.0.0")
    mixed = {"paths": {"/api/addons/a/1.0.0/x": {}, "/api/info": {}}}
    assert addon_of_document(mixed) is None
    with pytest.raises(SchemaSourceError, match="not an addon's openapi document"):
        load_addon_snapshot(SERVER_SNAPSHOT)


def test_an_addon_without_endpoints_has_no_snapshot(ayon_server: StandInServer) -> None:
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        assert pull_addon_openapi(client.connection, AddonRef("demo_pipeline", "1.0.0")) is None


def test_pull_from_a_server_snapshots_the_production_bundles_addons(
    ayon_server: StandInServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.ayon-gql]\npackage = "studio_ayon"\nurl = "{ayon_server.url}"\n', encoding="utf-8"
    )
    monkeypatch.setenv("AYON_API_KEY", ayon_server.api_key)
    assert main(["schema", "pull"]) == 0
    err = capsys.readouterr().err
    assert "addon demo_pipeline 1.0.0: no endpoints" in err
    asked = [r.path for r in ayon_server.requests]
    assert "/api/bundles" in asked
    assert "/api/addons/demo_pipeline/1.0.0/openapi.json" in asked
    assert (tmp_path / "schema" / "openapi.json").is_file()
    # That the addon has no endpoints is noted, so generate does not call its snapshot missing.
    marker = tmp_path / "schema" / "addons" / "demo_pipeline-1.0.0.no-endpoints.json"
    assert json.loads(marker.read_text(encoding="utf-8"))["x-ayon-gql"]["addon"] == "demo_pipeline"
    configured = {"demo_pipeline": "1.0.0", "studio_tools": "1.0.0", "review": "2.0.0"}
    documents, notes = addon_documents(marker.parent, configured)
    assert sorted(documents) == ["studio_tools"]
    assert notes == [
        "addon review 2.0.0: no openapi snapshot in addons/ "
        "(not pulled yet: `ayon-gql schema pull`)"
    ]
