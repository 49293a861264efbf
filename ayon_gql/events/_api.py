"""``client.events``: dispatch, read, update and delete events, enroll jobs,
run a worker loop and listen to live events (sync and async)."""

from __future__ import annotations

import socket
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import DuplicateEventError, HTTPStatusError
from ayon_gql.events._calls import (
    delete_call,
    dispatch_call,
    enroll_call,
    get_call,
    update_call,
)
from ayon_gql.events._job import AsyncEventJob, EventJob
from ayon_gql.events._models import Event, EventStatus
from ayon_gql.rest._base import AsyncRunner, Call, SyncRunner

if TYPE_CHECKING:
    from ayon_gql._connection import AsyncConnection, Connection
    from ayon_gql.events._async_listen import AsyncEventListener
    from ayon_gql.events._async_worker import AsyncStopCondition
    from ayon_gql.events._listen import EventListener
    from ayon_gql.events._worker import StopCondition, WorkerStats

__all__ = ["AsyncEvents", "Events"]


def _duplicate(exc: HTTPStatusError, event_hash: str | None) -> DuplicateEventError:
    return DuplicateEventError(
        exc.message,
        status_code=exc.status_code,
        method=exc.method,
        path=exc.path,
        detail=exc.detail,
        body=exc.body,
        operation=exc.operation,
        project_name=exc.project_name,
        event_hash=event_hash,
    )


def _default_sender(sender: str | None) -> str:
    """The sender jobs are enrolled for: the client's, else this host's name."""
    return sender or socket.gethostname()


def _changes(
    status: EventStatus | None,
    description: str | None,
    progress: float | None,
    retries: int | None,
    summary: Mapping[str, Any] | None,
    payload: Mapping[str, Any] | None,
    sender: str | None,
    project: str | None,
    user: str | None,
) -> dict[str, Any]:
    return {
        "status": status,
        "description": description,
        "progress": progress,
        "retries": retries,
        "summary": summary,
        "payload": payload,
        "sender": sender,
        "project": project,
        "user": user,
    }


