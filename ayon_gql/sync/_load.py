"""The GraphQL a hierarchy sends: the load (folders, tasks and the project's
types and statuses in one request), the conflict check and the read-back
after a commit; and turning the answers into folders and tasks.

A whole project or a subtree loads in one request while it fits one page of
each list (``first`` has no upper limit on the server; the page is the
client's :data:`~ayon_gql.DEFAULT_PAGE_SIZE`); longer lists are followed page
by page, only the list that has more.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from ayon_gql._errors import AyonError, NotFoundError
from ayon_gql.sync._entities import Entity, Folder, Task
from ayon_gql.sync._models import EntityModels, WriteModels

__all__ = [
    "check_query",
    "entities_from",
    "load_query",
    "page_query",
    "read_query",
    "root_query",
]

_COMMON = "id name label status tags active updatedAt data"
_FOLDER = f"{_COMMON} folderType parentId path hasVersions productCount"
_TASK = f"{_COMMON} taskType folderId assignees"


def _fields(base: str, models: EntityModels) -> str:
    return f"{base} attrib {{ {' '.join(models.attrib_names)} }}" if models.attrib_names else base


def _lists(models: WriteModels, scope: str) -> str:
    folder_args, task_args = {
        "project": ("first: $first", "first: $first"),
        "subtree": (
            "ids: [$root], includeFolderChildren: true, first: $first",
            "folderIds: [$root], includeFolderChildren: true, first: $first",
        ),
    }[scope]
    page = "pageInfo { hasNextPage endCursor }"
    folders, tasks = _fields(_FOLDER, models.folder), _fields(_TASK, models.task)
    return (
        f"folders({folder_args}) {{ {page} edges {{ node {{ {folders} }} }} }} "
        f"tasks({task_args}) {{ {page} edges {{ node {{ {tasks} }} }} }}"
    )


def load_query(models: WriteModels, subtree: bool) -> str:
    """The first request of a load: the project's types and statuses and the first pages."""
    params = "$project: String!, $first: Int!" + (", $root: String!" if subtree else "")
    return (
        f"query HierarchyLoad({params}) {{ project(name: $project) {{ "
        "folderTypes { name } taskTypes { name } statuses { name } "
        f"{_lists(models, 'subtree' if subtree else 'project')} }} }}"
    )


def page_query(models: WriteModels, kind: str, subtree: bool) -> str:
    """A further page of the folders or the tasks of a load."""
    fields = _fields(_FOLDER, models.folder) if kind == "folders" else _fields(_TASK, models.task)
    scope = ""
    if subtree:
        scope = (
            "ids: [$root], includeFolderChildren: true, "
            if kind == "folders"
            else "folderIds: [$root], includeFolderChildren: true, "
        )
    params = "$project: String!, $first: Int!, $after: String!" + (
        ", $root: String!" if subtree else ""
    )
    return (
        f"query HierarchyPage({params}) {{ project(name: $project) {{ {kind}({scope}"
        "first: $first, after: $after) { pageInfo { hasNextPage endCursor } "
        f"edges {{ node {{ {fields} }} }} }} }} }}"
    )


def root_query() -> str:
    """Find a subtree's root folder by path."""
    return (
        "query HierarchyRoot($project: String!, $path: String!) { project(name: $project) "
        "{ folders(paths: [$path], first: 1) { edges { node { id path } } } } }"
    )


def check_query() -> str:
    """``updatedAt`` of the folders and tasks a commit changes (conflict detection)."""
    return (
        "query HierarchyCheck($project: String!, $folders: [String!]!, $tasks: [String!]!, "
        "$nf: Int!, $nt: Int!) { project(name: $project) { "
        "folders(ids: $folders, first: $nf) { edges { node { id updatedAt } } } "
        "tasks(ids: $tasks, first: $nt) { edges { node { id updatedAt } } } } }"
    )


