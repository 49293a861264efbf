"""Entity links: the project's link list and each entity's links."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graphql import GraphQLResolveInfo

from ayon_gql.testing._dataset import Node
from ayon_gql.testing._filters import one_of, predicates, regex
from ayon_gql.testing._paging import Pred, encode_cursor, order_key, paginate
from ayon_gql.testing._resolver_context import ENTITY_TYPES, Resolver, project_of


def project_links(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    """``ProjectNode.links``: the project's links, filtered and paged."""
    project = project_of(info, source)
    items: list[Node] = project.links
    entity_ids = args.get("entityIds")
    if entity_ids is not None:
        merged: dict[str, Node] = {}
        for e in entity_ids:
            for link, _ in project.links_by_entity.get(e, []):
                merged[link["id"]] = link
        items = sorted(merged.values(), key=order_key)
    preds = predicates(
        one_of("id", args.get("ids")),
        one_of("inputId", args.get("inputIds")),
        one_of("outputId", args.get("outputIds")),
        link_types_match(args.get("linkTypes")),
        one_of("inputType", args.get("inputTypes")),
        one_of("outputType", args.get("outputTypes")),
        one_of("name", args.get("names")),
        regex("name", args.get("nameEx")),
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


def link_types_match(values: Sequence[str] | None) -> Pred | None:
    """The link's type is one of ``values`` (full ``type|in|out`` or short)."""
    if values is None:
        return None
    allowed = set(values)
    return lambda n: n["linkType"] in allowed or n["linkType"].split("|")[0] in allowed


def entity_links(source: Node, info: GraphQLResolveInfo, **args: Any) -> Node:
    """``links`` of an entity, seen from it (direction, the other end)."""
    project = project_of(info, source)
    direction = args.get("direction")
    type_pred = link_types_match(args.get("linkTypes"))
    name_pred = one_of("name", args.get("names"))
    rx = regex("name", args.get("nameEx"))
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


#: (type, field) -> resolver, attached by ``attach_resolvers``.
RESOLVERS: dict[tuple[str, str], Resolver] = {
    ("ProjectNode", "links"): project_links,
    **{(typename, "links"): entity_links for typename in ENTITY_TYPES},
}
