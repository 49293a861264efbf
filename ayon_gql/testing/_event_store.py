"""The stand-in's event store: every event the server knows, in creation order.

Writes emit ``entity.*`` events here (as the real server does after each
operation), ``POST /api/events`` dispatches into it, enroll hands out jobs
from it, and the GraphQL ``events`` field and the websocket read it.  Records
use the REST shape of ``GET /api/events/{id}``.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

__all__ = ["EventRecord", "EventStore"]

#: One stored event, in the shape of ``GET /api/events/{id}``.
EventRecord = dict[str, Any]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


class EventStore:
    """Thread-safe list of events, with listeners told of each new or changed one."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._events: dict[str, EventRecord] = {}
        self._listeners: list[Callable[[EventRecord], None]] = []

    def emit(
        self,
        topic: str,
        *,
        project: str | None = None,
        user: str | None = None,
        summary: dict[str, Any] | None = None,
        payload: dict[str, Any] | None = None,
        description: str = "",
        sender: str | None = None,
        sender_type: str | None = None,
        depends_on: str | None = None,
        status: str = "finished",
        event_hash: str | None = None,
        store: bool = True,
    ) -> EventRecord:
        """Create an event (stored unless ``store`` is false) and tell the listeners."""
        event_id = uuid.uuid4().hex
        now = _now()
        record: EventRecord = {
            "id": event_id,
            "hash": event_hash or event_id,
            "topic": topic,
            "project": project,
            "user": user,
            "sender": sender,
            "senderType": sender_type,
            "dependsOn": depends_on,
            "status": status,
            "retries": 0,
            "description": description,
            "summary": dict(summary or {}),
            "payload": dict(payload or {}),
            "createdAt": now,
            "updatedAt": now,
        }
        with self._lock:
            if store:
                self._events[event_id] = record
            listeners = list(self._listeners)
        for listener in listeners:
            listener(record)
        return record

    def get(self, event_id: str) -> EventRecord | None:
        """The stored event with this id, or ``None``."""
        with self._lock:
            return self._events.get(event_id)

    def all(self) -> list[EventRecord]:
        """Every stored event, oldest first."""
        with self._lock:
            return list(self._events.values())

    def add_listener(self, listener: Callable[[EventRecord], None]) -> None:
        """Call ``listener`` with every event emitted from now on."""
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[EventRecord], None]) -> None:
        """Stop calling ``listener``."""
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def reset(self) -> None:
        """Forget every stored event (listeners stay)."""
        with self._lock:
            self._events.clear()
