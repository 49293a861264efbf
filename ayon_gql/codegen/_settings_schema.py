"""An addon's settings schema as plain JSON Schema, ready for datamodel-code-generator.

AYON builds settings schemas from pydantic (v1) models and adds its own keys.
This module decides, once, what each of them means for the generated model:

- ``scope``, ``layout``, ``section``, ``widget``, ``isgroup``, ``disabled``,
  ``tags``, ``placeholder``, ``requiredItems``, ``syntax``, ``enumLabels``
  and the colour hints shape the settings form only: dropped.
- An ``enum`` whose values come with ``enumLabels`` was filled by an
  ``enum_resolver`` or a ``SettingsField(enum=...)`` when the schema was asked
  for; the server stores any string there, so the field is a plain ``str``
  (lists of them ``list[str]``).  So is an ``enum`` whose own default is not
  one of its choices (the server could not hold such a default otherwise).
  Any other ``enum`` is a ``Literal`` the server checks.
- ``conditionalEnum`` marks the choice that picks which sibling fields the
  form shows; the server keeps every sibling whatever the choice, so the
  choice is typed by the rule above and every sibling is a field.
- ``widget: color`` with a ``colorFormat`` other than ``hex`` holds a list of
  numbers although the schema says ``string``.
- A field without a default is nullable unless it is a list or an object
  (pydantic leaves defaults made by a factory out of the schema).

``structure_only`` also drops titles and descriptions (what this repository
commits); a studio's own snapshot keeps them for docstrings.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["normalize_settings_schema", "structure_only"]

_TEXT_KEYS = ("title", "description", "examples", "example")
_KEEP = frozenset(
    {
        "type",
        "properties",
        "items",
        "$ref",
        "allOf",
        "anyOf",
        "oneOf",
        "enum",
        "const",
        "default",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minLength",
        "maxLength",
        "pattern",
        "minItems",
        "maxItems",
        "uniqueItems",
        "required",
        "definitions",
        "$defs",
        "additionalProperties",
        "title",
        "description",
    }
)


def structure_only(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` without titles, descriptions and examples (at every level)."""

    def strip(node: Any, in_properties: bool = False) -> Any:
        if isinstance(node, list):
            return [strip(item) for item in node]
        if not isinstance(node, dict):
            return node
        result: dict[str, Any] = {}
        for key, value in node.items():
            if not in_properties and key in _TEXT_KEYS and isinstance(value, str | list):
                continue
            if not in_properties and key == "enumLabels":
                # the labels are texts; their presence is structure
                result[key] = {str(k): "" for k in value} if isinstance(value, dict) else value
                continue
            by_name = key in ("properties", "definitions", "$defs") and not in_properties
            result[key] = strip(value, in_properties=by_name)
        return result

    stripped: dict[str, Any] = strip(schema)
    return stripped


def _is_runtime_enum(node: dict[str, Any], enum: list[Any]) -> bool:
    if node.get("enumLabels"):
        return True
    return "default" in node and node["default"] not in enum


def _normalize(node: Any, *, keep_text: bool) -> Any:
    if isinstance(node, list):
        return [_normalize(item, keep_text=keep_text) for item in node]
    if not isinstance(node, dict):
        return node
    result: dict[str, Any] = {}
    if node.get("widget") == "color" and node.get("colorFormat", "hex") != "hex":
        node = {k: v for k, v in node.items() if k != "type"}
        node["type"] = "array"
        node["items"] = {"anyOf": [{"type": "integer"}, {"type": "number"}]}
        if not isinstance(node.get("default"), list):
            node.pop("default", None)
    enum = node.get("enum")
    if isinstance(enum, list) and _is_runtime_enum(node, enum):
        node = {k: v for k, v in node.items() if k != "enum"}
    items = node.get("items")
    if (
        isinstance(items, dict)
        and isinstance(items.get("enum"), list)
        and (node.get("enumLabels") or node.get("uniqueItems"))
    ):
        node = dict(node, items={k: v for k, v in items.items() if k != "enum"})
    for key, value in node.items():
        if key not in _KEEP:
            continue
        if not keep_text and key in ("title", "description"):
            continue
        if key in ("properties", "definitions", "$defs") and isinstance(value, dict):
            result[key] = {
                name: _normalize(sub, keep_text=keep_text) for name, sub in value.items()
            }
        else:
            result[key] = _normalize(value, keep_text=keep_text)
    if keep_text and "title" in result and "description" not in result:
        result["description"] = result["title"]
    result.pop("title", None)
    if result.get("type") == "array" and node.get("uniqueItems"):
        # a set in the addon's model, a list on the wire: keep lists
        result.pop("uniqueItems", None)
    return result


def _defaults(schema: dict[str, Any]) -> None:
    """Give every optional field a default the model can take: lists ``[]``,
    objects their model's defaults, anything else ``None`` (nullable)."""

    def visit(node: dict[str, Any]) -> None:
        required = set(node.get("required", ()))
        for name, prop in (node.get("properties") or {}).items():
            if not isinstance(prop, dict) or name in required or "default" in prop:
                continue
            if prop.get("type") == "array":
                prop["default"] = []
            elif "$ref" in prop or "allOf" in prop or prop.get("type") == "object":
                continue  # the model's own defaults (a default factory)
            else:
                prop["default"] = None
                kind = prop.get("type")
                if isinstance(kind, str):
                    prop["type"] = [kind, "null"]
                elif "enum" in prop:
                    prop["enum"] = [*prop["enum"], None]
                elif "anyOf" in prop:
                    prop["anyOf"] = [*prop["anyOf"], {"type": "null"}]
                else:
                    prop["anyOf"] = [{k: prop.pop(k) for k in list(prop) if k != "default"}]
                    prop["anyOf"].append({"type": "null"})
        for key in ("definitions", "$defs"):
            for sub in (node.get(key) or {}).values():
                if isinstance(sub, dict):
                    visit(sub)

    visit(schema)


def normalize_settings_schema(schema: dict[str, Any], *, keep_text: bool = True) -> dict[str, Any]:
    """``schema`` (as the server or a snapshot has it) as plain JSON Schema for
    one generated model; ``keep_text`` turns titles and descriptions into
    docstrings."""
    result: dict[str, Any] = _normalize(copy.deepcopy(schema), keep_text=keep_text)
    result.setdefault("type", "object")
    result.setdefault("properties", {})
    _defaults(result)
    return result
