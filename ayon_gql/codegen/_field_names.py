"""One Python attribute per response key, even when two keys snake-case alike.

ariadne-codegen names a result attribute after its response key in
snake_case, so ``code`` and ``code_``, ``updatedAt`` and ``updated_at``, or the
schema's own ``ProductNode.folder`` and ``ProductNode.Folder`` would share an
attribute and one value would silently replace the other.  Within each result
class the key that already is its Python name keeps it (else the first key),
and every other key of the group gets ``<name>_2``, ``<name>_3`` ... (the
alias still reads the right key); no attribute is named like another key of
its class.  The names are handed to ariadne-codegen
through its ``process_name`` hook, so its nested class names follow.
"""

from __future__ import annotations

from collections.abc import Iterable

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

_TYPENAME = "__typename"


def python_name(key: str, *, snake_case: bool = True) -> str:
    """The attribute ariadne-codegen gives response key ``key`` on its own."""
    from ariadne_codegen.utils import process_name

    return process_name(
        key,
        convert_to_snake_case=snake_case,
        trim_leading_underscore=True,
        handle_pydantic_resrved_field_names=True,
    )


def _key(node: FieldNode) -> str:
    return node.alias.value if node.alias else node.name.value


def _unique(
    fields: list[FieldNode], taken: set[str], keys: set[str], snake_case: bool
) -> dict[int, str]:
    """Names for ``fields`` distinct from each other and from ``taken`` (updated).

    No name is another response key of the class (``keys``): pydantic also
    fills an attribute by its name, so an attribute ``active`` reading key
    ``active_`` would take the value of a key ``active`` the answer has
    instead.
    """
    named: dict[int, str] = {}
    pending: list[tuple[FieldNode, str]] = []
    for node in fields:
        key = _key(node)
        if key == _TYPENAME:
            continue
        default = python_name(key, snake_case=snake_case)
        if key == default and default not in taken:
            taken.add(default)
            named[id(node)] = default
        else:
            pending.append((node, default))
    for node, default in pending:
        name, number = default, 1
        while name in taken or (name in keys and name != _key(node)):
            number += 1
            name = f"{default}_{number}"
        taken.add(name)
        named[id(node)] = name
    return named


class FieldNames:
    """The attribute of every field of a typing document, by source offset."""

    def __init__(self, document: DocumentNode, *, snake_case: bool = True) -> None:
        self._snake_case = snake_case
        self._fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self._top: dict[str, set[str]] = {}
        self.names: dict[int, str] = {}
        for definition in document.definitions:
            if isinstance(definition, (OperationDefinitionNode, FragmentDefinitionNode)):
                self._assign(definition.selection_set)

    def _spread_names(self, name: str) -> set[str]:
        """The attributes a spread of fragment ``name`` brings into a class."""
        done = self._top.get(name)
        if done is None:
            done = self._assign(self._fragments[name].selection_set)
            self._top[name] = done
        return done

    def _assign(self, selection_set: SelectionSetNode) -> set[str]:
        taken: set[str] = set()
        direct: list[FieldNode] = []
        inline: list[InlineFragmentNode] = []
        for selection in selection_set.selections:
            if (
                isinstance(selection, FragmentSpreadNode)
                and selection.name.value in self._fragments
            ):
                taken |= self._spread_names(selection.name.value)
            elif isinstance(selection, FieldNode):
                direct.append(selection)
            elif isinstance(selection, InlineFragmentNode):
                inline.append(selection)
        keys = {_key(node) for node in direct} | {
            _key(s) for f in inline for s in f.selection_set.selections if isinstance(s, FieldNode)
        }
        self._record(direct, _unique(direct, taken, keys, self._snake_case))
        for fragment in inline:
            fields = [s for s in fragment.selection_set.selections if isinstance(s, FieldNode)]
            self._record(fields, _unique(fields, set(taken), keys, self._snake_case))
            for selection in fragment.selection_set.selections:
                if isinstance(selection, FieldNode) and selection.selection_set:
                    self._assign(selection.selection_set)
        for node in direct:
            if node.selection_set:
                self._assign(node.selection_set)
        return taken

    def _record(self, fields: Iterable[FieldNode], named: dict[int, str]) -> None:
        for node in fields:
            name = named.get(id(node))
            if name is not None and node.loc is not None:
                self.names[node.loc.start] = name

    def of(self, node: FieldNode) -> str | None:
        """The attribute of ``node`` (None for fields built in code)."""
        return None if node.loc is None else self.names.get(node.loc.start)
