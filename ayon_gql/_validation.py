"""Checks on input that can be rejected before anything is sent.

AYON project names match ``^[a-zA-Z0-9_]+$`` and entity ids are 32 lowercase
hex characters.  A bad value would only come back as a server error (or,
worse, as an empty result), so it is refused here with a clear message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ayon_gql._errors import InvalidInputError

PROJECT_NAME_RE = re.compile(r"^[a-zA-Z0-9_]+$")
ENTITY_ID_RE = re.compile(r"^[0-9a-f]{32}$")

#: Variables that hold entity ids, by the names our operations use.
_ID_VARIABLES = frozenset(
    {
        "id",
        "ids",
        "folderId",
        "folderIds",
        "parentId",
        "parentIds",
        "taskId",
        "taskIds",
        "productId",
        "productIds",
        "versionId",
        "versionIds",
        "representationId",
        "representationIds",
        "entityId",
        "entityIds",
        "activityIds",
    }
)


def check_project_name(name: object, *, operation: str | None = None) -> str:
    """Return ``name`` if it is a valid project name, else raise."""
    if not isinstance(name, str) or not PROJECT_NAME_RE.fullmatch(name):
        raise InvalidInputError(
            f"invalid project name {name!r}: project names contain only letters, "
            "digits and underscores",
            operation=operation,
        )
    return name


def check_entity_id(value: object, *, what: str = "entity id", operation: str | None = None) -> str:
    """Return ``value`` if it is a 32-character lowercase hex id, else raise."""
    if not isinstance(value, str) or not ENTITY_ID_RE.fullmatch(value):
        raise InvalidInputError(
            f"invalid {what} {value!r}: expected 32 lowercase hexadecimal characters",
            operation=operation,
        )
    return value


def check_variables(variables: Mapping[str, Any], *, operation: str | None = None) -> None:
    """Validate project names and entity ids among GraphQL variables by name."""
    for key, value in variables.items():
        if value is None:
            continue
        if key == "projectName":
            check_project_name(value, operation=operation)
        elif key in _ID_VARIABLES:
            values = value if isinstance(value, (list, tuple)) else [value]
            for item in values:
                check_entity_id(item, what=f"id in ${key}", operation=operation)
