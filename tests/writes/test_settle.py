"""The decision procedure for a commit whose answer was lost, step by step:
what it looks up, what it sends again, and what it concludes."""

from __future__ import annotations

from typing import Any

import pytest

from ayon_gql import CommitError
from ayon_gql.writes import PendingOperation
from ayon_gql.writes._results import CommitResult
from ayon_gql.writes._settle import settle

PROJECT = "demo_Commercial"


def _op(position: int, kind: str, entity_id: str) -> PendingOperation:
    data = None if kind == "delete" else {"status": "Approved"}
    return PendingOperation(position, kind, "folder", entity_id * 32, data)  # type: ignore[arg-type]


def _answer(*items: tuple[bool, int, str | None]) -> dict[str, Any]:
    return {
        "operations": [
            {"success": ok, "status": status, "errorCode": code, "detail": code}
            for ok, status, code in items
        ],
        "success": all(ok for ok, _, _ in items),
    }


def _run(
    operations: list[PendingOperation], replies: list[Any], *, can_fail: bool = False
) -> tuple[list[tuple[str, list[int]]], CommitResult]:
    """Drive the procedure with ``replies``; returns the steps it took and its result."""
    steps = settle(operations, can_fail=can_fail, project_name=PROJECT)
    taken: list[tuple[str, list[int]]] = []
    replies = list(replies)
    try:
        step = next(steps)
        while True:
            taken.append((step[0], [op.position for op in step[1]]))
            step = steps.send(replies.pop(0))
    except StopIteration as done:
        assert not replies, "replies left over"
        return taken, done.value


CREATE, UPDATE, DELETE = _op(0, "create", "a"), _op(1, "update", "b"), _op(2, "delete", "c")


def test_creates_found_mean_committed_without_sending_again() -> None:
    taken, result = _run([CREATE, UPDATE], [{CREATE.entity_id}])
    assert taken == [("lookup", [0])]
    assert result.success and result.settled_by == "lookup"


def test_creates_missing_are_sent_again_and_that_answer_counts() -> None:
    taken, result = _run([CREATE, UPDATE], [set(), _answer((True, 201, None), (True, 204, None))])
    assert taken == [("lookup", [0]), ("post", [0, 1])]
    assert result.settled_by == "resend" and [op.status for op in result.operations] == [201, 204]


def test_a_second_delivery_refused_on_our_id_after_a_slow_first_one_committed() -> None:
    refused = _answer((False, 409, "unique-violation"))
    taken, result = _run([CREATE, UPDATE], [set(), refused, {CREATE.entity_id}])
    assert taken == [("lookup", [0]), ("post", [0, 1]), ("lookup", [0])]
    assert result.success and result.settled_by == "resend"


def test_a_refusal_of_the_second_delivery_stands_when_nothing_appeared() -> None:
    refused = _answer((True, 201, None), (False, 404, "not-found"))
    with pytest.raises(CommitError) as caught:
        _run([CREATE, UPDATE], [set(), refused, set()])
    assert caught.value.failed.position == 1


def test_deletes_all_gone_mean_committed_and_updates_are_sent_again() -> None:
    taken, result = _run([UPDATE, DELETE], [set(), _answer((True, 204, None))])
    assert taken == [("lookup", [2]), ("post", [1])]
    assert result.success and result.settled_by == "lookup"


def test_deletes_still_there_mean_not_committed() -> None:
    answer = _answer((True, 204, None), (True, 204, None))
    taken, result = _run([UPDATE, DELETE], [{DELETE.entity_id}, answer])
    assert taken == [("lookup", [2]), ("post", [1, 2])]
    assert result.settled_by == "resend"


def test_some_deletes_gone_mean_the_lost_request_failed() -> None:
    other = _op(3, "delete", "d")
    refused = _answer((True, 204, None), (False, 404, "not-found"))
    with pytest.raises(CommitError):
        _run([DELETE, other], [{DELETE.entity_id}, refused, {DELETE.entity_id}])


def test_updates_only_are_sent_again() -> None:
    taken, result = _run([UPDATE], [_answer((True, 204, None))])
    assert taken == [("post", [1])] and result.settled_by == "resend"


def test_can_fail_is_read_operation_by_operation() -> None:
    answer = _answer((False, 409, "unique-violation"), (True, 204, None), (False, 404, "not-found"))
    taken, result = _run([CREATE, UPDATE, DELETE], [answer, {CREATE.entity_id}], can_fail=True)
    assert taken == [("post", [0, 1, 2]), ("lookup", [0])]
    assert result.success and [op.status for op in result.operations] == [201, 204, 204]


def test_can_fail_keeps_a_real_unique_violation() -> None:
    answer = _answer((False, 409, "unique-violation"))
    _, result = _run([CREATE], [answer, set()], can_fail=True)
    assert not result.success and result.failed[0].error_code == "unique-violation"
