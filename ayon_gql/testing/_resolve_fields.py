"""Resolvers of single fields: references, JSON texts, parents, activity details."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError, GraphQLResolveInfo

from ayon_gql.testing._dataset import Node, ProjectData
from ayon_gql.testing._resolve_connections import featured, tasks_connection
from ayon_gql.testing._resolver_context import (
    ENTITY_TYPES,
    Resolver,
    json_text,
    project_of,
    request_context,
)


def _ref(key: str, typename: str | None = None) -> Resolver:
    """Resolve an id stored under ``key`` to the node it names."""

    def resolve(source: Node, info: GraphQLResolveInfo) -> Node | None:
        ident = source.get(key)
        if not ident:
            return None
        node = project_of(info, source).by_id.get(ident)
        if node is None or (typename and node.get("__typename") != typename):
            return None
        return node

    return resolve


def _latest_version(source: Node, info: GraphQLResolveInfo) -> Node | None:
    versions = project_of(info, source).versions_by_product.get(source["id"], [])
    for v in reversed(versions):
        if v["isLatest"]:
            return v
    return None


def _featured_version(
    source: Node, info: GraphQLResolveInfo, order: list[str] | None = None
) -> Node | None:
    return featured(
        project_of(info, source), source["id"], order or ["hero", "latestDone", "latest"]
    )


def _version_list(source: Node, info: GraphQLResolveInfo) -> list[Node]:
    versions = project_of(info, source).versions_by_product.get(source["id"], [])
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


def _version_data(source: Node, info: GraphQLResolveInfo) -> str:
    if "_data" in source:  # written through the operations endpoint
        return json_text(source["_data"])
    return json_text({"publishedBy": "standin", "thumbnailHash": source["thumbnailHash"]})


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
    return json_text(_rep_context_obj(source))


def _rep_data(source: Node, info: GraphQLResolveInfo) -> str:
    if "_data" in source:  # written through the operations endpoint
        return json_text(source["_data"])
    return json_text({"context": _rep_context_obj(source)})


def _folder_parent(folder: Node) -> Node:
    return {
        "id": folder["id"],
        "label": folder["label"],
        "name": folder["name"],
        "subtype": folder["folderType"],
        "type": "folder",
    }


def _origin_parents(entity: Node, project: ProjectData) -> list[Node]:
    kind = entity["type"]
    if kind == "version":
        product = entity["_product"]
        return [
            _folder_parent(product["_folder"]),
            {
                "id": product["id"],
                "name": product["name"],
                "subtype": product["productType"],
                "type": "product",
            },
        ]
    if kind in ("task", "product"):
        return [_folder_parent(project.by_id[entity["folderId"]])]
    return []


def _activity_data(source: Node, info: GraphQLResolveInfo) -> str:
    entity = source["_entity"]
    data: Node = {
        "author": source["_author"],
        "origin": {"id": entity["id"], "name": entity["name"], "type": entity["type"]},
        "parents": _origin_parents(entity, project_of(info, source)),
    }
    if source.get("_extra"):
        data.update(source["_extra"])
    if source.get("_reactions"):
        data["reactions"] = source["_reactions"]
    return json_text(data)


def _activity_reactions(source: Node, info: GraphQLResolveInfo) -> list[Node]:
    return list(source.get("_reactions") or [])


def _activity_reference_data(source: Node, info: GraphQLResolveInfo) -> str:
    return json_text({"key": f"{source['referenceType']}-{source['entityId']}"})


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
        for p in _origin_parents(source["_entity"], project_of(info, source))
    ]


def _activity_author(source: Node, info: GraphQLResolveInfo) -> Node | None:
    return request_context(info).dataset.users_by_name.get(source["_author"])


def _activity_version(source: Node, info: GraphQLResolveInfo) -> Node | None:
    entity = source["_entity"]
    return entity if entity["type"] == "version" else None


def _user_tasks(source: Node, info: GraphQLResolveInfo, projectName: str) -> Node:
    project = request_context(info).dataset.project(projectName)
    if project is None:
        raise GraphQLError("Project not found", extensions={"status": 404})
    return tasks_connection(project, {"assignees": [source["name"]]})


def _user_access_groups(source: Node, info: GraphQLResolveInfo) -> str:
    return str(source["accessGroups"])


def _project_config(source: Node, info: GraphQLResolveInfo) -> str:
    return str(source["config"])


def _project_used_tags(source: Node, info: GraphQLResolveInfo) -> list[str]:
    """Every tag the project's folders, tasks and versions carry now (writes included)."""
    project = project_of(info, source)
    entities = (project.folders, project.tasks, project.versions)
    return sorted({tag for nodes in entities for node in nodes for tag in node["tags"]})


def _project_types(key: str) -> Resolver:
    def resolve(source: Node, info: GraphQLResolveInfo, activeOnly: bool = False) -> Any:
        return source[key]

    return resolve


#: (type, field) -> resolver, attached by ``attach_resolvers``.
RESOLVERS: dict[tuple[str, str], Resolver] = {
    ("ProjectNode", "config"): _project_config,
    ("ProjectNode", "usedTags"): _project_used_tags,
    **{
        (p, key): _project_types(key)
        for p in ("ProjectNode",)
        for key in ("taskTypes", "folderTypes", "linkTypes")
    },
    **{(typename, "parents"): _parents for typename in ENTITY_TYPES},
    ("FolderNode", "parent"): _ref("parentId", "FolderNode"),
    ("TaskNode", "folder"): _ref("folderId", "FolderNode"),
    ("TaskNode", "Folder"): _ref("folderId", "FolderNode"),
    ("ProductNode", "folder"): _ref("folderId", "FolderNode"),
    ("ProductNode", "Folder"): _ref("folderId", "FolderNode"),
    ("ProductNode", "latestVersion"): _latest_version,
    ("ProductNode", "featuredVersion"): _featured_version,
    ("ProductNode", "versionList"): _version_list,
    ("VersionNode", "product"): _ref("productId", "ProductNode"),
    ("VersionNode", "task"): _ref("taskId", "TaskNode"),
    ("VersionNode", "data"): _version_data,
    ("RepresentationNode", "version"): _ref("versionId", "VersionNode"),
    ("RepresentationNode", "context"): _rep_context,
    ("RepresentationNode", "data"): _rep_data,
    ("ActivityNode", "activityData"): _activity_data,
    ("ActivityNode", "referenceData"): _activity_reference_data,
    ("ActivityNode", "origin"): _activity_origin,
    ("ActivityNode", "parents"): _activity_parents,
    ("ActivityNode", "author"): _activity_author,
    ("ActivityNode", "reactions"): _activity_reactions,
    ("ActivityNode", "version"): _activity_version,
    ("UserNode", "tasks"): _user_tasks,
    ("UserNode", "accessGroups"): _user_access_groups,
}
