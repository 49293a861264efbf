"""What generated REST groups build on: one group of operations on a connection.

A generated package's ``client.api.<group>`` (the server's operations under
one tag) and ``client.addons.<addon>`` (one addon's endpoints) are
subclasses of :class:`ApiGroup` / :class:`AsyncApiGroup` whose typed methods
pass their arguments to :meth:`ApiGroup._call`, which runs the operation's
description (:class:`~ayon_gql._api_operation.ApiOperation`) through the
connection.  :class:`~ayon_gql._api_namespace.ApiNamespace` holds the
groups and creates each on first use, so importing a package (or creating a
client) loads no REST models.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, TypeVar, Union, cast

from ayon_gql._api_operation import ApiOperation, call_url, operation_call
from ayon_gql._errors import InvalidInputError

if TYPE_CHECKING:
    from ayon_gql._connection import AsyncConnection, Connection
    from ayon_gql.rest._base import Call

__all__ = ["ApiGroup", "AsyncApiGroup", "DownloadTarget", "ProgressCallback", "UploadData"]

T = TypeVar("T")
_Conn = TypeVar("_Conn")
_G = TypeVar("_G")

#: Called with (bytes done, bytes in all or None) as a download goes on.
ProgressCallback = Callable[[int, int | None], None]
#: Where a streamed answer goes: a file path (written atomically) or an open binary stream.
DownloadTarget = Union[str, "os.PathLike[str]", BinaryIO]
#: What an upload sends: a file path, bytes, or a seekable binary stream (read in chunks).
UploadData = Union[str, "os.PathLike[str]", bytes, IO[bytes]]


def _is_stream(target: Any) -> bool:
    return hasattr(target, "write") and not isinstance(target, (str, os.PathLike))


class _GroupBase:
    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


class ApiGroup(_GroupBase):
    """A group of operations on a synchronous connection."""

    _connection: Connection

    def _call(
        self, operation: ApiOperation[T], arguments: Mapping[str, Any], body: Any = None
    ) -> T:
        from ayon_gql.rest._base import SyncRunner

        return SyncRunner(self._connection)._run(operation_call(operation, arguments, body))

    def _download(
        self,
        operation: ApiOperation[Any],
        arguments: Mapping[str, Any],
        to: DownloadTarget,
        progress: ProgressCallback | None,
    ) -> Path | None:
        """Stream the answer to a file (atomically; returns its path) or a stream."""
        url, target = _download_target(operation, arguments, to)
        if target is not None:
            from ayon_gql.rest._downloads import download

            return download(
                self._connection, url, target, progress=progress,
                operation=operation.operation_id,
            )  # fmt: skip
        with self._connection.stream(
            "GET", url, idempotent=True, operation=operation.operation_id
        ) as response:
            writer = _StreamWriter(to, progress, response.headers.get("content-length"))
            with writer.failures(operation.operation_id):
                for chunk in response.iter_bytes(writer.chunk_size):
                    writer.write(chunk)
        return None


    def _upload(
        self,
        operation: ApiOperation[T],
        arguments: Mapping[str, Any],
        data: UploadData,
        progress: ProgressCallback | None,
    ) -> T:
        """Send ``data`` as the raw body of ``operation`` in chunks, then read the answer."""
        from ayon_gql.rest._transfers import stream_failures

        call, options = _upload_request(operation, arguments, data, progress, asynchronous=False)
        with stream_failures("upload", call.operation):
            response = self._connection.request(call.method, call.path, **options)
        return call.parse(response, call.operation)


class AsyncApiGroup(_GroupBase):
    """A group of operations on an asynchronous connection."""

    _connection: AsyncConnection

    async def _call(
        self, operation: ApiOperation[T], arguments: Mapping[str, Any], body: Any = None
    ) -> T:
        from ayon_gql.rest._base import AsyncRunner

        return await AsyncRunner(self._connection)._run(
            operation_call(operation, arguments, body)
        )

    async def _upload(
        self,
        operation: ApiOperation[T],
        arguments: Mapping[str, Any],
        data: UploadData,
        progress: ProgressCallback | None,
    ) -> T:
        """Send ``data`` as the raw body of ``operation`` in chunks, then read the answer."""
        from ayon_gql.rest._transfers import stream_failures

        call, options = _upload_request(operation, arguments, data, progress, asynchronous=True)
        with stream_failures("upload", call.operation):
            response = await self._connection.request(call.method, call.path, **options)
        return call.parse(response, call.operation)

    async def _download(
        self,
        operation: ApiOperation[Any],
        arguments: Mapping[str, Any],
        to: DownloadTarget,
        progress: ProgressCallback | None,
    ) -> Path | None:
        """Stream the answer to a file (atomically; returns its path) or a stream."""
        url, target = _download_target(operation, arguments, to)
        if target is not None:
            from ayon_gql.rest._downloads import adownload

            return await adownload(
                self._connection, url, target, progress=progress,
                operation=operation.operation_id,
            )  # fmt: skip
        async with self._connection.stream(
            "GET", url, idempotent=True, operation=operation.operation_id
        ) as response:
            writer = _StreamWriter(to, progress, response.headers.get("content-length"))
            with writer.failures(operation.operation_id):
                async for chunk in response.aiter_bytes(writer.chunk_size):
                    writer.write(chunk)
        return None


def _upload_request(
    operation: ApiOperation[T],
    arguments: Mapping[str, Any],
    data: UploadData,
    progress: ProgressCallback | None,
    *,
    asynchronous: bool,
) -> tuple[Call[T], dict[str, Any]]:
    """The checked call and the request options sending ``data`` as its raw body: the
    content type given (a ``content_type`` argument) or guessed from the file's name."""
    from ayon_gql.rest._uploads import content_type_of, request_body

    call = operation_call(operation, arguments)
    body = request_body(data, asynchronous=asynchronous, progress=progress)
    headers = dict(call.headers or {})
    if not any(name.lower() == "content-type" for name in headers):
        headers["content-type"] = content_type_of(data)
    headers["content-length"] = str(body.size)
    options = call.request_options()
    del options["json"]
    options.update(content=body, headers=headers, idempotent=call.method == "PUT")
    return call, options


