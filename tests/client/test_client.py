"""The generated client over real HTTP: typed results, getters, iterators, filters."""

from __future__ import annotations

import asyncio
import datetime as dt
import math
from typing import Any

import pytest

from ayon_gql import DEFAULT_PAGE_SIZE, AsyncAyonClient, AyonClient
from ayon_gql.testing import StandInServer
from tests.client.conftest import PROJECT, graphql_requests, raw_nodes

FAMILIES = [
    ("iter_folders", "folders", "id"),
    ("iter_tasks", "tasks", "id"),
    ("iter_products", "products", "id"),
    ("iter_versions", "versions", "id"),
    ("iter_representations", "representations", "id"),
    ("iter_activities", "activities", "activityId"),
]


@pytest.mark.parametrize(("method", "field", "key"), FAMILIES)
def test_sync_iterators_return_every_item_typed(
    client: AyonClient, ayon_server: StandInServer, method: str, field: str, key: str
) -> None:
    expected = [node[key] for node in raw_nodes(ayon_server, PROJECT, field, key)]
    ayon_server.clear_requests()
    items = list(getattr(client, method)(PROJECT, page_size=7))
    attribute = "activity_id" if key == "activityId" else "id"
    assert [getattr(item, attribute) for item in items] == expected
    assert len(expected) > 7
    assert all(type(item).__module__.startswith("ayon_gql_generated") for item in items)
    # A last page that is exactly full costs one more (empty) request.
    pages = math.ceil(len(expected) / 7) + (1 if len(expected) % 7 == 0 else 0)
    assert len(graphql_requests(ayon_server)) == pages


@pytest.mark.parametrize(("method", "field", "key"), FAMILIES)
def test_async_iterators_match_sync(
    ayon_server: StandInServer, method: str, field: str, key: str
) -> None:
    expected = [node[key] for node in raw_nodes(ayon_server, PROJECT, field, key)]
    attribute = "activity_id" if key == "activityId" else "id"

    async def collect() -> list[Any]:
        async with AsyncAyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
            return [getattr(item, attribute) async for item in getattr(client, method)(PROJECT)]

    assert asyncio.run(collect()) == expected


def test_project_is_typed(client: AyonClient) -> None:
    project = client.get_project(PROJECT).project
    assert project.name == PROJECT
    assert isinstance(project.created_at, dt.datetime)
    assert project.created_at.tzinfo is not None
    assert isinstance(project.attrib.fps, float)
    assert project.folder_types and project.statuses
    assert isinstance(project.config_decoded, (dict, type(None)))


def test_getters_by_id_path_and_name(client: AyonClient, ayon_server: StandInServer) -> None:
    folders = list(client.iter_folders(PROJECT))
    leaf = next(folder for folder in folders if not folder.has_children)
    by_id = client.get_folder(PROJECT, leaf.id).project.folder
    assert by_id is not None and by_id.path == leaf.path
    assert isinstance(by_id.all_attrib_decoded, dict)
    by_path = client.get_folder_by_path(PROJECT, leaf.path or "").project.folders.edges
    assert [edge.node.id for edge in by_path] == [leaf.id]

    product = next(iter(client.iter_products(PROJECT, folder_ids=[leaf.id])), None)
    if product is None:  # pick a folder that has products
        product = next(iter(client.iter_products(PROJECT)))
    same = client.get_product_by_name(PROJECT, product.folder_id, product.name)
    assert [edge.node.id for edge in same.project.products.edges] == [product.id]
    assert client.get_product(PROJECT, product.id).project.product is not None

    version = next(iter(client.iter_versions(PROJECT, product_ids=[product.id])))
    numbered = client.get_version_by_number(PROJECT, product.id, version.version)
    assert [edge.node.id for edge in numbered.project.versions.edges] == [version.id]
    assert client.get_version(PROJECT, version.id).project.version is not None

    representation = next(iter(client.iter_representations(PROJECT, version_ids=[version.id])))
    named = client.get_representation_by_name(PROJECT, version.id, representation.name)
    assert [edge.node.id for edge in named.project.representations.edges] == [representation.id]
    assert representation.files and isinstance(representation.files[0].size, str)

    task = next(iter(client.iter_tasks(PROJECT)))
    assert client.get_task(PROJECT, task.id).project.task is not None
    found = client.get_task_by_name(PROJECT, task.folder_id, task.name).project.tasks.edges
    assert [edge.node.id for edge in found] == [task.id]


