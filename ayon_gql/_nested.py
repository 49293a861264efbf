"""Complete nested connections with follow-up requests, sync and async.

An answer such as ``versions { edges { node { representations { ... } } } }``
holds only the first page of each version's representations.  Code
generation writes a *plan* per nested connection (see
``ayon_gql.codegen._nested``): plain data with the text of a follow-up query
that reaches parents again by id and asks their nested connection ``after:``
a cursor, one aliased copy per parent.  This module runs the plans on an
answer's raw data before it is validated into the generated models:

* every parent whose nested connection says ``hasNextPage`` is collected;
* up to :data:`PARENTS_PER_REQUEST` of them go into one request, each asking
  ``first: max(<the operation's page size>, ITEMS_PER_REQUEST // parents)``;
* each answer's edges are appended to the parent's edges; its ``pageInfo``
  keeps the first page's start (``startCursor``, ``hasPreviousPage``) and
  takes the answer's ``endCursor`` and ``hasNextPage``, so the parent ends
  as one request for its whole list would have answered; parents with still
  more go into the next round;
* a connection listed newest first (plan ``mode: "whole"``, e.g. an
  entity's ``activities``) cannot be followed with ``after:``: its parents
  are asked again for the whole list with twice the ``first`` each round,
  and the answer replaces their edges and ``pageInfo``;
* parent ids the operation's text selected only for the follow-ups (plan
  ``hidden_id``) are removed again.

A repeated cursor, a parent the server no longer returns, or a request that
fails for good raises :class:`PaginationError` naming the operation; nothing
is returned half complete.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from typing import Any

from ayon_gql._errors import (
    GraphQLError,
    InvalidInputError,
    PaginationError,
    ServerError,
    TransportError,
)
from ayon_gql._pagination import DEFAULT_PAGE_SIZE

#: Parents completed by one follow-up request.
PARENTS_PER_REQUEST = 50

#: Items one follow-up request asks for in all, shared by its parents (each
#: parent asks at least the operation's own nested page size).
ITEMS_PER_REQUEST = DEFAULT_PAGE_SIZE

#: What the server returns when a connection is asked without ``first``.
SERVER_DEFAULT_FIRST = 100

#: Stands for a parent's index in the per-parent parts of a plan's text.
PLACEHOLDER = "__N__"

Plan = Mapping[str, Any]
Send = Callable[[str, dict[str, Any], str], dict[str, Any]]
AsyncSend = Callable[[str, dict[str, Any], str], Awaitable[dict[str, Any]]]


def follow_up_query(plan: Plan, parents: int) -> str:
    """The text of ``plan``'s follow-up query for ``parents`` parents (aliases 0..n-1)."""
    indexes = [str(index) for index in range(parents)]
    return "".join(
        [
            plan["head"],
            *(plan["declare"].replace(PLACEHOLDER, index) for index in indexes),
            plan["open"],
            *(plan["parent"].replace(PLACEHOLDER, index) for index in indexes),
            plan["close"],
        ]
    )


def _walk(value: Any, keys: Sequence[str]) -> Iterator[dict[str, Any]]:
    """Every object at ``keys`` below ``value``, through lists; nulls are skipped."""
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, keys)
        return
    if not isinstance(value, dict):
        return
    if not keys:
        yield value
        return
    yield from _walk(value.get(keys[0]), keys[1:])


class _Parent:
    """One parent whose nested connection has more items."""

    __slots__ = ("asked", "connection", "cursor", "id", "plan", "seen")

    def __init__(
        self, plan: Plan, parent_id: str, connection: dict[str, Any], cursor: str | None
    ) -> None:
        self.plan = plan
        self.id = parent_id
        self.connection = connection
        self.cursor = cursor
        self.seen = {cursor}
        #: Items the last request asked for (``whole`` plans ask for more each round).
        self.asked = 0


def _whole(plan: Plan) -> bool:
    """True for a connection listed newest first: each round asks for its whole list."""
    return plan.get("mode") == "whole"


def _page_infos(plan: Plan) -> Mapping[str, Mapping[str, str]]:
    """Each key the connection's ``pageInfo`` is answered under, with its fields' keys and names."""
    return plan.get("page_infos") or {
        plan["page_info"]: {plan["has_next_page"]: "hasNextPage", plan["end_cursor"]: "endCursor"}
    }


def _merge_page_info(
    fields: Mapping[str, str], current: Any, fetched: dict[str, Any], advanced: bool
) -> None:
    """Make ``current`` the pageInfo of the whole list after a follow-up page: the first
    page's start, the last page's end and whether more follow."""
    if not isinstance(current, dict):
        return
    for key, field in fields.items():
        if key not in fetched or key not in current:
            continue
        if field == "hasNextPage" or (field == "endCursor" and advanced):
            current[key] = fetched[key]


