"""What an operation selects, as schema coordinates, and which changes touch it.

The walker follows an operation (or fragment) through its fragments on a
schema and records every field, argument, enum value, input field, type and
directive it refers to, with the field path and the node to point at.
:func:`matches` decides whether a schema change touches such a usage, and
:func:`deprecation_of` whether the schema marks it deprecated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graphql import (
    ArgumentNode,
    DirectiveNode,
    EnumValueNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    ListTypeNode,
    ListValueNode,
    Node,
    NonNullTypeNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    TypeNode,
    ValueNode,
    get_named_type,
)

from ayon_gql.schema._diff import SchemaChange

Definition = OperationDefinitionNode | FragmentDefinitionNode


@dataclass(frozen=True)
class Usage:
    """One schema element an operation refers to."""

    kind: str  # field, arg, value, input_field, type, directive
    type_name: str
    node: Node
    path: str
    fragment: str | None
    field: str | None = None
    argument: str | None = None
    member: str | None = None
    origin: str = ""  # for types: variable, output, condition
    arguments: frozenset[str] = frozenset()


class Walker:
    """Collects the usages of one operation (or fragment), through its fragments."""

    def __init__(self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self.schema = schema
        self.fragments = fragments
        self.usages: list[Usage] = []

    def walk(self, definition: Definition) -> list[Usage]:
        root: GraphQLNamedType | None
        if isinstance(definition, OperationDefinitionNode):
            root = self.schema.get_root_type(definition.operation)
            fragment = None
            for variable in definition.variable_definitions or ():
                self._type_ref(variable.type, variable, "", None)
                self._directives(variable.directives, "", None)
        else:
            root = self.schema.get_type(definition.type_condition.name.value)
            fragment = definition.name.value
            self._add(
                "type",
                definition.type_condition.name.value,
                definition,
                "",
                fragment,
                origin="condition",
            )
        self._directives(definition.directives, "", fragment)
        if root is not None:
            self._selections(definition.selection_set, root, "", fragment, frozenset())
        return self.usages

    def _add(
        self, kind: str, type_name: str, node: Node, path: str, fragment: str | None, **extra: Any
    ) -> None:
        self.usages.append(Usage(kind, type_name, node, path, fragment, **extra))

    def _type_ref(self, type_node: TypeNode, node: Node, path: str, fragment: str | None) -> None:
        while isinstance(type_node, (ListTypeNode, NonNullTypeNode)):
            type_node = type_node.type
        self._add("type", type_node.name.value, node, path, fragment, origin="variable")  # type: ignore[attr-defined]

    def _directives(
        self, directives: Sequence[DirectiveNode] | None, path: str, fragment: str | None
    ) -> None:
        for directive in directives or ():
            name = "@" + directive.name.value
            self._add("directive", name, directive, path, fragment)
            for argument in directive.arguments or ():
                self._add("arg", name, argument, path, fragment, argument=argument.name.value)

    def _selections(
        self,
        selection_set: SelectionSetNode | None,
        parent: GraphQLNamedType,
        path: str,
        fragment: str | None,
        visiting: frozenset[str],
    ) -> None:
        if selection_set is None:
            return
        for selection in selection_set.selections:
            self._directives(selection.directives, path, fragment)
            if isinstance(selection, FieldNode):
                self._field(selection, parent, path, fragment, visiting)
            elif isinstance(selection, InlineFragmentNode):
                target = parent
                if selection.type_condition is not None:
                    name = selection.type_condition.name.value
                    self._add("type", name, selection, path, fragment, origin="condition")
                    target = self.schema.get_type(name) or parent
                self._selections(selection.selection_set, target, path, fragment, visiting)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                definition = self.fragments.get(name)
                if definition is None or name in visiting:
                    continue
                condition = definition.type_condition.name.value
                self._add("type", condition, selection, path, name, origin="condition")
                target = self.schema.get_type(condition) or parent
                self._selections(definition.selection_set, target, path, name, visiting | {name})

    def _field(
        self,
        node: FieldNode,
        parent: GraphQLNamedType,
        path: str,
        fragment: str | None,
        visiting: frozenset[str],
    ) -> None:
        name = node.name.value
        key = node.alias.value if node.alias else name
        here = f"{path}.{key}" if path else key
        if name.startswith("__"):
            return
        arguments = frozenset(arg.name.value for arg in node.arguments or ())
        self._add("field", parent.name, node, here, fragment, field=name, arguments=arguments)
        fields = getattr(parent, "fields", None) or {}
        definition = fields.get(name)
        for argument in node.arguments or ():
            self._argument(argument, parent.name, name, definition, here, fragment)
        if definition is None:
            return
        named = get_named_type(definition.type)
        self._add("type", named.name, node, here, fragment, origin="output")
        self._selections(node.selection_set, named, here, fragment, visiting)

    def _argument(
        self,
        node: ArgumentNode,
        type_name: str,
        field_name: str,
        definition: Any,
        path: str,
        fragment: str | None,
    ) -> None:
        name = node.name.value
        self._add("arg", type_name, node, path, fragment, field=field_name, argument=name)
        arg_def = (definition.args if definition is not None else {}).get(name)
        if arg_def is not None:
            self._value(node.value, arg_def.type, path, fragment)

    def _value(
        self, node: ValueNode, type_: GraphQLInputType, path: str, fragment: str | None
    ) -> None:
        nullable = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
        if isinstance(node, ListValueNode) and isinstance(nullable, GraphQLList):
            for item in node.values:
                self._value(item, nullable.of_type, path, fragment)
        elif isinstance(node, EnumValueNode) and isinstance(nullable, GraphQLEnumType):
            self._add("value", nullable.name, node, path, fragment, member=node.value)
        elif isinstance(node, ObjectValueNode) and isinstance(nullable, GraphQLInputObjectType):
            self._add("type", nullable.name, node, path, fragment, origin="input")
            for entry in node.fields:
                input_field = nullable.fields.get(entry.name.value)
                self._add(
                    "input_field", nullable.name, entry, path, fragment, field=entry.name.value
                )
                if input_field is not None:
                    self._value(entry.value, input_field.type, path, fragment)


def matches(change: SchemaChange, usage: Usage, base: GraphQLSchema) -> bool:
    """Whether ``usage`` (walked on the base schema) is touched by ``change``."""
    kind, name = change.kind, change.type_name
    if name.startswith("@"):
        if change.argument or kind == "DIRECTIVE_ARG_REMOVED":
            return (
                usage.kind == "arg"
                and usage.type_name == name
                and (kind != "DIRECTIVE_ARG_REMOVED" or usage.argument == change.argument)
            )
        return usage.kind == "directive" and usage.type_name == name
    if kind in ("TYPE_REMOVED", "TYPE_CHANGED_KIND"):
        return usage.kind == "type" and usage.type_name == name
    if kind in ("FIELD_REMOVED", "FIELD_CHANGED_KIND"):
        if isinstance(base.get_type(name), GraphQLInputObjectType):
            return usage.type_name == name and (
                (usage.kind == "input_field" and usage.field == change.field)
                or (usage.kind == "type" and usage.origin == "variable")
            )
        return usage.kind == "field" and usage.type_name == name and usage.field == change.field
    if kind in ("ARG_REMOVED", "ARG_CHANGED_KIND"):
        return usage.kind == "arg" and (usage.type_name, usage.field, usage.argument) == (
            name,
            change.field,
            change.argument,
        )
    if kind in ("REQUIRED_ARG_ADDED", "ARG_DEFAULT_VALUE_CHANGE"):
        return (
            usage.kind == "field"
            and (usage.type_name, usage.field) == (name, change.field)
            and change.argument not in usage.arguments
        )
    if kind in ("REQUIRED_INPUT_FIELD_ADDED", "TYPE_ADDED_TO_UNION"):
        return usage.kind == "type" and usage.type_name == name and usage.origin != "condition"
    if kind == "VALUE_REMOVED_FROM_ENUM":
        return usage.type_name == name and (
            (usage.kind == "value" and usage.member == change.member)
            or (usage.kind == "type" and usage.origin == "variable")
        )
    if kind == "VALUE_ADDED_TO_ENUM":
        return usage.kind == "type" and usage.type_name == name and usage.origin == "output"
    if kind in ("TYPE_REMOVED_FROM_UNION", "IMPLEMENTED_INTERFACE_REMOVED"):
        return (
            usage.kind == "type"
            and usage.origin == "condition"
            and usage.type_name in (name, change.member)
        )
    return False


def deprecation_of(usage: Usage, schema: GraphQLSchema) -> tuple[str, str] | None:
    """Coordinate and reason when ``usage`` refers to something deprecated."""
    named = schema.get_type(usage.type_name)
    if usage.kind == "field" and usage.field:
        definition = (getattr(named, "fields", None) or {}).get(usage.field)
        reason = getattr(definition, "deprecation_reason", None)
        if reason is not None:
            return f"{usage.type_name}.{usage.field}", reason
    elif usage.kind == "arg" and usage.field and usage.argument:
        definition = (getattr(named, "fields", None) or {}).get(usage.field)
        argument = (getattr(definition, "args", None) or {}).get(usage.argument)
        reason = getattr(argument, "deprecation_reason", None)
        if reason is not None:
            return f"{usage.type_name}.{usage.field}({usage.argument}:)", reason
    elif usage.kind == "value" and isinstance(named, GraphQLEnumType) and usage.member:
        value = named.values.get(usage.member)
        if value is not None and value.deprecation_reason is not None:
            return f"{usage.type_name}.{usage.member}", value.deprecation_reason
    elif usage.kind == "input_field" and isinstance(named, GraphQLInputObjectType):
        input_field = named.fields.get(usage.field or "")
        if input_field is not None and input_field.deprecation_reason is not None:
            return f"{usage.type_name}.{usage.field}", input_field.deprecation_reason
    return None
