"""Benchmark live events and the worker loop on the stand-in (in a child process).

1. Latency from dispatch to a listener: one event at a time is dispatched and
   timed until the listener yields it; median and 99th percentile for
   ``client.events.listen`` (typed messages, de-duplication, heartbeat
   handling) against a bare ``websockets`` client on the same socket (the
   floor), in the same run.
2. Jobs per second: source events are processed (enroll, read the source,
   mark the job finished: three requests each) through ``run_worker``
   against a ``while`` loop over ayon-python-api's ``enroll_event_job`` /
   ``get_event`` / ``update_event``, on the same stand-in, in interleaved
   rounds so both see the same growing event store.

    python scripts/benchmark_events.py [--events 300] [--jobs 300] [--round 50]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from websockets.sync.client import connect

from ayon_gql import AyonClient
from ayon_gql.events import EventJob
from ayon_gql.testing import standin_process


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _latencies(
    client: AyonClient, receive: Callable[[], Any], count: int, topic: str
) -> list[float]:
    """Dispatch ``count`` events one at a time; seconds until ``receive`` returned each."""
    times = []
    for index in range(count):
        started = time.perf_counter()
        client.events.dispatch(topic, summary={"i": index})
        receive()
        times.append(time.perf_counter() - started)
    return times


def _dispatch_only(client: AyonClient, count: int, topic: str) -> list[float]:
    times = []
    for index in range(count):
        started = time.perf_counter()
        client.events.dispatch(topic, summary={"i": index})
        times.append(time.perf_counter() - started)
    return times


def measure_latency(client: AyonClient, url: str, key: str, count: int) -> None:
    dispatch = _dispatch_only(client, count, "nobody.listens")
    with client.events.listen("bench.ours") as listener:
        listener.start()
        ours = _latencies(client, lambda: next(listener), count, "bench.ours")
    with connect(url.replace("http", "ws", 1) + "/ws", compression=None) as socket:
        auth = {"topic": "auth", "token": key, "subscribe": ["bench.raw"]}
        socket.send(json.dumps(auth))
        time.sleep(0.1)

        def receive_raw() -> Any:
            while True:
                message = json.loads(socket.recv(timeout=10))
                if message.get("topic") == "bench.raw":
                    return message

        raw = _latencies(client, receive_raw, count, "bench.raw")
    print(f"\n1. dispatch -> listener, {count} events one at a time (ms)")
    print(f"   {'':32} {'median':>8} {'p99':>8}")
    for name, values in (
        ("dispatch alone (no listener)", dispatch),
        ("bare websockets client (floor)", raw),
        ("client.events.listen", ours),
    ):
        median, p99 = statistics.median(values), _percentile(values, 0.99)
        print(f"   {name:32} {median * 1000:8.2f} {p99 * 1000:8.2f}")
    over = statistics.median(ours) / statistics.median(raw)
    print(f"   listen / floor, median: {over:.2f}x")
    print("   (the stand-in pushes an event before it answers the dispatch, so a")
    print("   listener's latency is close to the dispatch round trip)")


def measure_jobs(client: AyonClient, url: str, key: str, total: int, per_round: int) -> None:
    import ayon_api

    api = ayon_api.ServerAPI(url, token=key)
    spent = {"ours": 0.0, "ayon_api": 0.0}
    done = {"ours": 0, "ayon_api": 0}
    rounds = max(1, total // per_round)
    for number in range(rounds):
        source = f"bench.src{number}"
        for index in range(per_round):
            client.events.dispatch(source, summary={"i": index})

        def handler(job: EventJob) -> None:
            job.source()

        started = time.perf_counter()
        stats = client.events.run_worker(
            handler,
            source_topic=source,
            target_topic="bench.ours",
            sender="bench-ours",
            max_jobs=per_round,
            handle_signals=False,
        )
        spent["ours"] += time.perf_counter() - started
        done["ours"] += stats.finished

        started = time.perf_counter()
        for _ in range(per_round):  # as many enrolls as run_worker makes
            job = api.enroll_event_job(source, "bench.theirs", "bench-theirs")
            if not job:
                break
            api.get_event(job["dependsOn"])
            api.update_event(job["id"], status="finished")
            done["ayon_api"] += 1
        spent["ayon_api"] += time.perf_counter() - started
    print(f"\n2. jobs (enroll, read source, finish), {rounds} interleaved rounds of {per_round}")
    for name in ("ayon_api", "ours"):
        rate = done[name] / spent[name]
        label = "ayon-python-api enroll loop" if name == "ayon_api" else "run_worker"
        print(f"   {label:32} {done[name]:5d} jobs {spent[name]:7.2f} s {rate:8.1f} jobs/s")
    ratio = (done["ours"] / spent["ours"]) / (done["ayon_api"] / spent["ayon_api"])
    print(f"   run_worker / ayon-python-api: {ratio:.2f}x the jobs per second")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=300, help="events for the latency test")
    parser.add_argument("--jobs", type=int, default=300, help="jobs per side")
    parser.add_argument("--round", type=int, default=50, help="jobs per interleaved round")
    args = parser.parse_args()
    with (
        standin_process(versions=100) as server,
        AyonClient(server.url, api_key=server.api_key) as client,
    ):
        client.events.dispatch("bench.warmup")
        print(f"stand-in in a child process at {server.url}; loopback, no latency added")
        measure_latency(client, server.url, server.api_key, args.events)
        measure_jobs(client, server.url, server.api_key, args.jobs, args.round)


if __name__ == "__main__":
    main()
