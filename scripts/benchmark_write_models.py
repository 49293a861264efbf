"""What typed write models cost on the client: a publish's bodies, typed vs plain dicts.

Builds the bodies of publishing ``--versions`` versions with ``--representations``
representations each (ids made on the client, attributes, files), then a
status update for every version, two ways in one run:

1. ayon-gql: ``VersionCreate`` / ``RepresentationCreate`` / ``VersionUpdate``
   from the stock package's ``write_models``, validated on construction
   (types, patterns, unknown fields), dumped with ``.wire()``;
2. plain dicts, as ayon-python-api's ``OperationsSession`` takes them
   (no validation).

Prints seconds (median of ``--repeat`` runs), microseconds per operation and
the ratio.  The request to the server is not part of either: this is the
price of client-side validation, to weigh against one round trip.

    python scripts/benchmark_write_models.py --versions 1000 --representations 3
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from collections.abc import Callable
from typing import Any

from ayon_gql_generated.write_models import (
    RepresentationAttrib,
    RepresentationCreate,
    RepresentationFile,
    VersionAttrib,
    VersionCreate,
    VersionUpdate,
)

PRODUCT_ID = uuid.uuid4().hex


def _typed(versions: int, representations: int) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = []
    ids = []
    for number in range(1, versions + 1):
        version_id = uuid.uuid4().hex
        ids.append(version_id)
        attrib = VersionAttrib(frame_start=1001, frame_end=1100, fps=25.0, comment="publish")
        bodies.append(
            VersionCreate(
                id=version_id, product_id=PRODUCT_ID, version=number, attrib=attrib
            ).wire()
        )
        for index in range(representations):
            path = f"{{root[work]}}/demo/sh010/v{number:03d}/sh010.{index}.exr"
            files = [RepresentationFile(id=uuid.uuid4().hex, path=path, size=1024)]
            bodies.append(
                RepresentationCreate(
                    id=uuid.uuid4().hex,
                    name=f"exr{index}",
                    version_id=version_id,
                    files=files,
                    attrib=RepresentationAttrib(path=path),
                ).wire()
            )
    bodies += [VersionUpdate(status="Approved").wire() for _ in ids]
    return bodies


def _plain(versions: int, representations: int) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = []
    ids = []
    for number in range(1, versions + 1):
        version_id = uuid.uuid4().hex
        ids.append(version_id)
        attrib = {"frameStart": 1001, "frameEnd": 1100, "fps": 25.0, "comment": "publish"}
        bodies.append(
            {"id": version_id, "productId": PRODUCT_ID, "version": number, "attrib": attrib}
        )
        for index in range(representations):
            path = f"{{root[work]}}/demo/sh010/v{number:03d}/sh010.{index}.exr"
            files = [{"id": uuid.uuid4().hex, "path": path, "size": 1024}]
            bodies.append(
                {
                    "id": uuid.uuid4().hex,
                    "name": f"exr{index}",
                    "versionId": version_id,
                    "files": files,
                    "attrib": {"path": path},
                }
            )
    bodies += [{"status": "Approved"} for _ in ids]
    return bodies


def _median_seconds(build: Callable[[int, int], list[dict[str, Any]]], args: Any) -> float:
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        build(args.versions, args.representations)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=1000)
    parser.add_argument("--representations", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    # Same bodies either way (ids aside): the comparison is of like with like.
    typed, plain = _typed(2, 2), _plain(2, 2)
    strip = [{k: v for k, v in body.items() if k != "id"} for body in typed]
    assert [set(b) for b in strip] == [set(b) - {"id"} for b in plain]
    operations = args.versions * (args.representations + 2)
    typed_s = _median_seconds(_typed, args)
    plain_s = _median_seconds(_plain, args)
    print(f"{operations} operations ({args.versions} versions, "
          f"{args.representations} representations each, one status update per version)")
    for label, seconds in (("ayon-gql typed models", typed_s), ("plain dicts", plain_s)):
        print(f"  {label:<22} {seconds:8.3f} s  {seconds / operations * 1e6:7.1f} us/operation")
    print(f"  typed / plain: {typed_s / plain_s:.1f}x")


if __name__ == "__main__":
    main()
