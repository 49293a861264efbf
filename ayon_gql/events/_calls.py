"""The event REST calls described once (method, path, body, how to read the
answer) for the sync and async clients: dispatch, get, update, delete, enroll."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import AyonError, InvalidInputError
from ayon_gql.events._models import EVENT_STATUSES, EnrollAnswer, Event
from ayon_gql.rest._base import Call, as_model, as_nothing, body_json, segment

if TYPE_CHECKING:
    import httpx

#: What the server accepts as a topic (``POST /api/events``).
TOPIC_RX = re.compile(r"^[a-zA-Z][a-zA-Z0-9_.*]{2,64}$")
_EVENT_ID_RX = re.compile(r"^[0-9a-f]{32}$")


def check_topic(topic: str, what: str = "topic") -> str:
    """A topic the server accepts, or :class:`InvalidInputError` before sending."""
    if not isinstance(topic, str) or not TOPIC_RX.match(topic):
        raise InvalidInputError(
            f"{what} {topic!r} is not a valid topic: a letter, then 2-64 letters, "
            "digits, '_', '.' or '*'"
        )
    return topic


def check_event_id(event_id: str) -> str:
    """An event id (32 lowercase hex characters), or :class:`InvalidInputError`."""
    if not isinstance(event_id, str) or not _EVENT_ID_RX.match(event_id):
        raise InvalidInputError(f"event id {event_id!r} is not 32 lowercase hex characters")
    return event_id


def _event_id(response: httpx.Response, operation: str) -> str:
    data = body_json(response, operation)
    if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
        raise AyonError("unexpected answer: no event id in it", operation=operation)
    return str(data["id"])


def _enroll_answer(response: httpx.Response, operation: str) -> EnrollAnswer | None:
    if response.status_code == 204 or not response.content:
        return None
    return as_model(EnrollAnswer)(response, operation)


def dispatch_call(
    topic: str,
    *,
    project: str | None,
    summary: Mapping[str, Any] | None,
    payload: Mapping[str, Any] | None,
    description: str | None,
    sender: str | None,
    sender_type: str | None,
    event_hash: str | None,
    depends_on: str | None,
    finished: bool,
    store: bool,
    reuse: bool,
) -> Call[str]:
    """``POST /api/events``."""
    check_topic(topic)
    body: dict[str, Any] = {"topic": topic, "finished": finished, "store": store}
    optional = {
        "project": project,
        "summary": dict(summary) if summary is not None else None,
        "payload": dict(payload) if payload is not None else None,
        "description": description,
        "sender": sender,
        "hash": event_hash,
        "dependsOn": depends_on,
    }
    body.update({k: v for k, v in optional.items() if v is not None})
    if reuse:
        body["reuse"] = True
    return Call(
        "POST",
        "/api/events",
        _event_id,
        operation="dispatch event",
        json=body,
        # A repeated dispatch with a hash is safe: the second answers 409.
        idempotent=event_hash is not None,
        project_name=project,
        headers={"X-Sender-Type": sender_type} if sender_type else None,
    )


def get_call(event_id: str) -> Call[Event]:
    """``GET /api/events/{id}``."""
    return Call(
        "GET",
        f"/api/events/{segment(check_event_id(event_id))}",
        as_model(Event),
        operation="get event",
    )


def update_call(event_id: str, changes: Mapping[str, Any]) -> Call[None]:
    """``PATCH /api/events/{id}``: only the given fields change."""
    check_event_id(event_id)
    body = {k: v for k, v in changes.items() if v is not None}
    status = body.get("status")
    if status is not None and status not in EVENT_STATUSES:
        raise InvalidInputError(
            f"event status {status!r} is not one of {', '.join(EVENT_STATUSES)}"
        )
    progress = body.get("progress")
    if progress is not None and not 0 <= float(progress) <= 100:
        raise InvalidInputError(f"progress {progress!r} is not between 0 and 100")
    for key in ("summary", "payload"):
        if key in body:
            body[key] = dict(body[key])
    return Call(
        "PATCH",
        f"/api/events/{segment(event_id)}",
        as_nothing,
        operation="update event",
        json=body,
        idempotent=True,
    )


def delete_call(event_id: str) -> Call[None]:
    """``DELETE /api/events/{id}``."""
    return Call(
        "DELETE",
        f"/api/events/{segment(check_event_id(event_id))}",
        as_nothing,
        operation="delete event",
    )


def enroll_call(
    source_topic: str | Sequence[str],
    target_topic: str,
    *,
    sender: str,
    sender_type: str | None,
    description: str | None,
    sequential: bool,
    filter: Mapping[str, Any] | None,
    max_retries: int,
    ignore_sender_types: Sequence[str] | None,
    ignore_older_than: int | None,
) -> Call[EnrollAnswer | None]:
    """``POST /api/enroll``: the job answer, or ``None`` (204) when there is nothing to do."""
    sources = [source_topic] if isinstance(source_topic, str) else list(source_topic)
    if not sources:
        raise InvalidInputError("enroll needs at least one source topic")
    for source in sources:
        check_topic(source, "source topic")
    check_topic(target_topic, "target topic")
    if "*" in target_topic:
        raise InvalidInputError(f"target topic {target_topic!r} must not contain wildcards")
    if max_retries < 0:
        raise InvalidInputError("max_retries must be >= 0")
    body: dict[str, Any] = {
        "sourceTopic": sources[0] if isinstance(source_topic, str) else sources,
        "targetTopic": target_topic,
        "sender": sender,
        "sequential": sequential,
        "maxRetries": max_retries,
    }
    optional = {
        "senderType": sender_type,
        "description": description,
        "filter": dict(filter) if filter is not None else None,
        "ignoreSenderTypes": list(ignore_sender_types) if ignore_sender_types else None,
        "ignoreOlderThan": ignore_older_than,
    }
    body.update({k: v for k, v in optional.items() if v is not None})
    return Call(
        "POST",
        "/api/enroll",
        _enroll_answer,
        operation="enroll",
        json=body,
        # Enrolling again as the same sender returns the same job.
        idempotent=True,
    )
