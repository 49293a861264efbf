"""Fault injection: error statuses, dropped connections, delays, truncated downloads."""

from __future__ import annotations

import httpx
import pytest

from ayon_gql.testing import StandInServer

Q = {"query": "{ me { name } }"}


def test_fail_nth_request(srv: StandInServer, client: httpx.Client) -> None:
    srv.faults.fail(502, nth=2, path="/graphql")
    codes = [client.post("/graphql", json=Q).status_code for _ in range(4)]
    assert codes == [200, 502, 200, 200]
    assert srv.faults.fired == {"fail": 1}


def test_fail_next_times_and_path_filter(srv: StandInServer, client: httpx.Client) -> None:
    srv.faults.fail(503, times=2, path="/graphql")
    assert client.get("/api/info").status_code == 200
    assert [client.post("/graphql", json=Q).status_code for _ in range(3)] == [503, 503, 200]


def test_share_is_seeded(srv: StandInServer, client: httpx.Client) -> None:
    def run() -> list[int]:
        srv.faults.reset()
        srv.faults.fail(503, share=0.5, seed=7)
        return [client.get("/api/info").status_code for _ in range(20)]

    first, second = run(), run()
    assert first == second
    assert 0 < first.count(503) < 20


def test_drop_connection_mid_response(srv: StandInServer) -> None:
    srv.faults.drop(after_bytes=5, path="/graphql")
    with httpx.Client(base_url=srv.url, headers={"X-Api-Key": srv.api_key}) as c:
        with pytest.raises(httpx.HTTPError):
            c.post("/graphql", json=Q)
        assert c.post("/graphql", json=Q).status_code == 200


def test_delay(srv: StandInServer, client: httpx.Client) -> None:
    srv.faults.delay(2.0, path="/api/info")
    with pytest.raises(httpx.ReadTimeout):
        client.get("/api/info", timeout=0.2)
    assert srv.faults.fired == {"delay": 1}


def test_truncated_download(srv: StandInServer, client: httpx.Client) -> None:
    name = "AYON-1.2.3-linux-setup.sh"
    srv.faults.truncate(100, path=f"/api/desktop/installers/{name}")
    with pytest.raises(httpx.HTTPError):
        client.get(f"/api/desktop/installers/{name}")
    full = client.get(f"/api/desktop/installers/{name}")
    assert len(full.content) == int(full.headers["content-length"])


def test_requests_are_recorded_and_reset(srv: StandInServer, client: httpx.Client) -> None:
    client.post("/graphql", json=Q, headers={"X-Custom": "1"})
    (rec,) = srv.requests
    assert (rec.method, rec.path) == ("POST", "/graphql")
    assert rec.headers["x-custom"] == "1" and rec.json == Q
    srv.faults.fail(503)
    srv.reset()
    assert srv.requests == [] and srv.faults.rules == []
    assert client.get("/api/info").status_code == 200
