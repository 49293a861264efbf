"""pytest fixtures for the stand-in server (registered as the ``ayon_gql`` plugin).

* ``ayon_standin`` (session scope): one running stand-in server with the
  default dataset, shared by the whole test session.
* ``ayon_server`` (function scope): the same server, with faults disarmed,
  the request log cleared and the REST state restored before each test.

pytest loads this module in every project that has ayon-gql installed, so it
imports the stand-in (which needs the ``tools`` extra) only when a test asks
for one of the fixtures.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ayon_gql.testing import StandInServer


@pytest.fixture(scope="session")
def ayon_standin() -> Iterator[StandInServer]:
    """A stand-in server shared by the session (default dataset)."""
    try:
        from ayon_gql.testing import StandInServer
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise pytest.UsageError(
            f"the ayon_standin fixture needs the stand-in server: "
            f"pip install 'ayon-gql[tools]' ({exc})"
        ) from exc
    with StandInServer() as server:
        yield server


@pytest.fixture
def ayon_server(ayon_standin: StandInServer) -> Iterator[StandInServer]:
    """The session's stand-in server, reset for this test."""
    ayon_standin.reset()
    yield ayon_standin
    ayon_standin.faults.reset()
