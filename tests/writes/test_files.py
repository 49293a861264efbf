"""Thumbnails (from a path or bytes, set in the same session) and reviewables
(streamed, with progress and the content type from the file)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import httpx
import pytest
from ayon_gql_generated.write_models import ProductCreate, VersionCreate

from ayon_gql import AyonClient, InvalidInputError
from ayon_gql.testing import StandInServer
from ayon_gql.writes import Reviewable, Thumbnail
from tests.writes.conftest import PROJECT, a_folder_id


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x7f" * 3 * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def mp4(size: int) -> bytes:
    return struct.pack(">I", 32) + b"ftypisom" + b"\x00" * 20 + b"\x00" * (size - 32)


def test_a_thumbnail_made_and_set_in_one_session(
    client: AyonClient, ayon_server: StandInServer, tmp_path: Path
) -> None:
    image = tmp_path / "thumb.png"
    image.write_bytes(png(64, 36))
    with client.operations(PROJECT) as ops:
        thumbnail_id = ops.create_thumbnail(image)
        product_id = ops.create(
            ProductCreate(name="thumbed", product_type="render", folder_id=a_folder_id(client))
        )
        version_id = ops.create(
            VersionCreate(product_id=product_id, version=1, thumbnail_id=thumbnail_id)
        )
    assert client.get_version(PROJECT, version_id).project.version.thumbnail_id == thumbnail_id
    answer = httpx.get(
        f"{ayon_server.url}/api/projects/{PROJECT}/versions/{version_id}/thumbnail",
        headers={"X-Api-Key": ayon_server.api_key},
    )
    assert answer.content == image.read_bytes()
    assert answer.headers["x-thumbnail-id"] == thumbnail_id


def test_thumbnails_from_bytes_are_typed_and_checked(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    made = client.create_thumbnail(PROJECT, png(8, 8))
    assert isinstance(made, Thumbnail) and len(made.id) == 32 and made.affected_entities == []
    assert ayon_server.requests[-1].headers["content-type"] == "image/png"
    sent = len(ayon_server.requests)
    with pytest.raises(InvalidInputError, match="not a PNG or JPEG"):
        client.create_thumbnail(PROJECT, b"GIF89a" + b"\x00" * 20)
    with pytest.raises(InvalidInputError, match="image/png or image/jpeg"):
        client.create_thumbnail(PROJECT, png(8, 8), content_type="image/gif")
    assert len(ayon_server.requests) == sent  # refused before sending


def test_a_reviewable_is_streamed_with_progress(
    client: AyonClient, ayon_server: StandInServer, tmp_path: Path
) -> None:
    version = next(client.iter_versions(PROJECT))
    movie = tmp_path / "sh010_review.mp4"
    movie.write_bytes(mp4(5000))
    seen: list[tuple[int, int | None]] = []
    made = client.upload_reviewable(
        PROJECT,
        version.id,
        movie,
        label="review",
        progress=lambda d, t: seen.append((d, t)),
        chunk_size=1024,
    )
    assert isinstance(made, Reviewable)
    assert (made.filename, made.label, made.mimetype) == ("sh010_review.mp4", "review", "video/mp4")
    assert made.availability == "conversionRecommended" and made.author is not None
    assert seen[0] == (0, 5000) and seen[-1] == (5000, 5000) and len(seen) == 6
    request = ayon_server.requests[-1]
    assert (request.headers["x-file-name"], request.body_size) == ("sh010_review.mp4", 5000)
    listed = httpx.get(
        f"{ayon_server.url}/api/projects/{PROJECT}/versions/{version.id}/reviewables",
        headers={"X-Api-Key": ayon_server.api_key},
    ).json()
    assert [r["fileId"] for r in listed["reviewables"]] == [made.file_id]
    topics = [e["topic"] for e in ayon_server.events.all()]
    assert topics == ["activity.created", "reviewable.created"]


def test_a_reviewable_of_another_kind_is_refused_locally(
    client: AyonClient, ayon_server: StandInServer, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"%PDF-1.4")
    version = next(client.iter_versions(PROJECT))
    sent = len(ayon_server.requests)
    with pytest.raises(InvalidInputError, match="application/pdf"):
        client.upload_reviewable(PROJECT, version.id, notes)
    with pytest.raises(InvalidInputError, match="version id"):
        client.upload_reviewable(PROJECT, "v001", notes)
    assert len(ayon_server.requests) == sent
