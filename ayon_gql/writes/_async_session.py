"""Asynchronous twin of the write session (``AsyncAyonClient.operations``)."""

from __future__ import annotations

import os
from types import TracebackType
from typing import Any, TypeVar

from ayon_gql._connection import AsyncConnection
from ayon_gql._errors import AyonError
from ayon_gql._http import INFO, log
from ayon_gql.writes import _files
from ayon_gql.writes._batch import PendingOperation
from ayon_gql.writes._outcome import (
    answer_lost,
    commit_body,
    found_ids,
    lookup_query,
    read_answer,
)
from ayon_gql.writes._results import CommitResult
from ayon_gql.writes._session import SessionCore
from ayon_gql.writes._settle import settle

__all__ = ["AsyncOperationsSession"]

_Self = TypeVar("_Self", bound="AsyncOperationsSession")


class AsyncOperationsSession(SessionCore[AsyncConnection]):
    """An asynchronous write session: ``async with client.operations(project) as ops``.

    Adding operations is synchronous (nothing is sent); :meth:`commit`, the
    end of the ``async with`` block and the file calls are awaited.
    """

    async def __aenter__(self: _Self) -> _Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.discard()
        elif len(self._batch):  # ``result`` keeps an explicit commit's when nothing is left
            await self.commit()

    async def commit(self) -> CommitResult:
        """Send every pending operation in one request (see :meth:`OperationsSession.commit`)."""
        operations = self._batch.take()
        if not operations:
            self.result = CommitResult(project_name=self.project_name, success=True, operations=[])
            return self.result
        body = commit_body(operations, self.can_fail)
        try:
            answer = await self._post(body, len(operations))
        except AyonError as exc:
            if not answer_lost(exc):
                raise
            log(INFO, "commit on %s: answer lost (%s), settling", self.project_name, exc.message)
            self.result = await self._settle(operations, exc)
        else:
            self.result = read_answer(
                operations, answer, can_fail=self.can_fail, project_name=self.project_name
            )
        return self.result

    async def _post(self, body: dict[str, Any], count: int) -> Any:
        once = self.connection.derive(retries=0)  # a commit is never blindly resent
        response = await once.request("POST", self._path, **self._post_options(body, count))
        return self._decoded(response)

    async def _lookup(self, operations: list[PendingOperation]) -> set[str]:
        query, variables = lookup_query(operations)
        data = await self.connection.graphql(query, {"project": self.project_name, **variables})
        return found_ids(data)

    async def _settle(self, operations: list[PendingOperation], exc: AyonError) -> CommitResult:
        import asyncio

        for attempt in range(self._attempts()):
            if attempt:
                await asyncio.sleep(self._pause(attempt))
            steps = settle(operations, can_fail=self.can_fail, project_name=self.project_name)
            try:
                step = next(steps)
                while True:
                    kind, chosen = step
                    if kind == "lookup":
                        value: Any = await self._lookup(chosen)
                    else:
                        value = await self._post(commit_body(chosen, self.can_fail), len(chosen))
                    step = steps.send(value)
            except StopIteration as done:
                result: CommitResult = done.value
                return result
            except AyonError as again:
                if not answer_lost(again):
                    raise
                exc = again
        raise self._unknown(operations, exc)

    async def create_thumbnail(
        self, source: str | os.PathLike[str] | bytes, *, content_type: str | None = None
    ) -> str:
        """Store a thumbnail now and return its id (see ``OperationsSession.create_thumbnail``)."""
        thumbnail = await _files.acreate_thumbnail(
            self.connection, self.project_name, source, content_type
        )
        return thumbnail.id
