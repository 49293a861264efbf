"""Long scans under injected faults: nothing lost, nothing doubled, clear failures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ayon_gql import AyonClient, PaginationError, ServerError
from ayon_gql.testing import LARGE_PROJECT, StandInServer, generate_dataset
from tests.client.conftest import graphql_requests, raw_nodes

VERSIONS = 20_000


@pytest.fixture(scope="module")
def large_server() -> Iterator[StandInServer]:
    with StandInServer(generate_dataset(versions=VERSIONS)) as server:
        yield server


@pytest.fixture
def large(large_server: StandInServer) -> Iterator[StandInServer]:
    large_server.reset()
    yield large_server
    large_server.faults.reset()


def _client(server: StandInServer, retries: int) -> AyonClient:
    client = AyonClient(server.url, api_key=server.api_key, retries=retries)
    client.connection.settings = client.connection.settings.replace(backoff=0.005)
    return client


def test_scan_survives_random_503s_and_dropped_connections(large: StandInServer) -> None:
    expected = [node["id"] for node in raw_nodes(large, LARGE_PROJECT, "versions")]
    assert len(expected) == VERSIONS
    large.faults.fail(503, path="/graphql", share=0.25, seed=7)
    large.faults.drop(path="/graphql", share=0.15, seed=11, after_bytes=200)
    large.clear_requests()
    with _client(large, retries=8) as client:
        found = [version.id for version in client.iter_versions(LARGE_PROJECT, page_size=1000)]
    assert found == expected
    assert len(set(found)) == VERSIONS
    fired = sum(rule.fired for rule in large.faults.rules)
    assert fired > 0
    assert len(graphql_requests(large)) >= 21 + fired - 1


def test_retries_running_out_names_operation_and_cursor(large: StandInServer) -> None:
    # Pages 1 and 2 are answered; the third page fails on every attempt (1 + 2 retries).
    for attempt in (3, 4, 5):
        large.faults.fail(503, path="/graphql", nth=attempt)
    seen: list[str] = []
    with _client(large, retries=2) as client, pytest.raises(PaginationError) as caught:
        for version in client.iter_versions(LARGE_PROJECT, page_size=1000):
            seen.append(version.id)
    error = caught.value
    assert error.operation == "GetVersions"
    assert error.items == len(seen) == 2000
    assert error.cursor is not None
    assert "GetVersions" in str(error) and error.cursor in str(error)
    assert isinstance(error.__cause__, ServerError)
    assert len(graphql_requests(large)) == 5


def test_async_scan_survives_faults(large: StandInServer) -> None:
    import asyncio

    from ayon_gql import AsyncAyonClient

    expected = [node["id"] for node in raw_nodes(large, LARGE_PROJECT, "versions")]
    large.faults.fail(502, path="/graphql", share=0.2, seed=3)
    large.faults.drop(path="/graphql", share=0.1, seed=5, after_bytes=500)

    async def scan() -> list[str]:
        client = AsyncAyonClient(large.url, api_key=large.api_key, retries=8)
        client.connection.settings = client.connection.settings.replace(backoff=0.005)
        async with client:
            return [v.id async for v in client.iter_versions(LARGE_PROJECT, page_size=2500)]

    found = asyncio.run(scan())
    assert found == expected
    assert sum(rule.fired for rule in large.faults.rules) > 0
