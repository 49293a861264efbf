"""The operations and fragments of a folder of ``.graphql`` files, every one accounted for.

Nothing is dropped on the way: anonymous operations are kept (named by
``file:line``), a second operation or fragment with a name already used is
reported with both places (ariadne-codegen refuses such a folder), a file that
does not parse is reported with the operations it declares (found by the
lexer, so the summary can still name them), and an unreadable file is
reported rather than skipped.  ``check`` validates from here, and ``query``
takes fragments from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graphql import (
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
    Source,
    TokenKind,
    parse,
)
from graphql.language import Lexer

from ayon_gql._errors import InvalidInputError
from ayon_gql.schema._check_report import Location, ValidationFailure
from ayon_gql.schema._usage import Definition

#: File name endings read as GraphQL documents.
EXTENSIONS = (".graphql", ".graphqls", ".gql")

_OPERATION_KEYWORDS = ("query", "mutation", "subscription")


@dataclass(frozen=True)
class Operation:
    """One operation of a folder; ``node`` is None when its file does not parse."""

    name: str
    node: OperationDefinitionNode | None
    location: Location
    kind: str = "query"


@dataclass
class QueryFolder:
    """Everything defined in a folder (or one file) of ``.graphql`` documents."""

    path: Path
    files: list[Path] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    #: The first definition of each fragment name (later ones are in ``problems``).
    fragments: dict[str, FragmentDefinitionNode] = field(default_factory=dict)
    #: Syntax errors, unreadable files, duplicate names.
    problems: list[ValidationFailure] = field(default_factory=list)


def location_of(node: Node | None) -> Location | None:
    """Where ``node`` starts (the source name is the file as shown to users)."""
    if node is None or node.loc is None:
        return None
    source = node.loc.source
    where = source.get_location(node.loc.start)
    return Location(source.name, where.line, where.column)


def error_location(error: GraphQLError) -> Location | None:
    """Where a graphql-core error points: its first node, else its first location."""
    if error.nodes:
        found = location_of(error.nodes[0])
        if found is not None:
            return found
    if error.source is not None and error.locations:
        first = error.locations[0]
        return Location(error.source.name, first.line, first.column)
    return None


def spreads(selection_set: SelectionSetNode | None) -> Iterator[str]:
    """Names of the fragments spread directly in a selection set (inline fragments entered)."""
    if selection_set is None:
        return
    for selection in selection_set.selections:
        if isinstance(selection, FragmentSpreadNode):
            yield selection.name.value
        else:
            yield from spreads(getattr(selection, "selection_set", None))


def fragments_used(
    definition: Definition, fragments: dict[str, FragmentDefinitionNode]
) -> list[str]:
    """Names of the fragments ``definition`` uses, transitively, in first-use order
    (names not in ``fragments`` included: validation reports them as unknown)."""
    seen: list[str] = []
    pending = list(spreads(definition.selection_set))
    while pending:
        name = pending.pop(0)
        if name in seen:
            continue
        seen.append(name)
        if name in fragments:
            pending.extend(spreads(fragments[name].selection_set))
    return seen


def _display_name(path: Path, relative_to: Path) -> str:
    try:
        return path.resolve().relative_to(relative_to.resolve()).as_posix()
    except ValueError:
        return str(path)


def graphql_files(path: Path) -> list[Path]:
    """The ``.graphql`` files of a folder (recursively), or the file itself.

    An :class:`InvalidInputError` when the path does not exist or holds none.
    """
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InvalidInputError(f"queries folder not found: {path}")
    files = sorted(p for p in path.rglob("*") if p.suffix in EXTENSIONS and p.is_file())
    if not files:
        raise InvalidInputError(
            f"no {', '.join('*' + e for e in EXTENSIONS)} files in {path}: nothing to check"
        )
    return files


def declared_in_broken_source(source: Source) -> list[tuple[str, str | None, int]]:
    """``(keyword, name, line)`` of the definitions a source that does not parse declares.

    Read with the lexer, top level only, up to the first token it cannot
    read: enough to name the operations a syntax error takes down.
    """
    found: list[tuple[str, str | None, int]] = []
    lexer = Lexer(source)
    depth = 0
    previous = None
    try:
        token = lexer.advance()
        while token.kind != TokenKind.EOF:
            if token.kind in (TokenKind.BRACE_L, TokenKind.PAREN_L):
                if depth == 0 and token.kind == TokenKind.BRACE_L and previous is None:
                    found.append(("query", None, token.line))  # shorthand `{ ... }`
                depth += 1
            elif token.kind in (TokenKind.BRACE_R, TokenKind.PAREN_R):
                depth = max(depth - 1, 0)
                if depth == 0 and token.kind == TokenKind.BRACE_R:
                    previous = None
            elif depth == 0 and token.kind == TokenKind.NAME and previous is None:
                keyword = token.value or ""
                if keyword in (*_OPERATION_KEYWORDS, "fragment"):
                    after = lexer.lookahead()
                    name = after.value if after.kind == TokenKind.NAME else None
                    found.append((keyword, name, token.line))
                    previous = keyword
            token = lexer.advance()
    except GraphQLError:
        pass
    return found


class _Reader:
    """Collects the definitions of one folder, file by file."""

    def __init__(self, folder: QueryFolder) -> None:
        self.folder = folder
        self.first_operation: dict[str, Location] = {}
        self.first_fragment: dict[str, Location] = {}

    def read(self, path: Path, name: str) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            self.folder.problems.append(
                ValidationFailure(
                    None, None, f"cannot read the file: {reason}", Location(name, 1, 1)
                )
            )
            return
        source = Source(text, name)
        try:
            document = parse(source)
        except GraphQLError as exc:
            self._broken(source, exc)
            return
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode):
                self._operation(definition)
            elif isinstance(definition, FragmentDefinitionNode):
                self._fragment(definition)
            else:
                self.folder.problems.append(
                    ValidationFailure(
                        None,
                        None,
                        f"a {definition.kind.replace('_', ' ')} is not an operation or fragment",
                        location_of(definition),
                    )
                )

    def _operation(self, node: OperationDefinitionNode) -> None:
        where = location_of(node) or Location("?", 0, 0)
        kind = node.operation.value
        if node.name is None:
            label = f"anonymous {kind} ({where.file}:{where.line})"
            self.folder.operations.append(Operation(label, node, where, kind))
            return
        name = node.name.value
        # Duplicates point at the names, as graphql-core's uniqueness rules do.
        named = location_of(node.name) or where
        first = self.first_operation.setdefault(name, named)
        if first is not named:
            self.folder.problems.append(
                ValidationFailure(
                    name,
                    None,
                    f"There can be only one operation named '{name}': "
                    f"defined at {first} and at {named}.",
                    named,
                )
            )
        self.folder.operations.append(Operation(name, node, where, kind))

    def _fragment(self, node: FragmentDefinitionNode) -> None:
        where = location_of(node.name) or Location("?", 0, 0)
        name = node.name.value
        first = self.first_fragment.setdefault(name, where)
        if first is not where:
            self.folder.problems.append(
                ValidationFailure(
                    None,
                    name,
                    f"There can be only one fragment named '{name}': "
                    f"defined at {first} and at {where}.",
                    where,
                )
            )
            return
        self.folder.fragments[name] = node

    def _broken(self, source: Source, error: GraphQLError) -> None:
        where = error_location(error)
        declared = declared_in_broken_source(source)
        operations = [
            (keyword, name, line) for keyword, name, line in declared if keyword != "fragment"
        ]
        fragments = [name for keyword, name, _ in declared if keyword == "fragment" and name]
        for keyword, name, line in operations:
            location = Location(source.name, line, 1)
            label = name or f"anonymous {keyword} ({source.name}:{line})"
            self.folder.operations.append(Operation(label, None, location, keyword))
            self.folder.problems.append(ValidationFailure(label, None, error.message, where))
        for name in fragments:
            self.folder.problems.append(ValidationFailure(None, name, error.message, where))
        if not declared:
            self.folder.problems.append(ValidationFailure(None, None, error.message, where))


def read_query_folder(
    path: Path, relative_to: Path, *, files: Iterable[Path] | None = None
) -> QueryFolder:
    """Every operation and fragment under ``path`` (file names shown relative to ``relative_to``).

    An :class:`InvalidInputError` when ``path`` does not exist or has no ``.graphql`` files.
    """
    folder = QueryFolder(path=path, files=list(files) if files is not None else graphql_files(path))
    reader = _Reader(folder)
    for file in folder.files:
        reader.read(file, _display_name(file, relative_to))
    return folder
