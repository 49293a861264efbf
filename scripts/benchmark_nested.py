"""Latest versions with all their representations, where some versions have many.

Against one stand-in server (in a child process, as a real server would be)
whose large project gives every ``--crowd``-th latest version ``--many``
extra representations:

1. ayon-gql: ``iter_latest_versions_with_representations`` (typed models;
   versions paged, each version's first ``representations_first``
   representations in the same answer, the rest by batched follow-ups);
2. the same without completion (``complete_nested=False``): one answer with
   the first page of each version's representations, and how many it leaves
   out;
3. ayon-python-api: ``get_versions(latest=True)`` and then
   ``get_representations(version_ids=...)`` for all of them, grouped by
   version, asking for the same fields (``hero=False``: ``latestOnly``
   returns no hero versions).

Prints requests, seconds (median of ``--repeat`` runs) and representations
fetched for each, and the ratios.  ``--latency`` delays every answer, like a
network between client and server.

    python scripts/benchmark_nested.py --versions 5000 --crowd 10 --many 300 --repeat 5
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx

from ayon_gql import AyonClient
from ayon_gql.testing import LARGE_PROJECT, ProjectData, StandInServer, generate_dataset

#: ``VersionFields`` and ``RepresentationFields`` (queries/), for ayon-python-api.
_VERSION_ATTRIBUTES = [
    "fps", "resolutionWidth", "resolutionHeight", "pixelAspect", "clipIn", "clipOut",
    "frameStart", "frameEnd", "handleStart", "handleEnd", "intent", "machine", "source",
    "comment", "site", "families", "colorSpace", "description",
]  # fmt: skip
VERSION_FIELDS = [
    "id", "name", "version", "productId", "taskId", "author", "active", "thumbnailId",
    "heroVersionId", "isLatest", "path", "data", "status", "tags", "createdAt", "updatedAt",
    *(f"attrib.{name}" for name in _VERSION_ATTRIBUTES),
]  # fmt: skip
_REPRESENTATION_ATTRIBUTES = [
    "clipIn", "clipOut", "description", "extension", "fps", "frameEnd", "frameStart",
    "handleEnd", "handleStart", "path", "pixelAspect", "resolutionHeight", "resolutionWidth",
    "template",
]  # fmt: skip
REPRESENTATION_FIELDS = [
    "id", "name", "versionId", "context", "data", "traits", "active", "status", "tags",
    "createdAt", "updatedAt", *(f"attrib.{name}" for name in _REPRESENTATION_ATTRIBUTES),
    "files.id", "files.name", "files.path", "files.size", "files.hash", "files.hashType",
]  # fmt: skip


# -- the server (child process) -------------------------------------------------


def crowd(project: ProjectData, every: int, many: int) -> int:
    """Give every ``every``-th latest version ``many`` more representations; return how many."""
    latest = [version["id"] for version in project.versions if version.get("isLatest")]
    order = max(rep["_order"] for rep in project.representations)
    crowded = latest[::every]
    for version_id in crowded:
        template = project.reps_by_version[version_id][0]
        for index in range(many):
            order += 1
            rep_id = hashlib.md5(f"{version_id}/{index}".encode()).hexdigest()
            rep = dict(template, id=rep_id, name=f"extra{index:04d}", _order=order)
            project.representations.append(rep)
            project.by_id[rep_id] = rep
            project.reps_by_version[version_id].append(rep)
    return len(crowded)


def serve(versions: int, every: int, many: int, latency: float) -> None:
    """Build and crowd the production, then serve it until terminated."""
    dataset = generate_dataset(versions=versions)
    project = dataset.project(LARGE_PROJECT)
    assert project is not None
    crowded = crowd(project, every, many)
    server = StandInServer(dataset).start()
    if latency > 0:
        server.faults.delay(latency, share=1.0)
    print(f"crowded {crowded}", flush=True)
    print(f"listening on {server.url} key {server.api_key}", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        server.stop()


@contextlib.contextmanager
def server_process(args: argparse.Namespace) -> Iterator[tuple[str, str, int]]:
    """Run :func:`serve` in a child process; yield its URL, API key and crowded versions."""
    command = [sys.executable, __file__, "--serve", "--versions", str(args.versions)]
    command += ["--crowd", str(args.crowd), "--many", str(args.many)]
    command += ["--latency", str(args.latency)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        crowded = int(process.stdout.readline().split()[1])
        found = re.search(r"listening on (\S+) key (\S+)", process.stdout.readline())
        if found is None:
            raise RuntimeError("the stand-in server process did not start")
        yield found.group(1), found.group(2), crowded
    finally:
        process.terminate()
        process.wait(timeout=10)


# -- the measurement --------------------------------------------------------------


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


def _measure(
    work: Callable[[], dict[str, list[str]]], counter: _Counter, repeat: int
) -> tuple[float, int, dict[str, list[str]]]:
    """Median seconds, requests of one run, and one run's representation ids per version."""
    work()  # warm up caches on both sides
    seconds = []
    requests = 0
    result: dict[str, list[str]] = {}
    for _ in range(repeat):
        counter.requests = 0
        started = time.perf_counter()
        result = work()
        seconds.append(time.perf_counter() - started)
        requests = counter.requests
    return statistics.median(seconds), requests, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", type=int, default=5000, help="versions in the project")
    parser.add_argument("--crowd", type=int, default=10, help="crowd every N-th latest version")
    parser.add_argument("--many", type=int, default=300, help="extra representations for each")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--latency", type=float, default=0.0, help="seconds the server adds to every answer"
    )
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.versions, args.crowd, args.many, args.latency)
        return

    with server_process(args) as (url, api_key, crowded):
        counter = _Counter()
        client = AyonClient(url, api_key=api_key, timeout=300)
        client.connection._client().event_hooks["request"].append(counter.httpx_hook)

        def ours(complete: bool = True) -> dict[str, list[str]]:
            return {
                version.id: [edge.node.id for edge in version.representations.edges]
                for version in client.iter_latest_versions_with_representations(
                    LARGE_PROJECT, complete_nested=complete
                )
            }

        import ayon_api

        api = ayon_api.ServerAPI(url, token=api_key, timeout=300)
        counter.wrap_requests_session(api._session)

        def theirs() -> dict[str, list[str]]:
            versions = api.get_versions(
                LARGE_PROJECT, latest=True, hero=False, fields=VERSION_FIELDS, active=None
            )
            children: dict[str, list[str]] = {version["id"]: [] for version in versions}
            for rep in api.get_representations(
                LARGE_PROJECT,
                version_ids=list(children),
                fields=REPRESENTATION_FIELDS,
                active=None,
            ):
                children[rep["versionId"]].append(rep["id"])
            return children

        ours_name = "ayon-gql iter_..., completed"
        cut_name = "ayon-gql iter_..., complete_nested=False"
        theirs_name = "ayon-python-api versions + representations"
        results = {
            ours_name: _measure(ours, counter, args.repeat),
            cut_name: _measure(lambda: ours(False), counter, args.repeat),
            theirs_name: _measure(theirs, counter, args.repeat),
        }
        complete = results[ours_name][2]
        same = complete == results[theirs_name][2]
        print(
            f"{len(complete)} latest versions in {LARGE_PROJECT} ({args.versions} versions),"
            f" {crowded} of them with {args.many} extra representations;"
            f" server latency {args.latency * 1000:.0f} ms per request"
        )
        print(f"ayon-gql and ayon-python-api return the same representations: {same}")
        print(f"{'method':44} {'requests':>8} {'seconds':>8} {'representations':>15}")
        for name, (seconds, requests, result) in results.items():
            items = sum(len(ids) for ids in result.values())
            print(f"{name:44} {requests:8d} {seconds:8.3f} {items:15d}")
        ours_s, theirs_s = results[ours_name][0], results[theirs_name][0]
        print(f"ayon-python-api / ayon-gql:          {theirs_s / ours_s:.2f}x")
        missing = sum(len(ids) for ids in complete.values()) - sum(
            len(ids) for ids in results[cut_name][2].values()
        )
        print(f"complete_nested=False leaves out {missing} representations")
        client.close()
        api.close_session()


if __name__ == "__main__":
    main()
