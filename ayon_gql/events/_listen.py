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
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from ayon_gql.events._listener_core import DEFAULT_HEARTBEAT_TIMEOUT, ListenerCore
from ayon_gql.events._models import EventMessage
from ayon_gql.events._wire import (
    CATCH_UP_QUERY,
    WATERMARK_QUERY,
    catch_up_page,
    catch_up_variables,
    missing_library,
    ssl_context,
    websocket_errors,
    websocket_token,
    websocket_url,
)

if TYPE_CHECKING:
    from ayon_gql._connection import Connection

__all__ = ["DEFAULT_HEARTBEAT_TIMEOUT", "EventListener"]


class EventListener(ListenerCore):
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
        super().__init__(
            topics,
            project,
            heartbeat_timeout=heartbeat_timeout,
            reconnect_delay=reconnect_delay,
            max_reconnect_delay=max_reconnect_delay,
            max_reconnects=max_reconnects,
            catch_up=catch_up,
        )
        self._connection = connection
        self._closed = threading.Event()

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
            self._begin()
            self._connect(catch_up=False)
            if self._catch_up:
                self._take_watermark(
                    self._connection.graphql(WATERMARK_QUERY, None, "EventWatermark")
                )
        return self

    def _receive(self) -> EventMessage | None:
        connection_closed, _ = websocket_errors()

        try:
            raw = self._socket.recv(timeout=self._heartbeat_timeout)
        except (TimeoutError, connection_closed, OSError, RuntimeError):
            if not self._closed.is_set():
                self._reconnect()
            return None
        message = self._wanted(raw)
        if not self._confirm:
            return message
        self._confirm = False
        try:
            self._run_catch_up(fresh=False)
        except self._retried():
            self._reconnect()
            return None
        self._hold(message)
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
                self._closed.wait(self._delay_after(exc))

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
        self._keep_caught_up(found, fresh=fresh)

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
