"""The REST side's request and answer shapes, and the real server's error bodies.

Validation errors are HTTP 400 with ``{"code", "detail", "errors", "path",
"traceback"}``, missing things are 404 ``{"code", "detail"}``, as recorded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ayon_gql.testing._dataset import Node

PLATFORMS = ["windows", "linux", "darwin"]
VARIANTS = ["production", "staging"]
PROJECT_NAME_RX = re.compile(r"^[a-zA-Z0-9_]*$")
FILENAME_RX = re.compile(r"^[\w\-+._]+$")
BUNDLE_NAME_RX = re.compile(r"^[a-zA-Z0-9_]([a-zA-Z0-9_\.\-]*[a-zA-Z0-9_])?$")


@dataclass
class Response:
    """An HTTP answer: JSON (``body``), raw bytes (``raw``) or a file (``file``)."""

    status: int = 200
    body: Any = None
    raw: bytes | None = None
    file: Path | None = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"

    def payload(self) -> bytes:
        """The body bytes (files excluded)."""
        if self.raw is not None:
            return self.raw
        if self.body is None and self.status == 204:
            return b""
        return json.dumps(self.body, separators=(",", ":")).encode()


@dataclass
class Request:
    """What the REST handlers see of an HTTP request."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    json: Any
    body: bytes | Path | None
    user: Node | None

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else None


def error(status: int, detail: str) -> Response:
    """``{"code": status, "detail": detail}`` with that HTTP status."""
    return Response(status, {"code": status, "detail": detail})


def validation_error(method: str, path: str, errors: list[Node]) -> Response:
    """HTTP 400 in the real server's request-validation shape."""
    return Response(
        400,
        {
            "code": 400,
            "detail": f"Request validation error in [{method}] {path}",
            "errors": errors,
            "path": path,
            "traceback": "\n".join(f"{e['loc'][-1]}: {e['msg']}" for e in errors),
        },
    )


def missing_field(where: str, name: str) -> Node:
    """A validation error entry: a required field is missing."""
    return {"loc": [where, name], "msg": "field required", "type": "value_error.missing"}


def bad_enum(where: str, name: str, given: str, permitted: list[str]) -> Node:
    """A validation error entry: a value outside the permitted ones."""
    allowed = ", ".join(f"'{p}'" for p in permitted)
    return {
        "ctx": {"given": given, "permitted": permitted},
        "loc": [where, name],
        "msg": f"unexpected value; permitted: {allowed}",
        "type": "value_error.const",
    }


def bad_regex(where: str, name: str, pattern: str) -> Node:
    """A validation error entry: a value not matching the pattern."""
    return {
        "ctx": {"pattern": pattern},
        "loc": [where, name],
        "msg": f'string does not match regex "{pattern}"',
        "type": "value_error.str.regex",
    }


def bad_bool(where: str, name: str) -> Node:
    """A validation error entry: not a boolean."""
    return {
        "loc": [where, name],
        "msg": "value could not be parsed to a boolean",
        "type": "type_error.bool",
    }


def parse_bool(value: str | None) -> bool | None:
    """A query-string boolean as the server reads it; ValueError when it is none."""
    if value is None:
        return None
    low = value.lower()
    if low in ("1", "true", "yes", "on"):
        return True
    if low in ("0", "false", "no", "off"):
        return False
    raise ValueError(value)


_TYPE_ERRORS = {
    "integer": ("value is not a valid integer", "type_error.integer"),
    "number": ("value is not a valid float", "type_error.float"),
    "string": ("str type expected", "type_error.str"),
}


def bad_type(where: str, name: str, kind: str) -> Node:
    """A validation error entry: not a value of JSON-schema type ``kind``."""
    msg, kind_code = _TYPE_ERRORS[kind]
    return {"loc": [where, name], "msg": msg, "type": kind_code}


def coerce(value: Any, kind: str) -> Any:
    """``value`` as the server's models read a ``kind`` field; ValueError when they refuse it."""
    if kind == "string":
        if isinstance(value, str):
            return value
        raise ValueError(value)
    if isinstance(value, bool):
        return int(value) if kind == "integer" else float(value)
    if isinstance(value, (int, float)):
        return int(value) if kind == "integer" else float(value)
    if isinstance(value, str):
        text = value.strip()
        return int(text) if kind == "integer" else float(text)
    raise ValueError(value)


def too_small(where: str, name: str, limit: float, *, inclusive: bool) -> Node:
    """A validation error entry: below a ``minimum`` (or at an ``exclusiveMinimum``)."""
    words = "greater than or equal to" if inclusive else "greater than"
    return {
        "ctx": {"limit_value": limit},
        "loc": [where, name],
        "msg": f"ensure this value is {words} {limit}",
        "type": f"value_error.number.{'not_ge' if inclusive else 'not_gt'}",
    }


def project_not_found(name: str) -> Response:
    """404 for a missing project: the server spells the name in lower case."""
    return error(404, f"Project {name.lower()} not found")


def bad_project_name(req: Request, name: str) -> Response | None:
    """The 400 for a ``project_name`` path parameter the server's pattern refuses."""
    if PROJECT_NAME_RX.match(name):
        return None
    bad = bad_regex("path", "project_name", PROJECT_NAME_RX.pattern)
    return validation_error(req.method, req.path, [bad])
