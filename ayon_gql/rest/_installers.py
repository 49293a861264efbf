"""Desktop installers and dependency packages: metadata and file transfers.

Both live under ``/api/desktop/...`` and behave the same (list, create
metadata, PUT the file, GET it back, PATCH sources, DELETE), so one generic
collection serves both; :mod:`ayon_gql.rest._packages` adds the package flavour.
"""

from __future__ import annotations

import builtins
import contextlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import GenericAlias
from typing import IO, TYPE_CHECKING, Any, Generic, TypeVar

from ayon_gql._errors import AyonError, InvalidInputError, NotFoundError
from ayon_gql.rest import _downloads, _transfers, _uploads
from ayon_gql.rest._base import (
    AsyncRunner,
    Call,
    SyncRunner,
    as_model,
    as_nothing,
    as_type,
    query_bool,
    segment,
)
from ayon_gql.rest._checks import (
    build_model,
    check_enum,
    check_filename,
    check_segment,
    check_variant,
)
from ayon_gql.rest._installer_models import FileSource, Installer, InstallResponse
from ayon_gql.rest._model_base import ChecksumAlgorithm, Platform, RestModel
from ayon_gql.rest._transfers import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_DOWNLOAD_ATTEMPTS,
    ProgressCallback,
)

if TYPE_CHECKING:
    from ayon_gql._connection import AsyncConnection, Connection

F = TypeVar("F", bound=RestModel)

Source = str | os.PathLike[str] | IO[bytes]
Sources = Sequence[FileSource | Mapping[str, Any]]

DEFAULT_UPLOAD_ALGORITHM = ChecksumAlgorithm.SHA256


class FileCalls(Generic[F]):
    """Request building shared by the sync and async collections of one kind."""

    def __init__(self, kind: type[F], base: str, list_key: str, label: str) -> None:
        self.kind = kind
        self.base = base
        self.list_key = list_key
        self.label = label

    def path(self, filename: str) -> str:
        return f"{self.base}/{segment(check_filename(filename))}"

    def list(self, params: Mapping[str, Any] | None = None) -> Call[list[F]]:
        return Call(
            "GET",
            self.base,
            as_type(GenericAlias(list, (self.kind,)), self.list_key),
            params=params,
            operation=f"list {self.label}s",
        )

    def pick(self, items: Sequence[F], filename: str) -> F:
        for item in items:
            if getattr(item, "filename", None) == filename:
                return item
        raise NotFoundError(
            f"no {self.label} called {filename!r}",
            operation=f"get {self.label}",
            path=self.path(filename),
        )

    def create(
        self, item: F | Mapping[str, Any], *, force: bool
    ) -> tuple[F, Call[InstallResponse]]:
        model = build_model(self.kind, item)
        call = Call(
            "POST",
            self.base,
            as_model(InstallResponse),
            json=model.to_payload(),
            params={"force": query_bool(force) if force else None},
            operation=f"create {self.label}",
        )
        return model, call

    def set_sources(self, filename: str, sources: Sources) -> Call[None]:
        models = [build_model(FileSource, source) for source in sources]
        return Call(
            "PATCH",
            self.path(filename),
            as_nothing,
            json={"sources": [source.to_payload() for source in models]},
            idempotent=True,
            operation=f"update {self.label} sources",
        )

    def delete(self, filename: str) -> Call[None]:
        return Call("DELETE", self.path(filename), as_nothing, operation=f"delete {self.label}")

    def describe_file(
        self,
        path: str | os.PathLike[str],
        algorithm: ChecksumAlgorithm | str,
        chunk_size: int,
        fields: Mapping[str, Any],
    ) -> F:
        """Metadata for a local file: name, size and checksum, plus ``fields``."""
        source = Path(path)
        if not source.is_file():
            raise InvalidInputError(f"not a file: {source}")
        algo = check_enum(ChecksumAlgorithm, algorithm, "checksum algorithm")
        # Validate the caller's fields before spending time on hashing.
        base = {"filename": source.name, "sources": [{"type": "server"}]}
        build_model(self.kind, {**base, **fields})
        size, checksum = _transfers.file_checksum(source, algo, chunk_size=chunk_size)
        data = {**base, "size": size, "checksum": checksum, "checksumAlgorithm": algo}
        return build_model(self.kind, {**data, **fields})

    def expectation(
        self, item: F | None, checksum: str | None, algorithm: ChecksumAlgorithm | str | None
    ) -> dict[str, Any]:
        """What a download must match: explicit values, else the server's metadata."""
        if checksum is not None:
            return {"size": None, "checksum": checksum, "checksum_algorithm": algorithm}
        if item is None:
            return {"size": None, "checksum": None, "checksum_algorithm": None}
        declared = getattr(item, "checksum", None)
        declared_algorithm = getattr(item, "checksum_algorithm", None)
        return {
            "size": getattr(item, "size", None),
            "checksum": declared if declared and declared_algorithm else None,
            "checksum_algorithm": declared_algorithm if declared else None,
        }


