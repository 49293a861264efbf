"""``/api/users/{name}`` and ``/api/accessGroups``, as recorded in ``rest/user-*``.

There is no ``GET /api/users`` (users are listed through GraphQL ``users``);
``PUT`` creates a user (204), ``GET`` reads it in the REST shape, ``PATCH``
changes attributes or ``active`` (204), ``DELETE`` removes it (204).
Created users can log in with their password and show in GraphQL at once.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any

from ayon_gql.testing._activities import now
from ayon_gql.testing._nodes import Node
from ayon_gql.testing._rest_http import Request, Response, bad_regex, error, validation_error
from ayon_gql.testing._users import ACCESS_GROUPS, new_user

if TYPE_CHECKING:
    from ayon_gql.testing._dataset import Dataset

__all__ = ["USER_ROUTES", "UserRoutes", "rest_user"]

_USER_NAME = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_\.\-]*[a-zA-Z0-9]$")


def _password_hash(name: str, password: str) -> str:
    salt = hashlib.sha256(name.encode()).hexdigest()[:32]
    return f"{salt}:{hashlib.sha256((salt + password).encode()).hexdigest()}"


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


class UserRoutes:
    """User writes and access groups (mixed into ``RestApi``)."""

    dataset: Dataset

    def user_get(self, req: Request, m: re.Match[str]) -> Response:
        user = self.dataset.users_by_name.get(m.group("user"))
        if user is None:
            return error(404, f"User {m.group('user')} not found")
        if "_createdBy" not in user:
            body = rest_user(user)
            if body.get("uiExposureLevel") is None:
                body.pop("uiExposureLevel", None)
            return Response(200, body)
        data: Node = {"createdBy": user["_createdBy"]}
        if user.get("_passwordHash"):
            data["password"] = user["_passwordHash"]
        return Response(
            200,
            {
                "active": user["active"],
                "attrib": {k: v for k, v in user["attrib"].items() if v is not None},
                "createdAt": user["createdAt"],
                "data": data,
                "name": user["name"],
                "ownAttrib": list(user["_ownAttrib"]),
                "updatedAt": user["updatedAt"],
            },
        )

    def user_put(self, req: Request, m: re.Match[str]) -> Response:
        name = m.group("user")
        if not _USER_NAME.match(name):
            bad = bad_regex("path", "user_name", _USER_NAME.pattern)
            return validation_error(req.method, req.path, [bad])
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        if name in self.dataset.users_by_name:
            return error(409, f"User {name} already exists")
        assert req.user is not None
        user = new_user(name, body, req.user["name"], now())
        password = body.get("password")
        if isinstance(password, str) and password:
            user["_passwordHash"] = _password_hash(name, password)
        self.dataset.add_user(user, password if isinstance(password, str) else None)
        return Response(204)

    def user_patch(self, req: Request, m: re.Match[str]) -> Response:
        user = self.dataset.users_by_name.get(m.group("user"))
        if user is None:
            return error(404, f"User {m.group('user')} not found")
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        self.dataset.change_user(user["name"], body, now())
        return Response(204)

    def user_delete(self, req: Request, m: re.Match[str]) -> Response:
        name = m.group("user")
        if name not in self.dataset.users_by_name:
            return error(404, f"User {name} not found")
        assert req.user is not None
        if name == req.user["name"]:
            return error(403, "You cannot delete yourself")
        self.dataset.remove_user(name)
        return Response(204)

    def access_groups(self, req: Request, m: re.Match[str]) -> Response:
        project = m.group("project")
        if project != "_" and not self.dataset.has_project(project):
            return error(404, f"Project {project} not found")
        return Response(200, [{"isProjectLevel": False, "name": g} for g in ACCESS_GROUPS])


USER_ROUTES = [
    ("GET", r"/api/users/(?P<user>[^/]+)", UserRoutes.user_get),
    ("PUT", r"/api/users/(?P<user>[^/]+)", UserRoutes.user_put),
    ("PATCH", r"/api/users/(?P<user>[^/]+)", UserRoutes.user_patch),
    ("DELETE", r"/api/users/(?P<user>[^/]+)", UserRoutes.user_delete),
    ("GET", r"/api/accessGroups/(?P<project>[^/]+)", UserRoutes.access_groups),
]
