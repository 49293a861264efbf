"""Streaming uploads: the file is read in chunks, never whole into memory, and
the body can be replayed when the connection retries the PUT."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ayon_gql._errors import InvalidInputError
from ayon_gql.rest._transfers import (
    DEFAULT_CHUNK_SIZE,
    ProgressCallback,
    check_chunk_size,
    report,
    stream_failures,
)

if TYPE_CHECKING:
    from ayon_gql._connection import AsyncConnection, Connection

__all__ = ["aupload", "request_body", "upload"]


class _UploadSource:
    """A request body read from a file in chunks; iterating again starts over,
    so the connection can safely retry the PUT.  (httpx picks sync or async
    streaming by type, so the two iterations live in two subclasses.)"""

    def __init__(
        self,
        source: str | os.PathLike[str] | IO[bytes],
        *,
        chunk_size: int,
        progress: ProgressCallback | None,
    ) -> None:
        self._chunk_size = check_chunk_size(chunk_size)
        self._progress = progress
        if isinstance(source, (str, os.PathLike)):
            self._path: Path | None = Path(source)
            self._handle: IO[bytes] | None = None
            self._start = 0
            try:
                self.size = self._path.stat().st_size
            except OSError as exc:
                raise InvalidInputError(f"cannot read {self._path}: {exc.strerror}") from None
        else:
            if not (hasattr(source, "read") and hasattr(source, "seek")):
                raise InvalidInputError("upload source must be a path or a seekable binary file")
            self._path = None
            self._handle = source
            self._start = source.tell()
            self.size = source.seek(0, os.SEEK_END) - self._start
            source.seek(self._start)

    def put_options(self, operation: str) -> dict[str, Any]:
        """Keyword arguments of the PUT sending this body (replayable: idempotent)."""
        return {
            "content": self,
            "headers": {
                "Content-Type": "application/octet-stream",
                "Content-Length": str(self.size),
            },
            "idempotent": True,
            "operation": operation,
        }

    def _open(self) -> tuple[IO[bytes], bool]:
        if self._path is not None:
            return self._path.open("rb"), True
        assert self._handle is not None
        self._handle.seek(self._start)
        return self._handle, False

    def _report(self, done: int) -> None:
        report(self._progress, done, self.size)


class _UploadBody(_UploadSource):
    """Sync body for :class:`httpx.Client`."""

    def __iter__(self) -> Iterator[bytes]:
        handle, owned = self._open()
        done = 0
        self._report(0)
        try:
            remaining = self.size
            while remaining > 0:
                chunk = handle.read(min(self._chunk_size, remaining))
                if not chunk:
                    break
                remaining -= len(chunk)
                yield chunk
                done += len(chunk)
                self._report(done)
        finally:
            if owned:
                handle.close()


class _AsyncUploadBody(_UploadSource):
    """Async body for :class:`httpx.AsyncClient` (file reads run off the event loop)."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        import asyncio

        loop = asyncio.get_running_loop()
        handle, owned = await loop.run_in_executor(None, self._open)
        done = 0
        self._report(0)
        try:
            remaining = self.size
            while remaining > 0:
                chunk = await loop.run_in_executor(
                    None, handle.read, min(self._chunk_size, remaining)
                )
                if not chunk:
                    break
                remaining -= len(chunk)
                yield chunk
                done += len(chunk)
                self._report(done)
        finally:
            if owned:
                handle.close()


def request_body(
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    asynchronous: bool,
    progress: ProgressCallback | None = None,
) -> _UploadSource:
    """A raw request body read in chunks from a path, bytes or a seekable binary file
    (replayable, so a retried request sends it again from the start)."""
    import io

    if isinstance(source, (bytes, bytearray, memoryview)):
        source = io.BytesIO(bytes(source))
    kind = _AsyncUploadBody if asynchronous else _UploadBody
    return kind(source, chunk_size=DEFAULT_CHUNK_SIZE, progress=progress)


def content_type_of(source: object) -> str:
    """The content type a file's name suggests (``application/octet-stream`` otherwise)."""
    import mimetypes

    name = source if isinstance(source, (str, os.PathLike)) else getattr(source, "name", None)
    if isinstance(name, (str, os.PathLike)):
        guessed = mimetypes.guess_type(os.fspath(name))[0]
        if guessed:
            return guessed
    return "application/octet-stream"


def upload(
    connection: Connection,
    path: str,
    source: str | os.PathLike[str] | IO[bytes],
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: ProgressCallback | None = None,
    operation: str,
) -> int:
    """PUT a file to ``path`` in chunks; returns the number of bytes sent."""
    body = _UploadBody(source, chunk_size=chunk_size, progress=progress)
    with stream_failures("upload", operation):
        connection.request("PUT", path, **body.put_options(operation))
    return body.size


async def aupload(
    connection: AsyncConnection,
    path: str,
    source: str | os.PathLike[str] | IO[bytes],
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: ProgressCallback | None = None,
    operation: str,
) -> int:
    """Asynchronous :func:`upload`."""
    body = _AsyncUploadBody(source, chunk_size=chunk_size, progress=progress)
    with stream_failures("upload", operation):
        await connection.request("PUT", path, **body.put_options(operation))
    return body.size
