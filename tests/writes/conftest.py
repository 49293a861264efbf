"""Shared helpers of the write tests: a client on the stand-in, and an oracle
that reads the stand-in's production without going through the client."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ayon_gql import AyonClient
from ayon_gql.testing import StandInServer

PROJECT = "demo_Commercial"
OPERATIONS_PATH = f"/api/projects/{PROJECT}/operations"


@pytest.fixture
def client(ayon_server: StandInServer) -> Iterator[AyonClient]:
    """A client with an API key; retries fast so fault tests stay quick."""
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as created:
        created.connection.settings = created.connection.settings.replace(backoff=0.01)
        yield created


def existing(server: StandInServer, kind: str, ids: list[str]) -> list[dict[str, Any]]:
    """The entities of ``kind`` (plural, e.g. ``folders``) with these ids: the oracle."""
    query = (
        "query($p: String!, $ids: [String!]) { project(name: $p) { "
        f"{kind}(ids: $ids, first: 1000) {{ edges {{ node {{ id name }} }} }} }} }}"
    )
    answer = httpx.post(
        f"{server.url}/graphql",
        json={"query": query, "variables": {"p": PROJECT, "ids": ids}},
        headers={"X-Api-Key": server.api_key},
        timeout=30,
    )
    body = answer.json()
    assert "errors" not in body, body
    return [edge["node"] for edge in body["data"]["project"][kind]["edges"]]


def commits(server: StandInServer) -> list[Any]:
    """The commit requests the server received."""
    return [r for r in server.requests if r.path == OPERATIONS_PATH]


def a_folder_id(client: AyonClient) -> str:
    """An existing shot folder of the demo project."""
    return next(client.iter_folders(PROJECT, folder_types=["Shot"])).id
