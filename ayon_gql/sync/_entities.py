"""Folders and tasks of a loaded hierarchy: their values, what changed, where they are.

Every setter checks the new value at once, the way the write models and the
server would (the field through the update model, a status, type or sibling
name against the project), so an invalid tree is refused while it is edited.
What a commit sends is the difference between the values now and the values
last read from the server, field by field (``attrib`` and ``data`` key by key).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from ayon_gql._write_models import WriteModel
    from ayon_gql.sync._models import EntityModels
    from ayon_gql.sync._tree import HierarchyCore

__all__ = ["Entity", "Folder", "Task"]


class Entity:
    """What folders and tasks share: name, label, status, tags, active, attrib, data."""

    entity_type: ClassVar[str]
    #: The field naming the parent on the wire (``parentId`` / ``folderId``).
    _parent_key: ClassVar[str]
    _type_key: ClassVar[str]

    def __init__(
        self,
        tree: HierarchyCore,
        entity_id: str,
        values: dict[str, Any],
        attrib: WriteModel,
        *,
        is_new: bool,
        updated_at: str | None = None,
    ) -> None:
        self._tree = tree
        self.id = entity_id
        #: Current values, by wire name (``attrib`` apart).
        self._values = values
        self._attrib = attrib
        self.is_new = is_new
        #: The server's ``updatedAt`` when last read (conflict detection).
        self.updated_at = updated_at
        #: What the server held when last read (``None`` for a new entity).
        self._loaded: dict[str, Any] | None = None if is_new else self._snapshot()

    # ------------------------------------------------------------------ plumbing
    @property
    def _models(self) -> EntityModels:
        return self._tree._models_of(self)

    def _snapshot(self) -> dict[str, Any]:
        state = copy.deepcopy(self._values)
        state["attrib"] = self._attrib.model_dump(mode="json", by_alias=True, exclude_unset=True)
        return state

    def _check(self, key: str, value: Any) -> Any:
        """``value`` for the wire field ``key``, as the update model validates it."""
        model = self._models.update.model_validate({key: value})
        return model.wire()[key]

    def _set(self, key: str, value: Any) -> None:
        self._tree._ensure_editable(self)
        self._values[key] = self._check(key, value)

    def __repr__(self) -> str:
        state = " new" if self.is_new else ""
        return f"<{type(self).__name__}{state} {self.path!r} {self.id}>"

    # ------------------------------------------------------------------ values
    @property
    def name(self) -> str:
        """The entity's name (unique among its siblings, case-insensitively)."""
        return str(self._values["name"])

    @name.setter
    def name(self, value: str) -> None:
        checked = self._check("name", value)
        self._tree._check_rename(self, checked)
        self._set("name", checked)

    @property
    def label(self) -> str | None:
        """The label shown instead of the name (``None``: the name)."""
        return self._values.get("label")

    @label.setter
    def label(self, value: str | None) -> None:
        self._set("label", value)

    @property
    def status(self) -> str:
        """The status, one of the project's statuses."""
        return str(self._values.get("status") or "")

    @status.setter
    def status(self, value: str) -> None:
        self._tree._check_status(self, value)
        self._set("status", value)

    @property
    def tags(self) -> list[str]:
        """The tags (a copy: assign a new list to change them)."""
        return list(self._values.get("tags") or [])

    @tags.setter
    def tags(self, value: Sequence[str]) -> None:
        self._set("tags", list(value))

    @property
    def active(self) -> bool:
        """False for an entity hidden from the artists' views."""
        return bool(self._values.get("active", True))

    @active.setter
    def active(self, value: bool) -> None:
        if value and not self.active:
            self._tree._check_sibling(self, self.parent_node, self.name, activating=True)
        self._set("active", value)

    @property
    def attrib(self) -> Any:
        """The attributes, typed by the package's write model (``FolderAttrib`` /
        ``TaskAttrib``); assigning a field validates it at once (an unknown
        attribute or a wrong type is a :class:`~ayon_gql.WriteValidationError`)."""
        return self._attrib

    @property
    def data(self) -> dict[str, Any]:
        """Free-form data; changed keys are sent (the server merges them key by key)."""
        data = self._values.setdefault("data", {})
        assert isinstance(data, dict)
        return data

    @property
    def parent_node(self) -> Folder | None:
        """The folder this entity is under (``None``: a root folder, or the
        loaded subtree's root when its parent was not loaded)."""
        raise NotImplementedError

    @property
    def path(self) -> str:
        """``/shots/sq010/sh010`` (tasks: the folder's path and the task's name)."""
        parent = self.parent_node
        base = parent.path if parent is not None else self._tree._outer_path(self)
        return f"{base}/{self.name}"

    @property
    def is_deleted(self) -> bool:
        """True once deleted in memory (the delete is sent by the next commit)."""
        return self._tree._is_deleted(self)

    def delete(self, *, recursive: bool = False) -> None:
        """Delete this entity (see :meth:`HierarchyCore.delete`)."""
        self._tree.delete(self, recursive=recursive)

    # ------------------------------------------------------------------ changes
    def changes(self) -> dict[str, Any]:
        """The wire fields that differ from the server's, as an update sends them
        (``attrib`` and ``data``: only the changed keys)."""
        if self._loaded is None:
            return self.create_body()
        now = self._snapshot()
        changed: dict[str, Any] = {}
        for key, value in now.items():
            before = self._loaded.get(key)
            if key in ("attrib", "data"):
                keys = {k: v for k, v in (value or {}).items() if (before or {}).get(k) != v}
                gone = {k: None for k in before or {} if k not in (value or {})}
                if keys or gone:
                    changed[key] = {**gone, **keys}
            elif value != before:
                changed[key] = value
        return changed

    def create_body(self) -> dict[str, Any]:
        """The wire body of this entity's create."""
        body = {k: v for k, v in self._values.items() if v not in (None, [], {})}
        if self._values.get("active") is False:
            body["active"] = False
        attrib = self._attrib.model_dump(mode="json", by_alias=True, exclude_unset=True)
        if attrib:
            body["attrib"] = attrib
        return body

    def _settle(self, updated_at: str | None) -> None:
        """What is now on the server is what is in memory."""
        self.is_new = False
        self.updated_at = updated_at
        self._loaded = self._snapshot()


