"""``StandInServer``: lifecycle, authentication, routing to GraphQL and REST,
the request log and the entity data tests change.

It serves real sockets on 127.0.0.1 (HTTP/1.1 keep-alive) from a daemon
thread; the HTTP plumbing is in ``_http_handler``.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from ayon_gql.testing._cost import RequestCharge, RequestCost
from ayon_gql.testing._dataset import Dataset, Node, generate_dataset
from ayon_gql.testing._entity_data import EntityEdits
from ayon_gql.testing._event_store import EventStore
from ayon_gql.testing._faults import Faults
from ayon_gql.testing._graphql import GraphQLExecutor
from ayon_gql.testing._http_handler import (
    FRONT_PAGE,
    RecordedRequest,
    StandInHandler,
    StandInHTTPServer,
)
from ayon_gql.testing._openapi_doc import openapi_document
from ayon_gql.testing._resolver_context import RequestContext
from ayon_gql.testing._rest import (
    PUBLIC_PATHS,
    Request,
    Response,
    RestApi,
    error,
    rest_user,
    validation_error,
)
from ayon_gql.testing._served_schema import declared_attributes, load_snapshot_schema
from ayon_gql.testing._websocket import WebSocketHub


class StandInServer:
    """A local AYON-compatible server for tests, demos and benchmarks.

    Usage::

        with StandInServer() as srv:
            httpx.post(srv.url + "/graphql", headers={"X-Api-Key": srv.api_key}, ...)

    ``schema`` is the GraphQL schema to serve: an SDL file or an introspection
    JSON file, by default the stock snapshot shipped with ayon-gql.  A studio's
    schema with its own attributes is served as it is: the dataset fills every
    attribute it declares (see :meth:`Dataset.use_attributes`) and
    ``/api/attributes`` lists them.  ``schema_path`` is the former name of
    ``schema``.  ``dataset`` defaults to :func:`generate_dataset()`.  ``cost``
    makes every GraphQL request cost server time (:class:`RequestCost`).
    Requests are recorded in :attr:`requests`; faults are armed through
    :attr:`faults`; tests change entities with :meth:`set_entity_data`, and
    clients through the operations endpoint (events in :attr:`events`);
    :meth:`reset` undoes all of it.
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
        #: Events: dispatched ones and those writes emit (see :class:`EventStore`).
        self.events = EventStore()
        self.graphql = GraphQLExecutor(served, cost=cost)
        self.rest = RestApi(self.dataset, events=self.events, cost=cost)
        #: The websocket on ``/ws`` (heartbeat interval, auth timeout, ``drop_all``).
        self.websocket = WebSocketHub(self.events, self._websocket_user)
        self._used_keys: set[str] = set()
        self._edits = EntityEdits(self.dataset, served)
        self._host = host
        self._port = port
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._tokens: dict[str, str] = {}
        self._httpd: StandInHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> StandInServer:
        """Bind and serve in a background thread (idempotent)."""
        if self._httpd is not None:
            return self
        httpd = StandInHTTPServer((self._host, self._port), StandInHandler)
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
        self.websocket.drop_all()
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
        self.events.reset()
        self._edits.undo()
        self.rest.reset_writes()

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
    def _websocket_user(self, token: str) -> str | None:
        """Who a websocket token belongs to: a session token, or an API key
        once it has been used on REST (as on the real server)."""
        with self._lock:
            name = self._tokens.get(token)
            if name is None and token in self._used_keys:
                name = self.dataset.api_keys.get(token)
        return name

    def _authenticate(self, headers: dict[str, str]) -> tuple[Node | None, Response | None]:
        ds = self.dataset
        key = headers.get("x-api-key")
        auth = headers.get("authorization", "")
        user: Node | None = None
        if key:
            name = ds.api_keys.get(key)
            if name is None:
                return None, error(401, "Invalid API key")
            if key not in self._used_keys:
                with self._lock:
                    self._used_keys.add(key)
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
        # What the server still does in the background from earlier writes (their
        # events' hooks): done before a read, after any other request.
        pending = self.rest.take_pending()
        if method == "GET" or path.rstrip("/") == "/graphql":
            self.rest.run_pending(pending)
            pending = []
        try:
            return self._answer(method, path, query, headers, parsed, body)
        finally:
            self.rest.run_pending(pending)

    def _answer(
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
            context = RequestContext(self.dataset, user, events=self.events)
            result = self.graphql.run(
                parsed.get("query"),
                parsed.get("variables"),
                parsed.get("operationName"),
                context,
            )
            if context.charge is None:
                return Response(200, result)
            # Under a cost model, say what was charged (read by benchmarks).
            charge = context.charge
            timing = (
                f"standin-cost;dur={charge.seconds * 1000:.3f};"
                f'desc="{charge.fields} fields, {charge.weighted_fields:g} weighted"'
            )
            return Response(200, result, headers={"Server-Timing": timing})
        if path == "/" and method == "GET":
            # The real server answers its web front end here; clients such as
            # ayon-python-api probe it to see whether the server is up.
            return Response(200, raw=FRONT_PAGE, content_type="text/html; charset=utf-8")
        if path == "/openapi.json" and method == "GET":
            # The real server describes its models here, to authenticated callers only.
            if failure is not None:
                return failure
            return Response(200, openapi_document(self.dataset.attributes))
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
