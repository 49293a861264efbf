"""The worker loop, asynchronously: ``await client.events.run_worker(handler, ...)``
with an ``async def handler(job)``.  Same guarantees as :mod:`._worker`; signals
are left to the application's event loop (stop it with ``stop``)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import AyonError, ServerError, TransportError
from ayon_gql.events._job import failure_message
from ayon_gql.events._worker import WorkerStats

if TYPE_CHECKING:
    from ayon_gql.events._api import AsyncEvents
    from ayon_gql.events._job import AsyncEventJob

__all__ = ["AsyncStopCondition", "run_async_worker"]

_log = logging.getLogger("ayon_gql.events")

#: When to stop: a callable answering True, or an ``asyncio.Event`` that is set.
AsyncStopCondition = Callable[[], bool] | asyncio.Event


def _stopped(stop: AsyncStopCondition | None, max_jobs: int | None, stats: WorkerStats) -> bool:
    if max_jobs is not None and stats.jobs >= max_jobs:
        return True
    if isinstance(stop, asyncio.Event):
        return stop.is_set()
    return bool(stop()) if stop is not None else False


async def _wake_task(
    events: AsyncEvents, topics: Sequence[str], project: str | None, wake: asyncio.Event
) -> tuple[Any, asyncio.Task[None] | None]:
    listener = events.listen(topics, project)
    try:
        await listener.start()
    except AyonError as exc:
        _log.warning("no wake-up listener, polling only: %s", exc)
        return None, None

    async def run() -> None:
        try:
            async for _ in listener:
                wake.set()
        except Exception as exc:  # the worker goes on polling without it
            _log.warning("wake-up listener stopped: %s", exc)

    return listener, asyncio.create_task(run())


async def run_async_worker(
    events: AsyncEvents,
    handler: Callable[[AsyncEventJob], Awaitable[Any]],
    *,
    source_topic: str | Sequence[str],
    target_topic: str,
    sender: str,
    description: str | None = None,
    sequential: bool = False,
    filter: Mapping[str, Any] | None = None,
    max_retries: int = 3,
    ignore_sender_types: Sequence[str] | None = None,
    ignore_older_than: int | None = None,
    stop: AsyncStopCondition | None = None,
    max_jobs: int | None = None,
    idle_delay: float = 0.5,
    max_idle_delay: float = 10.0,
    wake_on: Sequence[str] | None = None,
    project: str | None = None,
) -> WorkerStats:
    """Process jobs until stopped; see :meth:`AsyncEvents.run_worker`."""
    stats = WorkerStats()
    wake = asyncio.Event()
    listener: Any = None
    task: asyncio.Task[None] | None = None
    if wake_on:
        listener, task = await _wake_task(events, wake_on, project, wake)
    delay = idle_delay
    try:
        while not _stopped(stop, max_jobs, stats):
            try:
                job = await events.enroll(
                    source_topic,
                    target_topic,
                    sender=sender,
                    description=description,
                    sequential=sequential,
                    filter=filter,
                    max_retries=max_retries,
                    ignore_sender_types=ignore_sender_types,
                    ignore_older_than=ignore_older_than,
                )
            except (TransportError, ServerError) as exc:
                _log.warning("enroll failed, waiting: %s", exc)
                stats.enroll_errors += 1
                job = None
            if job is None:
                stats.idle_waits += 1
                await _idle(delay, stop, max_jobs, stats, wake)
                delay = min(max_idle_delay, delay * 2)
                continue
            delay = idle_delay
            try:
                async with job:
                    await handler(job)
            except Exception as exc:
                stats.failed += 1
                _log.warning("job %s failed: %s", job.id, failure_message(exc))
            else:
                if job.status == "failed":
                    stats.failed += 1
                else:
                    stats.finished += 1
    finally:
        if listener is not None:
            await listener.aclose()
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
    return stats


async def _idle(
    delay: float,
    stop: AsyncStopCondition | None,
    max_jobs: int | None,
    stats: WorkerStats,
    wake: asyncio.Event,
) -> None:
    """Wait up to ``delay`` seconds; return early when stopped or woken."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + delay
    while not _stopped(stop, max_jobs, stats):
        left = deadline - loop.time()
        if left <= 0:
            return
        try:
            await asyncio.wait_for(wake.wait(), min(left, 0.1))
        except asyncio.TimeoutError:
            continue
        wake.clear()
        return