def test_missing_entity_by_id_is_none(client: AyonClient) -> None:
    assert client.get_folder(PROJECT, "0" * 32).project.folder is None


def test_version_filters(client: AyonClient, ayon_server: StandInServer) -> None:
    latest = list(client.iter_versions(PROJECT, latest_only=True))
    assert latest and all(version.is_latest for version in latest)
    expected = raw_nodes(ayon_server, PROJECT, "versions", "id", "latestOnly: true")
    assert [v.id for v in latest] == [node["id"] for node in expected]
    hero = list(client.iter_versions(PROJECT, hero_only=True))
    assert all(version.version < 0 for version in hero)
    some_products = sorted({version.product_id for version in latest})[:3]
    by_product = list(client.iter_versions(PROJECT, product_ids=some_products))
    assert {version.product_id for version in by_product} == set(some_products)
    numbered = list(client.iter_versions(PROJECT, versions=[1]))
    assert numbered and all(version.version == 1 for version in numbered)


def test_activity_filters_and_decoded_data(client: AyonClient) -> None:
    comments = list(client.iter_activities(PROJECT, activity_types=["comment"]))
    assert comments and all(a.activity_type == "comment" for a in comments)
    assert all(isinstance(a.activity_data_decoded, dict) for a in comments)
    assert comments[0].activity_data.startswith("{")  # raw text stays available
    entity = comments[0].entity_id
    assert entity is not None
    on_entity = list(client.iter_activities(PROJECT, entity_ids=[entity]))
    assert on_entity and all(a.entity_id == entity for a in on_entity)


def test_a_long_id_filter_is_sent_whole_and_read_in_the_servers_order(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    ids = [node["id"] for node in raw_nodes(ayon_server, PROJECT, "versions")]
    unknown = [f"{n:032x}" for n in range(2500 - len(ids))]  # unknown ids match nothing
    wanted = [*reversed(ids), *unknown]
    ayon_server.clear_requests()
    found = [version.id for version in client.iter_versions(PROJECT, ids=wanted)]
    assert found == ids
    sent = [len(request.json["variables"]["ids"]) for request in graphql_requests(ayon_server)]
    assert sent == [2500]


def test_execute_runs_any_query(client: AyonClient) -> None:
    data = client.execute(
        "query Q($p: String!) { project(name: $p) { name code } }", {"p": PROJECT}
    )
    assert data == {"project": {"name": PROJECT, "code": data["project"]["code"]}}


def test_users_and_me(client: AyonClient) -> None:
    me = client.get_me().me
    assert me.is_service
    users = list(client.iter_users())
    assert me.name in {user.name for user in users}
    assert all(isinstance(user.access_groups_decoded, dict) for user in users)
    assert client.get_user(users[0].name).user.name == users[0].name


def test_links_are_iterable(client: AyonClient, ayon_server: StandInServer) -> None:
    links = list(client.iter_links(PROJECT, page_size=2))
    assert links
    assert all(link.input_id and link.output_id and link.link_type for link in links)
    assert len({link.id for link in links}) == len(links)


def test_iterators_ask_the_default_page_size(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    ayon_server.clear_requests()
    versions = list(client.iter_versions(PROJECT))
    assert 0 < len(versions) < DEFAULT_PAGE_SIZE
    sent = [request.json["variables"] for request in graphql_requests(ayon_server)]
    assert sent == [{"projectName": PROJECT, "first": DEFAULT_PAGE_SIZE, "after": None}]


def test_stopping_early_costs_at_most_one_read_ahead_request(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    scan = client.iter_versions(PROJECT, page_size=7)
    first = [next(scan) for _ in range(3)]
    scan.close()
    assert len({version.id for version in first}) == 3
    assert 1 <= len(graphql_requests(ayon_server)) <= 2


def test_async_stopping_early(ayon_server: StandInServer) -> None:
    async def run() -> int:
        async with AsyncAyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
            seen = 0
            async for _ in client.iter_folders(PROJECT, page_size=5):
                seen += 1
                if seen == 6:
                    break
            return seen

    assert asyncio.run(run()) == 6
    assert 2 <= len(graphql_requests(ayon_server)) <= 3
