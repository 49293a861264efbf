"""Relay pagination as the real server pages: opaque cursors, orderings, connections."""

from __future__ import annotations

import base64
import binascii
import bisect
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError, GraphQLResolveInfo

from ayon_gql.testing._nodes import Node

DEFAULT_PAGE_SIZE = 100
Pred = Callable[[Node], bool]


def encode_cursor(value: list[Any]) -> str:
    """Opaque cursor: base64 of compact JSON, like the real server (``[1]`` -> ``WzFd``)."""
    return base64.b64encode(json.dumps(value, separators=(",", ":")).encode()).decode()


def decode_cursor(cursor: str | None) -> list[Any]:
    """Decode a cursor; like the real server, anything undecodable means "no cursor"."""
    if not cursor:
        return []
    try:
        value = json.loads(base64.b64decode(cursor, validate=True).decode())
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return []
    return value if isinstance(value, list) else []


def order_key(node: Node) -> Any:
    """Creation order, the default sort of entity connections."""
    return node["_order"]


def _order_cursor(node: Node) -> list[Any]:
    return [node["_order"]]


def _cursor_last_int(cur: list[Any]) -> Any:
    value = cur[-1]
    return value if isinstance(value, (int, float)) else None


def _cursor_first_str(cur: list[Any]) -> Any:
    value = cur[0]
    return value if isinstance(value, str) else None


def activity_key(node: Node) -> Any:
    """Creation order of activities."""
    return node["creationOrder"]


def _activity_cursor(node: Node) -> list[Any]:
    return [node["createdAt"], node["creationOrder"]]


def _name_key(node: Node) -> Any:
    return node["name"]


def _name_cursor(node: Node) -> list[Any]:
    return [node["name"]]


@dataclass(frozen=True)
class Ordering:
    """How a connection is sorted and what its cursors hold."""

    node_key: Callable[[Node], Any]
    cursor_key: Callable[[list[Any]], Any]
    make_cursor: Callable[[Node], list[Any]]


BY_ORDER = Ordering(order_key, _cursor_last_int, _order_cursor)
BY_ACTIVITY = Ordering(activity_key, _cursor_last_int, _activity_cursor)
BY_NAME = Ordering(_name_key, _cursor_first_str, _name_cursor)


def paginate(
    items: Sequence[Node],
    args: dict[str, Any],
    *,
    preds: Sequence[Pred] = (),
    ordering: Ordering = BY_ORDER,
    default_first: int | None = DEFAULT_PAGE_SIZE,
) -> Node:
    """Relay connection over ``items`` (sorted by ``ordering``) as the real server pages.

    No ``first``/``last`` -> ``default_first`` items.  ``hasNextPage`` is true
    whenever a forward page is full, even when nothing follows (the real
    server's exact-full-last-page quirk); the following page is then empty
    with null cursors.  ``hasPreviousPage`` is only ever set for ``last``.
    """
    first: int | None = args.get("first")
    last: int | None = args.get("last")
    after = decode_cursor(args.get("after"))
    before = decode_cursor(args.get("before"))
    lo, hi = 0, len(items)
    if after:
        key = ordering.cursor_key(after)
        if key is not None:
            lo = bisect.bisect_right(items, key, key=ordering.node_key)
    if before:
        key = ordering.cursor_key(before)
        if key is not None:
            hi = bisect.bisect_left(items, key, key=ordering.node_key)
    if first is None and last is None:
        first = default_first
    page: list[Node] = []
    has_next = has_prev = False
    if first is not None:
        if first < 0:
            raise GraphQLError("first must be a non-negative integer")
        i = lo
        while i < hi and len(page) < first:
            node = items[i]
            if all(p(node) for p in preds):
                page.append(node)
            i += 1
        has_next = first > 0 and len(page) == first
        if last is not None and last >= 0 and len(page) > last:
            page = page[len(page) - last :]
    else:
        assert last is not None
        if last < 0:
            raise GraphQLError("last must be a non-negative integer")
        i = hi - 1
        while i >= lo and len(page) < last:
            node = items[i]
            if all(p(node) for p in preds):
                page.append(node)
            i -= 1
        page.reverse()
        has_prev = last > 0 and len(page) == last
    mk = ordering.make_cursor
    edges = [{"node": n, "_mk": mk} for n in page]
    return {
        "edges": edges,
        "pageInfo": {
            "hasNextPage": has_next,
            "hasPreviousPage": has_prev,
            "startCursor": encode_cursor(mk(page[0])) if page else None,
            "endCursor": encode_cursor(mk(page[-1])) if page else None,
        },
        "fieldStats": [],
    }


def paginate_activities(items: Sequence[Node], args: dict[str, Any], preds: Sequence[Pred]) -> Node:
    """Activities as the real server pages them (``items`` in creation order).

    Unlike other connections, whenever ``last`` is set (an entity's
    ``activities`` default it to 100) the items come newest first, also
    with ``first``: ``first`` then takes the newest items.  ``after:`` and
    ``before:`` still compare in creation order (after: newer than the
    cursor, before: older), so following ``endCursor`` forward does not
    walk such a list.  ``first`` wins over ``last`` for the count.
    """
    first: int | None = args.get("first")
    last: int | None = args.get("last")
    for name, value in (("first", first), ("last", last)):
        if value is not None and value < 0:
            raise GraphQLError(f"{name} must be a non-negative integer")
    cursor = decode_cursor(args.get("before") or args.get("after"))
    key = BY_ACTIVITY.cursor_key(cursor) if cursor else None
    older = bool(args.get("before"))
    chosen = [
        n
        for n in items
        if all(p(n) for p in preds)
        and (key is None or (activity_key(n) < key if older else activity_key(n) > key))
    ]
    if last:
        chosen.reverse()
    count = first if first is not None else last if last is not None else DEFAULT_PAGE_SIZE
    page = chosen[:count]
    mk = BY_ACTIVITY.make_cursor
    return {
        "edges": [{"node": n, "_mk": mk} for n in page],
        "pageInfo": {
            "hasNextPage": bool(first) and len(page) >= (first or 0),
            "hasPreviousPage": not first and bool(last) and len(page) >= (last or 0),
            "startCursor": encode_cursor(mk(page[0])) if page else None,
            "endCursor": encode_cursor(mk(page[-1])) if page else None,
        },
        "fieldStats": [],
    }


def edge_cursor(edge: Node, info: GraphQLResolveInfo) -> str | None:
    """An edge's cursor, built from its node when the edge knows how."""
    mk = edge.get("_mk")
    if mk is None:
        return edge.get("cursor")
    return encode_cursor(mk(edge["node"]))


def empty_connection(*_: Any, **__: Any) -> Node:
    """An empty connection (fields the stand-in does not fill)."""
    return {
        "edges": [],
        "pageInfo": {
            "hasNextPage": False,
            "hasPreviousPage": False,
            "startCursor": None,
            "endCursor": None,
        },
        "fieldStats": [],
    }
