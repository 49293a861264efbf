"""The worker loop: stops when told, waits with backoff, fails what raises,
never hands one job to two workers, and a killed worker's job is resumed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

from ayon_gql import AyonClient
from ayon_gql.events import EventJob
from ayon_gql.testing import StandInServer


def _sources(client: AyonClient, count: int, topic: str = "studio.src") -> list[str]:
    return [client.events.dispatch(topic, summary={"i": i}) for i in range(count)]


def test_stops_after_a_count_and_finishes_each_job(client: AyonClient) -> None:
    sources = _sources(client, 3)
    seen: list[str] = []
    stats = client.events.run_worker(
        lambda job: seen.append(job.depends_on),
        source_topic="studio.src",
        target_topic="studio.dst",
        sender="w1",
        max_jobs=2,
        handle_signals=False,
    )
    assert (stats.finished, stats.failed, stats.jobs) == (2, 0, 2)
    assert seen == sources[:2]
    jobs = list(client.iter_events(topics=["studio.dst"]))
    assert [(j.depends_on, j.status) for j in jobs] == [(s, "finished") for s in sources[:2]]


def test_a_failing_handler_fails_the_job_and_the_loop_goes_on(client: AyonClient) -> None:
    _sources(client, 2)

    def handler(job: EventJob) -> None:
        if job.source().summary["i"] == 0:
            raise RuntimeError("disk full")

    stats = client.events.run_worker(
        handler,
        source_topic="studio.src",
        target_topic="studio.dst",
        sender="w1",
        max_retries=1,
        max_jobs=4,
        handle_signals=False,
    )
    # Source 0 fails three times: first, then retries 1 and 2 (handed out while retries <= 1).
    assert (stats.finished, stats.failed) == (1, 3)
    failed = [j for j in client.iter_events(topics=["studio.dst"]) if j.status == "failed"]
    assert len(failed) == 1 and failed[0].retries == 2
    assert failed[0].description == "RuntimeError: disk full"
    assert client.events.enroll("studio.src", "studio.dst", sender="w1", max_retries=1) is None


def test_idle_worker_waits_and_stops_on_a_callable(
    client: AyonClient, server: StandInServer
) -> None:
    def enrolls() -> int:
        return sum(1 for r in server.requests if r.path == "/api/enroll")

    server.clear_requests()
    stats = client.events.run_worker(
        lambda job: None,
        source_topic="studio.src",
        target_topic="studio.dst",
        sender="w1",
        idle_delay=0.01,
        stop=lambda: enrolls() >= 3,
        handle_signals=False,
    )
    assert (stats.jobs, stats.idle_waits) == (0, 3)


def test_idle_worker_wakes_on_a_pushed_event(client: AyonClient) -> None:
    started = time.monotonic()
    dispatched = threading.Event()

    def dispatch_later() -> None:
        time.sleep(0.3)
        client.events.dispatch("studio.src", summary={"late": True})
        dispatched.set()

    threading.Thread(target=dispatch_later, daemon=True).start()
    stats = client.events.run_worker(
        lambda job: None,
        source_topic="studio.src",
        target_topic="studio.dst",
        sender="w1",
        idle_delay=30.0,  # without the wake-up, the first wait alone outlasts the test
        wake_on=["studio.src"],
        max_jobs=1,
        stop=lambda: time.monotonic() - started > 10,
        handle_signals=False,
    )
    assert dispatched.is_set()
    assert stats.finished == 1 and stats.idle_waits <= 1


def test_two_workers_never_take_the_same_job(client: AyonClient, server: StandInServer) -> None:
    sources = _sources(client, 30)
    taken: dict[str, list[str]] = {"a": [], "b": []}
    lock = threading.Lock()
    both = threading.Barrier(2)

    def worker(name: str) -> None:
        with AyonClient(server.url, api_key=server.api_key) as own:

            def handler(job: EventJob) -> None:
                with lock:
                    taken[name].append(job.depends_on)
                    first = len(taken[name]) == 1
                if first:  # both hold a job at once before going on
                    both.wait(timeout=10)
                time.sleep(0.002)

            own.events.run_worker(
                handler,
                source_topic="studio.src",
                target_topic="studio.dst",
                sender=f"worker-{name}",
                idle_delay=0.01,
                stop=lambda: len(taken["a"]) + len(taken["b"]) >= len(sources),
                handle_signals=False,
            )

    threads = [threading.Thread(target=worker, args=(n,)) for n in taken]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not set(taken["a"]) & set(taken["b"])
    assert sorted(taken["a"] + taken["b"]) == sorted(sources)
    assert taken["a"] and taken["b"]


_WORKER_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from ayon_gql import AyonClient

    def handler(job):
        print("took", job.id, flush=True)
        time.sleep(float(sys.argv[1]))

    with AyonClient.from_env() as client:
        stats = client.events.run_worker(
            handler, source_topic="studio.src", target_topic="studio.dst",
            sender="svc-1", idle_delay=0.05,
        )
    print("stopped", stats.finished, stats.failed, flush=True)
    """
)


