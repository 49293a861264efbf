"""Follow-up queries that complete nested connections (code generation side).

An operation may select a connection inside the nodes of another one, e.g.
``versions { edges { node { id representations(first: 100) { pageInfo {
hasNextPage endCursor } edges { ... } } } } }``.  The server answers only
the first page of each parent's nested connection.  For every such nested
connection this module writes, at generation time, a *follow-up plan*: a
query that reaches those parents again by id through the same owner object
(``project(name: $projectName) { versions(ids: [$id]) ... }``) and asks the
nested connection ``after:`` that parent's cursor.  AYON's cursors are per
parent, so each parent gets its own aliased copy; the text of one copy is a
template (``__N__`` stands for the parent's index) that the runtime
(:mod:`ayon_gql._nested`) repeats for as many parents as one request takes.

Why not the root connection filtered by parent ids (``project {
representations(versionIds: [...]) }``)?  It exists for some nested
connections only, and it knows no per-parent cursor: it would fetch every
parent's first page again.  Aliased copies work for any nested connection and
ask exactly the missing items.

Which nested connections qualify is decided in ``_nested_find``; the others
get a generation warning (:class:`NestedConnectionWarning`).  A connection
listed newest first (:func:`~ayon_gql.schema._relay.newest_first`) gets a
plan that asks its parents for the whole list again instead of ``after:``.
Where a parent's ``id`` is not always answered, the operation's text gets
``<alias>: id`` in the parent's selection (the runtime removes it again).

graphql-core is used here only: the plan is plain data in the generated
client, and the runtime never imports graphql-core.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSchema,
    IntValueNode,
    ListValueNode,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    parse,
    print_ast,
    validate,
    visit,
)
from graphql.language import Visitor

from ayon_gql._nested import PLACEHOLDER, follow_up_query
from ayon_gql.codegen._nested_find import Finder, Located
from ayon_gql.schema._relay import newest_first, response_key


class NestedConnectionWarning(UserWarning):
    """A nested connection that generated code cannot complete."""


@dataclass
class _Names:
    """Variable and alias names of a plan, chosen not to clash with the operation's."""

    used: set[str]
    prefix: str = "nested"

    def __post_init__(self) -> None:
        while any(name.startswith(self.prefix) for name in self.used):
            self.prefix += "_"

    def __call__(self, role: str, per_parent: bool = False) -> str:
        base = f"{self.prefix}{role[:1].upper()}{role[1:]}"
        return base + PLACEHOLDER if per_parent else base


# -- building the follow-up text -----------------------------------------------


def _variable(name: str) -> VariableNode:
    return VariableNode(name=NameNode(value=name))


def _argument(name: str, value: Any) -> ArgumentNode:
    return ArgumentNode(name=NameNode(value=name), value=value)


def _bare(node: FieldNode) -> FieldNode:
    """The field with its arguments and directives, without alias or selection."""
    return FieldNode(
        name=node.name, arguments=node.arguments, directives=node.directives, alias=None
    )


def _selection(*fields: FieldNode) -> SelectionSetNode:
    return SelectionSetNode(selections=tuple(fields))


def _first_of(nested: FieldNode) -> tuple[int | None, str | None]:
    for argument in nested.arguments or ():
        if argument.name.value != "first":
            continue
        if isinstance(argument.value, IntValueNode):
            return int(argument.value.value), None
        if isinstance(argument.value, VariableNode):
            return None, argument.value.name.value
    return None, None


def _used_names(document_part: Any, kind: str) -> list[str]:
    """Variable names (``kind='variable'``) or fragment names used in an AST part."""
    names: list[str] = []

    class _Collect(Visitor):
        def enter_variable(self, node: VariableNode, *_: Any) -> None:
            if kind == "variable" and node.name.value not in names:
                names.append(node.name.value)

        def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
            if kind == "fragment" and node.name.value not in names:
                names.append(node.name.value)

    visit(document_part, _Collect())
    return names


def _fragments_used(node: Any, fragments: dict[str, FragmentDefinitionNode]) -> list[str]:
    pending, found = _used_names(node, "fragment"), []
    while pending:
        name = pending.pop(0)
        if name in found or name not in fragments:
            continue
        found.append(name)
        pending.extend(_used_names(fragments[name], "fragment"))
    return sorted(found)


def _always(
    selection_set: SelectionSetNode | None,
    fragments: dict[str, FragmentDefinitionNode],
    name: str,
    type_: Any,
) -> list[FieldNode]:
    """The fields called ``name`` that are in every answer to ``selection_set`` on ``type_``.

    Those selected directly or in fragments spread there that apply to
    ``type_`` (an object type: the fragment's own type or an interface it
    implements), none of them under ``@include``/``@skip``.
    """
    found: list[FieldNode] = []
    applies = {type_.name, *(i.name for i in getattr(type_, "interfaces", ()))}
    for selection in selection_set.selections if selection_set else ():
        if selection.directives:
            continue
        if isinstance(selection, FieldNode):
            if selection.name.value == name:
                found.append(selection)
            continue
        if isinstance(selection, FragmentSpreadNode):
            fragment = fragments.get(selection.name.value)
            if fragment is None:
                continue
            condition: Any = fragment.type_condition
            inner: SelectionSetNode | None = fragment.selection_set
        else:
            condition = getattr(selection, "type_condition", None)
            inner = getattr(selection, "selection_set", None)
        if condition is None or condition.name.value in applies:
            found.extend(_always(inner, fragments, name, type_))
    return found


