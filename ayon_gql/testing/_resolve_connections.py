"""Entity connections (folders, tasks, products, versions, representations,
activities), with their filters, at project level and nested under a node."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from graphql import GraphQLResolveInfo

from ayon_gql.testing._dataset import Node, ProjectData
from ayon_gql.testing._filters import (
    attributes_match,
    by_ids,
    flag_is,
    has_links,
    like,
    merge_sorted,
    one_of,
    predicates,
    regex,
    search,
    subtree_ids,
    tags_all,
    tags_any,
    timestamp,
)
from ayon_gql.testing._paging import activity_key, paginate, paginate_activities
from ayon_gql.testing._resolver_context import ENTITY_TYPES, Resolver, project_of


def folders_connection(
    project: ProjectData, args: dict[str, Any], base: list[Node] | None = None
) -> Node:
    """Folders of a project (or of ``base``), filtered and paged."""
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
            ids = list(subtree_ids(project, ids))
        items = (
            [n for n in by_ids(project, ids, "FolderNode") if n in items]
            if base
            else by_ids(project, ids, "FolderNode")
        )
    elif parent_ids is not None:
        items = merge_sorted(project.children.get(p, []) for p in parent_ids)
        if args.get("includeFolderChildren"):
            items = merge_sorted(
                [
                    items,
                    by_ids(project, subtree_ids(project, [n["id"] for n in items]), "FolderNode"),
                ]
            )
    paths = args.get("paths")
    assignees = args.get("assignees")
    preds = predicates(
        one_of("folderType", args.get("folderTypes")),
        one_of("status", args.get("statuses")),
        tags_all(args.get("tags")),
        one_of(
            "path",
            [p if p.startswith("/") else "/" + p for p in paths] if paths is not None else None,
        ),
        regex("path", args.get("pathEx")),
        like("name", args.get("name")),
        one_of("name", args.get("names")),
        attributes_match(args.get("attributes")),
        search(("name", "label", "path"), args.get("search")),
        has_links(project, args.get("hasLinks")),
    )
    for flag in ("hasChildren", "hasProducts", "hasTasks"):
        if args.get(flag) is not None:
            preds.append(flag_is(flag, bool(args[flag])))
    if assignees is not None:
        wanted = set(assignees)
        preds.append(
            lambda n: any(
                wanted & set(t["assignees"]) for t in project.tasks_by_folder.get(n["id"], [])
            )
        )
    return paginate(items, args, preds=preds)


def _folder_ids(project: ProjectData, args: dict[str, Any]) -> list[str] | None:
    """``folderIds``, widened to their subtrees with ``includeFolderChildren``."""
    folder_ids: list[str] | None = args.get("folderIds")
    if folder_ids is not None and args.get("includeFolderChildren"):
        folder_ids = list(subtree_ids(project, folder_ids))
    return folder_ids


def _in_folders(
    project: ProjectData,
    args: dict[str, Any],
    base: list[Node] | None,
    every: list[Node],
    by_folder: dict[str, list[Node]],
    typename: str,
) -> tuple[list[Node], list[str] | None]:
    """The items a folder-scoped connection filters (``base``, the ``ids`` asked
    for, those of the folders asked for, or ``every`` one) and its folder ids."""
    items = every if base is None else base
    folder_ids = _folder_ids(project, args)
    if args.get("ids") is not None:
        items = by_ids(project, args["ids"], typename)
    elif folder_ids is not None and base is None:
        items = merge_sorted(by_folder.get(f, []) for f in folder_ids)
    return items, folder_ids


def tasks_connection(
    project: ProjectData, args: dict[str, Any], base: list[Node] | None = None
) -> Node:
    """Tasks of a project (or of ``base``), filtered and paged."""
    items, folder_ids = _in_folders(
        project, args, base, project.tasks, project.tasks_by_folder, "TaskNode"
    )
    preds = predicates(
        one_of("folderId", folder_ids),
        one_of("taskType", args.get("taskTypes")),
        one_of("name", args.get("names")),
        one_of("status", args.get("statuses")),
        tags_all(args.get("tags")),
        tags_any(args.get("tagsAny")),
        attributes_match(args.get("attributes")),
        search(("name", "label", "taskType"), args.get("search")),
        has_links(project, args.get("hasLinks")),
    )
    if base is not None:
        preds.extend(predicates(one_of("id", args.get("ids"))))
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


def products_connection(
    project: ProjectData, args: dict[str, Any], base: list[Node] | None = None
) -> Node:
    """Products of a project (or of ``base``), filtered and paged."""
    items, folder_ids = _in_folders(
        project, args, base, project.products, project.products_by_folder, "ProductNode"
    )
    names_ci = args.get("namesCi")
    preds = predicates(
        one_of("folderId", folder_ids),
        one_of("id", args.get("ids")) if base is not None else None,
        one_of("name", args.get("names")),
        regex("name", args.get("nameEx")),
        regex("path", args.get("pathEx")),
        one_of("productType", args.get("productTypes")),
        one_of("productBaseType", args.get("productBaseTypes")),
        one_of("status", args.get("statuses")),
        tags_all(args.get("tags")),
        search(("name", "productType", "path"), args.get("search")),
        has_links(project, args.get("hasLinks")),
    )
    if names_ci is not None:
        lowered = {n.lower() for n in names_ci}
        preds.append(lambda n: n["name"].lower() in lowered)
    return paginate(items, args, preds=preds)


def versions_connection(
    project: ProjectData, args: dict[str, Any], base: list[Node] | None = None
) -> Node:
    """Versions of a project (or of ``base``), filtered and paged."""
    items = project.versions if base is None else base
    folder_ids = _folder_ids(project, args)
    product_ids = args.get("productIds")
    task_ids = args.get("taskIds")
    if base is None:
        if args.get("ids") is not None:
            items = by_ids(project, args["ids"], "VersionNode")
        elif product_ids is not None:
            items = merge_sorted(project.versions_by_product.get(p, []) for p in product_ids)
        elif task_ids is not None:
            items = merge_sorted(project.versions_by_task.get(t, []) for t in task_ids)
        elif folder_ids is not None:
            items = merge_sorted(
                project.versions_by_product[pr["id"]]
                for f in folder_ids
                for pr in project.products_by_folder.get(f, [])
            )
    preds = predicates(
        one_of("id", args.get("ids")) if base is not None else None,
        one_of("productId", product_ids),
        one_of("taskId", task_ids),
        one_of("status", args.get("statuses")),
        tags_all(args.get("tags")),
        one_of("author", args.get("authors")),
        one_of("version", args.get("versions")),
        one_of("version", [args["version"]] if args.get("version") is not None else None),
        search(("name", "author", "path"), args.get("search")),
        has_links(project, args.get("hasLinks")),
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
        preds.append(lambda n: featured(project, n["productId"], featured) is n)
    return paginate(items, args, preds=preds)


def featured(project: ProjectData, product_id: str, order: Sequence[str]) -> Node | None:
    """The featured version of a product: the first of ``order`` that exists."""
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


def representations_connection(
    project: ProjectData, args: dict[str, Any], base: list[Node] | None = None
) -> Node:
    """Representations of a project (or of ``base``), filtered and paged."""
    items = project.representations if base is None else base
    version_ids = args.get("versionIds")
    if base is None:
        if args.get("ids") is not None:
            items = by_ids(project, args["ids"], "RepresentationNode")
        elif version_ids is not None:
            items = merge_sorted(project.reps_by_version.get(v, []) for v in version_ids)
    preds = predicates(
        one_of("id", args.get("ids")) if base is not None else None,
        one_of("versionId", version_ids),
        one_of("name", args.get("names")),
        one_of("status", args.get("statuses")),
        tags_all(args.get("tags")),
        search(("name", "path"), args.get("search")),
        has_links(project, args.get("hasLinks")),
    )
    return paginate(items, args, preds=preds)


def activities_connection(
    project: ProjectData, args: dict[str, Any], base: list[Node] | None = None
) -> Node:
    """Activities of a project (or of ``base``), filtered and paged."""
    items = project.activities if base is None else base
    entity_ids = args.get("entityIds")
    if base is None and entity_ids is not None:
        merged: dict[str, Node] = {}
        for e in entity_ids:
            for a in project.activities_by_entity.get(e, []):
                merged[a["referenceId"]] = a
        items = sorted(merged.values(), key=activity_key)
    preds = predicates(
        one_of("entityType", [args["entityType"]] if args.get("entityType") else None),
        one_of("entityId", entity_ids),
        one_of("entityName", args.get("entityNames")),
        one_of("activityType", args.get("activityTypes")),
        one_of("referenceType", args.get("referenceTypes")),
        one_of("activityId", args.get("activityIds")),
        tags_all(args.get("tags")),
        one_of("_author", args.get("authors")),
    )
    if args.get("changedAfter"):
        after = timestamp(args["changedAfter"], "changedAfter")
        preds.append(lambda n: n["updatedAt"] > after)
    if args.get("changedBefore"):
        before = timestamp(args["changedBefore"], "changedBefore")
        preds.append(lambda n: n["updatedAt"] < before)
    return paginate_activities(items, args, preds)


def project_connection(fn: Callable[[ProjectData, dict[str, Any]], Node]) -> Resolver:
    """A ``ProjectNode`` field resolved by a connection builder."""

    def resolve(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
        return fn(project_of(info, source), args)

    return resolve


def project_entity(typename: str) -> Resolver:
    """``project.folder(id)`` and the like: one entity of ``typename`` or null."""

    def resolve(source: Node, info: GraphQLResolveInfo, id: str) -> Node | None:
        node = project_of(info, source).by_id.get(id)
        if node is None or node.get("__typename") != typename:
            return None
        return node

    return resolve


# --------------------------------------------------------------------------- nested


def folder_tasks(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    """``FolderNode.tasks``."""
    project = project_of(info, source)
    return tasks_connection(project, args, project.tasks_by_folder.get(source["id"], []))


def folder_products(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    """``FolderNode.products`` (with ``includeFolderChildren``)."""
    project = project_of(info, source)
    if args.get("includeFolderChildren"):
        base = merge_sorted(
            project.products_by_folder.get(f, []) for f in subtree_ids(project, [source["id"]])
        )
    else:
        base = project.products_by_folder.get(source["id"], [])
    return products_connection(project, args, base)


def product_versions(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    """``ProductNode.versions``."""
    project = project_of(info, source)
    return versions_connection(project, args, project.versions_by_product.get(source["id"], []))


def task_versions(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    """``TaskNode.versions``."""
    project = project_of(info, source)
    return versions_connection(project, args, project.versions_by_task.get(source["id"], []))


def version_representations(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    """``VersionNode.representations``."""
    project = project_of(info, source)
    return representations_connection(project, args, project.reps_by_version.get(source["id"], []))


def workfiles_connection(
    project: ProjectData, args: dict[str, Any], base: list[Node] | None = None
) -> Node:
    """Workfiles of a project (only those written through the operations endpoint)."""
    items = project.workfiles if base is None else base
    if args.get("ids") is not None:
        items = by_ids(project, args["ids"], "WorkfileNode")
    preds = predicates(
        one_of("taskId", args.get("taskIds")),
        one_of("path", args.get("paths")),
        one_of("status", args.get("statuses")),
        tags_all(args.get("tags")),
    )
    return paginate(items, args, preds=preds)


def entity_activities(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    """``activities`` of an entity (``last`` defaults to 100: newest first, see
    :func:`paginate_activities`)."""
    project = project_of(info, source)
    base = project.activities_by_entity.get(source["id"], [])
    return activities_connection(project, args, base)


#: (type, field) -> resolver, attached by ``attach_resolvers``.
RESOLVERS: dict[tuple[str, str], Resolver] = {
    ("ProjectNode", "folders"): project_connection(folders_connection),
    ("ProjectNode", "tasks"): project_connection(tasks_connection),
    ("ProjectNode", "products"): project_connection(products_connection),
    ("ProjectNode", "versions"): project_connection(versions_connection),
    ("ProjectNode", "representations"): project_connection(representations_connection),
    ("ProjectNode", "activities"): project_connection(activities_connection),
    ("ProjectNode", "workfiles"): project_connection(workfiles_connection),
    **{
        ("ProjectNode", typename[:-4].lower()): project_entity(typename)
        for typename in ENTITY_TYPES
        if typename != "WorkfileNode"  # no single-workfile field is served
    },
    **{(typename, "activities"): entity_activities for typename in ENTITY_TYPES},
    ("FolderNode", "tasks"): folder_tasks,
    ("FolderNode", "products"): folder_products,
    ("TaskNode", "versions"): task_versions,
    ("ProductNode", "versions"): product_versions,
    ("VersionNode", "representations"): version_representations,
}
