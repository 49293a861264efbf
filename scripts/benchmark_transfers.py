"""Benchmark the REST transfer adapter against a plain httpx streaming loop.

Runs the stand-in server in a child process (so its threads neither share
our GIL nor show up in our memory figures), then, on loopback, uploads and
downloads one file (200 MB by default) through:

* the adapter: ``rest.installers.upload_file`` (chunked PUT, replayable body)
  and ``rest.installers.download`` (checksum verified, atomic temp file +
  fsync + rename);
* a plain httpx loop: a PUT from a chunk generator, and a GET with
  ``iter_bytes`` written straight to a file.

After one warm-up round, each variant runs ``--rounds`` times, interleaved;
the best round counts (loopback figures are noisy: compare within one run).
Peak Python memory is measured in a separate pass with ``tracemalloc`` to
show it is bounded by the chunk size, not by the file size.

    python scripts/benchmark_transfers.py [--size-mb 200] [--rounds 5] [--chunk-kb 1024]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

from ayon_gql import AyonClient
from ayon_gql.testing import standin_process

_FILENAME = "AYON-0.0.0-benchmark-linux.sh"
_PATH = f"/api/desktop/installers/{_FILENAME}"


def _make_file(path: Path, size: int) -> None:
    block = os.urandom(1 << 20)
    with path.open("wb") as handle:
        written = 0
        while written < size:
            part = block[: min(len(block), size - written)]
            handle.write(part)
            written += len(part)


def _plain_upload(http: httpx.Client, source: Path, chunk: int) -> None:
    def body() -> Iterator[bytes]:
        with source.open("rb") as handle:
            while data := handle.read(chunk):
                yield data

    size = source.stat().st_size
    response = http.put(
        _PATH,
        content=body(),
        headers={"Content-Type": "application/octet-stream", "Content-Length": str(size)},
    )
    response.raise_for_status()


def _plain_download(http: httpx.Client, target: Path, chunk: int) -> None:
    with http.stream("GET", _PATH) as response, target.open("wb") as handle:
        response.raise_for_status()
        for data in response.iter_bytes(chunk):
            handle.write(data)


def _plain_download_verified(http: httpx.Client, target: Path, chunk: int, md5: str) -> None:
    """The same work as the adapter, written by hand: hash, temp file, fsync, rename."""
    part = target.with_name(target.name + ".part")
    hasher = hashlib.md5()
    with http.stream("GET", _PATH) as response, part.open("wb") as handle:
        response.raise_for_status()
        for data in response.iter_bytes(chunk):
            hasher.update(data)
            handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    if hasher.hexdigest() != md5:  # pragma: no cover
        raise SystemExit("checksum mismatch")
    os.replace(part, target)


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _peak(action: Callable[[], object]) -> int:
    tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print throughput, ratios and peak memory."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--chunk-kb", type=int, default=1024)
    parser.add_argument(
        "--dir",
        default=None,
        help="where the files go (default: the system temp folder; /dev/shm takes the disk "
        "out of the measurement)",
    )
    args = parser.parse_args(argv)
    size = args.size_mb * 1_000_000
    chunk = args.chunk_kb * 1024
    mb = size / 1e6

    scratch = tempfile.TemporaryDirectory(prefix="ayon-bench-", dir=args.dir)
    with scratch as folder, standin_process(versions=50) as server:
        workdir = Path(folder)
        source = workdir / _FILENAME
        _make_file(source, size)
        ours = workdir / "ours.bin"
        plain = workdir / "plain.bin"
        with (
            AyonClient(server.url, api_key=server.api_key, timeout=120) as client,
            httpx.Client(
                base_url=server.url, headers={"X-Api-Key": server.api_key}, timeout=120
            ) as http,
        ):
            rest = client.rest
            rest.installers.create(
                {"filename": _FILENAME, "platform": "linux", "version": "0.0.0"}, force=True
            )
            rest.installers.upload_file(_FILENAME, source, chunk_size=chunk)
            md5 = rest.installers.get(_FILENAME).checksum or ""
            variants: dict[str, Callable[[], object]] = {
                "upload adapter": lambda: rest.installers.upload_file(
                    _FILENAME, source, chunk_size=chunk
                ),
                "upload plain": lambda: _plain_upload(http, source, chunk),
                "download adapter verified": lambda: rest.installers.download(
                    _FILENAME, ours, chunk_size=chunk
                ),
                "download plain verified": lambda: _plain_download_verified(
                    http, plain, chunk, md5
                ),
                "download adapter no-verify": lambda: rest.installers.download(
                    _FILENAME, ours, chunk_size=chunk, verify=False
                ),
                "download plain bare": lambda: _plain_download(http, plain, chunk),
            }
            for action in variants.values():  # warm-up: caches, connections, server files
                action()
            best = {name: float("inf") for name in variants}
            for _ in range(args.rounds):
                for name, action in variants.items():
                    best[name] = min(best[name], _timed(action))
            if ours.read_bytes() != source.read_bytes():  # pragma: no cover
                raise SystemExit("round trip changed the file")
            peaks = {name: _peak(action) for name, action in variants.items()}

    print(f"file {mb:.0f} MB, chunk {chunk // 1024} KiB, best of {args.rounds} rounds, loopback")
    print(f"{'variant':<28}{'MB/s':>8}{'peak MiB':>10}")
    for name, seconds in best.items():
        print(f"{name:<28}{mb / seconds:>8.0f}{peaks[name] / 2**20:>10.1f}")
    pairs = [
        ("upload", "upload adapter", "upload plain"),
        ("download, same work", "download adapter verified", "download plain verified"),
        ("download, no checks", "download adapter no-verify", "download plain bare"),
        ("download, verified vs bare", "download adapter verified", "download plain bare"),
    ]
    for label, adapter, baseline in pairs:
        ratio = best[baseline] / best[adapter]
        verdict = "ok" if ratio >= 0.9 else "below"
        print(f"ratio {label:<28} {ratio:5.2f}  (target >= 0.90: {verdict})")
    print(
        "'verified' = md5 of every byte + temp file + fsync + atomic rename (+ one metadata "
        "GET for the adapter); 'bare' = write chunks to the file, nothing else"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
