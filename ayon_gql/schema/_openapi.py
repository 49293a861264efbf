"""The openapi snapshot: a server's ``openapi.json``, structure only.

AYON describes the bodies its operations endpoint accepts as OpenAPI
component schemas: ``FolderPostModel`` (create), ``FolderPatchModel``
(update) and ``FolderAttribModel`` (the attributes, a studio's own included),
likewise for tasks, products, versions, representations and workfiles.  The
snapshot keeps every operation (``paths``) and every component schema, with
the prose (summaries, titles, descriptions, examples) left out, so it holds
the server's structure and not its texts, and two pulls of one server give
the same file.  It is JSON with a header object naming the server version and
the day it was pulled; ``ayon-gql generate`` builds each package's
``write_models`` from the write schemas in it and its REST methods from the
operations.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import SchemaSourceError
from ayon_gql._write_models import ENTITY_TYPES

if TYPE_CHECKING:
    from ayon_gql._connection import Connection

#: The key of the header object every snapshot starts with.
HEADER_KEY = "x-ayon-gql"
#: What the header says the file is.
SNAPSHOT_KIND = "ayon-gql openapi snapshot"
#: The file name of the snapshot beside the SDL snapshot and inside a generated package.
OPENAPI_NAME = "openapi.json"
#: Where a server serves its description (credentials needed on AYON).
OPENAPI_PATH = "/openapi.json"

#: Schema keywords that carry structure; everything else (prose, examples) is left out.
_STRUCTURAL = frozenset(
    {
        "$ref",
        "additionalProperties",
        "allOf",
        "anyOf",
        "const",
        "default",
        "deprecated",
        "enum",
        "exclusiveMaximum",
        "exclusiveMinimum",
        "format",
        "items",
        "maxItems",
        "maxLength",
        "maximum",
        "minItems",
        "minLength",
        "minimum",
        "nullable",
        "oneOf",
        "pattern",
        "properties",
        "required",
        "type",
    }
)
_REF_PREFIX = "#/components/schemas/"
#: The model kinds per entity type, as AYON names them.
MODEL_SUFFIXES = ("PostModel", "PatchModel", "AttribModel")


def entity_prefix(entity_type: str) -> str:
    """``Folder`` for ``folder``: how AYON's model names start."""
    return entity_type[:1].upper() + entity_type[1:]


def root_model_names() -> list[str]:
    """The component schemas every snapshot must hold (``FolderPostModel``, ...)."""
    return [entity_prefix(e) + suffix for e in ENTITY_TYPES for suffix in MODEL_SUFFIXES]


def structural_schema(node: Any) -> Any:
    """A schema node with only its structural keywords (``properties`` keep every name)."""
    return _structural(node)


