"""GraphQL execution for the stand-in server.

The schema is never written by hand: it is built from the project's schema
snapshot (``schema/ayon.graphql``) and resolvers are attached to the built
schema's fields.  Nodes are the dataset's plain dicts, read by a default field
resolver that falls back to a neutral value for non-null fields the dataset
does not store (``False``, ``""``, ``0``, ``[]``), so every field of the
snapshot can be queried.

Parsed and validated documents are cached by query text, so a client paging
through thousands of nodes pays for parsing once.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import functools
import importlib.util
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    GraphQLSchema,
    build_schema,
    execute_sync,
    parse,
    validate,
)

from ayon_gql.testing._dataset import PRODUCT_TYPES, Dataset, Node, ProjectData
from ayon_gql.testing._execution import FastLeafExecutionContext

_REPO_ROOT = Path(__file__).resolve().parents[2]
# The snapshot in a checkout; the generated client ships a copy of it.
DEFAULT_SCHEMA_PATH = _REPO_ROOT / "schema" / "ayon.graphql"
DEFAULT_PAGE_SIZE = 100

Resolver = Callable[..., Any]


@dataclass
class RequestContext:
    """Per-request state handed to resolvers as ``info.context``."""

    dataset: Dataset
    user: Node


# --------------------------------------------------------------------------- cursors


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


def _order_key(node: Node) -> Any:
    return node["_order"]


def _order_cursor(node: Node) -> list[Any]:
    return [node["_order"]]


def _cursor_last_int(cur: list[Any]) -> Any:
    value = cur[-1]
    return value if isinstance(value, (int, float)) else None


def _cursor_first_str(cur: list[Any]) -> Any:
    value = cur[0]
    return value if isinstance(value, str) else None


def _activity_key(node: Node) -> Any:
    return node["creationOrder"]


def _activity_cursor(node: Node) -> list[Any]:
    return [node["createdAt"], node["creationOrder"]]


def _name_key(node: Node) -> Any:
    return node["name"]


def _name_cursor(node: Node) -> list[Any]:
    return [node["name"]]


@dataclass(frozen=True)
class _Ordering:
    node_key: Callable[[Node], Any]
    cursor_key: Callable[[list[Any]], Any]
    make_cursor: Callable[[Node], list[Any]]


_BY_ORDER = _Ordering(_order_key, _cursor_last_int, _order_cursor)
_BY_ACTIVITY = _Ordering(_activity_key, _cursor_last_int, _activity_cursor)
_BY_NAME = _Ordering(_name_key, _cursor_first_str, _name_cursor)

Pred = Callable[[Node], bool]


def paginate(
    items: Sequence[Node],
    args: dict[str, Any],
    *,
    preds: Sequence[Pred] = (),
    ordering: _Ordering = _BY_ORDER,
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


def _edge_cursor(edge: Node, info: GraphQLResolveInfo) -> str | None:
    mk = edge.get("_mk")
    if mk is None:
        return edge.get("cursor")
    return encode_cursor(mk(edge["node"]))


def _empty_connection(*_: Any, **__: Any) -> Node:
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


# --------------------------------------------------------------------------- helpers


def _ctx(info: GraphQLResolveInfo) -> RequestContext:
    ctx = info.context
    assert isinstance(ctx, RequestContext)
    return ctx


def _project(info: GraphQLResolveInfo, source: Node) -> ProjectData:
    project = _ctx(info).dataset.project(source["projectName"])
    assert project is not None
    return project


def _json_text(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def _by_ids(project: ProjectData, ids: Iterable[str], typename: str) -> list[Node]:
    found = {}
    for i in ids:
        node = project.by_id.get(i)
        if node is not None and node.get("__typename") == typename:
            found[i] = node
    return sorted(found.values(), key=_order_key)


def _merge(lists: Iterable[list[Node]]) -> list[Node]:
    out: dict[str, Node] = {}
    for lst in lists:
        for n in lst:
            out[n["id"]] = n
    return sorted(out.values(), key=_order_key)


def _in(field_name: str, values: Sequence[Any] | None) -> Pred | None:
    if values is None:
        return None
    allowed = set(values)
    return lambda n: n.get(field_name) in allowed


def _tags_all(values: Sequence[str] | None) -> Pred | None:
    if not values:
        return None
    wanted = set(values)
    return lambda n: wanted.issubset(n.get("tags") or ())


def _tags_any(values: Sequence[str] | None) -> Pred | None:
    if values is None:
        return None
    wanted = set(values)
    if not wanted:
        return lambda n: bool(n.get("tags"))
    return lambda n: not wanted.isdisjoint(n.get("tags") or ())


def _regex(field_name: str, pattern: str | None, flags: int = 0) -> Pred | None:
    if pattern is None:
        return None
    try:
        rx = re.compile(pattern, flags)
    except re.error as exc:
        raise GraphQLError(f"Invalid regular expression: {exc}") from None
    return lambda n: rx.search(n.get(field_name) or "") is not None


def _like(field_name: str, pattern: str | None) -> Pred | None:
    """SQL ``ILIKE`` with ``%`` wildcards."""
    if pattern is None:
        return None
    rx = re.compile(
        "^" + ".*".join(re.escape(part) for part in pattern.split("%")) + "$", re.IGNORECASE
    )
    return lambda n: rx.match(n.get("name") or "") is not None


def _attributes(values: Sequence[dict[str, Any]] | None) -> Pred | None:
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


def _search(values: Sequence[str], needle: str | None) -> Pred | None:
    if not needle:
        return None
    low = needle.lower()
    return lambda n: any(low in str(n.get(k) or "").lower() for k in values)


def _timestamp(value: str, arg: str) -> str:
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise GraphQLError(f"Invalid datetime value for {arg}: {value}") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _flag_is(key: str, want: bool) -> Pred:
    return lambda n: bool(n.get(key)) == want


def _preds(*items: Pred | None) -> list[Pred]:
    return [p for p in items if p is not None]


def _has_links(project: ProjectData, mode: str | None) -> Pred | None:
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


def _subtree_ids(project: ProjectData, roots: Iterable[str]) -> set[str]:
    out: set[str] = set()
    stack = list(roots)
    while stack:
        fid = stack.pop()
        if fid in out:
            continue
        out.add(fid)
        stack.extend(c["id"] for c in project.children.get(fid, []))
    return out


# --------------------------------------------------------------------------- root


def _resolve_project(source: Any, info: GraphQLResolveInfo, **args: Any) -> Node:
    ds = _ctx(info).dataset
    name = args.get("name")
    if not name and args.get("code"):
        name = ds.project_name_by_code(args["code"])
    node = ds.project_node(name) if name else None
    if node is None:
        raise GraphQLError("Project not found", extensions={"status": 404})
    return node


def _resolve_projects(source: Any, info: GraphQLResolveInfo, **args: Any) -> Node:
    ds = _ctx(info).dataset
    nodes = [n for name in ds.project_names() if (n := ds.project_node(name)) is not None]
    preds = _preds(
        _in("name", [args["name"]] if args.get("name") else None),
        _in("code", [args["code"]] if args.get("code") else None),
    )
    return paginate(nodes, args, preds=preds, ordering=_BY_NAME)


def _resolve_users(source: Any, info: GraphQLResolveInfo, **args: Any) -> Node:
    ds = _ctx(info).dataset
    names = args.get("names")
    if args.get("name"):
        names = [args["name"]]
    preds = _preds(_in("name", names))
    if args.get("emails") is not None:
        emails = set(args["emails"])
        preds.append(lambda u: u["attrib"].get("email") in emails)
    projects = list(args.get("projects") or [])
    if args.get("projectName"):
        projects.append(args["projectName"])
    if projects:
        wanted = set(projects)
        preds.append(
            lambda u: bool(u["isAdmin"] or u["isManager"] or wanted & set(u["_accessGroups"]))
        )
    return paginate(ds.users, args, preds=preds, ordering=_BY_NAME)


def _resolve_user(source: Any, info: GraphQLResolveInfo, name: str) -> Node:
    user = _ctx(info).dataset.users_by_name.get(name)
    if user is None:
        raise GraphQLError(f"User {name} not found", extensions={"status": 404})
    return user


def _resolve_me(source: Any, info: GraphQLResolveInfo) -> Node:
    return _ctx(info).user


def _resolve_product_types(source: Any, info: GraphQLResolveInfo) -> list[Node]:
    return PRODUCT_TYPES


# --------------------------------------------------------------------------- project


def _folders_conn(
    project: ProjectData, args: dict[str, Any], base: list[Node] | None = None
) -> Node:
    items: list[Node] = project.folders if base is None else base
    ids = args.get("ids")
    parent_ids: list[str | None] | None = None
    if args.get("parentId") is not None:
        parent_ids = [None if args["parentId"] == "root" else args["parentId"]]
    if args.get("parentIds") is not None:
        pids = [None if p == "root" else p for p in args["parentIds"]]
        parent_ids = pids if parent_ids is None else [p for p in parent_ids if p in pids]
    if ids is not None:
        if args.get("includeFolderChildren"):
            ids = list(_subtree_ids(project, ids))
        items = (
            [n for n in _by_ids(project, ids, "FolderNode") if n in items]
            if base
            else _by_ids(project, ids, "FolderNode")
        )
    elif parent_ids is not None:
        items = _merge(project.children.get(p, []) for p in parent_ids)
        if args.get("includeFolderChildren"):
            items = _merge(
                [
                    items,
                    _by_ids(project, _subtree_ids(project, [n["id"] for n in items]), "FolderNode"),
                ]
            )
    paths = args.get("paths")
    assignees = args.get("assignees")
    preds = _preds(
        _in("folderType", args.get("folderTypes")),
        _in("status", args.get("statuses")),
        _tags_all(args.get("tags")),
        _in(
            "path",
            [p if p.startswith("/") else "/" + p for p in paths] if paths is not None else None,
        ),
        _regex("path", args.get("pathEx")),
        _like("name", args.get("name")),
        _in("name", args.get("names")),
        _attributes(args.get("attributes")),
        _search(("name", "label", "path"), args.get("search")),
        _has_links(project, args.get("hasLinks")),
    )
    for flag in ("hasChildren", "hasProducts", "hasTasks"):
        if args.get(flag) is not None:
            preds.append(_flag_is(flag, bool(args[flag])))
    if assignees is not None:
        wanted = set(assignees)
        preds.append(
            lambda n: any(
                wanted & set(t["assignees"]) for t in project.tasks_by_folder.get(n["id"], [])
            )
        )
    return paginate(items, args, preds=preds)


def _tasks_conn(project: ProjectData, args: dict[str, Any], base: list[Node] | None = None) -> Node:
    items = project.tasks if base is None else base
    folder_ids = args.get("folderIds")
    if folder_ids is not None and args.get("includeFolderChildren"):
        folder_ids = list(_subtree_ids(project, folder_ids))
    if args.get("ids") is not None:
        items = _by_ids(project, args["ids"], "TaskNode")
    elif folder_ids is not None and base is None:
        items = _merge(project.tasks_by_folder.get(f, []) for f in folder_ids)
    preds = _preds(
        _in("folderId", folder_ids),
        _in("taskType", args.get("taskTypes")),
        _in("name", args.get("names")),
        _in("status", args.get("statuses")),
        _tags_all(args.get("tags")),
        _tags_any(args.get("tagsAny")),
        _attributes(args.get("attributes")),
        _search(("name", "label", "taskType"), args.get("search")),
        _has_links(project, args.get("hasLinks")),
    )
    if base is not None:
        preds.extend(_preds(_in("id", args.get("ids"))))
    if args.get("assignees") is not None:
        wanted = set(args["assignees"])
        preds.append(
            (lambda n: set(n["assignees"]) >= wanted) if wanted else (lambda n: not n["assignees"])
        )
    if args.get("assigneesAny") is not None:
        any_of = set(args["assigneesAny"])
        preds.append(
            (lambda n: bool(any_of & set(n["assignees"])))
            if any_of
            else (lambda n: bool(n["assignees"]))
        )
    return paginate(items, args, preds=preds)


def _products_conn(
    project: ProjectData, args: dict[str, Any], base: list[Node] | None = None
) -> Node:
    items = project.products if base is None else base
    folder_ids = args.get("folderIds")
    if folder_ids is not None and args.get("includeFolderChildren"):
        folder_ids = list(_subtree_ids(project, folder_ids))
    if args.get("ids") is not None:
        items = _by_ids(project, args["ids"], "ProductNode")
    elif folder_ids is not None and base is None:
        items = _merge(project.products_by_folder.get(f, []) for f in folder_ids)
    names_ci = args.get("namesCi")
    preds = _preds(
        _in("folderId", folder_ids),
        _in("id", args.get("ids")) if base is not None else None,
        _in("name", args.get("names")),
        _regex("name", args.get("nameEx")),
        _regex("path", args.get("pathEx")),
        _in("productType", args.get("productTypes")),
        _in("productBaseType", args.get("productBaseTypes")),
        _in("status", args.get("statuses")),
        _tags_all(args.get("tags")),
        _search(("name", "productType", "path"), args.get("search")),
        _has_links(project, args.get("hasLinks")),
    )
    if names_ci is not None:
        lowered = {n.lower() for n in names_ci}
        preds.append(lambda n: n["name"].lower() in lowered)
    return paginate(items, args, preds=preds)


def _versions_conn(
    project: ProjectData, args: dict[str, Any], base: list[Node] | None = None
) -> Node:
    items = project.versions if base is None else base
    folder_ids = args.get("folderIds")
    if folder_ids is not None and args.get("includeFolderChildren"):
        folder_ids = list(_subtree_ids(project, folder_ids))
    product_ids = args.get("productIds")
    task_ids = args.get("taskIds")
    if base is None:
        if args.get("ids") is not None:
            items = _by_ids(project, args["ids"], "VersionNode")
        elif product_ids is not None:
            items = _merge(project.versions_by_product.get(p, []) for p in product_ids)
        elif task_ids is not None:
            items = _merge(project.versions_by_task.get(t, []) for t in task_ids)
        elif folder_ids is not None:
            items = _merge(
                project.versions_by_product[pr["id"]]
                for f in folder_ids
                for pr in project.products_by_folder.get(f, [])
            )
    preds = _preds(
        _in("id", args.get("ids")) if base is not None else None,
        _in("productId", product_ids),
        _in("taskId", task_ids),
        _in("status", args.get("statuses")),
        _tags_all(args.get("tags")),
        _in("author", args.get("authors")),
        _in("version", args.get("versions")),
        _in("version", [args["version"]] if args.get("version") is not None else None),
        _search(("name", "author", "path"), args.get("search")),
        _has_links(project, args.get("hasLinks")),
    )
    if folder_ids is not None:
        fset = set(folder_ids)
        preds.append(lambda n: n["_product"]["folderId"] in fset)
    if args.get("hasReviewables") is not None:
        want = bool(args["hasReviewables"])
        preds.append(lambda n: bool(n.get("hasReviewables")) == want)
    if args.get("latestOnly"):
        preds.append(lambda n: bool(n["isLatest"]))
    if args.get("heroOnly"):
        preds.append(lambda n: n["version"] < 0)
    if args.get("heroOrLatestOnly"):

        def hero_or_latest(n: Node) -> bool:
            if n["version"] < 0:
                return True
            if not n["isLatest"]:
                return False
            return not any(v["version"] < 0 for v in project.versions_by_product[n["productId"]])

        preds.append(hero_or_latest)
    featured = args.get("featuredOnly")
    if featured:
        preds.append(lambda n: _featured(project, n["productId"], featured) is n)
    return paginate(items, args, preds=preds)


def _featured(project: ProjectData, product_id: str, order: Sequence[str]) -> Node | None:
    versions = project.versions_by_product.get(product_id, [])
    for flag in order:
        for v in reversed(versions):
            if flag == "hero" and v["version"] < 0:
                return v
            if flag == "latestDone" and v["isLatestDone"]:
                return v
            if flag == "latest" and v["isLatest"]:
                return v
    return None


def _reps_conn(project: ProjectData, args: dict[str, Any], base: list[Node] | None = None) -> Node:
    items = project.representations if base is None else base
    version_ids = args.get("versionIds")
    if base is None:
        if args.get("ids") is not None:
            items = _by_ids(project, args["ids"], "RepresentationNode")
        elif version_ids is not None:
            items = _merge(project.reps_by_version.get(v, []) for v in version_ids)
    preds = _preds(
        _in("id", args.get("ids")) if base is not None else None,
        _in("versionId", version_ids),
        _in("name", args.get("names")),
        _in("status", args.get("statuses")),
        _tags_all(args.get("tags")),
        _search(("name", "path"), args.get("search")),
        _has_links(project, args.get("hasLinks")),
    )
    return paginate(items, args, preds=preds)


def _activities_conn(
    project: ProjectData, args: dict[str, Any], base: list[Node] | None = None
) -> Node:
    items = project.activities if base is None else base
    entity_ids = args.get("entityIds")
    if base is None and entity_ids is not None:
        merged: dict[str, Node] = {}
        for e in entity_ids:
            for a in project.activities_by_entity.get(e, []):
                merged[a["referenceId"]] = a
        items = sorted(merged.values(), key=_activity_key)
    preds = _preds(
        _in("entityType", [args["entityType"]] if args.get("entityType") else None),
        _in("entityId", entity_ids),
        _in("entityName", args.get("entityNames")),
        _in("activityType", args.get("activityTypes")),
        _in("referenceType", args.get("referenceTypes")),
        _in("activityId", args.get("activityIds")),
        _tags_all(args.get("tags")),
        _in("_author", args.get("authors")),
    )
    if args.get("changedAfter"):
        after = _timestamp(args["changedAfter"], "changedAfter")
        preds.append(lambda n: n["updatedAt"] > after)
    if args.get("changedBefore"):
        before = _timestamp(args["changedBefore"], "changedBefore")
        preds.append(lambda n: n["updatedAt"] < before)
    return paginate(items, args, preds=preds, ordering=_BY_ACTIVITY)


def _project_links(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    project = _project(info, source)
    items: list[Node] = project.links
    entity_ids = args.get("entityIds")
    if entity_ids is not None:
        merged: dict[str, Node] = {}
        for e in entity_ids:
            for link, _ in project.links_by_entity.get(e, []):
                merged[link["id"]] = link
        items = sorted(merged.values(), key=_order_key)
    preds = _preds(
        _in("id", args.get("ids")),
        _in("inputId", args.get("inputIds")),
        _in("outputId", args.get("outputIds")),
        _link_types(args.get("linkTypes")),
        _in("inputType", args.get("inputTypes")),
        _in("outputType", args.get("outputTypes")),
        _in("name", args.get("names")),
        _regex("name", args.get("nameEx")),
    )
    conn = paginate(items, args, preds=preds)
    by_id = project.by_id
    conn["edges"] = [
        dict(
            e["node"],
            cursor=encode_cursor([e["node"]["_order"]]),
            inputNode=by_id.get(e["node"]["inputId"]),
            outputNode=by_id.get(e["node"]["outputId"]),
        )
        for e in conn["edges"]
    ]
    return conn


def _link_types(values: Sequence[str] | None) -> Pred | None:
    if values is None:
        return None
    allowed = set(values)
    return lambda n: n["linkType"] in allowed or n["linkType"].split("|")[0] in allowed


def _entity_links(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    project = _project(info, source)
    direction = args.get("direction")
    type_pred = _link_types(args.get("linkTypes"))
    name_pred = _in("name", args.get("names"))
    rx = _regex("name", args.get("nameEx"))
    edges: list[Node] = []
    for link, d in project.links_by_entity.get(source["id"], []):
        if direction and d != direction:
            continue
        if (type_pred and not type_pred(link)) or (name_pred and not name_pred(link)):
            continue
        if rx and not rx(link):
            continue
        other = link["inputId"] if d == "in" else link["outputId"]
        other_type = link["inputType"] if d == "in" else link["outputType"]
        edges.append(
            {
                "_order": link["_order"],
                "id": link["id"],
                "projectName": project.name,
                "entityType": other_type,
                "entityId": other,
                "name": link["name"],
                "linkType": link["linkType"].split("|")[0],
                "direction": d,
                "description": "",
                "author": link["author"],
                "data": link["data"],
                "node": project.by_id.get(other),
            }
        )
    conn = paginate(edges, args)
    conn["edges"] = [
        dict(e["node"], cursor=encode_cursor([e["node"]["_order"]])) for e in conn["edges"]
    ]
    return conn


def _project_conn(fn: Callable[[ProjectData, dict[str, Any]], Node]) -> Resolver:
    def resolve(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
        return fn(_project(info, source), args)

    return resolve


def _project_entity(typename: str) -> Resolver:
    def resolve(source: Node, info: GraphQLResolveInfo, id: str) -> Node | None:
        node = _project(info, source).by_id.get(id)
        if node is None or node.get("__typename") != typename:
            return None
        return node

    return resolve


# --------------------------------------------------------------------------- nested


def _folder_tasks(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    project = _project(info, source)
    return _tasks_conn(project, args, project.tasks_by_folder.get(source["id"], []))


def _folder_products(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    project = _project(info, source)
    if args.get("includeFolderChildren"):
        base = _merge(
            project.products_by_folder.get(f, []) for f in _subtree_ids(project, [source["id"]])
        )
    else:
        base = project.products_by_folder.get(source["id"], [])
    return _products_conn(project, args, base)


def _product_versions(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    project = _project(info, source)
    return _versions_conn(project, args, project.versions_by_product.get(source["id"], []))


def _task_versions(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    project = _project(info, source)
    return _versions_conn(project, args, project.versions_by_task.get(source["id"], []))


def _version_reps(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    project = _project(info, source)
    return _reps_conn(project, args, project.reps_by_version.get(source["id"], []))


def _entity_activities(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    project = _project(info, source)
    base = project.activities_by_entity.get(source["id"], [])
    if args.get("first") is not None:
        args = {**args, "last": None}
    return _activities_conn(project, args, base)


def _ref(key: str, typename: str | None = None) -> Resolver:
    """Resolve an id stored under ``key`` to the node it names."""

    def resolve(source: Node, info: GraphQLResolveInfo) -> Node | None:
        ident = source.get(key)
        if not ident:
            return None
        node = _project(info, source).by_id.get(ident)
        if node is None or (typename and node.get("__typename") != typename):
            return None
        return node

    return resolve


def _latest_version(source: Node, info: GraphQLResolveInfo) -> Node | None:
    versions = _project(info, source).versions_by_product.get(source["id"], [])
    for v in reversed(versions):
        if v["isLatest"]:
            return v
    return None


def _featured_version(
    source: Node, info: GraphQLResolveInfo, order: list[str] | None = None
) -> Node | None:
    return _featured(
        _project(info, source), source["id"], order or ["hero", "latestDone", "latest"]
    )


def _version_list(source: Node, info: GraphQLResolveInfo) -> list[Node]:
    versions = _project(info, source).versions_by_product.get(source["id"], [])
    return [{"id": v["id"], "version": v["version"], "name": v["name"]} for v in versions]


def _parents(source: Node, info: GraphQLResolveInfo) -> list[str]:
    path = source.get("path") or ""
    parts = [p for p in path.split("/") if p]
    if source.get("__typename") == "FolderNode":
        return parts[:-1]
    if source.get("__typename") == "RepresentationNode":
        version = source["_version"]
        return [*_parents(version, info), version["name"]]
    return parts[:-1]


def _all_attrib(source: Node, info: GraphQLResolveInfo) -> str:
    return _json_text({k: v for k, v in (source.get("attrib") or {}).items() if v is not None})


def _version_data(source: Node, info: GraphQLResolveInfo) -> str:
    return _json_text({"publishedBy": "standin", "thumbnailHash": source["thumbnailHash"]})


def _rep_context_obj(source: Node) -> Node:
    version = source["_version"]
    product = version["_product"]
    return {
        "ext": source["name"],
        "product": {"name": product["name"], "type": product["productType"]},
        "project": {"name": source["projectName"]},
        "representation": source["name"],
        "version": version["version"],
    }


def _rep_context(source: Node, info: GraphQLResolveInfo) -> str:
    return _json_text(_rep_context_obj(source))


def _rep_data(source: Node, info: GraphQLResolveInfo) -> str:
    return _json_text({"context": _rep_context_obj(source)})


def _origin_parents(entity: Node, project: ProjectData) -> list[Node]:
    kind = entity["type"]
    if kind == "version":
        product = entity["_product"]
        folder = product["_folder"]
        return [
            {
                "id": folder["id"],
                "label": folder["label"],
                "name": folder["name"],
                "subtype": folder["folderType"],
                "type": "folder",
            },
            {
                "id": product["id"],
                "name": product["name"],
                "subtype": product["productType"],
                "type": "product",
            },
        ]
    if kind in ("task", "product"):
        folder = project.by_id[entity["folderId"]]
        return [
            {
                "id": folder["id"],
                "label": folder["label"],
                "name": folder["name"],
                "subtype": folder["folderType"],
                "type": "folder",
            }
        ]
    return []


def _activity_data(source: Node, info: GraphQLResolveInfo) -> str:
    entity = source["_entity"]
    data: Node = {
        "author": source["_author"],
        "origin": {"id": entity["id"], "name": entity["name"], "type": entity["type"]},
        "parents": _origin_parents(entity, _project(info, source)),
    }
    if source.get("_extra"):
        data.update(source["_extra"])
    return _json_text(data)


def _activity_reference_data(source: Node, info: GraphQLResolveInfo) -> str:
    return _json_text({"key": f"{source['referenceType']}-{source['entityId']}"})


def _activity_origin(source: Node, info: GraphQLResolveInfo) -> Node:
    entity = source["_entity"]
    return {
        "id": entity["id"],
        "type": entity["type"],
        "subtype": None,
        "name": entity["name"],
        "label": entity.get("label"),
        "link": f"{entity['type']}:{entity['id']}",
    }


def _activity_parents(source: Node, info: GraphQLResolveInfo) -> list[Node]:
    return [
        {**p, "label": p.get("label"), "link": f"{p['type']}:{p['id']}"}
        for p in _origin_parents(source["_entity"], _project(info, source))
    ]


def _activity_author(source: Node, info: GraphQLResolveInfo) -> Node | None:
    return _ctx(info).dataset.users_by_name.get(source["_author"])


def _activity_version(source: Node, info: GraphQLResolveInfo) -> Node | None:
    entity = source["_entity"]
    return entity if entity["type"] == "version" else None


def _user_tasks(source: Node, info: GraphQLResolveInfo, projectName: str) -> Node:
    project = _ctx(info).dataset.project(projectName)
    if project is None:
        raise GraphQLError("Project not found", extensions={"status": 404})
    return _tasks_conn(project, {"assignees": [source["name"]]})


def _user_access_groups(source: Node, info: GraphQLResolveInfo) -> str:
    return str(source["accessGroups"])


def _project_config(source: Node, info: GraphQLResolveInfo) -> str:
    return str(source["config"])


def _project_types(key: str) -> Resolver:
    def resolve(source: Node, info: GraphQLResolveInfo, activeOnly: bool = False) -> Any:
        return source[key]

    return resolve


# --------------------------------------------------------------------------- schema


def _neutral(type_: Any) -> Any:
    if not isinstance(type_, GraphQLNonNull):
        return None
    inner = type_.of_type
    if isinstance(inner, GraphQLList):
        return []
    if isinstance(inner, GraphQLScalarType):
        return {"Boolean": False, "String": "", "Int": 0, "Float": 0.0, "ID": ""}.get(inner.name)
    return None


def _default_resolver(defaults: dict[str, Any]) -> Resolver:
    """Read ``source[field]``; fall back to the field's neutral value."""

    def resolve(source: Any, info: GraphQLResolveInfo, **_: Any) -> Any:
        if isinstance(source, dict):
            try:
                return source[info.field_name]
            except KeyError:
                return defaults.get(info.field_name)
        return getattr(source, info.field_name, None)

    resolve.plain_key_lookup = defaults  # type: ignore[attr-defined]  # see _execution
    return resolve


