"""Streaming downloads: bounded memory, progress, checksums, atomic files.

Downloads are written to a temporary file beside the destination, hashed
while they arrive, flushed to disk and only then renamed over the
destination, so an interrupted or corrupted transfer never leaves a file
behind.  Hashing and writing run on a helper thread, overlapping with the
network, so verifying costs no throughput; at most two chunks are held in
memory at any time.  A body cut short is fetched again.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from ayon_gql._errors import ChecksumMismatchError, InvalidInputError, TransferError
from ayon_gql.rest._checks import check_enum
from ayon_gql.rest._model_base import ChecksumAlgorithm
from ayon_gql.rest._transfers import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_DOWNLOAD_ATTEMPTS,
    ProgressCallback,
    check_chunk_size,
    new_hasher,
    report,
    stream_failures,
)

if TYPE_CHECKING:
    import httpx

    from ayon_gql._connection import AsyncConnection, Connection

__all__ = ["adownload", "download", "resolve_destination"]


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
        self._hasher = new_hasher(algorithm) if algorithm is not None else None
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
    check_chunk_size(chunk_size)
    expect = _Expectation(size=size, checksum=checksum, algorithm=checksum_algorithm)
    cut: _Cut | None = None
    for _attempt in range(max(1, attempts)):
        with connection.stream("GET", path, idempotent=True, operation=operation) as response:
            total = _content_length(response)
            part = _PartFile(destination, expect.algorithm)
            try:
                with stream_failures("download", operation):
                    _receive(response, part, total, chunk_size, progress)
                    expect.verify(part, operation)
                    part.commit()
                return destination
            except _Cut as exc:
                cut = exc
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
    report(progress, 0, total)
    with ThreadPoolExecutor(1, thread_name_prefix="ayon-download") as pool:
        pending: Future[None] | None = None
        try:
            for chunk in response.iter_bytes(chunk_size):
                if pending is not None:
                    pending.result()
                pending = pool.submit(part.write, chunk)
                done += len(chunk)
                report(progress, done, total)
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

    check_chunk_size(chunk_size)
    expect = _Expectation(size=size, checksum=checksum, algorithm=checksum_algorithm)
    loop = asyncio.get_running_loop()
    cut: _Cut | None = None
    for _attempt in range(max(1, attempts)):
        async with connection.stream("GET", path, idempotent=True, operation=operation) as response:
            total = _content_length(response)
            part = await loop.run_in_executor(None, _PartFile, destination, expect.algorithm)
            try:
                with stream_failures("download", operation):
                    await _areceive(response, part, total, chunk_size, progress)
                    expect.verify(part, operation)
                    await loop.run_in_executor(None, part.commit)
                return destination
            except _Cut as exc:
                cut = exc
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
    report(progress, 0, total)
    with ThreadPoolExecutor(1, thread_name_prefix="ayon-download") as pool:
        pending: asyncio.Future[None] | None = None
        try:
            async for chunk in response.aiter_bytes(chunk_size):
                if pending is not None:
                    await pending
                pending = loop.run_in_executor(pool, part.write, chunk)
                done += len(chunk)
                report(progress, done, total)
        except httpx.TransportError as exc:
            raise _Cut(done, total, exc) from exc
        finally:
            if pending is not None:
                await pending
    if total is not None and done != total:
        raise _Cut(done, total, None)
