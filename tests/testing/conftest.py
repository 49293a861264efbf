"""Shared fixtures for the stand-in server tests (plain httpx, not the client)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ayon_gql.testing import StandInServer

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "ayon-server" / "1.16.0"


@pytest.fixture(scope="session")
def standin() -> Iterator[StandInServer]:
    """One stand-in server for this test package (default dataset)."""
    with StandInServer() as server:
        yield server


@pytest.fixture
def srv(standin: StandInServer) -> Iterator[StandInServer]:
    """The shared server, reset before and after the test."""
    standin.reset()
    yield standin
    standin.reset()


@pytest.fixture
def client(srv: StandInServer) -> Iterator[httpx.Client]:
    """An httpx client authenticated with the service user's API key."""
    with httpx.Client(base_url=srv.url, headers={"X-Api-Key": srv.api_key}, timeout=10) as c:
        yield c


def gql(client: httpx.Client, query: str, **variables: Any) -> dict[str, Any]:
    """POST a GraphQL query and return the decoded JSON body (asserting HTTP 200)."""
    r = client.post("/graphql", json={"query": query, "variables": variables})
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body
