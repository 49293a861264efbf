"""A studio's schema served as it is: custom attributes filled, removed ones gone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import build_schema, introspection_from_schema

from ayon_gql import InvalidInputError
from ayon_gql.testing import DEMO_PROJECT, StandInServer, generate_dataset

from .conftest import gql, studio_schema_text

VERSION_ATTRIBS = (
    "clipIn clipOut colorSpace description families fps frameEnd frameStart handleEnd "
    "handleStart intent machine pixelAspect resolutionHeight resolutionWidth shotCode site source"
)
FOLDER_ATTRIBS = (
    "clipIn clipOut description endDate fps frameEnd frameStart handleEnd handleStart "
    "pixelAspect priority resolutionHeight resolutionWidth shotCode startDate"
)


def _post(server: StandInServer, query: str, **variables: Any) -> dict[str, Any]:
    with httpx.Client(base_url=server.url, headers={"X-Api-Key": server.api_key}) as client:
        body = gql(client, query, **variables)
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def _versions(server: StandInServer) -> list[dict[str, Any]]:
    query = f"""query($p: String!) {{ project(name: $p) {{ versions(first: 1000) {{
        edges {{ node {{ id path attrib {{ {VERSION_ATTRIBS} }} allAttrib }} }} }} }} }}"""
    data = _post(server, query, p=DEMO_PROJECT)
    return [edge["node"] for edge in data["project"]["versions"]["edges"]]


def _folders(server: StandInServer) -> list[dict[str, Any]]:
    query = f"""query($p: String!) {{ project(name: $p) {{ folders(first: 1000) {{
        edges {{ node {{ id path parentId ownAttrib attrib {{ {FOLDER_ATTRIBS} }} allAttrib
        tasks {{ edges {{ node {{ attrib {{ fps }} allAttrib }} }} }} }} }} }} }} }}"""
    data = _post(server, query, p=DEMO_PROJECT)
    return [edge["node"] for edge in data["project"]["folders"]["edges"]]


def _non_null(attrib: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in attrib.items() if value is not None}


def test_custom_attribute_in_attrib_and_all_attrib(studio: StandInServer) -> None:
    versions = _versions(studio)
    assert len(versions) == 108
    for version in versions:
        assert json.loads(version["allAttrib"]) == _non_null(version["attrib"])
    codes = [v["attrib"]["shotCode"] for v in versions]
    assert sum(code is not None for code in codes) >= 80  # every fifth version has none
    assert any(code is None for code in codes)
    for version, code in zip(versions, codes, strict=True):
        if code is not None:
            assert code == version["path"].rsplit("/", 1)[-1] + ".shotCode"


def test_removed_attribute_is_not_served(studio: StandInServer) -> None:
    body = httpx.post(
        studio.url + "/graphql",
        headers={"X-Api-Key": studio.api_key},
        json={
            "query": '{ project(name: "demo_Commercial") { versions(first: 1) '
            "{ edges { node { attrib { comment } } } } } }"
        },
    ).json()
    assert "Cannot query field 'comment'" in body["errors"][0]["message"]
    for version in _versions(studio):
        assert "comment" not in json.loads(version["allAttrib"])


def test_folder_values_own_and_inherited(studio: StandInServer) -> None:
    folders = _folders(studio)
    by_id = {folder["id"]: folder for folder in folders}
    for folder in folders:
        code = folder["attrib"]["shotCode"]
        assert code is not None
        assert json.loads(folder["allAttrib"]) == _non_null(folder["attrib"])
        depth = folder["path"].count("/") - 1
        if depth % 2 == 0:
            assert "shotCode" in folder["ownAttrib"]
            assert code == folder["path"].rsplit("/", 1)[-1] + ".shotCode"
        else:
            assert "shotCode" not in folder["ownAttrib"]
            assert code == by_id[folder["parentId"]]["attrib"]["shotCode"]
        for task in folder["tasks"]["edges"]:  # tasks do not declare shotCode here
            assert "shotCode" not in json.loads(task["node"]["allAttrib"])


def test_values_are_deterministic(studio_schema: Path) -> None:
    with StandInServer(generate_dataset(versions=500), schema=studio_schema) as first:
        one = _versions(first)
    with StandInServer(generate_dataset(versions=500), schema=studio_schema) as second:
        two = _versions(second)
    assert one == two


def test_introspection_json_serves_the_same(studio: StandInServer, tmp_path: Path) -> None:
    introspection = introspection_from_schema(build_schema(studio_schema_text()))
    path = tmp_path / "studio.json"
    path.write_text(json.dumps({"data": introspection}), encoding="utf-8")
    with StandInServer(schema=path) as server:
        assert _versions(server) == _versions(studio)


def test_rest_attributes_follow_the_schema(studio: StandInServer) -> None:
    r = httpx.get(studio.url + "/api/attributes", headers={"X-Api-Key": studio.api_key})
    attributes = {a["name"]: a for a in r.json()["attributes"]}
    shot_code = attributes["shotCode"]
    assert shot_code["scope"] == ["folder", "version"]
    assert shot_code["data"]["type"] == "string"
    assert shot_code["builtin"] is False
    assert "comment" not in attributes  # declared on versions only, which dropped it
    assert attributes["fps"]["builtin"] is True
    # every attribute the schema declares is listed for that scope, and nothing else
    declared = {name: "version" for name in VERSION_ATTRIBS.split()}
    listed = {name for name, a in attributes.items() if "version" in a["scope"]}
    assert listed == set(declared)


def test_stock_schema_serves_no_custom_attribute(standin: StandInServer) -> None:
    r = httpx.get(standin.url + "/api/attributes", headers={"X-Api-Key": standin.api_key})
    names = {a["name"] for a in r.json()["attributes"]}
    assert "shotCode" not in names and "comment" in names


def test_bad_schema_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match=r"schema file not found: .*missing\.graphql"):
        StandInServer(schema=tmp_path / "missing.graphql")
    broken = tmp_path / "broken.graphql"
    broken.write_text("type Query {", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"broken\.graphql: not a GraphQL schema"):
        StandInServer(schema=broken)
    not_introspection = tmp_path / "other.json"
    not_introspection.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(InvalidInputError, match="not an introspection result"):
        StandInServer(schema=not_introspection)


def test_dataset_built_before_the_schema_is_filled(studio_schema: Path) -> None:
    dataset = generate_dataset(versions=200)
    project = dataset.project(DEMO_PROJECT)  # built for the stock attributes
    assert project is not None and "shotCode" not in project.versions[1]["attrib"]
    with StandInServer(dataset, schema=studio_schema) as server:
        versions = _versions(server)
    assert versions[1]["attrib"]["shotCode"] == versions[1]["path"].rsplit("/", 1)[-1] + ".shotCode"


def test_missing_stock_snapshot_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ayon_gql import AyonError
    from ayon_gql.testing import _served_schema

    monkeypatch.setattr(_served_schema, "_bundled_location", lambda: tmp_path / "ayon.graphql")
    with pytest.raises(AyonError, match=r"ayon_gql_generated/ayon\.graphql is missing"):
        StandInServer()


def test_schema_without_all_attrib(tmp_path: Path) -> None:
    text = studio_schema_text().replace("  allAttrib: String!\n", "")
    assert "allAttrib" not in text
    path = tmp_path / "no-all-attrib.graphql"
    path.write_text(text, encoding="utf-8")
    query = """query($p: String!) { project(name: $p) { versions(first: 5) {
        edges { node { attrib { shotCode fps } } } } } }"""
    with StandInServer(schema=path) as server:
        data = _post(server, query, p=DEMO_PROJECT)
    attribs = [edge["node"]["attrib"] for edge in data["project"]["versions"]["edges"]]
    assert len(attribs) == 5 and all(set(a) == {"shotCode", "fps"} for a in attribs)
    assert any(a["shotCode"] for a in attribs)