def _set(schema: GraphQLSchema, type_name: str, field_name: str, fn: Resolver) -> None:
    type_ = schema.type_map.get(type_name)
    if isinstance(type_, GraphQLObjectType) and field_name in type_.fields:
        type_.fields[field_name].resolve = fn


def _serialize_datetime(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat(timespec="microseconds")
    return str(value)


def attach_resolvers(schema: GraphQLSchema) -> GraphQLSchema:
    """Attach the stand-in's resolvers to a schema built from the snapshot."""
    dt = schema.type_map.get("DateTime")
    if isinstance(dt, GraphQLScalarType):
        dt.serialize = _serialize_datetime  # type: ignore[method-assign]
    js = schema.type_map.get("JSON")
    if isinstance(js, GraphQLScalarType):
        js.serialize = lambda value: value  # type: ignore[method-assign]

    for type_ in schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        defaults = {name: _neutral(f.type) for name, f in type_.fields.items()}
        defaults["active"] = True if "active" in defaults else None
        default = _default_resolver(defaults)
        for f in type_.fields.values():
            f.resolve = default
            inner = f.type.of_type if isinstance(f.type, GraphQLNonNull) else f.type
            if isinstance(inner, GraphQLObjectType) and inner.name.endswith("Connection"):
                f.resolve = _empty_connection
        if type_.name.endswith("Edge") and "cursor" in type_.fields:
            type_.fields["cursor"].resolve = _edge_cursor

    root: list[tuple[str, Resolver]] = [
        ("project", _resolve_project),
        ("projects", _resolve_projects),
        ("users", _resolve_users),
        ("user", _resolve_user),
        ("me", _resolve_me),
        ("productTypes", _resolve_product_types),
    ]
    for name, fn in root:
        _set(schema, "Query", name, fn)

    p = "ProjectNode"
    _set(schema, p, "folders", _project_conn(_folders_conn))
    _set(schema, p, "tasks", _project_conn(_tasks_conn))
    _set(schema, p, "products", _project_conn(_products_conn))
    _set(schema, p, "versions", _project_conn(_versions_conn))
    _set(schema, p, "representations", _project_conn(_reps_conn))
    _set(schema, p, "activities", _project_conn(_activities_conn))
    _set(schema, p, "links", _project_links)
    _set(schema, p, "config", _project_config)
    for name, typename in (
        ("folder", "FolderNode"),
        ("task", "TaskNode"),
        ("product", "ProductNode"),
        ("version", "VersionNode"),
        ("representation", "RepresentationNode"),
    ):
        _set(schema, p, name, _project_entity(typename))
    for key in ("taskTypes", "folderTypes", "linkTypes"):
        _set(schema, p, key, _project_types(key))

    for t in (
        "FolderNode",
        "TaskNode",
        "ProductNode",
        "VersionNode",
        "RepresentationNode",
        "WorkfileNode",
    ):
        _set(schema, t, "links", _entity_links)
        _set(schema, t, "activities", _entity_activities)
        _set(schema, t, "allAttrib", _all_attrib)
        _set(schema, t, "parents", _parents)
    _set(schema, "FolderNode", "tasks", _folder_tasks)
    _set(schema, "FolderNode", "products", _folder_products)
    _set(schema, "FolderNode", "parent", _ref("parentId", "FolderNode"))
    _set(schema, "TaskNode", "folder", _ref("folderId", "FolderNode"))
    _set(schema, "TaskNode", "Folder", _ref("folderId", "FolderNode"))
    _set(schema, "TaskNode", "versions", _task_versions)
    _set(schema, "ProductNode", "folder", _ref("folderId", "FolderNode"))
    _set(schema, "ProductNode", "Folder", _ref("folderId", "FolderNode"))
    _set(schema, "ProductNode", "versions", _product_versions)
    _set(schema, "ProductNode", "latestVersion", _latest_version)
    _set(schema, "ProductNode", "featuredVersion", _featured_version)
    _set(schema, "ProductNode", "versionList", _version_list)
    _set(schema, "VersionNode", "product", _ref("productId", "ProductNode"))
    _set(schema, "VersionNode", "task", _ref("taskId", "TaskNode"))
    _set(schema, "VersionNode", "representations", _version_reps)
    _set(schema, "VersionNode", "data", _version_data)
    _set(schema, "RepresentationNode", "version", _ref("versionId", "VersionNode"))
    _set(schema, "RepresentationNode", "context", _rep_context)
    _set(schema, "RepresentationNode", "data", _rep_data)
    _set(schema, "ActivityNode", "activityData", _activity_data)
    _set(schema, "ActivityNode", "referenceData", _activity_reference_data)
    _set(schema, "ActivityNode", "origin", _activity_origin)
    _set(schema, "ActivityNode", "parents", _activity_parents)
    _set(schema, "ActivityNode", "author", _activity_author)
    _set(schema, "ActivityNode", "version", _activity_version)
    _set(schema, "UserNode", "tasks", _user_tasks)
    _set(schema, "UserNode", "allAttrib", _all_attrib)
    _set(schema, "UserNode", "accessGroups", _user_access_groups)
    return schema


def _default_schema_path() -> Path:
    """The snapshot bundled with the generated client, else the checkout's copy."""
    spec = importlib.util.find_spec("ayon_gql_generated")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location) / "ayon.graphql"
            if candidate.is_file():
                return candidate
    return DEFAULT_SCHEMA_PATH


