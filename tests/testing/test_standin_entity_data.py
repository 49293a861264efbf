"""``StandInServer.set_entity_data``: visible over GraphQL at once, undone by ``reset()``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ayon_gql import InvalidInputError
from ayon_gql.testing import DEMO_PROJECT, StandInServer

from .conftest import gql

VERSION = """query($p: String!, $id: String!) { project(name: $p) { version(id: $id) {
  status tags attrib { shotCode fps } allAttrib } } }"""
FOLDER = """query($p: String!, $id: String!) { project(name: $p) { folder(id: $id) {
  ownAttrib attrib { fps shotCode } allAttrib } } }"""
TASK = """query($p: String!, $id: String!) { project(name: $p) { task(id: $id) {
  attrib { fps } } } }"""


def _get(server: StandInServer, query: str, entity_id: str) -> dict[str, Any]:
    with httpx.Client(base_url=server.url, headers={"X-Api-Key": server.api_key}) as client:
        body = gql(client, query, p=DEMO_PROJECT, id=entity_id)
    assert "errors" not in body, body
    project: dict[str, Any] = body["data"]["project"]
    return next(iter(project.values()))


@pytest.fixture
def studio_server(studio: StandInServer) -> Iterator[StandInServer]:
    """The studio-schema server, reset before and after the test."""
    studio.reset()
    yield studio
    studio.reset()


def _first_version(server: StandInServer) -> str:
    project = server.dataset.project(DEMO_PROJECT)
    assert project is not None
    return str(project.versions[1]["id"])


def test_attribute_and_field_set_then_reset(studio_server: StandInServer) -> None:
    version_id = _first_version(studio_server)
    before = _get(studio_server, VERSION, version_id)
    studio_server.set_entity_data(
        DEMO_PROJECT,
        version_id,
        attrib={"shotCode": "SH010", "fps": 48.0},
        status="Approved",
        tags=["hero"],
    )
    after = _get(studio_server, VERSION, version_id)
    assert after["attrib"] == {"shotCode": "SH010", "fps": 48.0}
    assert json.loads(after["allAttrib"])["shotCode"] == "SH010"
    assert json.loads(after["allAttrib"])["fps"] == 48.0
    assert (after["status"], after["tags"]) == ("Approved", ["hero"])
    assert after != before
    studio_server.reset()
    assert _get(studio_server, VERSION, version_id) == before


def test_unset_attribute_leaves_all_attrib(studio_server: StandInServer) -> None:
    version_id = _first_version(studio_server)
    assert _get(studio_server, VERSION, version_id)["attrib"]["shotCode"] is not None
    studio_server.set_entity_data(DEMO_PROJECT, version_id, attrib={"shotCode": None})
    after = _get(studio_server, VERSION, version_id)
    assert after["attrib"]["shotCode"] is None
    assert "shotCode" not in json.loads(after["allAttrib"])


def test_folder_value_passes_down_to_inheriting_entities(studio_server: StandInServer) -> None:
    project = studio_server.dataset.project(DEMO_PROJECT)
    assert project is not None
    root = project.folder_by_path["/assets"]
    group = project.folder_by_path["/assets/characters"]
    asset = project.folder_by_path["/assets/characters/hero"]
    task = project.tasks_by_folder[asset["id"]][0]
    studio_server.set_entity_data(DEMO_PROJECT, root["id"], attrib={"fps": 50.0})
    assert "fps" in _get(studio_server, FOLDER, root["id"])["ownAttrib"]
    assert _get(studio_server, FOLDER, group["id"])["attrib"]["fps"] == 50.0
    assert _get(studio_server, FOLDER, asset["id"])["attrib"]["fps"] == 50.0
    assert _get(studio_server, TASK, task["id"])["attrib"]["fps"] == 50.0
    studio_server.reset()
    assert _get(studio_server, TASK, task["id"])["attrib"]["fps"] == 25.0
    assert "fps" not in _get(studio_server, FOLDER, root["id"])["ownAttrib"]


@pytest.mark.parametrize(
    ("project", "attrib", "fields", "message"),
    [
        ("nope", None, {}, "no project 'nope'"),
        (DEMO_PROJECT, {"comment": "x"}, {}, "declares no attribute 'comment'"),
        (DEMO_PROJECT, {"fps": "fast"}, {}, "attrib.fps: 'fast' is not a valid Float"),
        (DEMO_PROJECT, None, {"colour": "red"}, "cannot set 'colour'"),
        (DEMO_PROJECT, None, {"id": "x"}, "cannot set 'id'"),
        (DEMO_PROJECT, None, {"status": None}, "status cannot be null"),
        (DEMO_PROJECT, None, {"tags": "hero"}, "tags takes a list"),
    ],
)
def test_bad_changes_are_refused_and_change_nothing(
    studio_server: StandInServer,
    project: str,
    attrib: dict[str, Any] | None,
    fields: dict[str, Any],
    message: str,
) -> None:
    version_id = _first_version(studio_server)
    before = _get(studio_server, VERSION, version_id)
    with pytest.raises(InvalidInputError, match=message):
        studio_server.set_entity_data(
            project, version_id, attrib={"shotCode": "kept?", **(attrib or {})}, **fields
        )
    assert _get(studio_server, VERSION, version_id) == before


def test_unknown_entity(studio_server: StandInServer) -> None:
    with pytest.raises(InvalidInputError, match="has no entity with id 'f00'"):
        studio_server.set_entity_data(DEMO_PROJECT, "f00", status="Approved")


def test_used_tags_are_the_tags_entities_carry_from_the_first_request() -> None:
    """``usedTags`` is answered from the built project, the same on every request,
    and follows writes."""
    query = (
        '{ project(name: "demo_Commercial") '
        "{ usedTags versions(first: 1) { edges { node { id } } } } }"
    )
    with StandInServer() as server:
        headers = {"X-Api-Key": server.api_key}
        first = httpx.post(f"{server.url}/graphql", json={"query": query}, headers=headers).json()
        again = httpx.post(f"{server.url}/graphql", json={"query": query}, headers=headers).json()
        tags = first["data"]["project"]["usedTags"]
        assert tags and tags == again["data"]["project"]["usedTags"]
        version_id = first["data"]["project"]["versions"]["edges"][0]["node"]["id"]
        answer = httpx.post(
            f"{server.url}/api/projects/demo_Commercial/operations",
            json={
                "operations": [
                    {
                        "type": "update",
                        "entityType": "version",
                        "entityId": version_id,
                        "data": {"tags": ["brand_new_tag"]},
                    }
                ]
            },
            headers=headers,
        ).json()
        assert answer["success"], answer
        after = httpx.post(f"{server.url}/graphql", json={"query": query}, headers=headers).json()
        assert "brand_new_tag" in after["data"]["project"]["usedTags"]
