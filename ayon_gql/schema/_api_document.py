"""The operations of an OpenAPI document, structure only, and addon snapshots.

``schema pull`` keeps the server's whole ``openapi.json`` (every operation
and component schema) and each selected addon's
(``GET /api/addons/{name}/{version}/openapi.json``), with the prose
(summaries, descriptions, titles, examples) left out: what the snapshot
holds is what code generation and ``schema diff`` need, and two pulls of one
server give the same file.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import NotFoundError, SchemaSourceError
from ayon_gql.schema._addons import AddonRef, addon_snapshot_path
from ayon_gql.schema._openapi import (
    HEADER_KEY,
    read_json_document,
    structural_schema,
    write_snapshot_text,
)

if TYPE_CHECKING:
    from ayon_gql._connection import Connection
    from ayon_gql._project import ProjectConfig

__all__ = [
    "AddonApiSnapshot",
    "addon_of_document",
    "has_no_endpoints_marker",
    "load_addon_snapshot",
    "pull_addon_openapi",
    "pull_addon_snapshots",
    "structural_components",
    "structural_paths",
    "write_no_endpoints_marker",
]

#: What the header of an addon's snapshot says the file is.
ADDON_SNAPSHOT_KIND = "ayon-gql addon openapi snapshot"
#: The snapshot kind (file name part) of the marker of an addon version without endpoints.
NO_ENDPOINTS_KIND = "no-endpoints"
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_ADDON_PATH_RX = re.compile(r"^/api/addons/([^/]+)/([^/]+)(/|$)")


def _parameter(param: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "name": param.get("name"),
        "in": param.get("in"),
        "required": bool(param.get("required", False)),
        "schema": structural_schema(param.get("schema", {})),
    }


def _content(content: Any) -> dict[str, Any]:
    if not isinstance(content, Mapping):
        return {}
    return {
        str(kind): {"schema": structural_schema(media.get("schema", {}))}
        for kind, media in sorted(content.items())
        if isinstance(media, Mapping)
    }


def _operation(op: Mapping[str, Any], shared: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"operationId": op.get("operationId")}
    if op.get("tags"):
        out["tags"] = list(op["tags"])
    if op.get("deprecated"):
        out["deprecated"] = True
    params = [*shared, *(op.get("parameters") or [])]
    if params:
        out["parameters"] = [_parameter(p) for p in params if isinstance(p, Mapping)]
    body = op.get("requestBody")
    if isinstance(body, Mapping):
        out["requestBody"] = {
            "required": bool(body.get("required", False)),
            "content": _content(body.get("content")),
        }
    responses = op.get("responses") or {}
    out["responses"] = {
        str(code): ({"content": _content(r.get("content"))} if r.get("content") else {})
        for code, r in sorted(responses.items())
        if isinstance(r, Mapping)
    }
    return out


def structural_paths(document: Mapping[str, Any]) -> dict[str, Any]:
    """``paths`` with each operation's id, tags, parameters, body and answers; no prose."""
    paths = document.get("paths") or {}
    if not isinstance(paths, Mapping):
        return {}
    out: dict[str, Any] = {}
    for path in sorted(paths):
        item = paths[path]
        if not isinstance(item, Mapping):
            continue
        shared = list(item.get("parameters") or [])
        ops = {
            method: _operation(item[method], shared)
            for method in _METHODS
            if isinstance(item.get(method), Mapping)
        }
        if ops:
            out[str(path)] = ops
    return out


def structural_components(document: Mapping[str, Any]) -> dict[str, Any]:
    """Every component schema, structure only, sorted by name."""
    schemas = (document.get("components") or {}).get("schemas") or {}
    if not isinstance(schemas, Mapping):
        return {}
    return {str(name): structural_schema(schemas[name]) for name in sorted(schemas)}


def addon_of_document(document: Mapping[str, Any]) -> AddonRef | None:
    """The addon an OpenAPI document describes: every path under one
    ``/api/addons/{name}/{version}/`` (None for a server's own document)."""
    found: set[tuple[str, str]] = set()
    for path in document.get("paths") or {}:
        match = _ADDON_PATH_RX.match(str(path))
        if match is None:
            return None
        found.add((match.group(1), match.group(2)))
    if len(found) != 1:
        return None
    name, version = found.pop()
    return AddonRef(name, version)


