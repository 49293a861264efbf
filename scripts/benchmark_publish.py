"""Publish versions and set their status: ayon-gql's write session against
ayon-python-api's ``OperationsSession`` doing the same writes.

Against one stand-in server in a child process that charges what AYON 1.16.0
spends (``RequestCost.ayon_1_16()``: fixed work per request, and for the
operations endpoint 3 ms per operation, see ``ayon_gql/testing/_cost.py``):

1. batched, as a farm or an ingest does it: one commit creating the products
   and ``--versions`` versions, one creating 3 representations per version,
   one setting a status on every version;
2. per publish, as a publisher does it: for each of ``--publishes`` versions
   one commit for product and version (before the files are transferred) and
   one for its 3 representations (after), then one commit of the statuses.

Both libraries send the same operations; ayon-gql builds them from typed
models (checked on the client), ayon-python-api from plain dicts.  Prints
requests and seconds of each way and the ratios (ayon-python-api / ayon-gql).

    python scripts/benchmark_publish.py --versions 1000 --publishes 100
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ayon_gql_generated.write_models import (
    ProductCreate,
    RepresentationAttrib,
    RepresentationCreate,
    VersionAttrib,
    VersionCreate,
    VersionUpdate,
)

from ayon_gql import AyonClient
from ayon_gql.testing import DEMO_PROJECT, RequestCost, standin_process

PROJECT = DEMO_PROJECT
REPRESENTATIONS = ("exr", "jpg", "mov")


def _files(version_name: str, ext: str) -> list[dict[str, Any]]:
    path = f"/publish/{version_name}/{version_name}.{ext}"
    return [{"id": "0" * 31 + "1", "name": f"{version_name}.{ext}", "path": path, "size": 1024}]


class Counter:
    """Requests sent by either library (httpx event hook / requests session)."""

    def __init__(self) -> None:
        self.count = 0

    def hook(self, request: Any) -> None:
        self.count += 1

    def watch_requests(self, session: Any) -> None:
        send = session.send

        def counting(request: Any, **kwargs: Any) -> Any:
            self.count += 1
            return send(request, **kwargs)

        session.send = counting


# -- ayon-gql ---------------------------------------------------------------


def gql_batched(client: AyonClient, folders: list[str], versions: int, tag: str) -> list[str]:
    with client.operations(PROJECT) as ops:
        made: list[tuple[str, str]] = []
        products = [
            ops.create(ProductCreate(name=f"{tag}{i}", folder_id=folder, product_type="render"))
            for i, folder in enumerate(folders)
        ]
        for n in range(versions):
            number = n // len(products) + 1
            version_id = ops.create(
                VersionCreate(
                    product_id=products[n % len(products)],
                    version=number,
                    attrib=VersionAttrib(frame_start=1001, frame_end=1100, comment="benchmark"),
                )
            )
            made.append((version_id, f"{tag}{n % len(products)}_v{number:03d}"))
    with client.operations(PROJECT) as ops:
        for version_id, name in made:
            for ext in REPRESENTATIONS:
                ops.create(
                    RepresentationCreate(
                        name=ext,
                        version_id=version_id,
                        files=_files(name, ext),
                        attrib=RepresentationAttrib(extension=ext),
                    )
                )
    return [version_id for version_id, _ in made]


def gql_per_publish(client: AyonClient, folders: list[str], publishes: int, tag: str) -> list[str]:
    made = []
    for n in range(publishes):
        with client.operations(PROJECT) as ops:
            product_id = ops.create(
                ProductCreate(
                    name=f"{tag}{n}", folder_id=folders[n % len(folders)], product_type="render"
                )
            )
            version_id = ops.create(
                VersionCreate(product_id=product_id, version=1, attrib=VersionAttrib(comment="p"))
            )
        with client.operations(PROJECT) as ops:
            for ext in REPRESENTATIONS:
                ops.create(
                    RepresentationCreate(
                        name=ext,
                        version_id=version_id,
                        files=_files(f"{tag}{n}", ext),
                        attrib=RepresentationAttrib(extension=ext),
                    )
                )
        made.append(version_id)
    return made


def gql_statuses(client: AyonClient, version_ids: list[str]) -> None:
    with client.operations(PROJECT) as ops:
        for version_id in version_ids:
            ops.update(version_id, VersionUpdate(status="Approved"))


# -- ayon-python-api ----------------------------------------------------------


def api_batched(api: Any, folders: list[str], versions: int, tag: str) -> list[str]:
    from ayon_api.operations import OperationsSession

    session = OperationsSession(con=api)
    products = [
        session.create_entity(
            PROJECT, "product", {"name": f"{tag}{i}", "folderId": folder, "productType": "render"}
        )["id"]
        for i, folder in enumerate(folders)
    ]
    made = []
    for n in range(versions):
        number = n // len(products) + 1
        data = {
            "productId": products[n % len(products)],
            "version": number,
            "attrib": {"frameStart": 1001, "frameEnd": 1100, "comment": "benchmark"},
        }
        made.append(
            (
                session.create_entity(PROJECT, "version", data)["id"],
                f"{tag}{n % len(products)}_v{number:03d}",
            )
        )
    session.commit()
    for version_id, name in made:
        for ext in REPRESENTATIONS:
            session.create_entity(
                PROJECT,
                "representation",
                {
                    "name": ext,
                    "versionId": version_id,
                    "files": _files(name, ext),
                    "attrib": {"extension": ext},
                },
            )
    session.commit()
    return [version_id for version_id, _ in made]


def api_per_publish(api: Any, folders: list[str], publishes: int, tag: str) -> list[str]:
    from ayon_api.operations import OperationsSession

    made = []
    for n in range(publishes):
        session = OperationsSession(con=api)
        product_id = session.create_entity(
            PROJECT,
            "product",
            {"name": f"{tag}{n}", "folderId": folders[n % len(folders)], "productType": "render"},
        )["id"]
        version_id = session.create_entity(
            PROJECT, "version", {"productId": product_id, "version": 1, "attrib": {"comment": "p"}}
        )["id"]
        session.commit()
        for ext in REPRESENTATIONS:
            session.create_entity(
                PROJECT,
                "representation",
                {
                    "name": ext,
                    "versionId": version_id,
                    "files": _files(f"{tag}{n}", ext),
                    "attrib": {"extension": ext},
                },
            )
        session.commit()
        made.append(version_id)
    return made


def api_statuses(api: Any, version_ids: list[str]) -> None:
    from ayon_api.operations import OperationsSession

    session = OperationsSession(con=api)
    for version_id in version_ids:
        session.update_entity(PROJECT, "version", version_id, {"status": "Approved"})
    session.commit()


# -- running ------------------------------------------------------------------


def timed(counter: Counter, work: Callable[[], Any]) -> tuple[Any, float, int]:
    counter.count = 0
    started = time.perf_counter()
    value = work()
    return value, time.perf_counter() - started, counter.count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--versions", type=int, default=1000, help="versions published in the batched way"
    )
    parser.add_argument("--products", type=int, default=100, help="products they are spread over")
    parser.add_argument("--publishes", type=int, default=100, help="versions published one by one")
    parser.add_argument("--no-cost", action="store_true", help="serve without the cost model")
    args = parser.parse_args(argv)
    cost = None if args.no_cost else RequestCost.ayon_1_16()
    with standin_process(versions=100, cost=cost) as server:
        import ayon_api

        counter = Counter()
        client = AyonClient(server.url, api_key=server.api_key, timeout=600)
        client.connection._client().event_hooks["request"].append(counter.hook)
        api = ayon_api.ServerAPI(server.url, token=server.api_key)
        api.set_default_service_username(None) if hasattr(
            api, "set_default_service_username"
        ) else None
        counter.watch_requests(api._session)
        folders = [f.id for f in client.iter_folders(PROJECT, folder_types=["Shot"])]
        folders = (folders * (args.products // len(folders) + 1))[: args.products]
        shots = sorted(set(folders))
        print(
            f"stand-in: cost model {'none' if cost is None else 'ayon-1.16'} "
            f"({0 if cost is None else cost.per_operation * 1000:g} ms per operation); "
            f"{args.versions} versions x {len(REPRESENTATIONS)} representations over "
            f"{args.products} products in {len(shots)} shots; {args.publishes} single publishes"
        )
        rows = []
        ways: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
            (
                "batched publish",
                lambda: gql_batched(client, folders, args.versions, "gqlB"),
                lambda: api_batched(api, folders, args.versions, "apiB"),
            ),
            (
                "per-publish",
                lambda: gql_per_publish(client, folders, args.publishes, "gqlP"),
                lambda: api_per_publish(api, folders, args.publishes, "apiP"),
            ),
        ]
        for label, ours, theirs in ways:
            ids_ours, seconds_ours, requests_ours = timed(counter, ours)
            ids_theirs, seconds_theirs, requests_theirs = timed(counter, theirs)
            rows.append((label, requests_ours, seconds_ours, requests_theirs, seconds_theirs))
            _, seconds_ours, requests_ours = timed(
                counter, lambda ids=ids_ours: gql_statuses(client, ids)
            )
            _, seconds_theirs, requests_theirs = timed(
                counter, lambda ids=ids_theirs: api_statuses(api, ids)
            )
            rows.append(
                (
                    f"  status on {len(ids_ours)}",
                    requests_ours,
                    seconds_ours,
                    requests_theirs,
                    seconds_theirs,
                )
            )
        print(f"{'':28} {'ayon-gql':>20} {'ayon-python-api':>22} {'ratio (api / gql)':>18}")
        for label, r1, s1, r2, s2 in rows:
            print(f"{label:28} {r1:6d} req {s1:8.2f} s {r2:8d} req {s2:8.2f} s {s2 / s1:14.2f}x")
        client.close()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