class Events(SyncRunner):
    """Events and event jobs through one :class:`~ayon_gql.client.Connection`.

    Reached as ``client.events``::

        event_id = client.events.dispatch("studio.render.done", project="demo_Commercial",
                                          summary={"frames": 120})
        client.events.update(event_id, description="checked")
    """

    def __init__(self, connection: Connection) -> None:
        super().__init__(connection)
        self.connection = connection

    def _dispatch(self, call: Call[str], event_hash: str | None) -> str:
        try:
            return self._run(call)
        except HTTPStatusError as exc:
            if exc.status_code == 409:
                raise _duplicate(exc, event_hash) from None
            raise

    def dispatch(
        self,
        topic: str,
        *,
        project: str | None = None,
        summary: Mapping[str, Any] | None = None,
        payload: Mapping[str, Any] | None = None,
        description: str | None = None,
        sender: str | None = None,
        sender_type: str | None = None,
        event_hash: str | None = None,
        depends_on: str | None = None,
        finished: bool = True,
        store: bool = True,
        reuse: bool = False,
    ) -> str:
        """Create an event and return its id.

        ``event_hash`` makes the event unique: dispatching the same hash again
        raises :class:`~ayon_gql.DuplicateEventError`, or with ``reuse=True``
        replaces the stored event (under a new id).  ``finished=False`` stores
        it ``pending`` (enroll only takes finished sources); ``store=False``
        only broadcasts it to listeners.  ``sender_type`` is what enroll's
        ``ignore_sender_types`` matches.
        """
        call = dispatch_call(
            topic,
            project=project,
            summary=summary,
            payload=payload,
            description=description,
            sender=sender,
            sender_type=sender_type,
            event_hash=event_hash,
            depends_on=depends_on,
            finished=finished,
            store=store,
            reuse=reuse,
        )
        return self._dispatch(call, event_hash)

    def get(self, event_id: str) -> Event:
        """One stored event with its summary and payload; missing -> NotFoundError."""
        return self._run(get_call(event_id))

    def update(
        self,
        event_id: str,
        *,
        status: EventStatus | None = None,
        description: str | None = None,
        progress: float | None = None,
        retries: int | None = None,
        summary: Mapping[str, Any] | None = None,
        payload: Mapping[str, Any] | None = None,
        sender: str | None = None,
        project: str | None = None,
        user: str | None = None,
    ) -> None:
        """Change an event; only the given fields are sent (``progress`` is broadcast only)."""
        changes = _changes(
            status, description, progress, retries, summary, payload, sender, project, user
        )
        self._run(update_call(event_id, changes))

    def delete(self, event_id: str) -> None:
        """Delete a stored event; missing -> NotFoundError."""
        self._run(delete_call(event_id))

    def enroll(
        self,
        source_topic: str | Sequence[str],
        target_topic: str,
        *,
        sender: str | None = None,
        sender_type: str | None = None,
        description: str | None = None,
        sequential: bool = False,
        filter: Mapping[str, Any] | None = None,
        max_retries: int = 3,
        ignore_sender_types: Sequence[str] | None = None,
        ignore_older_than: int | None = None,
    ) -> EventJob | None:
        """Take the next job, or ``None`` when there is nothing to do.

        The server picks the oldest finished ``source_topic`` event (``*``
        wildcards, or a list) without a finished ``target_topic`` job and
        creates the job for ``sender`` (default: the client's sender, else
        the host name).  The same sender gets its own unfinished job back
        first, so a restarted worker resumes what it had taken;
        ``sequential=True`` waits while an older source is held by another
        sender; a failed job comes back up to ``max_retries`` times;
        ``ignore_sender_types`` skips sources dispatched by those sender
        types; ``ignore_older_than`` is in days (server default 3, 0 = no limit);
        ``filter`` is an AYON query filter on the source.
        """
        chosen = _default_sender(sender or self.connection.settings.sender)
        call = enroll_call(
            source_topic,
            target_topic,
            sender=chosen,
            sender_type=sender_type,
            description=description,
            sequential=sequential,
            filter=filter,
            max_retries=max_retries,
            ignore_sender_types=ignore_sender_types,
            ignore_older_than=ignore_older_than,
        )
        answer = self._run(call)
        return None if answer is None else EventJob(self, answer, chosen)

    def listen(
        self, topics: str | Sequence[str], project: str | None = None, **options: Any
    ) -> EventListener:
        """Live events pushed by the server's websocket, as an iterator.

        ``topics`` are prefixes (``"entity.version.created"``,
        ``"entity.version"``) or ``"*"``.  Reconnects with backoff and catches
        up missed events; ``options``: ``heartbeat_timeout``,
        ``reconnect_delay``, ``max_reconnect_delay``, ``max_reconnects``,
        ``catch_up``.  Needs the ``events`` extra (the websocket library).
        """
        from ayon_gql.events._listen import EventListener

        return EventListener(self.connection, topics, project, **options)

    def run_worker(
        self,
        handler: Callable[[EventJob], Any],
        *,
        source_topic: str | Sequence[str],
        target_topic: str,
        sender: str | None = None,
        stop: StopCondition | None = None,
        max_jobs: int | None = None,
        idle_delay: float = 0.5,
        max_idle_delay: float = 10.0,
        wake_on: Sequence[str] | None = None,
        project: str | None = None,
        handle_signals: bool = True,
        **enroll_options: Any,
    ) -> WorkerStats:
        """Enroll and process jobs with ``handler(job)`` until stopped.

        Each job is finished when ``handler`` returns and failed (with the
        error's message) when it raises; the loop goes on.  It stops when
        ``stop`` says so (a callable or a ``threading.Event``), after
        ``max_jobs`` jobs, or on SIGINT / SIGTERM (after the current job; a
        second signal interrupts it, and it is failed to be retried).  Idle,
        it waits ``idle_delay`` seconds, doubling up to ``max_idle_delay``,
        or wakes when the websocket pushes one of the ``wake_on`` topics
        (``project`` narrows them).  ``enroll_options`` are those of
        :meth:`enroll`.  Returns what it did.
        """
        from ayon_gql.events._worker import run_worker

        return run_worker(
            self,
            handler,
            source_topic=source_topic,
            target_topic=target_topic,
            sender=_default_sender(sender or self.connection.settings.sender),
            stop=stop,
            max_jobs=max_jobs,
            idle_delay=idle_delay,
            max_idle_delay=max_idle_delay,
            wake_on=wake_on,
            project=project,
            handle_signals=handle_signals,
            **enroll_options,
        )


