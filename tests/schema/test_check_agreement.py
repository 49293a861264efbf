"""``check`` agrees exactly with graphql-core validating each operation on its own.

The oracle, written here independently of ``ayon_gql.schema``: every
operation of a folder, with the fragments it uses (transitively), validated
alone by graphql-core; fragments no operation uses validated alone without
the unused-fragment rule.  ``check`` must report the same errors (message,
file, line, column) for the same operations, and count every operation in the
files, anonymous ones included.  Run on our ``queries/``, on the corpus in
``tests/schema/corpus/`` (which has operations that fail on purpose) and on
the code generation corpus ``tests/corpus/`` (its valid operations and its
invalid files: anonymous operations, names defined twice, a misspelt field),
against the snapshot and against the real AYON 1.14.4 schema.

Where names are defined twice across files, the oracle is graphql-core's
own uniqueness rules on the folder as one document: ``check`` reports each
later definition, at its place, with graphql-core's message and both places;
a fragment used by an operation is its first definition (in file order), as
``check`` documents.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    Source,
    build_schema,
    parse,
    specified_rules,
    validate,
)
from graphql.validation import (
    NoUnusedFragmentsRule,
    UniqueFragmentNamesRule,
    UniqueOperationNamesRule,
)

from ayon_gql.schema import check_operations
from tests.schema.conftest import PROJECT_ROOT, QUERIES, SNAPSHOT, spread_names

CORPUS = Path(__file__).parent / "corpus"
CODEGEN_CORPUS = PROJECT_ROOT / "tests" / "corpus"

Error = tuple[str, str, int, int]  # message, file, line, column


@dataclass
class Expected:
    """What graphql-core says, per operation (by file and line) and per unused fragment."""

    operations: dict[tuple[str, int], list[Error]]
    fragments: dict[str, list[Error]]
    #: Later definitions of a name already defined: (message, file, line, column).
    duplicates: list[Error]


def _errors(errors: list[GraphQLError]) -> list[Error]:
    found = []
    for error in errors:
        assert error.source is not None and error.locations
        first = error.locations[0]
        found.append((error.message, error.source.name, first.line, first.column))
    return sorted(found)


def graphql_core_says(schema: GraphQLSchema, folder: Path) -> Expected:
    definitions = []
    for path in sorted(folder.rglob("*.graphql")):
        name = path.relative_to(PROJECT_ROOT).as_posix()
        definitions += parse(Source(path.read_text(encoding="utf-8"), name)).definitions
    fragments: dict[str, FragmentDefinitionNode] = {}
    for definition in definitions:
        if isinstance(definition, FragmentDefinitionNode):
            fragments.setdefault(definition.name.value, definition)  # the first one
    whole = DocumentNode(definitions=definitions)
    expected = Expected({}, {}, _duplicates(schema, whole))
    used_anywhere: set[str] = set()
    for operation in definitions:
        if not isinstance(operation, OperationDefinitionNode):
            continue
        needed: set[str] = set()
        pending = spread_names(operation)
        while pending:
            name = pending.pop()
            if name not in needed:
                needed.add(name)
                if name in fragments:
                    pending |= spread_names(fragments[name])
        used_anywhere |= needed
        document = DocumentNode(
            definitions=[operation, *(fragments[n] for n in sorted(needed) if n in fragments)]
        )
        assert operation.loc is not None
        where = operation.loc.source.get_location(operation.loc.start)
        key = (operation.loc.source.name, where.line)
        expected.operations[key] = _errors(validate(schema, document))
    rules = [rule for rule in specified_rules if rule is not NoUnusedFragmentsRule]
    for name, fragment in fragments.items():
        if name not in used_anywhere:
            document = DocumentNode(definitions=[fragment])
            expected.fragments[name] = _errors(validate(schema, document, rules))
    return expected


def _duplicates(schema: GraphQLSchema, whole: DocumentNode) -> list[Error]:
    """graphql-core's uniqueness errors on the folder as one document, at the later place."""
    found = []
    for error in validate(schema, whole, [UniqueOperationNamesRule, UniqueFragmentNamesRule]):
        assert error.nodes is not None and len(error.nodes) == 2
        later = error.nodes[1]
        assert later.loc is not None
        where = later.loc.source.get_location(later.loc.start)
        found.append((error.message, later.loc.source.name, where.line, where.column))
    return sorted(found)


