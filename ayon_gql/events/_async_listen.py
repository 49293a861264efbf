"""Live events, asynchronously: ``async for message in client.events.listen(...)``.

The same protocol, reconnects and catch-up as :mod:`._listen`, over the
websocket library's asyncio client and an :class:`AsyncConnection`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
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
    from ayon_gql._connection import AsyncConnection

__all__ = ["AsyncEventListener"]


class AsyncEventListener(ListenerCore):
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
        self._closed = False

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
            self._begin()
            await self._connect(catch_up=False)
            if self._catch_up:
                self._take_watermark(
                    await self._connection.graphql(WATERMARK_QUERY, None, "EventWatermark")
                )
        return self

    async def _receive(self) -> EventMessage | None:
        connection_closed, _ = websocket_errors()

        try:
            raw = await asyncio.wait_for(self._socket.recv(), self._heartbeat_timeout)
        except (asyncio.TimeoutError, connection_closed, OSError, RuntimeError, AttributeError):
            if not self._closed:
                await self._reconnect()
            return None
        message = self._wanted(raw)
        if not self._confirm:
            return message
        self._confirm = False
        try:
            await self._run_catch_up(fresh=False)
        except self._retried():
            await self._reconnect()
            return None
        self._hold(message)
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
                await asyncio.sleep(self._delay_after(exc))

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
        self._keep_caught_up(found, fresh=fresh)

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
