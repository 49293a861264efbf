"""A worker loop: enroll a job, process it, finish or fail it, repeat until stopped.

It never loses a job it took: a job whose handler raises is marked ``failed``
with the error's message (the server hands it out again while retries
remain); a worker killed mid-job leaves the job with its sender, and the
worker restarted under the same sender gets it back first.  While there is
nothing to do it waits with backoff, or wakes as soon as the websocket
pushes an event of the ``wake_on`` topics.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import AyonError, ServerError, TransportError
from ayon_gql.events._job import failure_message

if TYPE_CHECKING:
    from ayon_gql.events._api import Events
    from ayon_gql.events._job import EventJob

__all__ = ["StopCondition", "WorkerStats", "run_worker"]

_log = logging.getLogger("ayon_gql.events")

#: When to stop: a callable answering True, or a ``threading.Event`` that is set.
StopCondition = Callable[[], bool] | threading.Event


@dataclass
class WorkerStats:
    """What one run of the worker loop did."""

    finished: int = 0
    failed: int = 0
    idle_waits: int = 0
    enroll_errors: int = 0

    @property
    def jobs(self) -> int:
        """Jobs taken (finished plus failed)."""
        return self.finished + self.failed


class _Stop:
    """The stop flag: the caller's condition, a job count, or SIGINT / SIGTERM."""

    def __init__(self, condition: StopCondition | None, max_jobs: int | None) -> None:
        self._condition = condition
        self._max_jobs = max_jobs
        self.signalled = threading.Event()

    def __call__(self, stats: WorkerStats) -> bool:
        if self.signalled.is_set():
            return True
        if self._max_jobs is not None and stats.jobs >= self._max_jobs:
            return True
        if isinstance(self._condition, threading.Event):
            return self._condition.is_set()
        return bool(self._condition()) if self._condition is not None else False

    def on_signal(self, signum: int, frame: FrameType | None) -> None:
        if self.signalled.is_set():
            # A second signal: stop now (the current job is failed, to be retried).
            raise KeyboardInterrupt
        _log.info("signal %s: stopping after the current job", signum)
        self.signalled.set()


def _install_signals(stop: _Stop) -> dict[int, Any]:
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int, Any] = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, stop.on_signal)
    return previous


def _wake_thread(
    events: Events, topics: Sequence[str], project: str | None
) -> tuple[threading.Event | None, Any]:
    """A listener, connected before the first enroll, whose daemon thread sets
    an event for each pushed message; ``(None, None)`` when it cannot connect
    (the worker then polls)."""
    wake = threading.Event()
    listener = events.listen(topics, project)
    try:
        listener.start()
    except AyonError as exc:
        _log.warning("no wake-up listener, polling only: %s", exc)
        return None, None

    def run() -> None:
        try:
            for _ in listener:
                wake.set()
        except Exception as exc:  # the worker goes on polling without it
            _log.warning("wake-up listener stopped: %s", exc)

    thread = threading.Thread(target=run, name="ayon-events-wake", daemon=True)
    thread.start()
    return wake, listener


def run_worker(
    events: Events,
    handler: Callable[[EventJob], Any],
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
    stop: StopCondition | None = None,
    max_jobs: int | None = None,
    idle_delay: float = 0.5,
    max_idle_delay: float = 10.0,
    wake_on: Sequence[str] | None = None,
    project: str | None = None,
    handle_signals: bool = True,
) -> WorkerStats:
    """Process jobs until stopped; see :meth:`Events.run_worker` for the arguments."""
    flag = _Stop(stop, max_jobs)
    stats = WorkerStats()
    previous = _install_signals(flag) if handle_signals else {}
    wake: threading.Event | None = None
    listener: Any = None
    if wake_on:
        wake, listener = _wake_thread(events, wake_on, project)
    delay = idle_delay
    try:
        while not flag(stats):
            try:
                job = events.enroll(
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
                _idle(delay, flag, stats, wake)
                delay = min(max_idle_delay, delay * 2)
                continue
            delay = idle_delay
            try:
                with job:
                    handler(job)
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
            listener.close()
        for signum, old in previous.items():
            signal.signal(signum, old)
    return stats


def _idle(delay: float, stop: _Stop, stats: WorkerStats, wake: threading.Event | None) -> None:
    """Wait up to ``delay`` seconds; return early when stopped or woken."""
    deadline = time.monotonic() + delay
    while not stop(stats):
        left = deadline - time.monotonic()
        if left <= 0:
            return
        if wake is not None:
            if wake.wait(min(left, 0.1)):
                wake.clear()
                return
        else:
            time.sleep(min(left, 0.1))
