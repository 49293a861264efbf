"""What one write transaction of the stand-in changed, so it can be undone.

The operations endpoint changes the production in place through a
:class:`Transaction`; every primitive change is logged, so an all-or-nothing
commit that fails is rolled back exactly, and the events it would have
emitted are dropped with it.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Any

__all__ = ["OpFailure", "Transaction", "dashed", "server_id"]

_MISSING = object()


def dashed(entity_id: str) -> str:
    """An id as PostgreSQL prints a UUID in its error texts."""
    try:
        return str(uuid.UUID(entity_id))
    except ValueError:
        return entity_id


def server_id() -> str:
    """An id made by the server (operations, thumbnails, activities, files)."""
    return uuid.uuid4().hex


class OpFailure(Exception):
    """One operation refused: its HTTP-like status, error code and detail."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        self.status = status
        self.code = code
        self.detail = detail
        super().__init__(detail)


def not_found(entity_id: str) -> OpFailure:
    return OpFailure(404, "not-found", f"Entity {entity_id} not found")


def foreign_key(column: str, value: str, table: str) -> OpFailure:
    return OpFailure(
        409,
        "foreign-key-violation",
        f"{column} '{value}' is not present in table \"{table}\".",
    )


class Transaction:
    """Logged changes to node dicts, lists and indexes, plus the events to emit."""

    def __init__(self) -> None:
        self._undo: list[Callable[[], None]] = []
        #: (topic, emit keyword arguments), emitted when the transaction commits.
        self.events: list[tuple[str, dict[str, Any]]] = []
        #: Work the server's event hooks do once the transaction has committed
        #: (each writes through a transaction of its own).
        self.hooks: list[Callable[[Transaction], None]] = []

    def put(self, mapping: dict[Any, Any], key: Any, value: Any) -> None:
        """``mapping[key] = value``, undoably."""
        old = mapping.get(key, _MISSING)
        mapping[key] = value

        def undo() -> None:
            if old is _MISSING:
                mapping.pop(key, None)
            else:
                mapping[key] = old

        self._undo.append(undo)

    def pop(self, mapping: dict[Any, Any], key: Any) -> None:
        """``del mapping[key]``, undoably."""
        if key in mapping:
            self.put(mapping, key, mapping[key])
            del mapping[key]

    def append(self, items: list[Any], item: Any) -> None:
        """``items.append(item)``, undoably."""
        items.append(item)
        self._undo.append(lambda: items.remove(item))

    def remove(self, items: list[Any], item: Any) -> None:
        """``items.remove(item)``, undoably (put back where it was)."""
        for index, found in enumerate(items):
            if found is item:
                del items[index]
                self._undo.append(functools.partial(items.insert, index, item))
                return

    def emit(self, topic: str, **options: Any) -> None:
        """An event to emit when the transaction commits."""
        self.events.append((topic, options))

    def after_commit(self, hook: Callable[[Transaction], None]) -> None:
        """Work an event hook of the server does once this transaction has committed."""
        self.hooks.append(hook)

    def rollback(self) -> None:
        """Undo every change, newest first, and drop the events and hooks."""
        while self._undo:
            self._undo.pop()()
        self.events.clear()
        self.hooks.clear()

    def absorb(self, other: Transaction) -> None:
        """Take over ``other``'s changes (an operation joining the request's transaction)."""
        self._undo.extend(other._undo)
        self.events.extend(other.events)
        self.hooks.extend(other.hooks)
        other._undo, other.events, other.hooks = [], [], []
