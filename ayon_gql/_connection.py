"""Connections to an AYON server, sync and async: REST calls, GraphQL
operations, pagination and nested completion over one pooled httpx client.

The pool is created on the first real call and shared with the connections
derived from it (``as_user``).  What is sent, retried and raised is decided in
``_http`` (the retrying core) and ``_graphql`` (the envelope); the two classes
here differ only in their I/O.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ayon_gql._connection_settings import ConnectionSettings
from ayon_gql._graphql import Validator, graphql_answer, graphql_call
from ayon_gql._http import DEBUG, HttpCall, SharedPool, log, retry_delay
from ayon_gql._nested import (
    ITEMS_PER_REQUEST,
    PARENTS_PER_REQUEST,
    acomplete_nested,
    complete_nested,
)
from ayon_gql._pagination import aiter_nodes, iter_nodes

if TYPE_CHECKING:
    import httpx

# ConnectionSettings and Validator are part of what a connection is built from.
__all__ = ["AsyncConnection", "Connection"]

_Conn = TypeVar("_Conn", bound="_ConnectionBase")


class _ConnectionBase:
    """What the sync and async connections share: settings, the pool, and how
    a request is built and logged.  Only the I/O differs between them."""

    def __init__(
        self,
        settings: ConnectionSettings,
        *,
        validator: Validator | None = None,
        _pool: SharedPool | None = None,
    ) -> None:
        self.settings = settings
        self.validator = validator
        self._pool = _pool or SharedPool()
        self._owns_pool = _pool is None

    def __repr__(self) -> str:
        settings = self.settings
        return f"{type(self).__name__}({settings.base_url!r}, auth={settings.auth_kind!r})"

    @property
    def base_url(self) -> str:
        return self.settings.base_url

    def derive(self: _Conn, **changes: Any) -> _Conn:
        """A connection with other headers (e.g. ``as_user``) sharing this pool."""
        return type(self)(
            self.settings.replace(**changes), validator=self.validator, _pool=self._pool
        )

    def _build(self, client: Any, call: HttpCall) -> httpx.Request:
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

    @staticmethod
    def _log_answer(call: HttpCall, response: httpx.Response, started: float) -> None:
        elapsed = time.perf_counter() - started
        log(DEBUG, "%s %s -> %d (%.3fs)", call.method, call.path, response.status_code, elapsed)

    @staticmethod
    def _version_of(info: Any) -> str | None:
        version = info.get("version") if isinstance(info, Mapping) else None
        return str(version) if version else None


class Connection(_ConnectionBase):
    """Synchronous connection: REST calls, GraphQL operations and pagination."""

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
        return self._send(HttpCall(method, path, **options))

    @contextlib.contextmanager
    def stream(self, method: str, path: str, **options: Any) -> Iterator[httpx.Response]:
        """Send a request and yield the response with its body not yet read."""
        response = self._send(HttpCall(method, path, stream=True, **options))
        try:
            yield response
        finally:
            response.close()

    def _send(self, call: HttpCall) -> httpx.Response:
        import httpx

        client = self._client()
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                response = client.send(self._build(client, call), stream=call.stream)
            except httpx.TransportError as exc:
                delay = retry_delay(self.settings, call, attempt, exc=exc)
                if delay is None:
                    raise call.transport_error(exc) from exc
                time.sleep(delay)
                attempt += 1
                continue
            self._log_answer(call, response, started)
            if response.status_code < 400:
                return response
            delay = retry_delay(self.settings, call, attempt, status=response.status_code)
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
        call = graphql_call(query, variables, operation_name, options, self.validator)
        return graphql_answer(call, self._send(call))

    def paginate(
        self,
        fetch_page: Callable[[dict[str, Any]], Any],
        arguments: dict[str, Any],
        *,
        operation_name: str,
        page_size: int | None,
    ) -> Iterator[Any]:
        """Iterate the nodes of a paginated operation (see ``_pagination``)."""
        return iter_nodes(
            fetch_page,
            arguments,
            operation_name=operation_name,
            page_size=page_size,
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
        return await self._send(HttpCall(method, path, **options))

    @contextlib.asynccontextmanager
    async def stream(self, method: str, path: str, **options: Any) -> AsyncIterator[httpx.Response]:
        """Send a request and yield the response with its body not yet read."""
        response = await self._send(HttpCall(method, path, stream=True, **options))
        try:
            yield response
        finally:
            await response.aclose()

    async def _send(self, call: HttpCall) -> httpx.Response:
        import asyncio  # imported on first use: ``import ayon_gql`` stays fast

        import httpx

        client = self._client()
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                response = await client.send(self._build(client, call), stream=call.stream)
            except httpx.TransportError as exc:
                delay = retry_delay(self.settings, call, attempt, exc=exc)
                if delay is None:
                    raise call.transport_error(exc) from exc
                await asyncio.sleep(delay)
                attempt += 1
                continue
            self._log_answer(call, response, started)
            if response.status_code < 400:
                return response
            delay = retry_delay(self.settings, call, attempt, status=response.status_code)
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
        call = graphql_call(query, variables, operation_name, options, self.validator)
        return graphql_answer(call, await self._send(call))

    def paginate(
        self,
        fetch_page: Callable[[dict[str, Any]], Awaitable[Any]],
        arguments: dict[str, Any],
        *,
        operation_name: str,
        page_size: int | None,
    ) -> AsyncIterator[Any]:
        """Iterate the nodes of a paginated operation (see ``_pagination``)."""
        return aiter_nodes(
            fetch_page,
            arguments,
            operation_name=operation_name,
            page_size=page_size,
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
