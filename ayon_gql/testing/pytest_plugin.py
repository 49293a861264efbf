"""pytest fixtures for the stand-in server (registered as the ``ayon_gql`` plugin).

* ``ayon_standin`` (session scope): one running :class:`StandInServer` with the
  default dataset, shared by the whole test session.
* ``ayon_server`` (function scope): the same server, with faults disarmed,
  the request log cleared and the REST state restored before each test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ayon_gql.testing._server import StandInServer


@pytest.fixture(scope="session")
def ayon_standin() -> Iterator[StandInServer]:
    """A stand-in server shared by the session (default dataset)."""
    with StandInServer() as server:
        yield server


@pytest.fixture
def ayon_server(ayon_standin: StandInServer) -> Iterator[StandInServer]:
    """The session's stand-in server, reset for this test."""
    ayon_standin.reset()
    yield ayon_standin
    ayon_standin.faults.reset()
