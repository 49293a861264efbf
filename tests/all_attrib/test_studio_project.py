"""A studio's own project: custom attributes, opt-outs, aliases, a type without allAttrib.

The studio schema (the snapshot, edited as a studio's attribute configuration
would shape it) adds the version attributes ``shotCode`` (String),
``deliveryDate`` (DateTime), ``grade`` (an enum) and ``keywords`` ([String!]) and has no
``allAttrib`` on products (nor on the ``BaseNode`` interface).  Its client
is generated into a temporary folder and imported from there; a stand-in
serves the same schema with values for the studio attributes.
"""

from __future__ import annotations

import importlib
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pydantic import BaseModel

from ayon_gql import AyonClient
from ayon_gql.codegen import generate
from ayon_gql.testing import StandInServer
from tests._shared import recording
from tests.all_attrib.test_same_results import assert_same, written_texts

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = PROJECT_ROOT / "schema" / "ayon.graphql"
PACKAGE = "ayon_gql_studio_all_attrib"

STUDIO_QUERIES = """
fragment StudioAttribFields on VersionAttribType {
  fps
  shotCode
  deliveryDate
  grade
  keywords
}

fragment StudioVersion on VersionNode {
  id
  attrib {
    ...StudioAttribFields
    frameStart
  }
}

query GetStudioVersions($projectName: String!) {
  project(name: $projectName) {
    versions(first: 1000) { edges { node { ...StudioVersion } } }
  }
}

query GetExcluded($projectName: String!) {
  project(name: $projectName) {
    versions(first: 1000) { edges { node { ...StudioVersion } } }
  }
}

# The typed fields are wanted here.
# ayon-gql: all_attrib = false
query GetWritten($projectName: String!) {
  project(name: $projectName) {
    folders(first: 1000) {
      edges { node { id attrib { fps frameStart frameEnd resolutionWidth } } }
    }
  }
}

query GetRecordedShape($projectName: String!) {
  project(name: $projectName) {
    folders(first: 1000) {
      edges { node { id attrib { fps frameStart frameEnd resolutionWidth } } }
    }
  }
}

query GetAliased($projectName: String!) {
  project(name: $projectName) {
    folders(first: 1000) {
      edges { node { id a: attrib { start: frameStart fps endDate description __typename } } }
    }
  }
}

query GetConditional($projectName: String!, $withFps: Boolean!) {
  project(name: $projectName) {
    folders(first: 1000) { edges { node { id attrib { frameStart fps @include(if: $withFps) } } } }
  }
}

query GetStudioProducts($projectName: String!) {
  project(name: $projectName) {
    products(first: 1000) { edges { node { id attrib { description productGroup } } } }
  }
}
"""


def _studio_sdl() -> str:
    text = SNAPSHOT.read_text(encoding="utf-8")
    text = text.replace(
        "type VersionAttribType {\n",
        "type VersionAttribType {\n  deliveryDate: DateTime\n  grade: ShotGrade\n"
        "  keywords: [String!]\n  shotCode: String\n",
        1,
    )
    text += "\nenum ShotGrade {\n  A\n  B\n  C\n}\n"
    for header in ("interface BaseNode {", "type ProductNode implements BaseNode {"):
        start = text.index(header)
        end = text.index("\n}\n", start)
        block = text[start:end]
        assert "  allAttrib: String!\n" in block
        text = text[:start] + block.replace("  allAttrib: String!\n", "") + text[end:]
    return text


