"""Workfiles, which only writes make, written and listed.  (A studio's own
attribute written and read back: ``tests/write_models/test_studio_write_models.py``.)"""

from __future__ import annotations

import httpx
from ayon_gql_generated.write_models import WorkfileCreate

from ayon_gql import AyonClient
from ayon_gql.testing import StandInServer
from tests.writes.conftest import PROJECT


def _graphql(server: StandInServer, query: str) -> dict:  # type: ignore[type-arg]
    answer = httpx.post(
        f"{server.url}/graphql", json={"query": query}, headers={"X-Api-Key": server.api_key}
    ).json()
    assert "errors" not in answer, answer
    return answer["data"]  # type: ignore[no-any-return]


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
