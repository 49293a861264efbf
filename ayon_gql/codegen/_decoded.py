"""``<attribute>_decoded`` twins of the String fields AYON fills with JSON text.

A field gets a twin by its schema coordinate, not by its name: ``raw: data``
on a version gets ``raw_decoded``, while ``data: name`` gets none.  The raw
text stays on the model; the twin decodes it on first access.
"""

from __future__ import annotations

import ast

from graphql import ExecutableDefinitionNode, FieldNode

from ayon_gql._errors import GenerationError
from ayon_gql.codegen._document import Coordinate, Documents

#: ``String`` fields whose value is JSON text in AYON (1.14 to 1.16), besides
#: ``allAttrib``, which is JSON text on every type that has it.
JSON_TEXT_FIELDS = frozenset(
    {
        "ActivityNode.activityData",
        "ActivityNode.referenceData",
        "EntityListItemEdge.attrib",
        "EntityListItemEdge.data",
        "EntityListNode.access",
        "EntityListNode.attributes",
        "EntityListNode.data",
        "EventNode.payload",
        "EventNode.summary",
        "FolderNode.data",
        "ProductNode.data",
        "ProjectNode.config",
        "ProjectNode.data",
        "RepresentationNode.context",
        "RepresentationNode.data",
        "RepresentationNode.traits",
        "TaskNode.data",
        "UserNode.accessGroups",
        "VersionNode.data",
        "WorkfileNode.data",
    }
)
_ALL_ATTRIB = "allAttrib"

_SUFFIX = "_decoded"

_IMPORTS = "import json\nfrom functools import cached_property\nfrom typing import Any\n"


def is_json_text(coordinate: Coordinate) -> bool:
    """True for a field AYON fills with JSON text."""
    return coordinate.field_name == _ALL_ATTRIB or str(coordinate) in JSON_TEXT_FIELDS


def _property(attribute: str, coordinate: Coordinate) -> ast.FunctionDef:
    source = (
        "@cached_property\n"
        f"def {attribute}{_SUFFIX}(self) -> Any:\n"
        f'    """``{attribute}`` ({coordinate}) decoded from its JSON text'
        ' (None stays None)."""\n'
        f"    return None if self.{attribute} is None else json.loads(self.{attribute})\n"
    )
    function = ast.parse(source).body[0]
    assert isinstance(function, ast.FunctionDef)
    return function


class DecodedProperties:
    """Finds JSON text fields as ariadne-codegen generates them and adds their twins."""

    def __init__(self, documents: Documents) -> None:
        self._documents = documents
        self._json_fields: dict[int, tuple[ast.AnnAssign, Coordinate]] = {}
        self._added: dict[int, ast.FunctionDef] = {}

    def record_field(self, implementation: ast.AnnAssign, field: FieldNode) -> None:
        """Note a generated field whose schema field holds JSON text."""
        coordinate = self._documents.of(field).coordinate(field)
        if coordinate is not None and is_json_text(coordinate):
            self._json_fields[id(implementation)] = (implementation, coordinate)

    def add_to_class(self, class_def: ast.ClassDef, definition: ExecutableDefinitionNode) -> None:
        """Append a twin for each JSON text field of ``class_def``."""
        taken = {
            statement.target.id
            for statement in class_def.body
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
        }
        twinned: set[str] = set()
        for statement in list(class_def.body):
            entry = self._json_fields.get(id(statement))
            if entry is None or entry[0] is not statement:
                continue
            assert isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
            attribute = statement.target.id
            if attribute in twinned:
                continue  # the same field declared twice: one twin
            twinned.add(attribute)
            if attribute + _SUFFIX in taken:
                name = definition.name.value if definition.name else "an anonymous operation"
                raise GenerationError(
                    f"{name}: {attribute} holds JSON text and gets {attribute}{_SUFFIX}, "
                    f"which the selection already uses; rename that alias"
                )
            function = _property(attribute, entry[1])
            self._added[id(function)] = function
            class_def.body.append(function)
        if len(class_def.body) > 1 and isinstance(class_def.body[0], ast.Pass):
            class_def.body.pop(0)

    def add_imports(self, module: ast.Module) -> ast.Module:
        """Import what the twins use, in a module that has any."""
        has_twins = any(
            self._added.get(id(statement)) is statement
            for node in module.body
            if isinstance(node, ast.ClassDef)
            for statement in node.body
        )
        if has_twins:
            module.body[0:0] = ast.parse(_IMPORTS).body
        return ast.fix_missing_locations(module)
