"""The write session: typed creates, updates and deletes committed in one request.

::

    with client.operations("my_project") as ops:
        product_id = ops.create(ProductCreate(folder_id=shot_id, name="renderMain",
                                              product_type="render"))
        version_id = ops.create(VersionCreate(product_id=product_id, version=1))
        ops.create(RepresentationCreate(version_id=version_id, name="exr", files=[...]))
    # committed here, all or nothing; ``ops.result`` says what the server did

Ids of new entities are made on the client, so they are known at once and
the children of a new entity go in the same commit.  Everything a model or
the session can tell is wrong is refused when the operation is added; an
exception inside the ``with`` block sends nothing.  See ``_settle`` for how a
commit whose answer was lost is settled.
"""

from __future__ import annotations

import os
import time
from types import TracebackType
from typing import Any, Generic, TypeVar

from ayon_gql._connection import AsyncConnection, Connection
from ayon_gql._errors import (
    AyonError,
    CommitOutcomeUnknownError,
    InvalidInputError,
    TransportError,
)
from ayon_gql._http import INFO, log
from ayon_gql._write_models import EntityCreate, EntityType, EntityUpdate
from ayon_gql.writes import _files
from ayon_gql.writes._batch import Batch, PendingOperation
from ayon_gql.writes._outcome import (
    answer_lost,
    commit_body,
    found_ids,
    lookup_query,
    read_answer,
)
from ayon_gql.writes._results import CommitResult
from ayon_gql.writes._settle import settle

__all__ = ["OperationsSession", "SessionCore"]

_Conn = TypeVar("_Conn", Connection, AsyncConnection)
_Self = TypeVar("_Self", bound="OperationsSession")

#: Seconds added to a commit's timeout for each operation it holds: the server
#: works through them in one transaction before it answers.
SECONDS_PER_OPERATION = 0.01


class SessionCore(Generic[_Conn]):
    """What the sync and async sessions share: collecting and checking operations."""

    def __init__(
        self,
        connection: _Conn,
        project_name: str,
        *,
        can_fail: bool = False,
        as_user: str | None = None,
    ) -> None:
        self._path = _files.project_path(project_name) + "/operations"
        if as_user is not None and (not isinstance(as_user, str) or not as_user):
            raise InvalidInputError(f"as_user must be a user name, not {as_user!r}")
        self.connection: _Conn = connection
        self.project_name = project_name
        self.can_fail = bool(can_fail)
        self.as_user = as_user
        self._batch = Batch()
        #: The result of the last commit (None before the first).
        self.result: CommitResult | None = None

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.project_name!r}, pending={len(self._batch)}, "
            f"can_fail={self.can_fail})"
        )

    def __len__(self) -> int:
        """How many operations wait for the next commit."""
        return len(self._batch)

    @property
    def pending(self) -> list[PendingOperation]:
        """The operations waiting for the next commit, in order."""
        return list(self._batch.operations)

    def create(self, model: EntityCreate, *, id: str | None = None) -> str:
        """Add a create; returns the new entity's id (made here unless ``id`` or ``model.id``)."""
        return self._batch.create(model, id, self.as_user).entity_id

    def update(self, entity_id: str, model: EntityUpdate) -> None:
        """Add an update of ``entity_id``: only the fields set on ``model`` are sent."""
        self._batch.update(entity_id, model, self.as_user)

    def delete(self, entity_type: EntityType, entity_id: str, *, force: bool = False) -> None:
        """Add a delete; ``force=True`` also deletes a folder's products and tasks."""
        self._batch.delete(entity_type, entity_id, force, self.as_user)

    def discard(self) -> int:
        """Drop every pending operation without sending it; returns how many."""
        return self._batch.discard()

    def _post_options(self, body: dict[str, Any], count: int) -> dict[str, Any]:
        return {
            "json": body,
            "idempotent": False,
            "operation": "commit",
            "project_name": self.project_name,
            "timeout": self.connection.settings.timeout + SECONDS_PER_OPERATION * count,
        }

    def _decoded(self, response: Any) -> Any:
        """The commit's JSON answer; one that is not JSON (a proxy's page) counts as lost."""
        try:
            return response.json()
        except ValueError:
            raise TransportError(
                f"the answer to the commit is not JSON (HTTP {response.status_code})",
                operation="commit",
                project_name=self.project_name,
            ) from None

    def _unknown(self, operations: list[PendingOperation], exc: AyonError) -> AyonError:
        ids = [op.entity_id for op in operations]
        return CommitOutcomeUnknownError(
            f"the answer to a commit of {len(operations)} operations was lost and the server "
            f"stayed unreachable while looking up what happened ({exc.message}); look up "
            f"the entities it names (first: {ids[0]}) before committing again",
            entity_ids=ids,
            project_name=self.project_name,
        )

    def _attempts(self) -> int:
        return max(1, int(self.connection.settings.retries) + 1)

    def _pause(self, attempt: int) -> float:
        return float(min(8.0, self.connection.settings.backoff * (2**attempt)))


