"""A studio's own attribute, written through the session and read back, on a
stand-in serving the studio's schema; and workfiles, which only writes make."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from ayon_gql import AyonClient
from ayon_gql.testing import DEFAULT_SCHEMA_PATH, StandInServer
from tests.writes._models import (
    FolderCreate,
    ProductCreate,
    VersionAttrib,
    VersionCreate,
    WorkfileCreate,
)
from tests.writes.conftest import PROJECT


class StudioVersionAttrib(VersionAttrib):
    """``VersionAttrib`` as a studio's package has it: with ``shotCode``."""

    shot_code: str | None = None


class StudioVersionCreate(VersionCreate):
    attrib: StudioVersionAttrib | None = None  # type: ignore[assignment]


def _graphql(server: StandInServer, query: str) -> dict:  # type: ignore[type-arg]
    answer = httpx.post(
        f"{server.url}/graphql", json={"query": query}, headers={"X-Api-Key": server.api_key}
    ).json()
    assert "errors" not in answer, answer
    return answer["data"]  # type: ignore[no-any-return]


def test_a_custom_attribute_is_written_and_read_back(tmp_path: Path) -> None:
    sdl = DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8").replace(
        "type VersionAttribType {\n", "type VersionAttribType {\n  shotCode: String\n", 1
    )
    schema = tmp_path / "studio.graphql"
    schema.write_text(sdl, encoding="utf-8")
    with (
        StandInServer(schema=schema) as server,
        AyonClient(server.url, api_key=server.api_key) as client,
    ):
        with client.operations(PROJECT) as ops:
            folder_id = ops.create(FolderCreate(name="sh970", folder_type="Shot"))
            product_id = ops.create(
                ProductCreate(name="plateMain", product_type="plate", folder_id=folder_id)
            )
            version_id = ops.create(
                StudioVersionCreate(
                    product_id=product_id,
                    version=1,
                    attrib=StudioVersionAttrib(shot_code="SH970", frame_start=1),
                )
            )
        sent = server.requests[-1].json["operations"][2]["data"]["attrib"]
        assert sent == {"shotCode": "SH970", "frameStart": 1}
        data = _graphql(
            server,
            f'{{ project(name: "{PROJECT}") {{ version(id: "{version_id}") '
            "{ allAttrib attrib { shotCode frameStart } } } }",
        )
        version = data["project"]["version"]
        assert version["attrib"] == {"shotCode": "SH970", "frameStart": 1}
        assert json.loads(version["allAttrib"])["shotCode"] == "SH970"


def test_workfiles_are_written_and_listed(client: AyonClient, ayon_server: StandInServer) -> None:
    task = next(client.iter_tasks(PROJECT))
    with client.operations(PROJECT) as ops:
        workfile_id = ops.create(WorkfileCreate(path="/work/sh010_comp_v001.nk", task_id=task.id))
    data = _graphql(
        ayon_server,
        f'{{ project(name: "{PROJECT}") {{ workfiles(ids: ["{workfile_id}"]) '
        "{ edges { node { id path taskId } } } } }",
    )
    nodes = [edge["node"] for edge in data["project"]["workfiles"]["edges"]]
    assert nodes == [{"id": workfile_id, "path": "/work/sh010_comp_v001.nk", "taskId": task.id}]
