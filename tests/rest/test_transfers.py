"""Transfers under faults: streaming, progress, checksums, atomic writes, retries."""

from __future__ import annotations

import asyncio
import hashlib
import io
import os
from pathlib import Path

import httpx
import pytest

from ayon_gql import AsyncAyonClient, NotFoundError, ServerError
from ayon_gql.rest import ChecksumMismatchError, RestAPI, TransferError, file_checksum
from ayon_gql.rest._transfers import stream_failures
from ayon_gql.testing import StandInServer

SIZE = 3 * 1024 * 1024 + 17  # several chunks and a ragged end
CHUNK = 256 * 1024
NAME = "AYON-9.0.0-linux-setup.sh"
PATH = f"/api/desktop/installers/{NAME}"


@pytest.fixture
def payload(tmp_path: Path) -> Path:
    source = tmp_path / "src" / NAME
    source.parent.mkdir()
    source.write_bytes(os.urandom(SIZE))
    return source


@pytest.fixture
def uploaded(rest: RestAPI, payload: Path) -> Path:
    rest.installers.upload(payload, platform="linux", version="9.0.0", chunk_size=CHUNK)
    return payload


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _gets(server: StandInServer) -> int:
    return sum(1 for r in server.requests if r.method == "GET" and r.path == PATH)


