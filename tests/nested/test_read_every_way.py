"""Completed nested connections and iterated pages equal one request for the whole list.

Each operation below is a shape that once came back different from the
server's answer: a connection listed newest first, a completed ``pageInfo``,
a parent ``id`` under ``@skip``/``@include`` or left out, a nested
connection selected twice under one key, a variable used only in a fragment
of the nested selection, and an id filter longer than one request used to
take.  The typed result (sync and async) is compared with the raw answer to
the same text with every nested ``first`` raised.  ``ConditionalCopy`` and
``EdgesLeftOut`` came from the longer differential run.
"""

from __future__ import annotations

import asyncio
import warnings
from pathlib import Path
from typing import Any

import pytest

from ayon_gql.codegen._nested import NestedConnectionWarning
from ayon_gql.testing import StandInServer
from tests.corpus._differential import keyword_arguments, raw_answer, typed_differences
from tests.corpus.conftest import GeneratedPackage, connected, connected_async, generate_package
from tests.nested.conftest import PROJECT

PAGE = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"

#: Operation name -> text, ``{n}`` standing for the nested ``first`` (1, or raised).
OPERATIONS = {
    # Activities of an entity: AYON lists them newest first while after: reads them
    # oldest first, so completion asks those parents for the whole list again.
    "VersionActivities": "query VersionActivities($projectName: String!) {"
    " project(name: $projectName) { versions(first: 6) { edges { node { id"
    f" activities(first: {{n}}) {{ {PAGE} edges {{ cursor node {{ activityId }} }} }}"
    " } } } } }",
    # Every pageInfo field, and the edges' cursors, after completion.
    "RepresentationPages": "query RepresentationPages($projectName: String!) {"
    " project(name: $projectName) { versions(first: 40) { edges { node { id"
    f" representations(first: {{n}}) {{ {PAGE} edges {{ cursor node {{ id }} }} }}"
    " } } } } }",
    # The parent's id is skipped: the follow-ups need one all the same.
    "SkippedParentId": "query SkippedParentId($projectName: String!) {"
    " project(name: $projectName) { products(first: 3) { edges { node { id @skip(if: true)"
    " versions(first: {n}) { pageInfo { hasNextPage endCursor } edges { node { id } } }"
    " } } } } }",
    # ... or included only when the caller says so.
    "MaybeParentId": "query MaybeParentId($projectName: String!, $flag: Boolean!) {"
    " project(name: $projectName) { products(first: 3) { edges { node { id @include(if: $flag)"
    " name versions(first: {n}) { pageInfo { hasNextPage endCursor } edges { node { id } } }"
    " } } } } }",
    # One nested connection selected twice under one key, with other sub-fields.
    "VersionsTwice": "query VersionsTwice($projectName: String!) {"
    " project(name: $projectName) { products(first: 3) { edges { node { id"
    " versions(first: {n}) { pageInfo { hasNextPage endCursor } edges { node { id } } }"
    " name versions(first: {n}) { edges { node { name version } } } } } } } }",
    # A variable used only in a fragment of the nested selection.
    "FragmentVariable": "query FragmentVariable($projectName: String!, $flag: Boolean!) {"
    " project(name: $projectName) { products(first: 3) { edges { node { id"
    " versions(first: {n}) { pageInfo { hasNextPage endCursor } edges { node"
    " { ...VersionBits } } } } } } } }",
    # Copies of one nested connection, the one with pageInfo under @skip; pageInfo twice.
    "ConditionalCopy": "query ConditionalCopy($projectName: String!, $flag: Boolean!) {"
    " project(name: $projectName) { products(first: 3) { edges { node { id"
    " versions(first: {n}) @skip(if: $flag) { pageInfo { hasNextPage endCursor }"
    " edges { node { id } } }"
    " versions(first: {n}) { pageInfo { startCursor } pageInfo { more: hasNextPage } } } } } } }",
    # The nested edges left out: the pageInfo still ends as one request would.
    "EdgesLeftOut": "query EdgesLeftOut($projectName: String!, $flag: Boolean!) {"
    " project(name: $projectName) { versions(first: 40) { edges { node { id"
    f" representations(first: {{n}}) {{ {PAGE} edges @include(if: $flag) {{ node {{ id }} }} }}"
    " } } } } }",
    # ... and a newest-first connection's edges left out.
    "ActivityEdgesLeftOut": "query ActivityEdgesLeftOut($projectName: String!, $flag: Boolean!) {"
    " project(name: $projectName) { versions(first: 6) { edges { node { id"
    f" activities(first: {{n}}) {{ {PAGE} edges @include(if: $flag) {{ node {{ activityId }} }} }}"
    " } } } } }",
}
FRAGMENTS = "fragment VersionBits on VersionNode { id status @include(if: $flag) }\n"

