"""What a commit's answer means: one result per operation, the error for a
refused commit, and the pieces that settle a commit whose answer was lost
(the look-up query, what a second delivery's refusals mean; see ``_settle``).

A commit is one ``POST /api/projects/{project}/operations``; the server
answers 200 with every operation's status, even when they failed.  The
answer counts as lost when the connection broke after sending, a proxy
answered 502/503/504, or the client timed out: the server may or may not
have committed, so the request is never blindly resent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ayon_gql._errors import AyonError, CommitError, ServerError, TransportError
from ayon_gql.writes._batch import PendingOperation
from ayon_gql.writes._results import CommitResult, OperationResult, Settled

__all__ = [
    "LOST_STATUSES",
    "all_done",
    "answer_lost",
    "commit_body",
    "found_ids",
    "lookup_query",
    "read_answer",
    "read_resent_answer",
    "unique_violations",
]

#: Statuses a proxy answers while the server behind it may have committed.
LOST_STATUSES = frozenset({502, 503, 504})
_PLURAL = {
    "folder": "folders",
    "task": "tasks",
    "product": "products",
    "version": "versions",
    "representation": "representations",
    "workfile": "workfiles",
}
_DONE_STATUS = {"create": 201, "update": 204, "delete": 204}
_NOT_ATTEMPTED = {"success": False, "detail": "not attempted: an earlier operation failed"}


def answer_lost(exc: AyonError) -> bool:
    """True when ``exc`` leaves open whether the server committed."""
    if isinstance(exc, TransportError):
        return True
    return isinstance(exc, ServerError) and exc.status_code in LOST_STATUSES


def commit_body(operations: Sequence[PendingOperation], can_fail: bool) -> dict[str, Any]:
    """The request body of one commit."""
    return {"operations": [op.wire() for op in operations], "canFail": can_fail}


def _results(
    operations: Sequence[PendingOperation], answer: Any, project_name: str
) -> list[OperationResult]:
    """One result per operation.  All or nothing, the server stops at the first
    failure and lists no more: the rest are marked as not attempted."""
    listed = answer.get("operations") if isinstance(answer, Mapping) else None
    if not isinstance(listed, list) or len(listed) > len(operations):
        raise AyonError(
            "unexpected answer to the commit: it does not list the operations sent",
            operation="commit",
            project_name=project_name,
        )
    results = []
    for index, op in enumerate(operations):
        item = listed[index] if index < len(listed) else _NOT_ATTEMPTED
        item = item if isinstance(item, Mapping) else {}
        status = item.get("status")
        results.append(
            OperationResult.model_construct(
                position=op.position,
                type=op.type,
                entity_type=op.entity_type,
                entity_id=op.entity_id,
                success=item.get("success") is True,
                status=status if isinstance(status, int) else None,
                error_code=item.get("errorCode"),
                detail=item.get("detail"),
            )
        )
    return results


def _failure(
    results: Sequence[OperationResult], project_name: str, settled_by: Settled
) -> CommitError:
    failed = next(op for op in results if not op.success)
    result = CommitResult.model_construct(
        project_name=project_name, success=False, operations=list(results), settled_by=settled_by
    )
    return CommitError(
        f"{failed.describe()}; nothing was committed (all {len(results)} operations rolled back)",
        result=result,
        failed=failed,
        project_name=project_name,
    )


def read_answer(
    operations: Sequence[PendingOperation],
    answer: Any,
    *,
    can_fail: bool,
    project_name: str,
    settled_by: Settled = "answer",
) -> CommitResult:
    """The result of a commit that was answered; :class:`CommitError` for a
    refused all-or-nothing commit."""
    results = _results(operations, answer, project_name)
    success = all(op.success for op in results)
    if not success and not can_fail:
        raise _failure(results, project_name, settled_by)
    return CommitResult.model_construct(
        project_name=project_name, success=success, operations=results, settled_by=settled_by
    )


def all_done(
    operations: Sequence[PendingOperation], project_name: str, settled_by: Settled
) -> CommitResult:
    """Every operation committed (learnt without the server's own answer)."""
    results = [
        OperationResult.model_construct(
            position=op.position,
            type=op.type,
            entity_type=op.entity_type,
            entity_id=op.entity_id,
            success=True,
            status=_DONE_STATUS[op.type],
            error_code=None,
            detail=None,
        )
        for op in operations
    ]
    return CommitResult.model_construct(
        project_name=project_name, success=True, operations=results, settled_by=settled_by
    )


def lookup_query(operations: Iterable[PendingOperation]) -> tuple[str, dict[str, Any]]:
    """A GraphQL query for the ids of the entities ``operations`` create."""
    by_type: dict[str, list[str]] = {}
    for op in operations:
        by_type.setdefault(op.entity_type, []).append(op.entity_id)
    params = "".join(f", ${kind}: [String!]" for kind in by_type)
    fields = " ".join(
        f"{_PLURAL[kind]}(ids: ${kind}, first: {len(ids)}) {{ edges {{ node {{ id }} }} }}"
        for kind, ids in by_type.items()
    )
    query = (
        f"query WriteLookup($project: String!{params}) {{ project(name: $project) {{ {fields} }} }}"
    )
    return query, dict(by_type)


def found_ids(data: Any) -> set[str]:
    """The ids a :func:`lookup_query` answer lists."""
    project = data.get("project") if isinstance(data, Mapping) else None
    found: set[str] = set()
    for connection in (project or {}).values():
        for edge in (connection or {}).get("edges") or []:
            node = edge.get("node") if isinstance(edge, Mapping) else None
            if isinstance(node, Mapping) and isinstance(node.get("id"), str):
                found.add(node["id"])
    return found


def unique_violations(
    operations: Sequence[PendingOperation], answer: Any
) -> list[PendingOperation]:
    """Creates a resent commit's answer refuses as ``unique-violation``."""
    listed = answer.get("operations") if isinstance(answer, Mapping) else None
    if not isinstance(listed, list):
        return []
    return [
        op
        for op, item in zip(operations, listed, strict=False)
        if op.type == "create"
        and isinstance(item, Mapping)
        and item.get("errorCode") == "unique-violation"
    ]


def _done_before(op: PendingOperation, result: OperationResult, existing: set[str]) -> bool:
    """True when a resent operation failed only because the lost request did it."""
    if op.type == "create":
        return result.error_code == "unique-violation" and op.entity_id in existing
    if op.type == "delete":
        return result.status == 404
    return False


def read_resent_answer(
    operations: Sequence[PendingOperation],
    answer: Any,
    *,
    can_fail: bool,
    project_name: str,
    existing: set[str],
) -> CommitResult:
    """The result of a ``can_fail`` commit sent again after its answer was lost.

    ``existing`` holds the ids of the creates refused as ``unique-violation``
    that exist on the server (looked up after the resend): those, and deletes
    answered ``not-found``, were done by the lost request.
    """
    results = _results(operations, answer, project_name)
    settled = [
        result.model_copy(update={"success": True, "status": _DONE_STATUS[op.type]})
        if not result.success and _done_before(op, result, existing)
        else result
        for op, result in zip(operations, results, strict=True)
    ]
    success = all(r.success for r in settled)
    if not success and not can_fail:
        raise _failure(settled, project_name, "resend")
    return CommitResult.model_construct(
        project_name=project_name, success=success, operations=settled, settled_by="resend"
    )
