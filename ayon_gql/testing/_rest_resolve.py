"""``POST /api/resolve`` (AYON entity URIs) and ``POST /api/actions/list``, as
recorded in ``rest/uri-resolve`` and ``rest/actions-list-project``.

An ``ayon+entity://project/folder/path?product=..&version=v001`` URI resolves
to one entity per match, each with the ids down to its ``target``; a path
that matches nothing resolves to none.  The stand-in's addons provide no
actions, so the list is empty.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from ayon_gql.testing._rest_http import (
    Request,
    Response,
    missing_field,
    project_not_found,
    validation_error,
)

if TYPE_CHECKING:
    from ayon_gql.testing._builder import ProjectData
    from ayon_gql.testing._dataset import Dataset
    from ayon_gql.testing._nodes import Node

__all__ = ["RESOLVE_ROUTES", "ResolveRoutes"]

_SCHEMES = ("ayon", "ayon+entity")
_VERSION = re.compile(r"^v?(\d+)$")


def _named(nodes: list[Node], name: str) -> Node | None:
    return next((n for n in nodes if n["name"] == name), None)


def _version(project: ProjectData, product: Node, wanted: str) -> Node | None:
    versions = project.versions_by_product.get(product["id"], [])
    if wanted == "latest":
        return next((v for v in versions if v.get("isLatest")), None)
    if wanted == "hero":
        return next((v for v in versions if v["version"] < 0), None)
    match = _VERSION.match(wanted)
    if match is None:
        return None
    return next((v for v in versions if v["version"] == int(match.group(1))), None)


def resolve_uri(dataset: Dataset, uri: str) -> Node:
    """One URI's answer: ``{"uri", "entities"}`` (plus ``error`` for a bad URI)."""
    parts = urlsplit(uri)
    if parts.scheme not in _SCHEMES or not parts.netloc:
        return {"uri": uri, "entities": [], "error": f"Invalid URI: {uri}"}
    project = dataset.project(parts.netloc)
    folder = project.folder_by_path.get("/" + parts.path.strip("/")) if project else None
    if project is None or folder is None:
        return {"uri": uri, "entities": []}
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    found: Node = {"projectName": project.name, "folderId": folder["id"], "target": "folder"}
    if "task" in query:
        task = _named(project.tasks_by_folder.get(folder["id"], []), query["task"])
        if task is None:
            return {"uri": uri, "entities": []}
        found.update(taskId=task["id"], target="task")
    if "product" in query:
        product = _named(project.products_by_folder.get(folder["id"], []), query["product"])
        version = _version(project, product, query.get("version", "")) if product else None
        if product is None or ("version" in query and version is None):
            return {"uri": uri, "entities": []}
        found.update(productId=product["id"], target="product")
        if version is not None:
            found.update(versionId=version["id"], target="version")
            if "representation" in query:
                reps = project.reps_by_version.get(version["id"], [])
                rep = _named(reps, query["representation"])
                if rep is None:
                    return {"uri": uri, "entities": []}
                found.update(representationId=rep["id"], target="representation")
    return {"uri": uri, "entities": [found]}


class ResolveRoutes:
    """URI resolution and the actions list (mixed into ``RestApi``)."""

    dataset: Dataset

    def resolve(self, req: Request, m: re.Match[str]) -> Response:
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        uris = body.get("uris")
        if not isinstance(uris, list):
            return validation_error(req.method, req.path, [missing_field("body", "uris")])
        return Response(200, [resolve_uri(self.dataset, str(uri)) for uri in uris])

    def actions_list(self, req: Request, m: re.Match[str]) -> Response:
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        project = body.get("projectName")
        if project and not self.dataset.has_project(str(project)):
            return project_not_found(str(project))
        return Response(200, {"actions": []})


RESOLVE_ROUTES = [
    ("POST", r"/api/resolve", ResolveRoutes.resolve),
    ("POST", r"/api/actions/list", ResolveRoutes.actions_list),
]
