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


def studio_schema_text() -> str:
    """The stock snapshot as a studio's server would have it: ``shotCode: String`` added on
    folders and versions, ``comment`` removed from versions."""
    from ayon_gql.testing import DEFAULT_SCHEMA_PATH

    text = DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8")
    for type_name in ("FolderAttribType", "VersionAttribType"):
        head = f"type {type_name} {{\n"
        assert head in text
        text = text.replace(head, head + "  shotCode: String\n")
    start = text.index("type VersionAttribType {")
    end = text.index("}", start)
    body = text[start:end]
    assert "  comment: String\n" in body
    return text[:start] + body.replace("  comment: String\n", "") + text[end:]


@pytest.fixture(scope="session")
def studio_schema(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A studio schema file (see :func:`studio_schema_text`)."""
    path = tmp_path_factory.mktemp("studio") / "studio.graphql"
    path.write_text(studio_schema_text(), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def studio(studio_schema: Path) -> Iterator[StandInServer]:
    """A stand-in serving the studio schema."""
    with StandInServer(schema=studio_schema) as server:
        yield server