class OperationsSession(SessionCore[Connection]):
    """A synchronous write session; ``client.operations(project)`` makes one.

    Used as a context manager it commits when the block ends without an
    exception; :meth:`commit` commits what is pending at any time (the session
    stays usable).  ``can_fail=True`` lets each operation commit on its own:
    the result lists those that failed instead of raising.  ``as_user`` makes
    every operation act as that user (the caller must be a service user).
    """

    def __enter__(self: _Self) -> _Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.discard()
        elif len(self._batch):  # ``result`` keeps an explicit commit's when nothing is left
            self.commit()

    def commit(self) -> CommitResult:
        """Send every pending operation in one request, all or nothing.

        Raises :class:`~ayon_gql.CommitError` when the server refused an
        operation (nothing was committed); with ``can_fail=True`` returns the
        result listing the failures instead.
        """
        operations = self._batch.take()
        if not operations:
            self.result = CommitResult(project_name=self.project_name, success=True, operations=[])
            return self.result
        body = commit_body(operations, self.can_fail)
        try:
            answer = self._post(body, len(operations))
        except AyonError as exc:
            if not answer_lost(exc):
                raise
            log(INFO, "commit on %s: answer lost (%s), settling", self.project_name, exc.message)
            self.result = self._settle(operations, exc)
        else:
            self.result = read_answer(
                operations, answer, can_fail=self.can_fail, project_name=self.project_name
            )
        return self.result

    def _post(self, body: dict[str, Any], count: int) -> Any:
        once = self.connection.derive(retries=0)  # a commit is never blindly resent
        response = once.request("POST", self._path, **self._post_options(body, count))
        return self._decoded(response)

    def _lookup(self, operations: list[PendingOperation]) -> set[str]:
        query, variables = lookup_query(operations)
        data = self.connection.graphql(query, {"project": self.project_name, **variables})
        return found_ids(data)

    def _settle(self, operations: list[PendingOperation], exc: AyonError) -> CommitResult:
        for attempt in range(self._attempts()):
            if attempt:
                time.sleep(self._pause(attempt))
            steps = settle(operations, can_fail=self.can_fail, project_name=self.project_name)
            try:
                step = next(steps)
                while True:
                    kind, chosen = step
                    if kind == "lookup":
                        value: Any = self._lookup(chosen)
                    else:
                        value = self._post(commit_body(chosen, self.can_fail), len(chosen))
                    step = steps.send(value)
            except StopIteration as done:
                result: CommitResult = done.value
                return result
            except AyonError as again:
                if not answer_lost(again):
                    raise
                exc = again
        raise self._unknown(operations, exc)

    def create_thumbnail(
        self, source: str | os.PathLike[str] | bytes, *, content_type: str | None = None
    ) -> str:
        """Store a PNG or JPEG thumbnail now and return its id, for ``thumbnail_id=``
        of a model in this session (the thumbnail itself is not part of the commit)."""
        return _files.create_thumbnail(self.connection, self.project_name, source, content_type).id
