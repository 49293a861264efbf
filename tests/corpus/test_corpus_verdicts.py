"""``check`` and ``query --all-pages`` agree with code generation on every corpus operation.

The generated corpus client is the oracle: ``check`` lists exactly the
methods it has (``iter_*`` only where generation wrote one), and ``query
--all-pages`` follows an operation exactly when it has an ``iter_*``,
yielding as many nodes; an operation generation refused to page is a
one-line error giving generation's reason.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from ariadne_codegen.utils import process_name
from graphql import OperationDefinitionNode, Source, parse

from ayon_gql.cli import main
from ayon_gql.schema import CheckReport, check_operations
from ayon_gql.schema._relay import iter_method_name, operation_paging
from ayon_gql.testing import StandInServer

from .conftest import (
    INVALID,
    PROJECT,
    QUERIES,
    ROOT,
    SCHEMA,
    GeneratedPackage,
    Ids,
    generate_package,
)
from .test_corpus_generation import FRAGMENTS, OPERATIONS, SCHEMA_OBJECT
from .test_corpus_runs import CASES

_REPORTS: dict[Path, CheckReport] = {}


def _check(folder: Path) -> CheckReport:
    if folder not in _REPORTS:
        _REPORTS[folder] = check_operations(SCHEMA, queries_path=folder, project_root=ROOT)
    return _REPORTS[folder]


def _method(operation: OperationDefinitionNode) -> str:
    assert operation.name is not None
    return str(process_name(operation.name.value, convert_to_snake_case=True))


def _operations_in(folder: Path) -> int:
    """Operation definitions in the folder's files, counted by graphql-core alone."""
    return sum(
        isinstance(definition, OperationDefinitionNode)
        for path in sorted(folder.rglob("*.graphql"))
        for definition in parse(Source(path.read_text(encoding="utf-8"))).definitions
    )


# -- check --------------------------------------------------------------------


def test_check_lists_exactly_the_methods_of_the_generated_client(
    corpus: GeneratedPackage,
) -> None:
    client = corpus.client_module().Operations
    generated = {}
    for operation in OPERATIONS:
        method = _method(operation)
        assert callable(getattr(client, method))
        iterator = iter_method_name(method)
        generated[operation.name.value if operation.name else ""] = (
            (method, iterator) if hasattr(client, iterator) else (method,)
        )
    listed = {info.name: info.methods for info in _check(QUERIES).operations}
    assert listed == generated
    # Both verdicts occur, so the comparison can fail either way.
    assert {len(methods) for methods in listed.values()} == {1, 2}


def test_check_lists_no_iterator_where_only_a_fragment_shows_paging_is_unsound(
    corpus: GeneratedPackage,
) -> None:
    operation = next(
        o for o in OPERATIONS if o.name and o.name.value == "GetFoldersCursorlessFragment"
    )
    # Read without its fragments, the operation would seem to page ...
    assert operation_paging(operation, None, SCHEMA_OBJECT).connection is not None
    # ... but generation wrote no iterator, and check lists none.
    assert not hasattr(corpus.client_module().Operations, "iter_folders_cursorless_fragment")
    [info] = [i for i in _check(QUERIES).operations if i.name == "GetFoldersCursorlessFragment"]
    assert info.methods == ("get_folders_cursorless_fragment",)


def test_check_lists_no_iterator_when_a_variable_takes_the_page_size_name(
    tmp_path: Path,
) -> None:
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "folders.graphql").write_text(
        "query GetFolders($projectName: String!, $pageSize: Int, $first: Int, $after: String) {\n"
        "  project(name: $projectName) {\n"
        "    folders(last: $pageSize, first: $first, after: $after) {\n"
        "      pageInfo { hasNextPage endCursor }\n"
        "      edges { node { id } }\n"
        "    }\n"
        "  }\n"
        "}\n",
        encoding="utf-8",
    )
    package = generate_package(queries, tmp_path / "out", "ayon_verdict_client")
    assert not hasattr(package.client_module().Operations, "iter_folders")
    report = check_operations(SCHEMA, queries_path=queries, project_root=ROOT)
    assert [info.methods for info in report.operations] == [("get_folders",)]


@pytest.mark.parametrize("folder", [QUERIES, INVALID], ids=["valid", "invalid"])
def test_check_counts_every_operation_in_the_files(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _operations_in(folder)
    assert expected == len(_check(folder).operations)
    status = main(["check", "--queries", str(folder), "--project", str(ROOT)])
    out = capsys.readouterr().out
    assert re.search(rf"^Checked {expected} operations in ", out, re.MULTILINE), out
    assert status == (0 if folder == QUERIES else 1)  # duplicate names fail the invalid files
    main(["check", "--queries", str(folder), "--project", str(ROOT), "--json"])
    assert json.loads(capsys.readouterr().out)["operations"] == expected


# -- query --all-pages ----------------------------------------------------------


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _all_pages(operation: str, variables: dict[str, object], page_size: int) -> list[str]:
    files = sorted(QUERIES.glob("*.graphql"))
    arguments = ["query", *(f"--file={path}" for path in files), "--operation-name", operation]
    arguments += ["--variables", json.dumps(variables), "--all-pages", "--json"]
    return [*arguments, "--page-size", str(page_size)]


@pytest.fixture
def server(ayon_server: StandInServer, monkeypatch: pytest.MonkeyPatch) -> StandInServer:
    monkeypatch.setenv("AYON_SERVER_URL", ayon_server.url)
    monkeypatch.setenv("AYON_API_KEY", ayon_server.api_key)
    return ayon_server


PAGED = [o for o in OPERATIONS if operation_paging(o, FRAGMENTS, SCHEMA_OBJECT).connection]
REFUSED = [o for o in OPERATIONS if operation_paging(o, FRAGMENTS, SCHEMA_OBJECT).problem]


def test_the_corpus_has_operations_of_both_kinds() -> None:
    assert len(PAGED) >= 10 and len(REFUSED) >= 5


@pytest.mark.parametrize("operation", PAGED, ids=lambda o: o.name.value)
def test_all_pages_follows_what_the_iterator_pages(
    corpus: GeneratedPackage,
    server: StandInServer,
    ids: Ids,
    operation: OperationDefinitionNode,
    capsys: pytest.CaptureFixture[str],
) -> None:
    method = _method(operation)
    assert hasattr(corpus.client_module().Operations, iter_method_name(method))
    case = CASES[method]
    assert case.items is not None
    expected = case.items(server, ids)
    variables = {_camel(name): value for name, value in case.arguments(ids).items()}
    assert operation.name is not None
    page_size = max(1, expected // 3)
    assert main(_all_pages(operation.name.value, variables, page_size)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == expected
    assert len(set(lines)) == expected  # every node once


@pytest.mark.parametrize("operation", REFUSED, ids=lambda o: o.name.value)
def test_all_pages_refuses_what_generation_refuses_with_its_reason(
    corpus: GeneratedPackage,
    server: StandInServer,
    operation: OperationDefinitionNode,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert operation.name is not None
    name = operation.name.value
    assert not hasattr(corpus.client_module().Operations, iter_method_name(_method(operation)))
    [warned] = [w for w in corpus.warnings if w.startswith(f"{name}: ")]
    reason = warned.split("(): ", 1)[1]  # generation's reason, after "no iter_x(): "
    before = len(server.requests)

    status = main(_all_pages(name, {"projectName": PROJECT}, 10))

    captured = capsys.readouterr()
    assert status == 1
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"ayon-gql: error: --all-pages: {name} cannot be paged: {reason}"
    ]
    assert len(server.requests) == before  # refused before anything was sent
