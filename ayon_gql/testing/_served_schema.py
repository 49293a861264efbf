"""The served schema: any AYON schema (SDL or introspection JSON), with the
stand-in's resolvers attached.

Nothing here assumes the stock schema: resolvers are attached where the served
schema has the field, every other field reads the node dict (falling back to a
neutral value for non-null fields the dataset does not store: ``False``,
``""``, ``0``, ``[]``), and the attributes come from the schema's
``*AttribType`` objects, so a studio's own attributes are served like the
built-in ones.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, cast

from graphql import (
    GraphQLEnumType,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    GraphQLSchema,
    IntrospectionQuery,
    build_client_schema,
    build_schema,
)

from ayon_gql._errors import AyonError, InvalidInputError
from ayon_gql.testing import (
    _resolve_connections,
    _resolve_events,
    _resolve_fields,
    _resolve_links,
    _resolve_lists,
    _resolve_root,
)
from ayon_gql.testing._attributes import ENUM_KIND_PREFIX, AttributeTypes
from ayon_gql.testing._nodes import Node, json_text
from ayon_gql.testing._paging import edge_cursor, empty_connection
from ayon_gql.testing._resolver_context import Resolver

#: The package and file of the stock schema snapshot shipped with ayon-gql.
BUNDLED_PACKAGE = "ayon_gql_generated"
BUNDLED_SNAPSHOT = "ayon.graphql"


def _bundled_location() -> Path:
    try:
        return Path(str(resources.files(BUNDLED_PACKAGE) / BUNDLED_SNAPSHOT))
    except ModuleNotFoundError:
        return Path(BUNDLED_PACKAGE) / BUNDLED_SNAPSHOT


#: Where the stock schema snapshot is installed (``ayon_gql_generated/ayon.graphql``).
DEFAULT_SCHEMA_PATH = _bundled_location()


def default_schema_path() -> Path:
    """The stock snapshot shipped in the generated package; an error when it is missing."""
    path = _bundled_location()
    if not path.is_file():
        raise AyonError(
            f"the stock schema snapshot {BUNDLED_PACKAGE}/{BUNDLED_SNAPSHOT} is missing "
            f"(looked at {path}); reinstall ayon-gql"
        )
    return path


def _neutral(type_: Any) -> Any:
    if not isinstance(type_, GraphQLNonNull):
        return None
    inner = type_.of_type
    if isinstance(inner, GraphQLList):
        return []
    if isinstance(inner, GraphQLScalarType):
        return {"Boolean": False, "String": "", "Int": 0, "Float": 0.0, "ID": ""}.get(inner.name)
    return None


def _default_resolver(defaults: dict[str, Any]) -> Resolver:
    """Read ``source[field]``; fall back to the field's neutral value."""

    def resolve(source: Any, info: GraphQLResolveInfo, **_: Any) -> Any:
        if isinstance(source, dict):
            try:
                return source[info.field_name]
            except KeyError:
                return defaults.get(info.field_name)
        return getattr(source, info.field_name, None)

    resolve.plain_key_lookup = defaults  # type: ignore[attr-defined]  # see _execution
    return resolve


