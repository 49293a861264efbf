"""The stand-in HTTP server: real sockets on 127.0.0.1, HTTP/1.1 keep-alive.

Built on the standard library's ``ThreadingHTTPServer`` running in a daemon
thread, so tests talk to it through a real HTTP stack (timeouts, dropped
connections and truncated bodies behave as they would against a server).
"""

from __future__ import annotations

import contextlib
import json
import secrets
import socket
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from ayon_gql._errors import InvalidInputError
from ayon_gql.testing._cost import RequestCharge, RequestCost
from ayon_gql.testing._dataset import Dataset, Node, generate_dataset
from ayon_gql.testing._entity_data import EntityEdits
from ayon_gql.testing._faults import FaultDecision, Faults
from ayon_gql.testing._graphql import GraphQLExecutor
from ayon_gql.testing._resolver_context import RequestContext
from ayon_gql.testing._rest import (
    PUBLIC_PATHS,
    Request,
    Response,
    RestApi,
    error,
    rest_user,
    upload_target,
    validation_error,
)
from ayon_gql.testing._served_schema import declared_attributes, load_snapshot_schema

_MEMORY_LIMIT = 8 << 20  # uploads larger than this go to a temporary file
_CHUNK = 1 << 16
_FRONT_PAGE = b"<!doctype html><title>AYON stand-in</title><p>AYON stand-in server</p>\n"


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


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128
    standin: StandInServer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ayon-standin"
    sys_version = ""
    disable_nagle_algorithm = True
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet; tests read ``server.requests`` instead."""

    def do_GET(self) -> None:
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


class StandInServer:
    """A local AYON-compatible server for tests, demos and benchmarks.

    Usage::

        with StandInServer() as srv:
            httpx.post(srv.url + "/graphql", headers={"X-Api-Key": srv.api_key}, ...)

    ``schema`` is the GraphQL schema to serve: an SDL file or an introspection
    JSON file, by default the stock snapshot shipped with ayon-gql.  A studio's
    schema with its own attributes is served as it is: the dataset fills every
    attribute it declares (see :meth:`Dataset.use_attributes`) and
    ``/api/attributes`` lists them.  ``dataset`` defaults to
    :func:`generate_dataset()`.  ``cost`` makes every GraphQL request cost
    server time (:class:`RequestCost`).  Requests are recorded in
    :attr:`requests`; faults are armed through :attr:`faults`; tests change
    entities with :meth:`set_entity_data`; :meth:`reset` undoes all of it.
    """

    def __init__(
        self,
        dataset: Dataset | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        schema: str | Path | None = None,
        schema_path: str | Path | None = None,
        cost: RequestCost | None = None,
    ) -> None:
        served = load_snapshot_schema(schema if schema is not None else schema_path)
        attributes = declared_attributes(served)
        if dataset is None:
            dataset = generate_dataset(attributes=attributes)
        else:
            dataset.use_attributes(attributes)
        self.dataset = dataset
        self.schema = served
        self.faults = Faults()
        self.graphql = GraphQLExecutor(served, cost=cost)
        self.rest = RestApi(self.dataset)
        self._edits = EntityEdits(self.dataset, served)
        self._host = host
        self._port = port
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._tokens: dict[str, str] = {}
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> StandInServer:
        """Bind and serve in a background thread (idempotent)."""
        if self._httpd is not None:
            return self
        httpd = _HTTPServer((self._host, self._port), _Handler)
        httpd.standin = self
        self._httpd = httpd
        self._port = httpd.server_address[1]
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"ayon-standin-{self._port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the socket and temporary files."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.rest.state.close()

    def __enter__(self) -> StandInServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------ public info
    @property
    def host(self) -> str:
        return self._host

    @property
    def port(self) -> int:
        """The bound port (chosen by the OS when constructed with ``port=0``)."""
        return self._port

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:54321`` (no trailing slash)."""
        return f"http://{self._host}:{self._port}"

    @property
    def api_key(self) -> str:
        """API key of the service user ``service`` (send it as ``X-Api-Key``)."""
        return self.dataset.service_api_key

    def login(self, name: str = "admin", password: str = "admin") -> str:
        """Create a session token directly (what ``POST /api/auth/login`` returns)."""
        if self.dataset.passwords.get(name) != password:
            raise ValueError("Invalid login/password combination")
        token = secrets.token_hex(32)
        with self._lock:
            self._tokens[token] = name
        return token

    # ------------------------------------------------------------------ request log
    def _record(self, rec: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(rec)

    @property
    def requests(self) -> list[RecordedRequest]:
        """A snapshot of every request received since the last clear."""
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        with self._lock:
            self._requests.clear()

    @property
    def charges(self) -> list[RequestCharge]:
        """What each GraphQL request was charged under the cost model (see ``cost``)."""
        return self.graphql.charges

    def reset(self) -> None:
        """Disarm faults, clear the request log and charges, restore REST state and entities."""
        self.faults.reset()
        self.clear_requests()
        self.graphql.clear_charges()
        self.rest.state.reset()
        self._edits.undo()

    # ------------------------------------------------------------------ entity data
    def set_entity_data(
        self,
        project_name: str,
        entity_id: str,
        *,
        attrib: Mapping[str, Any] | None = None,
        **fields: Any,
    ) -> None:
        """Change an entity's data as GraphQL serves it, until :meth:`reset`.

        ``attrib`` sets attribute values (any attribute the served schema
        declares for the entity, custom ones included; ``None`` unsets one);
        it becomes the entity's own value, ``allAttrib`` follows, and a
        folder's new values pass down to the subfolders and tasks that inherit
        them.  Other keyword arguments set fields by their GraphQL name
        (``status="Approved"``, ``tags=["hero"]``).  Unknown projects, ids,
        attributes or fields and values of the wrong type raise
        :class:`~ayon_gql.InvalidInputError` and change nothing.

        ::

            server.set_entity_data("demo_Commercial", version_id, attrib={"shotCode": "X01"})
        """
        self._edits.set(project_name, entity_id, attrib, fields)

    # ------------------------------------------------------------------ serving
    def _authenticate(self, headers: dict[str, str]) -> tuple[Node | None, Response | None]:
        ds = self.dataset
        key = headers.get("x-api-key")
        auth = headers.get("authorization", "")
        user: Node | None = None
        if key:
            name = ds.api_keys.get(key)
            if name is None:
                return None, error(401, "Invalid API key")
            user = ds.users_by_name[name]
        elif auth.lower().startswith("bearer "):
            token = auth[7:].strip()
            with self._lock:
                name = self._tokens.get(token)
            if name is None:
                name = ds.api_keys.get(token)
            if name is None:
                return None, error(401, "Invalid session")
            user = ds.users_by_name[name]
        else:
            return None, error(401, "Access token is missing")
        as_user = headers.get("x-as-user")
        if as_user and user["isService"]:
            other = ds.users_by_name.get(as_user)
            if other is None:
                return None, error(401, f"User {as_user} not found")
            user = other
        return user, None

    def _serve(
        self,
        method: str,
        path: str,
        query: dict[str, list[str]],
        headers: dict[str, str],
        parsed: Any,
        body: bytes | Path,
    ) -> Response:
        if method == "HEAD":
            # The real server has no HEAD routes: every HEAD is a 404.
            return error(404, f"API endpoint {path} not found")
        if path == "/api/auth/login" and method == "POST":
            return self._login(parsed)
        user, failure = self._authenticate(headers)
        if path == "/graphql" or path == "/graphql/":
            if failure is not None:
                return failure
            if method != "POST":
                return error(405, "Method not allowed")
            if not isinstance(parsed, dict):
                return error(400, "Invalid JSON body")
            assert user is not None
            result = self.graphql.run(
                parsed.get("query"),
                parsed.get("variables"),
                parsed.get("operationName"),
                RequestContext(self.dataset, user),
            )
            return Response(200, result)
        if path == "/" and method == "GET":
            # The real server answers its web front end here; clients such as
            # ayon-python-api probe it to see whether the server is up.
            return Response(200, raw=_FRONT_PAGE, content_type="text/html; charset=utf-8")
        if not path.startswith("/api/"):
            return error(404, "Not found")
        if failure is not None:
            if path in PUBLIC_PATHS:
                user = None
            else:
                return failure
        req = Request(method, path, query, headers, parsed, body, user)
        return self.rest.dispatch(req)

    def _login(self, body: Any) -> Response:
        if not isinstance(body, dict) or "name" not in body or "password" not in body:
            missing = [
                k for k in ("name", "password") if not isinstance(body, dict) or k not in body
            ]
            return validation_error(
                "POST",
                "/api/auth/login",
                [
                    {"loc": ["body", k], "msg": "field required", "type": "value_error.missing"}
                    for k in missing
                ],
            )
        name, password = str(body["name"]), str(body["password"])
        try:
            token = self.login(name, password)
        except ValueError:
            return error(403, "Invalid login/password combination")
        user = self.dataset.users_by_name[name]
        return Response(
            200,
            {
                "detail": f"Logged in as {name}",
                "error": None,
                "redirectUrl": None,
                "token": token,
                "user": rest_user(user),
            },
        )


def cost_from_options(
    *,
    preset: str | None = None,
    per_request: float | None = None,
    per_field: float | None = None,
    weights: Sequence[str] = (),
) -> RequestCost | None:
    """A cost model from command-line options; None when none is given.

    ``preset`` ``"ayon-1.16"`` starts from :meth:`RequestCost.ayon_1_16`;
    ``per_request``/``per_field`` replace its figures and ``weights``
    (``"VersionNode.allAttrib=8"``) add to or replace its field weights.
    """
    if preset is None and per_request is None and per_field is None and not weights:
        return None
    if preset not in (None, "ayon-1.16"):
        raise InvalidInputError(f"unknown cost preset {preset!r} (known: ayon-1.16)")
    base = RequestCost.ayon_1_16() if preset else RequestCost()
    table = dict(base.field_weights)
    for item in weights:
        key, sep, value = item.partition("=")
        try:
            table[key.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise InvalidInputError(f"a field weight is TYPE.FIELD=NUMBER, not {item!r}")
    return RequestCost(
        per_request=base.per_request if per_request is None else per_request,
        per_field=base.per_field if per_field is None else per_field,
        field_weights=table,
    )


def serve_forever(
    host: str = "127.0.0.1",
    port: int = 5000,
    *,
    latency: float = 0.0,
    schema: str | Path | None = None,
    cost: RequestCost | None = None,
    **dataset_kwargs: Any,
) -> None:
    """Run a stand-in server in the foreground until Ctrl-C.

    ``dataset_kwargs`` go to :func:`generate_dataset` (e.g. ``versions=50_000``).
    ``latency`` delays every answer by that many seconds, like a server across
    a network; ``cost`` charges every GraphQL request server time
    (:class:`RequestCost`); ``schema`` is the schema file to serve (default:
    the stock snapshot).  Prints the URL and the service user's API key.
    """
    dataset = generate_dataset(**dataset_kwargs)
    srv = StandInServer(dataset, host=host, port=port, schema=schema, cost=cost).start()
    if latency > 0:
        srv.faults.delay(latency, share=1.0)
    print(f"AYON stand-in server listening on {srv.url}", flush=True)
    print(f"API key (X-Api-Key): {srv.api_key}", flush=True)
    if schema is not None:
        print(f"Schema: {schema}", flush=True)
    if cost is not None:
        print(
            f"Cost per request: {cost.per_request:g} s, per field: {cost.per_field:g} s",
            flush=True,
        )
    print("Login: admin / admin. Press Ctrl-C to stop.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        srv.stop()
