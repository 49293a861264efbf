"""Streaming uploads and downloads: bounded memory, progress, checksums, atomic files.

Downloads are written to a temporary file beside the destination, hashed
while they arrive, flushed to disk and only then renamed over the
destination, so an interrupted or corrupted transfer never leaves a file
behind.  Hashing and writing run on a helper thread, overlapping with the
network, so verifying costs no throughput; at most two chunks are held in
memory at any time.  Uploads stream from the file in chunks and can be
replayed when the connection retries them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ayon_gql._errors import (
    ChecksumMismatchError,
    InvalidInputError,
    TransferError,
)
from ayon_gql.rest._checks import check_enum
from ayon_gql.rest._model_base import ChecksumAlgorithm

if TYPE_CHECKING:
    import httpx

    from ayon_gql._connection import AsyncConnection, Connection

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_DOWNLOAD_ATTEMPTS",
    "ChecksumMismatchError",
    "ProgressCallback",
    "TransferError",
    "file_checksum",
]

ProgressCallback = Callable[[int, "int | None"], None]
"""Called as ``progress(done_bytes, total_bytes)``; ``total_bytes`` is None when unknown."""

DEFAULT_CHUNK_SIZE = 1 << 20
DEFAULT_DOWNLOAD_ATTEMPTS = 3


def _hasher(algorithm: ChecksumAlgorithm | str) -> Any:
    name = check_enum(ChecksumAlgorithm, algorithm, "checksum algorithm").value
    return hashlib.new(name)


def file_checksum(
    path: str | os.PathLike[str],
    algorithm: ChecksumAlgorithm | str = ChecksumAlgorithm.MD5,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> tuple[int, str]:
    """``(size, hex digest)`` of a file, read in chunks (never whole into memory)."""
    hasher = _hasher(algorithm)
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(chunk_size):
            hasher.update(chunk)
            size += len(chunk)
    return size, str(hasher.hexdigest())


def _check_chunk_size(chunk_size: int) -> int:
    if not isinstance(chunk_size, int) or chunk_size < 1024:
        raise InvalidInputError(f"chunk_size must be an int >= 1024, got {chunk_size!r}")
    return chunk_size


# -- uploads -----------------------------------------------------------------


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
        self._chunk_size = _check_chunk_size(chunk_size)
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

    def headers(self) -> dict[str, str]:
        return {"Content-Type": "application/octet-stream", "Content-Length": str(self.size)}

    def _open(self) -> tuple[IO[bytes], bool]:
        if self._path is not None:
            return self._path.open("rb"), True
        assert self._handle is not None
        self._handle.seek(self._start)
        return self._handle, False

    def _report(self, done: int) -> None:
        if self._progress is not None:
            self._progress(done, self.size)


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
    import httpx

    body = _UploadBody(source, chunk_size=chunk_size, progress=progress)
    try:
        connection.request(
            "PUT",
            path,
            content=body,
            headers=body.headers(),
            idempotent=True,
            operation=operation,
        )
    except httpx.StreamError as exc:
        raise TransferError(f"upload stream failed: {exc}", operation=operation) from exc
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
    import httpx

    body = _AsyncUploadBody(source, chunk_size=chunk_size, progress=progress)
    try:
        await connection.request(
            "PUT",
            path,
            content=body,
            headers=body.headers(),
            idempotent=True,
            operation=operation,
        )
    except httpx.StreamError as exc:
        raise TransferError(f"upload stream failed: {exc}", operation=operation) from exc
    return body.size


# -- downloads ---------------------------------------------------------------


class _Cut(Exception):
    """The body ended early (or the connection broke): worth another attempt."""

    def __init__(self, received: int, expected: int | None, cause: BaseException | None) -> None:
        self.received = received
        self.expected = expected
        self.cause = cause
        announced = expected if expected is not None else "?"
        super().__init__(f"received {received} of {announced} bytes")


class _PartFile:
    """The temporary file a download goes to; hashed, synced, then renamed."""

    def __init__(self, destination: Path, algorithm: ChecksumAlgorithm | None) -> None:
        self.destination = destination
        self.path = destination.with_name(f".{destination.name}.{secrets.token_hex(6)}.part")
        # O_EXCL: never follow or reuse someone else's file; 0o666 lets umask decide.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        self._fd: int | None = os.open(self.path, flags, 0o666)
        self._hasher = _hasher(algorithm) if algorithm is not None else None
        self.size = 0

    def write(self, chunk: bytes) -> None:
        """Hash and write one chunk (runs on the helper thread)."""
        if self._hasher is not None:
            self._hasher.update(chunk)
        view = memoryview(chunk)
        assert self._fd is not None
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        self.size += len(chunk)

    def hexdigest(self) -> str | None:
        return None if self._hasher is None else str(self._hasher.hexdigest())

    def commit(self) -> None:
        """Flush to disk and move over the destination atomically."""
        assert self._fd is not None
        os.fsync(self._fd)
        os.close(self._fd)
        self._fd = None
        os.replace(self.path, self.destination)
        _fsync_directory(self.destination.parent)

    def discard(self) -> None:
        """Close and remove the temporary file (idempotent)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)


