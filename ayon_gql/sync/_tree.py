"""A project's folders and tasks in memory: lookups, edits and the checks that
refuse an invalid tree before anything is sent.

The checks are the server's (AYON 1.16.0): names match its name rule and are
unique among the *active* folders of one parent, and among the active tasks of
one folder, compared case-insensitively (its unique indexes are on
``LOWER(name)``); folder and task types and statuses are the project's; a
folder is never moved under itself; the name, type and parent of a folder with
published versions are not changed (the server refuses it with 403).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ayon_gql._errors import InvalidInputError, NotFoundError
from ayon_gql.sync._entities import Entity, Folder, Task
from ayon_gql.sync._models import EntityModels, WriteModels
from ayon_gql.writes._batch import ID_PATTERN, new_entity_id

__all__ = ["HierarchyCore"]


class HierarchyCore:
    """The I/O-free part of :class:`~ayon_gql.sync.Hierarchy` (its sync and async
    twins add loading and committing)."""

    def __init__(
        self,
        project_name: str,
        models: WriteModels,
        *,
        folder_types: Sequence[str],
        task_types: Sequence[str],
        statuses: Sequence[str],
        root_path: str | None = None,
    ) -> None:
        self.project_name = project_name
        self.models = models
        self.folder_types = list(folder_types)
        self.task_types = list(task_types)
        self.statuses = list(statuses)
        #: The loaded subtree's root path (``None``: the whole project).
        self.root_path = root_path
        self._folders: dict[str, Folder] = {}
        self._tasks: dict[str, Task] = {}
        self._roots: list[Folder] = []
        #: Loaded entities deleted in memory, by id (the next commit deletes them).
        self._deleted: dict[str, Entity] = {}
        #: Path of the folder above a loaded root (subtree loads), by root id.
        self._outer: dict[str, str] = {}

    # ------------------------------------------------------------------ building
    def _models_of(self, entity: Entity) -> EntityModels:
        return self.models.folder if isinstance(entity, Folder) else self.models.task

    def _adopt(self, folders: list[Folder], tasks: list[Task], paths: Mapping[str, str]) -> None:
        """Link loaded entities to their parents (``paths``: each folder's server path)."""
        for folder in folders:
            self._folders[folder.id] = folder
        for folder in folders:
            parent = self._folders.get(folder._values.get("parentId") or "")
            if parent is None:
                self._roots.append(folder)
                path = paths.get(folder.id) or f"/{folder.name}"
                self._outer[folder.id] = path.rsplit("/", 1)[0]
            else:
                folder._parent = parent
                parent._children.append(folder)
        for task in tasks:
            folder_of = self._folders.get(task._values.get("folderId") or "")
            if folder_of is None:  # its folder is outside what was loaded
                continue
            self._tasks[task.id] = task
            task._folder = folder_of
            folder_of._tasks.append(task)

    def _outer_path(self, entity: Entity) -> str:
        return self._outer.get(entity.id, "")

    # ------------------------------------------------------------------ lookups
    @property
    def roots(self) -> list[Folder]:
        """The top folders: the project's root folders, or the loaded subtree's root."""
        return list(self._roots)

    def folders(self) -> Iterator[Folder]:
        """Every folder, parents before children."""
        for root in list(self._roots):
            yield from root.walk()

    def tasks(self) -> Iterator[Task]:
        """Every task, folder by folder."""
        for folder in self.folders():
            yield from folder._tasks

    def __len__(self) -> int:
        """Folders and tasks in the tree (deleted ones left out)."""
        return sum(1 + len(folder._tasks) for folder in self.folders())

    def folder(self, folder_id: str) -> Folder:
        """The folder with this id; :class:`~ayon_gql.NotFoundError` if it is not in the tree."""
        found = self._folders.get(folder_id)
        if found is None or found.id in self._deleted:
            raise NotFoundError(f"no folder {folder_id} in the loaded hierarchy")
        return found

    def task(self, task_id: str) -> Task:
        """The task with this id; :class:`~ayon_gql.NotFoundError` if it is not in the tree."""
        found = self._tasks.get(task_id)
        if found is None or found.id in self._deleted:
            raise NotFoundError(f"no task {task_id} in the loaded hierarchy")
        return found

    def get(self, entity_id: str) -> Folder | Task | None:
        """The folder or task with this id, or ``None``."""
        found = self._folders.get(entity_id) or self._tasks.get(entity_id)
        return None if found is None or found.id in self._deleted else found

    def by_path(self, path: str) -> Folder | Task | None:
        """The folder at ``/shots/sq010/sh010`` (or, one step further, a task), or ``None``.

        Each step matches a name exactly, else case-insensitively as the
        server's uniqueness does.
        """
        parts = [part for part in path.strip("/").split("/") if part]
        if not parts:
            return None
        level: Folder | Task | None = None
        candidates: list[Folder] = []
        for root in self._roots:
            outer = self._outer.get(root.id, "").strip("/")
            prefix = outer.split("/") if outer else []
            if parts[: len(prefix)] == prefix:
                candidates.append(root)
                depth = len(prefix)
        if not candidates:
            return None
        from ayon_gql.sync._entities import _named

        level = _named(candidates, parts[depth])
        for index, part in enumerate(parts[depth + 1 :]):
            if not isinstance(level, Folder):
                return None
            found: Folder | Task | None = level.child(part)
            if found is None and index == len(parts) - depth - 2:
                found = level.task(part)
            level = found
        return level

    # ------------------------------------------------------------------ checks
    def _is_deleted(self, entity: Entity) -> bool:
        return entity.id in self._deleted or (
            entity.id not in self._folders and entity.id not in self._tasks
        )

    def _ensure_editable(self, entity: Entity) -> None:
        if self._is_deleted(entity):
            raise InvalidInputError(
                f"{entity.entity_type} {entity.id} is deleted: it cannot be edited"
            )

    def _check_sibling(
        self,
        entity: Entity | None,
        parent: Folder | None,
        name: str,
        *,
        activating: bool = False,
        kind: str | None = None,
    ) -> None:
        """Refuse a second active sibling called ``name`` (case-insensitively)."""
        kind = kind or (entity.entity_type if entity is not None else "folder")
        if entity is not None and not entity.active and not activating:
            return
        if kind == "task":
            siblings: list[Entity] = list(parent._tasks) if parent is not None else []
        else:
            siblings = list(parent._children if parent is not None else self._roots)
        lowered = name.lower()
        for other in siblings:
            if other is not entity and other.active and other.name.lower() == lowered:
                where = parent.path if parent is not None else "the project root"
                raise InvalidInputError(
                    f"{where} already has an active {kind} named {other.name!r} "
                    f"(names are unique among siblings, case-insensitively)"
                )

    def _check_rename(self, entity: Entity, name: str) -> None:
        if isinstance(entity, Folder):
            self._check_published(entity, "rename")
        self._check_sibling(entity, entity.parent_node, name)

    def _check_status(self, entity: Entity, status: str) -> None:
        if status not in self.statuses:
            raise InvalidInputError(
                f"{entity.path}: status {status!r} is not one of the project's statuses "
                f"({', '.join(self.statuses)})"
            )

    def _check_type(self, entity: Entity | None, value: str, kind: str | None = None) -> None:
        kind = kind or (entity.entity_type if entity is not None else "folder")
        known = self.folder_types if kind == "folder" else self.task_types
        if value not in known:
            raise InvalidInputError(
                f"{kind} type {value!r} is not one of the project's {kind} types "
                f"({', '.join(known)})"
            )

    def _check_published(self, folder: Folder, doing: str) -> None:
        if folder.has_versions and not folder.is_new:
            raise InvalidInputError(
                f"cannot {doing} {folder.path}: it has published versions (the server refuses it)"
            )

    def _check_parent(self, parent: Folder | None) -> None:
        if parent is not None and (not isinstance(parent, Folder) or self._is_deleted(parent)):
            raise InvalidInputError(f"{parent!r} is not a folder of this hierarchy")

    # ------------------------------------------------------------------ edits
    def create_folder(
        self,
        name: str,
        *,
        folder_type: str,
        parent: Folder | None = None,
        label: str | None = None,
        status: str | None = None,
        tags: Sequence[str] = (),
        active: bool = True,
        attrib: Mapping[str, Any] | None = None,
        data: Mapping[str, Any] | None = None,
        id: str | None = None,
    ) -> Folder:
        """A new folder under ``parent`` (``None``: at the root), created by the next commit.

        Every value is checked now: the name by the server's rule and against
        the active siblings, the type and status against the project's,
        ``attrib`` (wire or Python names) by the package's ``FolderAttrib``.
        """
        self._check_parent(parent)
        values = {
            "name": name,
            "label": label,
            "folderType": folder_type,
            "parentId": parent.id if parent is not None else None,
            "status": status,
            "tags": list(tags),
            "active": active,
            "data": dict(data or {}),
        }
        folder = self._new(Folder, self.models.folder, values, attrib, id, parent, kind="folder")
        assert isinstance(folder, Folder)
        folder._parent = parent
        (parent._children if parent is not None else self._roots).append(folder)
        if parent is None and self.root_path is not None:
            self._outer[folder.id] = ""
        self._folders[folder.id] = folder
        return folder

    def create_task(
        self,
        folder: Folder,
        name: str,
        *,
        task_type: str,
        label: str | None = None,
        status: str | None = None,
        tags: Sequence[str] = (),
        assignees: Sequence[str] = (),
        active: bool = True,
        attrib: Mapping[str, Any] | None = None,
        data: Mapping[str, Any] | None = None,
        id: str | None = None,
    ) -> Task:
        """A new task of ``folder`` (checked like :meth:`create_folder`)."""
        if folder is None:
            raise InvalidInputError("a task needs a folder")
        self._check_parent(folder)
        values = {
            "name": name,
            "label": label,
            "taskType": task_type,
            "folderId": folder.id,
            "status": status,
            "tags": list(tags),
            "assignees": list(assignees),
            "active": active,
            "data": dict(data or {}),
        }
        task = self._new(Task, self.models.task, values, attrib, id, folder, kind="task")
        assert isinstance(task, Task)
        task._folder = folder
        folder._tasks.append(task)
        self._tasks[task.id] = task
        return task

    def _new(
        self,
        cls: type[Entity],
        models: EntityModels,
        values: dict[str, Any],
        attrib: Mapping[str, Any] | None,
        entity_id: str | None,
        parent: Folder | None,
        *,
        kind: str,
    ) -> Entity:
        entity_id = entity_id or new_entity_id()
        if not ID_PATTERN.match(entity_id) or self.get(entity_id) is not None:
            raise InvalidInputError(f"id {entity_id!r} is malformed or already in the hierarchy")
        body = {k: v for k, v in values.items() if v is not None and k != "data"}
        checked = models.create.model_validate({**body, "data": values["data"]}).wire()
        self._check_type(None, values["folderType" if kind == "folder" else "taskType"], kind)
        if values["status"] is not None and values["status"] not in self.statuses:
            raise InvalidInputError(
                f"status {values['status']!r} is not one of the project's statuses"
            )
        self._check_sibling(
            None, parent, checked["name"], activating=bool(values["active"]), kind=kind
        )
        kept = {**values, **{k: checked[k] for k in values if k in checked}}
        return cls(self, entity_id, kept, models.new_attrib(dict(attrib or {})), is_new=True)

    def _move(self, entity: Entity, parent: Folder | None) -> None:
        self._ensure_editable(entity)
        self._check_parent(parent)
        if isinstance(entity, Task):
            if parent is None:
                raise InvalidInputError("a task needs a folder")
            if parent is entity._folder:
                return
            self._check_sibling(entity, parent, entity.name)
            assert entity._folder is not None
            entity._folder._tasks.remove(entity)
            parent._tasks.append(entity)
            entity._folder = parent
            entity._values["folderId"] = parent.id
            return
        assert isinstance(entity, Folder)
        if (parent.id if parent is not None else None) == entity._values.get("parentId"):
            return
        above = parent
        while above is not None:
            if above is entity:
                raise InvalidInputError(
                    f"cannot move {entity.path} under {parent.path if parent else '/'}: "
                    "that is the folder itself or one of its descendants"
                )
            above = above._parent
        self._check_published(entity, "move")
        self._check_sibling(entity, parent, entity.name)
        (entity._parent._children if entity._parent is not None else self._roots).remove(entity)
        (parent._children if parent is not None else self._roots).append(entity)
        if entity._parent is None:
            self._outer.pop(entity.id, None)
        if parent is None:
            self._outer[entity.id] = ""  # at the project's root
        entity._parent = parent
        entity._values["parentId"] = parent.id if parent is not None else None

    def delete(self, entity: Entity, *, recursive: bool = False) -> None:
        """Delete ``entity`` in memory; the next commit deletes it on the server.

        A folder with child folders, tasks or published products is only
        deleted with ``recursive=True``, and then with all of them (children
        are deleted before their parents).  A new entity is simply dropped.
        """
        self._ensure_editable(entity)
        below = isinstance(entity, Folder) and (
            entity._children or entity._tasks or entity.product_count
        )
        if below and not recursive:
            raise InvalidInputError(
                f"{entity.path} has child folders, tasks or products: "
                "delete them first or pass recursive=True"
            )
        if isinstance(entity, Folder):
            for task in list(entity._tasks):
                self._drop(task)
            for child in list(entity._children):
                self.delete(child, recursive=True)
            siblings = entity._parent._children if entity._parent is not None else self._roots
        else:
            assert isinstance(entity, Task) and entity._folder is not None
            siblings = entity._folder._tasks  # type: ignore[assignment]
        siblings.remove(entity)  # type: ignore[arg-type]
        self._drop(entity, unlinked=True)

    def _drop(self, entity: Entity, *, unlinked: bool = False) -> None:
        if not unlinked and isinstance(entity, Task) and entity._folder is not None:
            entity._folder._tasks.remove(entity)
        if entity.is_new:
            (self._folders if isinstance(entity, Folder) else self._tasks).pop(entity.id, None)
        else:
            self._deleted[entity.id] = entity

    def _forget(self, entity: Entity) -> None:
        """Take an entity (and what is below it) out of the tree: it is gone on the server."""
        if isinstance(entity, Folder):
            for task in list(entity._tasks):
                self._forget(task)
            for child in list(entity._children):
                self._forget(child)
            siblings: list[Any] = entity._parent._children if entity._parent else self._roots
            self._folders.pop(entity.id, None)
        else:
            assert isinstance(entity, Task)
            siblings = entity._folder._tasks if entity._folder is not None else []
            self._tasks.pop(entity.id, None)
        if entity in siblings:
            siblings.remove(entity)
        self._deleted.pop(entity.id, None)

    def _relink(self, entity: Entity) -> None:
        """Put an entity under the parent its values name (after taking the server's)."""
        wanted = entity._values.get(entity._parent_key)
        current = entity.parent_node
        if (current.id if current is not None else None) == wanted:
            return
        parent = self._folders.get(wanted or "")
        if wanted and parent is None:  # moved out of what was loaded
            self._forget(entity)
            return
        if isinstance(entity, Task):
            assert entity._folder is not None and parent is not None
            entity._folder._tasks.remove(entity)
            parent._tasks.append(entity)
            entity._folder = parent
            return
        assert isinstance(entity, Folder)
        (entity._parent._children if entity._parent is not None else self._roots).remove(entity)
        (parent._children if parent is not None else self._roots).append(entity)
        entity._parent = parent

    @property
    def has_changes(self) -> bool:
        """True when the next commit would send anything."""
        return bool(self._deleted) or any(
            e.is_new or e.changes() for e in (*self.folders(), *self.tasks())
        )
