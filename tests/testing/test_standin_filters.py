"""Filters and relations behave as on the real server."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ayon_gql.testing import StandInServer

from .conftest import gql


def _nodes(
    client: httpx.Client, entity: str, args: str, fields: str, **variables: Any
) -> list[dict[str, Any]]:
    decl = "".join(f", ${k}: {_gql_type(v)}" for k, v in variables.items())
    q = (
        f"query Q($p: String!{decl}) {{ project(name: $p) {{ {entity}({args}) "
        f"{{ edges {{ node {{ {fields} }} }} }} }} }}"
    )
    body = gql(client, q, p="demo_Commercial", **variables)
    assert "errors" not in body, body
    return [e["node"] for e in body["data"]["project"][entity]["edges"]]


def _gql_type(value: Any) -> str:
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Int"
    if isinstance(value, list):
        inner = "Int" if value and isinstance(value[0], int) else "String"
        return f"[{inner}!]"
    return "String"


def test_folder_filters(client: httpx.Client) -> None:
    roots = _nodes(client, "folders", 'first: 100, parentId: "root"', "name parentId")
    assert {n["name"] for n in roots} == {"assets", "shots"}
    shots = _nodes(client, "folders", "first: 100, folderTypes: $t", "folderType path", t=["Shot"])
    assert len(shots) == 6 and all(n["folderType"] == "Shot" for n in shots)
    hero = _nodes(
        client, "folders", "paths: $paths", "id name path", paths=["/assets/characters/hero"]
    )
    assert [n["name"] for n in hero] == ["hero"]
    kids = _nodes(client, "folders", "parentIds: $ids", "parentId", ids=[hero[0]["id"]])
    assert kids == []
    by_name = _nodes(client, "folders", "names: $n", "name", n=["sword", "lamp"])
    assert sorted(n["name"] for n in by_name) == ["lamp", "sword"]
    ids = _nodes(client, "folders", "ids: $ids", "id", ids=[hero[0]["id"], "0" * 32])
    assert ids == [{"id": hero[0]["id"]}]


def test_folder_relations(client: httpx.Client) -> None:
    q = """query Q($p: String!) { project(name: $p) { folders(paths: ["/assets/characters/hero"])
      { edges { node { name parent { name parent { name } }
        tasks { edges { node { name folder { name } } } }
        products { edges { node { name latestVersion { name isLatest } } } } } } } } }"""
    node = gql(client, q, p="demo_Commercial")["data"]["project"]["folders"]["edges"][0]["node"]
    assert node["parent"] == {"name": "characters", "parent": {"name": "assets"}}
    assert {e["node"]["name"] for e in node["tasks"]["edges"]} == {"modeling", "lookdev", "rigging"}
    assert all(e["node"]["folder"]["name"] == "hero" for e in node["tasks"]["edges"])
    for e in node["products"]["edges"]:
        assert e["node"]["latestVersion"]["isLatest"] is True


def test_task_filters(client: httpx.Client) -> None:
    tasks = _nodes(client, "tasks", "first: 100, taskTypes: $t", "taskType", t=["Animation"])
    assert len(tasks) == 6
    anyone = _nodes(client, "tasks", "first: 100", "assignees")
    name = anyone[0]["assignees"][0]
    mine = _nodes(client, "tasks", "first: 100, assignees: $a", "assignees", a=[name])
    assert mine and all(name in t["assignees"] for t in mine)
    assert len(mine) == sum(1 for t in anyone if name in t["assignees"])


def test_version_filters(client: httpx.Client) -> None:
    everything = _nodes(
        client,
        "versions",
        "first: 1000",
        "id version productId taskId author isLatest heroVersionId",
    )
    assert len(everything) == 108
    latest = _nodes(client, "versions", "first: 1000, latestOnly: true", "isLatest version")
    assert latest and all(v["isLatest"] and v["version"] > 0 for v in latest)
    heroes = _nodes(client, "versions", "first: 1000, heroOnly: true", "version id")
    assert heroes and all(v["version"] < 0 for v in heroes)
    linked = [v for v in everything if v["heroVersionId"] and v["version"] > 0]
    assert {v["heroVersionId"] for v in linked} == {h["id"] for h in heroes}
    hol = _nodes(client, "versions", "first: 1000, heroOrLatestOnly: true", "productId version")
    assert len({v["productId"] for v in hol}) == len(hol) == len(latest)
    product = everything[1]["productId"]
    of_product = _nodes(
        client, "versions", "first: 1000, productIds: $p2", "productId", p2=[product]
    )
    assert of_product and all(v["productId"] == product for v in of_product)
    twos = _nodes(client, "versions", "first: 1000, versions: $v", "version", v=[2])
    assert twos and all(v["version"] == 2 for v in twos)
    one = _nodes(client, "versions", "first: 1000, version: 1", "version")
    assert len(one) == 43
    author = everything[0]["author"]
    by_author = _nodes(client, "versions", "first: 1000, authors: $a", "author", a=[author])
    assert len(by_author) == sum(1 for v in everything if v["author"] == author)
    task = everything[0]["taskId"]
    by_task = _nodes(client, "versions", "first: 1000, taskIds: $t", "taskId", t=[task])
    assert by_task and all(v["taskId"] == task for v in by_task)


def test_version_relations(client: httpx.Client) -> None:
    q = """query Q($p: String!) { project(name: $p) { versions(first: 1) { edges { node {
      id product { name folder { path } versions { edges { node { id } } } }
      task { name } representations { edges { node { versionId version { id } files { size }
      } } } } } } } }"""
    v = gql(client, q, p="demo_Commercial")["data"]["project"]["versions"]["edges"][0]["node"]
    assert v["product"]["folder"]["path"] == "/assets/characters/hero"
    assert v["id"] in {e["node"]["id"] for e in v["product"]["versions"]["edges"]}
    for e in v["representations"]["edges"]:
        assert e["node"]["versionId"] == e["node"]["version"]["id"] == v["id"]
        assert isinstance(e["node"]["files"][0]["size"], str)


def test_representation_and_product_filters(client: httpx.Client) -> None:
    versions = _nodes(client, "versions", "first: 2", "id")
    reps = _nodes(
        client, "representations", "first: 100, versionIds: $v", "versionId", v=[versions[0]["id"]]
    )
    assert reps and all(r["versionId"] == versions[0]["id"] for r in reps)
    renders = _nodes(
        client, "products", "first: 100, productTypes: $t", "productType", t=["render"]
    )
    assert len(renders) == 6


@pytest.mark.parametrize(
    "args,check",
    [
        ("activityTypes: $x", lambda a, x: a["activityType"] in x),
        ("referenceTypes: $x", lambda a, x: a["referenceType"] in x),
    ],
)
def test_activity_filters(client: httpx.Client, args: str, check: Any) -> None:
    values = ["comment"] if "activity" in args else ["origin"]
    nodes = _nodes(
        client,
        "activities",
        f"first: 1000, {args}",
        "activityType referenceType entityId",
        x=values,
    )
    assert nodes and all(check(n, values) for n in nodes)


def test_activity_entity_time_and_author_filters(client: httpx.Client) -> None:
    everything = _nodes(
        client,
        "activities",
        "first: 1000",
        "activityId entityId createdAt author { name } activityData",
    )
    assert len(everything) > 100
    eid = everything[0]["entityId"]
    of_entity = _nodes(client, "activities", "first: 1000, entityIds: $e", "entityId", e=[eid])
    assert of_entity and all(a["entityId"] == eid for a in of_entity)
    middle = everything[len(everything) // 2]["createdAt"]
    after = _nodes(client, "activities", "first: 1000, changedAfter: $t", "createdAt", t=middle)
    assert after and all(a["createdAt"] > middle for a in after)
    before = _nodes(client, "activities", "first: 1000, changedBefore: $t", "createdAt", t=middle)
    assert len(after) + len(before) == len(everything) - 1
    author = everything[0]["author"]["name"]
    mine = _nodes(client, "activities", "first: 1000, authors: $a", "author { name }", a=[author])
    assert mine and all(a["author"]["name"] == author for a in mine)
    one = _nodes(
        client, "activities", "activityIds: $i", "activityId", i=[everything[3]["activityId"]]
    )
    assert one == [{"activityId": everything[3]["activityId"]}]


def test_links_both_ways(client: httpx.Client, srv: StandInServer) -> None:
    project = srv.dataset.project("demo_Commercial")
    assert project is not None and project.links
    link = project.links[-1]
    q = """query Q($p: String!, $ids: [String!]) { project(name: $p) {
      versions(ids: $ids) { edges { node { id links { edges { direction entityId linkType
        node { id } } } } } }
      links(entityIds: $ids) { edges { inputId outputId linkType } } } }"""
    body = gql(client, q, p="demo_Commercial", ids=[link["outputId"]])["data"]["project"]
    edges = body["versions"]["edges"][0]["node"]["links"]["edges"]
    assert {
        "direction": "in",
        "entityId": link["inputId"],
        "linkType": "generative",
        "node": {"id": link["inputId"]},
    } in edges
    assert body["links"]["edges"]


def test_users_me_and_as_user(srv: StandInServer) -> None:
    q = "{ me { name isService } users { edges { node { name } } } }"
    with httpx.Client(base_url=srv.url, headers={"X-Api-Key": srv.api_key}) as c:
        body = gql(c, q)["data"]
        assert body["me"] == {"name": "service", "isService": True}
        assert [e["node"]["name"] for e in body["users"]["edges"]] == sorted(
            e["node"]["name"] for e in body["users"]["edges"]
        )
        as_alice = c.post(
            "/graphql", json={"query": "{ me { name } }"}, headers={"X-as-user": "alice"}
        ).json()
        assert as_alice["data"]["me"]["name"] == "alice"
        assert c.get("/api/users/me", headers={"X-as-user": "alice"}).json()["name"] == "alice"


def test_every_node_field_resolves(client: httpx.Client, srv: StandInServer) -> None:
    """Select every scalar field of every node type: no null errors on non-null fields."""
    from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLScalarType

    schema = srv.graphql.schema

    def scalars(type_name: str) -> str:
        obj = schema.type_map[type_name]
        assert isinstance(obj, GraphQLObjectType)
        names = []
        for name, f in obj.fields.items():
            t = f.type
            while isinstance(t, (GraphQLNonNull, GraphQLList)):
                t = t.of_type
            if isinstance(t, GraphQLScalarType) and not f.args:
                names.append(name)
        return " ".join(names)

    parts = [
        f"{conn} {{ edges {{ node {{ {scalars(t)} }} }} }}"
        for conn, t in (
            ("folders", "FolderNode"),
            ("tasks", "TaskNode"),
            ("products", "ProductNode"),
            ("versions", "VersionNode"),
            ("representations", "RepresentationNode"),
            ("activities", "ActivityNode"),
        )
    ]
    q = f"query Q($p: String!) {{ project(name: $p) {{ {scalars('ProjectNode')} {' '.join(parts)}"
    q += f" }} users {{ edges {{ node {{ {scalars('UserNode')} }} }} }} }}"
    body = gql(client, q, p="demo_Commercial")
    assert "errors" not in body, body["errors"][:3]