@pytest.fixture(scope="module")
def studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The studio's generated client package, imported."""
    root = tmp_path_factory.mktemp("studio")
    pyproject = (PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert pyproject.count("[tool.ayon-gql]\n") == 1
    pyproject = pyproject.replace(
        "[tool.ayon-gql]\n", '[tool.ayon-gql]\nall_attrib = { exclude = ["GetExcluded"] }\n'
    )
    (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    templates = Path("ayon_gql") / "codegen" / "templates"
    shutil.copytree(PROJECT_ROOT / templates, root / templates)
    (root / "schema").mkdir()
    (root / "schema" / "ayon.graphql").write_text(_studio_sdl(), encoding="utf-8")
    (root / "queries").mkdir()
    (root / "queries" / "studio.graphql").write_text(STUDIO_QUERIES, encoding="utf-8")
    out = root / "out"
    generate(root, target=out / PACKAGE)
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def _wire(studio: ModuleType, constant: str) -> str:
    text: str = getattr(importlib.import_module(f"{PACKAGE}.client"), constant)
    return text


def test_wire_texts_follow_the_schema_and_the_opt_outs(studio: ModuleType) -> None:
    versions = _wire(studio, "_GET_STUDIO_VERSIONS_QUERY")
    assert "attrib: allAttrib" in versions and "StudioAttribFields" not in versions
    # Excluded in [tool.ayon-gql], though it shares the fragment StudioVersion.
    excluded = _wire(studio, "_GET_EXCLUDED_QUERY")
    assert "fragment StudioAttribFields" in excluded and "allAttrib" not in excluded
    assert "allAttrib" not in _wire(studio, "_GET_WRITTEN_QUERY")  # the comment above it
    assert "a: allAttrib" in _wire(studio, "_GET_ALIASED_QUERY")
    assert "allAttrib" not in _wire(studio, "_GET_CONDITIONAL_QUERY")  # @include inside
    assert "allAttrib" not in _wire(studio, "_GET_STUDIO_PRODUCTS_QUERY")  # not in the schema
    assert "attrib: allAttrib" in _wire(studio, "_GET_RECORDED_SHAPE_QUERY")


def _result(studio: ModuleType, module: str, name: str) -> type[BaseModel]:
    cls: type[BaseModel] = getattr(importlib.import_module(f"{PACKAGE}.{module}"), name)
    return cls


def _versions_data(attrib: Any) -> dict[str, Any]:
    node = {"id": "0" * 32, "attrib": attrib}
    return {"project": {"versions": {"edges": [{"node": node}]}}}


@pytest.mark.parametrize(
    "values",
    [
        {"fps": 25.0, "shotCode": "sh010", "deliveryDate": "2026-03-01T12:00:00+00:00",
         "grade": "A", "keywords": ["hero", "fx"], "frameStart": None},
        {"fps": 23.976, "shotCode": None, "deliveryDate": None, "grade": None, "keywords": [],
         "frameStart": 1001},
        dict.fromkeys(("fps", "shotCode", "deliveryDate", "grade", "keywords", "frameStart")),
    ],
)  # fmt: skip
def test_custom_attributes_fill_the_same_typed_model_both_ways(
    studio: ModuleType, values: dict[str, Any]
) -> None:
    import json

    result_class = _result(studio, "get_studio_versions", "GetStudioVersions")
    as_written = result_class.model_validate(_versions_data(values))
    # The server leaves null values out of allAttrib and adds attributes not selected.
    text = json.dumps({**{k: v for k, v in values.items() if v is not None}, "clipIn": 1})
    from_text = result_class.model_validate(_versions_data(text))
    (attrib,) = [m for _, m in assert_same(from_text, as_written)]
    assert set(type(attrib).model_fields) == {
        "fps", "shot_code", "delivery_date", "grade", "keywords", "frame_start"
    }  # fmt: skip
    if values["deliveryDate"] is not None:
        assert attrib.delivery_date.tzinfo is not None  # type: ignore[attr-defined]
    # Excluded operations share the model: it still takes the written shape.
    excluded = _result(studio, "get_excluded", "GetExcluded")
    assert excluded.model_validate(_versions_data(values)).model_dump() == as_written.model_dump()


def test_recorded_server_answers_fill_the_same_models(studio: ModuleType) -> None:
    """gql-folders-all.json: a real AYON 1.16 answer with both attrib and allAttrib."""
    nodes = [
        edge["node"]
        for edge in recording("gql-folders-all")["response"]["json"]["data"]["project"]["folders"][
            "edges"
        ]
    ]
    assert nodes
    shape = _result(studio, "get_recorded_shape", "GetRecordedShape")
    aliased = _result(studio, "get_aliased", "GetAliased")

    def data(node: dict[str, Any], attrib: Any, key: str = "attrib") -> dict[str, Any]:
        return {"project": {"folders": {"edges": [{"node": {"id": node["id"], key: attrib}}]}}}

    for node in nodes:
        assert_same(
            shape.model_validate(data(node, node["allAttrib"])),
            shape.model_validate(data(node, node["attrib"])),
        )
        from_text = aliased.model_validate(data(node, node["allAttrib"], "a"))
        a = from_text.project.folders.edges[0].node.a  # type: ignore[attr-defined]
        assert (a.start, a.fps) == (node["attrib"]["frameStart"], node["attrib"]["fps"])
        assert a.description is None  # null, so left out of allAttrib
        assert a.end_date is not None and a.end_date.tzinfo is not None
        assert a.typename__ == "FolderAttribType"


@pytest.fixture(scope="module")
def client(ayon_standin: StandInServer) -> Iterator[AyonClient]:
    with AyonClient(ayon_standin.url, api_key=ayon_standin.api_key) as created:
        yield created


@pytest.mark.parametrize(
    ("operation", "module", "variables"),
    [
        ("GetAliased", "get_aliased", {}),
        ("GetRecordedShape", "get_recorded_shape", {}),
        ("GetWritten", "get_written", {}),
        ("GetConditional", "get_conditional", {"withFps": True}),
        ("GetConditional", "get_conditional", {"withFps": False}),
    ],
)
def test_studio_operations_on_the_stand_in_are_equal_both_ways(
    studio: ModuleType,
    client: AyonClient,
    tmp_path: Path,
    operation: str,
    module: str,
    variables: dict[str, Any],
) -> None:
    (tmp_path / "studio.graphql").write_text(STUDIO_QUERIES, encoding="utf-8")
    written = written_texts(tmp_path)[operation]
    constant = "_" + module.upper() + "_QUERY"
    arguments = {"projectName": "demo_Commercial", **variables}
    result_class = _result(studio, module, operation)
    sent = result_class.model_validate(
        client.execute(_wire(studio, constant), arguments, operation)
    )
    as_written = result_class.model_validate(client.execute(written, arguments, operation))
    assert assert_same(sent, as_written)


@pytest.mark.parametrize(
    ("setting", "extra_query", "message"),
    [
        ('all_attrib = "no"', "", "all_attrib must be true, false or"),
        (
            'all_attrib = { exclude = ["GetVersionz"] }',
            "",
            "exclude names no operation: GetVersionz",
        ),
        (
            "all_attrib = true",
            "# ayon-gql: all_attrib = nope\nquery GetX { me { name } }\n",
            "operation GetX: expected '# ayon-gql: all_attrib = true' or '= false'",
        ),
    ],
)
def test_bad_settings_are_one_line_errors_and_write_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    setting: str,
    extra_query: str,
    message: str,
) -> None:
    from ayon_gql.cli import main

    pyproject = (PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        pyproject.replace("[tool.ayon-gql]\n", f"[tool.ayon-gql]\n{setting}\n"), encoding="utf-8"
    )
    templates = Path("ayon_gql") / "codegen" / "templates"
    shutil.copytree(PROJECT_ROOT / templates, tmp_path / templates)
    (tmp_path / "schema").mkdir()
    shutil.copy(SNAPSHOT, tmp_path / "schema" / "ayon.graphql")
    shutil.copytree(PROJECT_ROOT / "queries", tmp_path / "queries")
    if extra_query:
        (tmp_path / "queries" / "extra.graphql").write_text(extra_query, encoding="utf-8")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))

    assert main(["generate", "--project", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ayon-gql: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def _set_studio_values(server: StandInServer) -> int:
    """Give demo versions values of the studio attributes; every third has none."""
    project = server.dataset.project("demo_Commercial")
    assert project is not None
    for index, version in enumerate(project.versions):
        if index % 3 == 0:
            version["attrib"]["shotCode"] = f"sh{index:04d}"
            version["attrib"]["deliveryDate"] = f"2026-03-{index % 28 + 1:02d}T12:00:00+00:00"
            version["attrib"]["keywords"] = ["hero", f"k{index}"]
            version["attrib"]["grade"] = "ABC"[index % 3]
        elif index % 3 == 1:
            version["attrib"]["keywords"] = []
            version["attrib"]["grade"] = "B"
    return len(project.versions)


@pytest.fixture(scope="module")
def studio_server(studio: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A stand-in serving the studio schema, with values for its custom attributes."""
    from ayon_gql.testing import generate_dataset

    schema = tmp_path_factory.mktemp("studio-schema") / "ayon.graphql"
    schema.write_text(_studio_sdl(), encoding="utf-8")
    with StandInServer(generate_dataset(versions=200), schema_path=schema) as server:
        _set_studio_values(server)
        with AyonClient(server.url, api_key=server.api_key) as studio_client:
            yield studio_client


@pytest.mark.parametrize(
    ("operation", "module"),
    [("GetStudioVersions", "get_studio_versions"), ("GetStudioProducts", "get_studio_products")],
)
def test_custom_attributes_from_the_stand_in_are_equal_both_ways(
    studio: ModuleType, studio_server: AyonClient, tmp_path: Path, operation: str, module: str
) -> None:
    (tmp_path / "studio.graphql").write_text(STUDIO_QUERIES, encoding="utf-8")
    written = written_texts(tmp_path)[operation]
    wire = _wire(studio, "_" + module.upper() + "_QUERY")
    arguments = {"projectName": "demo_Commercial"}
    result_class = _result(studio, module, operation)
    sent = result_class.model_validate(studio_server.execute(wire, arguments, operation))
    as_written = result_class.model_validate(studio_server.execute(written, arguments, operation))
    models = [model for _, model in assert_same(sent, as_written)]
    assert models
    if operation == "GetStudioVersions":
        assert "attrib: allAttrib" in wire
        codes = [m.shot_code for m in models]  # type: ignore[attr-defined]
        assert any(c is None for c in codes) and any(c is not None for c in codes)
        dates = [m.delivery_date for m in models if m.delivery_date]  # type: ignore[attr-defined]
        assert dates and all(d.tzinfo is not None for d in dates)
        assert [] in [m.keywords for m in models]  # type: ignore[attr-defined]
        grades = {m.grade for m in models} - {None}  # type: ignore[attr-defined]
        enums = importlib.import_module(f"{PACKAGE}.enums")
        # Set above (A, B) or drawn by the stand-in from the enum's values.
        assert {enums.ShotGrade.A, enums.ShotGrade.B} <= grades <= set(enums.ShotGrade)
    else:
        assert "allAttrib" not in wire
