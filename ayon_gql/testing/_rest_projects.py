"""Projects over REST: list, get, deploy, update, delete; anatomy, roots, site
roots, tags and project bundles, as recorded in ``rest/project-*``.

Deploying (``POST /api/projects``) answers 201 ``null``; a duplicate is 409,
a name the server's project model refuses is the server's HTTP 500 with the
pydantic text.  ``PUT .../roots/{site_id}`` stores a site's root overrides,
which ``GET .../siteRoots`` answers for the site named by ``X-Ayon-Site-Id``
(or ``site_id``/``site``).  A deleted project is a 404 whose detail spells
the name in lower case.  Changes show in GraphQL at once; ``reset()`` undoes
them.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from ayon_gql.testing._anatomy import apply_anatomy, default_anatomy, project_anatomy
from ayon_gql.testing._nodes import json_text
from ayon_gql.testing._rest_http import (
    PLATFORMS,
    Request,
    Response,
    bad_bool,
    bad_enum,
    bad_project_name,
    error,
    missing_field,
    parse_bool,
    project_not_found,
    validation_error,
)
from ayon_gql.testing._rest_state import ProjectWrites, RestRoutes

if TYPE_CHECKING:
    from ayon_gql.testing._event_store import EventStore
    from ayon_gql.testing._nodes import Node

__all__ = ["PROJECT_ROUTES", "ProjectRoutes"]

#: The name pattern of the server's project model (deploy checks it).
DEPLOY_NAME_RX = re.compile(r"^[a-zA-Z0-9_]([a-zA-Z0-9_\.\-]*[a-zA-Z0-9_])?$")
_ANATOMY_PRESETS_VERSION = "1.0.0"
_TAG_SCOPES = ("folders", "products", "representations", "tasks", "versions", "workfiles")
_PATCHABLE = ("active", "library", "label", "color", "code")


def _deploy_name_error(name: str) -> Response:
    """The real server's answer to a name its project model refuses (HTTP 500)."""
    rx = DEPLOY_NAME_RX.pattern
    detail = (
        "pydantic.error_wrappers.ValidationError: 1 validation error for ProjectModel\n"
        f'name\n  string does not match regex "{rx}" (type=value_error.str.regex; pattern={rx})'
    )
    return Response(500, {"detail": detail, "status": 500, "traceback": detail})


