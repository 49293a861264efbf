"""What the stand-in's operations accept in ``data``: the fields of the real
server's ``*PostModel`` / ``*PatchModel`` (``openapi.json``), checked the way
its pydantic models check them, with the same error texts.

Unknown fields and attributes are ignored (dropped), as the real server does;
a value of the wrong type is ``invalid_data`` with pydantic's message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["REQUIRED", "DataError", "check_data", "check_id"]

_NAME = r"^[a-zA-Z0-9_]([a-zA-Z0-9_\.\-]*[a-zA-Z0-9_])?$"
_ID = r"^[0-f]{32}$"
_PATTERNS = {
    "name": re.compile(_NAME),
    "id": re.compile(_ID),
    "label": re.compile(r"^[^';]*$"),
    "author": re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_\.\-]*[a-zA-Z0-9]$"),
}
_COMMON = {
    "status": "str",
    "tags": "strlist",
    "createdBy": "str",
    "updatedBy": "str",
    "attrib": "attrib",
    "data": "object",
    "active": "bool",
}
#: entity type -> field -> kind, from the server's post models (patch models: the same without id).
FIELDS: dict[str, dict[str, str]] = {
    "folder": {
        "id": "id",
        "name": "name",
        "label": "label",
        "folderType": "str",
        "parentId": "id",
        "thumbnailId": "id",
        **_COMMON,
    },
    "task": {
        "id": "id",
        "name": "name",
        "label": "label",
        "taskType": "str",
        "thumbnailId": "id",
        "assignees": "strlist",
        "folderId": "id",
        **_COMMON,
    },
    "product": {
        "id": "id",
        "name": "name",
        "folderId": "id",
        "productType": "name",
        "productBaseType": "name",
        **_COMMON,
    },
    "version": {
        "id": "id",
        "version": "int",
        "productId": "id",
        "taskId": "id",
        "thumbnailId": "id",
        "author": "author",
        **_COMMON,
    },
    "representation": {
        "id": "id",
        "name": "name",
        "versionId": "id",
        "files": "files",
        "traits": "object",
        **_COMMON,
    },
    "workfile": {"id": "id", "path": "str", "taskId": "id", "thumbnailId": "id", **_COMMON},
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "folder": ("name",),
    "task": ("name", "taskType"),
    "product": ("name", "folderId", "productType"),
    "version": ("version", "productId"),
    "representation": ("name", "versionId"),
    "workfile": ("path", "taskId"),
}
_ATTRIB_KINDS = {
    "integer": "int",
    "float": "float",
    "boolean": "bool",
    "list_of_strings": "strlist",
    "string": "str",
    "datetime": "str",
}


class DataError(Exception):
    """``data`` the server's model refuses; ``str()`` is pydantic's text."""


def _error(model: str, where: str, message: str) -> DataError:
    return DataError(f"1 validation error for {model}\n{where}\n  {message}")


def _coerce(kind: str, value: Any, model: str, where: str) -> Any:
    """``value`` as pydantic (v1, lax) would store a field of ``kind``."""
    if value is None:
        return None
    if kind == "int":
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
            return int(value)
        raise _error(model, where, "value is not a valid integer (type=type_error.integer)")
    if kind == "float":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        try:
            return float(value)
        except (TypeError, ValueError):
            raise _error(
                model, where, "value is not a valid float (type=type_error.float)"
            ) from None
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if value in (0, 1, "0", "1", "true", "false", "True", "False"):
            return str(value).lower() in ("1", "true")
        raise _error(model, where, "value could not be parsed to a boolean (type=type_error.bool)")
    if kind == "strlist":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _error(model, where, "value is not a valid list (type=type_error.list)")
        return list(value)
    if kind in ("object", "attrib"):
        if not isinstance(value, Mapping):
            raise _error(model, where, "value is not a valid dict (type=type_error.dict)")
        return dict(value)
    if kind == "files":
        if not isinstance(value, list) or not all(
            isinstance(v, Mapping) and "id" in v and "path" in v for v in value
        ):
            raise _error(model, where, "value is not a valid list of files (type=type_error.list)")
        return [dict(v) for v in value]
    if isinstance(value, (dict, list)):
        raise _error(model, where, "str type expected (type=type_error.str)")
    text = str(value)
    pattern = _PATTERNS.get(kind)
    if pattern is not None and not pattern.match(text):
        raise _error(
            model,
            where,
            f'string does not match regex "{pattern.pattern}" '
            f"(type=value_error.str.regex; pattern={pattern.pattern})",
        )
    return text


def check_id(model: str, value: Any) -> str:
    """A client-made id as the server's entity model checks it."""
    return str(_coerce("id", value, model, "id"))


def check_data(
    entity_type: str,
    data: Any,
    attributes: Mapping[str, str],
    *,
    create: bool,
) -> dict[str, Any]:
    """``data`` cleaned (unknown names dropped, values coerced); :class:`DataError` if refused.

    ``attributes`` maps the entity's attribute names to their AYON types.
    """
    model = f"{entity_type.capitalize()}{'PostModel' if create else 'PatchModel'}"
    if not isinstance(data, Mapping):
        raise _error(model, "__root__", "value is not a valid dict (type=type_error.dict)")
    fields = FIELDS[entity_type]
    clean: dict[str, Any] = {}
    for key, value in data.items():
        kind = fields.get(key)
        if kind is None or (key == "id" and not create):
            continue
        if kind == "attrib":
            attrib = _coerce("attrib", value, model, key) or {}
            clean[key] = {
                name: _coerce(
                    _ATTRIB_KINDS.get(attributes[name], "str"), item, model, f"attrib -> {name}"
                )
                for name, item in attrib.items()
                if name in attributes
            }
        else:
            clean[key] = _coerce(kind, value, model, key)
    if create:
        for key in REQUIRED[entity_type]:
            if clean.get(key) is None:
                raise _error(model, key, "field required (type=value_error.missing)")
    return clean
