"""The stock package's write models: typed from the 1.16.0 description, wire names as aliases."""

from __future__ import annotations

import json
from typing import Any

import ayon_gql_generated
import pytest
from ayon_gql_generated import write_models
from ayon_gql_generated.write_models import (
    FolderCreate,
    ProductCreate,
    RepresentationCreate,
    RepresentationFile,
    TaskUpdate,
    VersionAttrib,
    VersionCreate,
    VersionUpdate,
)

from ayon_gql import AyonError, WriteValidationError
from ayon_gql._write_models import ENTITY_TYPES
from ayon_gql.client import EntityCreate, EntityUpdate, WriteModel
from ayon_gql.schema._openapi_types import python_name
from tests._shared import SERVER_1_16, require_shared

ID = "c10d5bc73dcab7da4cba0f3e0b3c0aea"


def _models(kind: str) -> list[type[WriteModel]]:
    return [getattr(write_models, e[:1].upper() + e[1:] + kind) for e in ENTITY_TYPES]


def test_the_contract_example_dumps_as_the_server_spells_it() -> None:
    body = VersionCreate(product_id=ID, version=1, attrib=VersionAttrib(frame_start=1001)).wire()
    assert body == {"productId": ID, "version": 1, "attrib": {"frameStart": 1001}}
    # The wire spelling is accepted too, and reads back the same.
    assert VersionCreate.model_validate(body).wire() == body


def test_every_entity_type_has_a_create_an_update_and_an_attribute_model() -> None:
    assert ayon_gql_generated.write_models is write_models
    assert "write_models" in ayon_gql_generated.__all__
    for entity, create, update, attrib in zip(
        ENTITY_TYPES, _models("Create"), _models("Update"), _models("Attrib"), strict=True
    ):
        assert issubclass(create, EntityCreate) and create.entity_type == entity
        assert issubclass(update, EntityUpdate) and update.entity_type == entity
        assert issubclass(attrib, WriteModel)
        assert create.model_fields["attrib"].annotation == attrib | None
        # Creates may carry a client-made id; updates name their entity elsewhere.
        assert "id" in create.model_fields and "id" not in update.model_fields


def test_fields_and_required_ones_follow_the_recorded_description() -> None:
    require_shared()
    schemas = json.loads((SERVER_1_16 / "openapi.json").read_text("utf-8"))["components"]
    suffixes = {"Create": "PostModel", "Update": "PatchModel", "Attrib": "AttribModel"}
    for kind, suffix in suffixes.items():
        for model in _models(kind):
            schema = schemas["schemas"][model.__name__[: -len(kind)] + suffix]
            wire = {
                name: field.serialization_alias or name
                for name, field in model.model_fields.items()
            }
            assert list(wire.values()) == list(schema["properties"]), model.__name__
            assert all(name == python_name(alias) for name, alias in wire.items())
            required = {wire[n] for n, f in model.model_fields.items() if f.is_required()}
            assert required == set(schema.get("required", [])), model.__name__


def test_an_update_sends_only_what_was_set() -> None:
    update = VersionUpdate(status="Approved")
    update.attrib = VersionAttrib(comment="ok")
    assert update.wire() == {"status": "Approved", "attrib": {"comment": "ok"}}
    assert VersionUpdate().wire() == {}
    # A field set to None is sent as null (AYON then clears an attribute's own value).
    assert VersionUpdate(attrib=VersionAttrib(fps=None)).wire() == {"attrib": {"fps": None}}


def test_nested_models_and_lists_dump_by_alias() -> None:
    files = [RepresentationFile(id="f1", path="{root[work]}/a.exr", hash_type="sha256")]
    body = RepresentationCreate(name="exr", version_id=ID, files=files).wire()
    assert body == {
        "name": "exr",
        "versionId": ID,
        "files": [{"id": "f1", "path": "{root[work]}/a.exr", "hashType": "sha256"}],
    }


@pytest.mark.parametrize(
    ("build", "where"),
    [
        (lambda: FolderCreate(name="sh010", colour="red"), "colour"),
        (lambda: VersionAttrib(frame_start="first"), "frame_start"),
        (lambda: VersionCreate(product_id="1234", version=1), "product_id"),
        (lambda: VersionCreate(product_id=ID.replace("c", "-"), version=1), "product_id"),
        (lambda: FolderCreate(name="bad name"), "name"),
        (lambda: ProductCreate(name="model", folder_id=ID), "productType"),
        (lambda: VersionAttrib(resolution_width=60000), "resolution_width"),
        (lambda: RepresentationFile(id="f", path="p", hash_type="crc"), "hash_type"),
        (lambda: VersionAttrib.model_validate({"shotCode": "x"}), "shotCode"),
    ],
    ids=[
        "unknown-field",
        "wrong-type",
        "short-id",
        "dashed-id",
        "bad-name",
        "missing-required",
        "out-of-bounds",
        "unknown-enum-value",
        "unknown-attribute",
    ],
)
def test_invalid_input_is_refused_naming_the_field(build: Any, where: str) -> None:
    with pytest.raises(WriteValidationError) as refused:
        build()
    assert isinstance(refused.value, AyonError)
    assert "\n" not in str(refused.value)
    assert where in str(refused.value)


def test_assignment_is_validated_too() -> None:
    update = TaskUpdate()
    with pytest.raises(WriteValidationError, match="assignees"):
        update.assignees = "alice"  # type: ignore[assignment]
    update.assignees = ["alice"]
    assert update.wire() == {"assignees": ["alice"]}
