"""Live events, asynchronously: ``async for message in client.events.listen(...)``.

The same protocol, reconnects and catch-up as :mod:`._listen`, over the
websocket library's asyncio client and an :class:`AsyncConnection`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Sequence
from datetime import datetime, timezone
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import ServerError, TransportError
from ayon_gql.events._listen import DEFAULT_HEARTBEAT_TIMEOUT
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
    from ayon_gql._connection import AsyncConnection

__all__ = ["AsyncEventListener"]


class AsyncEventListener:
    """An async iterator over live events; see :class:`~ayon_gql.events.EventListener`."""

    def __init__(
        self,
        connection: AsyncConnection,
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
        self._closed = False
        self._checked = False
        self._floor: str | None = None
        # After a reconnect, a second catch-up runs on the first message the new
        # socket brings: the server has surely taken the subscription by then, so
        # an event dispatched while it was doing so is not missed.
        self._confirm = False
        #: How many times the socket was reopened.
        self.reconnects = 0

    def __aiter__(self) -> AsyncEventListener:
        return self

    async def __anext__(self) -> EventMessage:
        while True:
            if self._pending:
                return self._pending.popleft()
            if self._closed:
                raise StopAsyncIteration
            if self._seen is None:
                await self.start()
                continue
            message = await self._receive()
            assert self._seen is not None
            if message is not None and self._seen.live(message):
                return message

    async def start(self) -> AsyncEventListener:
        """Connect now (iteration connects on first use otherwise)."""
        if self._seen is None:
            self._seen = Seen(datetime.now(timezone.utc))
            await self._connect(catch_up=False)
            if self._catch_up:
                cursor, created = watermark(
                    await self._connection.graphql(WATERMARK_QUERY, None, "EventWatermark")
                )
                self._floor = cursor
                if created is not None:
                    self._seen.newest = created
                self._confirm = True
        return self

    async def _receive(self) -> EventMessage | None:
        connection_closed, _ = websocket_errors()

        try:
            raw = await asyncio.wait_for(self._socket.recv(), self._heartbeat_timeout)
        except (asyncio.TimeoutError, connection_closed, OSError, RuntimeError, AttributeError):
            if not self._closed:
                await self._reconnect()
            return None
        message = parse_message(raw)
        if message is not None and not self._subscription.wants(message.topic, message.project):
            message = None
        if not self._confirm:
            return message
        self._confirm = False
        try:
            await self._run_catch_up(fresh=False)
        except self._retried():
            await self._reconnect()
            return None
        assert self._seen is not None
        if message is not None and self._seen.live(message):
            self._pending.append(message)  # after what the catch-up found
        return None

    async def _open(self) -> None:
        try:
            from websockets.asyncio.client import connect
        except ImportError:
            raise missing_library() from None
        settings = self._connection.settings
        if not self._checked:
            await self._connection.request("GET", "/api/users/me", operation="listen")
            self._checked = True
        socket = await connect(
            websocket_url(settings),
            ssl=ssl_context(settings),
            open_timeout=settings.timeout,
            close_timeout=2,
            ping_interval=None,
            compression=None,
            proxy=None,
            user_agent_header="ayon-gql",
        )
        try:
            await socket.send(self._subscription.auth_message(websocket_token(settings)))
        except Exception:
            await socket.close()
            raise
        self._socket = socket

    @staticmethod
    def _retried() -> tuple[type[BaseException], ...]:
        """Failures after which the socket is opened again."""
        _, websocket_exception = websocket_errors()
        return (
            OSError,
            TransportError,
            ServerError,
            websocket_exception,
            asyncio.TimeoutError,
        )

    async def _connect(self, *, catch_up: bool) -> None:
        retried = self._retried()
        while not self._closed:
            try:
                await self._open()
                if catch_up and self._catch_up:
                    await self._run_catch_up()
                    self._confirm = True
                self._backoff.reset()
                return
            except retried as exc:
                await self._drop_socket()
                refused = fatal(exc)
                if refused is not None:
                    raise refused from None
                attempts = self._backoff.attempts
                if self._max_reconnects is not None and attempts >= self._max_reconnects:
                    raise TransportError(
                        f"event websocket unreachable after {attempts} reconnects: {exc}",
                        operation="listen",
                    ) from None
                await asyncio.sleep(self._backoff.next_delay())

    async def _reconnect(self) -> None:
        self.reconnects += 1
        await self._drop_socket()
        await self._connect(catch_up=True)

    async def _run_catch_up(self, *, fresh: bool = True) -> None:
        assert self._seen is not None
        since = self._seen.newest
        after = self._floor
        found: list[EventMessage] = []
        while True:
            data = await self._connection.graphql(
                CATCH_UP_QUERY,
                catch_up_variables(self._subscription, since, after),
                "CatchUpEvents",
            )
            page, after = catch_up_page(data, self._subscription)
            found.extend(page)
            if after is None:
                break
        if fresh:
            self._seen.new_catch_up()
        self._pending.extend(m for m in found if self._seen.caught_up(m))

    async def _drop_socket(self) -> None:
        socket, self._socket = self._socket, None
        if socket is not None:
            with contextlib.suppress(Exception):
                await socket.close()

    async def aclose(self) -> None:
        """Stop listening."""
        self._closed = True
        await self._drop_socket()

    async def __aenter__(self) -> AsyncEventListener:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        topics = self._subscription.topics
        return f"AsyncEventListener(topics={topics!r}, project={self._subscription.project!r})"
