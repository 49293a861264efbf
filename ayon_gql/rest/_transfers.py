"""What uploads and downloads share: chunk size, progress callbacks, checksums.

Transfers stream in chunks with bounded memory (``_uploads``, ``_downloads``);
:func:`file_checksum` hashes a local file the same way.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterator
from typing import Any

from ayon_gql._errors import InvalidInputError, TransferError
from ayon_gql.rest._checks import check_enum
from ayon_gql.rest._model_base import ChecksumAlgorithm

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_DOWNLOAD_ATTEMPTS",
    "ProgressCallback",
    "check_chunk_size",
    "file_checksum",
    "new_hasher",
    "report",
    "stream_failures",
]

ProgressCallback = Callable[[int, "int | None"], None]
"""Called as ``progress(done_bytes, total_bytes)``; ``total_bytes`` is None when unknown."""

DEFAULT_CHUNK_SIZE = 1 << 20
DEFAULT_DOWNLOAD_ATTEMPTS = 3


def new_hasher(algorithm: ChecksumAlgorithm | str) -> Any:
    """A fresh ``hashlib`` object for ``algorithm`` (checked against :class:`ChecksumAlgorithm`)."""
    name = check_enum(ChecksumAlgorithm, algorithm, "checksum algorithm").value
    return hashlib.new(name)


def file_checksum(
    path: str | os.PathLike[str],
    algorithm: ChecksumAlgorithm | str = ChecksumAlgorithm.MD5,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> tuple[int, str]:
    """``(size, hex digest)`` of a file, read in chunks (never whole into memory)."""
    hasher = new_hasher(algorithm)
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(chunk_size):
            hasher.update(chunk)
            size += len(chunk)
    return size, str(hasher.hexdigest())


def check_chunk_size(chunk_size: int) -> int:
    """``chunk_size`` when it is an int of at least 1 KiB, else :class:`InvalidInputError`."""
    if not isinstance(chunk_size, int) or chunk_size < 1024:
        raise InvalidInputError(f"chunk_size must be an int >= 1024, got {chunk_size!r}")
    return chunk_size


@contextlib.contextmanager
def stream_failures(transfer: str, operation: str) -> Iterator[None]:
    """Turn httpx's stream errors (a body consumed twice, a stream closed under
    it) into :class:`TransferError` naming the ``transfer``."""
    import httpx

    try:
        yield
    except httpx.StreamError as exc:
        raise TransferError(f"{transfer} stream failed: {exc}", operation=operation) from exc


def report(progress: ProgressCallback | None, done: int, total: int | None) -> None:
    """Tell ``progress`` (when given) how far a transfer has come."""
    if progress is not None:
        progress(done, total)
