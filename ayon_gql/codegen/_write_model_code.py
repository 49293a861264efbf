"""The ``write_models`` module of a generated package, written from a write-model snapshot.

For each entity type the server's ``<Type>PostModel``, ``<Type>PatchModel``
and ``<Type>AttribModel`` become ``<Type>Create``, ``<Type>Update`` and
``<Type>Attrib``; other schemas they refer to (``RepresentationFileModel``)
become models named without the ``Model`` suffix.  Python names are
snake_case; the server's spelling is each field's validation and
serialization alias, so type checkers see ``product_id=`` in ``__init__``
while the wire says ``productId``.

The JSON-schema subset AYON uses is small (string, integer, number,
boolean, array, object, ``$ref``/``allOf``, ``enum``, ``pattern``,
``format: date-time`` and numeric bounds), so it is translated here directly
rather than through a general OpenAPI generator; anything outside it is
typed ``Any`` rather than guessed.  Names are imported under private
aliases (``_t``, ``_pd``, ``_dt``) so no field name can shadow a type.
"""

from __future__ import annotations

import json
import keyword
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ayon_gql._errors import GenerationError
from ayon_gql._write_models import ENTITY_TYPES, EntityCreate, EntityUpdate
from ayon_gql.schema._openapi import OpenApiSnapshot, entity_prefix, references

_REF_PREFIX = "#/components/schemas/"
_KIND_NAMES = {"PostModel": "Create", "PatchModel": "Update", "AttribModel": "Attrib"}
_BASES = {"Create": "_EntityCreate", "Update": "_EntityUpdate", "Attrib": "_WriteModel"}
_VERBS = {"Create": "Create", "Update": "Update", "Attrib": "Attributes of"}
_RESERVED = frozenset(
    name
    for base in (EntityCreate, EntityUpdate)
    for name in dir(base)
    if not name.startswith("__")
) | {"entity_type"}
_WORD_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NUMERIC_BOUNDS = {
    "minimum": "ge",
    "maximum": "le",
    "exclusiveMinimum": "gt",
    "exclusiveMaximum": "lt",
}
_STRING_BOUNDS = {"pattern": "pattern", "minLength": "min_length", "maxLength": "max_length"}
_LIST_BOUNDS = {"minItems": "min_length", "maxItems": "max_length"}
_LINE_LENGTH = 100
_SCALARS = {"integer": "int", "number": "float", "boolean": "bool", "null": "None"}


def python_name(wire: str) -> str:
    """The snake_case attribute name for a wire name (``frameStart`` -> ``frame_start``)."""
    name = _WORD_BREAK.sub("_", wire).lower()
    name = re.sub(r"\W", "_", name).strip("_") or "field"
    if name[0].isdigit():
        name = "f_" + name
    if name.startswith("model_"):  # pydantic's own namespace
        name = "attr_" + name
    if keyword.iskeyword(name) or name in _RESERVED:
        name += "_"
    return name


def class_name(schema_name: str) -> str:
    """``VersionPostModel`` -> ``VersionCreate``; other ``XModel`` -> ``X``."""
    for suffix, kind in _KIND_NAMES.items():
        if schema_name.endswith(suffix):
            return schema_name[: -len(suffix)] + kind
    stem = schema_name[: -len("Model")] if schema_name.endswith("Model") else schema_name
    return re.sub(r"\W", "_", stem)


def _ref_name(node: Mapping[str, Any]) -> str | None:
    """The component a node is (``$ref``, or ``allOf`` of one ``$ref``)."""
    ref = node.get("$ref")
    if ref is None and isinstance(node.get("allOf"), list) and len(node["allOf"]) == 1:
        ref = node["allOf"][0].get("$ref") if isinstance(node["allOf"][0], dict) else None
    if isinstance(ref, str) and ref.startswith(_REF_PREFIX):
        return ref[len(_REF_PREFIX) :]
    return None


