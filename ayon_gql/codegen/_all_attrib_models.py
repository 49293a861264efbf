"""Fill generated ``attrib`` models from ``allAttrib`` JSON text.

Every model generated for a replaceable ``attrib { ... }`` selection (see
:mod:`ayon_gql.codegen._all_attrib`) gets a ``mode="before"`` validator: given
a string, it decodes the JSON and keeps exactly the selected attributes,
keyed by their response keys (an attribute the server left out, because it
is null, becomes None); given a mapping, it changes nothing.  So one model
accepts both shapes, whether an operation sent ``allAttrib`` or, opted out,
the selection as written, and a fragment shared by both kinds of operation
needs one model.  The values then validate through the typed fields as
before: ISO text into ``datetime``, JSON numbers into ``int``/``float``,
arrays into lists.  Attributes the operation did not select are not exposed.
"""

from __future__ import annotations

import ast

from graphql import FieldNode, GraphQLSchema, SelectionSetNode, Source, parse

from ayon_gql.codegen._all_attrib import TYPENAME, AttribSelection, visit_attrib_selections

#: Name of the validator added to ``attrib`` models.
VALIDATOR_NAME = "_from_all_attrib"


class AttribModels:
    """Knows which generated classes model a replaceable ``attrib`` selection.

    ariadne-codegen hands plugins the selection set of each class it builds,
    parsed from one source made of all query files; the source is parsed
    again here once and indexed by each ``attrib`` selection's position.
    """

    def __init__(self, schema: GraphQLSchema) -> None:
        self._schema = schema
        self._sources: list[Source] = []
        self._selections: dict[tuple[int, int], AttribSelection] = {}

    def _index(self, source: Source) -> None:
        self._sources.append(source)  # keeps id(source) unique while indexed

        def found(field: FieldNode, selection: AttribSelection) -> None:
            assert field.selection_set is not None and field.selection_set.loc is not None
            self._selections[(id(source), field.selection_set.loc.start)] = selection

        visit_attrib_selections(parse(source), self._schema, found)

    def selection_for(self, selection_set: SelectionSetNode) -> AttribSelection | None:
        """The replaceable ``attrib`` selection ``selection_set`` belongs to, if any."""
        loc = selection_set.loc
        if loc is None:
            return None
        if not any(source is loc.source for source in self._sources):
            self._index(loc.source)
        return self._selections.get((id(loc.source), loc.start))

    def add_validator(
        self, class_def: ast.ClassDef, selection_set: SelectionSetNode
    ) -> ast.ClassDef:
        """Give the class of an ``attrib`` selection its ``allAttrib`` validator."""
        selection = self.selection_for(selection_set)
        if selection is None:
            return class_def
        class_def.body = [s for s in class_def.body if not isinstance(s, ast.Pass)]
        class_def.body.append(validator(selection))
        return class_def


def validator(selection: AttribSelection) -> ast.FunctionDef:
    """The ``mode="before"`` validator that maps ``allAttrib`` text onto ``selection``."""
    entries = ", ".join(
        f"{key!r}: {selection.type_name!r}"
        if name == TYPENAME
        else f"{key!r}: attributes.get({name!r})"
        for key, name in selection.keys
    )
    source = (
        '@model_validator(mode="before")\n'
        "@classmethod\n"
        f"def {VALIDATOR_NAME}(cls, value: Any) -> Any:\n"
        '    """Accept the ``allAttrib`` JSON text sent in place of this selection."""\n'
        "    if not isinstance(value, str):\n"
        "        return value\n"
        "    attributes = json.loads(value) or {}\n"
        f"    return {{{entries}}}\n"
    )
    function = ast.parse(source).body[0]
    assert isinstance(function, ast.FunctionDef)
    return function


def add_imports(module: ast.Module) -> ast.Module:
    """Import what the validators need, in modules that have any."""
    if any(
        isinstance(node, ast.ClassDef)
        and any(isinstance(s, ast.FunctionDef) and s.name == VALIDATOR_NAME for s in node.body)
        for node in module.body
    ):
        module.body[0:0] = [
            ast.Import(names=[ast.alias(name="json")]),
            ast.ImportFrom(module="typing", names=[ast.alias(name="Any")], level=0),
            ast.ImportFrom(module="pydantic", names=[ast.alias(name="model_validator")], level=0),
        ]
    return ast.fix_missing_locations(module)