@dataclass(frozen=True)
class AddonApiSnapshot:
    """One addon's operations and schemas, structure only, with where they came from."""

    addon: AddonRef
    paths: Mapping[str, Any]
    schemas: Mapping[str, Any]
    server_version: str | None
    source: str
    pulled: str

    def text(self) -> str:
        """The snapshot file's JSON text: header, then paths and schemas, sorted."""
        document = {
            HEADER_KEY: {
                "snapshot": ADDON_SNAPSHOT_KIND,
                "addon": self.addon.name,
                "version": self.addon.version,
                "server": self.server_version or "unknown version",
                "pulled": self.pulled,
                "regenerate": "ayon-gql schema pull; do not edit by hand",
            },
            "openapi": "3.1.0",
            "paths": dict(self.paths),
            "components": {"schemas": dict(self.schemas)},
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    def write(self, path: str | Path) -> Path:
        """Write the snapshot, creating parent folders; returns the path."""
        return write_snapshot_text(path, self.text())


def derive_addon_snapshot(
    document: Mapping[str, Any],
    addon: AddonRef,
    *,
    source: str,
    server_version: str | None = None,
    date: _dt.date | None = None,
) -> AddonApiSnapshot:
    """The snapshot of an addon's OpenAPI document (or of an earlier snapshot)."""
    header = document.get(HEADER_KEY)
    pulled = header.get("pulled") if isinstance(header, Mapping) else None
    if server_version is None and isinstance(header, Mapping):
        server_version = header.get("server")
    return AddonApiSnapshot(
        addon=addon,
        paths=structural_paths(document),
        schemas=structural_components(document),
        server_version=server_version,
        source=source,
        pulled=(date.isoformat() if date else None) or pulled or _dt.date.today().isoformat(),
    )


def load_addon_snapshot(path: str | Path) -> AddonApiSnapshot:
    """An addon snapshot (or an addon's saved ``openapi.json``) from a file."""
    document = read_json_document(path)
    header = document.get(HEADER_KEY)
    kind = header.get("snapshot") if isinstance(header, Mapping) else None
    if kind not in (None, ADDON_SNAPSHOT_KIND):
        raise SchemaSourceError(f"cannot read {path}: not an addon's openapi document ({kind})")
    addon: AddonRef | None = None
    if isinstance(header, Mapping) and header.get("addon") and header.get("version"):
        addon = AddonRef(str(header["addon"]), str(header["version"]))
    addon = addon or addon_of_document(document)
    if addon is None:
        raise SchemaSourceError(
            f"cannot read {path}: not an addon's openapi document (its paths are not all "
            "under one /api/addons/{name}/{version}/)"
        )
    return derive_addon_snapshot(document, addon, source=str(path))


def pull_addon_openapi(
    connection: Connection,
    addon: AddonRef,
    *,
    server_version: str | None = None,
    date: _dt.date | None = None,
) -> AddonApiSnapshot | None:
    """``GET /api/addons/{name}/{version}/openapi.json``; None when the addon has
    no endpoints (the server answers 404 then)."""
    path = f"{addon.path}/openapi.json"
    try:
        response = connection.request("GET", path, operation="addon openapi")
    except NotFoundError:
        return None
    try:
        document = response.json()
    except ValueError:
        document = None
    if not isinstance(document, dict):
        raise SchemaSourceError(f"cannot read {connection.base_url}{path}: not a JSON object")
    return derive_addon_snapshot(
        document,
        addon,
        source=connection.base_url + path,
        server_version=server_version,
        date=date,
    )


def pull_addon_snapshots(
    connection: Connection,
    project: ProjectConfig | None,
    folder: Path,
    *,
    server_version: str | None = None,
) -> list[str]:
    """Write the openapi snapshot of every selected addon with endpoints into ``folder``.

    The addons are those ``[tool.ayon-gql] addons`` names, else the
    production bundle's.  Returns one line per addon saying what was done.
    """
    from ayon_gql.schema._addons import select_addons

    lines: list[str] = []
    for addon in select_addons(connection, project):
        snapshot = pull_addon_openapi(connection, addon, server_version=server_version)
        if snapshot is None:
            marker = write_no_endpoints_marker(folder, addon, server_version)
            lines.append(f"addon {addon}: no endpoints (no openapi.json), noted in {marker.name}")
            continue
        target = snapshot.write(addon_snapshot_path(folder, addon, "openapi"))
        lines.append(f"wrote {target} (addon {addon}, from {snapshot.source})")
    return lines


def write_no_endpoints_marker(
    folder: str | Path, addon: AddonRef, server_version: str | None = None
) -> Path:
    """Note in ``folder`` that ``addon`` has no endpoints (its server answered 404 for
    its ``openapi.json``), so ``generate`` knows its snapshot is not missing."""
    header = {
        "snapshot": "ayon-gql addon without endpoints",
        "addon": addon.name,
        "version": addon.version,
        "server": server_version or "unknown version",
        "pulled": _dt.date.today().isoformat(),
        "regenerate": "ayon-gql schema pull; do not edit by hand",
    }
    text = json.dumps({HEADER_KEY: header}, indent=2) + "\n"
    return write_snapshot_text(addon_snapshot_path(folder, addon, NO_ENDPOINTS_KIND), text)


def has_no_endpoints_marker(folder: str | Path, addon: AddonRef) -> bool:
    """Whether ``schema pull`` noted in ``folder`` that ``addon`` has no endpoints."""
    return addon_snapshot_path(folder, addon, NO_ENDPOINTS_KIND).is_file()