def _own_id(node: Located, fragments: dict[str, FragmentDefinitionNode]) -> str | None:
    """The response key of the parent's own ``id`` when always answered, else None."""
    ids = _always(node.node.selection_set, fragments, "id", node.type)
    return response_key(ids[0]) if ids else None


def _add_hidden_id(node: Located, alias: str) -> None:
    """Select the parent's ``id`` under ``alias`` too (on the wire, hidden from the models)."""
    field = FieldNode(
        alias=NameNode(value=alias), name=NameNode(value="id"), arguments=(), directives=()
    )
    selection_set = node.node.selection_set
    assert selection_set is not None
    selection_set.selections = (*selection_set.selections, field)


def _own_page_info(
    nested: Located, fragments: dict[str, FragmentDefinitionNode]
) -> tuple[str, str, str] | None:
    """Keys of a ``pageInfo`` with ``hasNextPage`` and ``endCursor`` always answered, else None."""
    for page_info in _always(nested.node.selection_set, fragments, "pageInfo", nested.type):
        page_info_type = nested.type.fields["pageInfo"].type
        while hasattr(page_info_type, "of_type"):
            page_info_type = page_info_type.of_type
        has_next = _always(page_info.selection_set, fragments, "hasNextPage", page_info_type)
        end_cursor = _always(page_info.selection_set, fragments, "endCursor", page_info_type)
        if has_next and end_cursor:
            return response_key(page_info), response_key(has_next[0]), response_key(end_cursor[0])
    return None


def _add_hidden_page_info(nested: Located, alias: str) -> Located:
    """Select ``alias: pageInfo { hasNextPage endCursor }`` in every copy of ``nested`` too."""
    field = FieldNode(
        alias=NameNode(value=alias),
        name=NameNode(value="pageInfo"),
        arguments=(),
        directives=(),
        selection_set=_selection(
            *(
                FieldNode(name=NameNode(value=name), arguments=(), directives=())
                for name in ("hasNextPage", "endCursor")
            )
        ),
    )
    for copy_ in nested.copies:
        assert copy_.selection_set is not None
        copy_.selection_set.selections = (*copy_.selection_set.selections, field)
    merged = copy.copy(nested.node)
    assert merged.selection_set is not None
    merged.selection_set = SelectionSetNode(selections=(*merged.selection_set.selections, field))
    return Located(merged, nested.parent_type, nested.keys, nested.copies)


