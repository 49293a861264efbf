"""The queries document as ariadne-codegen parsed it, with what its hooks do not pass.

ariadne-codegen reads every ``.graphql`` file into one document and hands the
plugin single definitions.  Some decisions need more: the fragments an
operation spreads (a connection inside a fragment, ``pageInfo { ...Fields }``)
and the schema coordinate (``VersionNode.data``) of each selected field, which
does not follow from an alias.  Both come from parsing the same source again:
graphql-core parses deterministically, so a field is found by its offset.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    GraphQLSchema,
    Node,
    Source,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    parse,
    visit,
)


@dataclass(frozen=True)
class Coordinate:
    """A field's schema coordinate: ``VersionNode.data`` for ``raw: data`` on a version."""

    type_name: str
    field_name: str

    def __str__(self) -> str:
        return f"{self.type_name}.{self.field_name}"


class _CoordinateCollector(Visitor):
    def __init__(self, type_info: TypeInfo, found: dict[int, Coordinate]) -> None:
        super().__init__()
        self._type_info = type_info
        self._found = found

    def enter_field(self, node: FieldNode, *_: object) -> None:
        parent = self._type_info.get_parent_type()
        if parent is not None and node.loc is not None:
            self._found[node.loc.start] = Coordinate(parent.name, node.name.value)


@dataclass
class QueryDocument:
    """Fragments by name and the coordinate of every selected field."""

    fragments: dict[str, FragmentDefinitionNode] = field(default_factory=dict)
    coordinates: dict[int, Coordinate] = field(default_factory=dict)

    @classmethod
    def parse(cls, schema: GraphQLSchema, source: Source) -> QueryDocument:
        document = parse(source)
        index = cls(
            fragments={
                definition.name.value: definition
                for definition in document.definitions
                if isinstance(definition, FragmentDefinitionNode)
            }
        )
        type_info = TypeInfo(schema)
        visit(
            document, TypeInfoVisitor(type_info, _CoordinateCollector(type_info, index.coordinates))
        )
        return index

    def coordinate(self, node: FieldNode) -> Coordinate | None:
        """Where ``node`` is defined in the schema (None for nodes built in code)."""
        return None if node.loc is None else self.coordinates.get(node.loc.start)


class Documents:
    """One :class:`QueryDocument` per parsed source, made on first use."""

    def __init__(self, schema: GraphQLSchema) -> None:
        self._schema = schema
        self._parsed: dict[int, tuple[Source, QueryDocument]] = {}

    def of(self, node: Node) -> QueryDocument:
        """The document ``node`` was parsed from (empty for nodes built in code)."""
        if node.loc is None:
            return QueryDocument()
        source = node.loc.source
        entry = self._parsed.get(id(source))
        if entry is None:
            entry = (source, QueryDocument.parse(self._schema, source))
            self._parsed[id(source)] = entry
        return entry[1]
