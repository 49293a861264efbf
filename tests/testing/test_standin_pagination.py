"""Relay pagination as the real server does it, including its quirks."""

from __future__ import annotations

import base64
import json

import httpx

from ayon_gql.testing import StandInServer, decode_cursor, encode_cursor

from .conftest import gql

FOLDERS = """query F($p: String!, $first: Int, $after: String, $last: Int, $before: String) {
  project(name: $p) { folders(first: $first, after: $after, last: $last, before: $before) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name } } } } }"""


def _folders(client: httpx.Client, **kw: object) -> dict:
    body = gql(client, FOLDERS, p="demo_Commercial", **kw)
    assert "errors" not in body, body
    return body["data"]["project"]["folders"]


def test_cursor_format_is_base64_json() -> None:
    assert encode_cursor([1]) == "WzFd"
    assert encode_cursor(["demo_Commercial"]) == "WyJkZW1vX0NvbW1lcmNpYWwiXQ=="
    assert decode_cursor("WzIxXQ==") == [21]
    assert decode_cursor("not base64!") == []


def test_forward_pages_cover_everything_once(client: httpx.Client) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = _folders(client, first=5, after=after)
        seen += [e["node"]["id"] for e in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] is False
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == 21


def test_exact_full_last_page_quirk(client: httpx.Client) -> None:
    page = _folders(client, first=21)
    assert len(page["edges"]) == 21
    assert page["pageInfo"]["hasNextPage"] is True  # the quirk
    nxt = _folders(client, first=21, after=page["pageInfo"]["endCursor"])
    assert nxt["edges"] == []
    assert nxt["pageInfo"] == {
        "hasNextPage": False,
        "hasPreviousPage": False,
        "startCursor": None,
        "endCursor": None,
    }


def test_default_page_size_is_100_and_first_has_no_limit(client: httpx.Client) -> None:
    q = """query V($p: String!, $first: Int) { project(name: $p) {
      versions(first: $first) { pageInfo { hasNextPage } edges { node { id } } } } }"""
    default = gql(client, q, p="perf_Medium")["data"]["project"]["versions"]
    assert len(default["edges"]) == 100
    assert default["pageInfo"]["hasNextPage"] is True
    big = gql(client, q, p="perf_Medium", first=100_000)["data"]["project"]["versions"]
    assert len(big["edges"]) == 1_200
    assert big["pageInfo"]["hasNextPage"] is False


def test_cursors_are_creation_order(client: httpx.Client) -> None:
    page = _folders(client, first=3)
    assert [decode_cursor(e["cursor"]) for e in page["edges"]] == [[1], [2], [3]]
    raw = base64.b64decode(page["pageInfo"]["endCursor"])
    assert json.loads(raw) == [3]


def test_last_and_before(client: httpx.Client) -> None:
    everything = [e["node"]["id"] for e in _folders(client, first=100)["edges"]]
    tail = _folders(client, last=4)
    assert [e["node"]["id"] for e in tail["edges"]] == everything[-4:]
    assert tail["pageInfo"]["hasPreviousPage"] is True
    assert tail["pageInfo"]["hasNextPage"] is False
    before = _folders(client, last=3, before=tail["pageInfo"]["startCursor"])
    assert [e["node"]["id"] for e in before["edges"]] == everything[-7:-4]


def test_nested_connections_page_per_parent(client: httpx.Client) -> None:
    q = """query V($p: String!) { project(name: $p) { versions(first: 3) { edges { node { id
      representations(first: 1) { pageInfo { hasNextPage endCursor } edges { node { id } } }
    } } } } }"""
    edges = gql(client, q, p="demo_Commercial")["data"]["project"]["versions"]["edges"]
    assert all(len(e["node"]["representations"]["edges"]) == 1 for e in edges)
    ends = [e["node"]["representations"]["pageInfo"]["endCursor"] for e in edges]
    assert len(set(ends)) == 3


def test_large_scan_in_pages(srv: StandInServer, client: httpx.Client) -> None:
    q = """query V($p: String!, $after: String) { project(name: $p) {
      versions(first: 2000, after: $after) { pageInfo { hasNextPage endCursor }
      edges { node { id version } } } } }"""
    total, after, pages = 0, None, 0
    while True:
        conn = gql(client, q, p="perf_Large", after=after)["data"]["project"]["versions"]
        total += len(conn["edges"])
        pages += 1
        if not conn["pageInfo"]["hasNextPage"]:
            break
        after = conn["pageInfo"]["endCursor"]
    project = srv.dataset.project("perf_Large")
    assert project is not None
    assert total == len(project.versions) == 16_800
    assert len(srv.requests) == pages


ACTIVITIES = """query A($p: String!, $first: Int, $after: String, $last: Int) {
  project(name: $p) { versions(first: 1) { edges { node {
    activities(first: $first, after: $after, last: $last) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { activityId creationOrder } } } } } } } }"""


def _activities(client: httpx.Client, **kw: object) -> dict:
    body = gql(client, ACTIVITIES, p="demo_Commercial", **kw)
    assert "errors" not in body, body
    return body["data"]["project"]["versions"]["edges"][0]["node"]["activities"]


def _orders(page: dict) -> list[int]:
    return [edge["node"]["creationOrder"] for edge in page["edges"]]


def test_an_entitys_activities_come_newest_first_and_after_reads_oldest_first(
    client: httpx.Client,
) -> None:
    # As the real server: last defaults to 100 on an entity's activities, which orders
    # them newest first even with first; after: still selects the newer ones.
    everything = _orders(_activities(client, first=100))
    assert len(everything) >= 3 and everything == sorted(everything, reverse=True)
    first = _activities(client, first=1)
    assert _orders(first) == everything[:1]
    assert first["pageInfo"]["hasNextPage"] is True
    after_newest = _activities(client, first=1, after=first["pageInfo"]["endCursor"])
    assert after_newest["edges"] == [] and after_newest["pageInfo"]["hasNextPage"] is False
    second = _activities(client, first=2)
    assert _orders(_activities(client, first=2, after=second["pageInfo"]["endCursor"])) == [
        everything[0]
    ]  # the newest again: the list cannot be followed forward
    # last: null turns the default off: oldest first, and after: follows the pages.
    oldest_first = _activities(client, first=100, last=None)
    assert _orders(oldest_first) == sorted(everything)
    page = _activities(client, first=2, last=None)
    rest = _activities(client, first=100, last=None, after=page["pageInfo"]["endCursor"])
    assert _orders(page) + _orders(rest) == sorted(everything)