class Folder(Entity):
    """A folder of a loaded hierarchy."""

    entity_type = "folder"
    _parent_key = "parentId"
    _type_key = "folderType"

    def __init__(self, *args: Any, has_versions: bool = False, product_count: int = 0, **kw: Any):
        super().__init__(*args, **kw)
        self.has_versions = has_versions
        self.product_count = product_count
        self._parent: Folder | None = None
        self._children: list[Folder] = []
        self._tasks: list[Task] = []

    @property
    def folder_type(self) -> str:
        """The folder type, one of the project's folder types."""
        return str(self._values.get("folderType") or "")

    @folder_type.setter
    def folder_type(self, value: str) -> None:
        self._tree._check_type(self, value)
        self._tree._check_published(self, "change the folder type of")
        self._set("folderType", value)

    @property
    def parent(self) -> Folder | None:
        """The parent folder (``None`` at the root)."""
        return self._parent

    @property
    def parent_node(self) -> Folder | None:
        return self._parent

    @property
    def children(self) -> list[Folder]:
        """The child folders (deleted ones left out)."""
        return list(self._children)

    @property
    def tasks(self) -> list[Task]:
        """The tasks of this folder (deleted ones left out)."""
        return list(self._tasks)

    def child(self, name: str) -> Folder | None:
        """The child folder called ``name`` (case-insensitively when no exact match)."""
        return _named(self._children, name)

    def task(self, name: str) -> Task | None:
        """The task called ``name`` (case-insensitively when no exact match)."""
        return _named(self._tasks, name)

    def walk(self) -> Iterator[Folder]:
        """This folder and every folder under it, parents first."""
        yield self
        for child in self._children:
            yield from child.walk()

    def move_to(self, parent: Folder | None) -> None:
        """Move under ``parent`` (``None``: to the root), keeping what is below."""
        self._tree._move(self, parent)


class Task(Entity):
    """A task of a loaded hierarchy."""

    entity_type = "task"
    _parent_key = "folderId"
    _type_key = "taskType"

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._folder: Folder | None = None

    @property
    def folder(self) -> Folder:
        """The folder this task belongs to."""
        assert self._folder is not None
        return self._folder

    @property
    def parent_node(self) -> Folder | None:
        return self._folder

    @property
    def task_type(self) -> str:
        """The task type, one of the project's task types."""
        return str(self._values.get("taskType") or "")

    @task_type.setter
    def task_type(self, value: str) -> None:
        self._tree._check_type(self, value)
        self._set("taskType", value)

    @property
    def assignees(self) -> list[str]:
        """User names assigned (a copy: assign a new list to change them)."""
        return list(self._values.get("assignees") or [])

    @assignees.setter
    def assignees(self, value: Sequence[str]) -> None:
        self._set("assignees", list(value))

    def move_to(self, folder: Folder) -> None:
        """Move this task to another folder."""
        self._tree._move(self, folder)


_E = TypeVar("_E", bound=Entity)


def _named(entities: Sequence[_E], name: str) -> _E | None:
    for entity in entities:
        if entity.name == name:
            return entity
    folded = name.casefold()
    for entity in entities:
        if entity.name.casefold() == folded:
            return entity
    return None
