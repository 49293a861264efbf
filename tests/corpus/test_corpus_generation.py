"""The corpus generates, says why where it cannot page, and type-checks with mypy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from ariadne_codegen.utils import process_name
from graphql import (
    FragmentDefinitionNode,
    OperationDefinitionNode,
    build_schema,
    parse,
    validate,
)

import ayon_gql
from ayon_gql.schema._relay import iter_method_name, operation_paging

from .conftest import INVALID, QUERIES, SCHEMA, GeneratedPackage, generate_package

SCHEMA_TEXT = SCHEMA.read_text(encoding="utf-8")


def _corpus() -> tuple[list[OperationDefinitionNode], dict[str, FragmentDefinitionNode]]:
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(QUERIES.glob("*.graphql")))
    document = parse(text)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    return operations, fragments


OPERATIONS, FRAGMENTS = _corpus()
SCHEMA_OBJECT = build_schema(SCHEMA_TEXT)


def _method(operation: OperationDefinitionNode) -> str:
    assert operation.name is not None
    return str(process_name(operation.name.value, convert_to_snake_case=True))


def test_corpus_is_valid_graphql_for_the_snapshot() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(QUERIES.glob("*.graphql")))
    assert validate(SCHEMA_OBJECT, parse(text)) == []
    assert len(OPERATIONS) >= 20


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda o: o.name.value)
def test_every_operation_gets_its_methods_in_both_clients(
    corpus: GeneratedPackage, operation: OperationDefinitionNode
) -> None:
    client = corpus.client_module()
    method = _method(operation)
    paged = operation_paging(operation, FRAGMENTS, SCHEMA_OBJECT).connection is not None
    for cls in (client.Operations, client.AsyncOperations):
        assert callable(getattr(cls, method))
        assert hasattr(cls, iter_method_name(method)) == paged


def test_paged_where_the_rules_allow_it(corpus: GeneratedPackage) -> None:
    client = corpus.client_module().Operations
    # lower-case name and an alias with underscores
    assert hasattr(client, "iter_lower_folders")
    # the connection is in a fragment
    assert hasattr(client, "iter_project_folder_pages")
    # two connections: the one taking $after is paged
    assert hasattr(client, "iter_folders_with_product_sample")
    # a nullable parent, a conditional connection, a root connection, edges without node
    for name in ("iter_version_activities", "iter_maybe_products", "iter_user_pages"):
        assert hasattr(client, name)
    assert hasattr(client, "iter_link_ends")
    # nodes of an interface type with inline fragments: one class per type condition
    returns = client.iter_version_linked_entities.__annotations__["return"]
    assert returns.startswith("Iterator[Optional[Union[") and "NodeVersionNode" in returns
    # an operation named like an iterator keeps its name; its own iterator is iter_iter_...
    assert hasattr(client, "iter_project_names")
    assert hasattr(client, "iter_iter_project_names")


@pytest.mark.parametrize(
    ("operation", "reason"),
    [
        ("GetEntityListItems", "inside the list project.entityLists.edges"),
        ("GetFoldersRequiredCursor", "$after is non-null"),
        ("GetFoldersWithoutEndCursor", "selects no endCursor"),
        ("GetFoldersCursorlessFragment", "pageInfo selects no endCursor"),
        ("GetFoldersAndTasksSharingCursor", "passes $after to 2 connections"),
        ("GetFoldersNamedCursor", "takes after: $cursor"),
        ("GetVersionActivitiesNewestFirst", "lists its items newest first"),
    ],
)
def test_unpageable_operations_get_no_iterator_and_a_warning_saying_why(
    corpus: GeneratedPackage, operation: str, reason: str
) -> None:
    method = str(process_name(operation, convert_to_snake_case=True))
    client = corpus.client_module().Operations
    assert callable(getattr(client, method))
    assert not hasattr(client, iter_method_name(method))
    said = [w for w in corpus.warnings if w.startswith(f"{operation}: ")]
    assert len(said) == 1, corpus.warnings
    assert f"no {iter_method_name(method)}()" in said[0]
    assert reason in said[0]


def test_warnings_point_at_the_operation_in_its_file(corpus: GeneratedPackage) -> None:
    assert len(corpus.places) == len(corpus.warnings) > 0
    for message, (file_name, line) in zip(corpus.warnings, corpus.places, strict=True):
        operation = message.split(":")[0]
        lines = Path(file_name).read_text(encoding="utf-8").splitlines()
        assert Path(file_name).parent == QUERIES
        assert lines[line - 1].startswith(f"query {operation}(")


def test_only_unpageable_operations_warn(corpus: GeneratedPackage) -> None:
    looks_paginated = {
        o.name.value
        for o in OPERATIONS
        if o.name and operation_paging(o, FRAGMENTS, SCHEMA_OBJECT).problem is not None
    }
    assert {w.split(":")[0] for w in corpus.warnings} == looks_paginated
    assert len(corpus.warnings) == len(looks_paginated)


def test_generated_corpus_type_checks_with_mypy_strict(
    corpus: GeneratedPackage, tmp_path: Path
) -> None:
    config = tmp_path / "mypy.ini"
    config.write_text(
        "[mypy]\nstrict = True\n"
        f"cache_dir = {tmp_path / 'cache'}\n"
        # ariadne-codegen's lazy-import __init__ defines __getattr__/__dir__ without
        # annotations; every other module of the package is checked strictly.
        f"[mypy-{corpus.name}]\ndisallow_untyped_defs = False\n"
        # The same holds for the stock package, which the runtime seam imports.
        "[mypy-ayon_gql_generated]\ndisallow_untyped_defs = False\n",
        encoding="utf-8",
    )
    # The package imports the runtime seam (ayon_gql.client); an editable install
    # hides it from mypy behind an import hook, so point mypy at the sources.
    runtime = Path(ayon_gql.__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), "-p", corpus.name],
        cwd=corpus.parent,
        env={**os.environ, "MYPYPATH": f"{runtime}:{runtime / 'scripts' / 'mypy_path'}"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "files",
    [
        ["anonymous.graphql"],
        ["duplicates_a.graphql", "duplicates_b.graphql"],
        ["unknown_field.graphql"],
    ],
    ids=["anonymous", "duplicate-names", "unknown-field"],
)
def test_invalid_corpus_files_are_refused_by_generation(files: list[str], tmp_path: Path) -> None:
    queries = tmp_path / "queries"
    queries.mkdir()
    for name in files:
        (queries / name).write_text((INVALID / name).read_text(encoding="utf-8"), encoding="utf-8")
    # ariadne-codegen's refusals come as one-line GenerationErrors
    with pytest.raises(ayon_gql.GenerationError) as refused:
        generate_package(queries, tmp_path / "out")
    assert str(refused.value) and "\n" not in str(refused.value)
    assert not (tmp_path / "out" / "ayon_corpus_client").exists()


def test_the_invalid_corpus_is_all_covered() -> None:
    assert {p.name for p in INVALID.glob("*.graphql")} == {
        "anonymous.graphql",
        "duplicates_a.graphql",
        "duplicates_b.graphql",
        "unknown_field.graphql",
    }
