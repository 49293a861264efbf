"""``GET /openapi.json`` of the stand-in: the write models, with the served attributes.

A real server's description carries the studio's attribute configuration in
its ``<Type>AttribModel`` schemas.  The stand-in starts from the stock
write-model snapshot shipped in ``ayon_gql_generated`` and rebuilds each
attribute model from the attributes it serves (``/api/attributes``, which
follow the served schema): a stock attribute keeps the recorded schema, any
other is described from its AYON type (``string``, ``integer``, ``float``,
``boolean``, ``datetime``, ``list_of_*``, ``dict``, an enum), so
``ayon-gql schema pull`` against ``ayon-gql serve --schema studio.graphql``
types a studio's own attributes.
"""

from __future__ import annotations

import copy
import functools
import json
from importlib import resources
from typing import Any

from ayon_gql._errors import AyonError
from ayon_gql._write_models import ENTITY_TYPES
from ayon_gql.testing._nodes import SERVER_VERSION, Node

#: The package and file of the stock write-model snapshot.
BUNDLED_PACKAGE = "ayon_gql_generated"
BUNDLED_OPENAPI = "openapi.json"
#: The stock package's folder of addon snapshots.
ADDONS_FOLDER = "addons"

_PLAIN: dict[str, Node] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "float": {"type": "number"},
    "boolean": {"type": "boolean"},
    "datetime": {"type": "string", "format": "date-time"},
    "list_of_strings": {"type": "array", "items": {"type": "string"}},
    "list_of_integers": {"type": "array", "items": {"type": "integer"}},
    "list_of_any": {"type": "array", "items": {}},
    "list_of_submodels": {"type": "array", "items": {}},
    "dict": {"type": "object"},
}
#: Attribute settings (``/api/attributes`` ``data``) and the JSON-schema keywords they become.
_BOUNDS = {
    "gt": "exclusiveMinimum",
    "ge": "minimum",
    "lt": "exclusiveMaximum",
    "le": "maximum",
    "regex": "pattern",
    "minLength": "minLength",
    "maxLength": "maxLength",
    "minItems": "minItems",
    "maxItems": "maxItems",
}
_SHAPE_KEYS = ("type", "format", "items")


def _resource_text(name: str) -> str | None:
    """A file of the stock package (``addons/x.json`` for a subfolder), None when absent."""
    try:
        target = resources.files(BUNDLED_PACKAGE)
        for part in name.split("/"):
            target = target / part
        return target.read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError):
        return None


@functools.lru_cache(maxsize=1)
def _stock_document() -> dict[str, Any]:
    text = _resource_text(BUNDLED_OPENAPI)
    if text is None:
        raise AyonError(
            f"the stock openapi snapshot {BUNDLED_PACKAGE}/{BUNDLED_OPENAPI} is missing; "
            "reinstall ayon-gql"
        )
    document: dict[str, Any] = json.loads(text)
    return document


def _stock_schemas() -> dict[str, Any]:
    schemas: dict[str, Any] = _stock_document()["components"]["schemas"]
    return schemas


def addon_openapi_document(name: str, version: str) -> Node | None:
    """An addon's ``openapi.json`` as shipped (structure only) in the stock package
    (``addons/{name}-{version}.openapi.json``), or None when it ships none."""
    text = _resource_text(f"{ADDONS_FOLDER}/{name}-{version}.openapi.json")
    if text is None:
        return None
    document: Node = json.loads(text)
    return document


def server_operations() -> dict[str, Any]:
    """The ``paths`` of the stock server document (empty when it carries none)."""
    paths: dict[str, Any] = _stock_document().get("paths") or {}
    return paths


def attribute_schema(data: Node) -> Node:
    """The JSON schema of one attribute from its configuration (``/api/attributes`` ``data``)."""
    schema: Node = copy.deepcopy(_PLAIN.get(str(data.get("type")), {}))
    enum = data.get("enum")
    if enum:
        schema["enum"] = [item["value"] if isinstance(item, dict) else item for item in enum]
    for setting, keyword in _BOUNDS.items():
        if data.get(setting) is not None:
            schema[keyword] = data[setting]
    return schema


def _same_shape(a: Node, b: Node) -> bool:
    return all(a.get(key) == b.get(key) for key in _SHAPE_KEYS) and bool(a.get("enum")) == bool(
        b.get("enum")
    )


def attribute_model(scope: str, attributes: list[Node], stock: Node) -> Node:
    """``<Type>AttribModel`` for the attributes served on ``scope``, in position order."""
    stock_properties: Node = stock.get("properties", {})
    properties: Node = {}
    for attr in sorted(attributes, key=lambda a: a.get("position", 0)):
        if scope not in attr["scope"]:
            continue
        derived = attribute_schema(attr["data"])
        known = stock_properties.get(attr["name"])
        properties[attr["name"]] = (
            copy.deepcopy(known) if known and _same_shape(known, derived) else derived
        )
    return {"type": "object", "properties": properties}


def openapi_document(attributes: list[Node]) -> Node:
    """The stand-in's ``/openapi.json``: the stock document's paths (those the stand-in
    lacks answer 501) and schemas, attribute models as served."""
    schemas = copy.deepcopy(_stock_schemas())
    for entity in ENTITY_TYPES:
        name = entity[:1].upper() + entity[1:] + "AttribModel"
        schemas[name] = attribute_model(entity, attributes, schemas.get(name, {}))
    return {
        "openapi": "3.1.0",
        "info": {"title": "AYON stand-in server", "version": SERVER_VERSION},
        "paths": copy.deepcopy(server_operations()),
        "components": {"schemas": schemas},
    }
