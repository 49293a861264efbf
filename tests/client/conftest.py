"""Shared helpers for the client tests over real HTTP against the stand-in server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ayon_gql import AyonClient
from ayon_gql.testing import StandInServer

PROJECT = "demo_Commercial"


@pytest.fixture
def client(ayon_server: StandInServer) -> Iterator[AyonClient]:
    """A client with an API key; retries fast so fault tests stay quick."""
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as created:
        created.connection.settings = created.connection.settings.replace(backoff=0.01)
        yield created


def raw_nodes(
    server: StandInServer, project: str, field: str, selection: str = "id", arguments: str = ""
) -> list[dict[str, Any]]:
    """Every node of a project connection in one plain request: the test oracle."""
    extra = f", {arguments}" if arguments else ""
    query = (
        f'{{ project(name: "{project}") {{ {field}(first: 1000000{extra}) '
        f"{{ edges {{ node {{ {selection} }} }} }} }} }}"
    )
    answer = httpx.post(
        f"{server.url}/graphql",
        json={"query": query},
        headers={"X-Api-Key": server.api_key},
        timeout=120,  # an oracle, not a measurement: a loaded machine may take a while
    )
    answer.raise_for_status()
    body = answer.json()
    assert "errors" not in body, body
    return [edge["node"] for edge in body["data"]["project"][field]["edges"]]


def graphql_requests(server: StandInServer) -> list[Any]:
    return [request for request in server.requests if request.path == "/graphql"]
