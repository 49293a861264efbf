"""Which Relay connection of an operation ``iter_*`` pages through, or why none.

One definition shared by code generation (``iter_*`` methods), ``check``
(which generated methods an operation has) and ``ayon-gql query
--all-pages``.  An operation is paged when exactly one field takes
``after: $after`` and:

* ``$after`` is declared nullable (the first page is asked for without a
  cursor) and ``$first`` is declared (it carries the page size);
* the field is reached from the root through single objects: no list on the
  way (a connection under ``edges`` has one set of pages per parent), and
  no type condition narrowing an abstract type; fragment spreads and inline
  fragments on the same type are fine, so a connection may sit in a fragment;
* it selects ``edges`` and ``pageInfo { hasNextPage endCursor }``, without
  aliases or ``@include``/``@skip`` on them (the pager reads exactly these).

An operation that passes a variable to some field's ``after`` argument but
breaks a rule "looks paginated": :func:`operation_paging` says why, so
generation can warn instead of producing a method that cannot work.

Without a schema, lists are recognised by Relay's shape only (``edges``) and
type conditions are not checked; every caller that has the schema passes it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)

#: The variables an ``iter_*`` method sets on each request.
AFTER_VARIABLE = "after"
FIRST_VARIABLE = "first"
#: The ``iter_*`` method's own parameter; an operation variable of that name would clash.
PAGE_SIZE_PARAMETER = "page_size"

Fragments = Mapping[str, FragmentDefinitionNode]


def response_key(field: FieldNode) -> str:
    """The key a field's value has in the answer (its alias, or its name)."""
    return field.alias.value if field.alias else field.name.value


def selected_field(selection_set: SelectionSetNode | None, name: str) -> FieldNode | None:
    """The field called ``name`` directly in ``selection_set``, if selected."""
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode) and selection.name.value == name:
            return selection
    return None


def iter_method_name(method_name: str) -> str:
    """``iter_folders`` for ``get_folders``; ``iter_<name>`` for any other name."""
    return "iter_" + method_name.removeprefix("get_")


@dataclass(frozen=True)
class RelayConnection:
    """The connection an ``iter_*`` method pages through.

    ``path`` holds the fields from the root to the connection, the fields of
    fragments included (a connection may sit in a fragment).  ``edges_have_node``
    is False for connections whose edges carry the data themselves (links):
    then the edges are the items.
    """

    path: tuple[FieldNode, ...]
    edges_have_node: bool

    @property
    def keys(self) -> tuple[str, ...]:
        """Response keys from the root to the connection."""
        return tuple(response_key(field) for field in self.path)

    @property
    def field(self) -> FieldNode:
        """The connection field itself."""
        return self.path[-1]


@dataclass(frozen=True)
class Paging:
    """How an operation pages: its connection, or why it cannot be paged.

    Both are None for an operation that passes no variable to ``after``.
    """

    connection: RelayConnection | None = None
    problem: str | None = None

    @property
    def looks_paginated(self) -> bool:
        """True when the operation pages or tries to."""
        return self.connection is not None or self.problem is not None


@dataclass(frozen=True)
class _AfterField:
    """A field taking ``after: $<variable>``, and what stands between it and the root."""

    path: tuple[FieldNode, ...]
    variable: str
    obstacle: str | None
    parent: GraphQLNamedType | None = None


def _shown(path: tuple[FieldNode, ...]) -> str:
    return ".".join(response_key(field) for field in path)


def _after_variable(field: FieldNode) -> str | None:
    for argument in field.arguments or ():
        if argument.name.value == "after" and isinstance(argument.value, VariableNode):
            return argument.value.name.value
    return None


def _is_list(
    schema: GraphQLSchema | None, parent: GraphQLNamedType | None, field: FieldNode
) -> bool:
    if schema is None or not isinstance(parent, (GraphQLObjectType, GraphQLInterfaceType)):
        return field.name.value == "edges"  # Relay's shape: edges is always a list
    definition = parent.fields.get(field.name.value)
    if definition is None:
        return False
    field_type = definition.type
    if isinstance(field_type, GraphQLNonNull):
        field_type = field_type.of_type
    return isinstance(field_type, GraphQLList)


def _field_type(
    schema: GraphQLSchema | None, parent: GraphQLNamedType | None, field: FieldNode
) -> GraphQLNamedType | None:
    if schema is None or not isinstance(parent, (GraphQLObjectType, GraphQLInterfaceType)):
        return None
    definition = parent.fields.get(field.name.value)
    if definition is None:
        return None
    named: GraphQLNamedType = get_named_type(definition.type)
    return named


def _fragment_type(
    schema: GraphQLSchema | None, parent: GraphQLNamedType | None, condition: str | None
) -> tuple[GraphQLNamedType | None, bool]:
    """The type a fragment's selections apply to, and whether it narrows an abstract type."""
    if schema is None or condition is None:
        return parent, False
    target = schema.get_type(condition)
    if parent is None or target is None or target is parent:
        return (target or parent), False
    if isinstance(parent, GraphQLObjectType):
        return parent, False  # a fragment on an interface the object implements
    return target, isinstance(parent, (GraphQLInterfaceType, GraphQLUnionType))


