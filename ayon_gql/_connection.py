"""HTTP connection to an AYON server: auth, headers, retries, timeouts, errors.

One pooled httpx client per connection, created on the first real call.
Retries use exponential backoff on connection failures and 502/503/504, and
never on 4xx.  Requests that are not idempotent are only retried when the
server cannot have acted on them (connection refused, 503).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import (
    AuthenticationError,
    AyonError,
    GraphQLError,
    GraphQLErrorDetail,
    GraphQLNotFoundError,
    HTTPStatusError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RequestValidationError,
    ServerError,
    TransportError,
)
from ayon_gql._nested import (
    ITEMS_PER_REQUEST,
    PARENTS_PER_REQUEST,
    acomplete_nested,
    complete_nested,
)
from ayon_gql._pagination import aiter_nodes, iter_nodes
from ayon_gql._validation import check_variables

if TYPE_CHECKING:
    import httpx


def _log(level: int, message: str, *args: Any) -> None:
    """Log through the ``ayon_gql`` logger; ``logging`` is imported on first use."""
    import logging

    logger = logging.getLogger("ayon_gql")
    if logger.isEnabledFor(level):
        logger.log(level, message, *args)


_DEBUG, _INFO = 10, 20

DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 3
RETRY_STATUSES = frozenset({502, 503, 504})
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_MAX_BACKOFF = 8.0

Validator = Callable[[str, Mapping[str, Any], "str | None"], None]


class ConnectionSettings:
    """Where and how to connect.  Immutable; secrets are kept out of ``repr``.

    (A plain class rather than a dataclass: building a dataclass costs
    milliseconds at import time, and ``import ayon_gql`` is kept fast.)
    """

    __slots__ = (
        "api_key",
        "as_user",
        "backoff",
        "base_url",
        "cert",
        "max_connections",
        "retries",
        "sender",
        "sender_type",
        "site_id",
        "timeout",
        "token",
        "verify",
    )

    base_url: str
    api_key: str | None
    token: str | None
    timeout: float
    retries: int
    backoff: float
    verify: bool | str
    cert: str | None
    as_user: str | None
    site_id: str | None
    sender: str | None
    sender_type: str | None
    max_connections: int

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        token: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff: float = 0.25,
        verify: bool | str = True,
        cert: str | None = None,
        as_user: str | None = None,
        site_id: str | None = None,
        sender: str | None = None,
        sender_type: str | None = None,
        max_connections: int = 20,
    ) -> None:
        url = base_url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"server URL must start with http:// or https://, got {url!r}")
        if retries < 0:
            raise ValueError("retries must be >= 0")
        if timeout <= 0:
            raise ValueError("timeout must be > 0")
        values = {
            "base_url": url,
            "api_key": api_key,
            "token": token,
            "timeout": float(timeout),
            "retries": int(retries),
            "backoff": float(backoff),
            "verify": verify,
            "cert": cert,
            "as_user": as_user,
            "site_id": site_id,
            "sender": sender,
            "sender_type": sender_type,
            "max_connections": int(max_connections),
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable; use replace()")

    def replace(self, **changes: Any) -> ConnectionSettings:
        """A copy with some values changed."""
        values = {name: getattr(self, name) for name in self.__slots__}
        values.update(changes)
        return ConnectionSettings(values.pop("base_url"), **values)

    def __repr__(self) -> str:
        return (
            f"ConnectionSettings(base_url={self.base_url!r}, auth={self.auth_kind!r}, "
            f"timeout={self.timeout}, retries={self.retries})"
        )

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, **overrides: Any
    ) -> ConnectionSettings:
        """Read ``AYON_SERVER_URL``, ``AYON_API_KEY`` and friends; overrides win."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        if env.get("AYON_SERVER_URL"):
            values["base_url"] = env["AYON_SERVER_URL"]
        if env.get("AYON_API_KEY"):
            values["api_key"] = env["AYON_API_KEY"]
        if env.get("AYON_CA_FILE"):
            values["verify"] = env["AYON_CA_FILE"]
        if env.get("AYON_CERT_FILE"):
            values["cert"] = env["AYON_CERT_FILE"]
        if env.get("AYON_SERVER_TIMEOUT"):
            values["timeout"] = _env_number(env, "AYON_SERVER_TIMEOUT", float)
        if env.get("AYON_SERVER_RETRIES"):
            values["retries"] = _env_number(env, "AYON_SERVER_RETRIES", int)
        if env.get("AYON_SITE_ID"):
            values["site_id"] = env["AYON_SITE_ID"]
        values.update({key: value for key, value in overrides.items() if value is not None})
        if "base_url" not in values:
            raise InvalidInputError("no server URL: pass url= or set AYON_SERVER_URL")
        return cls(**values)

    @property
    def auth_kind(self) -> str:
        """``api-key``, ``token`` or ``none``: safe to show."""
        if self.api_key:
            return "api-key"
        if self.token:
            return "token"
        return "none"

    def headers(self) -> dict[str, str]:
        """Headers sent with every request."""
        headers = {"Accept": "application/json", "User-Agent": "ayon-gql"}
        if self.api_key:
            headers["X-Api-Key"] = self.api_key
        elif self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.as_user:
            headers["X-as-user"] = self.as_user
        if self.site_id:
            headers["x-ayon-site-id"] = self.site_id
        if self.sender:
            headers["x-sender"] = self.sender
        if self.sender_type:
            headers["x-sender-type"] = self.sender_type
        return headers

    def client_options(self) -> dict[str, Any]:
        """Keyword arguments for ``httpx.Client`` / ``httpx.AsyncClient``."""
        import httpx

        options: dict[str, Any] = {
            "base_url": self.base_url,
            "timeout": httpx.Timeout(self.timeout, connect=min(self.timeout, 10.0)),
            "verify": self.verify,
            "limits": httpx.Limits(
                max_connections=self.max_connections,
                max_keepalive_connections=self.max_connections,
            ),
        }
        if self.cert:
            options["cert"] = self.cert
        return options


