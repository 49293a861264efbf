"""The operations a session collects, checked one by one before anything is sent.

Each call adds one :class:`PendingOperation`; what the server would refuse
for the whole request (a malformed id, two operations on one entity, a body
its model does not accept) is refused here, naming the operation's position,
its entity type and the field.
"""

from __future__ import annotations

import re
import uuid
import warnings
from typing import Any, Literal

from pydantic import ValidationError

from ayon_gql._errors import WriteValidationError
from ayon_gql._write_models import ENTITY_TYPES, EntityCreate, EntityUpdate, refused

__all__ = ["ID_PATTERN", "Batch", "OperationType", "PendingOperation", "new_entity_id"]

OperationType = Literal["create", "update", "delete"]

#: What the server stores and its REST paths accept: 32 lowercase hex digits.
ID_PATTERN = re.compile(r"^[0-9a-f]{32}$")


def new_entity_id() -> str:
    """A new entity id, made on the client: 32 lowercase hex digits (a UUID4)."""
    return uuid.uuid4().hex


class PendingOperation:
    """One create, update or delete waiting for the commit, in its wire form."""

    __slots__ = ("as_user", "data", "entity_id", "entity_type", "force", "position", "type")

    def __init__(
        self,
        position: int,
        type: OperationType,
        entity_type: str,
        entity_id: str,
        data: dict[str, Any] | None = None,
        *,
        force: bool = False,
        as_user: str | None = None,
    ) -> None:
        self.position = position
        self.type = type
        self.entity_type = entity_type
        self.entity_id = entity_id
        self.data = data
        self.force = force
        self.as_user = as_user

    def wire(self) -> dict[str, Any]:
        """The operation as ``POST /api/projects/{project}/operations`` takes it."""
        body: dict[str, Any] = {
            "type": self.type,
            "entityType": self.entity_type,
            "entityId": self.entity_id,
        }
        if self.data is not None:
            body["data"] = self.data
        if self.force:
            body["force"] = True
        if self.as_user:
            body["asUser"] = self.as_user
        return body

    def __repr__(self) -> str:
        return (
            f"PendingOperation({self.position}, {self.type!r}, {self.entity_type!r}, "
            f"{self.entity_id!r})"
        )


def _refuse(position: int, entity_type: str | None, field: str | None, message: str) -> None:
    kind = f" ({entity_type})" if entity_type else ""
    raise WriteValidationError(
        f"operation {position}{kind}: {message}",
        position=position,
        entity_type=entity_type,
        field=field,
    )


def _check_id(position: int, entity_type: str | None, field: str, value: Any) -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        hint = ""
        if isinstance(value, str) and ID_PATTERN.match(value.replace("-", "").lower()):
            hint = f" (use {value.replace('-', '').lower()!r})"
        _refuse(
            position,
            entity_type,
            field,
            f"{field} must be 32 lowercase hex digits, not {value!r}{hint}",
        )
    return str(value)


def _checked_body(position: int, model: EntityCreate | EntityUpdate) -> dict[str, Any]:
    """The model's wire body, validated again (a model may have been built with
    ``model_construct`` or changed since), with every ``...Id`` reference checked."""
    kind = type(model)
    with warnings.catch_warnings():
        # A model built with ``model_construct`` may hold values of the wrong
        # type; pydantic warns while dumping them, and they are refused below.
        warnings.simplefilter("ignore", UserWarning)
        data = model.wire()
    try:  # pydantic's own validator: its error, placed at this operation below
        kind.__pydantic_validator__.validate_python(data)
    except ValidationError as exc:
        raise refused(kind, exc, position=position) from None
    for key, value in data.items():
        if key.endswith("Id") and value is not None:
            _check_id(position, kind.entity_type, key, value)
    return data


class Batch:
    """The pending operations of one session, in the order they were added."""

    def __init__(self) -> None:
        self.operations: list[PendingOperation] = []
        self._by_entity: dict[str, PendingOperation] = {}

    def __len__(self) -> int:
        return len(self.operations)

    def _next(self) -> int:
        return len(self.operations)

    def _claim(self, operation: PendingOperation) -> None:
        earlier = self._by_entity.get(operation.entity_id)
        if earlier is not None:
            _refuse(
                operation.position,
                operation.entity_type,
                "entityId",
                f"entity {operation.entity_id} already has operation {earlier.position} "
                f"({earlier.type} {earlier.entity_type}) in this commit; one operation per "
                "entity (put all changes in one model)",
            )
        self._by_entity[operation.entity_id] = operation
        self.operations.append(operation)

    def create(
        self, model: EntityCreate, entity_id: str | None, as_user: str | None
    ) -> PendingOperation:
        position = self._next()
        if not isinstance(model, EntityCreate):
            _refuse(
                position,
                None,
                None,
                f"create takes a create model (e.g. VersionCreate), not {type(model).__name__}",
            )
        entity_type = type(model).entity_type
        data = _checked_body(position, model)
        given = data.pop("id", None)
        if entity_id is not None and given is not None and entity_id != given:
            _refuse(position, entity_type, "id", f"two ids given: {entity_id!r} and {given!r}")
        chosen = entity_id or given or new_entity_id()
        _check_id(position, entity_type, "id", chosen)
        operation = PendingOperation(position, "create", entity_type, chosen, data, as_user=as_user)
        self._claim(operation)
        return operation

    def update(self, entity_id: str, model: EntityUpdate, as_user: str | None) -> PendingOperation:
        position = self._next()
        if not isinstance(model, EntityUpdate):
            _refuse(
                position,
                None,
                None,
                f"update takes an update model (e.g. VersionUpdate), not {type(model).__name__}",
            )
        entity_type = type(model).entity_type
        _check_id(position, entity_type, "entityId", entity_id)
        data = _checked_body(position, model)
        if not data:
            _refuse(position, entity_type, None, f"the update of {entity_id} sets no field")
        operation = PendingOperation(
            position, "update", entity_type, entity_id, data, as_user=as_user
        )
        self._claim(operation)
        return operation

    def delete(
        self, entity_type: str, entity_id: str, force: bool, as_user: str | None
    ) -> PendingOperation:
        position = self._next()
        if entity_type not in ENTITY_TYPES:
            _refuse(
                position,
                None,
                "entityType",
                f"unknown entity type {entity_type!r} (one of {', '.join(ENTITY_TYPES)})",
            )
        _check_id(position, entity_type, "entityId", entity_id)
        operation = PendingOperation(
            position, "delete", entity_type, entity_id, force=bool(force), as_user=as_user
        )
        self._claim(operation)
        return operation

    def take(self) -> list[PendingOperation]:
        """Hand the operations over to a commit and start an empty batch."""
        taken, self.operations = self.operations, []
        self._by_entity = {}
        return taken

    def discard(self) -> int:
        """Forget every pending operation; returns how many there were."""
        return len(self.take())