def _download_target(
    operation: ApiOperation[Any], arguments: Mapping[str, Any], to: DownloadTarget
) -> tuple[str, Path | None]:
    """The URL to stream and the file to write (None: ``to`` is a stream), checked."""
    check_target(to)
    url = call_url(operation_call(operation, arguments))
    if _is_stream(to):
        return url, None
    return url, Path(os.fspath(cast("str | os.PathLike[str]", to)))


class _StreamWriter:
    """Chunks into a caller's binary stream, with progress: the sync and async
    downloads differ only in how they read the chunks."""

    def __init__(self, stream: Any, progress: ProgressCallback | None, length: str | None):
        from ayon_gql.rest._transfers import DEFAULT_CHUNK_SIZE, report

        self._stream = stream
        self._progress = progress
        self._report = report
        self.chunk_size = DEFAULT_CHUNK_SIZE
        self.total = _length(length)
        self.done = 0
        report(progress, 0, self.total)

    def failures(self, operation: str) -> Any:
        """Transport failures mid-body as :class:`~ayon_gql.TransferError`."""
        from ayon_gql.rest._transfers import stream_failures

        return stream_failures("download", operation)

    def write(self, chunk: bytes) -> None:
        self._stream.write(chunk)
        self.done += len(chunk)
        self._report(self._progress, self.done, self.total)


def _length(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None


def check_target(to: Any) -> None:
    """A download target is a path or a writable binary stream."""
    if not (isinstance(to, (str, os.PathLike)) or hasattr(to, "write")):
        raise InvalidInputError(f"download target must be a path or a binary stream, not {to!r}")