#: Variables each operation runs with.
RUNS: dict[str, list[dict[str, Any]]] = {
    "VersionActivities": [{}],
    "RepresentationPages": [{}],
    "SkippedParentId": [{}],
    "MaybeParentId": [{"flag": False}, {"flag": True}],
    "VersionsTwice": [{}],
    "FragmentVariable": [{"flag": True}, {"flag": False}],
    "ConditionalCopy": [{"flag": True}, {"flag": False}],
    "EdgesLeftOut": [{"flag": False}, {"flag": True}],
    "ActivityEdgesLeftOut": [{"flag": False}, {"flag": True}],
}

ITERATED = (
    "query VersionsByIds($projectName: String!, $ids: [String!], $first: Int, $after: String) {"
    " project(name: $projectName) { versions(ids: $ids, first: $first, after: $after) {"
    " pageInfo { hasNextPage endCursor } edges { node { id name } } } } }"
)


def _text(name: str, first: int) -> str:
    text = OPERATIONS[name].replace("{n}", str(first))
    return text + ("\n" + FRAGMENTS if "...VersionBits" in text else "")


_WARNED: list[str] = []


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> GeneratedPackage:
    queries = tmp_path_factory.mktemp("every_way") / "queries"
    queries.mkdir()
    document = "\n".join(_text(name, 1) for name in OPERATIONS if name != "FragmentVariable")
    (queries / "nested.graphql").write_text(document + "\n" + ITERATED + "\n", encoding="utf-8")
    (queries / "fragment.graphql").write_text(_text("FragmentVariable", 1), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NestedConnectionWarning)
        generated = generate_package(queries, queries.parent / "out", "ayon_every_way_client")
    _WARNED[:] = [str(w.message) for w in caught if w.category is NestedConnectionWarning]
    return generated


def test_every_nested_connection_here_is_completed(package: GeneratedPackage) -> None:
    assert package.warnings == ()
    assert _WARNED == []


def _method(name: str) -> str:
    from ariadne_codegen.utils import process_name

    return str(process_name(name, convert_to_snake_case=True))


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_completed_equals_one_request_for_every_item(
    package: GeneratedPackage, nested_server: StandInServer, name: str
) -> None:
    server = nested_server
    for variables in RUNS[name]:
        values = {"projectName": PROJECT, **variables}
        whole = raw_answer(server, _text(name, 10000), values)
        cut = raw_answer(server, _text(name, 1), values)
        assert cut != whole  # the first answer leaves items out: completion has work to do
        with connected(package, server.url, server.api_key) as client:
            typed = getattr(client, _method(name))(**keyword_arguments(values))

        async def run(values: dict[str, Any] = values) -> Any:
            async with connected_async(package, server.url, server.api_key) as client:
                return await getattr(client, _method(name))(**keyword_arguments(values))

        assert typed_differences(typed, whole) == [], variables
        assert asyncio.run(run()) == typed


def test_iterating_a_long_id_filter_gives_the_server_order(
    package: GeneratedPackage, nested_server: StandInServer
) -> None:
    server = nested_server
    listed = raw_answer(server, ITERATED, {"projectName": PROJECT, "first": 10000})
    known = [edge["node"]["id"] for edge in listed["project"]["versions"]["edges"]]
    unknown = [f"{index:032x}" for index in range(2400)]
    # The later half first, the earlier half after 2,400 ids the server does not
    # have: the server's order is its own, whatever the order of the filter.
    half = len(known) // 2
    ids = known[half:] + unknown + known[:half]
    values = {"projectName": PROJECT, "ids": ids, "first": 10000}
    whole = raw_answer(server, ITERATED, values)["project"]["versions"]["edges"]
    assert [edge["node"]["id"] for edge in whole] == known
    with connected(package, server.url, server.api_key) as client:
        for page_size in (7, 5000):
            nodes = list(client.iter_versions_by_ids(PROJECT, ids=ids, page_size=page_size))
            assert [node.model_dump(by_alias=True) for node in nodes] == [
                edge["node"] for edge in whole
            ]


def test_the_hidden_parent_id_is_not_in_the_result(
    package: GeneratedPackage, nested_server: StandInServer
) -> None:
    with connected(package, nested_server.url, nested_server.api_key) as client:
        result = client.skipped_parent_id(PROJECT)
        uncompleted = client.skipped_parent_id(PROJECT, complete_nested=False)
    for answer in (result, uncompleted):
        dumped = answer.model_dump(by_alias=True, exclude_unset=True)
        for edge in dumped["project"]["products"]["edges"]:
            assert set(edge["node"]) == {"versions"}


def test_the_sent_text_selects_the_hidden_id(package: GeneratedPackage) -> None:
    source = Path(package.path / "client.py").read_text(encoding="utf-8")
    assert "nestedParentId: id" in source
