"""REST endpoints of the stand-in server.

Paths, payloads, status codes and error bodies follow the real server's
``openapi.json`` and recorded exchanges: validation errors are HTTP 400 with
``{"code", "detail", "errors", "path", "traceback"}``, missing things are 404
``{"code", "detail"}``.  Mutable state lives in :class:`RestState` and can be
reset; the routes are grouped by what they serve (``_rest_desktop``,
``_rest_bundles``, ``_rest_addons``); this module holds the router, the
server, user and project routes.
"""

from __future__ import annotations

import copy
import hashlib
import re
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ayon_gql.testing._dataset import Dataset, Node
from ayon_gql.testing._event_store import EventStore
from ayon_gql.testing._nodes import SERVER_VERSION
from ayon_gql.testing._rest_addons import ADDON_ROUTES, AddonRoutes
from ayon_gql.testing._rest_bundles import BundleRoutes
from ayon_gql.testing._rest_desktop import DesktopFileRoutes
from ayon_gql.testing._rest_entities import ENTITY_ROUTES, EntityRoutes
from ayon_gql.testing._rest_events import EventRoutes
from ayon_gql.testing._rest_http import (
    PROJECT_NAME_RX,
    Request,
    Response,
    bad_bool,
    bad_enum,
    bad_regex,
    error,
    parse_bool,
    validation_error,
)
from ayon_gql.testing._rest_operations import OPERATION_ROUTES, OperationRoutes
from ayon_gql.testing._rest_state import RestState
from ayon_gql.testing._rest_thumbnails import THUMBNAIL_ROUTES, ThumbnailRoutes

if TYPE_CHECKING:
    from ayon_gql.testing._cost import RequestCost
    from ayon_gql.testing._event_store import EventStore


def rest_user(user: Node) -> Node:
    """A user in the REST shape of ``/api/users/me`` and the login answer."""
    data: Node = {
        "accessGroups": user["_accessGroups"],
        "defaultAccessGroups": user["defaultAccessGroups"],
    }
    if user["isService"]:
        data["apiKey"] = hashlib.sha256((user["_apiKey"] or "").encode()).hexdigest()
        data["apiKeyPreview"] = user["apiKeyPreview"]
        data["isService"] = True
        attrib: Node = {"fullName": user["attrib"]["fullName"]}
        own = ["fullName", "email", "avatarUrl", "developerMode"]
        level: int | None = 900
    else:
        if user["isAdmin"]:
            data["isAdmin"] = True
        if user["isManager"]:
            data["isManager"] = True
        salt = hashlib.sha256(user["name"].encode()).hexdigest()[:32]
        data["password"] = f"{salt}:{hashlib.sha256(salt.encode()).hexdigest()}"
        attrib = dict(user["attrib"])
        own = ["email", "fullName"]
        level = None
    return {
        "active": user["active"],
        "attrib": attrib,
        "createdAt": user["createdAt"],
        "data": data,
        "name": user["name"],
        "ownAttrib": own,
        "uiExposureLevel": level,
        "updatedAt": user["updatedAt"],
    }


Handler = Callable[["RestApi", Request, re.Match[str]], Response]


