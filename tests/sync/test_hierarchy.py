"""A project's hierarchy against the stand-in: load, navigate, edit, commit.

What is checked is what reaches the server (the commit requests it
received, their operations in order, their bodies) and what the server
holds afterwards (read with a raw GraphQL request, not through the tree).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ayon_gql import (
    AyonClient,
    CommitError,
    HierarchyConflictError,
    InvalidInputError,
    NotFoundError,
    ServerError,
    WriteValidationError,
)
from ayon_gql.sync import Folder, Hierarchy
from ayon_gql.testing import StandInServer

PROJECT = "demo_Commercial"
OPERATIONS = f"/api/projects/{PROJECT}/operations"


@pytest.fixture
def client(ayon_server: StandInServer) -> Iterator[AyonClient]:
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as created:
        yield created


def raw(server: StandInServer, query: str) -> Any:
    answer = httpx.post(
        f"{server.url}/graphql",
        json={"query": query, "variables": {"p": PROJECT}},
        headers={"X-Api-Key": server.api_key},
        timeout=30,
    ).json()
    assert "errors" not in answer, answer
    return answer["data"]["project"]


def server_folders(server: StandInServer) -> dict[str, dict[str, Any]]:
    data = raw(
        server,
        "query($p: String!) { project(name: $p) { folders(first: 10000) { edges { node { "
        "id name path parentId folderType status tags active label "
        "attrib { frameStart fps } } } } } }",
    )
    return {e["node"]["id"]: e["node"] for e in data["folders"]["edges"]}


def server_tasks(server: StandInServer) -> dict[str, dict[str, Any]]:
    data = raw(
        server,
        "query($p: String!) { project(name: $p) { tasks(first: 10000) { edges { node { "
        "id name folderId taskType assignees status } } } } }",
    )
    return {e["node"]["id"]: e["node"] for e in data["tasks"]["edges"]}


def commits(server: StandInServer) -> list[list[dict[str, Any]]]:
    """The operations of every commit the server received, in order."""
    return [r.json["operations"] for r in server.requests if r.path == OPERATIONS]


@pytest.fixture(autouse=True)
def scratch(client: AyonClient) -> None:
    """``/tst/sq010/sh010..sh030``, each with two tasks: folders without versions."""
    tree = client.load_hierarchy(PROJECT)
    top = tree.create_folder("tst", folder_type="Folder")
    sequence = tree.create_folder("sq010", folder_type="Sequence", parent=top)
    for number in (10, 20, 30):
        folder = tree.create_folder(f"sh{number:03d}", folder_type="Shot", parent=sequence)
        tree.create_task(folder, "comp", task_type="Compositing")
        tree.create_task(folder, "anim", task_type="Animation")
    tree.commit()


def shot(tree: Hierarchy) -> Folder:
    found = tree.by_path("/tst/sq010/sh010")
    assert isinstance(found, Folder)
    return found


def test_load_equals_what_graphql_returns_in_one_request(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    before = len(ayon_server.requests)
    tree = client.load_hierarchy(PROJECT)
    assert len(ayon_server.requests) - before == 1
    assert any(f.has_versions for f in tree.folders())
    folders, tasks = server_folders(ayon_server), server_tasks(ayon_server)
    assert {f.id: f.path for f in tree.folders()} == {i: n["path"] for i, n in folders.items()}
    assert {t.id: (t.folder.id, t.name, t.task_type, t.assignees) for t in tree.tasks()} == {
        i: (n["folderId"], n["name"], n["taskType"], n["assignees"]) for i, n in tasks.items()
    }
    for folder in tree.folders():
        assert folder.attrib.frame_start == folders[folder.id]["attrib"]["frameStart"]
        assert folder.status == folders[folder.id]["status"]
        assert tree.by_path(folder.path) is folder
        assert tree.folder(folder.id) is folder
    task = next(tree.tasks())
    assert tree.by_path(task.path) is task
    assert task.folder.task(task.name.upper()) is task  # names compare case-insensitively
    with pytest.raises(NotFoundError):
        tree.folder("0" * 32)


def test_small_pages_are_followed_and_subtrees_load_alone(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    whole = client.load_hierarchy(PROJECT)
    paged = client.load_hierarchy(PROJECT, page_size=7)
    assert [f.path for f in paged.folders()] == [f.path for f in whole.folders()]
    assert sorted(t.id for t in paged.tasks()) == sorted(t.id for t in whole.tasks())
    sequence = shot(whole).parent
    assert sequence is not None
    sub = client.load_hierarchy(PROJECT, root=sequence.path)
    assert [r.path for r in sub.roots] == [sequence.path]
    assert {f.path for f in sub.folders()} == {f.path for f in sequence.walk()}
    by_id = client.load_hierarchy(PROJECT, root=sequence.id)
    assert len(by_id) == len(sub)
    with pytest.raises(InvalidInputError, match="no folder /nowhere"):
        client.load_hierarchy(PROJECT, root="/nowhere")


def test_mixed_edits_commit_once_with_only_the_changed_fields(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    tree = client.load_hierarchy(PROJECT)
    target = shot(tree)
    sequence = target.parent
    assert sequence is not None
    target.attrib.frame_start = 1009
    target.status = next(s for s in tree.statuses if s != target.status)
    new_seq = tree.create_folder("sq900", folder_type="Sequence", parent=sequence.parent)
    moved = next(f for f in sequence.children if f is not target and not f.has_versions)
    moved.move_to(new_seq)
    new_shot = tree.create_folder("sh0010", folder_type="Shot", parent=new_seq, label="Shot 10")
    task = tree.create_task(new_shot, "comp", task_type="Compositing", assignees=["artist"])
    doomed = target.tasks[0]
    doomed.delete()

    before, committed = len(ayon_server.requests), len(commits(ayon_server))
    result = tree.commit()
    sent = commits(ayon_server)[-1]
    assert len(commits(ayon_server)) == committed + 1
    assert [(op["type"], op["entityId"]) for op in sent] == [
        ("delete", doomed.id),
        ("update", target.id),
        ("create", new_seq.id),
        ("update", moved.id),  # waits for its new parent
        ("create", new_shot.id),
        ("create", task.id),
    ]
    assert sent[1]["data"]["attrib"] == {"frameStart": 1009}
    assert set(sent[1]["data"]) == {"attrib", "status"}
    assert sent[3]["data"] == {"parentId": new_seq.id}
    assert result.success and len(result) == 6
    # conflict check, commit, read-back
    assert len(ayon_server.requests) - before == 3

    folders = server_folders(ayon_server)
    assert folders[moved.id]["path"] == f"{new_seq.path}/{moved.name}" == moved.path
    assert folders[new_shot.id]["label"] == "Shot 10"
    assert folders[target.id]["attrib"]["frameStart"] == 1009
    assert doomed.id not in server_tasks(ayon_server)
    assert new_shot.status == folders[new_shot.id]["status"]  # the server's default, read back
    assert not tree.has_changes
    count = len(ayon_server.requests)
    assert tree.commit().operations == []
    assert len(ayon_server.requests) == count  # a second commit sends nothing
    again = client.load_hierarchy(PROJECT)
    assert {f.path for f in again.folders()} == {f.path for f in tree.folders()}


def test_deletes_go_children_first_and_renames_free_names_first(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    tree = client.load_hierarchy(PROJECT)
    target = shot(tree)
    sequence = target.parent
    assert sequence is not None
    with pytest.raises(InvalidInputError, match="recursive=True"):
        target.delete()
    old_name = target.name
    target.name = f"{old_name}_old"
    replacement = tree.create_folder(old_name.upper(), folder_type="Shot", parent=sequence)
    other = next(
        f for f in sequence.children if f not in (target, replacement) and not f.product_count
    )
    below = [t.id for t in other.tasks]
    assert below
    other.delete(recursive=True)
    tree.commit()
    sent = commits(ayon_server)[-1]
    deletes = [op["entityId"] for op in sent if op["type"] == "delete"]
    assert deletes == [*below, other.id]  # children before their parent
    positions = {op["entityId"]: n for n, op in enumerate(sent)}
    assert positions[target.id] < positions[replacement.id]  # the name is freed first
    folders = server_folders(ayon_server)
    assert other.id not in folders and folders[replacement.id]["name"] == old_name.upper()


def test_invalid_trees_are_refused_before_sending(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    tree = client.load_hierarchy(PROJECT)
    committed = len(commits(ayon_server))
    target = shot(tree)
    sequence = target.parent
    assert sequence is not None
    sibling = next(f for f in sequence.children if f is not target)
    with pytest.raises(InvalidInputError, match="already has an active folder"):
        target.name = sibling.name.upper()
    with pytest.raises(WriteValidationError, match="name"):
        target.name = "bad name"
    with pytest.raises(InvalidInputError, match="folder type 'Planet'"):
        target.folder_type = "Planet"
    with pytest.raises(InvalidInputError, match="task type"):
        tree.create_task(target, "x", task_type="Juggling")
    with pytest.raises(InvalidInputError, match="status"):
        target.status = "Sleeping"
    with pytest.raises(InvalidInputError, match="descendants"):
        sequence.move_to(target)
    with pytest.raises(WriteValidationError, match="frame_start"):
        target.attrib.frame_start = "first"
    with pytest.raises(WriteValidationError, match="unknown field"):
        tree.create_folder("sh777", folder_type="Shot", parent=sequence, attrib={"shotCode": "x"})
    published = next((f for f in tree.folders() if f.has_versions), None)
    if published is not None:
        with pytest.raises(InvalidInputError, match="published versions"):
            published.name = "renamed"
    # swapped names cannot be one transaction: refused, nothing sent
    first, second = target.name, sibling.name
    target.name = "tmp_swap"
    sibling.name = first
    target.name = second
    with pytest.raises(InvalidInputError, match="one transaction"):
        tree.commit()
    assert len(commits(ayon_server)) == committed
    assert tree.has_changes


def test_a_refused_commit_names_the_entity_and_keeps_the_edits(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    tree = client.load_hierarchy(PROJECT)
    target = shot(tree)
    target.label = "changed"
    tree.create_task(target, "comp2", task_type="Compositing", assignees=["nobody"])
    before = server_folders(ayon_server)
    ayon_server.faults.fail(500, path=OPERATIONS)  # the server fails the whole request
    with pytest.raises(ServerError):
        tree.commit()
    assert server_folders(ayon_server) == before
    assert tree.has_changes and target.changes() == {"label": "changed"}
    # a refusal of one operation: the error names it by path, nothing committed
    rival = httpx.post(
        f"{ayon_server.url}{OPERATIONS}",
        json={
            "operations": [
                {
                    "type": "create",
                    "entityType": "task",
                    "data": {"name": "COMP2", "taskType": "Compositing", "folderId": target.id},
                }
            ]
        },
        headers={"X-Api-Key": ayon_server.api_key},
    )
    assert rival.json()["success"]
    with pytest.raises(CommitError, match=r"create task .*/comp2.*unique-violation"):
        tree.commit(on_conflict="ours")
    assert server_folders(ayon_server)[target.id]["label"] != "changed"
    assert target.changes() == {"label": "changed"}


def test_conflicts_are_detected_by_updated_at(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    tree = client.load_hierarchy(PROJECT)
    target = shot(tree)
    target.label = "ours"
    target.attrib.frame_start = 1100
    other = client.load_hierarchy(PROJECT)
    other.folder(target.id).label = "theirs"
    other.commit()
    count = len(commits(ayon_server))
    with pytest.raises(HierarchyConflictError) as refused:
        tree.commit()
    assert [c.entity_id for c in refused.value.conflicts] == [target.id]
    assert refused.value.conflicts[0].server != refused.value.conflicts[0].loaded
    assert len(commits(ayon_server)) == count and target.changes()
    tree.commit(on_conflict="theirs")
    assert target.label == "theirs" and not target.changes()
    assert server_folders(ayon_server)[target.id]["label"] == "theirs"
    # ours: sent anyway
    target.label = "mine"
    other.folder(target.id).tags = ["rival"]
    other.commit()
    tree.commit(on_conflict="ours")
    node = server_folders(ayon_server)[target.id]
    assert (node["label"], node["tags"]) == ("mine", ["rival"])


def test_the_edits_emit_the_servers_events_with_the_sender(ayon_server: StandInServer) -> None:
    with AyonClient(
        ayon_server.url, api_key=ayon_server.api_key, sender="kitsu-sync", sender_type="kitsu"
    ) as client:
        tree = client.load_hierarchy(PROJECT)
        target = shot(tree)
        target.status = next(s for s in tree.statuses if s != target.status)
        target.name = target.name + "_v2"
        before = len(ayon_server.events.all())
        tree.commit()
    events = ayon_server.events.all()[before:]
    assert [e["topic"] for e in events] == ["entity.folder.renamed", "entity.folder.status_changed"]
    assert {(e["sender"], e["senderType"]) for e in events} == {("kitsu-sync", "kitsu")}


def test_what_moves_out_of_a_deleted_folder_moves_first_and_moves_go_top_down(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    tree = client.load_hierarchy(PROJECT)
    top = tree.by_path("/tst")
    sequence = tree.by_path("/tst/sq010")
    assert isinstance(top, Folder) and isinstance(sequence, Folder)
    keep = sequence.child("sh010")
    inner = sequence.child("sh020")
    assert keep is not None and inner is not None
    keep.move_to(top)  # out of the folder about to go
    sequence_two = tree.create_folder("sq020", folder_type="Sequence", parent=top)
    inner.move_to(sequence_two)
    sequence.delete(recursive=True)  # with sh030 and the tasks left in it
    # the new top goes first, then what is moved under what
    holder = tree.create_folder("holder", folder_type="Folder")
    top.move_to(holder)
    tree.commit()
    sent = commits(ayon_server)[-1]
    order = [(op["type"], op["entityId"]) for op in sent]
    assert order.index(("update", keep.id)) < order.index(("delete", sequence.id))
    assert order.index(("update", inner.id)) < order.index(("delete", sequence.id))
    assert order.index(("create", holder.id)) < order.index(("update", top.id))
    assert order.index(("create", sequence_two.id)) < order.index(("update", inner.id))
    paths = {n["path"] for n in server_folders(ayon_server).values()}
    assert {"/holder/tst/sh010", "/holder/tst/sq020/sh020"} <= paths
    assert not any(p.startswith("/holder/tst/sq010") for p in paths)
    assert {f.path for f in client.load_hierarchy(PROJECT, root="/holder").folders()} == {
        f.path for f in holder.walk()
    }


def test_a_lost_answer_is_settled_like_the_write_sessions(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    client.connection.settings = client.connection.settings.replace(backoff=0.01)
    tree = client.load_hierarchy(PROJECT)
    made = tree.create_folder("lost", folder_type="Folder")
    shot(tree).label = "after a lost answer"
    ayon_server.faults.drop(path=OPERATIONS)  # commit, then cut the answer
    result = tree.commit()
    assert result.settled_by == "lookup"
    assert len(commits(ayon_server)) == 2  # the scratch commit and this one: never resent
    assert made.id in server_folders(ayon_server) and not tree.has_changes
    assert server_folders(ayon_server)[shot(tree).id]["label"] == "after a lost answer"


def test_a_subtree_root_moves_to_the_project_root(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    sub = client.load_hierarchy(PROJECT, root="/tst/sq010")
    (root,) = sub.roots
    assert root.path == "/tst/sq010" and root.parent is None
    root.move_to(None)
    assert root.path == "/sq010"
    sub.commit()
    assert server_folders(ayon_server)[root.id]["path"] == "/sq010"
    assert sub.by_path("/sq010/sh010") is root.child("sh010")


def test_after_a_commit_what_is_below_shows_the_inherited_attributes(
    client: AyonClient,
) -> None:
    tree = client.load_hierarchy(PROJECT)
    top = tree.by_path("/tst")
    task = tree.by_path("/tst/sq010/sh010/comp")
    assert isinstance(top, Folder) and task is not None
    assert task.attrib.fps != 48
    top.attrib.fps = 48
    tree.commit()
    assert task.attrib.fps == 48 and not task.changes()