def test_upload_then_download_round_trip(
    rest: RestAPI, payload: Path, out: Path, ayon_server: StandInServer
) -> None:
    seen: list[tuple[int, int | None]] = []
    item = rest.installers.upload(
        payload,
        platform="linux",
        version="9.0.0",
        python_version="3.11.9",
        checksum_algorithm="sha256",
        chunk_size=CHUNK,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert item.size == SIZE
    assert item.checksum == hashlib.sha256(payload.read_bytes()).hexdigest()
    assert seen[0] == (0, SIZE) and seen[-1] == (SIZE, SIZE)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    put = next(r for r in ayon_server.requests if r.method == "PUT")
    assert put.body_size == SIZE and put.headers["content-type"] == "application/octet-stream"

    progress: list[tuple[int, int | None]] = []
    target = rest.installers.download(
        NAME, out, chunk_size=CHUNK, progress=lambda d, t: progress.append((d, t))
    )
    assert target == out / NAME
    assert target.read_bytes() == payload.read_bytes()
    assert progress[-1] == (SIZE, SIZE)
    assert os.listdir(out) == [NAME]


def test_download_to_an_explicit_file_name_replaces_it(
    rest: RestAPI, uploaded: Path, out: Path
) -> None:
    target = out / "renamed.sh"
    target.write_bytes(b"old content")
    assert rest.installers.download(NAME, target, chunk_size=CHUNK) == target
    assert target.read_bytes() == uploaded.read_bytes()


def test_cut_download_is_retried(
    rest: RestAPI, uploaded: Path, out: Path, ayon_server: StandInServer
) -> None:
    ayon_server.clear_requests()
    ayon_server.faults.truncate(SIZE // 2, path=PATH, method="GET", times=2)
    target = rest.installers.download(NAME, out, chunk_size=CHUNK, attempts=3)
    assert target.read_bytes() == uploaded.read_bytes()
    assert _gets(ayon_server) == 3
    assert os.listdir(out) == [NAME]


def test_cut_download_that_keeps_failing_leaves_nothing(
    rest: RestAPI, uploaded: Path, out: Path, ayon_server: StandInServer
) -> None:
    ayon_server.clear_requests()
    ayon_server.faults.truncate(1000, path=PATH, method="GET", times=10)
    with pytest.raises(TransferError, match="interrupted after 2 attempt") as caught:
        rest.installers.download(NAME, out, chunk_size=CHUNK, attempts=2)
    assert caught.value.expected == SIZE and caught.value.received is not None
    assert caught.value.received < SIZE
    assert _gets(ayon_server) == 2
    assert os.listdir(out) == []


def test_cut_download_does_not_replace_an_existing_file(
    rest: RestAPI, uploaded: Path, out: Path, ayon_server: StandInServer
) -> None:
    existing = out / NAME
    existing.write_bytes(b"keep me")
    ayon_server.faults.truncate(10, path=PATH, method="GET", times=10)
    with pytest.raises(TransferError):
        rest.installers.download(NAME, out, chunk_size=CHUNK, attempts=1)
    assert existing.read_bytes() == b"keep me"
    assert os.listdir(out) == [NAME]


def test_wrong_checksum_leaves_nothing(rest: RestAPI, uploaded: Path, out: Path) -> None:
    with pytest.raises(ChecksumMismatchError) as caught:
        rest.installers.download(NAME, out, checksum="0" * 32, checksum_algorithm="md5")
    error = caught.value
    assert error.algorithm == "md5" and error.expected_checksum == "0" * 32
    assert error.actual_checksum == hashlib.md5(uploaded.read_bytes()).hexdigest()
    assert isinstance(error, TransferError)
    assert os.listdir(out) == []


@pytest.mark.parametrize("algorithm", ["md5", "sha1", "sha256"])
def test_explicit_checksums_of_every_algorithm(
    rest: RestAPI, uploaded: Path, out: Path, algorithm: str
) -> None:
    _, digest = file_checksum(uploaded, algorithm)
    assert digest == hashlib.new(algorithm, uploaded.read_bytes()).hexdigest()
    target = rest.installers.download(
        NAME, out, checksum=digest.upper(), checksum_algorithm=algorithm
    )
    assert target.read_bytes() == uploaded.read_bytes()


def test_503_then_success(
    rest: RestAPI, uploaded: Path, out: Path, ayon_server: StandInServer
) -> None:
    ayon_server.clear_requests()
    ayon_server.faults.fail(503, path=PATH, method="GET", times=2)
    target = rest.installers.download(NAME, out, chunk_size=CHUNK)
    assert target.read_bytes() == uploaded.read_bytes()
    assert _gets(ayon_server) == 3


def test_upload_is_replayed_whole_after_a_503(
    rest: RestAPI, payload: Path, out: Path, ayon_server: StandInServer
) -> None:
    rest.installers.create({"filename": NAME, "platform": "linux", "version": "9.0.0"})
    ayon_server.faults.fail(503, path=PATH, method="PUT", times=1)
    with payload.open("rb") as handle:  # a seekable file object works like a path
        assert rest.installers.upload_file(NAME, handle, chunk_size=CHUNK) == SIZE
    puts = [r for r in ayon_server.requests if r.method == "PUT"]
    assert len(puts) == 2 and puts[-1].body_size == SIZE
    target = rest.installers.download(NAME, out)
    assert target.read_bytes() == payload.read_bytes()


def test_upload_from_the_middle_of_a_file_object(rest: RestAPI, out: Path) -> None:
    rest.installers.create({"filename": NAME, "platform": "linux", "version": "9.0.0"})
    handle = io.BytesIO(b"HEADER" + b"x" * 5000)
    handle.seek(6)
    assert rest.installers.upload_file(NAME, handle) == 5000
    assert rest.installers.download(NAME, out).read_bytes() == b"x" * 5000


def test_download_of_a_missing_file(rest: RestAPI, out: Path) -> None:
    with pytest.raises(NotFoundError):
        rest.installers.download("nope-1.0.0.exe", out, verify=False)
    assert os.listdir(out) == []


def test_persistent_502_fails_cleanly(
    rest: RestAPI, uploaded: Path, out: Path, ayon_server: StandInServer
) -> None:
    ayon_server.faults.fail(502, path=PATH, method="GET", times=20)
    with pytest.raises(ServerError) as caught:
        rest.installers.download(NAME, out, verify=False)
    assert caught.value.status_code == 502
    assert os.listdir(out) == []


def test_dropped_connection_is_retried(
    rest: RestAPI, uploaded: Path, out: Path, ayon_server: StandInServer
) -> None:
    ayon_server.faults.drop(after_bytes=CHUNK + 5, path=PATH, method="GET", times=1)
    target = rest.installers.download(NAME, out, chunk_size=CHUNK)
    assert target.read_bytes() == uploaded.read_bytes()


def test_dependency_package_round_trip(rest: RestAPI, tmp_path: Path, out: Path) -> None:
    source = tmp_path / "studio_2026_03-linux-deps.zip"
    source.write_bytes(os.urandom(100_000))
    item = rest.dependency_packages.upload(
        source,
        platform="linux",
        installer_version="1.2.3",
        source_addons={"demo_pipeline": "1.0.0"},
        python_modules={"otio": "0.17.0"},
        checksum_algorithm="sha1",
    )
    assert item.installer_version == "1.2.3"
    target = rest.dependency_packages.download(source.name, out)
    assert target.read_bytes() == source.read_bytes()
    rest.dependency_packages.delete(source.name)


def test_async_transfers(
    async_client: AsyncAyonClient, payload: Path, out: Path, ayon_server: StandInServer
) -> None:
    async def scenario() -> None:
        async with async_client as client:
            rest = client.rest
            progress: list[int] = []
            await rest.installers.upload(
                payload,
                platform="linux",
                version="9.0.0",
                chunk_size=CHUNK,
                progress=lambda done, _total: progress.append(done),
            )
            assert progress[-1] == SIZE
            ayon_server.faults.truncate(SIZE // 3, path=PATH, method="GET", times=1)
            ayon_server.faults.fail(503, path=PATH, method="GET", times=1)
            target = await rest.installers.download(NAME, out, chunk_size=CHUNK)
            assert target.read_bytes() == payload.read_bytes()
            with pytest.raises(ChecksumMismatchError):
                await rest.installers.download(
                    NAME, out / "other.sh", checksum="00", checksum_algorithm="sha1"
                )
            ayon_server.faults.truncate(100, path=PATH, method="GET", times=10)
            with pytest.raises(TransferError):
                await rest.installers.download(NAME, out / "cut.sh", attempts=2)

    asyncio.run(scenario())
    assert os.listdir(out) == [NAME]


def test_failed_upload_removes_the_metadata_it_created(
    rest: RestAPI, payload: Path, ayon_server: StandInServer
) -> None:
    ayon_server.faults.fail(500, path=PATH, method="PUT", times=1)
    with pytest.raises(ServerError):
        rest.installers.upload(payload, platform="linux", version="9.0.0")
    with pytest.raises(NotFoundError):
        rest.installers.get(NAME)


@pytest.mark.parametrize("transfer", ["upload", "download"])
def test_a_broken_stream_is_a_transfer_error_naming_the_transfer(transfer: str) -> None:
    with (
        pytest.raises(TransferError, match=f"{transfer} stream failed: ") as raised,
        stream_failures(transfer, "installer file"),
    ):
        raise httpx.StreamConsumed()
    assert raised.value.operation == "installer file"
    assert isinstance(raised.value.__cause__, httpx.StreamConsumed)


def test_other_errors_pass_through_unchanged() -> None:
    with pytest.raises(NotFoundError), stream_failures("download", "installer file"):
        raise NotFoundError("gone", operation="installer file", path="/x")
