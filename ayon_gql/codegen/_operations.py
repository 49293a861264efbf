"""Validate the schema and the operations before ariadne-codegen sees them.

ariadne-codegen reads every ``.graphql`` file into one string, so its errors
(``InvalidOperationForSchema``, ``InvalidGraphqlSyntax``) carry no file or
line.  Parsing each file on its own, with its path as the source name, and
validating the same rules gives ``file:line:column: Operation: message`` for
every problem, as a :class:`~ayon_gql.GenerationError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from graphql import (
    DefinitionNode,
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
    Source,
    build_schema,
    parse,
    specified_rules,
    validate,
)
from graphql.language import Node

from ayon_gql._errors import GenerationError

#: The extensions ariadne-codegen reads from the queries folder.
GRAPHQL_EXTENSIONS = (".graphql", ".graphqls", ".gql")
#: Errors listed in one GenerationError before the rest are counted.
_MAX_LISTED = 20


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _read(path: Path, root: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GenerationError(f"cannot read {_shown(path, root)}: {exc}") from None


def load_schema_file(path: Path, root: Path) -> GraphQLSchema:
    """Build the SDL snapshot; errors name the file and position."""
    if not path.is_file():
        raise GenerationError(
            f"schema snapshot {_shown(path, root)} not found; run `ayon-gql schema pull`"
        )
    text = _read(path, root)
    try:
        return build_schema(Source(text, _shown(path, root)))
    except GraphQLError as exc:
        raise GenerationError(_format(exc, {})) from None
    except TypeError as exc:  # e.g. a type referenced but never defined
        raise GenerationError(f"{_shown(path, root)}: not a valid schema: {exc}") from None


def operation_files(queries: Path) -> list[Path]:
    """The files ariadne-codegen reads, in its order."""
    if queries.is_file():
        return [queries]
    if not queries.is_dir():
        raise GenerationError(f"queries folder {queries} not found")
    return sorted(path for path in queries.glob("**/*") if path.suffix in GRAPHQL_EXTENSIONS)


def _definition_name(definition: DefinitionNode) -> str:
    name = getattr(definition, "name", None)
    if name is not None:
        return str(name.value)
    return "anonymous operation"


def _enclosing(node: Node, definitions: Sequence[DefinitionNode]) -> DefinitionNode | None:
    loc = node.loc
    if loc is None:
        return None
    for definition in definitions:
        outer = definition.loc
        if (
            outer is not None
            and outer.source is loc.source
            and outer.start <= loc.start
            and loc.end <= outer.end
        ):
            return definition
    return None


def _format(error: GraphQLError, owners: dict[int, Sequence[DefinitionNode]]) -> str:
    """``file:line:column: Definition: message`` (the last node for duplicates)."""
    nodes = [node for node in error.nodes or () if node.loc is not None]
    if nodes:
        node = nodes[-1]
        assert node.loc is not None
        location = node.loc.source.get_location(node.loc.start)
        where = f"{node.loc.source.name}:{location.line}:{location.column}"
        definition = _enclosing(node, owners.get(id(node.loc.source), ()))
        prefix = f"{where}: {_definition_name(definition)}" if definition else where
        return f"{prefix}: {error.message}"
    if error.source is not None and error.locations:
        location = error.locations[0]
        return f"{error.source.name}:{location.line}:{location.column}: {error.message}"
    return error.message


def _raise(messages: list[str]) -> None:
    if not messages:
        return
    listed = messages[:_MAX_LISTED]
    if len(messages) > _MAX_LISTED:
        listed.append(f"... and {len(messages) - _MAX_LISTED} more")
    if len(messages) == 1:
        raise GenerationError(messages[0])
    raise GenerationError(
        f"{len(messages)} errors in the operations (listed above)", details=listed
    )


def validate_operations(
    schema: GraphQLSchema,
    files: Iterable[Path],
    root: Path,
    *,
    skip_rules: Sequence[str] = ("NoUnusedFragments",),
) -> None:
    """Raise :class:`GenerationError` listing every syntax or validation error.

    ``skip_rules`` are ariadne-codegen's ``skip_validation_rules`` names
    (rule class names without the ``Rule`` suffix).
    """
    definitions: list[DefinitionNode] = []
    owners: dict[int, Sequence[DefinitionNode]] = {}
    messages: list[str] = []
    for path in files:
        source = Source(_read(path, root), _shown(path, root))
        try:
            document = parse(source)
        except GraphQLSyntaxError as exc:
            messages.append(_format(exc, owners))
            continue
        owners[id(source)] = document.definitions
        definitions.extend(document.definitions)
    _raise(messages)
    skipped = {f"{name}Rule" for name in skip_rules}
    rules = [rule for rule in specified_rules if rule.__name__ not in skipped]
    errors = validate(schema, DocumentNode(definitions=tuple(definitions)), rules)
    _raise([_format(error, owners) for error in errors])
