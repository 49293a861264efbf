"""Turn a server's introspection answer into a deterministic SDL snapshot.

The snapshot is what the project commits and what code generation and local
validation read.  Types and fields are sorted so that two pulls of the same
server give the same file, and descriptions are left out unless asked for, so
the snapshot carries the server's structure and not its prose.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphql import (
    GraphQLError,
    build_client_schema,
    get_introspection_query,
    lexicographic_sort_schema,
    print_schema,
)

from ayon_gql._errors import SchemaSourceError

if TYPE_CHECKING:
    from ayon_gql._connection import Connection

HEADER_PREFIX = "# ayon-gql schema snapshot"


@dataclass(frozen=True)
class SchemaSnapshot:
    """An SDL text with where it came from."""

    sdl: str
    server_version: str | None
    source: str

    def write(self, path: str | Path) -> Path:
        """Write the snapshot, creating parent folders; returns the path."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.sdl, encoding="utf-8")
        return target


def _strip_descriptions(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: (None if key == "description" else _strip_descriptions(item))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_strip_descriptions(item) for item in value]
    return value


def _schema_part(introspection: dict[str, Any]) -> dict[str, Any]:
    """Accept both ``{"data": {"__schema": ...}}`` and ``{"__schema": ...}``."""
    if "data" in introspection and isinstance(introspection["data"], dict):
        introspection = introspection["data"]
    if "__schema" not in introspection:
        raise ValueError("not an introspection result: no '__schema' key")
    return introspection


def introspection_to_sdl(
    introspection: dict[str, Any],
    *,
    descriptions: bool = False,
    server_version: str | None = None,
    date: _dt.date | None = None,
) -> str:
    """Print an introspection result as sorted SDL with a provenance header."""
    data = _schema_part(introspection)
    if not descriptions:
        data = _strip_descriptions(data)
    schema = lexicographic_sort_schema(build_client_schema(data))  # type: ignore[arg-type]
    day = (date or _dt.date.today()).isoformat()
    header = [
        f"{HEADER_PREFIX}: AYON server {server_version or 'unknown version'}, pulled {day}.",
        "# Regenerate with `ayon-gql schema pull`; do not edit by hand.",
    ]
    return "\n".join(header) + "\n\n" + print_schema(schema) + "\n"


def load_introspection_file(path: str | Path) -> dict[str, Any]:
    """Read a saved introspection JSON file (a :class:`SchemaSourceError` when it is not one)."""
    from ayon_gql.schema._source import read_schema_file

    text = read_schema_file(path)
    try:
        loaded = json.loads(text)
    except ValueError as exc:
        raise SchemaSourceError(f"cannot read schema {path}: not valid JSON: {exc}") from None
    if not isinstance(loaded, dict):
        raise SchemaSourceError(f"cannot read schema {path}: expected a JSON object")
    try:
        return _schema_part(loaded)
    except ValueError as exc:
        raise SchemaSourceError(f"cannot read schema {path}: {exc}") from None


def fetch_introspection(connection: Connection) -> dict[str, Any]:
    """Run the standard introspection query through an authenticated connection."""
    query = get_introspection_query(descriptions=True)
    return connection.graphql(query, operation_name="IntrospectionQuery")


def _sibling_server_version(path: Path) -> str | None:
    """Saved introspections may sit next to the server's ``info.json``."""
    info = path.with_name("info.json")
    if not info.is_file():
        return None
    try:
        version = json.loads(info.read_text(encoding="utf-8")).get("version")
    except (ValueError, AttributeError):
        return None
    return str(version) if version else None


def pull_schema(
    *,
    connection: Connection | None = None,
    from_file: str | Path | None = None,
    descriptions: bool = False,
    server_version: str | None = None,
    date: _dt.date | None = None,
) -> SchemaSnapshot:
    """Build a snapshot from a live server (``connection``) or a saved file."""
    if (connection is None) == (from_file is None):
        raise ValueError("pass exactly one of connection= or from_file=")
    if from_file is not None:
        path = Path(from_file)
        introspection = load_introspection_file(path)
        version = server_version or _sibling_server_version(path)
        source = str(path)
    else:
        assert connection is not None
        introspection = fetch_introspection(connection)
        version = server_version or connection.server_version()
        source = connection.base_url
    try:
        sdl = introspection_to_sdl(
            introspection, descriptions=descriptions, server_version=version, date=date
        )
    except (GraphQLError, TypeError, ValueError) as exc:
        message = " ".join(str(exc).split())
        raise SchemaSourceError(
            f"cannot read schema {source}: not a valid introspection result: {message}"
        ) from None
    return SchemaSnapshot(sdl=sdl, server_version=version, source=source)
