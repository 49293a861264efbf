"""Settling a commit whose answer was lost: what to look up and what to send
again, as a generator the sync and async sessions drive.

The generator yields steps, ``("lookup", operations)`` (which of these
operations' entities exist?) or ``("post", operations)`` (send these again),
receives their answers, and returns the :class:`CommitResult`.  It never
sends anything twice unless the answer shows the first delivery did not
commit, or a second one cannot change what the first did:

* all or nothing, with creates: the created ids (made on the client) are
  looked up.  All there: the lost request committed.  None there: it did not
  (yet), so the operations are sent again with the same ids; if that is
  refused while the created ids have meanwhile appeared, a slow first
  delivery committed and the second was refused on our ids.
* all or nothing, deletes without creates: the entities to delete are looked
  up.  All still there: not committed, sent again.  All gone: committed (the
  updates of the same commit, if any, are sent again: setting the same values
  twice leaves what one delivery leaves).  Some gone: the lost request failed
  (it could not have deleted only some), sent again for the server's answer.
* updates only: sent again (the same values again leave the same state).
* ``can_fail=True``: sent again and read operation by operation: a create
  refused as ``unique-violation`` whose id exists, and a delete answered
  ``not-found``, were done by the lost request.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any, Literal

from ayon_gql._errors import CommitError
from ayon_gql.writes._batch import PendingOperation
from ayon_gql.writes._outcome import all_done, read_answer, read_resent_answer, unique_violations
from ayon_gql.writes._results import CommitResult

__all__ = ["Step", "settle"]

Step = tuple[Literal["lookup", "post"], list[PendingOperation]]
Settling = Generator[Step, Any, CommitResult]


def _strict(operations: Sequence[PendingOperation], answer: Any, project_name: str) -> CommitResult:
    """The resent commit's own answer, as authoritative as a first one."""
    return read_answer(
        operations, answer, can_fail=False, project_name=project_name, settled_by="resend"
    )


def _all_or_nothing(operations: list[PendingOperation], project_name: str) -> Settling:
    creates = [op for op in operations if op.type == "create"]
    deletes = [op for op in operations if op.type == "delete"]
    updates = [op for op in operations if op.type == "update"]
    if creates:
        found: set[str] = yield ("lookup", creates)
        if len(found) == len(creates):
            return all_done(operations, project_name, "lookup")
        answer = yield ("post", operations)
        try:
            return _strict(operations, answer, project_name)
        except CommitError:
            found = yield ("lookup", creates)
            if len(found) == len(creates):  # a slow first delivery committed meanwhile
                return all_done(operations, project_name, "resend")
            raise
    if deletes:
        present: set[str] = yield ("lookup", deletes)
        if not present:
            if updates:
                _strict(updates, (yield ("post", updates)), project_name)
            return all_done(operations, project_name, "lookup")
        answer = yield ("post", operations)
        try:
            return _strict(operations, answer, project_name)
        except CommitError:
            present = yield ("lookup", deletes)
            if not present:  # a slow first delivery committed meanwhile
                return all_done(operations, project_name, "resend")
            raise
    return _strict(operations, (yield ("post", operations)), project_name)


def _each_on_its_own(operations: list[PendingOperation], project_name: str) -> Settling:
    answer = yield ("post", operations)
    refused = unique_violations(operations, answer)
    existing: set[str] = (yield ("lookup", refused)) if refused else set()
    return read_resent_answer(
        operations, answer, can_fail=True, project_name=project_name, existing=existing
    )


def settle(operations: list[PendingOperation], *, can_fail: bool, project_name: str) -> Settling:
    """The steps that find out what a commit whose answer was lost did."""
    if can_fail:
        return _each_on_its_own(operations, project_name)
    return _all_or_nothing(operations, project_name)
