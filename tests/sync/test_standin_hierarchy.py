"""The stand-in's operations on folders and tasks behave like AYON 1.16.0's:
unique names per parent compared case-insensitively among active siblings,
renames and moves that carry what is below, moves into a descendant refused,
published folders kept in place, inherited attributes that follow.
"""

from __future__ import annotations

from typing import Any

import httpx

from ayon_gql.testing import StandInServer

PROJECT = "demo_Commercial"


def ops(server: StandInServer, *operations: dict[str, Any], **headers: str) -> list[dict[str, Any]]:
    answer = httpx.post(
        f"{server.url}/api/projects/{PROJECT}/operations",
        json={"operations": list(operations)},
        headers={"X-Api-Key": server.api_key, **headers},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return list(answer.json()["operations"])


def folder(name: str, entity_id: str, parent: str | None = None, **more: Any) -> dict[str, Any]:
    data = {"name": name, "folderType": "Folder", "parentId": parent, **more}
    return {"type": "create", "entityType": "folder", "entityId": entity_id, "data": data}


def update(entity_id: str, kind: str = "folder", **data: Any) -> dict[str, Any]:
    return {"type": "update", "entityType": kind, "entityId": entity_id, "data": data}


def node(server: StandInServer, kind: str, entity_id: str, fields: str) -> dict[str, Any]:
    query = f'{{ project(name: "{PROJECT}") {{ {kind}(id: "{entity_id}") {{ {fields} }} }} }}'
    answer = httpx.post(
        f"{server.url}/graphql",
        json={"query": query},
        headers={"X-Api-Key": server.api_key},
        timeout=30,
    ).json()
    return dict(answer["data"]["project"][kind])


A, B, C, D, T = ("a" * 32, "b" * 32, "c" * 32, "d" * 32, "e" * 32)


def test_names_are_unique_per_parent_case_insensitively_among_active(
    ayon_server: StandInServer,
) -> None:
    assert ops(ayon_server, folder("top", A), folder("kid", B, A))[1]["success"]
    refused = ops(ayon_server, folder("KID", C, A))[0]
    assert (refused["status"], refused["errorCode"]) == (409, "unique-violation")
    assert refused["detail"] == (
        "Folder with parent_id, lower(name::text) "
        "'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa, kid' already exists."
    )
    root = ops(ayon_server, folder("TOP", C))[0]
    assert root["detail"] == "Folder with lower(name::text) 'top' already exists."
    # an inactive sibling does not hold its name
    assert ops(ayon_server, update(B, active=False), folder("Kid", C, A))[1]["success"]
    again = ops(ayon_server, update(B, active=True))[0]
    assert again["errorCode"] == "unique-violation"
    task = {
        "type": "create",
        "entityType": "task",
        "entityId": T,
        "data": {"name": "comp", "taskType": "Compositing", "folderId": A},
    }
    assert ops(ayon_server, task)[0]["success"]
    twin = dict(task, entityId=D, data={**task["data"], "name": "Comp"})
    assert ops(ayon_server, twin)[0]["detail"].startswith("Task with folder_id, lower(name::text)")


def test_renames_and_moves_carry_what_is_below(ayon_server: StandInServer) -> None:
    ops(
        ayon_server,
        folder("top", A, attrib={"fps": 50}),
        folder("kid", B, A),
        folder("other", C),
        {
            "type": "create",
            "entityType": "task",
            "entityId": T,
            "data": {"name": "comp", "taskType": "Compositing", "folderId": B},
        },
    )
    assert node(ayon_server, "folder", B, "attrib { fps }")["attrib"]["fps"] == 50
    assert ops(ayon_server, update(A, name="renamed"))[0]["success"]
    assert node(ayon_server, "task", T, "path")["path"] == "/renamed/kid/comp"
    assert ops(ayon_server, update(B, parentId=C))[0]["success"]
    moved = node(ayon_server, "folder", B, "path parentId attrib { fps }")
    assert (moved["path"], moved["parentId"], moved["attrib"]["fps"]) == ("/other/kid", C, 25.0)
    assert node(ayon_server, "task", T, "path attrib { fps }") == {
        "path": "/other/kid/comp",
        "attrib": {"fps": 25.0},
    }
    # a parent's attribute reaches what does not set it
    ops(ayon_server, update(C, attrib={"fps": 24}))
    assert node(ayon_server, "task", T, "attrib { fps }")["attrib"]["fps"] == 24
    cycle = ops(ayon_server, update(C, parentId=B))[0]
    assert (cycle["status"], cycle["detail"]) == (
        400,
        "Folder cannot be moved to one of its descendants",
    )
    self_parent = ops(ayon_server, update(C, parentId=C))[0]
    assert self_parent["detail"] == "Folder cannot be its own parent"


def test_folders_with_published_versions_stay_where_they_are(ayon_server: StandInServer) -> None:
    answer = httpx.post(
        f"{ayon_server.url}/graphql",
        json={
            "query": f'{{ project(name: "{PROJECT}") {{ folders(hasProducts: true, first: 1) '
            "{ edges { node { id name } } } } }"
        },
        headers={"X-Api-Key": ayon_server.api_key},
    ).json()
    published = answer["data"]["project"]["folders"]["edges"][0]["node"]
    refused = ops(ayon_server, update(published["id"], name="elsewhere"))[0]
    assert (refused["status"], refused["detail"]) == (
        403,
        "Cannot change name of a folder with published versions",
    )
    forced = dict(update(published["id"], name="elsewhere"), force=True)
    assert ops(ayon_server, forced)[0]["success"]


def test_entity_events_carry_the_requests_sender(ayon_server: StandInServer) -> None:
    before = len(ayon_server.events.all())
    ops(ayon_server, folder("top", A), **{"X-Sender": "sync-1", "X-Sender-Type": "kitsu"})
    ops(ayon_server, update(A, label="Top"), **{"X-Sender": "not a name"})
    made, changed = ayon_server.events.all()[before:]
    assert (made["sender"], made["senderType"]) == ("sync-1", "kitsu")
    assert (changed["sender"], changed["senderType"]) == (None, "api")
