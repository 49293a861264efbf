"""An event job handed out by enroll: read its source, report progress, finish or fail.

Used as a context manager, a job is marked ``finished`` when the block
succeeds and ``failed`` (with the error's one-line message) when it raises,
so a job that was taken is never silently dropped: the server hands a failed
job out again until its retries are used up.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any

from ayon_gql.events._calls import get_call, update_call
from ayon_gql.events._models import EnrollAnswer, Event, EventStatus

if TYPE_CHECKING:
    from ayon_gql.rest._base import AsyncRunner, SyncRunner

__all__ = ["AsyncEventJob", "EventJob", "failure_message"]

_MAX_MESSAGE = 500


def failure_message(exc: BaseException) -> str:
    """A one-line description of what made a job fail (the job's description)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, KeyboardInterrupt):
        text = "interrupted"
    message = f"{type(exc).__name__}: {text}" if text != type(exc).__name__ else text
    return message if len(message) <= _MAX_MESSAGE else message[: _MAX_MESSAGE - 1] + "…"


class _JobBase:
    """What both job kinds hold: the enroll answer and what was reported since."""

    def __init__(self, answer: EnrollAnswer, sender: str) -> None:
        self.id = answer.id
        #: The id of the source event this job processes.
        self.depends_on = answer.depends_on
        self.hash = answer.hash
        #: The status as this client last set or saw it.
        self.status: EventStatus = answer.status
        #: The sender that holds the job.
        self.sender = sender
        self._source: Event | None = None

    @property
    def done(self) -> bool:
        """True once the job was finished or failed through this object."""
        return self.status in ("finished", "failed", "aborted")

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(id={self.id!r}, source={self.depends_on!r}, "
            f"status={self.status!r})"
        )


class EventJob(_JobBase):
    """A job from :meth:`Events.enroll <ayon_gql.events.Events.enroll>`.

    ::

        job = client.events.enroll("entity.version.created", "studio.review", sender="svc-1")
        if job is not None:
            with job:
                version_id = job.source().summary["entityId"]
                job.progress(50, "transcoding")
    """

    def __init__(self, runner: SyncRunner, answer: EnrollAnswer, sender: str) -> None:
        super().__init__(answer, sender)
        self._runner = runner

    def source(self) -> Event:
        """The source event (with its payload), read once."""
        if self._source is None:
            self._source = self._runner._run(get_call(self.depends_on))
        return self._source

    def event(self) -> Event:
        """The job event itself, as the server has it now."""
        return self._runner._run(get_call(self.id))

    def progress(self, percent: float, description: str | None = None) -> None:
        """Report progress (0-100, broadcast to listeners) and mark the job in progress."""
        self._patch("in_progress", description, progress=percent)

    def finish(self, description: str | None = None, **changes: Any) -> None:
        """Mark the job ``finished`` (``changes``: ``summary``, ``payload``)."""
        self._patch("finished", description, **changes)

    def fail(self, message: str) -> None:
        """Mark the job ``failed`` with ``message``; the server may hand it out again."""
        self._patch("failed", message)

    def _patch(self, status: EventStatus, description: str | None, **changes: Any) -> None:
        body = {"status": status, "description": description, **changes}
        self._runner._run(update_call(self.id, body))
        self.status = status

    def __enter__(self) -> EventJob:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.done:
            return
        if exc is None:
            self.finish()
        else:
            self.fail(failure_message(exc))


class AsyncEventJob(_JobBase):
    """The asynchronous twin of :class:`EventJob` (``async with job: ...``)."""

    def __init__(self, runner: AsyncRunner, answer: EnrollAnswer, sender: str) -> None:
        super().__init__(answer, sender)
        self._runner = runner

    async def source(self) -> Event:
        """The source event (with its payload), read once."""
        if self._source is None:
            self._source = await self._runner._run(get_call(self.depends_on))
        return self._source

    async def event(self) -> Event:
        """The job event itself, as the server has it now."""
        return await self._runner._run(get_call(self.id))

    async def progress(self, percent: float, description: str | None = None) -> None:
        """Report progress (0-100) and mark the job in progress."""
        await self._patch("in_progress", description, progress=percent)

    async def finish(self, description: str | None = None, **changes: Any) -> None:
        """Mark the job ``finished``."""
        await self._patch("finished", description, **changes)

    async def fail(self, message: str) -> None:
        """Mark the job ``failed`` with ``message``."""
        await self._patch("failed", message)

    async def _patch(self, status: EventStatus, description: str | None, **changes: Any) -> None:
        body = {"status": status, "description": description, **changes}
        await self._runner._run(update_call(self.id, body))
        self.status = status

    async def __aenter__(self) -> AsyncEventJob:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.done:
            return
        if exc is None:
            await self.finish()
        else:
            await self.fail(failure_message(exc))
