"""``GET /api/projects/{project}/{type}s/{id}``: one entity in its REST shape.

Ids in REST paths must be 32 lowercase hex digits (uppercase ones, which the
operations endpoint accepts, are refused here with 400, as recorded in
``write-ops-invalid-ids-rest-uppercase``).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from ayon_gql.testing._rest_http import Request, Response, bad_regex, error, validation_error

if TYPE_CHECKING:
    from ayon_gql.testing._dataset import Dataset

__all__ = ["ENTITY_ROUTES", "EntityRoutes"]

_REST_ID = re.compile(r"^[0-9a-f]{32}$")
_FIELDS = (
    "id",
    "name",
    "label",
    "folderType",
    "taskType",
    "productType",
    "version",
    "parentId",
    "folderId",
    "productId",
    "versionId",
    "taskId",
    "thumbnailId",
    "author",
    "assignees",
    "path",
    "status",
    "tags",
    "active",
    "files",
    "createdAt",
    "updatedAt",
)


def _rest_file(item: Any) -> Any:
    """A representation file as REST answers it: the server serializes ``files`` through
    its ``RepresentationFileModel``, so a size stored as text comes out an integer
    (GraphQL, whose ``files`` is JSON, gives it as stored)."""
    if isinstance(item, dict) and isinstance(item.get("size"), str) and item["size"].isdigit():
        return {**item, "size": int(item["size"])}
    return item


class EntityRoutes:
    """Single-entity reads (mixed into ``RestApi``)."""

    dataset: Dataset

    def entity_get(self, req: Request, m: re.Match[str]) -> Response:
        kind, entity_id = m.group("kind"), m.group("id")
        if not _REST_ID.match(entity_id):
            return validation_error(
                req.method, req.path, [bad_regex("path", f"{kind}_id", _REST_ID.pattern)]
            )
        project = self.dataset.project(m.group("project"))
        node = project.by_id.get(entity_id) if project else None
        if project is None or node is None or node.get("type") != kind:
            return error(404, f"{kind.capitalize()} {entity_id} not found")
        body: dict[str, Any] = {key: node[key] for key in _FIELDS if key in node}
        if isinstance(body.get("files"), list):
            body["files"] = [_rest_file(item) for item in body["files"]]
        body["attrib"] = {k: v for k, v in node["attrib"].items() if v is not None}
        data = node.get("_data")
        body["data"] = data if data is not None else json.loads(node.get("data") or "{}")
        return Response(200, body)


ENTITY_ROUTES = [
    (
        "GET",
        r"/api/projects/(?P<project>[^/]+)/(?P<kind>folder|task|product|version|representation|workfile)s/(?P<id>[^/]+)",
        EntityRoutes.entity_get,
    ),
]
