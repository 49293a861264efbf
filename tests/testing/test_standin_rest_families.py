"""Round trips through the stand-in's REST families beyond the recorded session:
what one call writes, the next REST call and GraphQL see, and ``reset()`` undoes."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx

from ayon_gql.testing import StandInServer
from ayon_gql.testing._rest_unserved import operation_table, unserved
from tests.testing.conftest import gql

DEMO = "demo_Commercial"


def _versions(client: httpx.Client, count: int) -> list[dict[str, Any]]:
    query = "query($p:String!,$n:Int){project(name:$p){versions(first:$n){edges{node{id name}}}}}"
    edges = gql(client, query, p=DEMO, n=count)["data"]["project"]["versions"]["edges"]
    return [e["node"] for e in edges]


def _activities(client: httpx.Client, version_id: str) -> list[dict[str, Any]]:
    query = (
        "query($p:String!,$ids:[String!]){project(name:$p){versions(ids:$ids){edges{node{"
        "activities(first:100){edges{node{activityId activityType referenceType body "
        "reactions{reaction userName} activityData}}}}}}}}"
    )
    data = gql(client, query, p=DEMO, ids=[version_id])["data"]
    return [
        e["node"] for e in data["project"]["versions"]["edges"][0]["node"]["activities"]["edges"]
    ]


def test_secrets_round_trip_and_reset(srv: StandInServer, client: httpx.Client) -> None:
    assert (
        client.put("/api/secrets/tracker", json={"name": "tracker", "value": "k1"}).status_code
        == 204
    )
    assert (
        client.put("/api/secrets/tracker", json={"name": "tracker", "value": "k2"}).status_code
        == 204
    )
    assert client.get("/api/secrets").json() == [{"name": "tracker", "value": "k2"}]
    assert client.delete("/api/secrets/tracker").status_code == 204
    assert client.delete("/api/secrets/tracker").json() == {"code": 404, "detail": "Not found"}
    client.put("/api/secrets/left", json={"name": "left", "value": "x"})
    srv.reset()
    assert client.get("/api/secrets").json() == []


def test_a_deployed_project_is_seen_by_graphql_updated_and_deleted(
    srv: StandInServer, client: httpx.Client
) -> None:
    body = {"name": "fresh_Show", "code": "frsh", "library": True}
    assert client.post("/api/projects", json=body).status_code == 201
    query = "query($p:String!){project(name:$p){name code library attrib{fps}}}"
    project = gql(client, query, p="fresh_Show")["data"]["project"]
    assert project == {
        "name": "fresh_Show",
        "code": "frsh",
        "library": True,
        "attrib": {"fps": 25.0},
    }
    patch = {"attrib": {"fps": 48.0}, "active": False}
    assert client.patch("/api/projects/fresh_Show", json=patch).status_code == 204
    assert gql(client, query, p="fresh_Show")["data"]["project"]["attrib"] == {"fps": 48.0}
    assert client.get("/api/projects/fresh_Show/anatomy").json()["attributes"]["fps"] == 48.0
    assert client.delete("/api/projects/fresh_Show").status_code == 204
    answer = gql(client, query, p="fresh_Show")
    assert answer["errors"][0]["message"] == "Project not found"
    assert (
        client.delete("/api/projects/fresh_Show").json()["detail"] == "Project fresh_show not found"
    )


def test_reset_brings_back_a_deleted_or_changed_built_in_project(
    srv: StandInServer, client: httpx.Client
) -> None:
    assert client.patch(f"/api/projects/{DEMO}", json={"attrib": {"fps": 12.0}}).status_code == 204
    assert client.get(f"/api/projects/{DEMO}").json()["attrib"]["fps"] == 12.0
    assert client.delete(f"/api/projects/{DEMO}").status_code == 204
    assert DEMO not in [p["name"] for p in client.get("/api/projects").json()["projects"]]
    assert client.post("/api/projects", json={"name": DEMO, "code": "again"}).status_code == 201
    assert _versions(client, 3) == []
    srv.reset()
    assert client.get(f"/api/projects/{DEMO}").json()["attrib"]["fps"] == 25.0
    assert len(_versions(client, 3)) == 3


def test_site_roots_follow_the_site_override(client: httpx.Client) -> None:
    roots = client.get(f"/api/projects/{DEMO}/siteRoots", params={"platform": "windows"}).json()
    assert roots == {"work": "C:/projects"}
    assert (
        client.put(f"/api/projects/{DEMO}/roots/my-site", json={"work": "D:/w"}).status_code == 204
    )
    assert client.get(f"/api/projects/{DEMO}/roots").json() == {"my-site": {"work": "D:/w"}}
    by_query = client.get(
        f"/api/projects/{DEMO}/siteRoots", params={"platform": "windows", "site_id": "my-site"}
    )
    assert by_query.json() == {"work": "D:/w"}
    other = client.get(
        f"/api/projects/{DEMO}/siteRoots",
        params={"platform": "windows"},
        headers={"X-Ayon-Site-Id": "other-site"},
    )
    assert other.json() == {"work": "C:/projects"}
    bad = client.get(f"/api/projects/{DEMO}/siteRoots", params={"platform": "amiga"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["loc"] == ["query", "platform"]


def test_a_comment_files_mentions_reactions_and_is_deleted_everywhere(
    srv: StandInServer, client: httpx.Client
) -> None:
    first, second, third = _versions(client, 3)
    body = f"see [{second['name']}](version:{second['id']}) @[Bob](user:bob)"
    made = client.post(
        f"/api/projects/{DEMO}/version/{first['id']}/activities",
        json={"activityType": "comment", "body": body},
    )
    assert made.status_code == 201
    activity_id = made.json()["id"]
    event = [e for e in srv.events.all() if e["topic"] == "activity.created"][-1]
    assert (event["description"], event["project"], event["user"]) == (
        "Created comment activity",
        DEMO,
        "service",
    )
    references = {(r["entity_id"], r["reference_type"]) for r in event["summary"]["references"]}
    assert references == {(first["id"], "origin"), (second["id"], "mention")}
    mention = [a for a in _activities(client, second["id"]) if a["activityId"] == activity_id]
    assert [(a["referenceType"], a["body"]) for a in mention] == [("mention", body)]
    reaction = client.post(
        f"/api/projects/{DEMO}/activities/{activity_id}/reactions", json={"reaction": "heart"}
    )
    assert reaction.status_code == 201
    origin = [a for a in _activities(client, first["id"]) if a["activityId"] == activity_id]
    assert origin[0]["reactions"] == [{"reaction": "heart", "userName": "service"}]
    assert json.loads(origin[0]["activityData"])["reactions"][0]["reaction"] == "heart"
    edited = f"now see [{third['name']}](version:{third['id']})"
    patch = client.patch(f"/api/projects/{DEMO}/activities/{activity_id}", json={"body": edited})
    assert patch.status_code == 204
    assert activity_id not in [a["activityId"] for a in _activities(client, second["id"])]
    moved = [a for a in _activities(client, third["id"]) if a["activityId"] == activity_id]
    assert [(a["referenceType"], a["body"]) for a in moved] == [("mention", edited)]
    assert client.delete(f"/api/projects/{DEMO}/activities/{activity_id}").status_code == 204
    for version in (first, second, third):
        assert activity_id not in [a["activityId"] for a in _activities(client, version["id"])]
    srv.reset()


def test_links_and_link_types_round_trip(srv: StandInServer, client: httpx.Client) -> None:
    one, two = _versions(client, 2)
    saved = client.put(
        f"/api/projects/{DEMO}/links/types/approval|version|version",
        json={"data": {"color": "#123456"}},
    )
    assert saved.status_code == 204
    types = client.get(f"/api/projects/{DEMO}/links/types").json()["types"]
    assert {"name": "approval|version|version", "linkType": "approval"}.items() <= types[-1].items()
    made = client.post(
        f"/api/projects/{DEMO}/links",
        json={"input": one["id"], "output": two["id"], "linkType": "approval|version|version"},
    )
    assert made.status_code == 200
    link_id = made.json()["id"]
    query = (
        "query($p:String!,$ids:[String!]){project(name:$p){versions(ids:$ids){edges{node{"
        'id links(linkTypes:["approval"]){edges{id direction node{id}}}}}}}}'
    )
    nodes = gql(client, query, p=DEMO, ids=[one["id"], two["id"]])["data"]["project"]["versions"]
    seen = {e["node"]["id"]: e["node"]["links"]["edges"] for e in nodes["edges"]}
    assert seen[one["id"]] == [{"id": link_id, "direction": "out", "node": {"id": two["id"]}}]
    assert seen[two["id"]] == [{"id": link_id, "direction": "in", "node": {"id": one["id"]}}]
    assert client.delete(f"/api/projects/{DEMO}/links/{link_id}").status_code == 204
    assert client.delete(f"/api/projects/{DEMO}/links/{link_id}").status_code == 404
    srv.reset()
    names = [t["name"] for t in client.get(f"/api/projects/{DEMO}/links/types").json()["types"]]
    assert "approval|version|version" not in names


def test_an_entity_list_keeps_item_positions(srv: StandInServer, client: httpx.Client) -> None:
    a, b, c = _versions(client, 3)
    made = client.post(
        f"/api/projects/{DEMO}/lists",
        json={"entityType": "version", "label": "Review", "items": [{"entityId": a["id"]}]},
    )
    assert made.status_code == 201 and made.json()["count"] == 1
    list_id = made.json()["id"]
    for version, position in ((b, 0), (c, 1)):
        added = client.post(
            f"/api/projects/{DEMO}/lists/{list_id}/items",
            json={"entityId": version["id"], "position": position},
        )
        assert added.status_code == 201
    items = client.get(f"/api/projects/{DEMO}/lists/{list_id}").json()["items"]
    assert [(i["entityId"], i["position"]) for i in items] == [
        (b["id"], 0),
        (c["id"], 1),
        (a["id"], 2),
    ]
    query = (
        "query($p:String!){project(name:$p){entityLists{edges{node{"
        "id count items{edges{entityId node{id}}}}}}}}"
    )
    lists = gql(client, query, p=DEMO)["data"]["project"]["entityLists"]["edges"]
    assert lists[0]["node"]["count"] == 3
    assert [e["node"]["id"] for e in lists[0]["node"]["items"]["edges"]] == [
        b["id"],
        c["id"],
        a["id"],
    ]
    moved = client.patch(
        f"/api/projects/{DEMO}/lists/{list_id}/items/{items[2]['id']}",
        json={"position": 0, "label": "first"},
    )
    assert moved.status_code == 204
    gone = client.delete(f"/api/projects/{DEMO}/lists/{list_id}/items/{items[1]['id']}")
    assert gone.status_code == 204
    after = client.get(f"/api/projects/{DEMO}/lists/{list_id}").json()["items"]
    assert [(i["entityId"], i["position"], i["label"]) for i in after] == [
        (a["id"], 0, "first"),
        (b["id"], 1, None),
    ]
    wrong = client.post(
        f"/api/projects/{DEMO}/lists/{list_id}/items", json={"entityId": uuid.uuid4().hex}
    )
    assert wrong.status_code == 404
    srv.reset()
    assert gql(client, query, p=DEMO)["data"]["project"]["entityLists"]["edges"] == []


def test_a_created_user_logs_in_shows_in_graphql_and_is_gone_after_delete(
    srv: StandInServer, client: httpx.Client
) -> None:
    body = {"attrib": {"fullName": "Nia New"}, "password": "nia-secret-1"}
    assert client.put("/api/users/nia", json=body).status_code == 204
    assert client.put("/api/users/nia", json=body).status_code == 409
    login = httpx.post(
        f"{srv.url}/api/auth/login", json={"name": "nia", "password": "nia-secret-1"}
    )
    assert login.status_code == 200
    query = "{users(first:100){edges{node{name attrib{fullName}}}}}"
    names = {e["node"]["name"]: e["node"] for e in gql(client, query)["data"]["users"]["edges"]}
    assert names["nia"]["attrib"]["fullName"] == "Nia New"
    client.patch("/api/users/nia", json={"attrib": {"fullName": "Nia Renamed"}})
    assert client.get("/api/users/nia").json()["attrib"]["fullName"] == "Nia Renamed"
    assert client.delete("/api/users/nia").status_code == 204
    assert client.get("/api/users/nia").status_code == 404
    gone = httpx.post(f"{srv.url}/api/auth/login", json={"name": "nia", "password": "nia-secret-1"})
    never = httpx.post(
        f"{srv.url}/api/auth/login", json={"name": "zed", "password": "zed-secret-1"}
    )
    assert gone.status_code == never.status_code >= 400
    assert client.get("/api/users").status_code == 404


def test_uris_resolve_down_to_a_representation(client: httpx.Client) -> None:
    query = (
        "query($p:String!){project(name:$p){representations(first:1){edges{node{id name "
        "version{id name product{id name folder{id path}}}}}}}}"
    )
    rep = gql(client, query, p=DEMO)["data"]["project"]["representations"]["edges"][0]["node"]
    version, product = rep["version"], rep["version"]["product"]
    uri = (
        f"ayon+entity://{DEMO}{product['folder']['path']}?product={product['name']}"
        f"&version={version['name']}&representation={rep['name']}"
    )
    short = uri.replace("ayon+entity://", "ayon://")
    answer = client.post("/api/resolve", json={"uris": [uri, "file:///tmp/x", short]}).json()
    assert answer[2]["entities"] == answer[0]["entities"]
    assert answer[0]["entities"] == [
        {
            "projectName": DEMO,
            "folderId": product["folder"]["id"],
            "productId": product["id"],
            "versionId": version["id"],
            "representationId": rep["id"],
            "target": "representation",
        }
    ]
    assert answer[1]["entities"] == [] and "error" in answer[1]


def test_studio_tools_endpoints_validate_like_the_addon(
    srv: StandInServer, client: httpx.Client
) -> None:
    base = "/api/addons/studio_tools/1.0.0"
    bad = client.post(
        f"{base}/frames", json={"frameStart": 1, "frameEnd": 2, "handles": -1, "fps": 0}
    )
    assert bad.status_code == 400
    assert [(e["loc"], e["type"]) for e in bad.json()["errors"]] == [
        (["body", "handles"], "value_error.number.not_ge"),
        (["body", "fps"], "value_error.number.not_gt"),
    ]
    ok = client.post(f"{base}/frames", json={"frame_start": 0, "frame_end": 9, "fps": 10})
    assert ok.json() == {"durationS": 1.0, "frames": 10, "warnings": ["starts before frame 1"]}
    for key, kind in (("a", "url"), ("b", "folder")):
        put = client.put(
            f"{base}/bookmarks", json={"key": key, "label": key, "kind": kind, "target": "t"}
        )
        assert put.status_code == 204
    assert [
        b["key"] for b in client.get(f"{base}/bookmarks", params={"kind": "folder"}).json()
    ] == ["b"]
    wrong_kind = client.put(
        f"{base}/bookmarks", json={"key": "c", "label": "c", "kind": "x", "target": "t"}
    )
    assert wrong_kind.json()["errors"][0]["type"] == "value_error.const"
    assert client.get(f"{base}/raw/{DEMO}", params={"limit": "two"}).status_code == 400
    assert len(client.get(f"{base}/raw/{DEMO}", params={"limit": 2}).json()["folders"]) == 2
    summary = client.get(f"{base}/summary/{DEMO}", params={"status": "In progress"}).json()
    assert summary["folders"] == sum(f["count"] for f in summary["byFolderType"]) > 0
    srv.reset()
    assert client.get(f"{base}/bookmarks").json() == []


def test_the_production_bundle_lists_studio_tools(client: httpx.Client) -> None:
    bundles = client.get("/api/bundles").json()["bundles"]
    production = next(b for b in bundles if b["isProduction"])
    assert production["addons"]["studio_tools"] == "1.0.0"


def test_unserved_names_the_operation_of_a_document() -> None:
    paths = {"/api/things/{thing_id}": {"get": {"operationId": "get_thing"}}}
    table = operation_table([("", paths)])
    answer = unserved("GET", "/api/things/abc", table)
    assert answer is not None and answer.status == 501
    assert (
        answer.body["detail"]
        == "The AYON stand-in does not implement get_thing (GET /api/things/{thing_id})"
    )
    assert unserved("POST", "/api/things/abc", table) is None
    assert unserved("GET", "/api/things/abc/more", table) is None


def test_project_bundles_show_in_graphql_and_refuse_unknown_bundles(
    srv: StandInServer, client: httpx.Client
) -> None:
    bundles = client.get("/api/bundles").json()["bundles"]
    staging = next(b["name"] for b in bundles if b["isStaging"])
    answer = client.post(f"/api/projects/{DEMO}/bundles", json={"staging": staging})
    assert answer.status_code == 204
    query = "query($p:String!){project(name:$p){bundle{production staging}}}"
    bundle = gql(client, query, p=DEMO)["data"]["project"]["bundle"]
    assert bundle == {"production": None, "staging": staging}
    unknown = client.post(f"/api/projects/{DEMO}/bundles", json={"production": "nope"})
    assert unknown.status_code == 404
    srv.reset()
    assert gql(client, query, p=DEMO)["data"]["project"]["bundle"]["staging"] is None
