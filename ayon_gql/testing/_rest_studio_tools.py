"""The endpoints of the ``studio_tools 1.0.0`` addon, as its handlers behave
(``rest/addon-endpoint-*``): a typed project summary (camelCase on the wire),
a frame-range check with its own 400 and the 400 validation error, bookmarks
kept by the server, and an untyped raw export.  Its ``openapi.json`` is the
structure-only snapshot shipped in the stock package.
"""

from __future__ import annotations

import re
from typing import Any

from ayon_gql.testing._openapi_doc import addon_openapi_document
from ayon_gql.testing._rest_http import (
    Request,
    Response,
    bad_enum,
    bad_project_name,
    bad_type,
    coerce,
    error,
    missing_field,
    project_not_found,
    too_small,
    validation_error,
)
from ayon_gql.testing._rest_state import RestRoutes
from ayon_gql.testing._studio_tools import STUDIO_TOOLS_NAME, STUDIO_TOOLS_VERSION

__all__ = ["STUDIO_TOOLS_ROUTES", "StudioToolsRoutes"]

_BOOKMARK_KINDS = ["folder", "version", "url"]
#: FrameRangeRequest: (wire name, Python name, type, default or ..., (minimum, inclusive)).
_FRAME_FIELDS: list[tuple[str, str, str, Any, tuple[float, bool] | None]] = [
    ("frameStart", "frame_start", "integer", ..., None),
    ("frameEnd", "frame_end", "integer", ..., None),
    ("handles", "handles", "integer", 0, (0, True)),
    ("fps", "fps", "number", 25.0, (0.0, False)),
]
_BOOKMARK_FIELDS = [("key", "string"), ("label", "string"), ("target", "string")]


def _read_model(
    req: Request, fields: list[tuple[str, str, str, Any, tuple[float, bool] | None]]
) -> dict[str, Any] | Response:
    """The body's fields by Python name, or the server's 400 validation error."""
    body = req.json if isinstance(req.json, dict) else {}
    values: dict[str, Any] = {}
    problems = []
    for wire, python, kind, default, minimum in fields:
        raw = body.get(wire, body.get(python, ...))
        if raw is ...:
            if default is ...:
                problems.append(missing_field("body", wire))
            values[python] = default
            continue
        try:
            value = coerce(raw, kind)
        except (ValueError, TypeError):
            problems.append(bad_type("body", wire, kind))
            continue
        if minimum is not None:
            limit, inclusive = minimum
            if value < limit or (not inclusive and value == limit):
                problems.append(too_small("body", wire, limit, inclusive=inclusive))
        values[python] = value
    if problems:
        return validation_error(req.method, req.path, problems)
    return values