@functools.lru_cache(maxsize=8)
def _load_cached(path: str) -> GraphQLSchema:
    sdl = Path(path).read_text(encoding="utf-8")
    return attach_resolvers(build_schema(sdl))


def load_snapshot_schema(path: str | Path | None = None) -> GraphQLSchema:
    """Build the schema snapshot with the stand-in's resolvers attached.

    ``path`` defaults to the project's snapshot, ``schema/ayon.graphql``
    (or the copy installed with the generated client).  Schemas are cached
    per path; the returned object is shared.
    """
    target = Path(path) if path is not None else _default_schema_path()
    if not target.is_file():
        raise FileNotFoundError(f"GraphQL schema snapshot not found: {target}")
    return _load_cached(str(target.resolve()))


# --------------------------------------------------------------------------- execution


class GraphQLExecutor:
    """Executes requests against the snapshot schema with a document cache."""

    def __init__(self, schema: GraphQLSchema, *, cache_size: int = 512) -> None:
        self.schema = schema
        self._cache: OrderedDict[str, tuple[DocumentNode | None, list[GraphQLError]]] = (
            OrderedDict()
        )
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def _document(self, query: str) -> tuple[DocumentNode | None, list[GraphQLError]]:
        with self._lock:
            hit = self._cache.get(query)
            if hit is not None:
                self._cache.move_to_end(query)
                return hit
        try:
            doc: DocumentNode | None = parse(query)
            errors: list[GraphQLError] = []
        except GraphQLError as exc:
            doc, errors = None, [exc]
        if doc is not None:
            errors = list(validate(self.schema, doc))
            if errors:
                doc = None
        with self._lock:
            self._cache[query] = (doc, errors)
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return doc, errors

    def run(
        self,
        query: Any,
        variables: Any,
        operation_name: Any,
        context: RequestContext,
    ) -> Node:
        """Execute one request; returns the JSON-ready response body."""
        if not isinstance(query, str) or not query:
            return {"data": None, "errors": [{"message": "Must provide query string."}]}
        if variables is not None and not isinstance(variables, dict):
            return {"data": None, "errors": [{"message": "Variables must be an object."}]}
        doc, errors = self._document(query)
        if doc is None:
            return {"data": None, "errors": [e.formatted for e in errors]}
        result = execute_sync(
            self.schema,
            doc,
            variable_values=variables,
            operation_name=operation_name if isinstance(operation_name, str) else None,
            context_value=context,
            execution_context_class=FastLeafExecutionContext,
            check_sync=False,
        )
        if result.errors:
            return {"data": result.data, "errors": [e.formatted for e in result.errors]}
        return {"data": result.data}
