"""The root ``events`` field: the event store through GraphQL, filtered and paged
as the real server pages it (``first`` lists the oldest first, ``last`` the
newest first; ``summary`` and ``payload`` are JSON text)."""

from __future__ import annotations

import fnmatch
from typing import Any

from graphql import GraphQLError, GraphQLResolveInfo

from ayon_gql.testing._event_store import EventRecord
from ayon_gql.testing._filters import timestamp
from ayon_gql.testing._paging import decode_cursor, encode_cursor
from ayon_gql.testing._resolver_context import Resolver, json_text, request_context

DEFAULT_PAGE_SIZE = 100


def _node(record: EventRecord) -> dict[str, Any]:
    node = dict(record)
    node["summary"] = json_text(record["summary"] or {})
    node["payload"] = json_text(record["payload"]) if record["payload"] else None
    return node


def _predicate(args: dict[str, Any]) -> Any:
    topics = args.get("topics")
    projects = set(args["projects"]) if args.get("projects") is not None else None
    users = set(args["users"]) if args.get("users") is not None else None
    given = args.get("statuses") if args.get("statuses") is not None else args.get("states")
    statuses = set(given) if given is not None else None
    ids = set(args["ids"]) if args.get("ids") is not None else None
    newer = timestamp(args["newerThan"], "newerThan") if args.get("newerThan") else None
    older = timestamp(args["olderThan"], "olderThan") if args.get("olderThan") else None
    logs = bool(args.get("includeLogs"))

    def keep(record: EventRecord) -> bool:
        topic = record["topic"]
        if topics is not None and not any(fnmatch.fnmatchcase(topic, t) for t in topics):
            return False
        if topics is None and not logs and topic.startswith("log."):
            return False
        if projects is not None and record["project"] not in projects:
            return False
        if users is not None and record["user"] not in users:
            return False
        if statuses is not None and record["status"] not in statuses:
            return False
        if ids is not None and record["id"] not in ids:
            return False
        if newer is not None and not record["createdAt"] > newer:
            return False
        return older is None or record["createdAt"] < older

    return keep


def _resolve_events(source: Any, info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
    store = request_context(info).events
    first: int | None = args.get("first")
    last: int | None = args.get("last")
    if (first is not None and first < 0) or (last is not None and last < 0):
        raise GraphQLError("first and last must be non-negative integers")
    keep = _predicate(args)
    after = decode_cursor(args.get("after"))
    before = decode_cursor(args.get("before"))
    low = after[0] if after and isinstance(after[0], int) else None
    high = before[0] if before and isinstance(before[0], int) else None
    page: list[tuple[int, EventRecord]] = []
    has_next = has_prev = False
    if store is not None:
        with store.lock:
            rows = [
                (order, record)
                for order, record in store.ordered()
                if (low is None or order > low) and (high is None or order < high)
            ]
            if first is None and last is None:
                first = DEFAULT_PAGE_SIZE
            if first is not None:
                page = [(o, _node(r)) for o, r in rows if keep(r)][: first + 1]
                has_next = len(page) > first
                page = page[:first]
            else:
                assert last is not None
                picked = [(o, _node(r)) for o, r in reversed(rows) if keep(r)][: last + 1]
                has_prev = len(picked) > last
                page = picked[:last]
    edges = [{"node": node, "cursor": encode_cursor([order])} for order, node in page]
    return {
        "edges": edges,
        "pageInfo": {
            "hasNextPage": has_next,
            "hasPreviousPage": has_prev,
            "startCursor": edges[0]["cursor"] if edges else None,
            "endCursor": edges[-1]["cursor"] if edges else None,
        },
        "fieldStats": [],
    }


#: (type, field) -> resolver, attached by ``attach_resolvers``.
RESOLVERS: dict[tuple[str, str], Resolver] = {
    ("Query", "events"): _resolve_events,
}
