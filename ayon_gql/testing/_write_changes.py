"""Updates and deletes of the stand-in's entities (creates: ``_write_entities``).

Updates merge ``data`` and ``attrib`` key by key and emit one event per kind
of change, all sharing one summary (so its ``value`` may belong to another
change, as on the real server).  Deletes take their children with them; a
folder with products or tasks needs ``force``.
"""

from __future__ import annotations

from typing import Any

from ayon_gql.testing._nodes import Node, json_text
from ayon_gql.testing._write_entities import _PARENT_KEY, _PLAIN, EntityWriter, _now
from ayon_gql.testing._write_hierarchy import inherit_below, restructure
from ayon_gql.testing._write_tx import OpFailure, Transaction

__all__ = ["delete", "update"]

_REFERENCES = {
    "parentId": ("folder", "parent_id", "folders"),
    "folderId": ("folder", "folder_id", "folders"),
    "productId": ("product", "product_id", "products"),
    "versionId": ("version", "version_id", "versions"),
    "taskId": ("task", "task_id", "tasks"),
}


def _event_path(entity_type: str, node: Node) -> str:
    """The path the real server names in change events (empty for representations)."""
    return "" if entity_type == "representation" else str(node.get("path") or "")


#: Columns whose change is one more event, in the real server's order, with the
#: column's name as the server spells it in the description.
_COLUMN_EVENTS = (
    ("data", "data", "data_changed"),
    ("label", "label", "label_changed"),
    ("folderType", "folder_type", "type_changed"),
    ("taskType", "task_type", "type_changed"),
    ("thumbnailId", "thumbnail_id", "thumbnail_changed"),
    ("active", "active", "active_changed"),
    ("assignees", "assignees", "assignees_changed"),
    ("productType", "product_type", "product_type_changed"),
    ("author", "author", "author_changed"),
    ("files", "files", "files_changed"),
    ("tags", "tags", "tags_changed"),
    ("parentId", "parent_id", "parent_changed"),
    ("folderId", "folder_id", "folder_changed"),
    ("taskId", "task_id", "task_changed"),
    ("productId", "product_id", "product_changed"),
    ("versionId", "version_id", "version_changed"),
)


def _tags_description(what: str, old: list[str], new: list[str]) -> str:
    """The server's words for a change of tags: what was added, then what was removed."""
    added = [tag for tag in new if tag not in old]
    removed = [tag for tag in old if tag not in new]
    text = ""
    if added:
        text += f"Added {what}{' tag ' if len(added) == 1 else ' tags '}" + ", ".join(added)
    if removed:
        noun = "" if added else f"{what}{' tag ' if len(removed) == 1 else ' tags '}"
        text += f"Removed {noun} " + ", ".join(removed)
    return text.strip()


def _old_value(node: Node, key: str) -> Any:
    return node.get("_data", {}) if key == "data" else node.get(key)


def _change_events(
    entity_type: str, node: Node, data: dict[str, Any], order: dict[str, int]
) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    """The events one update emits, as the real server builds them before it
    writes: (topic suffix, description) pairs and the one summary they share,
    whose ``value`` the last change that sets one wins."""
    path = _event_path(entity_type, node)
    what = f"{entity_type} {path}"
    summary: dict[str, Any] = {
        "entityId": node["id"],
        "entityPath": path,
        "parentId": node.get(_PARENT_KEY[entity_type]),
    }
    events: list[tuple[str, str]] = []
    if data.get("name") is not None and data["name"] != node.get("name"):
        events.append(("renamed", f"Renamed {what} to {data['name']}"))
        summary["value"] = data["name"]
    if data.get("status") is not None and data["status"] != node.get("status"):
        events.append(("status_changed", f"Changed {what} status to {data['status']}"))
        summary["value"] = data["status"]
    if data.get("tags") is not None and data["tags"] != node.get("tags"):
        description = _tags_description(what, node.get("tags") or [], data["tags"])
        if description:
            events.append(("tags_changed", description))
            summary["value"] = data["tags"]
    own = set(node.get("ownAttrib") or node["attrib"])
    changed = [
        name
        for name, value in (data.get("attrib") or {}).items()
        if name not in own or node["attrib"].get(name) != value
    ]
    if changed:
        names = ", ".join(sorted(changed, key=lambda name: order.get(name, len(order))))
        events.append(("attrib_changed", f"Changed {what} attributes: {names}"))
    for key, column, topic in _COLUMN_EVENTS:
        if key not in data or (key not in node and key != "data"):
            continue
        if _old_value(node, key) == data[key]:
            continue
        shown = str(data[key])
        description = f"Changed {what} {column}" + (f" to {shown}" if len(shown) < 30 else "")
        if key == "active":
            state = "activated" if data[key] else "deactivated"
            description = f"{entity_type.capitalize()} {path} {state}"
        events.append((topic, description))
        summary["value"] = data[key]
    return events, summary