def read_query(models: WriteModels) -> str:
    """Full values of some folders and tasks (the read-back after a commit)."""
    folders, tasks = _fields(_FOLDER, models.folder), _fields(_TASK, models.task)
    return (
        "query HierarchyRead($project: String!, $folders: [String!]!, $tasks: [String!]!, "
        "$nf: Int!, $nt: Int!) { project(name: $project) { "
        f"folders(ids: $folders, first: $nf) {{ edges {{ node {{ {folders} }} }} }} "
        f"tasks(ids: $tasks, first: $nt) {{ edges {{ node {{ {tasks} }} }} }} }} }}"
    )


def project_of(data: Any, project_name: str) -> Mapping[str, Any]:
    """The ``project`` of an answer; :class:`~ayon_gql.NotFoundError` when it is missing."""
    project = data.get("project") if isinstance(data, Mapping) else None
    if not isinstance(project, Mapping):
        raise NotFoundError(f"project {project_name!r} not found", project_name=project_name)
    return project


def nodes(connection: Any) -> list[Mapping[str, Any]]:
    """The nodes of a connection in an answer."""
    edges = connection.get("edges") if isinstance(connection, Mapping) else None
    return [e["node"] for e in edges or [] if isinstance(e, Mapping) and e.get("node")]


def next_cursor(connection: Any) -> str | None:
    """The cursor to follow when a list has more, else ``None``."""
    info = connection.get("pageInfo") if isinstance(connection, Mapping) else None
    if isinstance(info, Mapping) and info.get("hasNextPage") and info.get("endCursor"):
        return str(info["endCursor"])
    return None


def _data(raw: Any) -> dict[str, Any]:
    if isinstance(raw, str):
        try:
            raw = json.loads(raw) if raw else {}
        except ValueError:
            raise AyonError(f"the server's data is not JSON: {raw[:40]!r}") from None
    return dict(raw) if isinstance(raw, Mapping) else {}


def values_of(node: Mapping[str, Any], kind: str) -> dict[str, Any]:
    """The wire values a folder or task is edited through."""
    values = {
        "name": node["name"],
        "label": node.get("label"),
        "status": node.get("status"),
        "tags": list(node.get("tags") or []),
        "active": bool(node.get("active", True)),
        "data": _data(node.get("data")),
    }
    if kind == "folder":
        values.update(folderType=node.get("folderType"), parentId=node.get("parentId"))
    else:
        values.update(
            taskType=node.get("taskType"),
            folderId=node.get("folderId"),
            assignees=list(node.get("assignees") or []),
        )
    return values


def entities_from(
    tree: Any, folders: Iterable[Mapping[str, Any]], tasks: Iterable[Mapping[str, Any]]
) -> tuple[list[Folder], list[Task], dict[str, str]]:
    """Folders and tasks built from answer nodes, and each folder's server path."""
    models: WriteModels = tree.models
    folders, tasks = list(folders), list(tasks)
    made_folders = [
        Folder(
            tree,
            node["id"],
            values_of(node, "folder"),
            models.folder.loaded_attrib(dict(node.get("attrib") or {})),
            is_new=False,
            updated_at=node.get("updatedAt"),
            has_versions=bool(node.get("hasVersions")),
            product_count=int(node.get("productCount") or 0),
        )
        for node in folders
    ]
    made_tasks = [
        Task(
            tree,
            node["id"],
            values_of(node, "task"),
            models.task.loaded_attrib(dict(node.get("attrib") or {})),
            is_new=False,
            updated_at=node.get("updatedAt"),
        )
        for node in tasks
    ]
    paths = {node["id"]: str(node.get("path") or "") for node in folders}
    return made_folders, made_tasks, paths


def refresh(entity: Entity, node: Mapping[str, Any]) -> None:
    """Take the server's values for ``entity`` (what it holds now, nothing pending)."""
    kind = entity.entity_type
    entity._values = values_of(node, kind)
    models = entity._models
    entity._attrib = models.loaded_attrib(dict(node.get("attrib") or {}))
    if isinstance(entity, Folder):
        entity.has_versions = bool(node.get("hasVersions"))
        entity.product_count = int(node.get("productCount") or 0)
    entity._settle(node.get("updatedAt"))
