"""Nested connections come back complete: batched follow-ups, sync and async."""

from __future__ import annotations

import asyncio
import math
from typing import Any

import pytest
from ayon_gql_generated.client import (
    _GET_LATEST_VERSIONS_WITH_REPRESENTATIONS_NESTED as PLANS,
)
from ayon_gql_generated.client import (
    _GET_LATEST_VERSIONS_WITH_REPRESENTATIONS_QUERY as QUERY,
)

from ayon_gql import AsyncAyonClient, AyonClient, PaginationError
from ayon_gql.testing import StandInServer
from tests.nested.conftest import PROJECT, expected_children, graphql_bodies

OPERATION = "GetLatestVersionsWithRepresentations"


def _parents_in(body: dict[str, Any]) -> int:
    variables = body.get("variables")
    assert isinstance(variables, dict)
    return sum(1 for name in variables if name.startswith("nestedId"))


def _incomplete(expected: dict[str, list[str]], first: int) -> int:
    """Parents whose first page says there is more (a full page always does)."""
    return sum(1 for children in expected.values() if len(children) >= first)


def test_iter_completes_every_parent_with_batched_follow_ups(
    client: AyonClient, server: StandInServer
) -> None:
    expected = expected_children(server)
    incomplete = _incomplete(expected, 2)
    assert 3 <= incomplete <= 50  # several parents, one batch

    versions = list(
        client.iter_latest_versions_with_representations(PROJECT, representations_first=2)
    )

    assert {v.id: [e.node.id for e in v.representations.edges] for v in versions} == expected
    assert all(not v.representations.page_info.has_next_page for v in versions)
    bodies = graphql_bodies(server)
    follow_ups = [b for b in bodies if b.get("operationName") != OPERATION]
    assert len(bodies) - len(follow_ups) == 1  # one page of versions
    # Every incomplete parent is in the first follow-up; only the crowded
    # versions need more rounds, never one request per parent.
    assert _parents_in(follow_ups[0]) == incomplete
    assert len(follow_ups) < incomplete
    assert sum(map(_parents_in, follow_ups)) < 2 * incomplete


def test_async_iter_completes_the_same(server: StandInServer) -> None:
    async def collect() -> dict[str, list[str]]:
        async with AsyncAyonClient(server.url, api_key=server.api_key) as client:
            return {
                v.id: [e.node.id for e in v.representations.edges]
                async for v in client.iter_latest_versions_with_representations(
                    PROJECT, representations_first=2, page_size=5
                )
            }

    assert asyncio.run(collect()) == expected_children(server)


def test_get_completes_unless_told_not_to(client: AyonClient, server: StandInServer) -> None:
    expected = expected_children(server)
    complete = client.get_latest_versions_with_representations(PROJECT, representations_first=1)
    edges = complete.project.versions.edges
    assert {e.node.id: [r.node.id for r in e.node.representations.edges] for e in edges} == (
        expected
    )

    server.clear_requests()
    cut = client.get_latest_versions_with_representations(
        PROJECT, representations_first=1, complete_nested=False
    )
    assert len(graphql_bodies(server)) == 1
    cut_edges = cut.project.versions.edges
    assert all(len(e.node.representations.edges) == 1 for e in cut_edges)
    assert sum(e.node.representations.page_info.has_next_page for e in cut_edges) == (
        _incomplete(expected, 1)
    )


def test_the_default_nested_page_needs_follow_ups_only_for_crowded_versions(
    client: AyonClient, server: StandInServer
) -> None:
    expected = expected_children(server)
    versions = list(client.iter_latest_versions_with_representations(PROJECT))
    assert {v.id: [e.node.id for e in v.representations.edges] for v in versions} == expected
    # One page of versions, one follow-up for the version with over 100 representations.
    assert _incomplete(expected, 100) == 1
    assert len(graphql_bodies(server)) == 2


def test_small_batches_take_several_rounds(client: AyonClient, server: StandInServer) -> None:
    """Two parents and one item per request: many rounds, still complete and in order."""
    variables = {"projectName": PROJECT, "representationsFirst": 1}
    data = client.execute(QUERY, variables, OPERATION)
    expected = expected_children(server)
    server.clear_requests()

    client.connection.complete_nested(
        data, PLANS, variables, OPERATION, parents_per_request=2, items_per_request=1
    )

    nodes = [edge["node"] for edge in data["project"]["versions"]["edges"]]
    got = {n["id"]: [r["node"]["id"] for r in n["representations"]["edges"]] for n in nodes}
    assert got == expected
    # Every follow-up fetches one item per parent (plus the empty page that
    # ends an exactly full one), two parents per request while two remain.
    fetches = sum(len(children) for children in expected.values() if len(children) >= 1)
    bodies = graphql_bodies(server)
    assert all(_parents_in(body) <= 2 for body in bodies)
    assert math.ceil(fetches / 2) <= len(bodies) < fetches
    assert all(not n["representations"]["pageInfo"]["hasNextPage"] for n in nodes)


def test_failure_mid_completion_names_the_operation(
    client: AyonClient, server: StandInServer
) -> None:
    server.faults.fail(500, path="/graphql", nth=2)  # the first follow-up
    with pytest.raises(PaginationError) as caught:
        list(client.iter_latest_versions_with_representations(PROJECT, representations_first=1))
    assert caught.value.operation == OPERATION
    assert caught.value.project_name == PROJECT
    assert "follow-up" in str(caught.value)


def test_async_failure_mid_completion_names_the_operation(server: StandInServer) -> None:
    server.faults.fail(500, path="/graphql", nth=2)

    async def run() -> None:
        async with AsyncAyonClient(server.url, api_key=server.api_key) as client:
            await client.get_latest_versions_with_representations(PROJECT, representations_first=1)

    with pytest.raises(PaginationError) as caught:
        asyncio.run(run())
    assert caught.value.operation == OPERATION


def test_a_parent_gone_before_its_follow_up_is_an_error(
    client: AyonClient, server: StandInServer
) -> None:
    variables = {"projectName": PROJECT, "representationsFirst": 1}
    data = client.execute(QUERY, variables, OPERATION)
    project = server.dataset.project(PROJECT)
    assert project is not None
    gone = next(
        edge["node"]["id"]
        for edge in data["project"]["versions"]["edges"]
        if edge["node"]["representations"]["pageInfo"]["hasNextPage"]
    )
    version = project.by_id.pop(gone)  # deleted on the server meanwhile
    try:
        with pytest.raises(PaginationError, match=f"{gone} was not found again") as caught:
            client.connection.complete_nested(data, PLANS, variables, OPERATION)
    finally:
        project.by_id[gone] = version
    assert caught.value.operation == OPERATION


def test_follow_ups_keep_the_nested_filters(client: AyonClient, server: StandInServer) -> None:
    names = [f"extra{index:04d}" for index in range(0, 130, 3)]
    project = server.dataset.project(PROJECT)
    assert project is not None
    expected = {
        version_id: [
            rep["id"] for rep in project.reps_by_version[version_id] if rep["name"] in names
        ]
        for version_id in expected_children(server)
    }
    versions = client.iter_latest_versions_with_representations(
        PROJECT, representation_names=names, representations_first=2
    )
    got = {v.id: [e.node.id for e in v.representations.edges] for v in versions}
    assert got == expected
    assert sum(len(ids) > 2 for ids in got.values()) >= 2
