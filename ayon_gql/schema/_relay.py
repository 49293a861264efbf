"""Which field of an operation is the Relay connection it pages through.

One definition shared by code generation (``iter_*`` methods), ``check``
(which generated methods an operation has) and ``ayon-gql query
--all-pages``: a field that takes ``after: $after`` and selects ``edges``.
"""

from __future__ import annotations

from graphql import FieldNode, OperationDefinitionNode, SelectionSetNode, VariableNode


def response_key(field: FieldNode) -> str:
    """The key a field's value has in the answer (its alias, or its name)."""
    return field.alias.value if field.alias else field.name.value


def selected_field(selection_set: SelectionSetNode | None, name: str) -> FieldNode | None:
    """The field called ``name`` directly in ``selection_set``, if selected."""
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode) and selection.name.value == name:
            return selection
    return None


def _takes_after(field: FieldNode) -> bool:
    return any(
        argument.name.value == "after"
        and isinstance(argument.value, VariableNode)
        and argument.value.name.value == "after"
        for argument in field.arguments or ()
    )


def relay_connections(
    selection_set: SelectionSetNode | None, path: tuple[FieldNode, ...] = ()
) -> list[tuple[FieldNode, ...]]:
    """Paths (from the root) to every field taking ``after: $after`` that selects ``edges``."""
    found: list[tuple[FieldNode, ...]] = []
    for selection in selection_set.selections if selection_set else ():
        if not isinstance(selection, FieldNode):
            continue
        here = (*path, selection)
        if _takes_after(selection) and selected_field(selection.selection_set, "edges"):
            found.append(here)
        found.extend(relay_connections(selection.selection_set, here))
    return found


def paginated_connection(operation: OperationDefinitionNode) -> tuple[FieldNode, ...] | None:
    """The connection an ``iter_*`` method pages through, or None.

    The operation declares ``$first`` and ``$after``, and its first
    connection taking ``$after`` selects ``edges`` and ``pageInfo``.
    """
    variables = {d.variable.name.value for d in operation.variable_definitions or ()}
    if operation.name is None or not {"after", "first"} <= variables:
        return None
    connections = relay_connections(operation.selection_set)
    if not connections or selected_field(connections[0][-1].selection_set, "pageInfo") is None:
        return None
    return connections[0]


def generated_method_names(operation: OperationDefinitionNode) -> tuple[str, ...]:
    """``get_x`` for operation ``GetX``, plus ``iter_x`` when it is paginated."""
    from ariadne_codegen.utils import str_to_snake_case

    if operation.name is None:
        return ()
    method = str(str_to_snake_case(operation.name.value))
    if paginated_connection(operation) is None:
        return (method,)
    return (method, "iter_" + method.removeprefix("get_"))
