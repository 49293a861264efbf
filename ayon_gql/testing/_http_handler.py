"""HTTP plumbing of the stand-in: the request handler, body streaming, faults on the wire.

Built on the standard library's ``ThreadingHTTPServer``, so tests talk to the
stand-in through a real HTTP stack (timeouts, dropped connections and
truncated bodies behave as they would against a server).
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

from ayon_gql.testing._faults import FaultDecision
from ayon_gql.testing._rest import (
    Response,
    error,
    upload_target,
)

if TYPE_CHECKING:
    from ayon_gql.testing._server import StandInServer

_MEMORY_LIMIT = 8 << 20  # uploads larger than this go to a temporary file
_CHUNK = 1 << 16
# What a client hanging up looks like from the server's side of the socket.
_HANG_UPS = (ConnectionError, TimeoutError)
FRONT_PAGE = b"<!doctype html><title>AYON stand-in</title><p>AYON stand-in server</p>\n"


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it (header names lowercased)."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    json: Any = None
    body_size: int = 0
    time: float = field(default=0.0, compare=False)


class StandInHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that knows its ``StandInServer``."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128
    standin: StandInServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet when a client hangs up; report anything else as socketserver does.

        Clients close connections mid-answer all the time (a read-ahead page
        dropped when a loop stops early, a pool closed at exit): that is no
        error of the server's, and a traceback on stderr would only alarm.
        """
        if isinstance(sys.exc_info()[1], _HANG_UPS):
            return
        super().handle_error(request, client_address)


class StandInHandler(BaseHTTPRequestHandler):
    """One HTTP connection: reads requests, applies faults, writes answers."""

    protocol_version = "HTTP/1.1"
    server_version = "ayon-standin"
    sys_version = ""
    disable_nagle_algorithm = True
    server: StandInHTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet; tests read ``server.requests`` instead."""

    def do_GET(self) -> None:
        if (
            urlsplit(self.path).path == "/ws"
            and (self.headers.get("Upgrade") or "").lower() == "websocket"
        ):
            self.close_connection = True
            decision = self.server.standin.faults.decide("GET", "/ws")
            if decision.fail_status is not None:  # a refused handshake
                status = decision.fail_status
                detail = "Injected fault (stand-in server)"
                self._send(Response(status, {"code": status, "detail": detail}), decision)
                return
            self.server.standin.websocket.serve(self)
            return
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def do_HEAD(self) -> None:
        self._handle()

    # ------------------------------------------------------------------ plumbing
    def _body_chunks(self) -> Iterator[bytes]:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            while True:
                line = self.rfile.readline(65537)
                size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass
                    return
                remaining = size
                while remaining:
                    chunk = self.rfile.read(min(remaining, _CHUNK))
                    if not chunk:
                        raise ConnectionError("client closed during chunked body")
                    remaining -= len(chunk)
                    yield chunk
                self.rfile.readline(65537)
        else:
            remaining = int(self.headers.get("Content-Length") or 0)
            while remaining > 0:
                chunk = self.rfile.read(min(remaining, _CHUNK))
                if not chunk:
                    raise ConnectionError("client closed during body")
                remaining -= len(chunk)
                yield chunk

    def _read_body(self, to_disk: bool) -> tuple[bytes | Path, int]:
        buf = bytearray()
        spill: Any = None
        path: Path | None = None
        size = 0
        try:
            for chunk in self._body_chunks():
                size += len(chunk)
                if spill is not None:
                    spill.write(chunk)
                    continue
                buf += chunk
                if to_disk and len(buf) > _MEMORY_LIMIT:
                    fd, name = tempfile.mkstemp(
                        prefix="upload-", dir=self.server.standin.rest.state.tmpdir
                    )
                    spill = open(fd, "wb")  # noqa: SIM115
                    path = Path(name)
                    spill.write(bytes(buf))
                    buf.clear()
        finally:
            if spill is not None:
                spill.close()
        return (path if path is not None else bytes(buf)), size

    def _handle(self) -> None:
        srv = self.server.standin
        split = urlsplit(self.path)
        path = unquote(split.path)
        query = parse_qs(split.query, keep_blank_values=True)
        method = self.command
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            body, size = self._read_body(upload_target(method, path))
        except (ConnectionError, ValueError):
            self.close_connection = True
            return
        parsed: Any = None
        if isinstance(body, bytes) and body and "json" in headers.get("content-type", "json"):
            try:
                parsed = json.loads(body)
            except ValueError:
                parsed = None
        srv._record(RecordedRequest(method, path, query, headers, parsed, size, time.time()))
        decision = srv.faults.decide(method, path)
        if decision.delay:
            time.sleep(decision.delay)
        if decision.fail_status is not None:
            if decision.serve_first:
                srv._serve(method, path, query, headers, parsed, body)
            if isinstance(body, Path):
                body.unlink(missing_ok=True)
            status = decision.fail_status
            self._send(
                Response(status, {"code": status, "detail": "Injected fault (stand-in server)"}),
                decision,
            )
            return
        try:
            response = srv._serve(method, path, query, headers, parsed, body)
        except Exception as exc:  # pragma: no cover - a stand-in bug must not hang clients
            response = error(500, f"Stand-in server error: {exc!r}")
        self._send(response, decision)

    def _send(self, response: Response, decision: FaultDecision) -> None:
        payload = b"" if response.file is not None else response.payload()
        length = response.file.stat().st_size if response.file is not None else len(payload)
        self.send_response(response.status)
        if response.status != 204:
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(length))
        for key, value in response.headers.items():
            self.send_header(key, value)
        if decision.drop_after is not None:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD" or response.status == 204:
            return
        limit: int | None = None
        if decision.drop_after is not None:
            limit = max(0, min(decision.drop_after, length - 1))
        elif decision.truncate_after is not None and response.status < 300:
            limit = max(0, min(decision.truncate_after, length - 1)) if length else None
        try:
            if response.file is not None:
                with response.file.open("rb") as fh:
                    sent = 0
                    while True:
                        want = _CHUNK if limit is None else min(_CHUNK, limit - sent)
                        if want <= 0:
                            break
                        chunk = fh.read(want)
                        if not chunk:
                            break
                        self.wfile.write(chunk)
                        sent += len(chunk)
            else:
                self.wfile.write(payload if limit is None else payload[:limit])
            if limit is not None:
                self.wfile.flush()
                self.close_connection = True
                with contextlib.suppress(OSError):
                    self.connection.shutdown(socket.SHUT_RDWR)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
