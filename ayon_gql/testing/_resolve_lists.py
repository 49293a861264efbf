"""Entity lists in GraphQL: ``project.entityLists``, ``project.entityList`` and a
list's ``items``, over the lists written through REST."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError, GraphQLResolveInfo

from ayon_gql.testing._dataset import Node
from ayon_gql.testing._filters import one_of, predicates
from ayon_gql.testing._paging import encode_cursor, paginate
from ayon_gql.testing._resolver_context import Resolver, json_text, project_of
from ayon_gql.testing._rest_lists import list_item_folder_path


def _list_node(entity_list: Node) -> Node:
    """A list in the ``EntityListNode`` shape (JSON fields as text)."""
    node = dict(entity_list)
    node["__typename"] = "EntityListNode"
    node["access"] = json_text(entity_list["access"])
    node["data"] = json_text(entity_list["data"])
    node["allAttrib"] = json_text(entity_list["attrib"])
    node["attributes"] = json_text([])
    node["activityCategories"] = []
    return node


def project_entity_lists(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    """``ProjectNode.entityLists``: the project's lists in creation order."""
    project = project_of(info, source)
    conn = paginate(project.entity_lists, args, preds=predicates(one_of("id", args.get("ids"))))
    for edge in conn["edges"]:
        edge["node"] = _list_node(edge["node"])
    return conn


def project_entity_list(source: Node, info: GraphQLResolveInfo, id: str) -> Node:
    """``ProjectNode.entityList(id)``: one list, an error when there is none."""
    for entity_list in project_of(info, source).entity_lists:
        if entity_list["id"] == id:
            return _list_node(entity_list)
    raise GraphQLError(f"Entity list {id} not found", extensions={"status": 404})


def list_items(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    """``EntityListNode.items``: the items in position order, each with its entity."""
    project = project_of(info, source)
    rows = []
    for item in sorted(source["_items"], key=lambda i: i["position"]):
        entity = project.by_id.get(item["entityId"])
        rows.append(
            {
                **item,
                "_order": item["position"] + 1,
                "projectName": project.name,
                "entityType": source["entityType"],
                "attrib": json_text(item["attrib"]),
                "allAttrib": json_text(item["attrib"]),
                "ownAttrib": sorted(item["attrib"]),
                "data": json_text(item["data"]),
                "folderPath": list_item_folder_path(project, entity),
                "Forbidden": False,
                "node": entity,
                "Entity": entity,
            }
        )
    conn = paginate(rows, args)
    conn["edges"] = [
        dict(e["node"], cursor=encode_cursor([e["node"]["_order"]])) for e in conn["edges"]
    ]
    return conn


#: (type, field) -> resolver, attached by ``attach_resolvers``.
RESOLVERS: dict[tuple[str, str], Resolver] = {
    ("ProjectNode", "entityLists"): project_entity_lists,
    ("ProjectNode", "entityList"): project_entity_list,
    ("EntityListNode", "items"): list_items,
}