def _env_number(env: Mapping[str, str], name: str, kind: type[int] | type[float]) -> Any:
    try:
        return kind(env[name])
    except ValueError:
        raise ValueError(f"{name} must be a number, got {env[name]!r}") from None


# -- mapping answers to errors ------------------------------------------------


def _body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return response.text or None


def error_from_response(
    response: httpx.Response,
    *,
    operation: str | None = None,
    project_name: str | None = None,
) -> AyonError:
    """The exception for an error status, with the server's own explanation."""
    body = _body(response)
    detail = body.get("detail") if isinstance(body, Mapping) else None
    status = response.status_code
    method = response.request.method
    path = response.request.url.path
    text = str(detail) if detail else (response.reason_phrase or "error")
    message = f"HTTP {status} from {method} {path}: {text}"
    common: dict[str, Any] = {
        "status_code": status,
        "method": method,
        "path": path,
        "detail": str(detail) if detail is not None else None,
        "body": body,
        "operation": operation,
        "project_name": project_name,
    }
    if status == 401:
        return AuthenticationError(message, **common)
    if status == 403:
        return PermissionDeniedError(message, **common)
    if status == 404:
        return NotFoundError(message, operation=operation, project_name=project_name, path=path)
    if status in (400, 422):
        errors = body.get("errors") if isinstance(body, Mapping) else None
        if isinstance(errors, list) and errors:
            described = "; ".join(_describe_validation_error(item) for item in errors)
            message = f"{message} ({described})"
        return RequestValidationError(message, **common)
    if status >= 500:
        return ServerError(message, **common)
    return HTTPStatusError(message, **common)


def _describe_validation_error(item: Any) -> str:
    if not isinstance(item, Mapping):
        return str(item)
    location = ".".join(str(part) for part in item.get("loc") or ())
    return f"{location}: {item.get('msg', 'invalid')}" if location else str(item.get("msg"))


def graphql_data(
    payload: Any, *, operation: str | None, project_name: str | None
) -> dict[str, Any]:
    """``data`` of a GraphQL answer, or the error its ``errors`` describe."""
    if not isinstance(payload, Mapping) or not ("data" in payload or "errors" in payload):
        raise AyonError(
            "the server's answer is not a GraphQL response",
            operation=operation,
            project_name=project_name,
        )
    errors = payload.get("errors")
    if errors:
        details = [GraphQLErrorDetail(entry) for entry in errors if isinstance(entry, Mapping)]
        kind = GraphQLNotFoundError if any(d.status == 404 for d in details) else GraphQLError
        raise kind(
            details, data=payload.get("data"), operation=operation, project_name=project_name
        )
    data = payload.get("data")
    if not isinstance(data, dict):
        raise AyonError("the server sent no data", operation=operation, project_name=project_name)
    return data


def _backoff_delay(settings: ConnectionSettings, attempt: int) -> float:
    import random

    base = min(_MAX_BACKOFF, settings.backoff * (2**attempt))
    return float(base * (0.5 + random.random() / 2))


