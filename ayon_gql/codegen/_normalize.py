"""The typing document: each selection merged per response key, as the server merges it.

ariadne-codegen 0.19 builds result classes from the selections as written and
gets several valid constructs wrong: an inline fragment without a type
condition, ``@skip``/``@include`` on a fragment, a field selected twice with
different sub-selections, inline fragments nested in inline fragments.  So it
never sees the operations as written: it sees this document, where every
selection set holds what the GraphQL spec's CollectFields and field merging
give the response:

* one field per response key, its sub-selections merged from every place
  that selects it;
* ``@skip``/``@include`` on fragments carried onto the fields they hold, a
  field optional whenever some answer can lack it (a field that is present
  whatever the variables stays required); constant conditions are folded;
* on an interface or union, the fields common to every type directly and
  ``... on Type { ... }`` for each type whose answer differs;
* a fragment spread kept as a spread only where ariadne-codegen makes its
  class a base of the result class (on the fragment's own type, and not on
  an interface whose types get classes of their own) and nothing else
  selects the same keys, so fragment classes stay importable and result
  classes subclass them.

The typing document never goes on the wire: the server gets the operation as
written (:mod:`._wire_text`), whose answer this document describes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from graphql import (
    ArgumentNode,
    BooleanValueNode,
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLCompositeType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    NamedTypeNode,
    NameNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    is_abstract_type,
    is_composite_type,
    print_ast,
)
from graphql.utilities import get_operation_root_type

from ayon_gql.codegen._field_names import python_name

#: A condition atom: ``("include", "$flag")``; a selection's condition is a set of them.
Atom = tuple[str, str]
Condition = frozenset[Atom]

_NEVER = ("never", "")
_CONDITIONAL = ("skip", "include")
#: The mark of a field present under a condition no single directive states
#: (several conditions, or one of several): the typing document is never sent.
_MARKER = DirectiveNode(
    name=NameNode(value="skip"),
    arguments=(ArgumentNode(name=NameNode(value="if"), value=BooleanValueNode(value=False)),),
)


#: What an always empty selection set holds: a key the answer never has.
_NOTHING = FieldNode(
    name=NameNode(value="__typename"),
    directives=(
        DirectiveNode(
            name=NameNode(value="skip"),
            arguments=(
                ArgumentNode(name=NameNode(value="if"), value=BooleanValueNode(value=True)),
            ),
        ),
    ),
)


def _atoms(
    directives: Iterable[DirectiveNode] | None,
) -> tuple[Condition, dict[Atom, DirectiveNode]]:
    """The condition ``@skip``/``@include`` directives put on a selection (folded)."""
    atoms: set[Atom] = set()
    nodes: dict[Atom, DirectiveNode] = {}
    for directive in directives or ():
        kind = directive.name.value
        if kind not in _CONDITIONAL:
            continue
        value = next((a.value for a in directive.arguments or () if a.name.value == "if"), None)
        if isinstance(value, BooleanValueNode):
            if value.value == (kind == "skip"):
                atoms.add(_NEVER)
            continue
        if isinstance(value, VariableNode):
            atom = (kind, value.name.value)
            atoms.add(atom)
            nodes[atom] = directive
    return frozenset(atoms), nodes


def _other_directives(node: FieldNode) -> tuple[DirectiveNode, ...]:
    return tuple(d for d in node.directives or () if d.name.value not in _CONDITIONAL)


@dataclass
class _Occurrence:
    """One place a response key is selected, relative to the selection set."""

    key: str
    node: FieldNode
    parent: GraphQLCompositeType
    condition: Condition
    #: The concrete types it applies to; None: every type of the selection set.
    types: frozenset[str] | None


@dataclass
class _Collected:
    occurrences: list[_Occurrence] = field(default_factory=list)
    kept: list[FragmentSpreadNode] = field(default_factory=list)


def _key(node: FieldNode) -> str:
    return node.alias.value if node.alias else node.name.value


def _same_leaf(a: FieldNode, b: FieldNode) -> bool:
    return (
        a.name.value == b.name.value
        and not a.selection_set
        and not b.selection_set
        and print_ast(FieldNode(name=a.name, arguments=a.arguments))
        == print_ast(FieldNode(name=b.name, arguments=b.arguments))
    )


class TypingDocument:
    """Builds the typing document of a validated queries document."""

    def __init__(
        self, schema: GraphQLSchema, document: DocumentNode, *, snake_case: bool = True
    ) -> None:
        self._schema = schema
        self._snake_case = snake_case
        self._fragments: dict[str, FragmentDefinitionNode] = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self._document = document
        self._normalized: dict[str, FragmentDefinitionNode] = {}
        #: A directive node for each condition atom met (same atom, same meaning).
        self._directives: dict[Atom, DirectiveNode] = {}

    # -- public -----------------------------------------------------------

    def build(self) -> DocumentNode:
        """Every definition of the document, normalized (fragments keep their names)."""
        definitions: list[FragmentDefinitionNode | OperationDefinitionNode] = []
        for definition in self._document.definitions:
            if isinstance(definition, FragmentDefinitionNode):
                definitions.append(self._fragment(definition.name.value))
            elif isinstance(definition, OperationDefinitionNode):
                root = get_operation_root_type(self._schema, definition)
                selections = self._selections([(definition.selection_set, frozenset())], root)
                definitions.append(
                    OperationDefinitionNode(
                        operation=definition.operation,
                        name=definition.name,
                        variable_definitions=definition.variable_definitions,
                        directives=definition.directives,
                        selection_set=SelectionSetNode(selections=tuple(selections)),
                    )
                )
        return DocumentNode(definitions=tuple(definitions))

    # -- fragments --------------------------------------------------------

    def _fragment(self, name: str) -> FragmentDefinitionNode:
        done = self._normalized.get(name)
        if done is not None:
            return done
        definition = self._fragments[name]
        parent = self._schema.get_type(definition.type_condition.name.value)
        assert is_composite_type(parent)
        selections = self._selections([(definition.selection_set, frozenset())], parent)  # type: ignore[arg-type]
        done = FragmentDefinitionNode(
            name=definition.name,
            type_condition=definition.type_condition,
            variable_definitions=definition.variable_definitions,
            directives=definition.directives,
            selection_set=SelectionSetNode(selections=tuple(selections)),
        )
        self._normalized[name] = done
        return done

    def _flat_fields(self, name: str) -> list[FieldNode] | None:
        """The top-level fields a kept spread of ``name`` gives; None if it is not flat."""
        fields: list[FieldNode] = []
        for selection in self._fragment(name).selection_set.selections:
            if isinstance(selection, FieldNode):
                fields.append(selection)
            elif isinstance(selection, FragmentSpreadNode):
                inner = self._flat_fields(selection.name.value)
                if inner is None:
                    return None
                fields.extend(inner)
            else:
                return None
        return fields

    # -- collecting -------------------------------------------------------

    def _possible(self, type_: GraphQLCompositeType) -> frozenset[str]:
        if is_abstract_type(type_):
            return frozenset(t.name for t in self._schema.get_possible_types(type_))  # type: ignore[arg-type]
        return frozenset({type_.name})

    def _walk(
        self,
        selection_set: SelectionSetNode,
        parent: GraphQLCompositeType,
        top: GraphQLCompositeType,
        condition: Condition,
        types: frozenset[str] | None,
        inline: set[str] | None,
        into: _Collected,
    ) -> None:
        for selection in selection_set.selections:
            atoms, nodes = _atoms(selection.directives)
            if _NEVER in atoms:
                continue
            self._directives.update(nodes)
            here = condition | atoms
            if isinstance(selection, FieldNode):
                into.occurrences.append(
                    _Occurrence(_key(selection), selection, parent, here, types)
                )
                continue
            if isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                definition = self._fragments[name]
                if (
                    not here
                    and types is None
                    and definition.type_condition.name.value == top.name
                    and inline is not None
                    and name not in inline
                    and self._flat_fields(name) is not None
                ):
                    into.kept.append(FragmentSpreadNode(name=selection.name))
                    continue
                type_condition: NamedTypeNode | None = definition.type_condition
                inner = definition.selection_set
            else:
                assert isinstance(selection, InlineFragmentNode)
                type_condition, inner = selection.type_condition, selection.selection_set
            narrowed, sub_parent = types, parent
            if type_condition is not None:
                condition_type = self._schema.get_type(type_condition.name.value)
                assert is_composite_type(condition_type)
                sub_parent = condition_type  # type: ignore[assignment]
                possible = self._possible(sub_parent)
                if possible >= self._possible(top) and types is None:
                    narrowed = None
                else:
                    narrowed = (types if types is not None else self._possible(top)) & possible
                    if not narrowed:
                        continue
            self._walk(inner, sub_parent, top, here, narrowed, inline, into)

    def _collect(
        self,
        sources: Sequence[tuple[SelectionSetNode, Condition]],
        parent: GraphQLCompositeType,
        keep: bool = True,
    ) -> _Collected:
        """Occurrences and kept spreads (none unless ``keep``); spreads whose keys
        meet other selections are inlined."""
        inline: set[str] | None = set() if keep else None
        while True:
            collected = _Collected()
            for selection_set, condition in sources:
                self._walk(selection_set, parent, parent, condition, None, inline, collected)
            collected.kept = self._outermost(collected.kept)
            clash = self._clashing_spread(collected)
            if clash is None or inline is None:
                return collected
            inline.add(clash)

    def _bases(self, name: str) -> set[str]:
        """The fragments a kept spread of ``name`` brings in as bases, transitively."""
        found: set[str] = set()
        for selection in self._fragment(name).selection_set.selections:
            if isinstance(selection, FragmentSpreadNode):
                found |= {selection.name.value, *self._bases(selection.name.value)}
        return found

    def _outermost(self, kept: list[FragmentSpreadNode]) -> list[FragmentSpreadNode]:
        """One spread per fragment, none that another kept spread already brings in
        (a class cannot list a base next to a subclass of it)."""
        names = list(dict.fromkeys(spread.name.value for spread in kept))
        covered = {base for name in names for base in self._bases(name)}
        return [FragmentSpreadNode(name=NameNode(value=n)) for n in names if n not in covered]

    def _clashing_spread(self, collected: _Collected) -> str | None:
        seen: dict[str, tuple[str, FieldNode | None]] = {}
        names: dict[str, tuple[str, str]] = {}

        def claim(key: str, node: FieldNode, owner: str, exact: bool) -> str | None:
            name = python_name(key, snake_case=self._snake_case)
            other_key, first_owner = names.setdefault(name, (key, owner))
            if other_key != key:
                return owner or first_owner
            if key in seen:
                other_owner, other_node = seen[key]
                if other_owner == owner:
                    return None
                if not (exact and other_node is not None and _same_leaf(node, other_node)):
                    return owner if owner else other_owner
            seen[key] = (owner, node if exact else None)
            return None

        for spread in collected.kept:
            for node in self._flat_fields(spread.name.value) or ():
                clash = claim(_key(node), node, spread.name.value, True)
                if clash:
                    return clash
        for occurrence in collected.occurrences:
            exact = not occurrence.condition and occurrence.types is None
            clash = claim(occurrence.key, occurrence.node, "", exact)
            if clash:
                return clash
        return None

    # -- merging ----------------------------------------------------------

    def _selections(
        self, sources: Sequence[tuple[SelectionSetNode, Condition]], parent: GraphQLCompositeType
    ) -> list[SelectionNode]:
        """The merged selections, or a placeholder where every selection is skipped
        (the answer is ``{}``, and GraphQL has no empty selection set)."""
        return self._merged_selections(sources, parent) or [_NOTHING]

    def _merged_selections(
        self,
        sources: Sequence[tuple[SelectionSetNode, Condition]],
        parent: GraphQLCompositeType,
        keep: bool = True,
    ) -> list[SelectionNode]:
        collected = self._collect(sources, parent, keep)
        kept: list[SelectionNode] = list(collected.kept)
        occurrences = collected.occurrences
        if not is_abstract_type(parent):
            return kept + self._merged(occurrences, parent.name)
        common = [o for o in occurrences if o.types is None]
        direct = {_key(f): f for f in self._merged(common)}
        per_type: dict[str, dict[str, FieldNode]] = {}
        for type_name in sorted(self._possible(parent)):
            if any(o.types is not None and type_name in o.types for o in occurrences):
                mine = [o for o in occurrences if o.types is None or type_name in o.types]
                per_type[type_name] = {_key(f): f for f in self._merged(mine, type_name)}
        moved = {
            key
            for fields in per_type.values()
            for key, node in fields.items()
            if key in direct and print_ast(node) != print_ast(direct[key])
        }
        if moved:
            for type_name in sorted(self._possible(parent)):
                if type_name not in per_type:
                    per_type[type_name] = {k: direct[k] for k in direct}
        result: list[SelectionNode] = [*kept, *(f for k, f in direct.items() if k not in moved)]
        for type_name, fields in per_type.items():
            own = [f for k, f in fields.items() if k not in direct or k in moved]
            if own:
                result.append(
                    InlineFragmentNode(
                        type_condition=NamedTypeNode(name=NameNode(value=type_name)),
                        selection_set=SelectionSetNode(selections=tuple(own)),
                    )
                )
        if kept and len(result) > len(kept) + len(direct) - len(moved):
            # ariadne-codegen would merge a kept spread into each type's class and
            # then write no class for the fragment: merge it here instead.
            return self._merged_selections(sources, parent, keep=False)
        return result

    def _child_type(
        self, parent: GraphQLCompositeType, name: str, type_name: str | None
    ) -> GraphQLCompositeType:
        """The composite type field ``name`` returns on ``type_name`` (the object type the
        class is for, whose field may return a subtype of the interface's), else on ``parent``."""
        for owner in (self._schema.get_type(type_name) if type_name else None, parent):
            if (
                isinstance(owner, (GraphQLObjectType, GraphQLInterfaceType))
                and name in owner.fields
            ):
                child = get_named_type(owner.fields[name].type)
                # Validated: a field with a selection set returns a composite type.
                assert isinstance(
                    child, (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType)
                )
                return child
        raise AssertionError(f"{name} is not a field of {parent}")  # validation prevents it

    def _merged(
        self,
        occurrences: Sequence[_Occurrence],
        type_name: str | None = None,
    ) -> list[FieldNode]:
        """One field per response key, in the order keys first appear."""
        by_key: dict[str, list[_Occurrence]] = {}
        for occurrence in occurrences:
            by_key.setdefault(occurrence.key, []).append(occurrence)
        return [self._merge(group, type_name) for group in by_key.values()]

    def _merge(
        self,
        group: Sequence[_Occurrence],
        type_name: str | None,
    ) -> FieldNode:
        first = group[0].node
        conditions = [o.condition for o in group]
        if any(not c for c in conditions):
            marks: tuple[DirectiveNode, ...] = ()
        elif len(conditions[0]) == 1 and all(c == conditions[0] for c in conditions):
            (atom,) = conditions[0]
            marks = (self._directives[atom],)
        else:
            marks = (_MARKER,)
        shared = frozenset.intersection(*conditions)
        selection_set = None
        if first.selection_set is not None:
            child = self._child_type(group[0].parent, first.name.value, type_name)
            sources = [
                (o.node.selection_set, o.condition - shared)
                for o in group
                if o.node.selection_set is not None
            ]
            selection_set = SelectionSetNode(selections=tuple(self._selections(sources, child)))
        return FieldNode(
            alias=first.alias,
            name=first.name,
            arguments=first.arguments,
            directives=(*_other_directives(first), *marks),
            selection_set=selection_set,
        )


def typing_document(
    schema: GraphQLSchema, document: DocumentNode, *, snake_case: bool = True
) -> DocumentNode:
    """The document ariadne-codegen builds result classes from (see the module docstring)."""
    return TypingDocument(schema, document, snake_case=snake_case).build()
