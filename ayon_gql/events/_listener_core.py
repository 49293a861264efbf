"""What the sync and async event listeners share: their state, and every step
of listening that does no I/O (filtering a message, taking a watermark,
keeping what a catch-up found, deciding after a failed connect).

:class:`~ayon_gql.events.EventListener` and
:class:`~ayon_gql.events.AsyncEventListener` add the socket, the waits and the
requests, each in its own style.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from ayon_gql._errors import ServerError, TransportError
from ayon_gql.events._models import EventMessage
from ayon_gql.events._wire import (
    Backoff,
    Seen,
    Subscription,
    fatal,
    parse_message,
    watermark,
    websocket_errors,
)

__all__ = ["DEFAULT_HEARTBEAT_TIMEOUT", "ListenerCore"]

#: Seconds without any message (the server sends a heartbeat every ~6 s)
#: after which the socket is taken for dead and reopened.
DEFAULT_HEARTBEAT_TIMEOUT = 20.0


class ListenerCore:
    """The state of one listener and its I/O-free steps."""

    def __init__(
        self,
        topics: str | Sequence[str],
        project: str | None = None,
        *,
        heartbeat_timeout: float = DEFAULT_HEARTBEAT_TIMEOUT,
        reconnect_delay: float = 0.1,
        max_reconnect_delay: float = 10.0,
        max_reconnects: int | None = None,
        catch_up: bool = True,
    ) -> None:
        self._subscription = Subscription(topics, project)
        self._heartbeat_timeout = heartbeat_timeout
        self._backoff = Backoff(reconnect_delay, max_reconnect_delay)
        self._max_reconnects = max_reconnects
        self._catch_up = catch_up
        self._socket: Any = None
        self._pending: deque[EventMessage] = deque()
        self._seen: Seen | None = None
        self._checked = False
        self._floor: str | None = None
        # After a reconnect, a second catch-up runs on the first message the new
        # socket brings: the server has surely taken the subscription by then, so
        # an event dispatched while it was doing so is not missed.
        self._confirm = False
        #: How many times the socket was reopened.
        self.reconnects = 0

    @property
    def topics(self) -> tuple[str, ...]:
        return self._subscription.topics

    @property
    def project(self) -> str | None:
        return self._subscription.project

    def _begin(self) -> Seen:
        """Start remembering what was seen, from now."""
        self._seen = Seen(datetime.now(timezone.utc))
        return self._seen

    def _take_watermark(self, data: Any) -> None:
        """Catch-ups start after the newest stored event at connect time."""
        assert self._seen is not None
        cursor, created = watermark(data)
        self._floor = cursor
        if created is not None:
            self._seen.newest = created
        self._confirm = True

    def _wanted(self, raw: Any) -> EventMessage | None:
        """A received frame as a message of the subscription, or None."""
        message = parse_message(raw)
        if message is not None and not self._subscription.wants(message.topic, message.project):
            return None
        return message

    def _hold(self, message: EventMessage | None) -> None:
        """Queue a live message behind what a catch-up found."""
        assert self._seen is not None
        if message is not None and self._seen.live(message):
            self._pending.append(message)

    def _keep_caught_up(self, found: list[EventMessage], *, fresh: bool) -> None:
        """Queue what a whole catch-up found and was not seen yet."""
        assert self._seen is not None
        if fresh:  # only once the whole catch-up succeeded is anything marked seen
            self._seen.new_catch_up()
        self._pending.extend(m for m in found if self._seen.caught_up(m))

    @staticmethod
    def _retried() -> tuple[type[BaseException], ...]:
        """Failures after which the socket is opened again (anything else, such
        as refused credentials, is raised)."""
        _, websocket_exception = websocket_errors()
        return (
            OSError,
            TransportError,
            ServerError,
            websocket_exception,
            asyncio.TimeoutError,
        )

    def _delay_after(self, exc: BaseException) -> float:
        """Seconds to wait before connecting again after ``exc``; raises when
        the server refused us or the reconnects are used up."""
        refused = fatal(exc)
        if refused is not None:
            raise refused from None
        attempts = self._backoff.attempts
        if self._max_reconnects is not None and attempts >= self._max_reconnects:
            raise TransportError(
                f"event websocket unreachable after {attempts} reconnects: {exc}",
                operation="listen",
            ) from None
        return self._backoff.next_delay()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(topics={self.topics!r}, project={self.project!r})"