def _may_retry(
    method: str, *, idempotent: bool | None, status: int | None, exc: Exception | None
) -> bool:
    import httpx

    safe = idempotent if idempotent is not None else method.upper() in _IDEMPOTENT_METHODS
    if status is not None:
        return status in RETRY_STATUSES and (safe or status == 503)
    if safe:
        return isinstance(exc, httpx.TransportError)
    return isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))


class _Call:
    """One request as the caller described it, resent as is on each retry."""

    __slots__ = (
        "content",
        "headers",
        "idempotent",
        "json",
        "method",
        "operation",
        "params",
        "path",
        "project_name",
        "stream",
        "timeout",
    )

    def __init__(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: Any = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        idempotent: bool | None = None,
        operation: str | None = None,
        project_name: str | None = None,
        stream: bool = False,
    ) -> None:
        self.method = method
        self.path = path
        self.params = params
        self.json = json
        self.content = content
        self.headers = headers
        self.timeout = timeout
        self.idempotent = idempotent
        self.operation = operation
        self.project_name = project_name
        self.stream = stream

    @property
    def label(self) -> str:
        return self.operation or f"{self.method} {self.path}"

    def transport_error(self, exc: httpx.TransportError) -> TransportError:
        return TransportError(
            f"{self.method} {self.path} failed: {type(exc).__name__}: {exc}",
            operation=self.operation,
            project_name=self.project_name,
        )

    def status_error(self, response: httpx.Response) -> AyonError:
        return error_from_response(
            response, operation=self.operation, project_name=self.project_name
        )


class _SharedPool:
    """The httpx client shared by a connection and those derived from it.

    Created on first use; the lock keeps threads that make their first call
    at the same time from creating two.
    """

    def __init__(self) -> None:
        import threading  # here, not at import: ``import ayon_gql`` stays fast

        self.client: Any = None
        self.lock = threading.Lock()

    def get(self, create: Callable[[], Any]) -> Any:
        client = self.client
        if client is None:
            with self.lock:
                if self.client is None:
                    self.client = create()
                client = self.client
        return client


class _ConnectionBase:
    """What the sync and async connections share: settings, headers, retry
    decisions and the GraphQL envelope.  Only the I/O differs between them."""

    def __init__(
        self,
        settings: ConnectionSettings,
        *,
        validator: Validator | None = None,
        _pool: _SharedPool | None = None,
    ) -> None:
        self.settings = settings
        self.validator = validator
        self._pool = _pool or _SharedPool()
        self._owns_pool = _pool is None

    def __repr__(self) -> str:
        settings = self.settings
        return f"{type(self).__name__}({settings.base_url!r}, auth={settings.auth_kind!r})"

    @property
    def base_url(self) -> str:
        return self.settings.base_url

    def _derived(self, **changes: Any) -> Any:
        return type(self)(
            self.settings.replace(**changes), validator=self.validator, _pool=self._pool
        )

    def _build(self, client: Any, call: _Call) -> httpx.Request:
        import httpx

        # The pool is shared with derived connections, so headers go per request.
        headers = self.settings.headers()
        headers.update(call.headers or {})
        request: httpx.Request = client.build_request(
            call.method,
            call.path,
            params=call.params,
            json=call.json,
            content=call.content,
            headers=headers,
            timeout=call.timeout if call.timeout is not None else httpx.USE_CLIENT_DEFAULT,
        )
        return request

    def _retry_delay(
        self, call: _Call, attempt: int, *, status: int | None = None, exc: Exception | None = None
    ) -> float | None:
        """Seconds to wait before trying ``call`` again, or None to give up."""
        if attempt >= self.settings.retries or not _may_retry(
            call.method, idempotent=call.idempotent, status=status, exc=exc
        ):
            return None
        delay = _backoff_delay(self.settings, attempt)
        reason = f"HTTP {status}" if status is not None else type(exc).__name__
        _log(_INFO, "%s: %s, retry %d in %.2fs", call.label, reason, attempt + 1, delay)
        return delay

    @staticmethod
    def _log_answer(call: _Call, response: httpx.Response, started: float) -> None:
        elapsed = time.perf_counter() - started
        _log(_DEBUG, "%s %s -> %d (%.3fs)", call.method, call.path, response.status_code, elapsed)

    def _graphql_call(
        self,
        query: str,
        variables: Mapping[str, Any] | None,
        operation_name: str | None,
        options: Mapping[str, Any],
    ) -> _Call:
        """Check the variables (and the query, with a validator) and build the POST."""
        values = dict(variables or {})
        check_variables(values, operation=operation_name)
        if self.validator is not None:
            self.validator(query, values, operation_name)
        payload: dict[str, Any] = {"query": query, "variables": values}
        if operation_name:
            payload["operationName"] = operation_name
        return _Call(
            "POST",
            "/graphql",
            json=payload,
            headers=options.get("headers"),
            timeout=options.get("timeout"),
            idempotent=True,  # AYON's GraphQL API has no mutations
            operation=operation_name,
            project_name=_project_of(values),
        )

    @staticmethod
    def _graphql_answer(call: _Call, response: httpx.Response) -> dict[str, Any]:
        try:
            body = _decode_json(response.content)
        except ValueError as exc:
            raise AyonError(
                f"the server's answer is not JSON (HTTP {response.status_code})",
                operation=call.operation,
                project_name=call.project_name,
            ) from exc
        return graphql_data(body, operation=call.operation, project_name=call.project_name)

    @staticmethod
    def _version_of(info: Any) -> str | None:
        version = info.get("version") if isinstance(info, Mapping) else None
        return str(version) if version else None


