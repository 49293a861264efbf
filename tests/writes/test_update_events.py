"""The ``entity.*`` events one update emits, in the real server's order and words
(rename, status, tags, attributes, then each other changed column), all
sharing one summary whose ``value`` the last change wins."""

from __future__ import annotations

from ayon_gql_generated.write_models import TaskUpdate

from ayon_gql import AyonClient
from ayon_gql.testing import StandInServer
from tests.writes.conftest import PROJECT


def _events_of(server: StandInServer, entity_id: str) -> list[dict[str, object]]:
    return [e for e in server.events.all() if e["summary"].get("entityId") == entity_id]


def test_one_update_emits_one_event_per_change_in_order(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    task = next(t for t in client.iter_tasks(PROJECT) if t.tags == [] and t.active)
    path = f"{client.get_folder(PROJECT, task.folder_id).project.folder.path}/{task.name}"
    ayon_server.events.reset()
    with client.operations(PROJECT) as ops:
        change = TaskUpdate(name="renamed", tags=["urgent", "client"], assignees=["admin"])
        change.active = False
        ops.update(task.id, change)
    events = _events_of(ayon_server, task.id)
    folder_path = path.rsplit("/", 1)[0]
    assert [(e["topic"], e["description"]) for e in events] == [
        ("entity.task.renamed", f"Renamed task {folder_path}/{task.name} to renamed"),
        ("entity.task.tags_changed", f"Added task {path} tags urgent, client"),
        ("entity.task.active_changed", f"Task {path} deactivated"),
        ("entity.task.assignees_changed", f"Changed task {path} assignees to ['admin']"),
        ("entity.task.tags_changed", f"Changed task {path} tags to ['urgent', 'client']"),
    ]
    assert {str(e["summary"]["value"]) for e in events} == {"['urgent', 'client']"}


def test_unchanged_values_emit_nothing_and_removed_tags_are_named(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    task = next(t for t in client.iter_tasks(PROJECT) if t.active)
    with client.operations(PROJECT) as ops:
        ops.update(task.id, TaskUpdate(tags=["a", "b"]))
    ayon_server.events.reset()
    with client.operations(PROJECT) as ops:
        ops.update(task.id, TaskUpdate(tags=["a"], active=True, name=task.name))
    described = [e["description"] for e in _events_of(ayon_server, task.id)]
    assert len(described) == 2
    assert described[0].startswith("Removed task ") and described[0].endswith(" tag  b")
    assert described[1].endswith(" tags to ['a']")
