"""What events look like: a stored event (``GET /api/events/{id}``), an enroll
answer, and a websocket message.  Field names are snake_case in Python and
camelCase on the wire."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator
from pydantic.alias_generators import to_camel

__all__ = ["EVENT_STATUSES", "EnrollAnswer", "Event", "EventMessage", "EventStatus"]

#: What an event's ``status`` can be.
EventStatus = Literal["pending", "in_progress", "finished", "failed", "aborted", "restarted"]
EVENT_STATUSES: tuple[EventStatus, ...] = (
    "pending",
    "in_progress",
    "finished",
    "failed",
    "aborted",
    "restarted",
)


def utc(value: Any) -> Any:
    """Timestamps as aware UTC datetimes (the websocket sends some without a zone)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value


class _EventModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, extra="ignore", frozen=True
    )


class Event(_EventModel):
    """A stored event, as ``GET /api/events/{id}`` answers it."""

    id: str
    hash: str
    topic: str
    project: str | None = None
    user: str | None = None
    sender: str | None = None
    sender_type: str | None = None
    depends_on: str | None = None
    status: EventStatus
    retries: int = 0
    description: str | None = None
    summary: dict[str, Any] = Field(default_factory=dict)
    payload: dict[str, Any] = Field(default_factory=dict)
    created_at: datetime
    updated_at: datetime

    _utc = field_validator("created_at", "updated_at", mode="before")(utc)

    @field_validator("summary", "payload", mode="before")
    @classmethod
    def _empty_dict(cls, value: Any) -> Any:
        return {} if value is None else value


class EnrollAnswer(_EventModel):
    """What ``POST /api/enroll`` answers: the job event handed out."""

    id: str
    depends_on: str
    hash: str
    status: EventStatus = "pending"


class EventMessage(_EventModel):
    """One event pushed by the server's websocket (or caught up after a reconnect).

    New events and changes both arrive: a change repeats the event's ``id``
    with its new ``status``, ``description`` and ``progress``.  The payload is
    never part of a message: read it with ``client.events.get(message.id)``.
    ``caught_up`` is true for events read through the ``events`` query after
    a reconnect rather than pushed live.
    """

    id: str
    topic: str
    project: str | None = None
    user: str | None = None
    sender: str | None = None
    sender_type: str | None = None
    depends_on: str | None = None
    description: str | None = None
    summary: dict[str, Any] = Field(default_factory=dict)
    status: EventStatus = "finished"
    progress: float | None = None
    store: bool | None = None
    created_at: datetime
    updated_at: datetime
    caught_up: bool = Field(default=False, validation_alias=AliasChoices("caught_up"))

    _utc = field_validator("created_at", "updated_at", mode="before")(utc)

    @field_validator("summary", mode="before")
    @classmethod
    def _summary(cls, value: Any) -> Any:
        return {} if value is None else value
