"""Creates, updates and deletes of the stand-in's entities, as the real server does them.

Each change goes through a :class:`~ayon_gql.testing._write_tx.Transaction`
(undone on rollback) and keeps the production's indexes right, so GraphQL
answers show it at once.  The ``entity.*`` events are those the real server
emits (recorded in ``write-ops-*`` and ``event-graphql-entity-events``).
"""

from __future__ import annotations

import functools
from datetime import datetime, timezone
from typing import Any

from ayon_gql.testing._activities import version_created
from ayon_gql.testing._builder import ProjectData
from ayon_gql.testing._nodes import Node, iso, json_text
from ayon_gql.testing._project_meta import project_attrib
from ayon_gql.testing._write_hierarchy import check_unique
from ayon_gql.testing._write_tx import (
    OpFailure,
    Transaction,
    dashed,
    foreign_key,
    not_found,
)

__all__ = ["TYPENAMES", "EntityWriter"]

TYPENAMES = {
    "folder": "FolderNode",
    "task": "TaskNode",
    "product": "ProductNode",
    "version": "VersionNode",
    "representation": "RepresentationNode",
    "workfile": "WorkfileNode",
}
_PARENT_KEY = {
    "folder": "parentId",
    "task": "folderId",
    "product": "folderId",
    "version": "productId",
    "representation": "versionId",
    "workfile": "taskId",
}
# Fields stored as they come (after the checks in ``_write_fields``).
_PLAIN = ("label", "status", "tags", "active", "assignees", "author", "thumbnailId", "traits")


def _now() -> str:
    return iso(datetime.now(timezone.utc))


