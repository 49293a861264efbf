"""What the sync and async REST adapters share: a call is described once as data
(method, path, parameters, body, how to read the answer) and only sent
differently."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import quote

from pydantic import BaseModel, TypeAdapter, ValidationError

from ayon_gql._errors import AyonError

if TYPE_CHECKING:
    import httpx

    from ayon_gql._connection import AsyncConnection, Connection

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


class Call(Generic[T]):
    """One REST request and the function that turns its answer into ``T``."""

    __slots__ = (
        "headers",
        "idempotent",
        "json",
        "method",
        "operation",
        "params",
        "parse",
        "path",
        "project_name",
    )

    def __init__(
        self,
        method: str,
        path: str,
        parse: Callable[[httpx.Response, str], T],
        *,
        operation: str,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        idempotent: bool | None = None,
        project_name: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.method = method
        self.path = path
        self.parse = parse
        self.operation = operation
        # None values mean "not given" and are not sent.
        self.params = {k: v for k, v in (params or {}).items() if v is not None} or None
        self.json = json
        self.idempotent = idempotent
        self.project_name = project_name
        self.headers = dict(headers) if headers else None

    def request_options(self) -> dict[str, Any]:
        """Keyword arguments of ``Connection.request`` / ``AsyncConnection.request``."""
        options: dict[str, Any] = {
            "params": self.params,
            "json": self.json,
            "idempotent": self.idempotent,
            "operation": self.operation,
            "project_name": self.project_name,
        }
        if self.headers:
            options["headers"] = self.headers
        return options


def segment(value: str) -> str:
    """One URL path segment, percent-encoded (values are checked before already)."""
    return quote(value, safe="")


def query_bool(value: bool | None) -> str | None:
    """Booleans the way the server's query parser expects them."""
    return None if value is None else ("true" if value else "false")


def body_json(response: httpx.Response, operation: str) -> Any:
    """The decoded JSON body, or an error saying the answer was not JSON."""
    try:
        return response.json()
    except ValueError:
        raise AyonError(
            f"the server's answer is not JSON (HTTP {response.status_code})", operation=operation
        ) from None


def _unexpected(exc: ValidationError, what: str, operation: str) -> AyonError:
    first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid"}
    where = ".".join(str(part) for part in first["loc"])
    return AyonError(
        f"unexpected answer for {what}: {where or 'body'}: {first['msg']}", operation=operation
    )


def as_model(kind: type[M], key: str | None = None) -> Callable[[httpx.Response, str], M]:
    """A parser validating the body (or its ``key``) as ``kind``."""

    def parse(response: httpx.Response, operation: str) -> M:
        data = body_json(response, operation)
        if key is not None:
            data = data.get(key) if isinstance(data, Mapping) else None
        try:
            return kind.model_validate(data)
        except ValidationError as exc:
            raise _unexpected(exc, kind.__name__, operation) from None

    return parse


def as_type(kind: Any, key: str | None = None) -> Callable[[httpx.Response, str], Any]:
    """A parser validating the body (or its ``key``) as any type, e.g. ``list[Model]``."""
    adapter: TypeAdapter[Any] = TypeAdapter(kind)

    def parse(response: httpx.Response, operation: str) -> Any:
        data = body_json(response, operation)
        if key is not None:
            if not isinstance(data, Mapping) or key not in data:
                raise AyonError(f"unexpected answer: no {key!r} in it", operation=operation)
            data = data[key]
        try:
            return adapter.validate_python(data)
        except ValidationError as exc:
            raise _unexpected(exc, str(kind), operation) from None

    return parse


def as_object(response: httpx.Response, operation: str) -> dict[str, Any]:
    """A parser for free-form JSON objects (settings, schemas)."""
    data = body_json(response, operation)
    if not isinstance(data, dict):
        raise AyonError("unexpected answer: not a JSON object", operation=operation)
    return data


def as_nothing(response: httpx.Response, operation: str) -> None:
    """A parser for answers whose body does not matter (204, 201)."""
    return None


class SyncRunner:
    """Sends calls over a :class:`~ayon_gql._connection.Connection`."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def _run(self, call: Call[T]) -> T:
        response = self._connection.request(call.method, call.path, **call.request_options())
        return call.parse(response, call.operation)


class AsyncRunner:
    """Sends calls over an :class:`~ayon_gql._connection.AsyncConnection`."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection

    async def _run(self, call: Call[T]) -> T:
        response = await self._connection.request(call.method, call.path, **call.request_options())
        return call.parse(response, call.operation)