class ProjectRoutes(RestRoutes, ProjectWrites):
    """Project reads and writes (mixed into ``RestApi``)."""

    events: EventStore

    def _edit(self, req: Request, name: str) -> tuple[Node, Node] | Response:
        """A project's node and REST body to change (remembered for ``reset()``)."""
        refused = bad_project_name(req, name)
        if refused is not None:
            return refused
        meta = self.dataset.edit_project(name)
        if meta is None:
            return project_not_found(name)
        self._touch(name)
        return meta

    # ------------------------------------------------------------------ reads
    def projects(self, req: Request, m: re.Match[str]) -> Response:
        rows = []
        for name in self.dataset.project_names():
            rest = self.dataset.project_rest(name)
            assert rest is not None
            rows.append(
                {
                    "active": rest["active"],
                    "code": rest["code"],
                    "color": rest.get("color"),
                    "createdAt": rest["createdAt"],
                    "label": rest.get("label"),
                    "library": rest["library"],
                    "name": name,
                    "pinned": False,
                    "projectFolder": None,
                    "skeleton": False,
                    "updatedAt": rest["updatedAt"],
                }
            )
        errors = []
        flags: dict[str, bool | None] = {}
        for flag in ("library", "active", "desc"):
            try:
                flags[flag] = parse_bool(req.param(flag))
            except ValueError:
                errors.append(bad_bool("query", flag))
        order = req.param("order")
        if order is not None and order not in ("name", "createdAt", "updatedAt"):
            errors.append(bad_enum("query", "order", order, ["name", "createdAt", "updatedAt"]))
        if errors:
            return validation_error(req.method, req.path, errors)
        if flags["library"] is not None:
            rows = [r for r in rows if r["library"] == flags["library"]]
        if flags["active"] is not None:
            rows = [r for r in rows if r["active"] == flags["active"]]
        needle = req.param("name")
        if needle:
            rows = [r for r in rows if needle.lower() in r["name"].lower()]
        if order:
            rows.sort(key=lambda r: str(r[order]), reverse=bool(flags["desc"]))
        total = len(rows)
        length = req.param("length")
        if length and length.isdigit():
            page = max(1, int(req.param("page") or "1"))
            rows = rows[(page - 1) * int(length) : page * int(length)]
        detail = f"Showing {len(rows)} of {total} projects"
        return Response(200, {"count": total, "detail": detail, "projects": rows})

    def project(self, req: Request, m: re.Match[str]) -> Response:
        name = m.group("name")
        refused = bad_project_name(req, name)
        if refused is not None:
            return refused
        rest = self.dataset.project_rest(name)
        if rest is None:
            return project_not_found(name)
        return Response(200, copy.deepcopy(rest))

    def anatomy_presets(self, req: Request, m: re.Match[str]) -> Response:
        return Response(200, {"presets": [], "version": _ANATOMY_PRESETS_VERSION})

    def anatomy_preset(self, req: Request, m: re.Match[str]) -> Response:
        if m.group("preset") != "_":
            return error(404, f"Anatomy preset {m.group('preset')} not found")
        return Response(200, default_anatomy())

    def project_anatomy(self, req: Request, m: re.Match[str]) -> Response:
        node = self.dataset.project_node(m.group("project"))
        rest = self.dataset.project_rest(m.group("project"))
        if node is None or rest is None:
            return project_not_found(m.group("project"))
        return Response(200, project_anatomy(node, rest))

    def project_roots(self, req: Request, m: re.Match[str]) -> Response:
        name = m.group("project")
        if self.dataset.project_rest(name) is None:
            return project_not_found(name)
        with self.state.lock:
            return Response(200, copy.deepcopy(self.state.site_roots.get(name, {})))

    def project_site_roots(self, req: Request, m: re.Match[str]) -> Response:
        name = m.group("project")
        platform = req.param("platform") or "linux"
        if platform not in PLATFORMS:
            bad = bad_enum("query", "platform", platform, PLATFORMS)
            return validation_error(req.method, req.path, [bad])
        rest = self.dataset.project_rest(name)
        if rest is None:
            return project_not_found(name)
        roots = {key: paths.get(platform) for key, paths in rest["config"]["roots"].items()}
        site = req.headers.get("x-ayon-site-id") or req.param("site_id") or req.param("site")
        if site:
            with self.state.lock:
                roots.update(self.state.site_roots.get(name, {}).get(site, {}))
        return Response(200, roots)

    def project_tags(self, req: Request, m: re.Match[str]) -> Response:
        project = self.dataset.project(m.group("project"))
        if project is None:
            return project_not_found(m.group("project"))
        tags: dict[str, list[str]] = {}
        for scope in _TAG_SCOPES:
            nodes: list[Node] = getattr(project, scope)
            tags[scope] = sorted({t for node in nodes for t in node.get("tags") or []})
        return Response(200, tags)

    # ------------------------------------------------------------------ writes
    def project_create(self, req: Request, m: re.Match[str]) -> Response:
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        name, code = body.get("name"), body.get("code")
        problems = [missing_field("body", key) for key in ("name", "code") if key not in body]
        if problems:
            return validation_error(req.method, req.path, problems)
        if not isinstance(name, str) or not DEPLOY_NAME_RX.match(name):
            return _deploy_name_error(str(name))
        code = str(code)
        if self.dataset.has_project(name) or self.dataset.project_name_by_code(code):
            return error(409, f"Project {name} ({code}) already exists")
        preset = body.get("anatomyPreset")
        if preset not in (None, "_"):
            return error(404, f"Anatomy preset {preset} not found")
        anatomy = body.get("anatomy") if isinstance(body.get("anatomy"), dict) else None
        self.dataset.add_project(name, code)
        meta = self.dataset.edit_project(name)
        assert meta is not None
        node, rest = meta
        apply_anatomy(node, rest, anatomy or default_anatomy())
        for key in ("library", "label", "color"):
            if key in body:
                node[key] = rest[key] = body[key]
        self._touch(name)
        assert req.user is not None
        self.events.emit(
            "entity.project.created",
            project=name,
            user=req.user["name"],
            description=f"Created project {name}",
        )
        return Response(201, None)

    def project_patch(self, req: Request, m: re.Match[str]) -> Response:
        meta = self._edit(req, m.group("name"))
        if isinstance(meta, Response):
            return meta
        node, rest = meta
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        for key in _PATCHABLE:
            if key in body:
                node[key] = rest[key] = body[key]
        attrib = body.get("attrib")
        if isinstance(attrib, dict):
            node["attrib"].update(attrib)
            node["allAttrib"] = json_text(
                {k: v for k, v in node["attrib"].items() if v is not None}
            )
            rest["attrib"] = {k: v for k, v in node["attrib"].items() if v is not None}
            rest["ownAttrib"] = sorted(rest["attrib"])
        if isinstance(body.get("data"), dict):
            rest["data"] = {**rest["data"], **body["data"]}
            node["data"] = json_text(rest["data"])
        if isinstance(body.get("config"), dict):
            rest["config"].update(body["config"])
            node["config"] = json_text(rest["config"])
        return Response(204)

    def project_set_anatomy(self, req: Request, m: re.Match[str]) -> Response:
        meta = self._edit(req, m.group("project"))
        if isinstance(meta, Response):
            return meta
        anatomy = req.json if isinstance(req.json, dict) else {}
        apply_anatomy(meta[0], meta[1], anatomy)
        return Response(204)

    def project_set_roots(self, req: Request, m: re.Match[str]) -> Response:
        name = m.group("project")
        meta = self._edit(req, name)
        if isinstance(meta, Response):
            return meta
        body = req.json
        if not isinstance(body, dict) or not all(isinstance(v, str) for v in body.values()):
            bad = {"loc": ["body"], "msg": "value is not a valid dict", "type": "type_error.dict"}
            return validation_error(req.method, req.path, [bad])
        with self.state.lock:
            self.state.site_roots.setdefault(name, {})[m.group("site")] = dict(body)
        return Response(204)

    def project_set_bundles(self, req: Request, m: re.Match[str]) -> Response:
        meta = self._edit(req, m.group("project"))
        if isinstance(meta, Response):
            return meta
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        with self.state.lock:
            names = set(self.state.bundles)
        for variant in ("production", "staging"):
            value = body.get(variant)
            if value is not None and value not in names:
                return error(404, f"Bundle {value} not found")
        bundle = {"production": body.get("production"), "staging": body.get("staging")}
        meta[0]["bundle"] = bundle
        meta[1]["data"] = {**meta[1]["data"], "bundle": bundle}
        meta[0]["data"] = json_text(meta[1]["data"])
        return Response(204)

    def project_delete(self, req: Request, m: re.Match[str]) -> Response:
        name = m.group("name")
        if not self.dataset.remove_project(name):
            return project_not_found(name)
        self._touch(name)
        with self.state.lock:
            self.state.site_roots.pop(name, None)
        assert req.user is not None
        self.events.emit(
            "entity.project.deleted",
            project=name,
            user=req.user["name"],
            description=f"Deleted project {name}",
        )
        return Response(204)