def update(
    writer: EntityWriter,
    tx: Transaction,
    entity_type: str,
    entity_id: str,
    data: dict[str, Any],
    force: bool = False,
) -> None:
    """Change the fields ``data`` names (checked by ``_write_fields``)."""
    node = writer._node(entity_type, entity_id)
    for key, (kind, column, table) in _REFERENCES.items():
        if data.get(key) and key in node:
            writer._ref(kind, column, data[key], table)
    if "status" in data:
        writer._check_status(entity_type, data["status"])
    if data.get("folderType"):
        writer._check_type("folderTypes", data["folderType"], "folder_type", "folder_types")
    if data.get("taskType"):
        writer._check_type("taskTypes", data["taskType"], "task_type", "task_types")
    events, summary = _change_events(entity_type, node, data, writer.attribute_order)
    if entity_type in ("folder", "task"):
        restructure(writer.p, tx, entity_type, node, data, force)
    if data.get("attrib"):
        tx.put(node, "attrib", {**node["attrib"], **data["attrib"]})
        if "ownAttrib" in node:
            tx.put(node, "ownAttrib", sorted({*node["ownAttrib"], *data["attrib"]}))
    if entity_type == "folder" and data.get("attrib"):
        inherit_below(writer.p, tx, node)
    if "data" in data:
        merged = {**node.get("_data", {}), **(data["data"] or {})}
        tx.put(node, "_data", merged)
        tx.put(node, "data", json_text(merged))
    if "thumbnailId" in data and data["thumbnailId"] != node.get("thumbnailId"):
        thumbnail = data["thumbnailId"]
        if "thumbnailHash" in node:
            tx.put(node, "thumbnailHash", thumbnail[:6] if thumbnail else None)
    for key, value in data.items():
        if key in _PLAIN or key in (
            "name",
            "folderType",
            "taskType",
            "productType",
            "path",
            "version",
        ):
            tx.put(node, key, value)
    if entity_type == "version" and "version" in data:
        tx.put(node, "name", "hero" if data["version"] < 0 else f"v{data['version']:03d}")
    tx.put(node, "updatedAt", _now())
    tx.put(node, "updatedBy", writer.user)
    for kind, description in events:
        tx.emit(f"entity.{entity_type}.{kind}", description=description, summary=summary)
    if entity_type == "version" and data.get("attrib"):
        for _ in data["attrib"]:
            tx.emit(
                "activity.created",
                description="Created attrib.change activity",
                summary={"activity_type": "attrib.change", "entity_id": node["id"]},
            )


def _children(writer: EntityWriter, node: Node) -> list[tuple[str, Node]]:
    """The entities deleted with ``node``, nearest first."""
    p = writer.p
    kind = node["type"]
    found: list[tuple[str, Node]] = []
    if kind == "folder":
        for child in p.children.get(node["id"], []):
            found += [("folder", child), *_children(writer, child)]
        found += [("task", t) for t in p.tasks_by_folder.get(node["id"], [])]
        for product in p.products_by_folder.get(node["id"], []):
            found += [("product", product), *_children(writer, product)]
    elif kind == "product":
        for version in p.versions_by_product.get(node["id"], []):
            found += [("version", version), *_children(writer, version)]
    elif kind == "version":
        found += [("representation", r) for r in p.reps_by_version.get(node["id"], [])]
    return found


def _unlink(writer: EntityWriter, tx: Transaction, kind: str, node: Node) -> None:
    """Take one node out of the production's lists and indexes."""
    p = writer.p
    tx.pop(p.by_id, node["id"])
    if kind == "folder":
        tx.remove(p.folders, node)
        tx.pop(p.folder_by_path, node["path"])
        tx.remove(p.children.get(node["parentId"], []), node)
        parent = p.by_id.get(node["parentId"]) if node["parentId"] else None
        if parent is not None:
            tx.put(parent, "childCount", parent["childCount"] - 1)
            tx.put(parent, "hasChildren", parent["childCount"] > 0)
    elif kind == "task":
        tx.remove(p.tasks, node)
        tx.remove(p.tasks_by_folder.get(node["folderId"], []), node)
        folder = p.by_id.get(node["folderId"])
        if folder is not None:
            tx.put(folder, "taskCount", folder["taskCount"] - 1)
            tx.put(folder, "hasTasks", folder["taskCount"] > 0)
    elif kind == "product":
        tx.remove(p.products, node)
        tx.remove(p.products_by_folder.get(node["folderId"], []), node)
        folder = p.by_id.get(node["folderId"])
        if folder is not None:
            tx.put(folder, "productCount", folder["productCount"] - 1)
            tx.put(folder, "hasProducts", folder["productCount"] > 0)
    elif kind == "version":
        tx.remove(p.versions, node)
        tx.remove(p.versions_by_product.get(node["productId"], []), node)
        if node.get("taskId"):
            tx.remove(p.versions_by_task.get(node["taskId"], []), node)
        writer._relatest(tx, node["productId"])
    elif kind == "representation":
        tx.remove(p.representations, node)
        tx.remove(p.reps_by_version.get(node["versionId"], []), node)
    else:
        tx.remove(p.workfiles, node)


def delete(
    writer: EntityWriter, tx: Transaction, entity_type: str, entity_id: str, force: bool
) -> None:
    """Delete one entity and what belongs to it."""
    node = writer._node(entity_type, entity_id)
    children = _children(writer, node)
    if entity_type == "folder" and children and not force:
        raise OpFailure(
            409, "delete-folder-with-children", "Unable to delete a folder with products or tasks."
        )
    for kind, child in reversed(children):
        _unlink(writer, tx, kind, child)
    _unlink(writer, tx, entity_type, node)
    label = node.get("path") if entity_type == "folder" else node.get("name")
    if entity_type == "representation":
        label = ""
    tx.emit(
        f"entity.{entity_type}.deleted",
        description=f"{entity_type.capitalize()} {label} deleted",
        summary={"entityId": node["id"], "parentId": node.get(_PARENT_KEY[entity_type])},
    )
