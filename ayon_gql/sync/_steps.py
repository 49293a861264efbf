"""Loading and committing a hierarchy as steps, written once for the sync and
async twins: each step is a request (``("graphql", query, variables)`` or
``("commit", operations)``) the twin sends and whose answer it hands back.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ayon_gql._errors import CommitError, HierarchyConflictError, InvalidInputError
from ayon_gql._pagination import DEFAULT_PAGE_SIZE
from ayon_gql.sync import _load
from ayon_gql.sync._entities import Entity, Folder, Task
from ayon_gql.sync._models import WriteModels
from ayon_gql.sync._plan import PlannedOperation, plan_commit
from ayon_gql.sync._tree import HierarchyCore
from ayon_gql.writes._batch import ID_PATTERN
from ayon_gql.writes._results import CommitResult
from ayon_gql.writes._session import SessionCore

__all__ = ["Conflict", "OnConflict", "Steps", "add_to_session", "commit_steps", "load_steps"]

Step = tuple[Any, ...]
Steps = Generator[Step, Any, Any]
OnConflict = Literal["refuse", "theirs", "ours"]


@dataclass(frozen=True)
class Conflict:
    """An entity changed on the server since it was loaded."""

    entity_type: str
    entity_id: str
    path: str
    #: ``updatedAt`` when loaded.
    loaded: str | None
    #: ``updatedAt`` on the server now; ``None``: deleted there.
    server: str | None


def load_steps(
    make: Callable[..., HierarchyCore],
    project_name: str,
    models: WriteModels,
    root: str | None,
    page_size: int | None,
) -> Steps:
    """Load a project's hierarchy (or the subtree under ``root``, a path or an id)."""
    first = page_size or DEFAULT_PAGE_SIZE
    variables: dict[str, Any] = {"project": project_name, "first": first}
    root_path: str | None = None
    if root is not None:
        if ID_PATTERN.match(root):
            variables["root"] = root
        else:
            path = "/" + root.strip("/")
            data = yield ("graphql", _load.root_query(), {"project": project_name, "path": path})
            found = _load.nodes(_load.project_of(data, project_name).get("folders"))
            if not found:
                raise InvalidInputError(f"no folder {path} in project {project_name!r}")
            variables["root"] = found[0]["id"]
    subtree = root is not None
    data = yield ("graphql", _load.load_query(models, subtree), variables)
    project = _load.project_of(data, project_name)
    lists = {kind: _load.nodes(project.get(kind)) for kind in ("folders", "tasks")}
    for kind in lists:
        cursor = _load.next_cursor(project.get(kind))
        while cursor is not None:
            page = yield (
                "graphql",
                _load.page_query(models, kind, subtree),
                {**variables, "after": cursor},
            )
            connection = _load.project_of(page, project_name).get(kind)
            lists[kind] += _load.nodes(connection)
            cursor = _load.next_cursor(connection)
    if subtree:
        root_node = next((n for n in lists["folders"] if n["id"] == variables["root"]), None)
        if root_node is None:
            raise InvalidInputError(f"no folder {root} in project {project_name!r}")
        root_path = str(root_node.get("path") or "")
        # only the subtree's root has its parent outside what was loaded
        lists["folders"] = [root_node] + [n for n in lists["folders"] if n is not root_node]
    tree = make(
        project_name,
        models,
        folder_types=[t["name"] for t in project.get("folderTypes") or []],
        task_types=[t["name"] for t in project.get("taskTypes") or []],
        statuses=[s["name"] for s in project.get("statuses") or []],
        root_path=root_path,
    )
    folders, tasks, paths = _load.entities_from(tree, lists["folders"], lists["tasks"])
    tree._adopt(folders, tasks, paths)
    return tree


def _ids(entities: Sequence[Entity]) -> dict[str, Any]:
    folders = [e.id for e in entities if isinstance(e, Folder)]
    tasks = [e.id for e in entities if isinstance(e, Task)]
    return {
        "folders": folders,
        "tasks": tasks,
        "nf": max(1, len(folders)),
        "nt": max(1, len(tasks)),
    }


def _answered(data: Any, project_name: str) -> dict[str, Any]:
    project = _load.project_of(data, project_name)
    return {n["id"]: n for kind in ("folders", "tasks") for n in _load.nodes(project.get(kind))}


def _conflict_message(conflicts: list[Conflict]) -> str:
    shown = ", ".join(
        f"{c.path} ({c.entity_type}{', deleted' if c.server is None else ''})"
        for c in conflicts[:5]
    )
    more = f" and {len(conflicts) - 5} more" if len(conflicts) > 5 else ""
    return (
        f"{len(conflicts)} entities were changed on the server since they were loaded: "
        f"{shown}{more}; nothing was sent (commit with on_conflict='theirs' to take the "
        "server's values for them, or 'ours' to send your edits anyway)"
    )


