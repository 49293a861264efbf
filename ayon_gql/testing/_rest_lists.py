"""Entity lists over REST: create, get, update, delete, add items, as recorded
in ``rest/list-*``.

``POST .../lists`` answers 201 with ``{"count", "entityListType",
"entityType", "id", "label"}``; ``POST .../lists/{id}/items`` 201 ``null``
(``position`` inserts there, the later items move down); ``PATCH``/``DELETE``
``.../items/{item_id}`` (204) change or remove one item.  Lists live in the
project's data, so GraphQL ``entityLists`` shows them at once and
``reset()`` drops them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ayon_gql.testing._activities import now
from ayon_gql.testing._rest_http import (
    Request,
    Response,
    bad_enum,
    error,
    missing_field,
    project_not_found,
    validation_error,
)
from ayon_gql.testing._rest_state import ProjectWrites
from ayon_gql.testing._write_tx import server_id

if TYPE_CHECKING:
    from ayon_gql.testing._builder import ProjectData
    from ayon_gql.testing._nodes import Node

__all__ = ["LIST_ROUTES", "ListRoutes", "list_body", "list_item_folder_path"]

_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_ENTITY_TYPES = ["folder", "product", "version", "representation", "task", "workfile"]
#: The access level of the list's owner (``accessLevel`` in the REST body).
_OWNER_ACCESS = 30


def list_item_folder_path(project: ProjectData, entity: Node | None) -> str:
    """The folder path (no leading slash) of a list item's entity."""
    while entity is not None and entity.get("type") != "folder":
        if entity.get("type") == "representation":
            entity = entity.get("_version")
        elif entity.get("type") == "version":
            entity = entity["_product"]["_folder"]
        else:
            entity = project.by_id.get(entity.get("folderId") or entity.get("taskId") or "")
    return str(entity["path"]).lstrip("/") if entity is not None else ""


def list_body(project: ProjectData, entity_list: Node) -> Node:
    """``GET .../lists/{id}``: the list with its items."""
    items = []
    for item in sorted(entity_list["_items"], key=lambda i: i["position"]):
        entity = project.by_id.get(item["entityId"])
        items.append({**item, "folderPath": list_item_folder_path(project, entity)})
    keys = (
        "access", "accessLevel", "active", "attrib", "createdAt", "createdBy", "data",
        "entityListFolderId", "entityListType", "entityType", "id", "label", "owner", "tags",
        "template", "updatedAt", "updatedBy",
    )  # fmt: skip
    body = {key: entity_list[key] for key in keys}
    body["items"] = items
    return body


