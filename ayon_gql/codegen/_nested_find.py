"""Which nested connections of an operation can be completed (code generation side).

Walks an operation with its fragments against the schema: a nested
connection can be completed when it sits directly in ``edges { node { ... }
}`` of a connection reached from the root through single objects, that
connection takes ``ids: [String!]``, and the nested connection selects
``edges`` and ``pageInfo { hasNextPage endCursor }`` (the parent's ``id`` is
selected for the follow-ups when the operation does not always select it).
Copies of a nested connection under one response key are taken together, as
the server answers them.
Everything else that selects ``pageInfo`` below a list, and every nested
connection without ``pageInfo``, is reported as a problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    get_named_type,
)

from ayon_gql.schema._relay import response_key


@dataclass(frozen=True)
class Located:
    """A field with its schema type and the response keys leading to it."""

    node: FieldNode
    parent_type: GraphQLObjectType
    keys: tuple[str, ...]
    #: The fields of the operation a merged field stands for (see :func:`merged`).
    copies: tuple[FieldNode, ...] = ()

    @property
    def definition(self) -> Any:
        return self.parent_type.fields[self.node.name.value]

    @property
    def type(self) -> Any:
        return get_named_type(self.definition.type)


def _fields(
    selection_set: SelectionSetNode | None,
    parent_type: GraphQLObjectType,
    fragments: dict[str, FragmentDefinitionNode],
    schema: GraphQLSchema,
) -> Iterator[tuple[FieldNode, GraphQLObjectType]]:
    """Fields selected on ``parent_type``, through fragment spreads and inline fragments."""
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode):
            if selection.name.value in getattr(parent_type, "fields", {}):
                yield selection, parent_type
            continue
        if isinstance(selection, FragmentSpreadNode):
            fragment = fragments.get(selection.name.value)
            if fragment is None:
                continue
            inner, condition = fragment.selection_set, fragment.type_condition.name.value
        elif isinstance(selection, InlineFragmentNode):
            inner = selection.selection_set
            condition = (
                selection.type_condition.name.value
                if selection.type_condition
                else parent_type.name
            )
        else:  # pragma: no cover - graphql-core has no other selection kinds
            continue
        narrowed = schema.get_type(condition)
        yield from _fields(
            inner,
            narrowed if isinstance(narrowed, GraphQLObjectType) else parent_type,
            fragments,
            schema,
        )


def _children(
    located: Located, fragments: dict[str, FragmentDefinitionNode], schema: GraphQLSchema
) -> list[Located]:
    field_type = located.type
    if not isinstance(field_type, GraphQLObjectType):
        return []
    return [
        Located(node, parent, (*located.keys, response_key(node)))
        for node, parent in _fields(located.node.selection_set, field_type, fragments, schema)
    ]


def field_named(children: list[Located], name: str) -> Located | None:
    return next((child for child in children if child.node.name.value == name), None)


def merged(copies: list[Located]) -> Located:
    """One field standing for every copy of a field selected under one response key.

    The server answers the copies as one field with all their selections;
    the merged field stands for that.  A follow-up is made only for parents
    whose answer holds the field, so the field itself needs no directives; a
    copy's ``@include``/``@skip`` goes onto an inline fragment holding its
    selections, which keeps them out where the server left them out.
    """
    first = copies[0]
    selections: list[SelectionNode] = []
    for copy_ in copies:
        if copy_.node.selection_set is None:
            continue
        if copy_.node.directives:
            selections.append(
                InlineFragmentNode(
                    type_condition=None,
                    directives=copy_.node.directives,
                    selection_set=copy_.node.selection_set,
                )
            )
        else:
            selections.extend(copy_.node.selection_set.selections)
    node = FieldNode(
        alias=first.node.alias,
        name=first.node.name,
        arguments=first.node.arguments,
        directives=(),
        selection_set=SelectionSetNode(selections=tuple(selections)),
    )
    return Located(node, first.parent_type, first.keys, tuple(c.node for c in copies))


def _is_connection(located: Located) -> bool:
    field_type = located.type
    return (
        isinstance(field_type, GraphQLObjectType)
        and "edges" in field_type.fields
        and "pageInfo" in field_type.fields
    )


def _is_list(located: Located) -> bool:
    field_type = located.definition.type
    if isinstance(field_type, GraphQLNonNull):
        field_type = field_type.of_type
    return isinstance(field_type, GraphQLList)


def _takes_id_list(located: Located) -> bool:
    argument = located.definition.args.get("ids")
    return argument is not None and str(argument.type) in {"[String!]", "[String!]!"}


@dataclass
class Finder:
    """Walks one operation and collects plans and warnings."""

    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    schema: GraphQLSchema
    found: list[tuple[tuple[Located, ...], Located, Located, Located]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.operation.name.value if self.operation.name else "<anonymous>"

    def children(self, located: Located) -> list[Located]:
        return _children(located, self.fragments, self.schema)

    def run(self) -> None:
        root = self.schema.query_type
        if root is None:
            return
        for node, parent in _fields(
            self.operation.selection_set, root, self.fragments, self.schema
        ):
            self.single(Located(node, parent, (response_key(node),)), ())

    def single(self, located: Located, owners: tuple[Located, ...]) -> None:
        """``located`` is reached from the root through single objects only."""
        if _is_connection(located):
            self.connection(located, owners)
        elif _is_list(located):
            self.unreachable(located)
        else:
            for child in self.children(located):
                self.single(child, (*owners, located))

    def connection(self, outer: Located, owners: tuple[Located, ...]) -> None:
        edges = field_named(self.children(outer), "edges")
        node = field_named(self.children(edges), "node") if edges else None
        if node is None:
            if edges is not None:
                self.unreachable(edges)
            return
        parent_children = self.children(node)
        copies: dict[tuple[str, ...], list[Located]] = {}
        for child in parent_children:
            if not _is_connection(child):
                self.unreachable(child)
                continue
            copies.setdefault(child.keys, []).append(child)
        for same_key in copies.values():
            child = merged(same_key)
            reason = self.why_not(outer, child)
            if reason is None:
                self.found.append((owners, outer, node, child))
            elif reason:
                self.problems.append(reason)
            self.unreachable(child)

    def why_not(self, outer: Located, nested: Located) -> str | None:
        """Why ``nested`` cannot be completed; '' when it needs no completion."""
        where = f"{self.name}: nested connection {'.'.join(nested.keys)}"
        page_info = field_named(self.children(nested), "pageInfo")
        has_both = page_info is not None and {
            child.node.name.value for child in self.children(page_info)
        } >= {"hasNextPage", "endCursor"}
        if not has_both:
            return (
                f"{where} selects no pageInfo {{ hasNextPage endCursor }}, so items beyond its"
                " first page are cut; select them to have the rest fetched"
            )
        arguments = {argument.name.value for argument in nested.node.arguments or ()}
        if arguments & {"last", "before"}:
            return f"{where} pages backwards (last/before) and is not completed"
        if field_named(self.children(nested), "edges") is None:
            return f"{where} selects no edges and is not completed"
        if not _takes_id_list(outer):
            return (
                f"{where} is not completed: {outer.parent_type.name}.{outer.node.name.value}"
                " takes no ids argument to reach its parents again"
            )
        return None

    def unreachable(self, located: Located) -> None:
        """Warn about connections with pageInfo below ``located`` (none can be completed)."""
        for child in self.children(located):
            if _is_connection(child) and field_named(self.children(child), "pageInfo") is not None:
                self.problems.append(
                    f"{self.name}: nested connection {'.'.join(child.keys)} is not completed:"
                    " only connections directly in the nodes of a connection reached through"
                    " single objects from the root are"
                )
            self.unreachable(child)