def _after_fields(
    selection_set: SelectionSetNode | None,
    parent: GraphQLNamedType | None,
    *,
    schema: GraphQLSchema | None,
    fragments: Fragments,
    path: tuple[FieldNode, ...] = (),
    obstacle: str | None = None,
    seen: frozenset[str] = frozenset(),
) -> Iterator[_AfterField]:
    """Every field taking ``after:`` a variable, through fragments."""
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode):
            here = (*path, selection)
            variable = _after_variable(selection)
            if variable is not None:
                yield _AfterField(here, variable, obstacle, parent)
            if selection.selection_set is not None:
                below = obstacle
                if below is None and _is_list(schema, parent, selection):
                    below = f"inside the list {_shown(here)}"
                yield from _after_fields(
                    selection.selection_set,
                    _field_type(schema, parent, selection),
                    schema=schema,
                    fragments=fragments,
                    path=here,
                    obstacle=below,
                    seen=seen,
                )
            continue
        if isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition.name.value if selection.type_condition else None
            inner_set = selection.selection_set
            inner_seen = seen
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is None or name in seen:
                continue  # unknown or cyclic fragments are validation errors, reported there
            condition = fragment.type_condition.name.value
            inner_set = fragment.selection_set
            inner_seen = seen | {name}
        else:  # pragma: no cover - no other selection kinds exist
            continue
        target, narrows = _fragment_type(schema, parent, condition)
        below = obstacle
        if narrows and below is None:
            below = f"behind the type condition `... on {condition}`"
        yield from _after_fields(
            inner_set,
            target,
            schema=schema,
            fragments=fragments,
            path=path,
            obstacle=below,
            seen=inner_seen,
        )


def newest_first(parent: GraphQLNamedType | None, field: FieldNode) -> int | None:
    """The default of ``last`` when ``field`` lists its items newest first, else None.

    AYON orders a connection backwards whenever ``last`` is set, and some
    fields give ``last`` a default (an entity's ``activities``: 100).  Asked
    with ``first`` alone, such a field answers its newest items first while
    ``after:`` selects the items that come after the cursor in creation
    order, so its pages cannot be followed forward.  Passing ``last: null``
    (or any ``last``) in the operation turns the default off.
    """
    if not isinstance(parent, (GraphQLObjectType, GraphQLInterfaceType)):
        return None
    definition = parent.fields.get(field.name.value)
    argument = definition.args.get("last") if definition is not None else None
    if argument is None or not isinstance(argument.default_value, int):
        return None
    if any(given.name.value == "last" for given in field.arguments or ()):
        return None
    return argument.default_value


def _is_conditional(selection: SelectionNode) -> bool:
    return any(d.name.value in {"include", "skip"} for d in selection.directives or ())


def _plain_fields(
    selection_set: SelectionSetNode | None,
    name: str,
    fragments: Fragments | None,
    *,
    conditional: bool = False,
    seen: frozenset[str] = frozenset(),
) -> Iterator[tuple[FieldNode | None, bool]]:
    """Fields answered under the key ``name``, through fragments, with "is conditional".

    Without ``fragments`` (a caller that has none), a fragment spread may
    select anything: it yields None.
    """
    for selection in selection_set.selections if selection_set else ():
        guarded = conditional or _is_conditional(selection)
        if isinstance(selection, FieldNode):
            if response_key(selection) == name or selection.name.value == name:
                yield selection, guarded
        elif isinstance(selection, InlineFragmentNode):
            yield from _plain_fields(
                selection.selection_set, name, fragments, conditional=guarded, seen=seen
            )
        elif isinstance(selection, FragmentSpreadNode):
            if fragments is None:
                yield None, guarded
                continue
            fragment = fragments.get(selection.name.value)
            if fragment is not None and selection.name.value not in seen:
                yield from _plain_fields(
                    fragment.selection_set,
                    name,
                    fragments,
                    conditional=guarded,
                    seen=seen | {selection.name.value},
                )


def _readable(
    selection_sets: list[SelectionSetNode | None], name: str, fragments: Fragments | None
) -> tuple[list[FieldNode], str | None]:
    """The ``name`` fields the pager can read (unaliased, unconditional), or what is wrong."""
    found = [
        (field, guarded)
        for selection_set in selection_sets
        for field, guarded in _plain_fields(selection_set, name, fragments)
    ]
    if not found:
        return [], f"selects no {name}"
    for field, guarded in found:
        if field is not None and (field.name.value != name or response_key(field) != name):
            alias = f"{response_key(field)}: {field.name.value}"
            return [], f"selects {name} under an alias (`{alias}`)"
        if field is not None and guarded:
            return [], f"selects {name} under @include/@skip"
    return [field for field, _ in found if field is not None], None


