"""What a commit sends, and in which order.

Only what changed: a create per new entity, an update per changed entity
carrying only the changed fields, a delete per deleted entity.  The server
applies the operations one by one inside one transaction and checks its
constraints at each step, so the order matters:

* a new parent is created before what goes under it (children, moved folders);
* children are deleted before their parents, and what moves out of a deleted
  folder moves before the folder goes;
* folders move top-down in the new tree, so no step makes a cycle;
* a name is freed (delete, rename, move away, deactivation) before another
  sibling takes it.

Among operations free to go, deletes come first, then updates, then creates,
each in tree order.  Edits that no order can apply in one transaction (two
siblings swapping names) are refused before anything is sent.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Any, Literal

from ayon_gql._errors import InvalidInputError
from ayon_gql.sync._entities import Entity, Folder
from ayon_gql.sync._tree import HierarchyCore

__all__ = ["PlannedOperation", "plan_commit"]

_PHASE = {"delete": 0, "update": 1, "create": 2}


@dataclass
class PlannedOperation:
    """One operation of a commit: what it does to which entity."""

    type: Literal["create", "update", "delete"]
    entity: Entity
    #: The wire body (create: all set fields; update: the changed ones).
    body: dict[str, Any] = field(default_factory=dict)
    force: bool = False

    @property
    def entity_type(self) -> str:
        return self.entity.entity_type

    def describe(self) -> str:
        return f"{self.type} {self.entity.entity_type} {self.entity.path}"


def _server_key(entity: Entity) -> tuple[str, str | None, str] | None:
    """The (kind, parent, lower name) an entity holds on the server (``None``: inactive)."""
    loaded = entity._loaded
    if loaded is None or not loaded.get("active", True):
        return None
    return (entity.entity_type, loaded.get(entity._parent_key), str(loaded["name"]).lower())


def _key_now(entity: Entity) -> tuple[str, str | None, str] | None:
    if not entity.active:
        return None
    return (entity.entity_type, entity._values.get(entity._parent_key), entity.name.lower())


def plan_commit(tree: HierarchyCore) -> list[PlannedOperation]:
    """The operations that bring the server to the tree, in an order it accepts."""
    planned: list[PlannedOperation] = []
    for entity in tree._deleted.values():
        force = isinstance(entity, Folder) and entity.product_count > 0
        planned.append(PlannedOperation("delete", entity, force=force))
    living = [*tree.folders(), *tree.tasks()]
    for entity in living:
        if entity.is_new:
            planned.append(PlannedOperation("create", entity, entity.create_body()))
        else:
            changed = entity.changes()
            if changed:
                planned.append(PlannedOperation("update", entity, changed))
    return _ordered(planned)


def _ordered(planned: list[PlannedOperation]) -> list[PlannedOperation]:
    index = {op.entity.id: n for n, op in enumerate(planned)}
    after: list[set[int]] = [set() for _ in planned]  # after[n]: operations n waits for

    def wait(n: int, entity_id: str | None) -> None:
        other = index.get(entity_id or "")
        if other is not None and other != n:
            after[n].add(other)

    released: dict[tuple[str, str | None, str], int] = {}
    server_children: dict[str, list[int]] = {}
    for n, op in enumerate(planned):
        entity = op.entity
        if op.type == "create":
            continue
        old = _server_key(entity)
        new = None if op.type == "delete" else _key_now(entity)
        if old is not None and old != new:
            released[old] = n
        assert entity._loaded is not None
        parent_then = entity._loaded.get(entity._parent_key)
        if parent_then:
            server_children.setdefault(parent_then, []).append(n)
    for n, op in enumerate(planned):
        entity = op.entity
        if op.type == "delete":
            for child in server_children.get(entity.id, []):
                wait(n, planned[child].entity.id)
            continue
        parent_id = entity._values.get(entity._parent_key)
        moved = op.type == "create" or entity._parent_key in op.body
        if moved:
            wait(n, parent_id)  # a new parent first
            above = entity.parent_node
            while above is not None:  # folders move top-down in the new tree
                other = index.get(above.id)
                if (
                    other is not None
                    and planned[other].type == "update"
                    and (above._parent_key in planned[other].body)
                ):
                    after[n].add(other)
                above = above.parent_node
        key = _key_now(entity)
        old = _server_key(entity) if op.type == "update" else None
        if key is not None and key != old and key in released:
            wait(n, planned[released[key]].entity.id)
    return _sorted(planned, after)


def _sorted(planned: list[PlannedOperation], after: list[set[int]]) -> list[PlannedOperation]:
    waiting_on = [len(deps) for deps in after]
    unblocks: list[list[int]] = [[] for _ in planned]
    for n, deps in enumerate(after):
        for dep in deps:
            unblocks[dep].append(n)
    ready = [(_PHASE[op.type], n) for n, op in enumerate(planned) if not waiting_on[n]]
    heapq.heapify(ready)
    result: list[PlannedOperation] = []
    while ready:
        _, n = heapq.heappop(ready)
        result.append(planned[n])
        for m in unblocks[n]:
            waiting_on[m] -= 1
            if not waiting_on[m]:
                heapq.heappush(ready, (_PHASE[planned[m].type], m))
    if len(result) < len(planned):
        stuck = [planned[n].describe() for n, count in enumerate(waiting_on) if count]
        raise InvalidInputError(
            "these edits cannot be applied in one transaction, each step needs another "
            f"first (e.g. siblings swapping names): {', '.join(stuck[:5])}; "
            "commit part of them first (e.g. rename one to a temporary name)"
        )
    return result