class StudioToolsRoutes(RestRoutes):
    """``/api/addons/studio_tools/1.0.0/...`` (mixed into ``RestApi``)."""

    def _bookmarks(self) -> dict[str, dict[str, str]]:
        state = self.state.addon_state.setdefault(STUDIO_TOOLS_NAME, {})
        bookmarks: dict[str, dict[str, str]] = state.setdefault("bookmarks", {})
        return bookmarks

    def _project_name(self, req: Request, name: str) -> Response | None:
        refused = bad_project_name(req, name)
        if refused is not None:
            return refused
        if not self.dataset.has_project(name):
            return project_not_found(name)
        return None

    def addon_openapi(self, req: Request, m: re.Match[str]) -> Response:
        name, version = m.group("addon"), m.group("version")
        document = addon_openapi_document(name, version)
        if document is None:
            return error(404, f"Addon {name} {version} has no endpoints")
        return Response(200, document)

    def summary(self, req: Request, m: re.Match[str]) -> Response:
        name = m.group("project")
        refused = self._project_name(req, name)
        if refused is not None:
            return refused
        project = self.dataset.project(name)
        assert project is not None
        status = req.param("status")
        counts: dict[str, int] = {}
        for folder in project.folders:
            if not status or folder["status"] == status:
                counts[folder["folderType"]] = counts.get(folder["folderType"], 0) + 1
        by_type = [{"count": n, "folderType": t} for t, n in sorted(counts.items())]
        return Response(
            200,
            {
                "byFolderType": by_type,
                "folders": sum(counts.values()),
                "projectName": name,
                "status": status or None,
                "versions": len(project.versions),
            },
        )

    def frames(self, req: Request, m: re.Match[str]) -> Response:
        values = _read_model(req, _FRAME_FIELDS)
        if isinstance(values, Response):
            return values
        start, end = values["frame_start"], values["frame_end"]
        if end < start:
            return error(400, "frame_end is before frame_start")
        frames = end - start + 1 + 2 * values["handles"]
        warnings = []
        if start < 1:
            warnings.append("starts before frame 1")
        if frames > 10000:
            warnings.append("longer than 10000 frames")
        duration = round(frames / values["fps"], 6)
        return Response(200, {"durationS": duration, "frames": frames, "warnings": warnings})

    def bookmarks(self, req: Request, m: re.Match[str]) -> Response:
        kind = req.param("kind")
        with self.state.lock:
            rows = [dict(b) for b in self._bookmarks().values()]
        return Response(200, [b for b in rows if kind is None or b["kind"] == kind])

    def bookmark_put(self, req: Request, m: re.Match[str]) -> Response:
        body = req.json if isinstance(req.json, dict) else {}
        problems = []
        bookmark: dict[str, str] = {}
        for name, kind in _BOOKMARK_FIELDS:
            if name not in body:
                problems.append(missing_field("body", name))
            elif not isinstance(body[name], str):
                problems.append(bad_type("body", name, kind))
            else:
                bookmark[name] = body[name]
        kind_value = body.get("kind", "url")
        if kind_value not in _BOOKMARK_KINDS:
            problems.append(bad_enum("body", "kind", str(kind_value), _BOOKMARK_KINDS))
        if problems:
            return validation_error(req.method, req.path, problems)
        bookmark["kind"] = kind_value
        ordered = {k: bookmark[k] for k in ("key", "kind", "label", "target")}
        with self.state.lock:
            self._bookmarks()[bookmark["key"]] = ordered
        return Response(204)

    def bookmark_delete(self, req: Request, m: re.Match[str]) -> Response:
        key = m.group("key")
        with self.state.lock:
            if self._bookmarks().pop(key, None) is None:
                return error(404, f"bookmark {key} not found")
        return Response(204)

    def raw(self, req: Request, m: re.Match[str]) -> Response:
        name = m.group("project")
        limit_text = req.param("limit")
        try:
            limit = coerce(limit_text, "integer") if limit_text is not None else 5
        except ValueError:
            return validation_error(req.method, req.path, [bad_type("query", "limit", "integer")])
        refused = self._project_name(req, name)
        if refused is not None:
            return refused
        project = self.dataset.project(name)
        assert project is not None
        folders = sorted(project.folders, key=lambda f: f["name"])[: max(limit, 0)]
        rows = [
            {
                "attrib": {k: f["attrib"].get(k) for k in f.get("ownAttrib") or []},
                "folder_type": f["folderType"],
                "name": f["name"],
            }
            for f in folders
        ]
        return Response(200, {"folders": rows, "project": name})


_BASE = rf"/api/addons/{STUDIO_TOOLS_NAME}/{re.escape(STUDIO_TOOLS_VERSION)}"
STUDIO_TOOLS_ROUTES = [
    (
        "GET",
        r"/api/addons/(?P<addon>[^/]+)/(?P<version>[^/]+)/openapi\.json",
        StudioToolsRoutes.addon_openapi,
    ),
    ("GET", rf"{_BASE}/summary/(?P<project>[^/]+)", StudioToolsRoutes.summary),
    ("POST", rf"{_BASE}/frames", StudioToolsRoutes.frames),
    ("GET", rf"{_BASE}/bookmarks", StudioToolsRoutes.bookmarks),
    ("PUT", rf"{_BASE}/bookmarks", StudioToolsRoutes.bookmark_put),
    ("DELETE", rf"{_BASE}/bookmarks/(?P<key>[^/]+)", StudioToolsRoutes.bookmark_delete),
    ("GET", rf"{_BASE}/raw/(?P<project>[^/]+)", StudioToolsRoutes.raw),
]