_PROJECT = r"/api/projects/(?P<project>[^/]+)"
PROJECT_ROUTES = [
    ("GET", r"/api/projects", ProjectRoutes.projects),
    ("POST", r"/api/projects", ProjectRoutes.project_create),
    ("GET", r"/api/projects/(?P<name>[^/]+)", ProjectRoutes.project),
    ("PATCH", r"/api/projects/(?P<name>[^/]+)", ProjectRoutes.project_patch),
    ("DELETE", r"/api/projects/(?P<name>[^/]+)", ProjectRoutes.project_delete),
    ("GET", r"/api/anatomy/presets", ProjectRoutes.anatomy_presets),
    ("GET", r"/api/anatomy/presets/(?P<preset>[^/]+)", ProjectRoutes.anatomy_preset),
    ("GET", rf"{_PROJECT}/anatomy", ProjectRoutes.project_anatomy),
    ("POST", rf"{_PROJECT}/anatomy", ProjectRoutes.project_set_anatomy),
    ("GET", rf"{_PROJECT}/roots", ProjectRoutes.project_roots),
    ("PUT", rf"{_PROJECT}/roots/(?P<site>[^/]+)", ProjectRoutes.project_set_roots),
    ("GET", rf"{_PROJECT}/siteRoots", ProjectRoutes.project_site_roots),
    ("GET", rf"{_PROJECT}/tags", ProjectRoutes.project_tags),
    ("POST", rf"{_PROJECT}/bundles", ProjectRoutes.project_set_bundles),
]
