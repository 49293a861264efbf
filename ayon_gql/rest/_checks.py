"""Checks run on REST arguments before anything is sent: names, path segments,
enum values and whole models, each failing with :class:`InvalidInputError`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

from pydantic import ValidationError

from ayon_gql._errors import InvalidInputError
from ayon_gql.rest._model_base import RestModel

__all__ = [
    "VARIANTS",
    "build_model",
    "check_enum",
    "check_filename",
    "check_name",
    "check_project",
    "check_segment",
    "check_variant",
]


_M = TypeVar("_M", bound=RestModel)
_E = TypeVar("_E", bound=Enum)

_FILENAME_RX = re.compile(r"^[\w\-+.]+$")
_NAME_RX = re.compile(r"^[a-zA-Z0-9_]([a-zA-Z0-9_.\-]*[a-zA-Z0-9_])?$")
_PROJECT_RX = re.compile(r"^[a-zA-Z0-9_]+$")
_SEGMENT_RX = re.compile(r"^[A-Za-z0-9_.+\-]+$")
VARIANTS = ("production", "staging")


def check_enum(kind: type[_E], value: Any, what: str) -> _E:
    """``value`` as a member of ``kind``, or :class:`InvalidInputError`."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in kind)
        raise InvalidInputError(f"{what} must be one of {allowed}; got {value!r}") from None


def check_filename(value: str) -> str:
    """A file name the server accepts; also keeps ``/`` and ``..`` out of URLs."""
    if not isinstance(value, str) or not _FILENAME_RX.match(value) or value in {".", ".."}:
        raise InvalidInputError(f"invalid file name {value!r}: use letters, digits, - + . _")
    return value


def check_name(value: str, what: str) -> str:
    """A bundle or addon name as the server's pattern allows."""
    if not isinstance(value, str) or not _NAME_RX.match(value):
        raise InvalidInputError(f"invalid {what} {value!r}")
    return value


def check_project(value: str) -> str:
    """A project name (letters, digits, underscores)."""
    if not isinstance(value, str) or not _PROJECT_RX.match(value):
        raise InvalidInputError(f"invalid project name {value!r}")
    return value


def check_segment(value: str, what: str) -> str:
    """A version or site id that is safe inside a URL path."""
    if not isinstance(value, str) or not _SEGMENT_RX.match(value) or value in {".", ".."}:
        raise InvalidInputError(f"invalid {what} {value!r}")
    return value


def check_variant(value: str, *, allow_dev: bool = True) -> str:
    """``production``, ``staging`` or (when allowed) the name of a dev bundle."""
    if value in VARIANTS:
        return value
    if allow_dev and isinstance(value, str) and _NAME_RX.match(value):
        return value
    expected = "production, staging or a dev bundle name" if allow_dev else "production or staging"
    raise InvalidInputError(f"variant must be {expected}; got {value!r}")


def build_model(kind: type[_M], value: _M | Mapping[str, Any], **changes: Any) -> _M:
    """Validate ``value`` (a model or a mapping) as ``kind``; bad input raises
    :class:`InvalidInputError` naming the fields, before anything is sent."""
    if isinstance(value, kind) and not changes:
        return value
    data: dict[str, Any] = (
        value.model_dump(by_alias=False, exclude_unset=True)
        if isinstance(value, RestModel)
        else dict(value)
    )
    data.update(changes)
    fields = kind.model_fields
    known = set(fields) | {field.alias for field in fields.values() if field.alias}
    unknown = sorted(key for key in data if key not in known and "_" in key)
    if unknown:
        # camelCase extras pass through for newer servers; snake_case ones are typos.
        raise InvalidInputError(f"invalid {kind.__name__}: unknown field(s) {', '.join(unknown)}")
    try:
        return kind.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or kind.__name__}: {error['msg']}"
            for error in exc.errors()
        )
        raise InvalidInputError(f"invalid {kind.__name__}: {problems}") from None