def installer_filters(
    version: str | None, platform: Platform | str | None, variant: str | None
) -> dict[str, Any]:
    """Query parameters of ``GET /api/desktop/installers``, checked locally."""
    return {
        "version": check_segment(version, "installer version") if version is not None else None,
        "platform": check_enum(Platform, platform, "platform").value if platform else None,
        "variant": check_variant(variant, allow_dev=False) if variant is not None else None,
    }


def _filename_of(item: RestModel) -> str:
    return str(item.filename)  # type: ignore[attr-defined]


INSTALLERS = FileCalls(Installer, "/api/desktop/installers", "installers", "installer")


class SyncFiles(SyncRunner, Generic[F]):
    """Sync operations common to installers and dependency packages."""

    _calls: FileCalls[F]

    def __init__(self, connection: Connection, calls: FileCalls[F]) -> None:
        super().__init__(connection)
        self._calls = calls

    def _list(self, params: Mapping[str, Any] | None = None) -> list[F]:
        return self._run(self._calls.list(params))

    def get(self, filename: str) -> F:
        """Metadata of one file (the server has no single-item endpoint: filtered list)."""
        check_filename(filename)
        return self._calls.pick(self._list(), filename)

    def create(self, item: F | Mapping[str, Any], *, force: bool = False) -> InstallResponse:
        """Register metadata (before uploading the file); ``force`` replaces existing."""
        _, call = self._calls.create(item, force=force)
        return self._run(call)

    def upload_file(
        self,
        filename: str,
        source: Source,
        *,
        progress: ProgressCallback | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> int:
        """Stream the file's bytes (its metadata must exist); returns bytes sent."""
        return _uploads.upload(
            self._connection,
            self._calls.path(filename),
            source,
            chunk_size=chunk_size,
            progress=progress,
            operation=f"upload {self._calls.label}",
        )

    def upload(
        self,
        path: str | os.PathLike[str],
        *,
        force: bool = False,
        checksum_algorithm: ChecksumAlgorithm | str = DEFAULT_UPLOAD_ALGORITHM,
        progress: ProgressCallback | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        **fields: Any,
    ) -> F:
        """Hash a local file, register its metadata and upload it; returns the metadata.

        ``fields`` are the remaining metadata (snake_case or camelCase), e.g.
        ``platform=``, ``version=`` for installers; ``filename`` defaults to the
        file's name.  Bad values raise :class:`InvalidInputError` before sending.
        """
        item = self._calls.describe_file(path, checksum_algorithm, chunk_size, fields)
        self.create(item, force=force)
        try:
            self.upload_file(_filename_of(item), path, progress=progress, chunk_size=chunk_size)
        except AyonError:
            if not force:  # metadata we just created would point at a missing file
                with contextlib.suppress(AyonError):
                    self.delete(_filename_of(item))
            raise
        return item

    def download(
        self,
        filename: str,
        destination: str | os.PathLike[str] = ".",
        *,
        verify: bool = True,
        checksum: str | None = None,
        checksum_algorithm: ChecksumAlgorithm | str | None = None,
        progress: ProgressCallback | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        attempts: int = DEFAULT_DOWNLOAD_ATTEMPTS,
    ) -> Path:
        """Download to ``destination`` (a file, or a folder to put ``filename`` in).

        Written atomically; checked against ``checksum`` or, with ``verify``, the
        server's declared size and checksum.  Returns the final path.
        """
        path = self._calls.path(filename)
        target = _downloads.resolve_destination(destination, filename)
        item = self.get(filename) if verify and checksum is None else None
        return _downloads.download(
            self._connection,
            path,
            target,
            chunk_size=chunk_size,
            attempts=attempts,
            progress=progress,
            operation=f"download {self._calls.label}",
            **self._calls.expectation(item, checksum, checksum_algorithm),
        )

    def set_sources(self, filename: str, sources: Sources) -> None:
        """Replace where clients download the file from (``server``/``http`` sources)."""
        self._run(self._calls.set_sources(filename, sources))

    def delete(self, filename: str) -> None:
        """Delete the metadata and the stored file."""
        self._run(self._calls.delete(filename))


class AsyncFiles(AsyncRunner, Generic[F]):
    """Async twin of :class:`SyncFiles`."""

    _calls: FileCalls[F]

    def __init__(self, connection: AsyncConnection, calls: FileCalls[F]) -> None:
        super().__init__(connection)
        self._calls = calls

    async def _list(self, params: Mapping[str, Any] | None = None) -> list[F]:
        return await self._run(self._calls.list(params))

    async def get(self, filename: str) -> F:
        """Metadata of one file."""
        check_filename(filename)
        return self._calls.pick(await self._list(), filename)

    async def create(self, item: F | Mapping[str, Any], *, force: bool = False) -> InstallResponse:
        """Register metadata (before uploading the file)."""
        _, call = self._calls.create(item, force=force)
        return await self._run(call)

    async def upload_file(
        self,
        filename: str,
        source: Source,
        *,
        progress: ProgressCallback | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> int:
        """Stream the file's bytes; returns bytes sent."""
        return await _uploads.aupload(
            self._connection,
            self._calls.path(filename),
            source,
            chunk_size=chunk_size,
            progress=progress,
            operation=f"upload {self._calls.label}",
        )

    async def upload(
        self,
        path: str | os.PathLike[str],
        *,
        force: bool = False,
        checksum_algorithm: ChecksumAlgorithm | str = DEFAULT_UPLOAD_ALGORITHM,
        progress: ProgressCallback | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        **fields: Any,
    ) -> F:
        """Hash a local file, register its metadata and upload it."""
        import asyncio

        item = await asyncio.get_running_loop().run_in_executor(
            None, self._calls.describe_file, path, checksum_algorithm, chunk_size, fields
        )
        await self.create(item, force=force)
        try:
            await self.upload_file(
                _filename_of(item), path, progress=progress, chunk_size=chunk_size
            )
        except AyonError:
            if not force:  # metadata we just created would point at a missing file
                with contextlib.suppress(AyonError):
                    await self.delete(_filename_of(item))
            raise
        return item

    async def download(
        self,
        filename: str,
        destination: str | os.PathLike[str] = ".",
        *,
        verify: bool = True,
        checksum: str | None = None,
        checksum_algorithm: ChecksumAlgorithm | str | None = None,
        progress: ProgressCallback | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        attempts: int = DEFAULT_DOWNLOAD_ATTEMPTS,
    ) -> Path:
        """Download atomically to ``destination``, verified like the sync version."""
        path = self._calls.path(filename)
        target = _downloads.resolve_destination(destination, filename)
        item = await self.get(filename) if verify and checksum is None else None
        return await _downloads.adownload(
            self._connection,
            path,
            target,
            chunk_size=chunk_size,
            attempts=attempts,
            progress=progress,
            operation=f"download {self._calls.label}",
            **self._calls.expectation(item, checksum, checksum_algorithm),
        )

    async def set_sources(self, filename: str, sources: Sources) -> None:
        """Replace where clients download the file from."""
        await self._run(self._calls.set_sources(filename, sources))

    async def delete(self, filename: str) -> None:
        """Delete the metadata and the stored file."""
        await self._run(self._calls.delete(filename))


class Installers(SyncFiles[Installer]):
    """``/api/desktop/installers``: launcher installers per platform and version."""

    def __init__(self, connection: Connection) -> None:
        super().__init__(connection, INSTALLERS)

    def list(
        self,
        *,
        version: str | None = None,
        platform: Platform | str | None = None,
        variant: str | None = None,
    ) -> builtins.list[Installer]:
        """Installers, optionally of one version, platform, or the one the
        ``production``/``staging`` bundle uses."""
        return self._list(installer_filters(version, platform, variant))


class AsyncInstallers(AsyncFiles[Installer]):
    """Async twin of :class:`Installers`."""

    def __init__(self, connection: AsyncConnection) -> None:
        super().__init__(connection, INSTALLERS)

    async def list(
        self,
        *,
        version: str | None = None,
        platform: Platform | str | None = None,
        variant: str | None = None,
    ) -> builtins.list[Installer]:
        """Installers, optionally filtered like :meth:`Installers.list`."""
        return await self._list(installer_filters(version, platform, variant))


__all__ = ["AsyncFiles", "AsyncInstallers", "FileCalls", "Installers", "SyncFiles"]
