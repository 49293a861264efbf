"""How the write models' JSON schemas read as Python: names, types, literals.

Shared by code generation (``write_models``) and the write-model diff, so a
change is reported exactly when the generated annotation changes.  The
JSON-schema subset AYON uses is small (string, integer, number, boolean,
array, object, ``$ref``/``allOf``, ``enum``, ``pattern``, ``format:
date-time`` and bounds), so it is translated directly; anything outside it
is ``Any`` rather than a guess.  Annotations use the private aliases the
generated module imports (``_t`` typing, ``_pd`` pydantic, ``_dt`` datetime),
so no field name can shadow a type.
"""

from __future__ import annotations

import json
import keyword
import re
from collections.abc import Mapping
from typing import Any

from ayon_gql._write_models import EntityCreate, EntityUpdate

_REF_PREFIX = "#/components/schemas/"
#: AYON's model suffixes and the generated class suffixes.
KIND_NAMES = {"PostModel": "Create", "PatchModel": "Update", "AttribModel": "Attrib"}
_RESERVED = frozenset(
    name for base in (EntityCreate, EntityUpdate) for name in dir(base) if not name.startswith("__")
) | {"entity_type"}
#: Builtins the annotations use: a field named like one would shadow it in the class body.
_RESERVED |= {"bool", "dict", "float", "int", "list", "str"}
_WORD_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NUMERIC_BOUNDS = {
    "minimum": "ge",
    "maximum": "le",
    "exclusiveMinimum": "gt",
    "exclusiveMaximum": "lt",
}
_STRING_BOUNDS = {"pattern": "pattern", "minLength": "min_length", "maxLength": "max_length"}
_LIST_BOUNDS = {"minItems": "min_length", "maxItems": "max_length"}
#: Keywords that constrain a value without changing its type.
CONSTRAINTS = frozenset({*_NUMERIC_BOUNDS, *_STRING_BOUNDS, *_LIST_BOUNDS})
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
    for suffix, kind in KIND_NAMES.items():
        if schema_name.endswith(suffix):
            return schema_name[: -len(suffix)] + kind
    stem = schema_name[: -len("Model")] if schema_name.endswith("Model") else schema_name
    return re.sub(r"\W", "_", stem)


def ref_name(node: Mapping[str, Any]) -> str | None:
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
    if node.get("nullable") is True:  # OpenAPI 3.0's spelling of "or null"
        inner = {key: value for key, value in node.items() if key != "nullable"}
        return union([annotation(inner, names), "None"])
    ref = ref_name(node)
    if ref is not None:
        return names.get(ref, "_t.Any")
    for key in ("anyOf", "oneOf"):
        members = node.get(key)
        if isinstance(members, list) and members:
            return union([annotation(member, names) for member in members])
    if isinstance(node.get("enum"), list) and node["enum"]:
        return "_t.Literal[" + ", ".join(literal(value) for value in node["enum"]) + "]"
    kind = node.get("type")
    if isinstance(kind, list):
        return union([annotation({**node, "type": one}, names) for one in kind])
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


def union(members: list[str]) -> str:
    unique = list(dict.fromkeys(members))
    if "_t.Any" in unique:
        return "_t.Any"
    return " | ".join(unique)