def _fsync_directory(folder: Path) -> None:
    """Make the rename durable where the platform allows it (POSIX)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def resolve_destination(destination: str | os.PathLike[str], filename: str) -> Path:
    """``destination`` itself, or ``destination/filename`` when it is a folder."""
    text = os.fspath(destination)
    target = Path(text).expanduser()
    if target.is_dir() or text.endswith(("/", os.sep)):
        target = target / filename
    if not target.parent.is_dir():
        raise InvalidInputError(f"destination folder does not exist: {target.parent}")
    return target


class _Expectation:
    """What a download must match: size and checksum, when known."""

    def __init__(
        self,
        *,
        size: int | None,
        checksum: str | None,
        algorithm: ChecksumAlgorithm | str | None,
    ) -> None:
        self.size = size
        self.checksum = checksum.lower() if checksum else None
        if self.checksum is not None and algorithm is None:
            raise InvalidInputError("a checksum needs its checksum_algorithm")
        self.algorithm = (
            check_enum(ChecksumAlgorithm, algorithm, "checksum algorithm")
            if self.checksum is not None and algorithm is not None
            else None
        )

    def verify(self, part: _PartFile, operation: str) -> None:
        """Raise when the finished file is not what was announced."""
        actual = part.hexdigest()
        if self.checksum is not None and self.algorithm is not None and actual != self.checksum:
            raise ChecksumMismatchError(
                f"{part.destination.name}: {self.algorithm.value} checksum {actual} does not "
                f"match the declared {self.checksum}; the file was discarded",
                algorithm=self.algorithm.value,
                expected_checksum=self.checksum,
                actual_checksum=actual or "",
                destination=part.destination,
                operation=operation,
            )
        if self.size is not None and part.size != self.size:
            raise TransferError(
                f"{part.destination.name}: received {part.size} bytes, the server declares "
                f"{self.size}; the file was discarded",
                destination=part.destination,
                received=part.size,
                expected=self.size,
                operation=operation,
            )


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _cut_error(cut: _Cut, destination: Path, attempts: int, operation: str) -> TransferError:
    reason = f" ({type(cut.cause).__name__}: {cut.cause})" if cut.cause else ""
    return TransferError(
        f"download of {destination.name} interrupted after {attempts} attempt(s): "
        f"{cut}{reason}; nothing was written to {destination}",
        destination=destination,
        received=cut.received,
        expected=cut.expected,
        operation=operation,
    )


def _report(progress: ProgressCallback | None, done: int, total: int | None) -> None:
    if progress is not None:
        progress(done, total)


def download(
    connection: Connection,
    path: str,
    destination: Path,
    *,
    size: int | None = None,
    checksum: str | None = None,
    checksum_algorithm: ChecksumAlgorithm | str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    attempts: int = DEFAULT_DOWNLOAD_ATTEMPTS,
    progress: ProgressCallback | None = None,
    operation: str,
) -> Path:
    """GET ``path`` into ``destination`` atomically, verifying size and checksum.

    A body cut short is fetched again, up to ``attempts`` times in all.
    """
    import httpx

    _check_chunk_size(chunk_size)
    expect = _Expectation(size=size, checksum=checksum, algorithm=checksum_algorithm)
    cut: _Cut | None = None
    for _attempt in range(max(1, attempts)):
        with connection.stream("GET", path, idempotent=True, operation=operation) as response:
            total = _content_length(response)
            part = _PartFile(destination, expect.algorithm)
            try:
                _receive(response, part, total, chunk_size, progress)
                expect.verify(part, operation)
                part.commit()
                return destination
            except _Cut as exc:
                cut = exc
            except httpx.StreamError as exc:
                raise TransferError(f"download stream failed: {exc}", operation=operation) from exc
            finally:
                part.discard()
    assert cut is not None
    raise _cut_error(cut, destination, max(1, attempts), operation) from cut.cause


def _receive(
    response: httpx.Response,
    part: _PartFile,
    total: int | None,
    chunk_size: int,
    progress: ProgressCallback | None,
) -> None:
    import httpx

    done = 0
    _report(progress, 0, total)
    with ThreadPoolExecutor(1, thread_name_prefix="ayon-download") as pool:
        pending: Future[None] | None = None
        try:
            for chunk in response.iter_bytes(chunk_size):
                if pending is not None:
                    pending.result()
                pending = pool.submit(part.write, chunk)
                done += len(chunk)
                _report(progress, done, total)
        except httpx.TransportError as exc:
            raise _Cut(done, total, exc) from exc
        finally:
            if pending is not None:
                pending.result()
    if total is not None and done != total:
        raise _Cut(done, total, None)


async def adownload(
    connection: AsyncConnection,
    path: str,
    destination: Path,
    *,
    size: int | None = None,
    checksum: str | None = None,
    checksum_algorithm: ChecksumAlgorithm | str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    attempts: int = DEFAULT_DOWNLOAD_ATTEMPTS,
    progress: ProgressCallback | None = None,
    operation: str,
) -> Path:
    """Asynchronous :func:`download` (disk work runs off the event loop)."""
    import asyncio

    import httpx

    _check_chunk_size(chunk_size)
    expect = _Expectation(size=size, checksum=checksum, algorithm=checksum_algorithm)
    loop = asyncio.get_running_loop()
    cut: _Cut | None = None
    for _attempt in range(max(1, attempts)):
        async with connection.stream("GET", path, idempotent=True, operation=operation) as response:
            total = _content_length(response)
            part = await loop.run_in_executor(None, _PartFile, destination, expect.algorithm)
            try:
                await _areceive(response, part, total, chunk_size, progress)
                expect.verify(part, operation)
                await loop.run_in_executor(None, part.commit)
                return destination
            except _Cut as exc:
                cut = exc
            except httpx.StreamError as exc:
                raise TransferError(f"download stream failed: {exc}", operation=operation) from exc
            finally:
                part.discard()
    assert cut is not None
    raise _cut_error(cut, destination, max(1, attempts), operation) from cut.cause


async def _areceive(
    response: httpx.Response,
    part: _PartFile,
    total: int | None,
    chunk_size: int,
    progress: ProgressCallback | None,
) -> None:
    import asyncio

    import httpx

    loop = asyncio.get_running_loop()
    done = 0
    _report(progress, 0, total)
    with ThreadPoolExecutor(1, thread_name_prefix="ayon-download") as pool:
        pending: asyncio.Future[None] | None = None
        try:
            async for chunk in response.aiter_bytes(chunk_size):
                if pending is not None:
                    await pending
                pending = loop.run_in_executor(pool, part.write, chunk)
                done += len(chunk)
                _report(progress, done, total)
        except httpx.TransportError as exc:
            raise _Cut(done, total, exc) from exc
        finally:
            if pending is not None:
                await pending
    if total is not None and done != total:
        raise _Cut(done, total, None)
