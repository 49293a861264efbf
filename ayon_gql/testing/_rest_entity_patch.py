"""``PATCH /api/projects/{project}/versions/{id}`` (and folders, tasks, products,
representations): change an entity's status, tags or attributes, and emit the
``entity.<type>.status_changed`` / ``tags_changed`` / ``attrib_changed``
events the real server emits for such a change.

A small route beside the operations endpoint, for services that set a status
with one call.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ayon_gql._errors import InvalidInputError
from ayon_gql.testing._dataset import Dataset
from ayon_gql.testing._event_store import EventStore
from ayon_gql.testing._rest_http import Request, Response, error

#: The server's entity path segments, by entity type.
ENTITY_SEGMENTS = {
    "folders": "folder",
    "tasks": "task",
    "products": "product",
    "versions": "version",
    "representations": "representation",
}
_PARENT = {
    "folder": "parentId",
    "task": "folderId",
    "product": "folderId",
    "version": "productId",
    "representation": "versionId",
}

#: Sets fields / attributes of one entity (``StandInServer.set_entity_data``).
EntitySetter = Callable[[str, str, Mapping[str, Any] | None, Mapping[str, Any]], None]


class EntityPatchRoutes:
    """The entity ``PATCH`` routes; the server provides :attr:`set_entity`."""

    dataset: Dataset
    events: EventStore
    set_entity: EntitySetter | None = None

    def entity_patch(self, req: Request, m: re.Match[str]) -> Response:
        entity_type = ENTITY_SEGMENTS[m.group("segment")]
        project_name, entity_id = m.group("project"), m.group("entity_id")
        project = self.dataset.project(project_name)
        node = project.by_id.get(entity_id) if project is not None else None
        if project is None or node is None:
            return error(404, f"{entity_type.capitalize()} {entity_id} not found")
        body = req.json if isinstance(req.json, dict) else {}
        fields = {k: body[k] for k in ("status", "tags", "active") if k in body}
        attrib = body.get("attrib") if isinstance(body.get("attrib"), dict) else None
        before = {k: node.get(k) for k in fields}
        assert self.set_entity is not None
        try:
            self.set_entity(project_name, entity_id, attrib, fields)
        except InvalidInputError as exc:
            return error(400, exc.message)
        assert req.user is not None
        summary = {"entityId": entity_id, "parentId": node.get(_PARENT[entity_type])}
        for key, topic in (("status", "status_changed"), ("tags", "tags_changed")):
            if key in fields and fields[key] != before[key]:
                self.events.emit(
                    f"entity.{entity_type}.{topic}",
                    project=project_name,
                    user=req.user["name"],
                    summary={**summary, "value": fields[key]},
                    description=f"Changed {entity_type} {node.get('name')} {key} to {fields[key]}",
                )
        if attrib:
            self.events.emit(
                f"entity.{entity_type}.attrib_changed",
                project=project_name,
                user=req.user["name"],
                summary={**summary, "value": attrib},
                description=f"Changed {entity_type} {node.get('name')} attributes",
            )
        return Response(204)
