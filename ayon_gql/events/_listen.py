"""Live events, synchronously: iterate over what the server's websocket pushes.

The listener connects through the client's own settings (URL, credentials,
CA file, client certificate, timeout), handles heartbeats, reconnects with
backoff when the socket drops or goes quiet, and after a reconnect catches up
through the GraphQL ``events`` query from the newest event it had seen, so no
stored event is missed and none comes twice.  (Unstored events, dispatched
with ``store=False``, exist only on the socket and cannot be caught up.)
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import ServerError, TransportError
from ayon_gql.events._models import EventMessage
from ayon_gql.events._wire import (
    CATCH_UP_QUERY,
    WATERMARK_QUERY,
    Backoff,
    Seen,
    Subscription,
    catch_up_page,
    catch_up_variables,
    fatal,
    missing_library,
    parse_message,
    ssl_context,
    watermark,
    websocket_errors,
    websocket_token,
    websocket_url,
)

if TYPE_CHECKING:
    from ayon_gql._connection import Connection

__all__ = ["DEFAULT_HEARTBEAT_TIMEOUT", "EventListener"]

#: Seconds without any message (the server sends a heartbeat every ~6 s)
#: after which the socket is taken for dead and reopened.
DEFAULT_HEARTBEAT_TIMEOUT = 20.0

#: Failures after which a reconnect is tried again (anything else, such as
#: refused credentials, is raised).
_RETRIED: tuple[type[BaseException], ...] = (OSError, TransportError, ServerError)


class EventListener:
    """An iterator over live events: ``for message in client.events.listen("entity.version"):``.

    ``topics`` are prefixes (``"entity.version"``, ``"entity.version.created"``)
    or ``"*"``; ``project`` keeps that project's events and those without a
    project.  Iteration ends when :meth:`close` is called (from any thread, or
    by leaving the ``with`` block).  ``max_reconnects`` bounds consecutive
    failed reconnects (``None``: keep trying, backing off to
    ``max_reconnect_delay`` seconds); past it :class:`TransportError` is raised.
    """

    def __init__(
        self,
        connection: Connection,
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
        self._connection = connection
        self._heartbeat_timeout = heartbeat_timeout
        self._backoff = Backoff(reconnect_delay, max_reconnect_delay)
        self._max_reconnects = max_reconnects
        self._catch_up = catch_up
        self._socket: Any = None
        self._pending: deque[EventMessage] = deque()
        self._seen: Seen | None = None
        self._closed = threading.Event()
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

    # ------------------------------------------------------------------ iteration
    def __iter__(self) -> Iterator[EventMessage]:
        return self

    def __next__(self) -> EventMessage:
        while True:
            if self._pending:
                return self._pending.popleft()
            if self._closed.is_set():
                raise StopIteration
            if self._seen is None:
                self.start()
                continue
            message = self._receive()
            if message is not None and self._seen.live(message):
                return message

    def start(self) -> EventListener:
        """Connect now (iteration connects on first use otherwise)."""
        if self._seen is None:
            self._seen = Seen(datetime.now(timezone.utc))
            self._connect(catch_up=False)
            if self._catch_up:
                cursor, created = watermark(
                    self._connection.graphql(WATERMARK_QUERY, None, "EventWatermark")
                )
                self._floor = cursor
                if created is not None:
                    self._seen.newest = created
                self._confirm = True
        return self

    def _receive(self) -> EventMessage | None:
        connection_closed, _ = websocket_errors()

        try:
            raw = self._socket.recv(timeout=self._heartbeat_timeout)
        except (TimeoutError, connection_closed, OSError, RuntimeError):
            if not self._closed.is_set():
                self._reconnect()
            return None
        message = parse_message(raw)
        if message is not None and not self._subscription.wants(message.topic, message.project):
            message = None
        if not self._confirm:
            return message
        self._confirm = False
        try:
            self._run_catch_up(fresh=False)
        except self._retried():
            self._reconnect()
            return None
        assert self._seen is not None
        if message is not None and self._seen.live(message):
            self._pending.append(message)  # after what the catch-up found
        return None

    # ------------------------------------------------------------------ connecting
    def _open(self) -> None:
        try:
            from websockets.sync.client import connect
        except ImportError:
            raise missing_library() from None
        settings = self._connection.settings
        if not self._checked:
            # Checks the credentials with a clear error, and makes an API key
            # usable as a websocket token (the server wants it used on REST first).
            self._connection.request("GET", "/api/users/me", operation="listen")
            self._checked = True
        socket = connect(
            websocket_url(settings),
            ssl=ssl_context(settings),
            open_timeout=settings.timeout,
            close_timeout=2,
            ping_interval=None,
            compression=None,
            proxy=None,
            user_agent_header="ayon-gql",
        )
        # Entered for the library's sake (a connection made outside a ``with``
        # is deprecated); it is closed by _drop_socket.
        socket.__enter__()
        try:
            socket.send(self._subscription.auth_message(websocket_token(settings)))
        except Exception:
            socket.close()
            raise
        self._socket = socket

    @staticmethod
    def _retried() -> tuple[type[BaseException], ...]:
        """Failures after which the socket is opened again."""
        _, websocket_exception = websocket_errors()
        return (*_RETRIED, websocket_exception)

    def _connect(self, *, catch_up: bool) -> None:
        retried = self._retried()
        while not self._closed.is_set():
            try:
                self._open()
                if catch_up and self._catch_up:
                    self._run_catch_up()
                    self._confirm = True
                self._backoff.reset()
                return
            except retried as exc:
                self._drop_socket()
                refused = fatal(exc)
                if refused is not None:
                    raise refused from None
                attempts = self._backoff.attempts
                if self._max_reconnects is not None and attempts >= self._max_reconnects:
                    raise TransportError(
                        f"event websocket unreachable after {attempts} reconnects: {exc}",
                        operation="listen",
                    ) from None
                self._closed.wait(self._backoff.next_delay())

    def _reconnect(self) -> None:
        self.reconnects += 1
        self._drop_socket()
        self._connect(catch_up=True)

    def _run_catch_up(self, *, fresh: bool = True) -> None:
        assert self._seen is not None
        since = self._seen.newest
        after = self._floor
        found: list[EventMessage] = []
        while True:
            data = self._connection.graphql(
                CATCH_UP_QUERY,
                catch_up_variables(self._subscription, since, after),
                "CatchUpEvents",
            )
            page, after = catch_up_page(data, self._subscription)
            found.extend(page)
            if after is None:
                break
        # Only once the whole catch-up succeeded is anything marked as seen.
        if fresh:
            self._seen.new_catch_up()
        self._pending.extend(m for m in found if self._seen.caught_up(m))

    def _drop_socket(self) -> None:
        socket, self._socket = self._socket, None
        if socket is not None:
            with contextlib.suppress(Exception):
                socket.close()

    # ------------------------------------------------------------------ closing
    def close(self) -> None:
        """Stop listening; a pending ``next()`` in another thread returns."""
        self._closed.set()
        self._drop_socket()

    def __enter__(self) -> EventListener:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EventListener(topics={self.topics!r}, project={self.project!r})"
