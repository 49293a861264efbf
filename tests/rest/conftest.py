"""Fixtures for the REST adapter tests: sync and async clients on the stand-in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ayon_gql import AsyncAyonClient, AyonClient
from ayon_gql.rest import RestAPI
from ayon_gql.testing import StandInServer


@pytest.fixture
def client(ayon_server: StandInServer) -> Iterator[AyonClient]:
    """A sync client with an API key; retries back off fast so fault tests stay quick."""
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as created:
        created.connection.settings = created.connection.settings.replace(backoff=0.01)
        yield created


@pytest.fixture
def rest(client: AyonClient) -> RestAPI:
    """``client.rest``."""
    return client.rest


@pytest.fixture
def async_client(ayon_server: StandInServer) -> AsyncAyonClient:
    """An async client (use it inside ``asyncio.run``; close it there too)."""
    created = AsyncAyonClient(ayon_server.url, api_key=ayon_server.api_key)
    created.connection.settings = created.connection.settings.replace(backoff=0.01)
    return created
