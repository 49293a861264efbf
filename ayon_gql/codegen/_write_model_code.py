"""The ``write_models`` module of a generated package, written from a write-model snapshot.

For each entity type the server's ``<Type>PostModel``, ``<Type>PatchModel``
and ``<Type>AttribModel`` become ``<Type>Create``, ``<Type>Update`` and
``<Type>Attrib``; other schemas they refer to (``RepresentationFileModel``)
become models named without the ``Model`` suffix.  Python names are
snake_case; the server's spelling is each field's validation and
serialization alias, so type checkers see ``product_id=`` in ``__init__``
while the wire says ``productId``.

Types and names come from :mod:`ayon_gql.schema._openapi_types`, which the
write-model diff reads too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ayon_gql._errors import GenerationError
from ayon_gql._write_models import ENTITY_TYPES
from ayon_gql.schema._openapi import OpenApiSnapshot, entity_prefix, references
from ayon_gql.schema._openapi_types import (
    KIND_NAMES,
    annotation,
    class_name,
    literal,
    python_name,
    union,
)

_BASES = {"Create": "_EntityCreate", "Update": "_EntityUpdate", "Attrib": "_WriteModel"}
_VERBS = {"Create": "Create", "Update": "Update", "Attrib": "Attributes of"}
_LINE_LENGTH = 100


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
            fields.append(_Field(name, wire, union([type_, "None"]), "None"))
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
    for suffix, kind in KIND_NAMES.items():
        entity = schema_name[: -len(suffix)]
        if schema_name.endswith(suffix) and entity.lower() in ENTITY_TYPES:
            return f"{_VERBS[kind]} a {entity.lower()} (the server's ``{schema_name}``)."
    return f"The server's ``{schema_name}``."


def _class_code(schema_name: str, schema: Mapping[str, Any], names: Mapping[str, str]) -> str:
    cls = names[schema_name]
    kind = next((k for suffix, k in KIND_NAMES.items() if schema_name.endswith(suffix)), "Attrib")
    lines = [f"class {cls}({_BASES[kind]}):", f'    """{_docstring(schema_name, cls)}"""', ""]
    if kind in ("Create", "Update"):
        entity_type = next(e for e in ENTITY_TYPES if cls == entity_prefix(e) + kind)
        lines += [f"    entity_type: _t.ClassVar[_EntityType] = {literal(entity_type)}", ""]
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