def _connection_problem(field: FieldNode, fragments: Fragments | None) -> tuple[bool, str | None]:
    """(edges have node, what keeps the pager from reading this connection)."""
    edges, problem = _readable([field.selection_set], "edges", fragments)
    if problem:
        return False, problem
    page_info, problem = _readable([field.selection_set], "pageInfo", fragments)
    if problem:
        return False, f"{problem} (select pageInfo {{ hasNextPage endCursor }})"
    info_sets = [info.selection_set for info in page_info]
    for name in ("hasNextPage", "endCursor"):
        _, problem = _readable(info_sets, name, fragments) if info_sets else ([], None)
        if problem:
            return False, f"pageInfo {problem}"
    edge_sets = [edge.selection_set for edge in edges]
    if not any(True for s in edge_sets for _ in _plain_fields(s, "node", fragments)):
        return False, None
    _, problem = _readable(edge_sets, "node", fragments)
    return True, (f"edges {problem}" if problem else None)


def operation_paging(
    operation: OperationDefinitionNode,
    fragments: Fragments | None = None,
    schema: GraphQLSchema | None = None,
) -> Paging:
    """The connection ``operation`` pages through, or why it cannot be paged.

    ``fragments`` are the definitions its spreads may name (a connection in
    a fragment, ``pageInfo { ...PageInfoFields }``); without them a spread is
    assumed to select what the pager needs.  ``schema`` tells lists and
    abstract types apart.
    """
    root = schema.get_root_type(operation.operation) if schema is not None else None
    candidates = list(
        _after_fields(operation.selection_set, root, schema=schema, fragments=fragments or {})
    )
    paged = [c for c in candidates if c.variable == AFTER_VARIABLE]
    if not paged:
        if not candidates:
            return Paging()
        other = candidates[0]
        return Paging(
            problem=f"{_shown(other.path)} takes after: ${other.variable}; "
            f"iter_* pages with a variable named ${AFTER_VARIABLE}"
        )
    if len(paged) > 1:
        shown = ", ".join(_shown(c.path) for c in paged)
        return Paging(
            problem=f"passes ${AFTER_VARIABLE} to {len(paged)} connections ({shown}); "
            "iter_* pages exactly one (give the others their own cursor variables)"
        )
    candidate = paged[0]
    where = _shown(candidate.path)
    if candidate.obstacle:
        return Paging(
            problem=f"{where} is {candidate.obstacle}: it has pages per parent, "
            "and iter_* pages a connection reached through single objects"
        )
    default_last = newest_first(candidate.parent, candidate.path[-1])
    if default_last is not None:
        return Paging(
            problem=f"{where} lists its items newest first (its last defaults to {default_last})"
            " while after: reads them oldest first, so its pages cannot be followed;"
            " pass last: null to page it oldest first"
        )
    declared = {d.variable.name.value: d for d in operation.variable_definitions or ()}
    after = declared.get(AFTER_VARIABLE)
    if after is not None and isinstance(after.type, NonNullTypeNode):
        return Paging(
            problem=f"${AFTER_VARIABLE} is non-null, so the first page cannot be asked for; "
            f"declare ${AFTER_VARIABLE}: String"
        )
    if FIRST_VARIABLE not in declared:
        return Paging(problem=f"declares no ${FIRST_VARIABLE}, which iter_* sets to the page size")
    edges_have_node, problem = _connection_problem(candidate.path[-1], fragments)
    if problem:
        return Paging(problem=f"{where} {problem}")
    return Paging(connection=RelayConnection(candidate.path, edges_have_node))


def _python_name(name: str) -> str:
    """The Python name ariadne-codegen gives an operation or variable (its own function)."""
    from ariadne_codegen.utils import process_name

    return str(process_name(name, convert_to_snake_case=True))


def iter_method_paging(
    operation: OperationDefinitionNode,
    fragments: Fragments | None = None,
    schema: GraphQLSchema | None = None,
) -> Paging:
    """:func:`operation_paging`, plus what keeps code generation from writing ``iter_*``.

    A variable whose argument is named like the iterator's own
    ``page_size`` parameter would clash with it: such an operation pages
    (``query --all-pages`` follows it) but gets no ``iter_*`` method.
    """
    paging = operation_paging(operation, fragments, schema)
    if paging.connection is None:
        return paging
    for definition in operation.variable_definitions or ():
        if _python_name(definition.variable.name.value) == PAGE_SIZE_PARAMETER:
            return Paging(problem=f"a variable clashes with its `{PAGE_SIZE_PARAMETER}` parameter")
    return paging


def generated_method_names(
    operation: OperationDefinitionNode,
    fragments: Fragments | None = None,
    schema: GraphQLSchema | None = None,
) -> tuple[str, ...]:
    """``get_x`` for operation ``GetX``, plus ``iter_x`` when code generation writes one.

    The same verdict as code generation (:func:`iter_method_paging`) when
    given the same fragments and schema; method names come from
    ariadne-codegen's own naming function.
    """
    if operation.name is None:
        return ()
    method = _python_name(operation.name.value)
    if iter_method_paging(operation, fragments, schema).connection is None:
        return (method,)
    return (method, iter_method_name(method))
