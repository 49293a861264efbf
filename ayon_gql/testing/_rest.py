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
import re
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ayon_gql.testing._dataset import Dataset
from ayon_gql.testing._event_store import EventStore
from ayon_gql.testing._nodes import SERVER_VERSION
from ayon_gql.testing._rest_activities import ACTIVITY_ROUTES, ActivityRoutes
from ayon_gql.testing._rest_addons import ADDON_ROUTES, AddonRoutes
from ayon_gql.testing._rest_bundles import BundleRoutes
from ayon_gql.testing._rest_desktop import DesktopFileRoutes
from ayon_gql.testing._rest_entities import ENTITY_ROUTES, EntityRoutes
from ayon_gql.testing._rest_events import EventRoutes
from ayon_gql.testing._rest_http import (
    Request,
    Response,
    error,
    validation_error,
)
from ayon_gql.testing._rest_links import LINK_ROUTES, LinkRoutes
from ayon_gql.testing._rest_lists import LIST_ROUTES, ListRoutes
from ayon_gql.testing._rest_operations import OPERATION_ROUTES, OperationRoutes
from ayon_gql.testing._rest_projects import PROJECT_ROUTES, ProjectRoutes
from ayon_gql.testing._rest_resolve import RESOLVE_ROUTES, ResolveRoutes
from ayon_gql.testing._rest_secrets import SECRET_ROUTES, SecretRoutes
from ayon_gql.testing._rest_state import RestState
from ayon_gql.testing._rest_studio_tools import STUDIO_TOOLS_ROUTES, StudioToolsRoutes
from ayon_gql.testing._rest_thumbnails import THUMBNAIL_ROUTES, ThumbnailRoutes
from ayon_gql.testing._rest_unserved import Operation, unserved
from ayon_gql.testing._rest_users import USER_ROUTES, UserRoutes, rest_user

if TYPE_CHECKING:
    from ayon_gql.testing._cost import RequestCost
    from ayon_gql.testing._event_store import EventStore


Handler = Callable[["RestApi", Request, re.Match[str]], Response]


class RestApi(
    ProjectRoutes,
    SecretRoutes,
    UserRoutes,
    ActivityRoutes,
    LinkRoutes,
    ListRoutes,
    ResolveRoutes,
    StudioToolsRoutes,
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
        #: Event-hook work waiting for the next request (see :meth:`after_answer`).
        self._pending: list[Callable[[], None]] = []
        self.thumbnails: dict[tuple[str, str], tuple[bytes, str, str]] = {}
        self.reviewables: dict[str, list[dict[str, Any]]] = {}
        #: The documented operations answered with 501 (None: the stock documents').
        self.documented_operations: list[Operation] | None = None
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        for method, pattern, handler in _ROUTES:
            self._routes.append((method, re.compile(f"^{pattern}$"), handler))

    def reset_writes(self) -> None:
        """Undo every write: written projects are rebuilt, created ones removed."""
        with self.write_lock:
            for name in self.touched:
                self.dataset.discard_project(name)
            self.touched.clear()
            self.dataset.reset_users()
            self.background.clear()
            self._pending.clear()
            self.thumbnails.clear()
            self.reviewables.clear()

    def after_answer(self, work: Callable[[], None]) -> None:
        """Work the server does in the background once it has answered (the hooks
        of a write's events): it runs before the next read, or after the next
        other request, which gets in first as on the real server."""
        with self.write_lock:
            self._pending.append(work)

    def take_pending(self) -> list[Callable[[], None]]:
        """The background work queued so far (each to be run once, in order)."""
        with self.write_lock:
            taken, self._pending = self._pending, []
        return taken

    def run_pending(self, work: list[Callable[[], None]]) -> None:
        """Run background work taken with :meth:`take_pending`."""
        with self.write_lock:
            for item in work:
                item()

    def dispatch(self, req: Request) -> Response:
        """Serve ``req``: a documented operation the stand-in does not implement is
        501 naming it, an undocumented path 404 like on the real server."""
        for method, rx, handler in self._routes:
            if method != req.method:
                continue
            m = rx.match(req.path)
            if m is not None:
                return handler(self, req, m)
        missing = unserved(req.method, req.path, self.documented_operations)
        if missing is not None:
            return missing
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


_KIND = r"(?P<kind>installers|dependencyPackages)"
_FILE = r"(?P<filename>[^/]+)"
_ROUTES: list[tuple[str, str, Handler]] = [
    ("GET", r"/api/info", RestApi.info),
    ("GET", r"/api/users/me", RestApi.users_me),
    ("GET", r"/api/attributes", RestApi.attributes),
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
    *PROJECT_ROUTES,
    *SECRET_ROUTES,
    *USER_ROUTES,
    *ACTIVITY_ROUTES,
    *LINK_ROUTES,
    *LIST_ROUTES,
    *RESOLVE_ROUTES,
    *STUDIO_TOOLS_ROUTES,
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
