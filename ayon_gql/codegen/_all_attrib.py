"""Send ``attrib { ... }`` selections as ``allAttrib`` on the wire.

On AYON, ``allAttrib`` is the JSON text of exactly the attribute values that
``attrib`` resolves field by field (own values merged with inherited ones,
null values left out), at about half the server's cost.  The ``.graphql``
files keep ``attrib { ... }`` as written (that is what ``check`` validates and
what the typed models are generated from); what goes on the wire asks
``attrib: allAttrib`` instead, and the generated ``attrib`` model is filled
from that text (see :mod:`ayon_gql.codegen._all_attrib_models`).

An ``attrib`` selection is replaced when the parent type offers a String
``allAttrib`` and the selection is flat: fields of the attribute type, with
or without aliases, ``__typename``, and fragments on the attribute type, none
carrying ``@include``/``@skip`` (their variables are unknown to the model).
Anything else keeps the written selection.  If the rewritten document does
not validate against the schema (say, a written ``attrib`` merged with one
that could not be replaced), the operation is sent exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    InlineFragmentNode,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    TokenKind,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    parse,
    print_ast,
    validate,
    visit,
)

from ayon_gql._errors import GenerationError, ProjectConfigError

ATTRIB = "attrib"
ALL_ATTRIB = "allAttrib"
TYPENAME = "__typename"

#: The key of ``[tool.ayon-gql]`` and of the per-operation comment.
CONFIG_KEY = "all_attrib"

_PRAGMA = re.compile(r"^\s*ayon-gql:\s*all_attrib\s*=\s*(?P<value>\S+)\s*$")
_PRAGMA_START = re.compile(r"^\s*ayon-gql:\s*all_attrib\b")


@dataclass(frozen=True)
class AttribSelection:
    """A flat ``attrib { ... }`` selection that ``allAttrib`` can stand in for.

    ``keys`` pairs each response key of the selection with the attribute it
    reads (``TYPENAME`` for ``__typename``), in selection order, once each.
    """

    type_name: str
    keys: tuple[tuple[str, str], ...]


def _field_def(parent: GraphQLNamedType | None, name: str) -> GraphQLField | None:
    if isinstance(parent, (GraphQLObjectType, GraphQLInterfaceType)):
        field: GraphQLField | None = parent.fields.get(name)
        return field
    return None


def offers_all_attrib(parent: GraphQLNamedType | None) -> GraphQLObjectType | None:
    """The attribute type of ``parent.attrib`` when ``parent`` also has a String ``allAttrib``."""
    attrib = _field_def(parent, ATTRIB)
    all_attrib = _field_def(parent, ALL_ATTRIB)
    if attrib is None or all_attrib is None:
        return None
    text = get_named_type(all_attrib.type)
    if not (isinstance(text, GraphQLScalarType) and text.name == "String") or attrib.args:
        return None
    attrib_type = get_named_type(attrib.type)
    return attrib_type if isinstance(attrib_type, GraphQLObjectType) else None


def _flat_keys(
    selection_set: SelectionSetNode,
    attrib_type: GraphQLObjectType,
    fragments: Mapping[str, FragmentDefinitionNode],
    visiting: frozenset[str],
) -> list[tuple[str, str]] | None:
    """(response key, attribute) of a flat selection on ``attrib_type``; None if not flat."""
    keys: list[tuple[str, str]] = []
    for selection in selection_set.selections:
        if selection.directives:
            return None
        if isinstance(selection, FieldNode):
            name = selection.name.value
            if selection.selection_set is not None or selection.arguments:
                return None
            if name != TYPENAME and name not in attrib_type.fields:
                return None
            key = selection.alias.value if selection.alias else name
            keys.append((key, name))
            continue
        if isinstance(selection, FragmentSpreadNode):
            fragment = fragments.get(selection.name.value)
            if fragment is None or fragment.name.value in visiting:
                return None
            condition: str | None = fragment.type_condition.name.value
            inner = fragment.selection_set
            inner_visiting = visiting | {fragment.name.value}
        elif isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition.name.value if selection.type_condition else None
            inner = selection.selection_set
            inner_visiting = visiting
        else:  # pragma: no cover - graphql-core has no other selection kind
            return None
        if condition not in (None, attrib_type.name) or _has_own_directives(selection, fragments):
            return None
        nested = _flat_keys(inner, attrib_type, fragments, inner_visiting)
        if nested is None:
            return None
        keys.extend(nested)
    return keys


def _has_own_directives(
    selection: FragmentSpreadNode | InlineFragmentNode,
    fragments: Mapping[str, FragmentDefinitionNode],
) -> bool:
    """True when a spread's fragment definition carries directives of its own."""
    if isinstance(selection, FragmentSpreadNode):
        fragment = fragments.get(selection.name.value)
        return bool(fragment is not None and fragment.directives)
    return False


