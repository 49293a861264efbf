"""What a generated method sends: the operation as written, with every fragment it uses.

Result classes are built from the typing document (:mod:`._normalize`), but
the server gets the operation as the user wrote it, so its answer is exactly
the answer to that text.  Added are the fragments it spreads, directly or
through other fragments (all of them: the server rejects unknown fragments),
``__typename`` on abstract fields when ariadne-codegen's ``include_typename``
makes the classes read it, and nothing else; ariadne-codegen's own ``@mixin``
directive is removed, as ariadne-codegen does.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSchema,
    NameNode,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    is_abstract_type,
    print_ast,
    visit,
)

_MIXIN = "mixin"
_TYPENAME = "__typename"


def used_fragments(
    node: Node, fragments: dict[str, FragmentDefinitionNode], found: list[str] | None = None
) -> list[str]:
    """Every fragment ``node`` spreads, directly or through other fragments."""
    names: list[str] = [] if found is None else found

    class _Spreads(Visitor):
        def enter_fragment_spread(self, spread: FragmentSpreadNode, *_: Any) -> None:
            name = spread.name.value
            if name not in names and name in fragments:
                names.append(name)
                used_fragments(fragments[name], fragments, names)

    visit(node, _Spreads())
    return names


class _Rewrite(Visitor):
    def __init__(self, type_info: TypeInfo, typename: bool) -> None:
        super().__init__()
        self._type_info = type_info
        self._typename = typename

    def enter_directive(self, node: Any, *_: Any) -> Any:
        return self.REMOVE if node.name.value == _MIXIN else None

    def enter_field(self, node: FieldNode, *_: Any) -> Any:
        if not self._typename or node.selection_set is None:
            return None
        type_ = self._type_info.get_type()
        if type_ is None or not is_abstract_type(get_named_type(type_)):
            return None
        if any(
            isinstance(s, FieldNode) and s.alias is None and s.name.value == _TYPENAME
            for s in node.selection_set.selections
        ):
            return None
        typename = FieldNode(name=NameNode(value=_TYPENAME))
        return FieldNode(
            alias=node.alias,
            name=node.name,
            arguments=node.arguments,
            directives=node.directives,
            selection_set=SelectionSetNode(selections=(typename, *node.selection_set.selections)),
        )


def wire_text(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str,
    *,
    include_typename: bool = False,
) -> str | None:
    """The text sent for ``operation_name`` of ``document`` (None if it has no such operation)."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operation = next(
        (
            d
            for d in document.definitions
            if isinstance(d, OperationDefinitionNode)
            and d.name is not None
            and d.name.value == operation_name
        ),
        None,
    )
    if operation is None:
        return None
    names = sorted(used_fragments(operation, fragments))
    texts = []
    for definition in (operation, *(fragments[name] for name in names)):
        type_info = TypeInfo(schema)
        rewritten = visit(
            definition, TypeInfoVisitor(type_info, _Rewrite(type_info, include_typename))
        )
        texts.append(print_ast(rewritten))
    return "\n\n".join(texts)


def typing_of(
    operation: OperationDefinitionNode, fragments: dict[str, FragmentDefinitionNode]
) -> DocumentNode:
    """``operation`` of the typing document with the typing fragments it uses."""
    return DocumentNode(
        definitions=(operation, *(fragments[n] for n in used_fragments(operation, fragments)))
    )


class WrittenOperations:
    """The queries as written, read once, and the wire text of each operation."""

    def __init__(self, schema: GraphQLSchema, queries_path: str, include_typename: bool) -> None:
        self._schema = schema
        self._queries_path = queries_path
        self._include_typename = include_typename
        self._document: DocumentNode | None = None

    def written(
        self, operation: OperationDefinitionNode
    ) -> tuple[str, OperationDefinitionNode] | None:
        """The text sent for ``operation`` and its definition as written (None if unknown)."""
        from ayon_gql.codegen._typing_files import read_queries

        if operation.name is None:
            return None
        if self._document is None:
            self._document = read_queries(self._queries_path)
        name = operation.name.value
        text = wire_text(
            self._schema, self._document, name, include_typename=self._include_typename
        )
        definition = next(
            (
                d
                for d in self._document.definitions
                if isinstance(d, OperationDefinitionNode) and d.name and d.name.value == name
            ),
            None,
        )
        return None if text is None or definition is None else (text, definition)
