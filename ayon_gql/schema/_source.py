"""Read a schema from wherever it is: an SDL file, an introspection JSON file or a server.

One loader for every command that takes a schema (``check``, ``schema diff``,
``query``), so they all accept the same three kinds of source and fail the
same way: a :class:`~ayon_gql.SchemaSourceError` with a one-line message
naming the source, never a raw ``OSError`` or a multi-line graphql-core
excerpt.  A schema that builds but is not valid (no ``Query`` type, a field
of an unknown type) is refused here too, rather than when an operation is
first validated against it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from graphql import GraphQLError, GraphQLSchema, build_client_schema, build_schema, validate_schema

from ayon_gql._errors import AyonError, SchemaSourceError

if TYPE_CHECKING:
    from graphql import IntrospectionQuery


def is_url(source: str | Path) -> bool:
    """Whether a schema source names a server rather than a file."""
    return isinstance(source, str) and source.startswith(("http://", "https://"))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _graphql_error(error: GraphQLError, name: str) -> str:
    if error.locations:
        first = error.locations[0]
        return f"cannot read schema {name}:{first.line}:{first.column}: {_one_line(error.message)}"
    return f"cannot read schema {name}: {_one_line(error.message)}"


def _introspection(loaded: Any, name: str) -> dict[str, Any]:
    """The ``__schema`` part of an introspection answer, with or without ``data``."""
    if isinstance(loaded, dict) and isinstance(loaded.get("data"), dict):
        loaded = loaded["data"]
    if not isinstance(loaded, dict) or not isinstance(loaded.get("__schema"), dict):
        raise SchemaSourceError(
            f"cannot read schema {name}: not an introspection result (no '__schema' object)"
        )
    return loaded


def _checked(schema: GraphQLSchema, name: str) -> GraphQLSchema:
    errors = validate_schema(schema)
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise SchemaSourceError(
            f"cannot read schema {name}: invalid schema: {_one_line(errors[0].message)}{more}"
        )
    return schema


def schema_from_text(text: str, name: str = "<schema>") -> GraphQLSchema:
    """A schema from SDL or from introspection JSON text (``name`` is used in errors)."""
    try:
        if text.lstrip().startswith("{"):
            try:
                loaded = json.loads(text)
            except ValueError as exc:
                raise SchemaSourceError(
                    f"cannot read schema {name}: not valid JSON: {exc}"
                ) from None
            introspection = _introspection(loaded, name)
            schema = build_client_schema(cast("IntrospectionQuery", introspection))
        else:
            schema = build_schema(text)
    except GraphQLError as exc:
        raise SchemaSourceError(_graphql_error(exc, name)) from None
    except (TypeError, ValueError, KeyError) as exc:
        if isinstance(exc, SchemaSourceError):
            raise
        raise SchemaSourceError(
            f"cannot read schema {name}: not a valid schema: {_one_line(str(exc))}"
        ) from None
    return _checked(schema, name)


def read_schema_file(path: str | Path) -> str:
    """The text of a schema file; a :class:`SchemaSourceError` when it cannot be read."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SchemaSourceError(f"cannot read schema {path}: file not found") from None
    except UnicodeDecodeError:
        raise SchemaSourceError(
            f"cannot read schema {path}: not a text file (expected SDL or JSON)"
        ) from None
    except OSError as exc:
        raise SchemaSourceError(f"cannot read schema {path}: {exc.strerror or exc}") from None


def fetch_schema(url: str, *, api_key: str | None = None, timeout: float | None = None) -> Any:
    """A server's introspection answer, through our own connection (same auth as the client)."""
    from ayon_gql._connection import Connection
    from ayon_gql._connection_settings import ConnectionSettings
    from ayon_gql.schema._pull import fetch_introspection

    try:
        connection = Connection(
            ConnectionSettings.from_env(base_url=url, api_key=api_key, timeout=timeout)
        )
        try:
            return fetch_introspection(connection)
        finally:
            connection.close()
    except AyonError as exc:
        raise SchemaSourceError(f"cannot read schema {url}: {exc}") from exc


def load_schema(
    source: str | Path,
    *,
    api_key: str | None = None,
    timeout: float | None = None,
) -> GraphQLSchema:
    """A schema from an SDL file, an introspection JSON file or a server URL.

    For a URL the server is introspected through our connection, with
    ``api_key`` (or ``AYON_API_KEY``).  Raises :class:`SchemaSourceError`
    when the source cannot be read or is not a valid schema.
    """
    if is_url(source):
        url = str(source)
        introspection = _introspection(fetch_schema(url, api_key=api_key, timeout=timeout), url)
        try:
            schema = build_client_schema(cast("IntrospectionQuery", introspection))
        except (GraphQLError, TypeError, ValueError, KeyError) as exc:
            raise SchemaSourceError(
                f"cannot read schema {url}: not a valid schema: {_one_line(str(exc))}"
            ) from None
        return _checked(schema, url)
    return schema_from_text(read_schema_file(source), str(source))
