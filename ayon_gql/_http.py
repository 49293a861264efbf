"""The retrying HTTP core under both connections.

A request is described once (:class:`HttpCall`) and resent as is on each
retry.  Retries use exponential backoff with jitter on connection failures and
502/503/504, and never on 4xx; requests that are not idempotent are only
retried when the server cannot have acted on them (connection refused, 503).
Error statuses become the exceptions of ``ayon_gql._errors``, carrying the
server's own explanation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import (
    AuthenticationError,
    AyonError,
    HTTPStatusError,
    NotFoundError,
    PermissionDeniedError,
    RequestValidationError,
    ServerError,
    TransportError,
)

if TYPE_CHECKING:
    import httpx

    from ayon_gql._connection_settings import ConnectionSettings

__all__ = [
    "DEBUG",
    "INFO",
    "RETRY_STATUSES",
    "HttpCall",
    "SharedPool",
    "error_from_response",
    "log",
    "retry_delay",
]


def log(level: int, message: str, *args: Any) -> None:
    """Log through the ``ayon_gql`` logger; ``logging`` is imported on first use."""
    import logging

    logger = logging.getLogger("ayon_gql")
    if logger.isEnabledFor(level):
        logger.log(level, message, *args)


DEBUG, INFO = 10, 20

RETRY_STATUSES = frozenset({502, 503, 504})
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_MAX_BACKOFF = 8.0


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


# -- retries ------------------------------------------------------------------


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


def retry_delay(
    settings: ConnectionSettings,
    call: HttpCall,
    attempt: int,
    *,
    status: int | None = None,
    exc: Exception | None = None,
) -> float | None:
    """Seconds to wait before sending ``call`` again, or None to give up."""
    if attempt >= settings.retries or not _may_retry(
        call.method, idempotent=call.idempotent, status=status, exc=exc
    ):
        return None
    delay = _backoff_delay(settings, attempt)
    reason = f"HTTP {status}" if status is not None else type(exc).__name__
    log(INFO, "%s: %s, retry %d in %.2fs", call.label, reason, attempt + 1, delay)
    return delay


# -- one request, and the pool it is sent through ------------------------------


class HttpCall:
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


class SharedPool:
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