def _start_worker(server: StandInServer, seconds: float) -> tuple[subprocess.Popen[str], str]:
    env = dict(os.environ, AYON_SERVER_URL=server.url, AYON_API_KEY=server.api_key)
    process = subprocess.Popen(
        [sys.executable, "-c", _WORKER_SCRIPT, str(seconds)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().split()
    assert line[0] == "took", line
    return process, line[1]


def test_a_killed_worker_leaves_its_job_to_be_resumed(
    client: AyonClient, server: StandInServer
) -> None:
    sources = _sources(client, 2)
    process, job_id = _start_worker(server, 60)
    process.kill()
    process.wait(10)
    job = client.events.get(job_id)
    assert (job.status, job.sender, job.depends_on) == ("pending", "svc-1", sources[0])
    # Another sender moves on to the next source; the same sender resumes the job.
    other = client.events.enroll("studio.src", "studio.dst", sender="svc-2")
    assert other is not None and other.depends_on == sources[1]
    resumed = client.events.enroll("studio.src", "studio.dst", sender="svc-1")
    assert resumed is not None and resumed.id == job_id
    with resumed:
        pass
    assert client.events.get(job_id).status == "finished"


def test_sigterm_stops_after_the_current_job(client: AyonClient, server: StandInServer) -> None:
    _sources(client, 2)
    process, job_id = _start_worker(server, 0.3)
    process.send_signal(signal.SIGTERM)
    out, _ = process.communicate(timeout=20)
    assert process.returncode == 0
    assert out.split() == ["stopped", "1", "0"]
    assert client.events.get(job_id).status == "finished"
    # The second source was left for the next run.
    assert [j.id for j in client.iter_events(topics=["studio.dst"])] == [job_id]


def test_async_worker_fails_what_raises_and_wakes_on_pushed_events(
    client: AyonClient, server: StandInServer
) -> None:
    import asyncio

    from ayon_gql import AsyncAyonClient
    from ayon_gql.events import AsyncEventJob

    _sources(client, 2)

    async def scenario() -> tuple[int, int, int]:
        async with AsyncAyonClient(server.url, api_key=server.api_key) as aclient:

            async def handler(job: AsyncEventJob) -> None:
                if (await job.source()).summary.get("i") == 0:
                    raise RuntimeError("bad plate")

            async def dispatch_later() -> None:
                await asyncio.sleep(0.3)
                await aclient.events.dispatch("studio.src", summary={"late": True})

            late = asyncio.create_task(dispatch_later())
            started = time.monotonic()
            stats = await aclient.events.run_worker(
                handler,
                source_topic="studio.src",
                target_topic="studio.dst",
                sender="async-1",
                max_retries=0,
                max_jobs=4,  # 0 fails twice (first try, one retry), 1 and the late one finish
                idle_delay=30.0,
                wake_on=["studio.src"],
                stop=lambda: time.monotonic() - started > 10,
            )
            await late
            return stats.finished, stats.failed, stats.idle_waits

    finished, failed, idle_waits = asyncio.run(scenario())
    assert (finished, failed) == (2, 2) and idle_waits <= 1
    jobs = {j.status for j in client.iter_events(topics=["studio.dst"])}
    assert jobs == {"finished", "failed"}