def check_says(schema: Path, folder: Path) -> Expected:
    report = check_operations(
        schema, base_schema=schema, queries_path=folder, project_root=PROJECT_ROOT
    )
    by_label: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for info in report.operations:
        by_label[info.name].append((info.location.file, info.location.line))
    operations: dict[tuple[str, int], list[Error]] = {
        key: [] for keys in by_label.values() for key in keys
    }
    assert len(operations) == len(report.operations)  # one entry per definition
    fragments: dict[str, list[Error]] = defaultdict(list)
    duplicates: list[Error] = []
    for failure in report.validation_errors:
        assert failure.location is not None
        where = failure.location
        message, both_places, _ = failure.message.partition(": defined at ")
        if both_places and message.startswith("There can be only one "):
            duplicates.append((message + ".", where.file, where.line, where.column))
            continue
        error = (failure.message, where.file, where.line, where.column)
        if failure.operation is not None:
            operations[_owner(by_label[failure.operation], where.file, where.line)].append(error)
        else:
            assert failure.fragment is not None
            fragments[failure.fragment].append(error)
    expected_fragments = {name for name in graphql_core_says_cache(schema, folder).fragments}
    return Expected(
        {key: sorted(errors) for key, errors in operations.items()},
        {name: sorted(fragments.get(name, [])) for name in expected_fragments | set(fragments)},
        sorted(duplicates),
    )


def _owner(keys: list[tuple[str, int]], file: str, line: int) -> tuple[str, int]:
    """The definition an error belongs to: the only one of its name, else the one above it."""
    if len(keys) == 1:
        return keys[0]
    above = [key for key in keys if key[0] == file and key[1] <= line]
    assert above, (keys, file, line)  # duplicates here fail only in their own file
    return max(above, key=lambda key: key[1])


_CACHE: dict[tuple[Path, Path], Expected] = {}


def graphql_core_says_cache(schema: Path, folder: Path) -> Expected:
    if (schema, folder) not in _CACHE:
        built = build_schema(schema.read_text(encoding="utf-8"))
        _CACHE[(schema, folder)] = graphql_core_says(built, folder)
    return _CACHE[(schema, folder)]


def _schemas() -> list[object]:
    old = PROJECT_ROOT.parent / "shared" / "ayon-server" / "1.14.4" / "schema.graphql"
    return [
        pytest.param(SNAPSHOT, id="snapshot"),
        pytest.param(
            old,
            id="ayon-1.14.4",
            marks=pytest.mark.skipif(not old.is_file(), reason=f"{old} not found"),
        ),
    ]


@pytest.mark.parametrize("schema", _schemas())
@pytest.mark.parametrize(
    "folder",
    [QUERIES, CORPUS, CODEGEN_CORPUS / "queries", CODEGEN_CORPUS / "invalid", CODEGEN_CORPUS],
    ids=["queries", "corpus", "codegen-corpus", "codegen-corpus-invalid", "codegen-corpus-all"],
)
def test_check_reports_exactly_what_graphql_core_reports(schema: Path, folder: Path) -> None:
    expected = graphql_core_says_cache(schema, folder)
    reported = check_says(schema, folder)
    assert reported.operations == expected.operations
    assert reported.fragments == expected.fragments
    assert reported.duplicates == expected.duplicates


def test_the_corpus_has_valid_and_invalid_operations_on_both_schemas() -> None:
    """Guard against an agreement that holds because nothing fails (or everything does)."""
    for schema in (SNAPSHOT, PROJECT_ROOT.parent / "shared/ayon-server/1.14.4/schema.graphql"):
        if not schema.is_file():
            continue
        expected = graphql_core_says_cache(schema, CORPUS)
        outcomes = {bool(errors) for errors in expected.operations.values()}
        assert outcomes == {True, False}, schema
        assert any(expected.fragments.values())  # the unused fragment is broken too
    snapshot = graphql_core_says_cache(SNAPSHOT, CORPUS)
    assert len(snapshot.operations) == 13  # anonymous ones included


def test_the_codegen_corpus_has_valid_invalid_and_duplicate_definitions() -> None:
    """The same guard for ``tests/corpus``: its operations pass on the snapshot, its
    invalid files fail (one by validation, two by names defined twice)."""
    valid = graphql_core_says_cache(SNAPSHOT, CODEGEN_CORPUS / "queries")
    assert len(valid.operations) >= 20 and not any(valid.operations.values())
    assert not valid.duplicates
    invalid = graphql_core_says_cache(SNAPSHOT, CODEGEN_CORPUS / "invalid")
    assert {bool(errors) for errors in invalid.operations.values()} == {True, False}
    assert [message for message, *_ in invalid.duplicates] == [
        "There can be only one fragment named 'CorpusUserFields'.",
        "There can be only one operation named 'GetCorpusMe'.",
    ]