class EntityWriter:
    """Applies operations to one project, as one user."""

    def __init__(
        self, project: ProjectData, user: str, attribute_order: dict[str, int] | None = None
    ) -> None:
        self.p = project
        self.user = user
        #: attribute name -> position in the attribute configuration (events list them so)
        self.attribute_order = attribute_order or {}

    # ------------------------------------------------------------------ lookups
    def _node(self, entity_type: str, entity_id: str) -> Node:
        node = self.p.by_id.get(entity_id.lower())
        if node is None or node["__typename"] != TYPENAMES[entity_type]:
            raise not_found(entity_id)
        return node

    def _ref(self, entity_type: str, column: str, value: str, table: str) -> Node:
        node = self.p.by_id.get(value.lower())
        if node is None or node["__typename"] != TYPENAMES[entity_type]:
            raise foreign_key(column, dashed(value), table)
        return node

    def _check_status(self, entity_type: str, status: str | None) -> str:
        statuses = self.p.node["statuses"]
        if status is None:
            scoped = [s["name"] for s in statuses if entity_type in s["scope"]]
            return str(scoped[0] if scoped else statuses[0]["name"])
        if status not in {s["name"] for s in statuses}:
            raise foreign_key("status", status, "statuses")
        return status

    def _check_type(self, key: str, value: str, column: str, table: str) -> None:
        if value not in {t["name"] for t in self.p.node[key]}:
            raise foreign_key(column, value, table)

    def _order(self, items: list[Node]) -> int:
        return int(items[-1]["_order"]) + 1 if items else 1

    def _base(
        self, tx: Transaction, entity_type: str, entity_id: str, data: dict[str, Any]
    ) -> Node:
        stored = entity_id.lower()
        if stored in self.p.by_id:
            raise OpFailure(
                409,
                "unique-violation",
                f"{entity_type.capitalize()} with id '{dashed(stored)}' already exists.",
            )
        now = _now()
        node: Node = {
            "__typename": TYPENAMES[entity_type],
            "projectName": self.p.name,
            "id": stored,
            "name": data.get("name"),
            "active": data.get("active", True),
            "createdAt": now,
            "updatedAt": now,
            "createdBy": data.get("createdBy") or self.user,
            "updatedBy": data.get("updatedBy") or self.user,
            "type": entity_type,
            "status": self._check_status(entity_type, data.get("status")),
            "tags": list(data.get("tags") or []),
            "thumbnailId": data.get("thumbnailId"),
            "_data": dict(data.get("data") or {}),
            "_written": True,
        }
        node["data"] = json_text(node["_data"])
        return node

    # ------------------------------------------------------------------ create
    def create(
        self, tx: Transaction, entity_type: str, entity_id: str, data: dict[str, Any]
    ) -> None:
        """Create one entity (``data`` checked by ``_write_fields``)."""
        node = self._base(tx, entity_type, entity_id, data)
        getattr(self, f"_create_{entity_type}")(tx, node, data)
        tx.put(self.p.by_id, node["id"], node)
        label = node["name"] if entity_type != "workfile" else node["path"]
        tx.emit(
            f"entity.{entity_type}.created",
            description=f"{entity_type.capitalize()} {label} created",
            summary={"entityId": entity_id, "parentId": node.get(_PARENT_KEY[entity_type])},
        )
        if entity_type == "version":
            tx.after_commit(functools.partial(version_created, self.p, node, self.user))

    def _create_folder(self, tx: Transaction, node: Node, data: dict[str, Any]) -> None:
        p = self.p
        parent_id = data.get("parentId")
        parent = self._ref("folder", "parent_id", parent_id, "folders") if parent_id else None
        folder_type = data.get("folderType") or p.node["folderTypes"][0]["name"]
        self._check_type("folderTypes", folder_type, "folder_type", "folder_types")
        path = f"{parent['path']}/{node['name']}" if parent else f"/{node['name']}"
        if node["active"]:
            check_unique(p, "folder", parent["id"] if parent else None, node["name"])
        own = dict(data.get("attrib") or {})
        inherited = dict(parent["attrib"]) if parent else project_attrib()
        inherited.pop("description", None)
        node.update(
            {
                "label": data.get("label"),
                "folderType": folder_type,
                "parentId": parent["id"] if parent else None,
                "path": path,
                "attrib": {**inherited, **own},
                "ownAttrib": sorted(own),
                "childCount": 0,
                "hasChildren": False,
                "taskCount": 0,
                "hasTasks": False,
                "productCount": 0,
                "hasProducts": False,
                "hasVersions": False,
                "totalFolderCount": 0,
                "totalTaskCount": 0,
                "totalProductCount": 0,
                "totalVersionCount": 0,
                "_order": self._order(p.folders),
            }
        )
        tx.append(p.folders, node)
        tx.put(p.folder_by_path, path, node)
        tx.append(p.children.setdefault(node["parentId"], []), node)
        if parent is not None:
            tx.put(parent, "childCount", parent["childCount"] + 1)
            tx.put(parent, "hasChildren", True)

    def _create_task(self, tx: Transaction, node: Node, data: dict[str, Any]) -> None:
        p = self.p
        folder = self._ref("folder", "folder_id", data.get("folderId") or "", "folders")
        self._check_type("taskTypes", data["taskType"], "task_type", "task_types")
        if node["active"]:
            check_unique(p, "task", folder["id"], node["name"])
        own = dict(data.get("attrib") or {})
        inherited = {k: v for k, v in folder["attrib"].items() if k not in ("clipIn", "clipOut")}
        node.update(
            {
                "label": data.get("label"),
                "taskType": data["taskType"],
                "assignees": list(data.get("assignees") or []),
                "folderId": folder["id"],
                "path": f"{folder['path']}/{node['name']}",
                "attrib": {**inherited, **own},
                "ownAttrib": sorted(own),
                "_order": self._order(p.tasks),
            }
        )
        tx.append(p.tasks, node)
        tx.append(p.tasks_by_folder.setdefault(folder["id"], []), node)
        tx.put(folder, "taskCount", folder["taskCount"] + 1)
        tx.put(folder, "hasTasks", True)

    def _create_product(self, tx: Transaction, node: Node, data: dict[str, Any]) -> None:
        p = self.p
        folder = self._ref("folder", "folder_id", data["folderId"], "folders")
        name = node["name"]
        if any(
            o["name"].lower() == name.lower() for o in p.products_by_folder.get(folder["id"], [])
        ):
            raise OpFailure(
                409,
                "unique-violation",
                f"Product with folder_id, lower(name::text) '{dashed(folder['id'])}, "
                f"{name.lower()}' already exists.",
            )
        node.update(
            {
                "folderId": folder["id"],
                "productType": data["productType"],
                "productBaseType": data.get("productBaseType") or data["productType"],
                "path": f"{folder['path']}/{name}",
                "attrib": dict(data.get("attrib") or {}),
                "_folder": folder,
                "_order": self._order(p.products),
            }
        )
        tx.append(p.products, node)
        tx.append(p.products_by_folder.setdefault(folder["id"], []), node)
        tx.put(p.versions_by_product, node["id"], [])
        tx.put(folder, "productCount", folder["productCount"] + 1)
        tx.put(folder, "hasProducts", True)

    def _create_version(self, tx: Transaction, node: Node, data: dict[str, Any]) -> None:
        p = self.p
        product = self._ref("product", "product_id", data["productId"], "products")
        task = self._ref("task", "task_id", data["taskId"], "tasks") if data.get("taskId") else None
        number = int(data["version"])
        siblings = p.versions_by_product.setdefault(product["id"], [])
        if any(v["version"] == number for v in siblings):
            raise OpFailure(
                409,
                "unique-violation",
                f"Version with product_id, version '{dashed(product['id'])}, {number}' "
                "already exists.",
            )
        name = "hero" if number < 0 else f"v{number:03d}"
        thumbnail = node["thumbnailId"]
        node.update(
            {
                "name": name,
                "version": number,
                "productId": product["id"],
                "taskId": task["id"] if task else None,
                "author": data.get("author") or self.user,
                "path": f"{product['path']}/{name}",
                "attrib": dict(data.get("attrib") or {}),
                "thumbnailHash": thumbnail[:6] if thumbnail else None,
                "heroVersionId": None,
                "isLatest": False,
                "isLatestDone": False,
                "_product": product,
                "_order": self._order(p.versions),
            }
        )
        tx.append(p.versions, node)
        tx.append(siblings, node)
        if task is not None:
            tx.append(p.versions_by_task.setdefault(task["id"], []), node)
        tx.put(p.reps_by_version, node["id"], [])
        tx.put(product["_folder"], "hasVersions", True)
        self._relatest(tx, product["id"])

    def _relatest(self, tx: Transaction, product_id: str) -> None:
        """Mark the highest normal version of a product as its latest."""
        versions = [v for v in self.p.versions_by_product.get(product_id, []) if v["version"] > 0]
        latest = max(versions, key=lambda v: v["version"]) if versions else None
        for version in versions:
            if version["isLatest"] != (version is latest):
                tx.put(version, "isLatest", version is latest)

    def _create_representation(self, tx: Transaction, node: Node, data: dict[str, Any]) -> None:
        p = self.p
        version = self._ref("version", "version_id", data["versionId"], "versions")
        files = [
            {
                "id": str(f.get("id")),
                "name": f.get("name") or str(f["path"]).replace("\\", "/").rsplit("/", 1)[-1],
                "path": str(f["path"]),
                "hash": f.get("hash"),
                "hashType": f.get("hashType") or "md5",
                "size": str(f.get("size") or 0),
            }
            for f in data.get("files") or []
        ]
        attrib = dict(data.get("attrib") or {})
        node.update(
            {
                "versionId": version["id"],
                "files": files,
                "path": attrib.get("path") or "",
                "attrib": attrib,
                "_version": version,
                "_order": self._order(p.representations),
            }
        )
        tx.append(p.representations, node)
        tx.append(p.reps_by_version.setdefault(version["id"], []), node)

    def _create_workfile(self, tx: Transaction, node: Node, data: dict[str, Any]) -> None:
        task = self._ref("task", "task_id", data["taskId"], "tasks")
        node.update(
            {
                "name": str(data["path"]).replace("\\", "/").rsplit("/", 1)[-1],
                "path": data["path"],
                "taskId": task["id"],
                "attrib": dict(data.get("attrib") or {}),
                "_order": self._order(self.p.workfiles),
            }
        )
        tx.append(self.p.workfiles, node)