def literal(value: Any) -> str:
    """A Python literal for a JSON value: strings double-quoted, like the rest of the code."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


def _constrained(base: str, node: Mapping[str, Any], bounds: Mapping[str, str]) -> str:
    arguments = [
        f"{ours}={literal(node[theirs])}" for theirs, ours in bounds.items() if theirs in node
    ]
    if not arguments:
        return base
    return f"_t.Annotated[{base}, _pd.Field({', '.join(arguments)})]"


def annotation(node: Any, names: Mapping[str, str]) -> str:
    """The Python type of a JSON-schema node; ``names`` maps component names to classes."""
    if not isinstance(node, dict):
        return "_t.Any"
    ref = _ref_name(node)
    if ref is not None:
        return names.get(ref, "_t.Any")
    for key in ("anyOf", "oneOf"):
        members = node.get(key)
        if isinstance(members, list) and members:
            return _union([annotation(member, names) for member in members])
    if isinstance(node.get("enum"), list) and node["enum"]:
        return "_t.Literal[" + ", ".join(literal(value) for value in node["enum"]) + "]"
    kind = node.get("type")
    if isinstance(kind, list):
        return _union([annotation({**node, "type": one}, names) for one in kind])
    if kind == "string":
        fmt = node.get("format")
        if fmt == "date-time":
            return "_dt.datetime"
        if fmt == "date":
            return "_dt.date"
        return _constrained("str", node, _STRING_BOUNDS)
    if kind in ("integer", "number"):
        return _constrained(_SCALARS[kind], node, _NUMERIC_BOUNDS)
    if kind in _SCALARS:
        return _SCALARS[kind]
    if kind == "array":
        return _constrained(f"list[{annotation(node.get('items'), names)}]", node, _LIST_BOUNDS)
    if kind == "object":
        extra = node.get("additionalProperties")
        value = annotation(extra, names) if isinstance(extra, dict) else "_t.Any"
        return f"dict[str, {value}]"
    return "_t.Any"


def _union(members: list[str]) -> str:
    unique = list(dict.fromkeys(members))
    if "_t.Any" in unique:
        return "_t.Any"
    return " | ".join(unique)


@dataclass(frozen=True)
class _Field:
    name: str
    wire: str
    type_: str
    default: str | None  # None: required


def _default_literal(value: Any) -> str | None:
    if isinstance(value, (bool, int, float, str)):
        return literal(value)
    return None


def _fields(schema_name: str, schema: Mapping[str, Any], names: Mapping[str, str]) -> list[_Field]:
    properties = schema.get("properties") or {}
    required = set(schema.get("required") or [])
    fields: list[_Field] = []
    seen: dict[str, str] = {}
    for wire, node in properties.items():
        name = python_name(wire)
        if name in seen:
            raise GenerationError(
                f"openapi snapshot: {schema_name} has {seen[name]!r} and {wire!r}, "
                f"both {name!r} in Python; rename one on the server"
            )
        seen[name] = wire
        type_ = annotation(node, names)
        if wire in required:
            fields.append(_Field(name, wire, type_, None))
            continue
        default = _default_literal(node.get("default")) if isinstance(node, dict) else None
        if default is None:
            fields.append(_Field(name, wire, _union([type_, "None"]), "None"))
        else:
            fields.append(_Field(name, wire, type_, default))
    return fields


def _field_line(field: _Field) -> str:
    arguments = [] if field.default is None else [f"default={field.default}"]
    if field.name != field.wire:
        wire = literal(field.wire)
        arguments += [f"validation_alias={wire}", f"serialization_alias={wire}"]
    head = f"    {field.name}: {field.type_}"
    if not arguments:
        return head
    if arguments == [f"default={field.default}"]:
        return f"{head} = {field.default}"
    line = f"{head} = _pd.Field({', '.join(arguments)})"
    if len(line) <= _LINE_LENGTH:
        return line
    return f"{head} = _pd.Field(\n" + "".join(f"        {a},\n" for a in arguments) + "    )"


def _docstring(schema_name: str, cls: str) -> str:
    for suffix, kind in _KIND_NAMES.items():
        entity = schema_name[: -len(suffix)]
        if schema_name.endswith(suffix) and entity.lower() in ENTITY_TYPES:
            return f"{_VERBS[kind]} a {entity.lower()} (the server's ``{schema_name}``)."
    return f"The server's ``{schema_name}``."


def _class_code(schema_name: str, schema: Mapping[str, Any], names: Mapping[str, str]) -> str:
    cls = names[schema_name]
    kind = next(
        (k for suffix, k in _KIND_NAMES.items() if schema_name.endswith(suffix)), "Attrib"
    )
    lines = [f"class {cls}({_BASES[kind]}):", f'    """{_docstring(schema_name, cls)}"""', ""]
    if kind in ("Create", "Update"):
        entity_type = next(e for e in ENTITY_TYPES if cls == entity_prefix(e) + kind)
        lines += [f"    entity_type: _t.ClassVar[_EntityType] = {entity_type!r}", ""]
    lines += [_field_line(field) for field in _fields(schema_name, schema, names)]
    return "\n".join(lines).rstrip() + "\n"


def _order(schemas: Mapping[str, Any]) -> list[str]:
    """Every schema after the ones it refers to; entity models in entity order."""
    roots = [
        entity_prefix(e) + suffix
        for e in ENTITY_TYPES
        for suffix in ("AttribModel", "PostModel", "PatchModel")
    ]
    ordered: list[str] = []

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if name in ordered or name not in schemas:
            return
        if name in trail:
            raise GenerationError(f"openapi snapshot: {name} refers to itself")
        for ref in references(schemas[name]):
            visit(ref, (*trail, name))
        ordered.append(name)

    for name in [*roots, *sorted(schemas)]:
        visit(name, ())
    return ordered


def write_models_code(snapshot: OpenApiSnapshot) -> str:
    """The source of a package's ``write_models`` module."""
    schemas = snapshot.schemas
    order = _order(schemas)
    names = {name: class_name(name) for name in order}
    clashes = sorted({c for c in names.values() if list(names.values()).count(c) > 1})
    if clashes:
        raise GenerationError(f"openapi snapshot: two schemas make the class {clashes[0]}")
    server = snapshot.server_version or "unknown version"
    parts = [
        f'"""Typed create and update models for AYON {server}, from its openapi.json.\n'
        "\n"
        "Generated by ayon-gql from the write-model snapshot; do not edit.  Pass them\n"
        "to a write session (``client.operations(project)``); unknown fields and\n"
        'wrong types are refused before anything is sent.\n"""\n',
        "import datetime as _dt\n"
        "import typing as _t\n"
        "\n"
        "import pydantic as _pd\n"
        "\n"
        "from ayon_gql.client import EntityCreate as _EntityCreate\n"
        "from ayon_gql.client import EntityType as _EntityType\n"
        "from ayon_gql.client import EntityUpdate as _EntityUpdate\n"
        "from ayon_gql.client import WriteModel as _WriteModel\n",
        "__all__ = [\n" + "".join(f"    {literal(c)},\n" for c in sorted(names.values())) + "]\n",
    ]
    parts += [_class_code(name, schemas[name], names) for name in order]
    return "\n\n".join(parts[:2]) + "\n" + "\n\n".join(parts[2:])