def _take_theirs(tree: HierarchyCore, conflicts: list[Conflict], nodes: dict[str, Any]) -> None:
    """Drop the pending edits of conflicting entities: the server's values win."""
    for conflict in conflicts:
        entity = tree._folders.get(conflict.entity_id) or tree._tasks.get(conflict.entity_id)
        assert entity is not None
        tree._deleted.pop(entity.id, None)
        node = nodes.get(entity.id)
        if node is None:  # deleted on the server: gone here too, with what is below
            tree._forget(entity)
            continue
        _load.refresh(entity, node)
        tree._relink(entity)


def commit_steps(tree: HierarchyCore, on_conflict: OnConflict) -> Steps:
    """Commit the tree's edits: plan, check for conflicts, send, read back."""
    if on_conflict not in ("refuse", "theirs", "ours"):
        raise InvalidInputError(
            f"on_conflict must be 'refuse', 'theirs' or 'ours', not {on_conflict!r}"
        )
    planned = plan_commit(tree)
    if not planned:
        return CommitResult(project_name=tree.project_name, success=True, operations=[])
    existing = [op.entity for op in planned if op.type != "create"]
    if existing and on_conflict != "ours":
        data = yield (
            "graphql",
            _load.check_query(),
            {"project": tree.project_name, **_ids(existing)},
        )
        now = {i: n.get("updatedAt") for i, n in _answered(data, tree.project_name).items()}
        conflicts = [
            Conflict(e.entity_type, e.id, e.path, e.updated_at, now.get(e.id))
            for e in existing
            if now.get(e.id) != e.updated_at
        ]
        if conflicts and on_conflict == "refuse":
            raise HierarchyConflictError(
                _conflict_message(conflicts), conflicts=conflicts, project_name=tree.project_name
            )
        if conflicts:
            changed = [
                tree._folders.get(c.entity_id) or tree._tasks[c.entity_id] for c in conflicts
            ]
            data = yield (
                "graphql",
                _load.read_query(tree.models),
                {"project": tree.project_name, **_ids(changed)},
            )
            _take_theirs(tree, conflicts, _answered(data, tree.project_name))
            planned = plan_commit(tree)
            if not planned:
                return CommitResult(project_name=tree.project_name, success=True, operations=[])
    result: CommitResult = yield ("commit", planned)
    yield from _read_back(tree, planned)
    return result


def _read_back(tree: HierarchyCore, planned: list[PlannedOperation]) -> Steps:
    """Settle the tree on what was committed, then read the server's values back
    (``updatedAt``, defaults, attributes inherited by what is below a change)."""
    touched: dict[str, Entity] = {}
    for op in planned:
        if op.type == "delete":
            tree._deleted.pop(op.entity.id, None)
            tree._forget(op.entity)
            continue
        op.entity._settle(op.entity.updated_at)
        entity = op.entity
        inherited = "attrib" in op.body or "parentId" in op.body
        if isinstance(entity, Folder) and op.type == "update" and inherited:
            for folder in entity.walk():  # what is below inherits its attributes
                touched[folder.id] = folder
                touched.update((task.id, task) for task in folder._tasks)
        else:
            touched[entity.id] = entity
    if not touched:
        return
    entities = list(touched.values())
    data = yield (
        "graphql",
        _load.read_query(tree.models),
        {"project": tree.project_name, **_ids(entities)},
    )
    nodes = _answered(data, tree.project_name)
    for entity in entities:
        node = nodes.get(entity.id)
        if node is not None:
            _load.refresh(entity, node)


def add_to_session(
    session: SessionCore[Any], planned: list[PlannedOperation], models: WriteModels
) -> None:
    """Put the planned operations into a write session, validated by the write models."""
    for op in planned:
        entity_models = models.folder if isinstance(op.entity, Folder) else models.task
        if op.type == "create":
            session.create(entity_models.create.model_validate(op.body), id=op.entity.id)
        elif op.type == "update":
            session.update(op.entity.id, entity_models.update.model_validate(op.body))
        else:
            session.delete(op.entity.entity_type, op.entity.id, force=op.force)  # type: ignore[arg-type]


def named_failure(error: CommitError, planned: list[PlannedOperation]) -> CommitError:
    """The commit's error, naming the failing operation by the entity's path."""
    position = getattr(error.failed, "position", None)
    what = (
        planned[position].describe()
        if isinstance(position, int) and position < len(planned)
        else None
    )
    if what is None:
        return error
    named = CommitError(
        f"{what}: {error.message}; the edits are still pending",
        result=error.result,
        failed=error.failed,
        project_name=error.project_name or "",
    )
    return named