def _serialize_datetime(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat(timespec="microseconds")
    return str(value)


def _all_attrib(declared: frozenset[str]) -> Resolver:
    """``allAttrib``: the JSON text of exactly the values ``attrib`` resolves (nulls left out)."""

    def resolve(source: Node, info: GraphQLResolveInfo) -> str:
        attrib = source.get("attrib") or {}
        return json_text({k: v for k, v in attrib.items() if v is not None and k in declared})

    return resolve


def _attrib_type(node_type: GraphQLObjectType) -> GraphQLObjectType | None:
    field = node_type.fields.get("attrib")
    if field is None:
        return None
    kind = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
    return kind if isinstance(kind, GraphQLObjectType) else None


def _attribute_kind(type_: Any) -> str:
    """The AYON attribute type (``/api/attributes``) of an ``*AttribType`` field's type.

    A GraphQL enum is a string attribute limited to its values, written
    ``enum:A|B|C`` so that values can be drawn from them."""
    kind = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(kind, GraphQLList):
        item = kind.of_type.of_type if isinstance(kind.of_type, GraphQLNonNull) else kind.of_type
        lists = {"String": "list_of_strings", "Int": "list_of_integers", "Float": "list_of_numbers"}
        return lists.get(getattr(item, "name", ""), "list_of_any")
    if isinstance(kind, GraphQLEnumType):
        return ENUM_KIND_PREFIX + "|".join(kind.values)
    scalars = {
        "String": "string",
        "Int": "integer",
        "Float": "float",
        "Boolean": "boolean",
        "DateTime": "datetime",
        "JSON": "dict",
    }
    return scalars.get(getattr(kind, "name", ""), "string")


def declared_attributes(schema: GraphQLSchema) -> AttributeTypes:
    """Scope (``folder``, ``version``, ...) -> attribute name -> AYON type, from the schema.

    The scope of ``FolderNode.attrib: FolderAttribType`` is ``folder``, and so on
    for every ``*Node`` type with an ``attrib`` object.
    """
    declared: dict[str, dict[str, str]] = {}
    for name, type_ in sorted(schema.type_map.items()):
        if not isinstance(type_, GraphQLObjectType) or not name.endswith("Node"):
            continue
        attrib = _attrib_type(type_)
        if attrib is None:
            continue
        scope = name[0].lower() + name[1:-4]
        declared[scope] = {field: _attribute_kind(f.type) for field, f in attrib.fields.items()}
    return declared


def attach_resolvers(schema: GraphQLSchema) -> GraphQLSchema:
    """Attach the stand-in's resolvers to a schema built from a snapshot."""
    dt = schema.type_map.get("DateTime")
    if isinstance(dt, GraphQLScalarType):
        dt.serialize = _serialize_datetime  # type: ignore[method-assign]
    js = schema.type_map.get("JSON")
    if isinstance(js, GraphQLScalarType):
        js.serialize = lambda value: value  # type: ignore[method-assign]

    for type_ in schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        defaults = {name: _neutral(f.type) for name, f in type_.fields.items()}
        defaults["active"] = True if "active" in defaults else None
        default = _default_resolver(defaults)
        for f in type_.fields.values():
            f.resolve = default
            inner = f.type.of_type if isinstance(f.type, GraphQLNonNull) else f.type
            if isinstance(inner, GraphQLObjectType) and inner.name.endswith("Connection"):
                f.resolve = empty_connection
        if type_.name.endswith("Edge") and "cursor" in type_.fields:
            type_.fields["cursor"].resolve = edge_cursor
        attrib = _attrib_type(type_)
        if attrib is not None and "allAttrib" in type_.fields:
            type_.fields["allAttrib"].resolve = _all_attrib(frozenset(attrib.fields))

    for table in (
        _resolve_root.RESOLVERS,
        _resolve_connections.RESOLVERS,
        _resolve_links.RESOLVERS,
        _resolve_fields.RESOLVERS,
        _resolve_events.RESOLVERS,
        _resolve_lists.RESOLVERS,
    ):
        for (type_name, field_name), fn in table.items():
            found = schema.type_map.get(type_name)
            if isinstance(found, GraphQLObjectType) and field_name in found.fields:
                found.fields[field_name].resolve = fn
    return schema


def _schema_from_text(text: str, path: Path) -> GraphQLSchema:
    if text.lstrip().startswith("{"):
        try:
            loaded = json.loads(text)
        except ValueError as exc:
            raise InvalidInputError(f"{path}: not valid JSON: {exc}") from None
        data = loaded.get("data", loaded) if isinstance(loaded, Mapping) else None
        if not isinstance(data, Mapping) or "__schema" not in data:
            raise InvalidInputError(f"{path}: JSON but not an introspection result (no __schema)")
        try:
            return build_client_schema(cast("IntrospectionQuery", data))
        except (TypeError, ValueError, GraphQLError) as exc:
            raise InvalidInputError(f"{path}: not a usable introspection result: {exc}") from None
    try:
        return build_schema(text)
    except (GraphQLError, TypeError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InvalidInputError(f"{path}: not a GraphQL schema: {message}") from None


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, mtime_ns: int) -> GraphQLSchema:
    text = Path(path).read_text(encoding="utf-8")
    return attach_resolvers(_schema_from_text(text, Path(path)))


def load_snapshot_schema(path: str | Path | None = None) -> GraphQLSchema:
    """A schema (SDL or introspection JSON file) with the stand-in's resolvers attached.

    ``path`` defaults to the stock snapshot shipped with ayon-gql.  Schemas are
    cached per file and modification time; the returned object is shared.
    """
    target = Path(path) if path is not None else default_schema_path()
    if not target.is_file():
        raise InvalidInputError(f"schema file not found: {target}")
    resolved = target.resolve()
    return _load_cached(str(resolved), resolved.stat().st_mtime_ns)
