"""Asynchronous twin of :class:`~ayon_gql.sync.Hierarchy` (``AsyncAyonClient.load_hierarchy``)."""

from __future__ import annotations

import functools
from types import ModuleType
from typing import Any

from ayon_gql._connection import AsyncConnection
from ayon_gql._errors import CommitError
from ayon_gql.sync._hierarchy import models_for
from ayon_gql.sync._models import WriteModels
from ayon_gql.sync._steps import (
    OnConflict,
    Steps,
    add_to_session,
    commit_steps,
    load_steps,
    named_failure,
)
from ayon_gql.sync._tree import HierarchyCore
from ayon_gql.writes._async_session import AsyncOperationsSession
from ayon_gql.writes._results import CommitResult

__all__ = ["AsyncHierarchy"]


class AsyncHierarchy(HierarchyCore):
    """A hierarchy whose :meth:`load` and :meth:`commit` are awaited; lookups and
    edits are the same as :class:`~ayon_gql.sync.Hierarchy`'s (nothing is sent)."""

    def __init__(
        self, connection: AsyncConnection, project_name: str, models: WriteModels, **kw: Any
    ) -> None:
        super().__init__(project_name, models, **kw)
        self.connection = connection

    @classmethod
    async def load(
        cls,
        client: Any,
        project_name: str,
        *,
        root: str | None = None,
        models: ModuleType | str | None = None,
        page_size: int | None = None,
    ) -> AsyncHierarchy:
        """Load a project's folders and tasks (see :meth:`Hierarchy.load`)."""
        connection: AsyncConnection = getattr(client, "connection", client)
        make = functools.partial(cls, connection)
        steps = load_steps(make, project_name, models_for(client, models), root, page_size)
        tree: AsyncHierarchy = await cls._run(connection, steps)
        return tree

    @staticmethod
    async def _run(connection: AsyncConnection, steps: Steps) -> Any:
        try:
            step = next(steps)
            while True:
                step = steps.send(await connection.graphql(step[1], step[2]))
        except StopIteration as done:
            return done.value

    async def commit(self, *, on_conflict: OnConflict = "refuse") -> CommitResult:
        """Send every edit in one request (see :meth:`Hierarchy.commit`)."""
        steps = commit_steps(self, on_conflict)
        try:
            step = next(steps)
            while True:
                if step[0] == "commit":
                    value: Any = await self._send(step[1])
                else:
                    value = await self.connection.graphql(step[1], step[2])
                step = steps.send(value)
        except StopIteration as done:
            result: CommitResult = done.value
            return result

    async def _send(self, planned: Any) -> CommitResult:
        session = AsyncOperationsSession(self.connection, self.project_name)
        add_to_session(session, planned, self.models)
        try:
            return await session.commit()
        except CommitError as error:
            raise named_failure(error, planned) from None
