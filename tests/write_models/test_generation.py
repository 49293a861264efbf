"""How the write models are generated: names, types, and projects without a snapshot."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from ayon_gql import GenerationError
from ayon_gql.cli import main
from ayon_gql.codegen import generate
from ayon_gql.codegen._write_model_code import write_models_code
from ayon_gql.codegen.plugin import GenerationWarning
from ayon_gql.schema._openapi import OpenApiSnapshot, derive_snapshot, pull_openapi
from ayon_gql.schema._openapi_types import annotation, python_name
from ayon_gql.testing import StandInServer
from tests._shared import SERVER_1_16, require_shared


@pytest.mark.parametrize(
    ("wire", "python"),
    [
        ("frameStart", "frame_start"),
        ("productId", "product_id"),
        ("fps", "fps"),
        ("ftrackID", "ftrack_id"),
        ("HTTPPort", "http_port"),
        ("sg_id", "sg_id"),
        ("class", "class_"),
        ("wire", "wire_"),
        ("str", "str_"),
        ("modelName", "attr_model_name"),
        ("entityType", "entity_type_"),
        ("3dsMaxVersion", "f_3ds_max_version"),
    ],
)
def test_python_names(wire: str, python: str) -> None:
    assert python_name(wire) == python


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        ({"type": "string"}, "str"),
        ({"type": "string", "format": "date-time"}, "_dt.datetime"),
        ({"type": "number"}, "float"),
        ({"type": "integer", "exclusiveMaximum": 10}, "_t.Annotated[int, _pd.Field(lt=10)]"),
        ({"type": "string", "enum": ["a", "b"]}, '_t.Literal["a", "b"]'),
        ({"type": "array", "items": {"type": "integer"}}, "list[int]"),
        ({"type": "object"}, "dict[str, _t.Any]"),
        ({"allOf": [{"$ref": "#/components/schemas/XModel"}]}, "X"),
        ({"anyOf": [{"type": "string"}, {"type": "null"}]}, "str | None"),
        ({"type": ["integer", "null"]}, "int | None"),
        ({"type": "boolean", "nullable": True}, "bool | None"),
        ({"not": {}}, "_t.Any"),
    ],
)
def test_json_schema_types(node: dict[str, Any], expected: str) -> None:
    assert annotation(node, {"XModel": "X"}) == expected


def _snapshot_with(attributes: dict[str, Any]) -> OpenApiSnapshot:
    require_shared()
    document = json.loads((SERVER_1_16 / "openapi.json").read_text(encoding="utf-8"))
    document["components"]["schemas"]["VersionAttribModel"]["properties"].update(attributes)
    return derive_snapshot(document, source="studio")


def test_awkward_attribute_names_still_make_a_working_module(tmp_path: Path) -> None:
    snapshot = _snapshot_with(
        {
            "class": {"type": "string"},
            "json": {"type": "integer"},
            "model_id": {"type": "string"},
            "str": {"type": "integer"},
            "zComment": {"type": "string"},
        }
    )
    path = tmp_path / "awkward_write_models.py"
    path.write_text(write_models_code(snapshot), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("awkward_write_models", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # pydantic resolves annotations through the module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    attrib = module.VersionAttrib(class_="hero", json_=2, attr_model_id="m", str_=1, z_comment="z")
    assert attrib.wire() == {"class": "hero", "json": 2, "model_id": "m", "str": 1, "zComment": "z"}


def test_two_attributes_with_one_python_name_are_refused() -> None:
    snapshot = _snapshot_with({"shotCode": {"type": "string"}, "shot_code": {"type": "string"}})
    with pytest.raises(GenerationError, match="'shotCode' and 'shot_code'"):
        write_models_code(snapshot)


def test_a_project_without_an_openapi_snapshot_generates_without_write_models(
    studio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", "--project", str(studio)]) == 0
    package = studio / "studio_ayon"
    assert (package / "client.py").is_file()
    assert not (package / "write_models.py").exists()
    assert "write_models" not in (package / "__init__.py").read_text(encoding="utf-8")
    notes = [line for line in capsys.readouterr().err.splitlines() if "write models" in line]
    assert len(notes) == 1
    assert notes[0].endswith(
        "studio_ayon: no write models: no openapi snapshot at schema/openapi.json "
        "(`ayon-gql schema pull` writes it)"
    )

    # `schema pull --from-file` with the server's openapi.json brings them.
    require_shared()
    pulled = ["schema", "pull", "--from-file", str(SERVER_1_16 / "openapi.json")]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(studio)
        assert main(pulled) == 0
    assert (studio / "schema" / "openapi.json").is_file()
    capsys.readouterr()
    assert main(["generate", "--project", str(studio)]) == 0
    out, err = capsys.readouterr()
    assert "new:     openapi.json" in out and "new:     write_models.py" in out
    assert "write models" not in err
    with pytest.warns(GenerationWarning, match="no iter_project_folders"):
        assert generate(studio, check=True).up_to_date
    assert "write_models" in (package / "__init__.py").read_text(encoding="utf-8")


def test_the_stand_in_describes_the_stock_attributes_as_the_recorded_server() -> None:
    require_shared()
    with StandInServer() as server:
        answer = httpx.get(f"{server.url}/openapi.json", headers={"X-Api-Key": server.api_key})
    served = derive_snapshot(answer.json(), source="stand-in")
    recorded = pull_openapi(from_file=SERVER_1_16 / "openapi.json")
    assert dict(served.schemas) == dict(recorded.schemas)
