"""Fixtures of the events tests: the session's stand-in with a fast websocket
(short heartbeat and auth timeout) and a client with fast retries."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ayon_gql import AyonClient
from ayon_gql.testing import StandInServer

PROJECT = "demo_Commercial"
HEARTBEAT = 0.2
AUTH_TIMEOUT = 0.5


@pytest.fixture
def server(ayon_server: StandInServer) -> Iterator[StandInServer]:
    """The stand-in, reset, with a websocket that beats every 0.2 s."""
    hub = ayon_server.websocket
    saved = hub.heartbeat_interval, hub.auth_timeout, hub.auth_delay
    hub.heartbeat_interval, hub.auth_timeout = HEARTBEAT, AUTH_TIMEOUT
    yield ayon_server
    hub.drop_all()
    hub.heartbeat_interval, hub.auth_timeout, hub.auth_delay = saved


@pytest.fixture
def client(server: StandInServer) -> Iterator[AyonClient]:
    """A client with an API key; retries back off fast."""
    with AyonClient(server.url, api_key=server.api_key) as created:
        created.connection.settings = created.connection.settings.replace(backoff=0.01)
        yield created
