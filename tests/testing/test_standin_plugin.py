"""The pytest plugin's fixtures (``ayon_gql.pytest_plugin``)."""

from __future__ import annotations

import httpx

from ayon_gql.testing import StandInServer


def test_ayon_server_fixture(ayon_server: StandInServer) -> None:
    r = httpx.get(ayon_server.url + "/api/users/me", headers={"X-Api-Key": ayon_server.api_key})
    assert r.json()["name"] == "service"
    assert len(ayon_server.requests) == 1
