"""The entity builder: creates folders, tasks, products, versions, representations,
activities and links in creation order, keeping ids, clocks and lookup indexes."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta

from ayon_gql.testing._activities import publish_context
from ayon_gql.testing._nodes import ARTISTS, EMPTY, SERVICE_USER, VERSION_STATUSES, Node, iso
from ayon_gql.testing._project_meta import ProjectSpec, project_attrib


@dataclass
class ProjectData:
    """All entities of one project plus the lookup indexes the resolvers use."""

    name: str
    code: str
    node: Node
    rest: Node
    folders: list[Node] = field(default_factory=list)
    tasks: list[Node] = field(default_factory=list)
    products: list[Node] = field(default_factory=list)
    versions: list[Node] = field(default_factory=list)
    representations: list[Node] = field(default_factory=list)
    workfiles: list[Node] = field(default_factory=list)
    activities: list[Node] = field(default_factory=list)
    links: list[Node] = field(default_factory=list)
    entity_lists: list[Node] = field(default_factory=list)
    by_id: dict[str, Node] = field(default_factory=dict)
    children: dict[str | None, list[Node]] = field(default_factory=dict)
    tasks_by_folder: dict[str, list[Node]] = field(default_factory=dict)
    products_by_folder: dict[str, list[Node]] = field(default_factory=dict)
    versions_by_product: dict[str, list[Node]] = field(default_factory=dict)
    versions_by_task: dict[str, list[Node]] = field(default_factory=dict)
    reps_by_version: dict[str, list[Node]] = field(default_factory=dict)
    activities_by_entity: dict[str, list[Node]] = field(default_factory=dict)
    links_by_entity: dict[str, list[tuple[Node, str]]] = field(default_factory=dict)
    folder_by_path: dict[str, Node] = field(default_factory=dict)


class Builder:
    """Creates entities in creation order, keeping ids, clocks and indexes."""

    def __init__(self, spec: ProjectSpec, seed: int, meta: tuple[Node, Node]) -> None:
        self.spec = spec
        self.rng = random.Random(f"{seed}:{spec.name}")
        self.clock = spec.created
        self.counters: dict[str, int] = {}
        self.p = ProjectData(name=spec.name, code=spec.code, node=meta[0], rest=meta[1])

    # -- helpers
    def new_id(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def tick(self, weight: float = 13.0) -> str:
        """Advance the production's clock by ``weight`` tenths of a minute.

        Entities are created one after another, minutes apart, so a large
        project spans weeks, as a real one does.
        """
        self.clock += timedelta(seconds=6 * weight)
        return iso(self.clock)

    def order(self, kind: str) -> int:
        n = self.counters.get(kind, 0) + 1
        self.counters[kind] = n
        return n

    def _base(self, typename: str, kind: str, name: str, created: str, attrib: Node) -> Node:
        return {
            "__typename": typename,
            "projectName": self.spec.name,
            "id": self.new_id(),
            "name": name,
            "active": True,
            "createdAt": created,
            "updatedAt": created,
            "attrib": attrib,
            "type": kind,
            "_order": self.order(kind),
        }

    # -- entities
    def folder(
        self,
        parent: Node | None,
        name: str,
        folder_type: str,
        *,
        label: str | None = None,
        status: str = "Not ready",
        tags: list[str] | None = None,
        frames: tuple[int, int] | None = None,
    ) -> Node:
        p = self.p
        attrib = dict(parent["attrib"]) if parent else project_attrib()
        attrib.pop("description", None)
        own: list[str] = []
        if frames is not None:
            attrib["frameStart"], attrib["frameEnd"] = frames
            attrib["handleStart"] = attrib["handleEnd"] = 8
            attrib["clipIn"] = 86400
            attrib["clipOut"] = 86400 + frames[1] - frames[0]
            own = ["clipIn", "clipOut", "frameEnd", "frameStart", "handleEnd", "handleStart"]
        node = self._base("FolderNode", "folder", name, self.tick(20), attrib)
        path = f"{parent['path']}/{name}" if parent else f"/{name}"
        node.update(
            {
                "label": label,
                "folderType": folder_type,
                "parentId": parent["id"] if parent else None,
                "path": path,
                "status": status,
                "tags": tags or [],
                "ownAttrib": own,
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
            }
        )
        p.folders.append(node)
        p.by_id[node["id"]] = node
        p.folder_by_path[path] = node
        p.children.setdefault(node["parentId"], []).append(node)
        if parent is not None:
            parent["childCount"] += 1
            parent["hasChildren"] = True
        return node

    def task(
        self,
        folder: Node,
        name: str,
        task_type: str,
        assignees: list[str],
        *,
        status: str,
        tags: list[str] | None = None,
    ) -> Node:
        p = self.p
        attrib = {k: v for k, v in folder["attrib"].items() if k not in ("clipIn", "clipOut")}
        node = self._base("TaskNode", "task", name, self.tick(13), attrib)
        node.update(
            {
                "label": None,
                "taskType": task_type,
                "assignees": assignees,
                "folderId": folder["id"],
                "status": status,
                "tags": tags or [],
                "path": f"{folder['path']}/{name}",
            }
        )
        p.tasks.append(node)
        p.by_id[node["id"]] = node
        p.tasks_by_folder.setdefault(folder["id"], []).append(node)
        folder["taskCount"] += 1
        folder["hasTasks"] = True
        return node

    def product(self, folder: Node, name: str, product_type: str, *, status: str) -> Node:
        p = self.p
        node = self._base("ProductNode", "product", name, self.tick(8), EMPTY)
        node.update(
            {
                "folderId": folder["id"],
                "productType": product_type,
                "productBaseType": product_type,
                "status": status,
                "tags": [],
                "path": f"{folder['path']}/{name}",
                "_folder": folder,
            }
        )
        p.products.append(node)
        p.by_id[node["id"]] = node
        p.products_by_folder.setdefault(folder["id"], []).append(node)
        p.versions_by_product[node["id"]] = []
        folder["productCount"] += 1
        folder["hasProducts"] = True
        return node

    def version(
        self,
        product: Node,
        number: int,
        task: Node | None,
        author: str,
        *,
        status: str,
        frames: tuple[int, int] | None = None,
        tags: list[str] | None = None,
    ) -> Node:
        p = self.p
        hero = number < 0
        name = "hero" if hero else f"v{number:03d}"
        attrib: Node = {"comment": f"{name} publish"}
        if frames:
            attrib["frameStart"], attrib["frameEnd"] = frames
        node = self._base("VersionNode", "version", name, self.tick(27), attrib)
        thumb = self.new_id()
        node.update(
            {
                "version": number,
                "productId": product["id"],
                "status": status,
                "tags": tags or [],
                "taskId": task["id"] if task else None,
                "thumbnailId": thumb,
                "thumbnailHash": thumb[:6],
                "author": author,
                "path": f"{product['path']}/{name}",
                "heroVersionId": None,
                "isLatest": False,
                "isLatestDone": False,
                "_product": product,
            }
        )
        p.versions.append(node)
        p.by_id[node["id"]] = node
        p.versions_by_product[product["id"]].append(node)
        if task is not None:
            p.versions_by_task.setdefault(task["id"], []).append(node)
        p.reps_by_version[node["id"]] = []
        return node

    def representation(self, version: Node, ext: str, *, status: str = "Omitted") -> Node:
        p = self.p
        product = version["_product"]
        fname = f"{product['name']}_{version['name']}.{ext}"
        fpath = (
            f"{{root[work]}}/{self.spec.name}{product['_folder']['path']}/publish/"
            f"{product['productType']}/{product['name']}/{version['name']}/{fname}"
        )
        attrib = {"path": fpath, "template": "{root[work]}/...", "extension": ext}
        node = self._base("RepresentationNode", "representation", ext, self.tick(3), attrib)
        node["versionId"] = version["id"]
        node["status"] = status
        node["path"] = fpath
        node["_version"] = version
        node["files"] = [
            {
                "id": self.new_id(),
                "name": fname,
                "path": fpath,
                "hash": f"{self.rng.getrandbits(128):032x}",
                "hashType": "md5",
                "size": str(self.rng.randint(100_000, 900_000_000)),
            }
        ]
        p.representations.append(node)
        p.by_id[node["id"]] = node
        p.reps_by_version[version["id"]].append(node)
        return node

    def activity(
        self,
        entity: Node,
        activity_type: str,
        author: str,
        *,
        body: str = "",
        extra: Node | None = None,
        tags: list[str] | None = None,
    ) -> Node:
        p = self.p
        created = self.tick(4)
        node: Node = {
            "__typename": "ActivityNode",
            "projectName": self.spec.name,
            "referenceId": self.new_id(),
            "activityId": self.new_id(),
            "referenceType": "origin",
            "activityType": activity_type,
            "entityType": entity["type"],
            "entityId": entity["id"],
            "entityName": entity["name"],
            "entityPath": entity.get("path"),
            "createdAt": created,
            "updatedAt": created,
            "creationOrder": self.order("activity"),
            "body": body,
            "tags": tags or [],
            "active": True,
            "_entity": entity,
            "_author": author,
            "_extra": extra,
        }
        p.activities.append(node)
        p.activities_by_entity.setdefault(entity["id"], []).append(node)
        return node

    def link(self, link_type: str, inp: Node, out: Node, author: str) -> Node:
        p = self.p
        node: Node = {
            "id": self.new_id(),
            "projectName": self.spec.name,
            "linkType": f"{link_type}|{inp['type']}|{out['type']}",
            "inputType": inp["type"],
            "outputType": out["type"],
            "inputId": inp["id"],
            "outputId": out["id"],
            "name": None,
            "author": author,
            "createdAt": self.tick(2),
            "data": {"author": author},
            "_order": self.order("link"),
        }
        p.links.append(node)
        p.links_by_entity.setdefault(inp["id"], []).append((node, "out"))
        p.links_by_entity.setdefault(out["id"], []).append((node, "in"))
        return node

    # -- finishing
    def finish(self) -> ProjectData:
        p = self.p
        for product in p.products:
            versions = p.versions_by_product[product["id"]]
            normal = [v for v in versions if v["version"] > 0]
            if normal:
                latest = max(normal, key=lambda v: v["version"])
                latest["isLatest"] = True
                done = [v for v in normal if v["status"] == "Approved"]
                if done:
                    max(done, key=lambda v: v["version"])["isLatestDone"] = True
            folder = product["_folder"]
            if versions:
                folder["hasVersions"] = True
        # subtree totals, children are always created after their parents
        for folder in reversed(p.folders):
            folder["totalFolderCount"] += folder["childCount"]
            folder["totalTaskCount"] += folder["taskCount"]
            folder["totalProductCount"] += folder["productCount"]
            folder["totalVersionCount"] += sum(
                len(p.versions_by_product[pr["id"]])
                for pr in p.products_by_folder.get(folder["id"], [])
            )
            parent = p.by_id.get(folder["parentId"]) if folder["parentId"] else None
            if parent is not None:
                for key in (
                    "totalFolderCount",
                    "totalTaskCount",
                    "totalProductCount",
                    "totalVersionCount",
                ):
                    parent[key] += folder[key]
        return p


def publish(
    b: Builder,
    product: Node,
    count: int,
    task: Node | None,
    authors: list[str],
    *,
    frames: tuple[int, int] | None = None,
    reps: list[str],
    hero: bool = False,
    watchers: bool = True,
    comments: bool = True,
) -> list[Node]:
    """Publish ``count`` versions of ``product`` with representations and activity."""
    made: list[Node] = []
    for number in range(1, count + 1):
        author = authors[(number - 1) % len(authors)]
        status = b.rng.choice(VERSION_STATUSES)
        v = b.version(product, number, task, author, status=status, frames=frames)
        for ext in reps:
            b.representation(v, ext)
        if watchers:
            b.activity(v, "watch", SERVICE_USER, extra={"watcher": SERVICE_USER})
            b.activity(v, "watch", author, extra={"watcher": author})
        folder = product["_folder"]
        b.activity(
            v,
            "version.publish",
            author,
            body=f"Published [{v['name']}](version:{v['id']})",
            extra={"context": publish_context(folder, product, task)},
        )
        if comments and b.rng.random() < 0.3:
            reviewer = b.rng.choice(ARTISTS)
            b.activity(v, "comment", reviewer, body=f"Notes on {v['name']}: looks good to me.")
        if comments and b.rng.random() < 0.2:
            new = b.rng.choice(VERSION_STATUSES)
            b.activity(
                v,
                "status.change",
                b.rng.choice(ARTISTS),
                body=f"Changed status from {status} to {new}",
                extra={"oldValue": status, "newValue": new},
            )
        made.append(v)
    if hero and made:
        src = made[-1]
        h = b.version(
            product,
            -src["version"],
            task,
            src["author"] or "admin",
            status="Approved",
            frames=frames,
        )
        for ext in reps:
            b.representation(h, ext)
        src["heroVersionId"] = h["id"]
        h["heroVersionId"] = h["id"]
        h["featuredVersionType"] = "hero"
        made.append(h)
    return made
