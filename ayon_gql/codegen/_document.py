"""The queries document as ariadne-codegen parsed it, with what its hooks do not pass.

ariadne-codegen reads one document (generation gives it the typing document
of the queries, :mod:`._normalize`) and hands the plugin single definitions.
Some decisions need more: the fragments an operation spreads (a connection
inside a fragment, ``pageInfo { ...Fields }``), the schema coordinate
(``VersionNode.data``) of each selected field, which does not follow from an
alias, and the attribute each field gets
(:mod:`._field_names`).  They come from parsing the same source again:
graphql-core parses deterministically, so a field is found by its offset.
The file and line a definition was written at come from the queries as
written, so generation warnings point at the user's own files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLSchema,
    Node,
    Source,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    parse,
    visit,
)

from ayon_gql.codegen._field_names import FieldNames


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


def _named_positions(queries_path: str | None) -> dict[str, tuple[Path, int]]:
    """File and line of every named definition in the queries as written."""
    if not queries_path:
        return {}
    from ariadne_codegen.schema import read_graphql_file, walk_graphql_files

    path = Path(queries_path)
    found: dict[str, tuple[Path, int]] = {}
    try:
        files = sorted(walk_graphql_files(path)) if path.is_dir() else [path]
        for file in files:
            for definition in parse(read_graphql_file(file)).definitions:
                name = getattr(definition, "name", None)
                if name is not None and definition.loc is not None:
                    line = definition.loc.source.get_location(definition.loc.start).line
                    found.setdefault(name.value, (file, line))
    except (OSError, GraphQLError):  # positions are a convenience, never a failure
        return {}
    return found


def _file_offsets(queries_path: str | None, body: str) -> list[tuple[int, Path]]:
    """Where each queries file starts in the document ariadne-codegen parsed.

    Read with ariadne-codegen's own file functions; empty unless joining the
    files the way it does gives exactly the parsed text.
    """
    if not queries_path:
        return []
    from ariadne_codegen.schema import read_graphql_file, walk_graphql_files

    path = Path(queries_path)
    try:
        files = sorted(walk_graphql_files(path)) if path.is_dir() else [path]
        texts = [read_graphql_file(file) for file in files]
    except OSError:  # positions are a convenience, never a failure
        return []
    if "\n".join(texts) != body:
        return []
    offsets, start = [], 0
    for file, text in zip(files, texts, strict=True):
        offsets.append((start, file))
        start += len(text) + 1
    return offsets


@dataclass
class QueryDocument:
    """Fragments by name, the coordinate of every selected field, file positions."""

    fragments: dict[str, FragmentDefinitionNode] = field(default_factory=dict)
    coordinates: dict[int, Coordinate] = field(default_factory=dict)
    body: str = ""
    files: list[tuple[int, Path]] = field(default_factory=list)
    #: Where each named definition was written, when ariadne-codegen read another text.
    named: dict[str, tuple[Path, int]] = field(default_factory=dict)
    #: The attribute of each selected field (:mod:`._field_names`), by offset.
    attributes: dict[int, str] = field(default_factory=dict)

    @classmethod
    def parse(
        cls,
        schema: GraphQLSchema,
        source: Source,
        queries_path: str | None = None,
        original_path: str | None = None,
        *,
        snake_case: bool = True,
    ) -> QueryDocument:
        document = parse(source)
        index = cls(
            named=_named_positions(original_path),
            attributes=FieldNames(document, snake_case=snake_case).names,
            fragments={
                definition.name.value: definition
                for definition in document.definitions
                if isinstance(definition, FragmentDefinitionNode)
            },
            body=source.body,
            files=_file_offsets(queries_path, source.body),
        )
        type_info = TypeInfo(schema)
        visit(
            document, TypeInfoVisitor(type_info, _CoordinateCollector(type_info, index.coordinates))
        )
        return index

    def coordinate(self, node: FieldNode) -> Coordinate | None:
        """Where ``node`` is defined in the schema (None for nodes built in code)."""
        return None if node.loc is None else self.coordinates.get(node.loc.start)

    def attribute(self, node: FieldNode) -> str | None:
        """The attribute ``node``'s value gets, unique in its class (None: ariadne's own)."""
        return None if node.loc is None else self.attributes.get(node.loc.start)

    def position(self, node: Node) -> tuple[Path, int] | None:
        """The file and line ``node`` was read from, when known."""
        name = getattr(node, "name", None)
        if name is not None and name.value in self.named:
            return self.named[name.value]
        if node.loc is None or not self.files:
            return None
        start, file = max(
            (entry for entry in self.files if entry[0] <= node.loc.start),
            key=lambda entry: entry[0],
        )
        return file, self.body.count("\n", start, node.loc.start) + 1


class Documents:
    """One :class:`QueryDocument` per parsed source, made on first use."""

    def __init__(
        self,
        schema: GraphQLSchema,
        queries_path: str | None = None,
        original_path: str | None = None,
        *,
        snake_case: bool = True,
    ) -> None:
        self._schema = schema
        self._snake_case = snake_case
        self._queries_path = queries_path
        self._original_path = original_path
        self._parsed: dict[int, tuple[Source, QueryDocument]] = {}

    def of(self, node: Node) -> QueryDocument:
        """The document ``node`` was parsed from (empty for nodes built in code)."""
        if node.loc is None:
            return QueryDocument()
        source = node.loc.source
        entry = self._parsed.get(id(source))
        if entry is None:
            entry = (
                source,
                QueryDocument.parse(
                    self._schema,
                    source,
                    self._queries_path,
                    self._original_path,
                    snake_case=self._snake_case,
                ),
            )
            self._parsed[id(source)] = entry
        return entry[1]