def _strip_hidden_ids(data: dict[str, Any], nested: Sequence[Plan]) -> None:
    """Remove the parent ids and page infos the operation's text selected only for the
    follow-ups."""
    for plan in nested:
        for parent in _walk(data, plan["parents"]):
            connection = parent.get(plan["connection"])
            if plan.get("hidden_page_info") and isinstance(connection, dict):
                connection.pop(plan["page_info"], None)
            if plan.get("hidden_id"):
                parent.pop(plan["id"], None)


class _Completion:
    """Sans-I/O state of one completion: which requests to send, how to merge answers."""

    def __init__(
        self,
        data: dict[str, Any],
        nested: Sequence[Plan],
        variables: Mapping[str, Any],
        *,
        operation_name: str | None,
        parents_per_request: int,
        items_per_request: int,
    ) -> None:
        if parents_per_request < 1 or items_per_request < 1:
            raise InvalidInputError(
                "parents_per_request and items_per_request must be positive integers"
            )
        self.operation_name = operation_name
        self.variables = variables
        self.parents_per_request = parents_per_request
        self.items_per_request = items_per_request
        self.items = 0
        self.requests = 0
        self.pending: deque[_Parent] = deque()
        for plan in nested:
            for parent in _walk(data, plan["parents"]):
                connection = parent.get(plan["connection"])
                if isinstance(connection, dict):
                    self._follow(plan, parent.get(plan["id"]), connection, previous=None)

    def error(self, message: str, cursor: str | None = None) -> PaginationError:
        project = self.variables.get("projectName")
        return PaginationError(
            f"completing nested connections: {message}",
            operation=self.operation_name,
            cursor=cursor,
            items=self.items,
            project_name=project if isinstance(project, str) else None,
        )

    def _follow(
        self, plan: Plan, parent_id: Any, connection: dict[str, Any], previous: _Parent | None
    ) -> None:
        """Queue the parent again if its connection says it has more."""
        page_info = connection.get(plan["page_info"])
        if not isinstance(page_info, dict) or not page_info.get(plan["has_next_page"]):
            return
        edges = connection.get(plan["edges"])
        if isinstance(edges, list) and not edges:
            # An empty page ends the list even if it claims more (the real
            # server's answer after an exactly full last page).
            page_info[plan["has_next_page"]] = False
            return
        if not isinstance(parent_id, str):
            raise self.error(f"a parent of {plan['connection']!r} with more items has no id")
        if _whole(plan):
            self._follow_whole(plan, parent_id, connection, previous)
            return
        cursor = page_info.get(plan["end_cursor"])
        if not isinstance(cursor, str):
            raise self.error(
                f"{plan['connection']!r} of {parent_id} says it has more but sent no end cursor"
            )
        if previous is None:
            self.pending.append(_Parent(plan, parent_id, connection, cursor))
            return
        if cursor in previous.seen:
            raise self.error(
                f"the server repeated cursor {cursor!r} for {parent_id}; stopping instead of"
                " looping",
                cursor,
            )
        previous.seen.add(cursor)
        previous.cursor = cursor
        self.pending.append(previous)

    def _follow_whole(
        self, plan: Plan, parent_id: str, connection: dict[str, Any], previous: _Parent | None
    ) -> None:
        """Queue a newest-first connection to be asked again whole, for twice as many."""
        edges = connection.get(plan["edges"])  # None when left out by @include/@skip
        count = len(edges) if isinstance(edges, list) else None
        if previous is None:
            parent = _Parent(plan, parent_id, connection, None)
            parent.asked = count or 0
            self.pending.append(parent)
            return
        if count is not None and count < previous.asked:
            raise self.error(
                f"{plan['connection']!r} of {parent_id} says it has more but sent {count} of"
                f" the {previous.asked} items asked for"
            )
        self.pending.append(previous)

    def next_request(self) -> tuple[list[_Parent], str, dict[str, Any], str] | None:
        """The next batch of parents (all of one plan) and its query, variables and name."""
        if not self.pending:
            return None
        plan = self.pending[0].plan
        batch: list[_Parent] = []
        later: list[_Parent] = []
        while self.pending and len(batch) < self.parents_per_request:
            parent = self.pending.popleft()
            (batch if parent.plan is plan else later).append(parent)
        self.pending.extendleft(reversed(later))
        variables = {
            name: self.variables[name] for name in plan["variables"] if name in self.variables
        }
        share = self.items_per_request // len(batch)
        if _whole(plan):
            first = max(share, *(2 * max(parent.asked, 1) for parent in batch))
            for parent in batch:
                parent.asked = first
        else:
            first = max(self._first(plan), share)
        variables[plan["first_name"]] = first
        indexes = [str(index) for index in range(len(batch))]
        for index, parent in zip(indexes, batch, strict=True):
            variables[plan["id_name"].replace(PLACEHOLDER, index)] = parent.id
            if not _whole(plan):
                variables[plan["after_name"].replace(PLACEHOLDER, index)] = parent.cursor
        self.requests += 1
        return batch, follow_up_query(plan, len(batch)), variables, plan["operation"]

    def _first(self, plan: Plan) -> int:
        name = plan.get("first_variable")
        value = self.variables[name] if name and name in self.variables else plan.get("first")
        return value if isinstance(value, int) and value > 0 else SERVER_DEFAULT_FIRST

    def accept(self, batch: list[_Parent], answer: dict[str, Any]) -> None:
        """Merge one follow-up answer into the parents of ``batch``."""
        for index, parent in enumerate(batch):
            plan = parent.plan
            alias = plan["alias"].replace(PLACEHOLDER, str(index))
            owners = list(_walk(answer, plan["owner"]))
            nodes = list(_walk(owners[0].get(alias) if owners else None, ("edges", "node")))
            node = next((n for n in nodes if n.get("id") == parent.id), None)
            fetched = node.get(plan["connection"]) if node else None
            if not isinstance(fetched, dict):
                raise self.error(
                    f"{parent.id} was not found again to fetch its {plan['connection']!r}",
                    parent.cursor,
                )
            edges = fetched.get(plan["edges"]) or []
            self.items += len(edges)
            # The page moved the end on (its edges may be left out by @include/@skip).
            primary = fetched.get(plan["page_info"])
            advanced = isinstance(primary, dict) and primary.get(plan["end_cursor"]) is not None
            whole = _whole(plan)  # the whole list again, in the server's order
            for key in plan.get("edges_keys") or (plan["edges"],):
                if not isinstance(parent.connection.get(key), list):
                    continue  # left out of the answer (@include/@skip): stays out
                if whole:
                    parent.connection[key] = list(fetched.get(key) or [])
                else:
                    parent.connection[key].extend(fetched.get(key) or [])
            for key, fields in _page_infos(plan).items():
                page_info = fetched.get(key)
                if key not in parent.connection or not isinstance(page_info, dict):
                    continue  # left out of the answer (@include/@skip): stays out
                if whole:
                    parent.connection[key] = page_info
                else:
                    _merge_page_info(fields, parent.connection[key], page_info, advanced)
            self._follow(plan, parent.id, parent.connection, previous=parent)

    def interrupted(self, error: Exception, batch: list[_Parent]) -> PaginationError:
        message = getattr(error, "message", str(error))
        return self.error(
            f"a follow-up request for {len(batch)} parent(s) failed after {self.requests - 1}"
            f" succeeded: {message}",
            batch[0].cursor,
        )


