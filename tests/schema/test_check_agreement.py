"""``check`` agrees exactly with graphql-core validating each operation on its own.

The oracle, written here independently of ``ayon_gql.schema``: every
operation of a folder, with the fragments it uses (transitively), validated
alone by graphql-core; fragments no operation uses validated alone without
the unused-fragment rule.  ``check`` must report the same errors (message,
file, line, column) for the same operations, and count every operation in the
files, anonymous ones included.  Run on our ``queries/`` and on the corpus in
``tests/schema/corpus/`` (which has operations that fail on purpose), against
the snapshot and against the real AYON 1.14.4 schema.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    Source,
    build_schema,
    parse,
    specified_rules,
    validate,
    visit,
)
from graphql.language import Visitor
from graphql.validation import NoUnusedFragmentsRule

from ayon_gql.schema import check_operations
from tests.schema.conftest import PROJECT_ROOT, QUERIES, SNAPSHOT

CORPUS = Path(__file__).parent / "corpus"

Error = tuple[str, str, int, int]  # message, file, line, column


@dataclass
class Expected:
    """What graphql-core says, per operation (by file and line) and per unused fragment."""

    operations: dict[tuple[str, int], list[Error]]
    fragments: dict[str, list[Error]]


class _Spreads(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: object) -> None:
        self.names.add(node.name.value)


def _spread_names(node: object) -> set[str]:
    collector = _Spreads()
    visit(node, collector)  # type: ignore[arg-type]
    return collector.names


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
    fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
    expected = Expected({}, {})
    used_anywhere: set[str] = set()
    for operation in definitions:
        if not isinstance(operation, OperationDefinitionNode):
            continue
        needed: set[str] = set()
        pending = _spread_names(operation)
        while pending:
            name = pending.pop()
            if name not in needed:
                needed.add(name)
                if name in fragments:
                    pending |= _spread_names(fragments[name])
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


def check_says(schema: Path, folder: Path) -> Expected:
    report = check_operations(
        schema, base_schema=schema, queries_path=folder, project_root=PROJECT_ROOT
    )
    by_label = {info.name: (info.location.file, info.location.line) for info in report.operations}
    assert len(by_label) == len(report.operations)  # no duplicate names here
    operations: dict[tuple[str, int], list[Error]] = {key: [] for key in by_label.values()}
    fragments: dict[str, list[Error]] = defaultdict(list)
    for failure in report.validation_errors:
        assert failure.location is not None
        error = (
            failure.message,
            failure.location.file,
            failure.location.line,
            failure.location.column,
        )
        if failure.operation is not None:
            operations[by_label[failure.operation]].append(error)
        else:
            assert failure.fragment is not None
            fragments[failure.fragment].append(error)
    expected_fragments = {name for name in graphql_core_says_cache(schema, folder).fragments}
    return Expected(
        {key: sorted(errors) for key, errors in operations.items()},
        {name: sorted(fragments.get(name, [])) for name in expected_fragments | set(fragments)},
    )


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
@pytest.mark.parametrize("folder", [QUERIES, CORPUS], ids=["queries", "corpus"])
def test_check_reports_exactly_what_graphql_core_reports(schema: Path, folder: Path) -> None:
    expected = graphql_core_says_cache(schema, folder)
    reported = check_says(schema, folder)
    assert reported.operations == expected.operations
    assert reported.fragments == expected.fragments


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
