"""Operations whose body is a file's raw bytes (thumbnails, installers, packages):
their generated methods send a path, bytes or a binary stream with its content type."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import pytest
from ayon_gql_generated import AsyncAyonClient, AyonClient

from ayon_gql import AyonError, InvalidInputError
from ayon_gql.cli import main
from ayon_gql.codegen._rest_operations import iter_operations
from ayon_gql.testing import StandInServer

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "demo_Commercial"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(40))


def test_raw_body_operations_are_recognised_from_the_document() -> None:
    document = json.loads((ROOT / "schema" / "openapi.json").read_text(encoding="utf-8"))
    schemas = document["components"]["schemas"]
    names = {name: name for name in schemas}
    raw = {s.operation_id for s in iter_operations(document["paths"], names, "Other", schemas)
           if s.raw_body}  # fmt: skip
    assert {
        "create_thumbnail",
        "update_thumbnail",
        "create_version_thumbnail",
        "upload_reviewable",
        "upload_installer_file",
        "upload_dependency_package",
        "upload_project_file",
    } <= raw
    # Operations without a body that upload nothing stay as they were.
    assert not raw & {"logout", "set_primary_preset", "materialize_entity_list"}


def test_a_thumbnail_is_uploaded_from_bytes_or_a_path_and_read_back(
    ayon_server: StandInServer, tmp_path: Path
) -> None:
    image = tmp_path / "cover.png"
    image.write_bytes(PNG)
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        thumbnails = client.api.thumbnails
        sent = thumbnails.create_thumbnail(PROJECT, PNG, content_type="image/png")
        seen: list[tuple[int, int | None]] = []
        # From a path, the content type is guessed from the file's name.
        other = thumbnails.create_thumbnail(
            PROJECT, image, progress=lambda done, total: seen.append((done, total))
        )
        assert seen[0] == (0, len(PNG)) and seen[-1] == (len(PNG), len(PNG))
        assert sent.id != other.id
        target = thumbnails.get_thumbnail(PROJECT, other.id, to=tmp_path / "back.png")
        assert Path(target).read_bytes() == PNG
        buffer = io.BytesIO()
        thumbnails.get_thumbnail(PROJECT, sent.id, to=buffer)
        assert buffer.getvalue() == PNG
        with pytest.raises(AyonError, match="png or jpeg"):
            thumbnails.create_thumbnail(PROJECT, PNG, content_type="image/gif")
        with pytest.raises(InvalidInputError, match="path or a seekable binary file"):
            thumbnails.create_thumbnail(PROJECT, object(), content_type="image/png")  # type: ignore[arg-type]


def test_async_uploads_send_a_stream(ayon_server: StandInServer) -> None:
    async def run() -> bytes:
        async with AsyncAyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
            seen: list[int] = []
            stream = io.BytesIO(b"skipped" + PNG)
            stream.seek(len(b"skipped"))  # sent from where the stream stands
            made = await client.api.thumbnails.create_thumbnail(
                PROJECT, stream, content_type="image/png", progress=lambda d, t: seen.append(d)
            )
            assert seen[-1] == len(PNG)
            buffer = io.BytesIO()
            await client.api.thumbnails.get_thumbnail(PROJECT, made.id, to=buffer)
            return buffer.getvalue()

    assert asyncio.run(run()) == PNG


def test_rest_call_uploads_the_body_file(
    ayon_server: StandInServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = tmp_path / "cover.png"
    image.write_bytes(PNG)
    connect = ["--url", ayon_server.url, "--api-key", ayon_server.api_key]
    call = ["rest", "call", "create_thumbnail", "-p", f"project_name={PROJECT}", *connect]
    assert main([*call, "--body", str(image)]) == 0
    assert len(json.loads(capsys.readouterr().out)["id"]) == 32
    assert main(call) == 1
    assert "uploads a file: give --body FILE" in capsys.readouterr().err
