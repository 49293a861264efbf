"""Base classes of the typed write models that generated packages hold.

Every generated package has a ``write_models`` module, built from the
server's ``openapi.json``, with one create and one update model per entity
type (``FolderCreate``, ``FolderUpdate``, ``VersionCreate``, ...).  They
subclass :class:`EntityCreate` and :class:`EntityUpdate`, which tell the write
session (``client.operations(project)``) what entity type a model writes,
and refuse unknown fields before anything is sent.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, ValidationError
from typing_extensions import Self

from ayon_gql._errors import WriteValidationError

__all__ = [
    "ENTITY_TYPES",
    "EntityCreate",
    "EntityType",
    "EntityUpdate",
    "WriteModel",
    "refused",
]

#: The entity types the operations endpoint writes.
EntityType = Literal["folder", "task", "product", "version", "representation", "workfile"]
ENTITY_TYPES: tuple[EntityType, ...] = (
    "folder",
    "task",
    "product",
    "version",
    "representation",
    "workfile",
)


class WriteModel(BaseModel):
    """A body the server accepts: unknown fields are refused, names as the server spells them.

    Fields are snake_case in Python and camelCase on the wire (their aliases);
    either spelling is accepted when constructing.  :meth:`wire` gives the JSON
    body with only the fields that were set, so an update never overwrites
    what it did not name.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True, validate_assignment=True)

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise refused(type(self), exc) from None

    def __setattr__(self, name: str, value: Any) -> None:
        try:
            super().__setattr__(name, value)
        except ValidationError as exc:
            raise refused(type(self), exc) from None

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Self:
        """Validate a mapping (wire or Python names); refusals are WriteValidationErrors."""
        try:
            return super().model_validate(obj, **options)
        except ValidationError as exc:
            raise refused(cls, exc) from None

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **options: Any) -> Self:
        """Validate JSON text; a refusal is a :class:`WriteValidationError`."""
        try:
            return super().model_validate_json(json_data, **options)
        except ValidationError as exc:
            raise refused(cls, exc) from None

    def wire(self) -> dict[str, Any]:
        """The JSON body: set fields only, by alias."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)


class EntityCreate(WriteModel):
    """The body of a create operation for :attr:`entity_type`."""

    entity_type: ClassVar[EntityType]


class EntityUpdate(WriteModel):
    """The body of an update operation for :attr:`entity_type` (only set fields are sent)."""

    entity_type: ClassVar[EntityType]


def _entity_type_of(model: type[BaseModel]) -> str | None:
    found = getattr(model, "entity_type", None)
    return found if isinstance(found, str) else None


def _problem(first: Any) -> tuple[str | None, str]:
    """Where (dotted wire names) and what is wrong, for one pydantic error entry."""
    where = ".".join(str(part) for part in first["loc"]) or None
    inner = (first.get("ctx") or {}).get("error")
    if isinstance(inner, WriteValidationError):  # a nested write model refused it
        return ".".join(part for part in (where, inner.field) if part) or None, inner.reason
    if first["type"] == "extra_forbidden":
        return where, "unknown field"
    given = first.get("input")
    shown = f" (got {given!r})" if not isinstance(given, (dict, list)) else ""
    return where, f"{first['msg']}{shown}"


def refused(
    model: type[BaseModel], exc: ValidationError, *, position: int | None = None
) -> WriteValidationError:
    """pydantic's complaint about ``model`` as one line naming the field (by wire name)."""
    problems = exc.errors()
    first = problems[0] if problems else {"loc": (), "msg": "invalid", "type": ""}
    where, reason = _problem(first)
    what = f"{where}: {reason}" if where else reason
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    at = f"operation {position} " if position is not None else ""
    error = WriteValidationError(
        f"{at}{model.__name__}: {what}{more}",
        position=position,
        entity_type=_entity_type_of(model),
        field=where,
    )
    error.reason = reason
    return error