class ListRoutes(ProjectWrites):
    """Entity lists (mixed into ``RestApi``)."""

    def _list(self, project: ProjectData, list_id: str) -> Node | Response:
        for entity_list in project.entity_lists:
            if entity_list["id"] == list_id:
                return entity_list
        return error(404, f"Entity list {list_id} not found")

    def _item(self, project: ProjectData, entity_list: Node, body: Node, user: str) -> Node:
        stamp = now()
        entity_id = str(body["entityId"])
        entity = project.by_id.get(entity_id)
        if entity is None or entity.get("type") != entity_list["entityType"]:
            raise LookupError(f"{entity_list['entityType'].capitalize()} {entity_id} not found")
        return {
            "attrib": dict(body.get("attrib") or {}),
            "createdAt": stamp,
            "createdBy": user,
            "data": dict(body.get("data") or {}),
            "entityId": entity_id,
            "id": body.get("id") or server_id(),
            "label": body.get("label"),
            "position": 0,
            "tags": list(body.get("tags") or []),
            "updatedAt": stamp,
            "updatedBy": user,
        }

    @staticmethod
    def _insert(entity_list: Node, item: Node, position: Any) -> None:
        items: list[Node] = sorted(entity_list["_items"], key=lambda i: i["position"])
        at = position if isinstance(position, int) and 0 <= position <= len(items) else len(items)
        items.insert(at, item)
        for index, one in enumerate(items):
            one["position"] = index
        entity_list["_items"] = items
        entity_list["data"]["count"] = len(items)
        entity_list["count"] = len(items)

    def list_create(self, req: Request, m: re.Match[str]) -> Response:
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        problems = [missing_field("body", k) for k in ("entityType", "label") if k not in body]
        kind = body.get("entityType")
        if "entityType" in body and kind not in _ENTITY_TYPES:
            problems.append(bad_enum("body", "entityType", str(kind), _ENTITY_TYPES))
        if problems:
            return validation_error(req.method, req.path, problems)
        project = self._written(m.group("project"))
        if isinstance(project, Response):
            return project
        list_id = body.get("id") or server_id()
        if not isinstance(list_id, str) or not _HEX32.match(list_id):
            return error(400, "Invalid entity list id")
        assert req.user is not None
        user = req.user["name"]
        stamp = now()
        entity_list: Node = {
            "access": dict(body.get("access") or {}),
            "accessLevel": _OWNER_ACCESS,
            "active": bool(body.get("active", True)),
            "attrib": dict(body.get("attrib") or {}),
            "createdAt": stamp,
            "createdBy": user,
            "data": {**(body.get("data") or {}), "count": 0},
            "entityListFolderId": body.get("entityListFolderId"),
            "entityListType": body.get("entityListType") or "generic",
            "entityType": kind,
            "id": list_id,
            "label": str(body["label"]),
            "owner": user,
            "tags": list(body.get("tags") or []),
            "template": dict(body.get("template") or {}),
            "updatedAt": stamp,
            "updatedBy": user,
            "projectName": project.name,
            "count": 0,
            "_items": [],
        }
        try:
            for raw in body.get("items") or []:
                item = self._item(project, entity_list, raw, user)
                self._insert(entity_list, item, raw.get("position"))
        except LookupError as exc:
            return error(404, str(exc))
        with self.write_lock:
            if not isinstance(self._list(project, list_id), Response):
                return error(409, f"Entity list {list_id} already exists")
            entity_list["_order"] = len(project.entity_lists) + 1
            project.entity_lists.append(entity_list)
        keys = ("count", "entityListType", "entityType", "id", "label")
        return Response(201, {k: entity_list[k] for k in keys})

    def list_get(self, req: Request, m: re.Match[str]) -> Response:
        project = self.dataset.project(m.group("project"))
        if project is None:
            return project_not_found(m.group("project"))
        entity_list = self._list(project, m.group("list_id"))
        if isinstance(entity_list, Response):
            return entity_list
        return Response(200, list_body(project, entity_list))

    def list_patch(self, req: Request, m: re.Match[str]) -> Response:
        project = self._written(m.group("project"))
        if isinstance(project, Response):
            return project
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        with self.write_lock:
            entity_list = self._list(project, m.group("list_id"))
            if isinstance(entity_list, Response):
                return entity_list
            for key in ("label", "active", "tags", "access", "entityListFolderId", "owner"):
                if key in body:
                    entity_list[key] = body[key]
            for key in ("attrib", "data"):
                if isinstance(body.get(key), dict):
                    entity_list[key].update(body[key])
            assert req.user is not None
            entity_list["updatedAt"] = now()
            entity_list["updatedBy"] = req.user["name"]
        return Response(204)

    def list_delete(self, req: Request, m: re.Match[str]) -> Response:
        project = self._written(m.group("project"))
        if isinstance(project, Response):
            return project
        with self.write_lock:
            entity_list = self._list(project, m.group("list_id"))
            if isinstance(entity_list, Response):
                return entity_list
            project.entity_lists.remove(entity_list)
        return Response(204)

    def list_add_item(self, req: Request, m: re.Match[str]) -> Response:
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        if "entityId" not in body:
            return validation_error(req.method, req.path, [missing_field("body", "entityId")])
        project = self._written(m.group("project"))
        if isinstance(project, Response):
            return project
        assert req.user is not None
        with self.write_lock:
            entity_list = self._list(project, m.group("list_id"))
            if isinstance(entity_list, Response):
                return entity_list
            try:
                item = self._item(project, entity_list, body, req.user["name"])
            except LookupError as exc:
                return error(404, str(exc))
            self._insert(entity_list, item, body.get("position"))
        return Response(201, None)

    def _list_item(self, req: Request, m: re.Match[str]) -> tuple[Node, Node] | Response:
        """The list and one of its items, for a write (or the 404 answer)."""
        project = self._written(m.group("project"))
        if isinstance(project, Response):
            return project
        entity_list = self._list(project, m.group("list_id"))
        if isinstance(entity_list, Response):
            return entity_list
        for item in entity_list["_items"]:
            if item["id"] == m.group("item_id"):
                return entity_list, item
        return error(404, f"Entity list item {m.group('item_id')} not found")

    def list_item_patch(self, req: Request, m: re.Match[str]) -> Response:
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        assert req.user is not None
        with self.write_lock:
            found = self._list_item(req, m)
            if isinstance(found, Response):
                return found
            entity_list, item = found
            for key in ("label", "tags"):
                if key in body:
                    item[key] = body[key]
            for key in ("attrib", "data"):
                if isinstance(body.get(key), dict):
                    item[key].update(body[key])
            item["updatedAt"] = now()
            item["updatedBy"] = req.user["name"]
            if isinstance(body.get("position"), int):
                entity_list["_items"].remove(item)
                self._insert(entity_list, item, body["position"])
        return Response(204)

    def list_item_delete(self, req: Request, m: re.Match[str]) -> Response:
        with self.write_lock:
            found = self._list_item(req, m)
            if isinstance(found, Response):
                return found
            entity_list, item = found
            entity_list["_items"].remove(item)
            for index, one in enumerate(sorted(entity_list["_items"], key=lambda i: i["position"])):
                one["position"] = index
            entity_list["count"] = entity_list["data"]["count"] = len(entity_list["_items"])
        return Response(204)


_LISTS = r"/api/projects/(?P<project>[^/]+)/lists"
LIST_ROUTES = [
    ("POST", _LISTS, ListRoutes.list_create),
    ("GET", rf"{_LISTS}/(?P<list_id>[^/]+)", ListRoutes.list_get),
    ("PATCH", rf"{_LISTS}/(?P<list_id>[^/]+)", ListRoutes.list_patch),
    ("DELETE", rf"{_LISTS}/(?P<list_id>[^/]+)", ListRoutes.list_delete),
    ("POST", rf"{_LISTS}/(?P<list_id>[^/]+)/items", ListRoutes.list_add_item),
    ("PATCH", rf"{_LISTS}/(?P<list_id>[^/]+)/items/(?P<item_id>[^/]+)", ListRoutes.list_item_patch),
    (
        "DELETE",
        rf"{_LISTS}/(?P<list_id>[^/]+)/items/(?P<item_id>[^/]+)",
        ListRoutes.list_item_delete,
    ),
]
