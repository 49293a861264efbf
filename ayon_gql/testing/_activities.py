"""Activities made after a project is built: comments and their mentions, the
``watch`` and ``version.publish`` activities of a published version.

An activity is one or more reference nodes sharing an ``activityId``: the
``origin`` reference on the entity it was posted on, and a ``mention``
reference on every entity its body links (``[v002](version:<id>)``), as
the real server files them.  Changes go through a
:class:`~ayon_gql.testing._write_tx.Transaction` so they roll back with the
write that made them.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from ayon_gql.testing._nodes import Node, iso
from ayon_gql.testing._write_tx import Transaction, server_id

if TYPE_CHECKING:
    from ayon_gql.testing._builder import ProjectData

__all__ = [
    "ACTIVITY_TYPES",
    "activity_references",
    "add_activity",
    "created_event",
    "edit_activity",
    "mentioned_entities",
    "remove_activity",
    "version_created",
]

#: The activity types ``POST .../activities`` accepts, in the server's order.
ACTIVITY_TYPES = [
    "comment",
    "watch",
    "reviewable",
    "status.change",
    "assignee.add",
    "assignee.remove",
    "version.publish",
    "version.review",
    "attrib.change",
]
_ENTITY_LINK = re.compile(
    r"\[[^\]]*\]\((folder|task|product|version|representation|workfile):([0-9a-fA-F]{32})\)"
)


def now() -> str:
    """The current time as the server prints it."""
    return iso(datetime.now(timezone.utc))


def mentioned_entities(project: ProjectData, body: str, origin_id: str) -> list[Node]:
    """Entities of ``project`` the body links, once each, the origin left out."""
    found: dict[str, Node] = {}
    for kind, entity_id in _ENTITY_LINK.findall(body):
        node = project.by_id.get(entity_id.lower())
        if node is not None and node.get("type") == kind and node["id"] != origin_id:
            found.setdefault(node["id"], node)
    return list(found.values())


def _reference(
    project: ProjectData, entity: Node, shared: Node, reference_type: str, order: int
) -> Node:
    return {
        "__typename": "ActivityNode",
        "projectName": project.name,
        "referenceId": server_id(),
        "activityId": shared["activityId"],
        "referenceType": reference_type,
        "activityType": shared["activityType"],
        "entityType": entity["type"],
        "entityId": entity["id"],
        "entityName": entity["name"],
        "entityPath": entity.get("path"),
        "createdAt": shared["createdAt"],
        "updatedAt": shared["createdAt"],
        "creationOrder": order,
        "body": shared["body"],
        "tags": [],
        "active": True,
        "_entity": entity,
        "_author": shared["author"],
        "_extra": shared.get("extra"),
        "_reactions": shared["reactions"],
    }


def add_activity(
    tx: Transaction,
    project: ProjectData,
    entity: Node,
    activity_type: str,
    author: str,
    *,
    body: str = "",
    activity_id: str | None = None,
    extra: Node | None = None,
) -> str:
    """File an activity on ``entity`` (and a mention on each entity its body links)."""
    shared: Node = {
        "activityId": activity_id or server_id(),
        "activityType": activity_type,
        "createdAt": now(),
        "body": body,
        "author": author,
        "extra": extra,
        "reactions": [],
    }
    order = max((a["creationOrder"] for a in project.activities), default=0) + 1
    targets = [(entity, "origin")]
    if activity_type == "comment":
        targets += [(other, "mention") for other in mentioned_entities(project, body, entity["id"])]
    for offset, (target, reference_type) in enumerate(targets):
        node = _reference(project, target, shared, reference_type, order + offset)
        tx.append(project.activities, node)
        tx.append(project.activities_by_entity.setdefault(target["id"], []), node)
    return str(shared["activityId"])


def created_event(project: ProjectData, activity_id: str) -> tuple[str, Node]:
    """The description and summary of the ``activity.created`` event the server emits."""
    found = activity_references(project, activity_id)
    references = [
        {
            "entity_id": a["entityId"],
            "entity_type": a["entityType"],
            "reference_type": a["referenceType"],
        }
        for a in found
    ]
    activity_type = found[0]["activityType"] if found else ""
    summary = {"activity_id": activity_id, "activity_type": activity_type, "references": references}
    return f"Created {activity_type} activity", summary


def activity_references(project: ProjectData, activity_id: str) -> list[Node]:
    """Every reference node of one activity (empty when there is none)."""
    return [a for a in project.activities if a["activityId"] == activity_id]


def edit_activity(tx: Transaction, project: ProjectData, activity_id: str, body: Node) -> bool:
    """``PATCH``: a new body (mentions filed and withdrawn to match) and tags;
    False when there is no such activity."""
    found = activity_references(project, activity_id)
    if not found:
        return False
    origin = next((a for a in found if a["referenceType"] == "origin"), found[0])
    stamp = now()
    text = body.get("body")
    if isinstance(text, str):
        mentioned = {e["id"]: e for e in mentioned_entities(project, text, origin["entityId"])}
        for node in found:
            if node["referenceType"] == "mention" and node["entityId"] not in mentioned:
                tx.remove(project.activities, node)
                tx.remove(project.activities_by_entity.get(node["entityId"], []), node)
        kept = {n["entityId"] for n in found if n["referenceType"] == "mention"}
        order = max((a["creationOrder"] for a in project.activities), default=0) + 1
        shared = {
            "activityId": activity_id,
            "activityType": origin["activityType"],
            "createdAt": origin["createdAt"],
            "body": text,
            "author": origin["_author"],
            "extra": origin["_extra"],
            "reactions": origin["_reactions"],
        }
        for entity_id, entity in mentioned.items():
            if entity_id not in kept:
                node = _reference(project, entity, shared, "mention", order)
                order += 1
                tx.append(project.activities, node)
                tx.append(project.activities_by_entity.setdefault(entity_id, []), node)
    for node in activity_references(project, activity_id):
        if isinstance(text, str):
            node["body"] = text
        if isinstance(body.get("tags"), list):
            node["tags"] = list(body["tags"])
        node["updatedAt"] = stamp
    return True


def remove_activity(tx: Transaction, project: ProjectData, activity_id: str) -> bool:
    """Delete an activity with all its references; False when there is none."""
    found = activity_references(project, activity_id)
    for node in found:
        tx.remove(project.activities, node)
        tx.remove(project.activities_by_entity.get(node["entityId"], []), node)
    return bool(found)


def publish_context(folder: Node, product: Node, task: Node | None) -> Node:
    """The ``context`` a ``version.publish`` activity's data holds."""
    return {
        "folderId": folder["id"],
        "folderLabel": folder.get("label"),
        "folderName": folder["name"],
        "folderPath": folder["path"].lstrip("/"),
        "productId": product["id"],
        "productName": product["name"],
        "productType": product["productType"],
        "taskId": task["id"] if task else None,
        "taskLabel": task.get("label") if task else None,
        "taskName": task["name"] if task else None,
        "taskType": task["taskType"] if task else None,
    }


def version_created(project: ProjectData, version: Node, user: str, tx: Transaction) -> None:
    """The server's hook on ``entity.version.created``: the publisher starts watching the
    version (a ``watch`` activity, with its ``activity.created`` event), then a
    ``version.publish`` activity is filed.

    The server runs it from the event, after the write that created the version has
    committed (in the background unless the write waited for its events), so these
    activities are newer than a comment posted right after that write; nothing is
    filed when the version is gone by then.
    """
    if project.by_id.get(version["id"]) is not version:
        return
    product = version["_product"]
    folder = product["_folder"]
    task = project.by_id.get(version["taskId"]) if version.get("taskId") else None
    watch = add_activity(tx, project, version, "watch", user, extra={"watcher": user})
    add_activity(
        tx,
        project,
        version,
        "version.publish",
        user,
        body=f"Published [{version['name']}](version:{version['id']})",
        extra={"context": publish_context(folder, product, task)},
    )
    description, summary = created_event(project, watch)
    tx.emit("activity.created", description=description, summary=summary, _user=user)