def _structural(node: Any) -> Any:
    if isinstance(node, list):
        return [_structural(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key not in _STRUCTURAL:
            continue
        if key == "properties" and isinstance(value, dict):
            out[key] = {name: _structural(prop) for name, prop in value.items()}
        elif key in ("items", "additionalProperties", "allOf", "anyOf", "oneOf"):
            out[key] = _structural(value)
        else:
            out[key] = value
    return out


def references(node: Any) -> Iterable[str]:
    """The component names a schema node refers to (``$ref``), depth first."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_REF_PREFIX):
            yield ref[len(_REF_PREFIX) :]
        for value in node.values():
            yield from references(value)
    elif isinstance(node, list):
        for item in node:
            yield from references(item)


def component_schemas(document: Any, source: str) -> dict[str, Any]:
    """``components.schemas`` of an OpenAPI document or snapshot (an error naming ``source``)."""
    schemas = document.get("components", {}).get("schemas") if isinstance(document, dict) else None
    if not isinstance(schemas, dict):
        raise SchemaSourceError(
            f"cannot read {source}: not an OpenAPI document (no components.schemas object)"
        )
    return schemas


def write_schemas(document: Mapping[str, Any], source: str) -> dict[str, Any]:
    """The write models' schemas (and what they refer to), structure only, by name."""
    schemas = component_schemas(document, source)
    missing = [name for name in root_model_names() if not isinstance(schemas.get(name), dict)]
    if missing:
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        named = ", ".join(missing[:3]) + more
        raise SchemaSourceError(
            f"cannot read {source}: it has no {named} (an AYON server's openapi.json "
            "describes the write models)"
        )
    kept: dict[str, Any] = {}
    pending = list(root_model_names())
    while pending:
        name = pending.pop(0)
        if name in kept:
            continue
        schema = schemas.get(name)
        if not isinstance(schema, dict):
            raise SchemaSourceError(f"cannot read {source}: {name} is referred to but missing")
        kept[name] = _structural(schema)
        pending.extend(references(kept[name]))
    return {name: kept[name] for name in sorted(kept)}


def server_version_of(document: Mapping[str, Any]) -> str | None:
    """The server version an OpenAPI document or snapshot names."""
    header = document.get(HEADER_KEY)
    if isinstance(header, dict) and isinstance(header.get("server"), str):
        return str(header["server"])
    info = document.get("info")
    version = info.get("version") if isinstance(info, dict) else None
    return str(version) if isinstance(version, str) and version else None


@dataclass(frozen=True)
class OpenApiSnapshot:
    """A server's operations and schemas, structure only, with where they came from."""

    #: The write models' component schemas by name (``VersionPostModel``, ...).
    schemas: Mapping[str, Any]
    server_version: str | None
    source: str
    #: The day it was pulled (``YYYY-MM-DD``), as the header says.
    pulled: str
    #: Every operation by path and method (empty for a snapshot of write models only).
    paths: Mapping[str, Any] = field(default_factory=dict)
    #: Every component schema by name (None: the write models' only).
    components: Mapping[str, Any] | None = None

    def text(self) -> str:
        """The snapshot file's JSON text: header first, paths and schemas sorted."""
        document: dict[str, Any] = {
            HEADER_KEY: {
                "snapshot": SNAPSHOT_KIND,
                "server": self.server_version or "unknown version",
                "pulled": self.pulled,
                "regenerate": "ayon-gql schema pull; do not edit by hand",
            },
        }
        if self.paths:
            document["openapi"] = "3.1.0"
            document["paths"] = dict(self.paths)
        schemas = self.components if self.components is not None else self.schemas
        document["components"] = {"schemas": dict(schemas)}
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    def write(self, path: str | Path) -> Path:
        """Write the snapshot, creating parent folders; returns the path."""
        return write_snapshot_text(path, self.text())


def write_snapshot_text(path: str | Path, text: str) -> Path:
    """Write a snapshot's text, creating parent folders; returns the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def derive_snapshot(
    document: Mapping[str, Any],
    *,
    source: str,
    server_version: str | None = None,
    date: _dt.date | None = None,
) -> OpenApiSnapshot:
    """The snapshot of a server's OpenAPI document (or of an earlier snapshot)."""
    from ayon_gql.schema._api_document import structural_components, structural_paths

    paths = structural_paths(document)
    return OpenApiSnapshot(
        schemas=write_schemas(document, source),
        server_version=server_version or server_version_of(document),
        source=source,
        pulled=(date or _dt.date.today()).isoformat(),
        paths=paths,
        components=structural_components(document) if paths else None,
    )


def read_json_document(path: str | Path) -> dict[str, Any]:
    """A JSON object from a file (a :class:`SchemaSourceError` when it is not one)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise SchemaSourceError(f"cannot read {path}: {reason}") from None
    try:
        loaded = json.loads(text)
    except ValueError as exc:
        raise SchemaSourceError(f"cannot read {path}: not valid JSON: {exc}") from None
    if not isinstance(loaded, dict):
        raise SchemaSourceError(f"cannot read {path}: expected a JSON object")
    return loaded


def is_openapi_document(document: Mapping[str, Any]) -> bool:
    """Whether a loaded JSON object is an OpenAPI document or a write-model snapshot."""
    return HEADER_KEY in document or "openapi" in document


def load_openapi_snapshot(path: str | Path) -> OpenApiSnapshot:
    """Read a snapshot (or a server's whole ``openapi.json``) from a file."""
    document = read_json_document(path)
    header = document.get(HEADER_KEY)
    pulled = header.get("pulled") if isinstance(header, dict) else None
    snapshot = derive_snapshot(document, source=str(path))
    if isinstance(pulled, str):
        snapshot = dataclasses.replace(snapshot, pulled=pulled)
    return snapshot


def fetch_openapi(connection: Connection) -> dict[str, Any]:
    """``GET /openapi.json`` through an authenticated connection."""
    response = connection.request("GET", OPENAPI_PATH, operation="openapi")
    try:
        loaded = response.json()
    except ValueError:
        raise SchemaSourceError(
            f"cannot read {connection.base_url}{OPENAPI_PATH}: the answer is not JSON"
        ) from None
    if not isinstance(loaded, dict):
        raise SchemaSourceError(
            f"cannot read {connection.base_url}{OPENAPI_PATH}: expected a JSON object"
        )
    return loaded


def pull_openapi(
    *,
    connection: Connection | None = None,
    from_file: str | Path | None = None,
    server_version: str | None = None,
    date: _dt.date | None = None,
) -> OpenApiSnapshot:
    """Build a write-model snapshot from a live server or a saved ``openapi.json``."""
    if (connection is None) == (from_file is None):
        raise ValueError("pass exactly one of connection= or from_file=")
    if from_file is not None:
        document = read_json_document(from_file)
        source = str(from_file)
    else:
        assert connection is not None
        document = fetch_openapi(connection)
        source = connection.base_url + OPENAPI_PATH
    return derive_snapshot(document, source=source, server_version=server_version, date=date)


def load_write_models(
    source: str | Path, *, api_key: str | None = None, timeout: float | None = None
) -> OpenApiSnapshot:
    """A write-model snapshot from a file or, for a URL, from that server's ``/openapi.json``."""
    if not str(source).startswith(("http://", "https://")):
        return load_openapi_snapshot(source)
    from ayon_gql._connection import Connection
    from ayon_gql._connection_settings import ConnectionSettings
    from ayon_gql._errors import AyonError

    url = str(source)
    try:
        connection = Connection(
            ConnectionSettings.from_env(base_url=url, api_key=api_key, timeout=timeout)
        )
        try:
            return pull_openapi(connection=connection)
        finally:
            connection.close()
    except SchemaSourceError:
        raise
    except AyonError as exc:
        raise SchemaSourceError(f"cannot read {url}{OPENAPI_PATH}: {exc}") from exc
