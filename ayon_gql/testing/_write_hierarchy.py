"""Where folders and tasks sit: unique names, renames, moves and inherited attributes.

As AYON 1.16.0 does it (``schema.project.sql``, ``entity_update.py``):

* names are unique among the *active* folders of one parent (and of the
  root), and among the active tasks of one folder, compared on
  ``LOWER(name)``: a second one is ``409 unique-violation`` with PostgreSQL's
  key in the detail;
* a folder is never its own parent nor moved under a descendant (400);
* the name, type and parent of a folder with published versions change only
  with ``force`` (403);
* a rename or move changes the paths of everything below; attributes a folder
  or task does not set itself are inherited from its parent (folders at the
  root from the project), so changing or moving a folder changes what is
  below it.
"""

from __future__ import annotations

from typing import Any

from ayon_gql.testing._builder import ProjectData
from ayon_gql.testing._nodes import Node
from ayon_gql.testing._project_meta import project_attrib
from ayon_gql.testing._write_tx import OpFailure, Transaction, dashed

__all__ = ["check_unique", "inherit_below", "restructure"]

#: Attributes tasks do not inherit from their folder.
_NOT_INHERITED_BY_TASKS = ("clipIn", "clipOut")


def check_unique(
    p: ProjectData, kind: str, parent_id: str | None, name: str, exclude: Node | None = None
) -> None:
    """Refuse a second active folder (or task) of one parent called ``name``."""
    siblings = (
        p.tasks_by_folder.get(parent_id or "", [])
        if kind == "task"
        else p.children.get(parent_id, [])
    )
    lowered = name.lower()
    for other in siblings:
        if other is not exclude and other.get("active", True) and other["name"].lower() == lowered:
            if kind == "task":
                key = f"folder_id, lower(name::text) '{dashed(str(parent_id))}, {lowered}'"
            elif parent_id is None:
                key = f"lower(name::text) '{lowered}'"
            else:
                key = f"parent_id, lower(name::text) '{dashed(parent_id)}, {lowered}'"
            raise OpFailure(
                409, "unique-violation", f"{kind.capitalize()} with {key} already exists."
            )


def _refuse(status: int, detail: str) -> OpFailure:
    return OpFailure(status, detail.lower().replace(" ", "-"), detail)


def _descendant_ids(p: ProjectData, folder: Node) -> set[str]:
    found: set[str] = set()
    stack = [folder["id"]]
    while stack:
        for child in p.children.get(stack.pop(), []):
            found.add(child["id"])
            stack.append(child["id"])
    return found


def _check_folder_change(p: ProjectData, node: Node, data: dict[str, Any], force: bool) -> None:
    if not force and node.get("hasVersions"):
        for key, column in (
            ("name", "name"),
            ("folderType", "folder_type"),
            ("parentId", "parent_id"),
        ):
            if key in data and data[key] != node.get(key):
                raise _refuse(403, f"Cannot change {column} of a folder with published versions")
    if "parentId" in data and data["parentId"] != node.get("parentId"):
        if data["parentId"] == node["id"]:
            raise _refuse(400, "Folder cannot be its own parent")
        if data["parentId"] in _descendant_ids(p, node):
            raise _refuse(400, "Folder cannot be moved to one of its descendants")


def restructure(
    p: ProjectData, tx: Transaction, kind: str, node: Node, data: dict[str, Any], force: bool
) -> None:
    """Check and apply a change of name, parent (folders) or folder (tasks)."""
    parent_key = "parentId" if kind == "folder" else "folderId"
    if kind == "folder":
        _check_folder_change(p, node, data, force)
    name = data.get("name") or node["name"]
    parent_id = data[parent_key] if parent_key in data else node.get(parent_key)
    active = data.get("active", node.get("active", True))
    moved = parent_id != node.get(parent_key)
    renamed = name != node["name"]
    if active and (moved or renamed or not node.get("active", True)):
        check_unique(p, kind, parent_id, name, exclude=node)
    if not (moved or renamed):
        return
    if kind == "task":
        old = p.by_id[node["folderId"]]
        new = p.by_id[str(parent_id)]
        tx.remove(p.tasks_by_folder.get(old["id"], []), node)
        tx.append(p.tasks_by_folder.setdefault(new["id"], []), node)
        tx.put(old, "taskCount", old["taskCount"] - 1)
        tx.put(old, "hasTasks", old["taskCount"] > 0)
        tx.put(new, "taskCount", new["taskCount"] + 1)
        tx.put(new, "hasTasks", True)
        tx.put(node, "folderId", new["id"])
        tx.put(node, "path", f"{new['path']}/{name}")
        if moved:
            _inherit(tx, node, new["attrib"], task=True)
        return
    if moved:
        old_parent = p.by_id.get(node["parentId"]) if node.get("parentId") else None
        new_parent = p.by_id.get(parent_id) if parent_id else None
        tx.remove(p.children.get(node["parentId"], []), node)
        tx.append(p.children.setdefault(parent_id, []), node)
        if old_parent is not None:
            tx.put(old_parent, "childCount", old_parent["childCount"] - 1)
            tx.put(old_parent, "hasChildren", old_parent["childCount"] > 0)
        if new_parent is not None:
            tx.put(new_parent, "childCount", new_parent["childCount"] + 1)
            tx.put(new_parent, "hasChildren", True)
        tx.put(node, "parentId", parent_id)
        base = dict(new_parent["attrib"]) if new_parent is not None else project_attrib()
        _inherit(tx, node, base, task=False)
    parent = p.by_id.get(parent_id) if parent_id else None
    _repath(p, tx, node, f"{parent['path']}/{name}" if parent is not None else f"/{name}")
    if moved:
        inherit_below(p, tx, node)


def _repath(p: ProjectData, tx: Transaction, folder: Node, path: str) -> None:
    """Give a folder a new path, and everything below it theirs."""
    tx.pop(p.folder_by_path, folder["path"])
    tx.put(folder, "path", path)
    tx.put(p.folder_by_path, path, folder)
    for task in p.tasks_by_folder.get(folder["id"], []):
        tx.put(task, "path", f"{path}/{task['name']}")
    for product in p.products_by_folder.get(folder["id"], []):
        tx.put(product, "path", f"{path}/{product['name']}")
        for version in p.versions_by_product.get(product["id"], []):
            tx.put(version, "path", f"{product['path']}/{version['name']}")
    for child in p.children.get(folder["id"], []):
        _repath(p, tx, child, f"{path}/{child['name']}")


def _inherit(tx: Transaction, node: Node, parent_attrib: dict[str, Any], *, task: bool) -> None:
    own = set(node.get("ownAttrib") or [])
    inherited = {k: v for k, v in parent_attrib.items() if k != "description"}
    if task:
        inherited = {k: v for k, v in inherited.items() if k not in _NOT_INHERITED_BY_TASKS}
    merged = {**inherited, **{k: v for k, v in node["attrib"].items() if k in own}}
    if merged != node["attrib"]:
        tx.put(node, "attrib", merged)


def inherit_below(p: ProjectData, tx: Transaction, folder: Node) -> None:
    """Pass a folder's attributes down to the folders and tasks below that do not set them."""
    for task in p.tasks_by_folder.get(folder["id"], []):
        _inherit(tx, task, folder["attrib"], task=True)
    for child in p.children.get(folder["id"], []):
        _inherit(tx, child, folder["attrib"], task=False)
        inherit_below(p, tx, child)
