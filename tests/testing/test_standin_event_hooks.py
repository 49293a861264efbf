"""The server's hook on ``entity.version.created`` (its ``watch`` and
``version.publish`` activities) runs after the write has answered, as on a real
AYON 1.16 server: a comment posted right after the write is older than them.
The recorded REST session shows it (``rest/activity-read-graphql``: the publish,
the watch, then the comment posted first, newest first)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from ayon_gql.testing import StandInServer
from tests.testing.conftest import gql

DEMO = "demo_Commercial"
_ACTIVITIES = (
    "query($p:String!,$ids:[String!],$last:Int){project(name:$p){versions(ids:$ids){edges{node{"
    "activities(first:100,last:$last){edges{node{activityId activityType}}}}}}}}"
)


def _product_id(client: httpx.Client) -> str:
    query = "query($p:String!){project(name:$p){products(first:1){edges{node{id}}}}}"
    return str(gql(client, query, p=DEMO)["data"]["project"]["products"]["edges"][0]["node"]["id"])


def _create_version(client: httpx.Client, **options: Any) -> str:
    version_id = uuid.uuid4().hex
    operation = {
        "type": "create",
        "entityType": "version",
        "entityId": version_id,
        "data": {"productId": _product_id(client), "version": 900 + int(version_id[:2], 16)},
    }
    body = {"operations": [operation], **options}
    answer = client.post(f"/api/projects/{DEMO}/operations", json=body)
    assert answer.status_code == 200 and answer.json()["success"], answer.text
    return version_id


def _comment(client: httpx.Client, version_id: str) -> str:
    made = client.post(
        f"/api/projects/{DEMO}/version/{version_id}/activities",
        json={"activityType": "comment", "body": "first look"},
    )
    assert made.status_code == 201
    return str(made.json()["id"])


def _types(client: httpx.Client, version_id: str, last: int | None = 100) -> list[str]:
    data = gql(client, _ACTIVITIES, p=DEMO, ids=[version_id], last=last)["data"]
    edges = data["project"]["versions"]["edges"][0]["node"]["activities"]["edges"]
    return [edge["node"]["activityType"] for edge in edges]


@pytest.mark.usefixtures("srv")
def test_a_comment_right_after_the_write_is_older_than_the_hooks_activities(
    client: httpx.Client,
) -> None:
    version_id = _create_version(client)
    _comment(client, version_id)
    # newest first (last defaults to 100): the hook wrote its watch, then the publish
    assert _types(client, version_id) == ["version.publish", "watch", "comment"]
    assert _types(client, version_id, last=None) == ["comment", "watch", "version.publish"]


@pytest.mark.usefixtures("srv")
def test_a_write_that_waits_for_its_events_has_the_hooks_activities_first(
    client: httpx.Client,
) -> None:
    version_id = _create_version(client, waitForEvents=True)
    _comment(client, version_id)
    assert _types(client, version_id) == ["comment", "version.publish", "watch"]


def test_a_read_right_after_the_write_sees_the_hooks_work(
    srv: StandInServer, client: httpx.Client
) -> None:
    version_id = _create_version(client)
    assert _types(client, version_id) == ["version.publish", "watch"]
    created = [e for e in srv.events.all() if e["topic"] == "activity.created"]
    assert created[-1]["description"] == "Created watch activity"
    assert created[-1]["summary"]["references"][0]["entity_id"] == version_id


def test_a_rolled_back_write_leaves_no_hook_work(srv: StandInServer, client: httpx.Client) -> None:
    version_id = uuid.uuid4().hex
    operations = [
        {
            "type": "create",
            "entityType": "version",
            "entityId": version_id,
            "data": {"productId": _product_id(client), "version": 999},
        },
        {"type": "delete", "entityType": "folder", "entityId": uuid.uuid4().hex},
    ]
    answer = client.post(f"/api/projects/{DEMO}/operations", json={"operations": operations})
    assert answer.json()["success"] is False
    client.get("/api/info")
    query = (
        "query($p:String!,$ids:[String!]){project(name:$p){versions(ids:$ids){edges{node{id}}}}}"
    )
    assert (
        gql(client, query, p=DEMO, ids=[version_id])["data"]["project"]["versions"]["edges"] == []
    )
    assert not [
        e
        for e in srv.events.all()
        if e["topic"] == "activity.created"
        and e["summary"]["references"][0]["entity_id"] == version_id
    ]
