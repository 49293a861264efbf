"""Operations of the server's (and served addons') ``openapi.json`` that the
stand-in does not implement: HTTP 501 naming the operation, never a fake
success.  A path no document describes stays a 404, as on the real server.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ayon_gql.testing._openapi_doc import addon_openapi_document, server_operations
from ayon_gql.testing._rest_http import Response, error
from ayon_gql.testing._studio_tools import STUDIO_TOOLS_NAME, STUDIO_TOOLS_VERSION

__all__ = ["Operation", "operation_table", "unserved"]

_METHODS = ("get", "put", "post", "delete", "patch")
#: (method, compiled path template, operationId, path template)
Operation = tuple[str, re.Pattern[str], str, str]


def _compile(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    body = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(f"^{body}$")


def operation_table(documents: list[tuple[str, dict[str, Any]]]) -> list[Operation]:
    """Every operation of ``(path prefix, paths)`` pairs, literal paths first."""
    table = []
    for prefix, paths in documents:
        for template, item in paths.items():
            full = prefix + template
            for method in _METHODS:
                op = item.get(method) if isinstance(item, dict) else None
                if isinstance(op, dict):
                    name = str(op.get("operationId") or "")
                    table.append((method.upper(), _compile(full), name, full))
    table.sort(key=lambda row: row[3].count("{"))
    return table


@functools.lru_cache(maxsize=1)
def _stock_table() -> list[Operation]:
    documents = [("", server_operations())]
    addon = addon_openapi_document(STUDIO_TOOLS_NAME, STUDIO_TOOLS_VERSION)
    if addon is not None:  # its paths are full paths, /api/addons/{name}/{version}/...
        documents.append(("", addon.get("paths") or {}))
    return operation_table(documents)


def unserved(method: str, path: str, table: list[Operation] | None = None) -> Response | None:
    """The 501 for a documented operation the stand-in does not serve, else None."""
    for op_method, rx, operation_id, template in table if table is not None else _stock_table():
        if op_method == method and rx.match(path):
            name = operation_id or "this operation"
            detail = f"The AYON stand-in does not implement {name} ({method} {template})"
            return error(501, detail)
    return None
