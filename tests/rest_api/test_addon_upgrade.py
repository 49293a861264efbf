"""Upgrade safety for addons: `schema diff` of two addon openapi snapshots and
`check --addons` / `check --schema URL` report the addon operations the code may lose."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ayon_gql.cli import main
from ayon_gql.schema._addon_rest_diff import diff_addon_rest, is_addon_openapi_snapshot
from ayon_gql.schema._addons import AddonRef
from ayon_gql.schema._api_document import derive_addon_snapshot, load_addon_snapshot
from ayon_gql.testing import StandInServer

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "schema" / "addons" / "studio_tools-1.0.0.openapi.json"
OLD_PREFIX = "/api/addons/studio_tools/1.0.0"


def _newer() -> dict[str, Any]:
    """studio_tools 1.1.0 as it might be: bookmarks listing gone, frames' end renamed."""
    document = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    new = copy.deepcopy(document)
    paths = new["paths"]
    del paths[f"{OLD_PREFIX}/bookmarks"]["get"]
    new["paths"] = {p.replace("1.0.0", "1.1.0"): item for p, item in paths.items()}
    return new


def _write(folder: Path, document: dict[str, Any], version: str) -> Path:
    addon = AddonRef("studio_tools", version)
    snapshot = derive_addon_snapshot(document, addon, source="test")
    return snapshot.write(folder / addon.snapshot_name("openapi"))


def test_diff_of_two_addon_versions_matches_operations_by_name() -> None:
    old = load_addon_snapshot(SNAPSHOT)
    new = derive_addon_snapshot(_newer(), AddonRef("studio_tools", "1.1.0"), source="test")
    changes = diff_addon_rest(old, new)
    # Only the listing is lost: the new version's paths are not new operations.
    assert [(c.kind, c.type_name) for c in changes] == [
        ("REST_OPERATION_REMOVED", "addons.studio_tools.list_bookmarks")
    ]
    gone = diff_addon_rest(old, None)
    assert {c.kind for c in gone} == {"REST_OPERATION_REMOVED"}
    assert len(gone) == sum(len(item) for item in old.paths.values())


def test_schema_diff_of_addon_snapshots(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = _write(tmp_path, _newer(), "1.1.0")
    assert main(["schema", "diff", str(SNAPSHOT), str(new), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [c["coordinate"] for c in report["breaking"]] == ["addons.studio_tools.list_bookmarks"]
    assert "GET /api/addons/studio_tools/1.0.0/bookmarks" in report["breaking"][0]["description"]
    assert main(["schema", "diff", str(SNAPSHOT), str(SNAPSHOT)]) == 0
    assert "no breaking changes" in capsys.readouterr().out
    # A settings snapshot has an addon and a version in its header too, but is no openapi one.
    settings = SNAPSHOT.with_name("studio_tools-1.0.0.settings.json")
    assert not is_addon_openapi_snapshot(str(settings))


def test_check_compares_an_addons_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path / "pulled", _newer(), "1.1.0")
    check = ["check", "--project", str(ROOT), "--addons", str(tmp_path / "pulled")]
    assert main([*check, "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [c["coordinate"] for c in report["rest_breaking"]] == [
        "addons.studio_tools.list_bookmarks"
    ]
    assert report["failing_operations"] == []
    assert main(check) == 1
    assert "FAIL: addon operations changed (studio_tools): 1 breaking" in capsys.readouterr().out
    same = ["check", "--project", str(ROOT), "--addons", str(SNAPSHOT.parent)]
    assert main(same) == 0, capsys.readouterr().out


@pytest.fixture(scope="module")
def server() -> Iterator[StandInServer]:
    with StandInServer() as standin:
        yield standin


def test_check_against_a_server_compares_its_bundles_addons(
    server: StandInServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = tmp_path / "addons"
    older = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    # The code was written against a version that also had an `export` operation.
    older["paths"][f"{OLD_PREFIX}/export"] = {
        "post": {"operationId": "export_frames", "tags": ["studio_tools"], "responses": {}}
    }
    _write(base, older, "1.0.0")
    paths = older["paths"]
    dropped = derive_addon_snapshot(
        {
            "paths": {p.replace("studio_tools", "old_tool"): v for p, v in paths.items()},
            "components": older["components"],
        },
        AddonRef("old_tool", "2.0.0"),
        source="test",
    )
    dropped.write(base / dropped.addon.snapshot_name("openapi"))
    check = ["check", "--project", str(ROOT), "--schema", server.url, "--base-addons", str(base)]
    assert main([*check, "--api-key", server.api_key, "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    coordinates = [c["coordinate"] for c in report["rest_breaking"]]
    studio = [c for c in coordinates if c.startswith("addons.studio_tools.")]
    assert studio == ["addons.studio_tools.export_frames"]
    lost = [c for c in report["rest_breaking"] if c["coordinate"].startswith("addons.old_tool.")]
    assert len(lost) == sum(len(item) for item in older["paths"].values())
    assert all("not in the server's production bundle" in c["description"] for c in lost)
    # The project's own snapshots match what the stand-in's bundle runs.
    assert main([*check[:-2], "--api-key", server.api_key]) == 0, capsys.readouterr().out
