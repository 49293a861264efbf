"""The openapi snapshot is derived from the server's description, structure only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ayon_gql import SchemaSourceError
from ayon_gql._write_models import ENTITY_TYPES
from ayon_gql.schema._openapi import (
    HEADER_KEY,
    OpenApiSnapshot,
    derive_snapshot,
    load_openapi_snapshot,
    pull_openapi,
)
from tests._shared import SERVER_1_16, require_shared

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RECORDED = SERVER_1_16 / "openapi.json"
PROSE = {"title", "description", "example"}


def _recorded() -> dict[str, Any]:
    require_shared()
    loaded: dict[str, Any] = json.loads(RECORDED.read_text(encoding="utf-8"))
    return loaded


def _pulled() -> OpenApiSnapshot:
    require_shared()
    return pull_openapi(from_file=RECORDED)


def _schema_nodes(node: Any) -> list[dict[str, Any]]:
    """Every schema node (property maps are names, not nodes)."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for key, value in node.items():
            if key == "properties":
                for prop in value.values():
                    found += _schema_nodes(prop)
            elif isinstance(value, (dict, list)):
                found += _schema_nodes(value)
    elif isinstance(node, list):
        for item in node:
            found += _schema_nodes(item)
    return found


def test_the_snapshot_keeps_the_write_models_and_what_they_refer_to() -> None:
    snapshot = _pulled()
    expected = {
        f"{e[:1].upper()}{e[1:]}{kind}"
        for e in ENTITY_TYPES
        for kind in ("PostModel", "PatchModel", "AttribModel")
    }
    assert set(snapshot.schemas) == expected | {"RepresentationFileModel"}
    assert snapshot.server_version == "1.16.0"
    recorded = _recorded()["components"]["schemas"]
    for name, schema in snapshot.schemas.items():
        # Same fields, same required ones, same types as the server said.
        assert list(schema["properties"]) == list(recorded[name]["properties"]), name
        assert schema.get("required") == recorded[name].get("required"), name
        for prop, node in schema["properties"].items():
            for keyword in ("type", "pattern", "enum", "format", "exclusiveMaximum"):
                assert node.get(keyword) == recorded[name]["properties"][prop].get(keyword)


def test_the_snapshot_carries_no_prose_but_keeps_attributes_named_like_it() -> None:
    snapshot = _pulled()
    nodes = _schema_nodes(dict(snapshot.schemas))
    assert nodes and not any(PROSE & set(node) for node in nodes)
    # ``description`` is also an attribute name: as a property it stays.
    assert "description" in snapshot.schemas["FolderAttribModel"]["properties"]
    text = snapshot.text()
    assert "Frame rate" not in text and "Horizontal resolution" not in text


def test_the_committed_snapshot_is_the_recording_derived() -> None:
    _recorded()
    committed = json.loads((PROJECT_ROOT / "schema" / "openapi.json").read_text("utf-8"))
    header = committed[HEADER_KEY]
    fresh = json.loads(pull_openapi(from_file=RECORDED).text())
    fresh[HEADER_KEY]["pulled"] = header["pulled"]
    assert committed == fresh
    # And the stock package ships the same file, for the wheel and the stand-in.
    packaged = (PROJECT_ROOT / "generated" / "openapi.json").read_text(encoding="utf-8")
    assert json.loads(packaged) == committed


def test_a_snapshot_reads_back_as_itself(tmp_path: Path) -> None:
    snapshot = _pulled()
    path = snapshot.write(tmp_path / "openapi.json")
    again = load_openapi_snapshot(path)
    assert again.text() == snapshot.text()


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"openapi": "3.1.0"}, "no components.schemas"),
        ({"openapi": "3.1.0", "components": {"schemas": {}}}, "FolderPostModel"),
    ],
    ids=["not-openapi", "no-write-models"],
)
def test_a_document_without_the_write_models_is_refused(
    document: dict[str, Any], message: str
) -> None:
    with pytest.raises(SchemaSourceError, match=message) as refused:
        derive_snapshot(document, source="server.json")
    assert "\n" not in str(refused.value)


def test_a_dangling_reference_is_refused() -> None:
    schemas = dict(_recorded()["components"]["schemas"])
    del schemas["RepresentationFileModel"]
    with pytest.raises(SchemaSourceError, match="RepresentationFileModel is referred to"):
        derive_snapshot({"components": {"schemas": schemas}}, source="x")
