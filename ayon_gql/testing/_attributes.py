"""The attribute configuration: what ``GET /api/attributes`` lists.

The stock configuration matches the stock schema's ``*AttribType`` objects.
A served schema may declare other attributes (a studio's own, or fewer): the
served configuration follows the schema, keeping the stock texts where the
names match and describing the others from their GraphQL types.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ayon_gql.testing._nodes import Node

#: scope (``folder``, ``version``, ...) -> attribute name -> AYON type (``string``, ...)
AttributeTypes = Mapping[str, Mapping[str, str]]

#: How a GraphQL enum attribute's kind is written: ``enum:A|B|C`` (a string with those values).
ENUM_KIND_PREFIX = "enum:"


def enum_values(kind: str) -> list[str] | None:
    """The values of an ``enum:A|B|C`` kind, or None for any other kind."""
    return kind[len(ENUM_KIND_PREFIX) :].split("|") if kind.startswith(ENUM_KIND_PREFIX) else None


def _attr(
    name: str,
    position: int,
    scope: list[str],
    type_: str,
    title: str,
    *,
    default: Any = None,
    example: Any = None,
    description: str | None = None,
    inherit: bool = True,
    builtin: bool = True,
    **extra: Any,
) -> Node:
    data: Node = {
        "default": default,
        "description": description,
        "enum": None,
        "enumResolver": None,
        "enumResolverSettings": None,
        "example": example,
        "ge": None,
        "gt": None,
        "inherit": inherit,
        "le": None,
        "lt": None,
        "maxItems": None,
        "maxLength": None,
        "minItems": None,
        "minLength": None,
        "regex": None,
        "title": title,
        "type": type_,
        "widget": None,
        "widgetSettings": None,
    }
    data.update(extra)
    return {"builtin": builtin, "data": data, "name": name, "position": position, "scope": scope}


def _priority_enum() -> list[Node]:
    items = [
        ("urgent", "Urgent", "priority_high", "#E57373"),
        ("high", "High", "arrow_upward", "#FFB74D"),
        ("normal", "Normal", "remove", "#90CAF9"),
        ("low", "Low", "arrow_downward", "#B0BEC5"),
    ]
    return [
        {
            "color": color,
            "description": None,
            "disabled": False,
            "disabledMessage": None,
            "fulltext": [value],
            "group": None,
            "icon": icon,
            "label": label,
            "shortName": None,
            "value": value,
        }
        for value, label, icon, color in items
    ]


def build_attributes() -> list[Node]:
    """The attribute configuration served at ``GET /api/attributes``.

    Names, types and scopes follow the schema's ``*AttribType`` objects; the
    texts are the stand-in's own.
    """
    media = ["project", "folder", "version", "representation", "task"]
    hier = ["project", "folder", "task"]
    rows: list[tuple[str, list[str], str, str, dict[str, Any]]] = [
        ("priority", hier, "string", "Priority", {"default": "normal", "enum": _priority_enum()}),
        (
            "fps",
            media,
            "float",
            "FPS",
            {"default": 25, "example": 25, "gt": 0, "description": "Frames per second"},
        ),
        (
            "resolutionWidth",
            media,
            "integer",
            "Width",
            {
                "default": 1920,
                "example": 1920,
                "gt": 0,
                "lt": 50000,
                "description": "Image width in pixels",
            },
        ),
        (
            "resolutionHeight",
            media,
            "integer",
            "Height",
            {
                "default": 1080,
                "example": 1080,
                "gt": 0,
                "lt": 50000,
                "description": "Image height in pixels",
            },
        ),
        ("pixelAspect", media, "float", "Pixel aspect", {"default": 1.0, "example": 1.0, "gt": 0}),
        ("clipIn", media, "integer", "Clip in", {"default": 1, "example": 1}),
        ("clipOut", media, "integer", "Clip out", {"default": 1, "example": 1}),
        ("frameStart", media, "integer", "First frame", {"default": 1001, "example": 1001}),
        ("frameEnd", media, "integer", "Last frame", {"default": 1001}),
        ("handleStart", media, "integer", "Head handle", {"default": 0}),
        ("handleEnd", media, "integer", "Tail handle", {"default": 0}),
        ("fullName", ["user"], "string", "Full name", {"example": "Sam Sample"}),
        ("email", ["user"], "string", "E-mail", {"example": "sam@studio.example"}),
        ("avatarUrl", ["user"], "string", "Avatar", {}),
        ("developerMode", ["user"], "boolean", "Developer mode", {"example": True}),
        ("productGroup", ["product"], "string", "Product group", {}),
        ("intent", ["version"], "string", "Intent", {}),
        ("machine", ["version"], "string", "Machine", {}),
        ("source", ["version"], "string", "Source", {}),
        ("comment", ["version"], "string", "Comment", {}),
        ("site", ["version"], "string", "Site", {"example": "render-node-7"}),
        ("families", ["version"], "list_of_strings", "Families", {}),
        ("colorSpace", ["version"], "string", "Colour space", {"example": "ACEScg"}),
        ("path", ["representation"], "string", "Path", {}),
        ("template", ["representation"], "string", "Template", {}),
        ("extension", ["representation", "workfile"], "string", "Extension", {}),
        (
            "startDate",
            hier,
            "datetime",
            "Start date",
            {"example": "2026-01-01T00:00:00+00:00", "description": "When work starts"},
        ),
        (
            "endDate",
            hier,
            "datetime",
            "End date",
            {"example": "2026-12-31T00:00:00+00:00", "description": "When work is due"},
        ),
        (
            "description",
            [*hier, "product", "version", "representation", "workfile"],
            "string",
            "Description",
            {
                "example": "Free text",
                "description": "Notes about the entity",
                "inherit": False,
                "widget": "markdown",
            },
        ),
        (
            "entityListCategory",
            ["list"],
            "string",
            "List category",
            {"example": "Dailies", "description": "Groups entity lists", "inherit": False},
        ),
    ]
    return [
        _attr(name, pos, scope, type_, title, **opts)
        for pos, (name, scope, type_, title, opts) in enumerate(rows)
    ]


def stock_attribute_types() -> dict[str, dict[str, str]]:
    """The stock configuration as scope -> name -> type."""
    types: dict[str, dict[str, str]] = {}
    for attr in build_attributes():
        for scope in attr["scope"]:
            types.setdefault(scope, {})[attr["name"]] = attr["data"]["type"]
    return types


def custom_attribute_types(declared: AttributeTypes) -> dict[str, dict[str, str]]:
    """The attributes ``declared`` has that the stock configuration lacks, per scope."""
    stock = stock_attribute_types()
    custom: dict[str, dict[str, str]] = {}
    for scope, names in declared.items():
        for name, kind in names.items():
            if name not in stock.get(scope, {}):
                custom.setdefault(scope, {})[name] = kind
    return custom


def _title(name: str) -> str:
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()
    return words[:1].upper() + words[1:]


def served_attributes(declared: AttributeTypes | None) -> list[Node]:
    """The configuration for a schema declaring ``declared`` (None: the stock one).

    A stock attribute keeps the scopes the schema still declares it on (and
    scopes the schema has no attribute type for, such as ``list``); one the
    schema no longer declares anywhere is left out.  Attributes the stock
    configuration lacks follow, in name order, as non-builtin attributes.
    """
    stock = build_attributes()
    if declared is None:
        return stock
    served: dict[str, Node] = {}
    for attr in stock:
        name = attr["name"]
        scope = [s for s in attr["scope"] if s not in declared or name in declared[s]]
        scope += [s for s, names in declared.items() if name in names and s not in scope]
        if scope:
            served[name] = {**attr, "scope": scope}
    custom: dict[str, tuple[str, list[str]]] = {}
    for where, names in declared.items():
        for name, kind in names.items():
            if name not in served:
                custom.setdefault(name, (kind, []))[1].append(where)
    position = len(stock)
    for name, (kind, scopes) in sorted(custom.items()):
        values = enum_values(kind)
        if values is None:
            served[name] = _attr(name, position, sorted(scopes), kind, _title(name), builtin=False)
        else:
            options = [{"label": value, "value": value} for value in values]
            served[name] = _attr(
                name, position, sorted(scopes), "string", _title(name), builtin=False, enum=options
            )
        position += 1
    return list(served.values())
