"""Filter arguments as predicates over nodes, and id and subtree lookups."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

from graphql import GraphQLError

from ayon_gql.testing._dataset import Node, ProjectData
from ayon_gql.testing._paging import Pred, order_key


def by_ids(project: ProjectData, ids: Iterable[str], typename: str) -> list[Node]:
    """The nodes of ``typename`` with these ids, in creation order."""
    found = {}
    for i in ids:
        node = project.by_id.get(i)
        if node is not None and node.get("__typename") == typename:
            found[i] = node
    return sorted(found.values(), key=order_key)


def merge_sorted(lists: Iterable[list[Node]]) -> list[Node]:
    """The union of node lists (by id), in creation order."""
    out: dict[str, Node] = {}
    for lst in lists:
        for n in lst:
            out[n["id"]] = n
    return sorted(out.values(), key=order_key)


def one_of(field_name: str, values: Sequence[Any] | None) -> Pred | None:
    """``node[field_name]`` is one of ``values`` (None: no filter)."""
    if values is None:
        return None
    allowed = set(values)
    return lambda n: n.get(field_name) in allowed


def tags_all(values: Sequence[str] | None) -> Pred | None:
    """The node has every tag in ``values``."""
    if not values:
        return None
    wanted = set(values)
    return lambda n: wanted.issubset(n.get("tags") or ())


def tags_any(values: Sequence[str] | None) -> Pred | None:
    """The node has one of ``values`` (an empty list: any tag at all)."""
    if values is None:
        return None
    wanted = set(values)
    if not wanted:
        return lambda n: bool(n.get("tags"))
    return lambda n: not wanted.isdisjoint(n.get("tags") or ())


def regex(field_name: str, pattern: str | None, flags: int = 0) -> Pred | None:
    """``node[field_name]`` matches the regular expression ``pattern``."""
    if pattern is None:
        return None
    try:
        rx = re.compile(pattern, flags)
    except re.error as exc:
        raise GraphQLError(f"Invalid regular expression: {exc}") from None
    return lambda n: rx.search(n.get(field_name) or "") is not None


def like(field_name: str, pattern: str | None) -> Pred | None:
    """SQL ``ILIKE`` with ``%`` wildcards."""
    if pattern is None:
        return None
    rx = re.compile(
        "^" + ".*".join(re.escape(part) for part in pattern.split("%")) + "$", re.IGNORECASE
    )
    return lambda n: rx.match(n.get("name") or "") is not None


def attributes_match(values: Sequence[dict[str, Any]] | None) -> Pred | None:
    """Every named attribute has one of the given values."""
    if not values:
        return None
    conds = [(v["name"], {str(x) for x in v["values"]}) for v in values]

    def pred(n: Node) -> bool:
        attrib = n.get("attrib") or {}
        for name, allowed in conds:
            value = attrib.get(name)
            if value is None or str(value) not in allowed:
                return False
        return True

    return pred


def search(values: Sequence[str], needle: str | None) -> Pred | None:
    """``needle`` occurs (case-insensitively) in one of the fields ``values``."""
    if not needle:
        return None
    low = needle.lower()
    return lambda n: any(low in str(n.get(k) or "").lower() for k in values)


def timestamp(value: str, arg: str) -> str:
    """An ISO timestamp argument normalised to the server's format (UTC)."""
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise GraphQLError(f"Invalid datetime value for {arg}: {value}") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).isoformat(timespec="microseconds")


def flag_is(key: str, want: bool) -> Pred:
    """``node[key]`` is truthy exactly when ``want`` is."""
    return lambda n: bool(n.get(key)) == want


def predicates(*items: Pred | None) -> list[Pred]:
    """The given predicates without the Nones (filters not asked for)."""
    return [p for p in items if p is not None]


def has_links(project: ProjectData, mode: str | None) -> Pred | None:
    """The ``hasLinks`` filter: ``NONE``, ``IN``, ``OUT``, ``BOTH`` or ``ANY``."""
    if mode is None:
        return None

    def pred(n: Node) -> bool:
        dirs = {d for _, d in project.links_by_entity.get(n["id"], [])}
        if mode == "NONE":
            return not dirs
        if mode == "IN":
            return "in" in dirs
        if mode == "OUT":
            return "out" in dirs
        if mode == "BOTH":
            return dirs == {"in", "out"}
        return bool(dirs)

    return pred


def subtree_ids(project: ProjectData, roots: Iterable[str]) -> set[str]:
    """The ids of the folders ``roots`` and of everything below them."""
    out: set[str] = set()
    stack = list(roots)
    while stack:
        fid = stack.pop()
        if fid in out:
            continue
        out.add(fid)
        stack.extend(c["id"] for c in project.children.get(fid, []))
    return out