class RestApi(
    DesktopFileRoutes,
    BundleRoutes,
    AddonRoutes,
    OperationRoutes,
    ThumbnailRoutes,
    EntityRoutes,
    EventRoutes,
):
    """Routes REST requests to handlers; authentication is done by the server."""

    def __init__(
        self,
        dataset: Dataset,
        started: float | None = None,
        *,
        events: EventStore | None = None,
        cost: RequestCost | None = None,
    ) -> None:
        self.dataset = dataset
        self.events = events if events is not None else EventStore()
        self.state = RestState(dataset)
        self.started = started if started is not None else time.monotonic()
        self.cost = cost
        self.write_lock = threading.RLock()
        self.touched: set[str] = set()
        self.background: dict[str, dict[str, Any]] = {}
        self.thumbnails: dict[tuple[str, str], tuple[bytes, str, str]] = {}
        self.reviewables: dict[str, list[dict[str, Any]]] = {}
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        for method, pattern, handler in _ROUTES:
            self._routes.append((method, re.compile(f"^{pattern}$"), handler))

    def reset_writes(self) -> None:
        """Undo every write: written projects are rebuilt, created ones removed."""
        with self.write_lock:
            for name in self.touched:
                self.dataset.discard_project(name)
            self.touched.clear()
            self.background.clear()
            self.thumbnails.clear()
            self.reviewables.clear()

    def dispatch(self, req: Request) -> Response:
        """Serve ``req``; unknown paths and methods are 404 like on the real server."""
        for method, rx, handler in self._routes:
            if method != req.method:
                continue
            m = rx.match(req.path)
            if m is not None:
                return handler(self, req, m)
        return error(404, f"API endpoint {req.path} not found")

    # ------------------------------------------------------------------ info & users
    def info(self, req: Request, m: re.Match[str]) -> Response:
        uptime = float(round(time.monotonic() - self.started))
        if req.user is None:
            return Response(
                200,
                {
                    "disableFeedback": True,
                    "offlineMode": True,
                    "uptime": uptime,
                    "version": SERVER_VERSION,
                },
            )
        attributes = []
        for attr in self.dataset.attributes:
            data = {k: v for k, v in attr["data"].items() if v is not None}
            if "enum" in data:
                data["enum"] = [{k: v for k, v in e.items() if v is not None} for e in data["enum"]]
            attributes.append({**attr, "data": data})
        user = rest_user(req.user)
        user.pop("uiExposureLevel", None)
        return Response(
            200,
            {
                "attributes": attributes,
                "disableChangelog": True,
                "disableFeedback": True,
                "extras": "",
                "frontendFlags": [],
                "offlineMode": True,
                "sites": [],
                "ssoOptions": [],
                "uptime": uptime,
                "user": user,
                "version": SERVER_VERSION,
            },
        )

    def users_me(self, req: Request, m: re.Match[str]) -> Response:
        assert req.user is not None
        return Response(200, rest_user(req.user))

    def attributes(self, req: Request, m: re.Match[str]) -> Response:
        return Response(200, {"attributes": copy.deepcopy(self.dataset.attributes)})

    # ------------------------------------------------------------------ projects
    def projects(self, req: Request, m: re.Match[str]) -> Response:
        rows = []
        for name in self.dataset.project_names():
            rest = self.dataset.project_rest(name)
            assert rest is not None
            rows.append(
                {
                    "active": rest["active"],
                    "code": rest["code"],
                    "color": None,
                    "createdAt": rest["createdAt"],
                    "label": None,
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
        return Response(
            200,
            {
                "count": total,
                "detail": f"Showing {len(rows)} of {total} projects",
                "projects": rows,
            },
        )

    def project(self, req: Request, m: re.Match[str]) -> Response:
        name = m.group("name")
        if not PROJECT_NAME_RX.match(name):
            return validation_error(
                req.method, req.path, [bad_regex("path", "project_name", PROJECT_NAME_RX.pattern)]
            )
        rest = self.dataset.project_rest(name)
        if rest is None:
            return error(404, f"Project {name} not found")
        return Response(200, copy.deepcopy(rest))


_KIND = r"(?P<kind>installers|dependencyPackages)"
_FILE = r"(?P<filename>[^/]+)"
_ROUTES: list[tuple[str, str, Handler]] = [
    ("GET", r"/api/info", RestApi.info),
    ("GET", r"/api/users/me", RestApi.users_me),
    ("GET", r"/api/attributes", RestApi.attributes),
    ("GET", r"/api/projects", RestApi.projects),
    ("GET", r"/api/projects/(?P<name>[^/]+)", RestApi.project),
    ("GET", rf"/api/desktop/{_KIND}", RestApi.files_list),
    ("POST", rf"/api/desktop/{_KIND}", RestApi.files_create),
    ("GET", rf"/api/desktop/{_KIND}/{_FILE}", RestApi.files_download),
    ("PUT", rf"/api/desktop/{_KIND}/{_FILE}", RestApi.files_upload),
    ("PATCH", rf"/api/desktop/{_KIND}/{_FILE}", RestApi.files_patch),
    ("DELETE", rf"/api/desktop/{_KIND}/{_FILE}", RestApi.files_delete),
    ("GET", r"/api/bundles", RestApi.bundles),
    ("POST", r"/api/bundles", RestApi.bundle_create),
    ("POST", r"/api/bundles/check", RestApi.bundle_check),
    ("PATCH", r"/api/bundles/(?P<name>[^/]+)", RestApi.bundle_patch),
    ("POST", r"/api/bundles/(?P<name>[^/]+)", RestApi.bundle_action),
    ("DELETE", r"/api/bundles/(?P<name>[^/]+)", RestApi.bundle_delete),
    *ADDON_ROUTES,
    *OPERATION_ROUTES,
    *THUMBNAIL_ROUTES,
    *ENTITY_ROUTES,
    ("POST", r"/api/events", RestApi.event_dispatch),
    ("GET", r"/api/events/(?P<event_id>[^/]+)", RestApi.event_get),
    ("PATCH", r"/api/events/(?P<event_id>[^/]+)", RestApi.event_patch),
    ("DELETE", r"/api/events/(?P<event_id>[^/]+)", RestApi.event_delete),
    ("POST", r"/api/enroll", RestApi.enroll),
    (
        "PATCH",
        r"/api/projects/(?P<project>[^/]+)/(?P<segment>folders|tasks|products|versions"
        r"|representations)/(?P<entity_id>[0-9a-f]{32})",
        RestApi.entity_patch,
    ),
]

# Paths served without credentials.
PUBLIC_PATHS = frozenset({"/api/info", "/api/auth/login"})


def upload_target(method: str, path: str) -> bool:
    """True for requests whose body is file content (streamed to disk when large)."""
    if method == "POST" and re.match(r"^/api/projects/[^/]+/versions/[^/]+/reviewables$", path):
        return True
    return method == "PUT" and re.match(rf"^/api/desktop/{_KIND}/{_FILE}$", path) is not None


__all__ = [
    "PUBLIC_PATHS",
    "Request",
    "Response",
    "RestApi",
    "error",
    "rest_user",
    "upload_target",
    "validation_error",
]
