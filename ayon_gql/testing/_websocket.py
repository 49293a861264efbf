"""The stand-in's websocket, ``/ws`` on the same port as HTTP, as the real server speaks it.

Recorded protocol (``event-ws-*``): the client sends ``{"topic": "auth",
"token", "subscribe": [prefixes], "project"?}`` and gets no reply; a bad token
gets nothing and is closed (code 1000) ``auth_timeout`` seconds after
connecting.  Subscriptions are plain prefixes (``["*"]`` is everything,
``"test.*"`` matches nothing); with ``project`` set, other projects' events are
dropped and events without a project pass.  While idle a
``{"topic": "heartbeat"}`` comes every ``heartbeat_interval`` seconds (6 on
the real server; tests make it short).

The protocol itself is websockets' sans-I/O :class:`ServerProtocol`, driven
from the stdlib request handler's thread; broadcasts come from whichever
thread changed an event, so each connection's protocol and socket are used
under a lock.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from websockets.frames import Frame, Opcode
from websockets.http11 import Request as WsRequest
from websockets.server import ServerProtocol

from ayon_gql.testing._event_store import EventStore

if TYPE_CHECKING:
    from http.server import BaseHTTPRequestHandler

__all__ = ["WebSocketHub"]

_ALWAYS = ("heartbeat", "server.started", "server.restart_requested")


class _Client:
    """One websocket connection."""

    def __init__(self, protocol: ServerProtocol, sock: socket.socket) -> None:
        self.protocol = protocol
        self.sock = sock
        self.lock = threading.Lock()
        self.subscribe: tuple[str, ...] = ()
        self.project: str | None = None
        self.user: str | None = None
        self.last_sent = time.monotonic()
        self.closed = False

    def wants(self, message: dict[str, Any]) -> bool:
        topic = str(message.get("topic", ""))
        if (
            topic not in _ALWAYS
            and "*" not in self.subscribe
            and not any(topic.startswith(prefix) for prefix in self.subscribe)
        ):
            return False
        project = message.get("project")
        return self.project is None or project is None or project == self.project

    def send(self, message: dict[str, Any]) -> None:
        with self.lock:
            if self.closed:
                return
            self.protocol.send_text(json.dumps(message).encode())
            self._flush()
            self.last_sent = time.monotonic()

    def _flush(self) -> None:
        for data in self.protocol.data_to_send():
            if not data:
                continue
            try:
                self.sock.sendall(data)
            except OSError:
                self.closed = True
                return

    def flush(self) -> None:
        with self.lock:
            self._flush()


class WebSocketHub:
    """Every open ``/ws`` connection; broadcasts the event store's messages to them.

    ``token_user`` names the user a token belongs to (``None``: refused).
    Tests shorten :attr:`heartbeat_interval` and :attr:`auth_timeout` and
    drop connections with :meth:`drop_all` (a fault: sockets closed without a
    close frame, as when a network link breaks).
    """

    def __init__(self, store: EventStore, token_user: Callable[[str], str | None]) -> None:
        self.heartbeat_interval = 6.0
        self.auth_timeout = 3.0
        #: Seconds the server takes to act on an auth message (a slow server, for tests).
        self.auth_delay = 0.0
        self._token_user = token_user
        self._lock = threading.Lock()
        self._clients: set[_Client] = set()
        self._poll = 0.05
        store.add_broadcast(self.broadcast)

    @property
    def connected(self) -> int:
        """How many authenticated connections are open."""
        with self._lock:
            return sum(1 for c in self._clients if not c.closed)

    def broadcast(self, message: dict[str, Any]) -> None:
        """Send ``message`` to every connection subscribed to it."""
        with self._lock:
            clients = list(self._clients)
        for client in clients:
            if client.wants(message):
                client.send(message)

    def drop_all(self) -> int:
        """Cut every open connection without a close frame; returns how many."""
        with self._lock:
            clients = list(self._clients)
            self._clients.clear()
        for client in clients:
            with client.lock:
                client.closed = True
                with contextlib.suppress(OSError):
                    client.sock.shutdown(socket.SHUT_RDWR)
        return len(clients)

    # ------------------------------------------------------------------ serving
    def serve(self, handler: BaseHTTPRequestHandler) -> None:
        """Run one connection in the handler's thread until it closes."""
        protocol = ServerProtocol()
        lines = [f"{handler.requestline}\r\n"]
        lines += [f"{k}: {v}\r\n" for k, v in handler.headers.items()]
        protocol.receive_data(("".join(lines) + "\r\n").encode("latin-1"))
        events = protocol.events_received()
        if not events or not isinstance(events[0], WsRequest):
            return
        protocol.send_response(protocol.accept(events[0]))
        client = _Client(protocol, handler.connection)
        client.flush()
        try:
            self._run(client, handler)
        finally:
            with self._lock:
                self._clients.discard(client)
            client.closed = True

    def _run(self, client: _Client, handler: BaseHTTPRequestHandler) -> None:
        sock = client.sock
        sock.settimeout(self._poll)
        started = time.monotonic()
        authed = False
        while not client.closed:
            try:
                data = sock.recv(65536)
            except TimeoutError:
                data = None
            except OSError:
                return
            if data == b"":
                with client.lock:
                    client.protocol.receive_eof()
                return
            if data:
                with client.lock:
                    client.protocol.receive_data(data)
                    frames = client.protocol.events_received()
                    client._flush()
                for frame in frames:
                    if not isinstance(frame, Frame):
                        continue
                    if frame.opcode == Opcode.CLOSE:
                        return
                    if frame.opcode == Opcode.TEXT and not authed:
                        authed = self._auth(client, bytes(frame.data))
            now = time.monotonic()
            if not authed and now - started >= self.auth_timeout:
                with client.lock:
                    client.protocol.send_close(1000)
                    client._flush()
                return
            if authed and now - client.last_sent >= self.heartbeat_interval:
                client.send({"topic": "heartbeat"})

    def _auth(self, client: _Client, data: bytes) -> bool:
        try:
            message = json.loads(data)
        except ValueError:
            return False
        if not isinstance(message, dict) or message.get("topic") != "auth":
            return False
        user = self._token_user(str(message.get("token") or ""))
        if user is None:
            return False
        if self.auth_delay:
            time.sleep(self.auth_delay)
        subscribe = message.get("subscribe") or []
        client.subscribe = tuple(str(s) for s in subscribe if isinstance(s, str))
        project = message.get("project")
        client.project = project if isinstance(project, str) and project else None
        client.user = user
        client.last_sent = time.monotonic()
        with self._lock:
            self._clients.add(client)
        return True
