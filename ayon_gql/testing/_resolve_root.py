"""Resolvers of the root query fields: projects, users, me, product types."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError, GraphQLResolveInfo

from ayon_gql.testing._dataset import PRODUCT_TYPES, Node
from ayon_gql.testing._filters import one_of, predicates
from ayon_gql.testing._paging import BY_NAME, paginate
from ayon_gql.testing._resolver_context import Resolver, request_context


def _resolve_project(source: Any, info: GraphQLResolveInfo, **args: Any) -> Node:
    ds = request_context(info).dataset
    name = args.get("name")
    if not name and args.get("code"):
        name = ds.project_name_by_code(args["code"])
    node = ds.project_node(name) if name else None
    if node is None:
        raise GraphQLError("Project not found", extensions={"status": 404})
    return node


def _resolve_projects(source: Any, info: GraphQLResolveInfo, **args: Any) -> Node:
    ds = request_context(info).dataset
    nodes = [n for name in ds.project_names() if (n := ds.project_node(name)) is not None]
    preds = predicates(
        one_of("name", [args["name"]] if args.get("name") else None),
        one_of("code", [args["code"]] if args.get("code") else None),
    )
    return paginate(nodes, args, preds=preds, ordering=BY_NAME)


def _resolve_users(source: Any, info: GraphQLResolveInfo, **args: Any) -> Node:
    ds = request_context(info).dataset
    names = args.get("names")
    if args.get("name"):
        names = [args["name"]]
    preds = predicates(one_of("name", names))
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
    return paginate(ds.users, args, preds=preds, ordering=BY_NAME)


def _resolve_user(source: Any, info: GraphQLResolveInfo, name: str) -> Node:
    user = request_context(info).dataset.users_by_name.get(name)
    if user is None:
        raise GraphQLError(f"User {name} not found", extensions={"status": 404})
    return user


def _resolve_me(source: Any, info: GraphQLResolveInfo) -> Node:
    return request_context(info).user


def _resolve_product_types(source: Any, info: GraphQLResolveInfo) -> list[Node]:
    return PRODUCT_TYPES


#: (type, field) -> resolver, attached by ``attach_resolvers``.
RESOLVERS: dict[tuple[str, str], Resolver] = {
    ("Query", "project"): _resolve_project,
    ("Query", "projects"): _resolve_projects,
    ("Query", "users"): _resolve_users,
    ("Query", "user"): _resolve_user,
    ("Query", "me"): _resolve_me,
    ("Query", "productTypes"): _resolve_product_types,
}
