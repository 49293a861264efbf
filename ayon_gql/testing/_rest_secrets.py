"""``/api/secrets``: named secrets, as recorded in ``rest/secret-*``.

``PUT /api/secrets/{name}`` saves (204), ``GET /api/secrets`` lists
``{"name", "value"}`` pairs, ``GET``/``DELETE /api/secrets/{name}``; a
missing secret is 404 ``Not found``.
"""

from __future__ import annotations

import re
from typing import Any

from ayon_gql.testing._rest_http import Request, Response, error, missing_field, validation_error
from ayon_gql.testing._rest_state import RestRoutes

__all__ = ["SECRET_ROUTES", "SecretRoutes"]


class SecretRoutes(RestRoutes):
    """Secrets (mixed into ``RestApi``)."""

    def secrets_list(self, req: Request, m: re.Match[str]) -> Response:
        with self.state.lock:
            rows = [{"name": k, "value": v} for k, v in sorted(self.state.secrets.items())]
        return Response(200, rows)

    def secret_get(self, req: Request, m: re.Match[str]) -> Response:
        with self.state.lock:
            value = self.state.secrets.get(m.group("name"))
        if value is None:
            return error(404, "Not found")
        return Response(200, {"name": m.group("name"), "value": value})

    def secret_put(self, req: Request, m: re.Match[str]) -> Response:
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        value = body.get("value")
        if not isinstance(value, str):
            return validation_error(req.method, req.path, [missing_field("body", "value")])
        with self.state.lock:
            self.state.secrets[m.group("name")] = value
        return Response(204)

    def secret_delete(self, req: Request, m: re.Match[str]) -> Response:
        with self.state.lock:
            if self.state.secrets.pop(m.group("name"), None) is None:
                return error(404, "Not found")
        return Response(204)


SECRET_ROUTES = [
    ("GET", r"/api/secrets", SecretRoutes.secrets_list),
    ("GET", r"/api/secrets/(?P<name>[^/]+)", SecretRoutes.secret_get),
    ("PUT", r"/api/secrets/(?P<name>[^/]+)", SecretRoutes.secret_put),
    ("DELETE", r"/api/secrets/(?P<name>[^/]+)", SecretRoutes.secret_delete),
]
