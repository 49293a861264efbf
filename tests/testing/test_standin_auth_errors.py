"""Authentication and error shapes as on the real server."""

from __future__ import annotations

import httpx

from ayon_gql.testing import StandInServer

from .conftest import gql


def test_missing_and_wrong_credentials(srv: StandInServer) -> None:
    for path, method in (("/graphql", "POST"), ("/api/users/me", "GET"), ("/api/projects", "GET")):
        r = httpx.request(method, srv.url + path, json={"query": "{ me { name } }"})
        assert r.status_code == 401
        assert r.json() == {"code": 401, "detail": "Access token is missing"}
    r = httpx.get(srv.url + "/api/users/me", headers={"X-Api-Key": "nope"})
    assert r.status_code == 401
    assert r.json() == {"code": 401, "detail": "Invalid API key"}
    r = httpx.get(srv.url + "/api/users/me", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401


def test_login_and_bearer(srv: StandInServer) -> None:
    bad = httpx.post(srv.url + "/api/auth/login", json={"name": "admin", "password": "x"})
    assert bad.status_code == 403
    assert bad.json()["detail"] == "Invalid login/password combination"
    missing = httpx.post(srv.url + "/api/auth/login", json={"name": "admin"})
    assert missing.status_code == 400
    assert missing.json()["errors"][0]["loc"] == ["body", "password"]
    ok = httpx.post(srv.url + "/api/auth/login", json={"name": "admin", "password": "admin"})
    assert ok.status_code == 200
    token = ok.json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    me = httpx.get(srv.url + "/api/users/me", headers=headers).json()
    assert me["name"] == "admin"
    body = httpx.post(
        srv.url + "/graphql", headers=headers, json={"query": "{ me { name isAdmin } }"}
    ).json()
    assert body == {"data": {"me": {"name": "admin", "isAdmin": True}}}


def test_info_anonymous_and_full(srv: StandInServer) -> None:
    anon = httpx.get(srv.url + "/api/info").json()
    assert set(anon) == {"disableFeedback", "offlineMode", "uptime", "version"}
    full = httpx.get(srv.url + "/api/info", headers={"X-Api-Key": srv.api_key}).json()
    assert full["user"]["name"] == "service"
    assert len(full["attributes"]) == 30


def test_graphql_errors(client: httpx.Client) -> None:
    missing = gql(client, 'query { project(name: "no_such") { name } }')
    assert missing["data"] is None
    err = missing["errors"][0]
    assert err["message"] == "Project not found"
    assert err["path"] == ["project"] and err["extensions"] == {"status": 404}
    syntax = gql(client, "{ projects { edges")
    assert syntax["data"] is None
    assert syntax["errors"][0]["message"].startswith("Syntax Error:")
    assert "locations" in syntax["errors"][0]
    unknown = gql(client, "{ projects { edges { node { noSuchField } } } }")
    assert unknown["errors"][0]["message"] == (
        "Cannot query field 'noSuchField' on type 'ProjectNode'."
    )
    bad_var = gql(client, "query Q($p: String!) { project(name: $p) { name } }", p=5)
    assert bad_var["data"] is None
    assert bad_var["errors"][0]["message"].startswith("Variable '$p' got invalid value 5")


def test_datetime_and_json_text(client: httpx.Client) -> None:
    q = """query Q($p: String!) { project(name: $p) { createdAt
      activities(first: 1) { edges { node { activityData createdAt } } } } }"""
    import json
    from datetime import datetime

    body = gql(client, q, p="demo_Commercial")["data"]["project"]
    created = datetime.fromisoformat(body["createdAt"])
    assert created.utcoffset() is not None and body["createdAt"].endswith("+00:00")
    node = body["activities"]["edges"][0]["node"]
    assert isinstance(json.loads(node["activityData"]), dict)


def test_document_cache_reuses_parsed_queries(srv: StandInServer, client: httpx.Client) -> None:
    q = "{ me { name } }"
    gql(client, q)
    doc = srv.graphql._cache[q][0]
    gql(client, q)
    assert srv.graphql._cache[q][0] is doc
