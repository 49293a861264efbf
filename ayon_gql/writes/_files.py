"""Files next to the transaction: thumbnails (PNG or JPEG, from a path or bytes)
and reviewables (a video or image uploaded to a version, streamed).

Neither is part of a commit: the server stores them as soon as they arrive.
A thumbnail's id goes into a model (``thumbnail_id=``) in the same session; a
reviewable needs its version committed first.
"""

from __future__ import annotations

import mimetypes
import os
import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ayon_gql._errors import InvalidInputError
from ayon_gql.rest._base import as_model, segment
from ayon_gql.rest._transfers import DEFAULT_CHUNK_SIZE, ProgressCallback, stream_failures
from ayon_gql.rest._uploads import _AsyncUploadBody, _UploadBody
from ayon_gql.writes._batch import ID_PATTERN
from ayon_gql.writes._results import Reviewable, Thumbnail

if TYPE_CHECKING:
    from ayon_gql._connection import AsyncConnection, Connection

__all__ = [
    "acreate_thumbnail",
    "aupload_reviewable",
    "create_thumbnail",
    "project_path",
    "upload_reviewable",
]

_PROJECT_RX = re.compile(r"^[a-zA-Z0-9_]+$")
_THUMBNAIL_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
_REVIEWABLE_PREFIXES = ("video/", "image/")
_REVIEWABLE_TYPES = {"application/mxf"}


def project_path(project_name: str) -> str:
    """``/api/projects/{project_name}``, once the name is checked."""
    if not isinstance(project_name, str) or not _PROJECT_RX.match(project_name):
        raise InvalidInputError(
            f"invalid project name {project_name!r} (letters, digits and _ only)"
        )
    return f"/api/projects/{segment(project_name)}"


def _sniff_image(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return None


def _thumbnail_body(
    source: str | os.PathLike[str] | bytes, content_type: str | None
) -> tuple[bytes, str]:
    """The thumbnail's bytes and content type: PNG or JPEG, by its first bytes."""
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), "thumbnail"
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInputError(f"cannot read thumbnail {path}: {exc.strerror}") from None
        name = str(path)
    else:
        raise InvalidInputError(f"a thumbnail is a path or bytes, not {type(source).__name__}")
    kind = _sniff_image(data)
    if content_type is not None and content_type not in _THUMBNAIL_TYPES.values():
        raise InvalidInputError(
            f"thumbnail content type must be image/png or image/jpeg, not {content_type!r}"
        )
    if kind is None:
        raise InvalidInputError(f"{name} is not a PNG or JPEG image (the server takes only those)")
    return data, content_type or kind


def _thumbnail_options(
    project_name: str, source: str | os.PathLike[str] | bytes, content_type: str | None
) -> tuple[str, dict[str, Any]]:
    data, kind = _thumbnail_body(source, content_type)
    return f"{project_path(project_name)}/thumbnails", {
        "content": data,
        "headers": {"Content-Type": kind},
        # A retry may leave one unused thumbnail behind; it changes no entity.
        "idempotent": True,
        "operation": "create thumbnail",
        "project_name": project_name,
    }


def create_thumbnail(
    connection: Connection,
    project_name: str,
    source: str | os.PathLike[str] | bytes,
    content_type: str | None = None,
) -> Thumbnail:
    """Store a thumbnail (``POST /api/projects/{p}/thumbnails``) and return its id."""
    path, options = _thumbnail_options(project_name, source, content_type)
    response = connection.request("POST", path, **options)
    return as_model(Thumbnail)(response, "create thumbnail")


async def acreate_thumbnail(
    connection: AsyncConnection,
    project_name: str,
    source: str | os.PathLike[str] | bytes,
    content_type: str | None = None,
) -> Thumbnail:
    """Asynchronous :func:`create_thumbnail`."""
    path, options = _thumbnail_options(project_name, source, content_type)
    response = await connection.request("POST", path, **options)
    return as_model(Thumbnail)(response, "create thumbnail")


def _reviewable_type(filename: str, content_type: str | None) -> str:
    kind = content_type or mimetypes.guess_type(filename)[0]
    if kind is None:
        raise InvalidInputError(f"cannot tell the content type of {filename!r}; pass content_type=")
    if not (kind.startswith(_REVIEWABLE_PREFIXES) or kind in _REVIEWABLE_TYPES):
        raise InvalidInputError(f"a reviewable is a video or an image, not {kind} ({filename!r})")
    return kind


def _reviewable_options(
    body: _UploadBody | _AsyncUploadBody,
    source: str | os.PathLike[str] | IO[bytes],
    filename: str | None,
    content_type: str | None,
    label: str | None,
) -> dict[str, Any]:
    if filename is None:
        if not isinstance(source, (str, os.PathLike)):
            raise InvalidInputError("uploading from a file object needs filename=")
        filename = Path(source).name
    kind = _reviewable_type(filename, content_type)
    return {
        "content": body,
        "headers": {
            "Content-Type": kind,
            "Content-Length": str(body.size),
            "X-File-Name": filename,
        },
        "params": {"label": label} if label else None,
        # Sent twice it would attach two reviewables: only resent when the
        # connection could not be opened.
        "idempotent": False,
        "operation": "upload reviewable",
    }


def _version_path(project_name: str, version_id: str) -> str:
    if not isinstance(version_id, str) or not ID_PATTERN.match(version_id):
        raise InvalidInputError(f"version id must be 32 lowercase hex digits, not {version_id!r}")
    return f"{project_path(project_name)}/versions/{version_id}/reviewables"


def upload_reviewable(
    connection: Connection,
    project_name: str,
    version_id: str,
    source: str | os.PathLike[str] | IO[bytes],
    *,
    label: str | None = None,
    filename: str | None = None,
    content_type: str | None = None,
    progress: ProgressCallback | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Reviewable:
    """Upload a reviewable to a version, streamed in chunks (see the module docstring)."""
    path = _version_path(project_name, version_id)
    body = _UploadBody(source, chunk_size=chunk_size, progress=progress)
    options = _reviewable_options(body, source, filename, content_type, label)
    with stream_failures("upload", "upload reviewable"):
        response = connection.request("POST", path, project_name=project_name, **options)
    return as_model(Reviewable)(response, "upload reviewable")


async def aupload_reviewable(
    connection: AsyncConnection,
    project_name: str,
    version_id: str,
    source: str | os.PathLike[str] | IO[bytes],
    *,
    label: str | None = None,
    filename: str | None = None,
    content_type: str | None = None,
    progress: ProgressCallback | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Reviewable:
    """Asynchronous :func:`upload_reviewable`."""
    path = _version_path(project_name, version_id)
    body = _AsyncUploadBody(source, chunk_size=chunk_size, progress=progress)
    options = _reviewable_options(body, source, filename, content_type, label)
    with stream_failures("upload", "upload reviewable"):
        response = await connection.request("POST", path, project_name=project_name, **options)
    return as_model(Reviewable)(response, "upload reviewable")
