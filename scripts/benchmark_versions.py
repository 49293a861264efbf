"""Scan every version of a large project three ways against the same stand-in server.

1. ayon-gql: ``AyonClient.iter_versions`` (typed models, paginated);
2. ayon-python-api: ``ServerAPI.get_versions`` asking for the same fields;
3. a raw httpx loop: the same GraphQL text as (1), everything in one request,
   JSON decoding only, then a loop over the nodes as plain dicts.

Each way visits every item once, as a script processing them would.

The server runs in a child process, as a real server would.  Prints requests
and seconds for each (median of ``--repeat`` runs) and the ratios; with
``--page-sizes`` it also sweeps ``iter_versions`` page sizes (how the default
was chosen); ``--latency`` delays every answer of the server, like a network
between client and server.

    python scripts/benchmark_versions.py --versions 16800 --repeat 5
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import httpx
from ayon_gql_generated.client import _GET_VERSIONS_QUERY

from ayon_gql import DEFAULT_PAGE_SIZE, AyonClient
from ayon_gql.testing import LARGE_PROJECT, standin_process

#: The fields of ``VersionFields`` (queries/versions.graphql), for ayon-python-api.
_ATTRIBUTES = [
    "fps", "resolutionWidth", "resolutionHeight", "pixelAspect", "clipIn", "clipOut",
    "frameStart", "frameEnd", "handleStart", "handleEnd", "intent", "machine", "source",
    "comment", "site", "families", "colorSpace", "description",
]  # fmt: skip
VERSION_FIELDS = [
    "id", "name", "version", "productId", "taskId", "author", "active", "thumbnailId",
    "heroVersionId", "isLatest", "path", "data", "status", "tags", "createdAt", "updatedAt",
    *(f"attrib.{name}" for name in _ATTRIBUTES),
]  # fmt: skip


class _Counter:
    """Counts GraphQL requests, whichever HTTP library sends them."""

    def __init__(self) -> None:
        self.requests = 0

    def httpx_hook(self, request: httpx.Request) -> None:
        if request.url.path == "/graphql":
            self.requests += 1

    def wrap_requests_session(self, session: Any) -> None:
        send = session.send

        def counting_send(request: Any, **kwargs: Any) -> Any:
            if request.path_url.startswith("/graphql"):
                self.requests += 1
            return send(request, **kwargs)

        session.send = counting_send


def _measure(work: Callable[[], int], counter: _Counter, repeat: int) -> tuple[float, int, int]:
    """Median seconds, requests of one run, items of one run."""
    work()  # warm up caches on both sides
    seconds = []
    requests = items = 0
    for _ in range(repeat):
        counter.requests = 0
        started = time.perf_counter()
        items = work()
        seconds.append(time.perf_counter() - started)
        requests = counter.requests
    return statistics.median(seconds), requests, items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", type=int, default=16_800)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--page-sizes", default="", help="comma-separated page sizes to sweep, e.g. 300,1000,2000"
    )
    parser.add_argument(
        "--latency", type=float, default=0.0, help="seconds the server adds to every answer"
    )
    args = parser.parse_args()

    with standin_process(versions=args.versions, latency=args.latency) as server:
        counter = _Counter()
        client = AyonClient(server.url, api_key=server.api_key)
        # Count on the client's own pool (created on first use, so make it now).
        client.connection._client().event_hooks["request"].append(counter.httpx_hook)

        def ours(page_size: int | None = None) -> int:
            return sum(1 for _ in client.iter_versions(LARGE_PROJECT, page_size=page_size))

        import ayon_api

        api = ayon_api.ServerAPI(server.url, token=server.api_key)
        counter.wrap_requests_session(api._session)

        def theirs() -> int:
            return sum(
                1 for _ in api.get_versions(LARGE_PROJECT, fields=VERSION_FIELDS, active=None)
            )

        raw_client = httpx.Client(
            base_url=server.url,
            headers={"X-Api-Key": server.api_key},
            event_hooks={"request": [counter.httpx_hook]},
            timeout=300,
        )

        def raw() -> int:
            answer = raw_client.post(
                "/graphql",
                json={
                    "query": _GET_VERSIONS_QUERY,
                    "operationName": "GetVersions",
                    "variables": {"projectName": LARGE_PROJECT, "first": 10_000_000},
                },
            )
            answer.raise_for_status()
            data: dict[str, Any] = answer.json()["data"]
            return sum(1 for edge in data["project"]["versions"]["edges"] if edge["node"])

        ours_name = f"ayon-gql iter_versions (page {DEFAULT_PAGE_SIZE})"
        results = {
            ours_name: _measure(ours, counter, args.repeat),
            "ayon-python-api get_versions": _measure(theirs, counter, args.repeat),
            "raw httpx, one request": _measure(raw, counter, args.repeat),
        }
        counts = sorted({items for _, _, items in results.values()})
        print(
            f"{args.versions} versions in {LARGE_PROJECT}; items per run: {counts}; "
            f"server latency {args.latency * 1000:.0f} ms per request"
        )
        print(f"{'method':44} {'requests':>8} {'seconds':>8}")
        for name, (seconds, requests, _) in results.items():
            print(f"{name:44} {requests:8d} {seconds:8.3f}")
        ours_s = results[ours_name][0]
        theirs_s = results["ayon-python-api get_versions"][0]
        raw_s = results["raw httpx, one request"][0]
        print(f"ayon-gql / raw loop:          {ours_s / raw_s:.2f}x  (target <= 1.15x)")
        print(f"ayon-python-api / ayon-gql:   {theirs_s / ours_s:.2f}x  (target >= 2x)")

        if args.page_sizes:
            print("\npage-size sweep (ayon-gql iter_versions)")
            print(f"{'page size':>9} {'requests':>8} {'seconds':>8} {'vs raw':>7}")
            for size in (int(part) for part in args.page_sizes.split(",")):
                seconds, requests, _ = _measure(lambda s=size: ours(s), counter, args.repeat)
                print(f"{size:9d} {requests:8d} {seconds:8.3f} {seconds / raw_s:6.2f}x")
        client.close()
        raw_client.close()
        api.close_session()


if __name__ == "__main__":
    main()
