"""The stand-in's event store: every event the server knows, in creation order.

Writes emit ``entity.*`` events here (as the real server does after each
operation), ``POST /api/events`` dispatches into it, enroll hands out jobs
from it (:mod:`._event_enroll`), and the GraphQL ``events`` field and the
websocket read it.  Records use the REST shape of ``GET /api/events/{id}``.

Two kinds of subscriber are told what happens: *listeners* get every new or
changed record; *broadcast* subscribers (the websocket) get the message the
real server pushes, in its own shape (no payload, ``progress``, ``store``).
"""

from __future__ import annotations

import copy
import threading
import uuid
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any

__all__ = ["EVENT_STATUSES", "DuplicateHashError", "EventRecord", "EventStore"]

#: One stored event, in the shape of ``GET /api/events/{id}``.
EventRecord = dict[str, Any]
#: What the websocket pushes for one new or changed event.
BroadcastMessage = dict[str, Any]

#: The statuses ``PATCH /api/events/{id}`` accepts, in the server's order.
EVENT_STATUSES = ("pending", "in_progress", "finished", "failed", "aborted", "restarted")

#: Fields ``PATCH /api/events/{id}`` may change.
PATCHABLE = (
    "sender",
    "project",
    "user",
    "status",
    "description",
    "summary",
    "payload",
    "retries",
)


class DuplicateHashError(Exception):
    """An event with the same hash is already stored (the server's 409)."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _aware(stamp: datetime) -> str:
    return stamp.isoformat(timespec="microseconds")


def _naive(stamp: str) -> str:
    """The websocket's timestamps of new events have no timezone."""
    return stamp.replace("+00:00", "")


