"""Entity data that tests set on a running stand-in, undone by ``reset()``.

``StandInServer.set_entity_data(project, entity_id, attrib={...}, status=...)``
changes a node in place, so GraphQL answers (and filters) show the new values
at once.  Every change is recorded and :meth:`EntityEdits.undo` restores the
old values in reverse order.  Names and values are checked against the served
schema: an attribute the entity's ``attrib`` type does not declare, a field
its type lacks, or a value its GraphQL type refuses is an ``InvalidInputError``
and changes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
)

from ayon_gql._errors import InvalidInputError
from ayon_gql.testing._builder import ProjectData
from ayon_gql.testing._dataset import Dataset
from ayon_gql.testing._nodes import Node, iso

_MISSING = object()
# Fields that identify a node or are derived from others: not settable.
_FIXED = frozenset({"id", "projectName", "attrib", "allAttrib", "parents"})


def _checked(value: Any, type_: Any, where: str) -> Any:
    """``value`` as stored for a field of ``type_`` (datetimes as ISO text); an error if wrong."""
    if isinstance(type_, GraphQLNonNull):
        if value is None:
            raise InvalidInputError(f"{where} cannot be null")
        type_ = type_.of_type
    if value is None:
        return None
    if isinstance(type_, GraphQLList):
        if not isinstance(value, (list, tuple)):
            raise InvalidInputError(f"{where} takes a list, not {value!r}")
        return [_checked(item, type_.of_type, where) for item in value]
    if isinstance(value, datetime):
        value = iso(value)
    if isinstance(type_, (GraphQLScalarType, GraphQLEnumType)):
        try:
            type_.serialize(value)
        except (GraphQLError, TypeError, ValueError) as exc:
            raise InvalidInputError(
                f"{where}: {value!r} is not a valid {type_.name} ({exc})"
            ) from None
        return value
    raise InvalidInputError(f"{where} is not a value field (its type is {type_})")


class EntityEdits:
    """Changes to entity nodes, kept so that they can be undone."""

    def __init__(self, dataset: Dataset, schema: GraphQLSchema) -> None:
        self._dataset = dataset
        self._schema = schema
        self._lock = threading.Lock()
        self._log: list[tuple[Node, str, Any]] = []

    def _entity(self, project_name: str, entity_id: str) -> tuple[ProjectData, Node]:
        project = self._dataset.project(project_name)
        if project is None:
            raise InvalidInputError(f"the stand-in has no project {project_name!r}")
        node = project.by_id.get(entity_id)
        if node is None:
            raise InvalidInputError(f"project {project_name!r} has no entity with id {entity_id!r}")
        return project, node

    def _type(self, node: Node) -> GraphQLObjectType:
        found = self._schema.type_map.get(node["__typename"])
        if not isinstance(found, GraphQLObjectType):
            raise InvalidInputError(f"the served schema has no type {node['__typename']}")
        return found

    def _set(self, node: Node, key: str, value: Any) -> None:
        self._log.append((node, key, node.get(key, _MISSING)))
        node[key] = value

    def set(
        self,
        project_name: str,
        entity_id: str,
        attrib: Mapping[str, Any] | None,
        fields: Mapping[str, Any],
    ) -> None:
        """Set ``fields`` and ``attrib`` values of one entity (see the module docstring)."""
        project, node = self._entity(project_name, entity_id)
        node_type = self._type(node)
        where = f"{node_type.name} {entity_id}"
        values: dict[str, Any] = {}
        for name, value in fields.items():
            field = node_type.fields.get(name)
            if field is None or name in _FIXED:
                settable = sorted(set(node_type.fields) - _FIXED)
                raise InvalidInputError(
                    f"{where}: cannot set {name!r} (fields: {', '.join(settable)})"
                )
            values[name] = _checked(value, field.type, f"{where} {name}")
        attrib_values: dict[str, Any] = {}
        if attrib:
            attrib_field = node_type.fields.get("attrib")
            kind = attrib_field.type if attrib_field is not None else None
            kind = kind.of_type if isinstance(kind, GraphQLNonNull) else kind
            if not isinstance(kind, GraphQLObjectType):
                raise InvalidInputError(f"{where} has no attributes")
            for name, value in attrib.items():
                attr_field = kind.fields.get(name)
                if attr_field is None:
                    raise InvalidInputError(
                        f"{where}: the served schema declares no attribute {name!r} on "
                        f"{kind.name} (it has: {', '.join(sorted(kind.fields))})"
                    )
                attrib_values[name] = _checked(value, attr_field.type, f"{where} attrib.{name}")
        with self._lock:
            for name, value in values.items():
                self._set(node, name, value)
            if attrib_values:
                self._set(node, "attrib", {**node["attrib"], **attrib_values})
                if "ownAttrib" in node:
                    self._set(node, "ownAttrib", sorted({*node["ownAttrib"], *attrib_values}))
                if node["__typename"] == "FolderNode":
                    self._inherit(project, node, attrib_values)

    def _inherit(self, project: ProjectData, folder: Node, values: dict[str, Any]) -> None:
        """Pass new folder values down to the subfolders and tasks that do not own them."""
        task_type = self._schema.type_map.get("TaskAttribType")
        task_names = set(task_type.fields) if isinstance(task_type, GraphQLObjectType) else set()
        for task in project.tasks_by_folder.get(folder["id"], []):
            passed = {k: v for k, v in values.items() if k in task_names}
            if passed:
                self._set(task, "attrib", {**task["attrib"], **passed})
        for child in project.children.get(folder["id"], []):
            passed = {k: v for k, v in values.items() if k not in child.get("ownAttrib", ())}
            if passed:
                self._set(child, "attrib", {**child["attrib"], **passed})
                self._inherit(project, child, passed)

    def undo(self) -> None:
        """Restore every changed value, newest change first."""
        with self._lock:
            while self._log:
                node, key, old = self._log.pop()
                if old is _MISSING:
                    node.pop(key, None)
                else:
                    node[key] = old