class Connection(_ConnectionBase):
    """Synchronous connection: REST calls, GraphQL operations and pagination."""

    def derive(self, **changes: Any) -> Connection:
        """A connection with other headers (e.g. ``as_user``) sharing this pool."""
        derived: Connection = self._derived(**changes)
        return derived

    def _client(self) -> httpx.Client:
        import httpx

        client: httpx.Client = self._pool.get(
            lambda: httpx.Client(**self.settings.client_options())
        )
        return client

    def close(self) -> None:
        """Close the pool (only the connection that created it owns it)."""
        if self._owns_pool and self._pool.client is not None:
            self._pool.client.close()
            self._pool.client = None

    def request(self, method: str, path: str, **options: Any) -> httpx.Response:
        """Send a request with retries; return the response or raise for an error status.

        ``options``: ``params``, ``json``, ``content``, ``headers``, ``timeout``,
        ``idempotent`` (default: by method), ``operation`` and ``project_name``
        (named in errors).
        """
        return self._send(_Call(method, path, **options))

    @contextlib.contextmanager
    def stream(self, method: str, path: str, **options: Any) -> Iterator[httpx.Response]:
        """Send a request and yield the response with its body not yet read."""
        response = self._send(_Call(method, path, stream=True, **options))
        try:
            yield response
        finally:
            response.close()

    def _send(self, call: _Call) -> httpx.Response:
        import httpx

        client = self._client()
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                response = client.send(self._build(client, call), stream=call.stream)
            except httpx.TransportError as exc:
                delay = self._retry_delay(call, attempt, exc=exc)
                if delay is None:
                    raise call.transport_error(exc) from exc
                time.sleep(delay)
                attempt += 1
                continue
            self._log_answer(call, response, started)
            if response.status_code < 400:
                return response
            delay = self._retry_delay(call, attempt, status=response.status_code)
            if delay is None:
                if call.stream:
                    response.read()
                raise call.status_error(response)
            response.close()
            time.sleep(delay)
            attempt += 1

    def graphql(
        self,
        query: str,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
        **options: Any,
    ) -> dict[str, Any]:
        """Run a GraphQL operation and return its ``data`` (``options``: headers, timeout)."""
        call = self._graphql_call(query, variables, operation_name, options)
        return self._graphql_answer(call, self._send(call))

    def paginate(
        self,
        fetch_page: Callable[[dict[str, Any]], Any],
        arguments: dict[str, Any],
        *,
        operation_name: str,
        page_size: int | None,
        id_filters: Sequence[str],
    ) -> Iterator[Any]:
        """Iterate the nodes of a paginated operation (see ``_pagination``)."""
        return iter_nodes(
            fetch_page,
            arguments,
            operation_name=operation_name,
            page_size=page_size,
            id_filters=id_filters,
        )

    def complete_nested(
        self,
        data: dict[str, Any],
        nested: Sequence[Mapping[str, Any]],
        variables: Mapping[str, Any],
        operation_name: str | None = None,
        *,
        parents_per_request: int = PARENTS_PER_REQUEST,
        items_per_request: int = ITEMS_PER_REQUEST,
        **options: Any,
    ) -> dict[str, Any]:
        """Fill in the nested connections of an answer's ``data`` (see ``_nested``)."""

        def send(query: str, values: dict[str, Any], name: str) -> dict[str, Any]:
            return self.graphql(query, values, name, **options)

        return complete_nested(
            data,
            nested,
            variables,
            send,
            operation_name=operation_name,
            parents_per_request=parents_per_request,
            items_per_request=items_per_request,
        )

    def server_version(self) -> str | None:
        """The version ``/api/info`` reports, or None when it reports none."""
        return self._version_of(self.request("GET", "/api/info", operation="server info").json())