class EventStore:
    """Thread-safe store of events, with listeners told of each new or changed one."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._events: dict[str, EventRecord] = {}
        self._order: dict[str, int] = {}
        self._by_hash: dict[str, str] = {}
        self._counter = 0
        self._listeners: list[Callable[[EventRecord], None]] = []
        self._broadcast: list[Callable[[BroadcastMessage], None]] = []

    @property
    def lock(self) -> threading.RLock:
        """Held while a compound change (an enroll) must see a stable store."""
        return self._lock

    # ------------------------------------------------------------------ creating
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
        """Create an event (stored unless ``store`` is false) and tell the listeners.

        A hash that is already stored raises :class:`DuplicateHashError`.
        """
        return self.dispatch(
            topic,
            project=project,
            user=user,
            summary=summary,
            payload=payload,
            description=description,
            sender=sender,
            sender_type=sender_type,
            depends_on=depends_on,
            status=status,
            event_hash=event_hash,
            store=store,
        )

    def dispatch(
        self,
        topic: str,
        *,
        project: str | None = None,
        user: str | None = None,
        summary: Mapping[str, Any] | None = None,
        payload: Mapping[str, Any] | None = None,
        description: str = "",
        sender: str | None = None,
        sender_type: str | None = None,
        depends_on: str | None = None,
        status: str = "finished",
        event_hash: str | None = None,
        store: bool = True,
        reuse: bool = False,
    ) -> EventRecord:
        """What ``POST /api/events`` does: a repeated hash is a
        :class:`DuplicateHashError`, unless ``reuse``, which stores the event
        again under a new id (the old id is gone)."""
        event_id = uuid.uuid4().hex
        now = _aware(_now())
        record: EventRecord = {
            "id": event_id,
            "hash": event_hash or event_id,
            "topic": topic,
            "project": project,
            "user": user,
            "sender": sender,
            "senderType": sender_type or "api",
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
                old = self._by_hash.get(record["hash"])
                if old is not None:
                    if not reuse:
                        raise DuplicateHashError(record["hash"])
                    self._events.pop(old, None)
                    self._order.pop(old, None)
                self._counter += 1
                self._events[event_id] = record
                self._order[event_id] = self._counter
                self._by_hash[record["hash"]] = event_id
            listeners = list(self._listeners)
            broadcast = list(self._broadcast)
        self._tell(listeners, broadcast, record, new=True, store=store)
        return copy.deepcopy(record)

    # ------------------------------------------------------------------ changing
    def update(self, event_id: str, changes: Mapping[str, Any]) -> EventRecord | None:
        """Apply a ``PATCH``: known fields change, ``progress`` is only broadcast.

        Returns the changed record, or ``None`` when no event has this id.
        """
        progress = changes.get("progress")
        with self._lock:
            record = self._events.get(event_id)
            if record is None:
                return None
            for key in PATCHABLE:
                if key in changes:
                    value = changes[key]
                    record[key] = dict(value or {}) if key in ("summary", "payload") else value
            record["updatedAt"] = _aware(_now())
            snapshot = copy.deepcopy(record)
            listeners = list(self._listeners)
            broadcast = list(self._broadcast)
        self._tell(listeners, broadcast, snapshot, new=False, progress=progress)
        return snapshot

    def delete(self, event_id: str) -> bool:
        """Forget one event; false when there was none."""
        with self._lock:
            record = self._events.pop(event_id, None)
            if record is None:
                return False
            self._order.pop(event_id, None)
            if self._by_hash.get(record["hash"]) == event_id:
                del self._by_hash[record["hash"]]
            return True

    # ------------------------------------------------------------------ reading
    def get(self, event_id: str) -> EventRecord | None:
        """The stored event with this id, or ``None``."""
        with self._lock:
            record = self._events.get(event_id)
            return copy.deepcopy(record) if record is not None else None

    def all(self) -> list[EventRecord]:
        """Every stored event, oldest first."""
        with self._lock:
            return [copy.deepcopy(r) for r in self._events.values()]

    def ordered(self) -> list[tuple[int, EventRecord]]:
        """Every stored event with its creation number (the cursor), oldest first.

        Records are the store's own: callers read them under :attr:`lock` only.
        """
        with self._lock:
            return [(self._order[i], r) for i, r in self._events.items()]

    def find_by_hash(self, event_hash: str) -> EventRecord | None:
        """The stored event with this hash, or ``None``."""
        with self._lock:
            event_id = self._by_hash.get(event_hash)
            return self.get(event_id) if event_id is not None else None

    # ------------------------------------------------------------------ subscribers
    def add_listener(self, listener: Callable[[EventRecord], None]) -> None:
        """Call ``listener`` with every event emitted or changed from now on."""
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[EventRecord], None]) -> None:
        """Stop calling ``listener``."""
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def add_broadcast(self, subscriber: Callable[[BroadcastMessage], None]) -> None:
        """Call ``subscriber`` with each websocket message from now on."""
        with self._lock:
            self._broadcast.append(subscriber)

    def remove_broadcast(self, subscriber: Callable[[BroadcastMessage], None]) -> None:
        """Stop calling ``subscriber``."""
        with self._lock:
            if subscriber in self._broadcast:
                self._broadcast.remove(subscriber)

    def reset(self) -> None:
        """Forget every stored event (listeners stay)."""
        with self._lock:
            self._events.clear()
            self._order.clear()
            self._by_hash.clear()

    # ------------------------------------------------------------------ plumbing
    @staticmethod
    def _tell(
        listeners: list[Callable[[EventRecord], None]],
        broadcast: list[Callable[[BroadcastMessage], None]],
        record: EventRecord,
        *,
        new: bool,
        store: bool = True,
        progress: Any = None,
    ) -> None:
        for listener in listeners:
            listener(record)
        if not broadcast:
            return
        message = {k: v for k, v in record.items() if k not in ("payload", "hash", "retries")}
        if new:
            message["progress"] = 100 if record["status"] == "finished" else 0
            message["store"] = store
            message["createdAt"] = _naive(record["createdAt"])
            message["updatedAt"] = _naive(record["updatedAt"])
        else:
            message["progress"] = float(progress) if progress is not None else None
        for subscriber in broadcast:
            subscriber(message)