_FAILURES = (ServerError, TransportError, GraphQLError)


def complete_nested(
    data: dict[str, Any],
    nested: Sequence[Plan],
    variables: Mapping[str, Any],
    send: Send,
    *,
    operation_name: str | None,
    parents_per_request: int = PARENTS_PER_REQUEST,
    items_per_request: int = ITEMS_PER_REQUEST,
) -> dict[str, Any]:
    """Fill in every nested connection of ``data`` that has more items; return ``data``.

    ``send(query, variables, operation_name)`` runs one follow-up and returns
    its ``data``.  ``variables`` are the original operation's (serialized).
    """
    completion = _Completion(
        data,
        nested,
        variables,
        operation_name=operation_name,
        parents_per_request=parents_per_request,
        items_per_request=items_per_request,
    )
    while (request := completion.next_request()) is not None:
        batch, query, values, name = request
        try:
            answer = send(query, values, name)
        except _FAILURES as error:
            raise completion.interrupted(error, batch) from error
        completion.accept(batch, answer)
    _strip_hidden_ids(data, nested)
    return data


async def acomplete_nested(
    data: dict[str, Any],
    nested: Sequence[Plan],
    variables: Mapping[str, Any],
    send: AsyncSend,
    *,
    operation_name: str | None,
    parents_per_request: int = PARENTS_PER_REQUEST,
    items_per_request: int = ITEMS_PER_REQUEST,
) -> dict[str, Any]:
    """Async twin of :func:`complete_nested`."""
    completion = _Completion(
        data,
        nested,
        variables,
        operation_name=operation_name,
        parents_per_request=parents_per_request,
        items_per_request=items_per_request,
    )
    while (request := completion.next_request()) is not None:
        batch, query, values, name = request
        try:
            answer = await send(query, values, name)
        except _FAILURES as error:
            raise completion.interrupted(error, batch) from error
        completion.accept(batch, answer)
    _strip_hidden_ids(data, nested)
    return data
