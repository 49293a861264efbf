"""One operation ready to run, with the fragments it uses from wherever they are defined.

An ad-hoc operation often spreads fragments written elsewhere: in other files
given on the command line, or in the project's queries folder.  The
operation is taken from the given documents (the named one, or the only
one), its fragments are looked up first in those documents and then in the
fragment folder, transitively, and the text to send is the operation
followed by exactly those fragments (each as written), so the server never
sees an unused or unknown fragment.  Every definition keeps its own source,
so validation errors point at the file and line where the problem is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLSchema,
    Node,
    OperationDefinitionNode,
    Source,
    validate,
)

from ayon_gql._errors import InvalidInputError
from ayon_gql.schema._definitions import (
    QueryFolder,
    error_location,
    fragments_used,
    location_of,
    read_query_folder,
)
from ayon_gql.schema._validate import parse_query, select_operation


@dataclass(frozen=True)
class AssembledOperation:
    """An operation and the fragments it uses, and the text that sends exactly those."""

    operation: OperationDefinitionNode
    fragments: tuple[FragmentDefinitionNode, ...]

    @property
    def document(self) -> DocumentNode:
        return DocumentNode(definitions=(self.operation, *self.fragments))

    @property
    def text(self) -> str:
        """The operation, then each fragment, as written in their files."""
        return "\n\n".join(_text_of(node) for node in (self.operation, *self.fragments)) + "\n"

    @property
    def name(self) -> str | None:
        return self.operation.name.value if self.operation.name else None

    def validation_errors(self, schema: GraphQLSchema) -> list[str]:
        """graphql-core's errors, each as ``file:line:column: message``."""
        found = []
        for error in validate(schema, self.document):
            where = error_location(error)
            found.append(f"{where}: {error.message}" if where else error.message)
        return found


def _text_of(node: Node) -> str:
    assert node.loc is not None  # parsed with locations
    return node.loc.source.body[node.loc.start : node.loc.end]


def _where(node: Node) -> str:
    return str(location_of(node) or "?")


def _unique_fragments(documents: Sequence[DocumentNode]) -> dict[str, FragmentDefinitionNode]:
    fragments: dict[str, FragmentDefinitionNode] = {}
    for document in documents:
        for definition in document.definitions:
            if not isinstance(definition, FragmentDefinitionNode):
                continue
            name = definition.name.value
            if name in fragments:
                raise InvalidInputError(
                    f"There can be only one fragment named '{name}': defined at "
                    f"{_where(fragments[name])} and at {_where(definition)}."
                )
            fragments[name] = definition
    return fragments


def _from_folder(missing: Sequence[str], folder: QueryFolder) -> dict[str, FragmentDefinitionNode]:
    """The fragments ``missing`` names, refusing any the folder defines twice or cannot parse."""
    for problem in folder.problems:
        if problem.fragment in missing and problem.operation is None:
            raise InvalidInputError(str(problem))
    return {name: folder.fragments[name] for name in missing if name in folder.fragments}


def assemble_operation(
    sources: Sequence[Source],
    operation_name: str | None = None,
    *,
    fragment_folder: Path | None = None,
    relative_to: Path | None = None,
) -> AssembledOperation:
    """The operation to run from ``sources`` with every fragment it uses.

    Fragments come from ``sources`` first, then from the ``.graphql`` files
    of ``fragment_folder`` (read only when needed; file names are shown
    relative to ``relative_to``).  A syntax error raises
    :class:`~ayon_gql.QueryValidationError`; two operations or fragments of
    one name, or no operation to choose, an :class:`~ayon_gql.InvalidInputError`.
    A fragment found nowhere is left for validation to report.
    """
    documents = [parse_query(source.body, source.name) for source in sources]
    operations = [
        definition
        for document in documents
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
    ]
    seen: dict[str, OperationDefinitionNode] = {}
    for operation in operations:
        if operation.name is None:
            continue
        first = seen.setdefault(operation.name.value, operation)
        if first is not operation:
            raise InvalidInputError(
                f"There can be only one operation named '{operation.name.value}': defined at "
                f"{_where(first)} and at {_where(operation)}."
            )
    operation = select_operation(DocumentNode(definitions=tuple(operations)), operation_name)
    fragments = _unique_fragments(documents)
    missing = [name for name in fragments_used(operation, fragments) if name not in fragments]
    folder: QueryFolder | None = None
    while missing and fragment_folder is not None:
        if folder is None:
            folder = read_query_folder(fragment_folder, relative_to or fragment_folder)
        found = _from_folder(missing, folder)
        if not found:
            break
        fragments.update(found)
        missing = [name for name in fragments_used(operation, fragments) if name not in fragments]
    used = fragments_used(operation, fragments)
    return AssembledOperation(
        operation, tuple(fragments[name] for name in used if name in fragments)
    )
