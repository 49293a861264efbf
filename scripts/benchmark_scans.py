"""Scan a large project's versions, representations and folders three ways.

Against one stand-in server in a child process (as a real server would be)
that charges every GraphQL request what AYON 1.16.0 spends on it
(``RequestCost.ayon_1_16()``: fixed work per request plus work per resolved
field, ``allAttrib`` and ``files`` weighted as measured), for each entity:

1. ayon-gql: ``iter_<entities>`` with its defaults (typed models, paginated,
   the next page read ahead);
2. the floor: one unpaged request of exactly the GraphQL ayon-gql sent
   (captured from the wire, ``first`` raised to cover everything), JSON
   decoding only, then a loop over the nodes as plain dicts;
3. ayon-python-api: ``get_<entities>`` with its defaults (dicts, pages of 300).

Each way visits every item once, as a script processing them would.  The
ways take turns, round after round, so a busy machine slows them alike.
Prints requests, the seconds of the median and the best round, the seconds
the server was charged (summed from its ``Server-Timing`` header) and the
ratios; then the page-size sweep of ``iter_versions`` (how the default was
chosen) with the client's peak Python memory (tracemalloc) while scanning.
``--latency`` delays every answer, like a network.

    python scripts/benchmark_scans.py --versions 16000 --repeat 5
    python scripts/benchmark_scans.py --versions 16000 --repeat 5 --latency 0.02
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import textwrap
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from ayon_gql import DEFAULT_PAGE_SIZE, AyonClient
from ayon_gql.testing import LARGE_PROJECT, RequestCost, standin_process

#: ``first`` of the floor's single request: more than any project has.
UNPAGED = 10_000_000

#: Entity -> (ayon-gql method, ayon-python-api method, target of theirs / ours).
FAMILIES: dict[str, tuple[str, str, float]] = {
    "versions": ("iter_versions", "get_versions", 2.0),
    "representations": ("iter_representations", "get_representations", 1.0),
    "folders": ("iter_folders", "get_folders", 1.0),
}
SWEEP = "1000,2000,4000,5000,8000,10000,16000,20000"
_CHARGE = re.compile(r"standin-cost;dur=([0-9.]+)")


class Wire:
    """Counts GraphQL requests and the server time charged for them, whichever
    HTTP library sends them; keeps the last GraphQL body ayon-gql sent."""

    def __init__(self) -> None:
        self.requests = 0
        self.charged = 0.0
        self.last_body = b""

    def reset(self) -> None:
        self.requests = 0
        self.charged = 0.0

    def _count(self, path: str, headers: Any) -> None:
        if path.startswith("/graphql"):
            self.requests += 1
            if found := _CHARGE.search(headers.get("server-timing", "")):
                self.charged += float(found.group(1)) / 1000

    def httpx_request(self, request: httpx.Request) -> None:
        if request.url.path == "/graphql":
            self.last_body = request.content

    def httpx_response(self, response: httpx.Response) -> None:
        self._count(response.request.url.path, response.headers)

    def watch_httpx(self, client: httpx.Client) -> None:
        client.event_hooks["request"].append(self.httpx_request)
        client.event_hooks["response"].append(self.httpx_response)

    def watch_requests(self, session: Any) -> None:
        send = session.send

        def counting_send(request: Any, **kwargs: Any) -> Any:
            response = send(request, **kwargs)
            self._count(request.path_url, response.headers)
            return response

        session.send = counting_send


@dataclass
class Result:
    """One way of scanning, over all rounds."""

    seconds: list[float]
    requests: int = 0
    charged: float = 0.0
    items: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def best(self) -> float:
        return min(self.seconds)


def measure(
    ways: dict[str, Callable[[], int]], wire: Wire, repeat: int, *, warm_up: bool = True
) -> dict[str, Result]:
    """Run every way once to warm up (both sides' caches), then ``repeat`` rounds taking turns."""
    for way in ways.values() if warm_up else ():
        way()
    results = {name: Result([]) for name in ways}
    for _ in range(repeat):
        for name, way in ways.items():
            wire.reset()
            started = time.perf_counter()
            items = way()
            elapsed = time.perf_counter() - started
            result = results[name]
            result.seconds.append(elapsed)
            result.requests, result.charged, result.items = wire.requests, wire.charged, items
    return results


def floor_of(body: bytes, field: str, raw: httpx.Client) -> Callable[[], int]:
    """One request of the captured ``body`` with every item on one page."""
    sent = json.loads(body)
    sent["variables"] = {**sent.get("variables", {}), "first": UNPAGED, "after": None}
    payload = json.dumps(sent).encode()

    def floor() -> int:
        answer = raw.post("/graphql", content=payload)
        answer.raise_for_status()
        edges = answer.json()["data"]["project"][field]["edges"]
        return sum(1 for edge in edges if edge["node"])

    return floor


def print_table(title: str, results: dict[str, Result]) -> None:
    print(title)
    print(f"{'':54} {'requests':>8} {'median s':>9} {'best s':>7} {'charged s':>9} {'items':>6}")
    for name, result in results.items():
        print(
            f"{name:54} {result.requests:8d} {result.median:9.3f} {result.best:7.3f}"
            f" {result.charged:9.3f} {result.items:6d}"
        )


def peak_memory(scan: Callable[[], int]) -> tuple[float, int]:
    """Peak MiB of Python allocations (all threads) while ``scan`` runs, and its items."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        items = scan()
        return tracemalloc.get_traced_memory()[1] / 2**20, items
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", type=int, default=16_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--latency", type=float, default=0.0, help="seconds the server adds to every answer"
    )
    parser.add_argument(
        "--no-cost", action="store_true", help="serve without the ayon-1.16 cost model"
    )
    parser.add_argument("--entities", default=",".join(FAMILIES), help="which scans to compare")
    parser.add_argument(
        "--page-sizes", default=SWEEP, help="iter_versions page sizes to sweep ('' for none)"
    )
    args = parser.parse_args()
    cost = None if args.no_cost else RequestCost.ayon_1_16()

    with standin_process(versions=args.versions, latency=args.latency, cost=cost) as server:
        wire = Wire()
        client = AyonClient(server.url, api_key=server.api_key)
        wire.watch_httpx(client.connection._client())  # the client's own pool
        raw = httpx.Client(
            base_url=server.url,
            headers={"X-Api-Key": server.api_key, "Content-Type": "application/json"},
            timeout=600,
        )
        wire.watch_httpx(raw)
        import ayon_api

        api = ayon_api.ServerAPI(server.url, token=server.api_key)
        wire.watch_requests(api._session)

        print(
            f"stand-in: {args.versions} versions in {LARGE_PROJECT}; cost model "
            f"{'none' if cost is None else 'ayon-1.16'}; latency "
            f"{args.latency * 1000:.0f} ms per answer; {args.repeat} rounds; "
            f"ayon-gql page size {DEFAULT_PAGE_SIZE}"
        )
        wire_queries: dict[str, str] = {}
        floors: dict[str, float] = {}
        for field in args.entities.split(","):
            ours_name, theirs_name, target = FAMILIES[field]

            def ours(method: str = ours_name) -> int:
                return sum(1 for _ in getattr(client, method)(LARGE_PROJECT))

            def theirs(method: str = theirs_name) -> int:
                return sum(1 for _ in getattr(api, method)(LARGE_PROJECT))

            ours()  # capture what goes on the wire
            captured = json.loads(wire.last_body)
            wire_queries[captured["operationName"]] = captured["query"]
            ways = {
                f"ayon-gql {ours_name}": ours,
                f"one request of ayon-gql's {captured['operationName']} (floor)": floor_of(
                    wire.last_body, field, raw
                ),
                f"ayon-python-api {theirs_name} (defaults)": theirs,
            }
            results = measure(ways, wire, args.repeat)
            print_table(f"\n{field}", results)
            ours_r, floor_r, theirs_r = results.values()
            floors[field] = floor_r.median
            print(
                f"ayon-gql / floor:            {ours_r.median / floor_r.median:.2f}x median,"
                f" {ours_r.best / floor_r.best:.2f}x best  (target <= 1.15x)"
            )
            print(
                f"ayon-python-api / ayon-gql:  {theirs_r.median / ours_r.median:.2f}x median,"
                f" {theirs_r.best / ours_r.best:.2f}x best  (target >= {target:g}x)"
            )
            if floor_r.charged:
                print(
                    "server time charged: ayon-gql / floor "
                    f"{ours_r.charged / floor_r.charged:.2f}x, "
                    "ayon-python-api / ayon-gql "
                    f"{theirs_r.charged / ours_r.charged:.2f}x"
                )

        if args.page_sizes:
            sizes = [int(part) for part in args.page_sizes.split(",")]
            scans = {
                size: lambda size=size: sum(
                    1 for _ in client.iter_versions(LARGE_PROJECT, page_size=size)
                )
                for size in sizes
            }
            # The client and server are warm from the comparisons.
            sweep = measure({str(size): scan for size, scan in scans.items()}, wire, args.repeat,
                            warm_up=False)  # fmt: skip
            peaks = {size: peak_memory(scan)[0] for size, scan in scans.items()}
            floor = floors.get("versions")
            print("\npage-size sweep: ayon-gql iter_versions; peak MiB: the client's Python")
            print("allocations (tracemalloc, all threads) while scanning, items not kept")
            print(f"{'page size':>9} {'requests':>8} {'median s':>9} {'best s':>7} {'charged s':>9}"
                  f" {'peak MiB':>8}" + (f" {'vs floor':>8}" if floor else ""))  # fmt: skip
            for size, result in zip(sizes, sweep.values(), strict=True):
                print(
                    f"{size:9d} {result.requests:8d} {result.median:9.3f} {result.best:7.3f}"
                    f" {result.charged:9.3f} {peaks[size]:8.1f}"
                    + (f" {result.median / floor:7.2f}x" if floor else "")
                )
            mib, items = peak_memory(lambda: len(list(client.iter_versions(LARGE_PROJECT))))
            print(f"for comparison, all {items} typed versions kept in a list: {mib:.1f} MiB peak")

        if "GetVersions" in wire_queries:
            print("\nGetVersions as sent on the wire:")
            print(textwrap.dedent(wire_queries["GetVersions"]).strip("\n"))
        client.close()
        raw.close()
        api.close_session()


if __name__ == "__main__":
    main()