def _plan(
    finder: Finder,
    owners: tuple[Located, ...],
    outer: Located,
    node: Located,
    nested: Located,
    parent_id: str,
    hidden_id: bool,
    page_info_keys: tuple[str, str, str],
    hidden_page_info: bool,
) -> dict[str, Any]:
    operation = finder.operation
    declared = {d.variable.name.value: d for d in operation.variable_definitions or ()}
    names = _Names(set(declared))
    first_name, id_name, after_name = names("first"), names("id", True), names("after", True)
    alias = names("parent", True)
    default_last = newest_first(nested.parent_type, nested.node)
    kept = [
        argument
        for argument in nested.node.arguments or ()
        if argument.name.value not in {"first", "after"}
    ]
    paging = [_argument("first", _variable(first_name))]
    if default_last is None:
        paging.append(_argument("after", _variable(after_name)))
    nested_field = copy.copy(nested.node)
    nested_field.arguments = (*kept, *paging)
    nested_field.directives = ()
    parent_field = FieldNode(
        alias=NameNode(value=alias),
        name=outer.node.name,
        arguments=(_argument("ids", ListValueNode(values=(_variable(id_name),))),),
        directives=(),
        selection_set=_selection(
            FieldNode(
                name=NameNode(value="edges"),
                arguments=(),
                directives=(),
                selection_set=_selection(
                    FieldNode(
                        name=NameNode(value="node"),
                        arguments=(),
                        directives=(),
                        selection_set=_selection(
                            FieldNode(name=NameNode(value="id"), arguments=(), directives=()),
                            nested_field,
                        ),
                    )
                ),
            )
        ),
    )
    owner_fields = [_bare(owner.node) for owner in owners]
    fragment_names = _fragments_used(nested_field, finder.fragments)
    used = [
        name
        for part in (*owner_fields, parent_field, *(finder.fragments[f] for f in fragment_names))
        for name in _used_names(part, "variable")
    ]
    kept_variables = [name for name in dict.fromkeys(used) if name in declared]
    operation_name = f"{finder.name}Nested{_class_part(nested.keys[-1])}"
    declarations = [print_ast(declared[name]) for name in kept_variables]
    head = f"query {operation_name}(" + " ".join([*declarations, f"${first_name}: Int!"])
    opening = ") {" + "".join(f" {print_ast(owner)} {{" for owner in owner_fields)
    closing = " }" * (len(owner_fields) + 1)
    fragments_text = "".join("\n\n" + print_ast(finder.fragments[name]) for name in fragment_names)
    first, first_variable = _first_of(nested.node)
    default = declared[first_variable].default_value if first_variable in declared else None
    if isinstance(default, IntValueNode):
        first = int(default.value)  # used when the caller leaves the variable out
    children = finder.children(nested)
    page_infos: dict[str, dict[str, str]] = {}
    for child in children:
        if child.node.name.value == "pageInfo":
            fields = page_infos.setdefault(child.keys[-1], {})
            fields.update({c.keys[-1]: c.node.name.value for c in finder.children(child)})
    edges_keys = tuple(dict.fromkeys(c.keys[-1] for c in children if c.node.name.value == "edges"))
    page_info, has_next, end_cursor = page_info_keys
    declare = f" ${id_name}: String!"
    if default_last is None:
        declare += f" ${after_name}: String"
    return {
        "operation": operation_name,
        # "after": pages follow each other by cursor; "whole": the connection
        # lists its items newest first, so each round asks a parent's whole
        # list again with a larger first.
        "mode": "after" if default_last is None else "whole",
        "parents": node.keys,
        "id": parent_id,
        "hidden_id": hidden_id,
        "connection": nested.keys[-1],
        "edges": edges_keys[0],
        "edges_keys": edges_keys,
        "page_info": page_info,
        "page_infos": page_infos,
        "hidden_page_info": hidden_page_info,
        "has_next_page": has_next,
        "end_cursor": end_cursor,
        "first": first,
        "first_variable": first_variable,
        "variables": tuple(kept_variables),
        "head": head,
        "declare": declare,
        "open": opening,
        "parent": " " + " ".join(print_ast(parent_field).split()),
        "close": closing + fragments_text,
        "owner": tuple(owner.node.name.value for owner in owners),
        "alias": alias,
        "first_name": first_name,
        "id_name": id_name,
        "after_name": after_name,
    }


def _class_part(name: str) -> str:
    return name[:1].upper() + name[1:]


def _hidden_alias(operation_text: str, alias: str) -> str:
    while alias in operation_text:
        alias += "_"
    return alias


def completion_plans(
    operation_text: str, schema: GraphQLSchema
) -> tuple[str, list[dict[str, Any]], list[str]]:
    """The text to send, follow-up plans for its nested connections, and warnings.

    ``operation_text`` is the operation with the fragments it uses, as
    ariadne-codegen puts it into the client.  Where a parent's ``id`` is not
    always in the answer (left out, or under ``@include``/``@skip``), the
    text sent selects it once more under an alias of its own, which the
    runtime removes again.  Each plan's text is validated against ``schema``
    for two parents; a plan that does not validate is dropped with a warning
    rather than generated broken.
    """
    document: DocumentNode = parse(operation_text)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    plans: list[dict[str, Any]] = []
    problems: list[str] = []
    hidden = _hidden_alias(operation_text, "nestedParentId")
    hidden_page_info = _hidden_alias(operation_text, "nestedPageInfo")
    rewritten = False
    for operation in operations:
        finder = Finder(operation, fragments, schema)
        finder.run()
        problems.extend(finder.problems)
        for owners, outer, node, nested in finder.found:
            parent_id = _own_id(node, fragments)
            page_info_keys = _own_page_info(nested, fragments)
            if page_info_keys is None:
                nested = _add_hidden_page_info(nested, hidden_page_info)
                rewritten = True
            plan = _plan(
                finder,
                owners,
                outer,
                node,
                nested,
                parent_id or hidden,
                not parent_id,
                page_info_keys or (hidden_page_info, "hasNextPage", "endCursor"),
                page_info_keys is None,
            )
            errors = validate(schema, parse(follow_up_query(plan, 2)))
            if errors:
                problems.append(
                    f"{finder.name}: nested connection {'.'.join(nested.keys)} is not completed:"
                    f" its follow-up query does not validate ({errors[0].message})"
                )
                continue
            if parent_id is None and hidden not in {
                response_key(s)
                for s in (node.node.selection_set.selections if node.node.selection_set else ())
                if isinstance(s, FieldNode)
            }:
                _add_hidden_id(node, hidden)
                rewritten = True
            plans.append(plan)
    text = print_ast(document) if rewritten else operation_text
    return text, plans, problems


def nested_plans(
    operation_text: str, schema: GraphQLSchema
) -> tuple[list[dict[str, Any]], list[str]]:
    """Follow-up plans for an operation's nested connections, and warnings
    (:func:`completion_plans` without the text to send)."""
    _, plans, problems = completion_plans(operation_text, schema)
    return plans, problems