class AsyncConnection(_ConnectionBase):
    """Asynchronous twin of :class:`Connection`."""

    def derive(self, **changes: Any) -> AsyncConnection:
        """A connection with other headers (e.g. ``as_user``) sharing this pool."""
        derived: AsyncConnection = self._derived(**changes)
        return derived

    def _client(self) -> httpx.AsyncClient:
        import httpx

        client: httpx.AsyncClient = self._pool.get(
            lambda: httpx.AsyncClient(**self.settings.client_options())
        )
        return client

    async def aclose(self) -> None:
        """Close the pool (only the connection that created it owns it)."""
        if self._owns_pool and self._pool.client is not None:
            await self._pool.client.aclose()
            self._pool.client = None

    async def request(self, method: str, path: str, **options: Any) -> httpx.Response:
        """Send a request with retries; see :meth:`Connection.request`."""
        return await self._send(_Call(method, path, **options))

    @contextlib.asynccontextmanager
    async def stream(self, method: str, path: str, **options: Any) -> AsyncIterator[httpx.Response]:
        """Send a request and yield the response with its body not yet read."""
        response = await self._send(_Call(method, path, stream=True, **options))
        try:
            yield response
        finally:
            await response.aclose()

    async def _send(self, call: _Call) -> httpx.Response:
        import asyncio  # imported on first use: ``import ayon_gql`` stays fast

        import httpx

        client = self._client()
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                response = await client.send(self._build(client, call), stream=call.stream)
            except httpx.TransportError as exc:
                delay = self._retry_delay(call, attempt, exc=exc)
                if delay is None:
                    raise call.transport_error(exc) from exc
                await asyncio.sleep(delay)
                attempt += 1
                continue
            self._log_answer(call, response, started)
            if response.status_code < 400:
                return response
            delay = self._retry_delay(call, attempt, status=response.status_code)
            if delay is None:
                if call.stream:
                    await response.aread()
                raise call.status_error(response)
            await response.aclose()
            await asyncio.sleep(delay)
            attempt += 1

    async def graphql(
        self,
        query: str,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
        **options: Any,
    ) -> dict[str, Any]:
        """Run a GraphQL operation and return its ``data`` (``options``: headers, timeout)."""
        call = self._graphql_call(query, variables, operation_name, options)
        return self._graphql_answer(call, await self._send(call))

    def paginate(
        self,
        fetch_page: Callable[[dict[str, Any]], Awaitable[Any]],
        arguments: dict[str, Any],
        *,
        operation_name: str,
        page_size: int | None,
        id_filters: Sequence[str],
    ) -> AsyncIterator[Any]:
        """Iterate the nodes of a paginated operation (see ``_pagination``)."""
        return aiter_nodes(
            fetch_page,
            arguments,
            operation_name=operation_name,
            page_size=page_size,
            id_filters=id_filters,
        )

    async def complete_nested(
        self,
        data: dict[str, Any],
        nested: Sequence[Mapping[str, Any]],
        variables: Mapping[str, Any],
        operation_name: str | None = None,
        *,
        parents_per_request: int = PARENTS_PER_REQUEST,
        items_per_request: int = ITEMS_PER_REQUEST,
        **options: Any,
    ) -> dict[str, Any]:
        """Fill in the nested connections of an answer's ``data`` (see ``_nested``)."""

        async def send(query: str, values: dict[str, Any], name: str) -> dict[str, Any]:
            return await self.graphql(query, values, name, **options)

        return await acomplete_nested(
            data,
            nested,
            variables,
            send,
            operation_name=operation_name,
            parents_per_request=parents_per_request,
            items_per_request=items_per_request,
        )

    async def server_version(self) -> str | None:
        """The version ``/api/info`` reports, or None when it reports none."""
        response = await self.request("GET", "/api/info", operation="server info")
        return self._version_of(response.json())


def _decode_json(content: bytes) -> Any:
    """Decode a JSON body with pydantic-core's parser (faster than ``json``, and
    already loaded with pydantic); repeated keys and short strings are shared."""
    from pydantic_core import from_json

    return from_json(content, cache_strings=True)


def _project_of(variables: Mapping[str, Any]) -> str | None:
    value = variables.get("projectName")
    return value if isinstance(value, str) else None