def attrib_selection(
    field: FieldNode,
    parent: GraphQLNamedType | None,
    fragments: Mapping[str, FragmentDefinitionNode],
) -> AttribSelection | None:
    """What ``allAttrib`` must supply in place of ``field``, or None to keep it as written."""
    if field.name.value != ATTRIB or field.selection_set is None or field.arguments:
        return None
    attrib_type = offers_all_attrib(parent)
    if attrib_type is None:
        return None
    keys = _flat_keys(field.selection_set, attrib_type, fragments, frozenset())
    if keys is None:
        return None
    unique: dict[str, str] = {}
    for key, name in keys:
        if unique.setdefault(key, name) != name:  # pragma: no cover - invalid GraphQL
            return None
    return AttribSelection(attrib_type.name, tuple(unique.items()))


def fragment_map(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    """The document's fragment definitions by name."""
    return {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }


def visit_attrib_selections(
    document: DocumentNode,
    schema: GraphQLSchema,
    found: Callable[[FieldNode, AttribSelection], FieldNode | None],
) -> DocumentNode:
    """Visit ``document``; call ``found(field, selection)`` for each replaceable ``attrib``.

    What ``found`` returns replaces the field (``None`` keeps it), as in
    graphql-core's ``visit``.
    """
    fragments = fragment_map(document)
    type_info = TypeInfo(schema)

    class _Finder(Visitor):
        def enter_field(self, node: FieldNode, *_: Any) -> Any:
            selection = attrib_selection(node, type_info.get_parent_type(), fragments)
            return None if selection is None else found(node, selection)

    result = visit(document, TypeInfoVisitor(type_info, _Finder()))
    assert isinstance(result, DocumentNode)
    return result


def every_attrib_replaceable(document: DocumentNode, schema: GraphQLSchema) -> bool:
    """Whether every ``attrib`` selection of ``document`` that could be asked as
    ``allAttrib`` is flat enough to be (see the module docstring).

    ``document`` is an operation's typing document (:mod:`._normalize`): where
    merging leaves a sub-field conditional (two ``attrib`` selections under
    different ``@skip``/``@include``), ``allAttrib`` would give values the
    written operation does not, so the operation is sent as written.
    """
    fragments = fragment_map(document)
    type_info = TypeInfo(schema)
    blocked: list[FieldNode] = []

    class _Finder(Visitor):
        def enter_field(self, node: FieldNode, *_: Any) -> None:
            parent = type_info.get_parent_type()
            if node.name.value != ATTRIB or node.arguments or offers_all_attrib(parent) is None:
                return
            if attrib_selection(node, parent, fragments) is None:
                blocked.append(node)

    visit(document, TypeInfoVisitor(type_info, _Finder()))
    return not blocked


def _all_attrib_field(field: FieldNode) -> FieldNode:
    return FieldNode(
        alias=NameNode(value=field.alias.value if field.alias else ATTRIB),
        name=NameNode(value=ALL_ATTRIB),
        arguments=(),
        directives=field.directives,
        selection_set=None,
    )


def _spread_names(
    nodes: Iterable[Any], fragments: Mapping[str, FragmentDefinitionNode]
) -> set[str]:
    """Names of the fragments reachable from ``nodes``."""
    names: set[str] = set()

    class _Spreads(Visitor):
        def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
            names.add(node.name.value)

    pending = list(nodes)
    while pending:
        node = pending.pop()
        before = set(names)
        visit(node, _Spreads())
        pending.extend(fragments[name] for name in names - before if name in fragments)
    return names


def wire_query(
    query: str, schema: GraphQLSchema, *, enabled: bool = True, typed: DocumentNode | None = None
) -> str:
    """The text to send for ``query``: each replaceable ``attrib`` asked as ``allAttrib``.

    Returns ``query`` unchanged when ``enabled`` is false, when nothing can be
    replaced, when the rewritten document would not validate, or when
    ``typed`` (the operation's typing document) has an ``attrib`` selection
    that cannot be replaced.  Fragments
    that only the replaced selections used are dropped (the server rejects
    unused fragments); everything else prints as graphql-core prints it.
    """
    if not enabled or (typed is not None and not every_attrib_replaceable(typed, schema)):
        return query
    try:
        document = parse(query)
    except GraphQLError as error:
        raise GenerationError(f"cannot rewrite attrib for the wire: {error.message}") from None
    replaced: list[FieldNode] = []

    def replace(field: FieldNode, selection: AttribSelection) -> FieldNode:
        replaced.append(field)
        return _all_attrib_field(field)

    rewritten = visit_attrib_selections(document, schema, replace)
    if not replaced:
        return query
    fragments = fragment_map(document)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    used_before = _spread_names(operations, fragments)
    new_fragments = fragment_map(rewritten)
    new_operations = [d for d in rewritten.definitions if isinstance(d, OperationDefinitionNode)]
    used_after = _spread_names(new_operations, new_fragments)
    dropped = used_before - used_after
    rewritten = DocumentNode(
        definitions=tuple(
            d
            for d in rewritten.definitions
            if not (isinstance(d, FragmentDefinitionNode) and d.name.value in dropped)
        )
    )
    if validate(schema, rewritten):
        return query
    return print_ast(rewritten)


# -- configuration --------------------------------------------------------------------------


@dataclass(frozen=True)
class AllAttribConfig:
    """Which operations go through :func:`wire_query` (``[tool.ayon-gql] all_attrib``).

    ``all_attrib = true`` (the default), ``false``, or
    ``{ exclude = ["GetX", ...] }``.  A comment line
    ``# ayon-gql: all_attrib = false`` (or ``true``) directly above an
    operation overrides the project setting for that operation.
    """

    enabled: bool = True
    exclude: frozenset[str] = frozenset()

    @classmethod
    def from_value(cls, value: Any, where: str = "[tool.ayon-gql]") -> AllAttribConfig:
        """Read the ``all_attrib`` value of the configuration section."""
        if isinstance(value, bool):
            return cls(enabled=value)
        if isinstance(value, Mapping) and set(value) <= {"exclude"}:
            exclude = value.get("exclude", [])
            if isinstance(exclude, list) and all(
                isinstance(name, str) and name for name in exclude
            ):
                return cls(exclude=frozenset(exclude))
        raise ProjectConfigError(
            f"{where} {CONFIG_KEY} must be true, false or"
            f' {{ exclude = ["OperationName", ...] }}, not {value!r}'
        )

    @classmethod
    def from_config_dict(cls, config_dict: Mapping[str, Any]) -> AllAttribConfig:
        """Read it from the parsed ``pyproject.toml`` that ariadne-codegen hands plugins."""
        section = config_dict.get("tool", {}).get("ayon-gql", {})
        if not isinstance(section, Mapping) or CONFIG_KEY not in section:
            return cls()
        return cls.from_value(section[CONFIG_KEY])

    def applies_to(self, operation: OperationDefinitionNode) -> bool:
        """Whether ``operation`` is sent with ``allAttrib`` in place of ``attrib``."""
        override = operation_override(operation)
        if override is not None:
            return override
        name = operation.name.value if operation.name else ""
        return self.enabled and name not in self.exclude

    def unknown_exclusions(self, operation_names: Iterable[str]) -> list[str]:
        """Excluded names that match no operation (a typo would otherwise go unnoticed)."""
        return sorted(self.exclude - set(operation_names))


def operation_override(operation: OperationDefinitionNode) -> bool | None:
    """The ``# ayon-gql: all_attrib = true|false`` comment directly above ``operation``."""
    if operation.loc is None:
        return None
    name = operation.name.value if operation.name else "<anonymous>"
    token = operation.loc.start_token.prev
    while token is not None and token.kind == TokenKind.COMMENT:
        text = token.value or ""
        match = _PRAGMA.match(text)
        if match is not None and match["value"] in ("true", "false"):
            return match["value"] == "true"
        if _PRAGMA_START.match(text):
            raise GenerationError(
                f"operation {name}: expected '# ayon-gql: all_attrib = true' or '= false'"
                f" above it, got '#{text}'"
            )
        token = token.prev
    return None