class AsyncEvents(AsyncRunner):
    """The asynchronous twin of :class:`Events` (``await client.events.dispatch(...)``)."""

    def __init__(self, connection: AsyncConnection) -> None:
        super().__init__(connection)
        self.connection = connection

    async def dispatch(
        self,
        topic: str,
        *,
        project: str | None = None,
        summary: Mapping[str, Any] | None = None,
        payload: Mapping[str, Any] | None = None,
        description: str | None = None,
        sender: str | None = None,
        sender_type: str | None = None,
        event_hash: str | None = None,
        depends_on: str | None = None,
        finished: bool = True,
        store: bool = True,
        reuse: bool = False,
    ) -> str:
        """Create an event and return its id (see :meth:`Events.dispatch`)."""
        call = dispatch_call(
            topic,
            project=project,
            summary=summary,
            payload=payload,
            description=description,
            sender=sender,
            sender_type=sender_type,
            event_hash=event_hash,
            depends_on=depends_on,
            finished=finished,
            store=store,
            reuse=reuse,
        )
        try:
            return await self._run(call)
        except HTTPStatusError as exc:
            if exc.status_code == 409:
                raise _duplicate(exc, event_hash) from None
            raise

    async def get(self, event_id: str) -> Event:
        """One stored event; missing -> NotFoundError."""
        return await self._run(get_call(event_id))

    async def update(
        self,
        event_id: str,
        *,
        status: EventStatus | None = None,
        description: str | None = None,
        progress: float | None = None,
        retries: int | None = None,
        summary: Mapping[str, Any] | None = None,
        payload: Mapping[str, Any] | None = None,
        sender: str | None = None,
        project: str | None = None,
        user: str | None = None,
    ) -> None:
        """Change an event (see :meth:`Events.update`)."""
        changes = _changes(
            status, description, progress, retries, summary, payload, sender, project, user
        )
        await self._run(update_call(event_id, changes))

    async def delete(self, event_id: str) -> None:
        """Delete a stored event."""
        await self._run(delete_call(event_id))

    async def enroll(
        self,
        source_topic: str | Sequence[str],
        target_topic: str,
        *,
        sender: str | None = None,
        sender_type: str | None = None,
        description: str | None = None,
        sequential: bool = False,
        filter: Mapping[str, Any] | None = None,
        max_retries: int = 3,
        ignore_sender_types: Sequence[str] | None = None,
        ignore_older_than: int | None = None,
    ) -> AsyncEventJob | None:
        """Take the next job, or ``None`` (see :meth:`Events.enroll`)."""
        chosen = _default_sender(sender or self.connection.settings.sender)
        call = enroll_call(
            source_topic,
            target_topic,
            sender=chosen,
            sender_type=sender_type,
            description=description,
            sequential=sequential,
            filter=filter,
            max_retries=max_retries,
            ignore_sender_types=ignore_sender_types,
            ignore_older_than=ignore_older_than,
        )
        answer = await self._run(call)
        return None if answer is None else AsyncEventJob(self, answer, chosen)

    def listen(
        self, topics: str | Sequence[str], project: str | None = None, **options: Any
    ) -> AsyncEventListener:
        """Live events as an async iterator (see :meth:`Events.listen`)."""
        from ayon_gql.events._async_listen import AsyncEventListener

        return AsyncEventListener(self.connection, topics, project, **options)

    async def run_worker(
        self,
        handler: Callable[[AsyncEventJob], Awaitable[Any]],
        *,
        source_topic: str | Sequence[str],
        target_topic: str,
        sender: str | None = None,
        stop: AsyncStopCondition | None = None,
        max_jobs: int | None = None,
        idle_delay: float = 0.5,
        max_idle_delay: float = 10.0,
        wake_on: Sequence[str] | None = None,
        project: str | None = None,
        **enroll_options: Any,
    ) -> WorkerStats:
        """Enroll and process jobs with ``await handler(job)`` until stopped
        (see :meth:`Events.run_worker`; ``stop`` may be an ``asyncio.Event``;
        signals are the application's to handle)."""
        from ayon_gql.events._async_worker import run_async_worker

        return await run_async_worker(
            self,
            handler,
            source_topic=source_topic,
            target_topic=target_topic,
            sender=_default_sender(sender or self.connection.settings.sender),
            stop=stop,
            max_jobs=max_jobs,
            idle_delay=idle_delay,
            max_idle_delay=max_idle_delay,
            wake_on=wake_on,
            project=project,
            **enroll_options,
        )
