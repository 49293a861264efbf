"""Entity links over REST: link types (list, save, delete), create and delete a
link, as recorded in ``rest/link-*``.

``POST .../links`` answers 200 ``{"id"}``; a link type the project does not
have is 400 ``Unsupported link type.``.  Links show at once in GraphQL
``links`` (of the project and of both entities).
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from ayon_gql.testing._activities import now
from ayon_gql.testing._anatomy import link_type_node
from ayon_gql.testing._rest_http import (
    Request,
    Response,
    error,
    missing_field,
    project_not_found,
    validation_error,
)
from ayon_gql.testing._rest_state import ProjectWrites
from ayon_gql.testing._write_tx import server_id

if TYPE_CHECKING:
    from ayon_gql.testing._nodes import Node

__all__ = ["LINK_ROUTES", "LinkRoutes"]

_HEX32 = re.compile(r"^[0-9a-f]{32}$")


class LinkRoutes(ProjectWrites):
    """Link types and links (mixed into ``RestApi``)."""

    def link_types(self, req: Request, m: re.Match[str]) -> Response:
        rest = self.dataset.project_rest(m.group("project"))
        if rest is None:
            return project_not_found(m.group("project"))
        return Response(200, {"types": copy.deepcopy(rest["linkTypes"])})

    def _edit_types(self, name: str) -> tuple[Node, Node] | Response:
        meta = self.dataset.edit_project(name)
        if meta is None:
            return project_not_found(name)
        self._touch(name)
        return meta

    def link_type_save(self, req: Request, m: re.Match[str]) -> Response:
        parts = m.group("link_type").split("|")
        if len(parts) != 3 or not all(parts):
            return error(400, "Link type name must be in the form 'type|input|output'")
        meta = self._edit_types(m.group("project"))
        if isinstance(meta, Response):
            return meta
        node, rest = meta
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        data = dict(body.get("data") or {})
        data.setdefault("style", "solid")
        link_type, input_type, output_type = parts
        entry = {
            "data": data,
            "inputType": input_type,
            "linkType": link_type,
            "name": m.group("link_type"),
            "outputType": output_type,
        }
        types: list[Node] = rest["linkTypes"]
        for index, existing in enumerate(types):
            if existing["name"] == entry["name"]:
                types[index] = entry
                break
        else:
            types.append(entry)
        node["linkTypes"] = [link_type_node(t) for t in types]
        return Response(204)

    def link_type_delete(self, req: Request, m: re.Match[str]) -> Response:
        meta = self._edit_types(m.group("project"))
        if isinstance(meta, Response):
            return meta
        node, rest = meta
        kept = [t for t in rest["linkTypes"] if t["name"] != m.group("link_type")]
        if len(kept) == len(rest["linkTypes"]):
            return error(404, f"Link type {m.group('link_type')} not found")
        rest["linkTypes"] = kept
        node["linkTypes"] = [link_type_node(t) for t in kept]
        return Response(204)

    def link_create(self, req: Request, m: re.Match[str]) -> Response:
        name = m.group("project")
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        missing = [
            missing_field("body", k) for k in ("input", "output", "linkType") if k not in body
        ]
        if missing:
            return validation_error(req.method, req.path, missing)
        project = self._written(name)
        if isinstance(project, Response):
            return project
        rest = self.dataset.project_rest(name)
        assert rest is not None
        link_type = next((t for t in rest["linkTypes"] if t["name"] == body["linkType"]), None)
        if link_type is None:
            return error(400, "Unsupported link type.")
        ends = []
        for key, kind in (("input", link_type["inputType"]), ("output", link_type["outputType"])):
            node = project.by_id.get(str(body[key]))
            if node is None or node.get("type") != kind:
                return error(404, f"{kind.capitalize()} {body[key]} not found")
            ends.append(node)
        link_id = body.get("id") or server_id()
        if not isinstance(link_id, str) or not _HEX32.match(link_id):
            return error(400, "Invalid link id")
        assert req.user is not None
        with self.write_lock:
            if any(link["id"] == link_id for link in project.links):
                return error(409, f"Link {link_id} already exists")
            order = max((link["_order"] for link in project.links), default=0) + 1
            link: Node = {
                "id": link_id,
                "projectName": name,
                "linkType": link_type["name"],
                "inputType": link_type["inputType"],
                "outputType": link_type["outputType"],
                "inputId": ends[0]["id"],
                "outputId": ends[1]["id"],
                "name": body.get("name"),
                "author": req.user["name"],
                "createdAt": now(),
                "data": {"author": req.user["name"], **(body.get("data") or {})},
                "_order": order,
            }
            project.links.append(link)
            project.links_by_entity.setdefault(ends[0]["id"], []).append((link, "out"))
            project.links_by_entity.setdefault(ends[1]["id"], []).append((link, "in"))
        return Response(200, {"id": link_id})

    def link_delete(self, req: Request, m: re.Match[str]) -> Response:
        project = self._written(m.group("project"))
        if isinstance(project, Response):
            return project
        with self.write_lock:
            link = next((x for x in project.links if x["id"] == m.group("link_id")), None)
            if link is None:
                return error(404, f"Link {m.group('link_id')} not found")
            project.links.remove(link)
            for entity_id in (link["inputId"], link["outputId"]):
                entries = project.links_by_entity.get(entity_id, [])
                entries[:] = [e for e in entries if e[0] is not link]
        return Response(204)


_PROJECT = r"/api/projects/(?P<project>[^/]+)"
LINK_ROUTES = [
    ("GET", rf"{_PROJECT}/links/types", LinkRoutes.link_types),
    ("PUT", rf"{_PROJECT}/links/types/(?P<link_type>[^/]+)", LinkRoutes.link_type_save),
    ("DELETE", rf"{_PROJECT}/links/types/(?P<link_type>[^/]+)", LinkRoutes.link_type_delete),
    ("POST", rf"{_PROJECT}/links", LinkRoutes.link_create),
    ("DELETE", rf"{_PROJECT}/links/(?P<link_id>[^/]+)", LinkRoutes.link_delete),
]
