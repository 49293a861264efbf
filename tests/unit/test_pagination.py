"""Pagination driven by pages the real server sent (tests/_shared recordings)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest

from ayon_gql import (
    DEFAULT_PAGE_SIZE,
    InvalidInputError,
    PaginationError,
    ServerError,
    TransportError,
)
from ayon_gql._pagination import aiter_nodes, iter_nodes
from tests._shared import recording


def _connection(payload: dict[str, Any]) -> SimpleNamespace:
    """The shape generated models give: ``page_info`` and ``edges[].node``."""
    info = payload["pageInfo"]
    return SimpleNamespace(
        page_info=SimpleNamespace(
            has_next_page=info["hasNextPage"], end_cursor=info.get("endCursor")
        ),
        edges=[SimpleNamespace(node=edge["node"]) for edge in payload["edges"]],
    )


def _folders(name: str) -> SimpleNamespace:
    return _connection(recording(name)["response"]["json"]["data"]["project"]["folders"])


class _RecordedServer:
    """Answers by the ``after`` cursor, as the real server did."""

    def __init__(self, pages: dict[str | None, SimpleNamespace]) -> None:
        self.pages = pages
        self.calls: list[dict[str, Any]] = []

    def __call__(self, arguments: dict[str, Any]) -> SimpleNamespace:
        self.calls.append(arguments)
        return self.pages[arguments["after"]]


def test_exactly_full_last_page_costs_one_empty_request_and_ends() -> None:
    full = _folders("gql-folders-exact-last-page")
    empty = _folders("gql-folders-after-exact-last-page")
    assert full.page_info.has_next_page is True  # the real server's quirk
    server = _RecordedServer({None: full, full.page_info.end_cursor: empty})
    nodes = list(
        iter_nodes(
            server,
            {"project_name": "demo"},
            operation_name="GetFolders",
            page_size=21,
        )
    )
    assert [n["id"] for n in nodes] == [e.node["id"] for e in full.edges]
    assert len(server.calls) == 2
    assert server.calls[0] == {"project_name": "demo", "first": 21, "after": None}
    assert server.calls[1]["after"] == full.page_info.end_cursor


def test_follows_cursors_across_pages() -> None:
    page1 = _folders("gql-folders-page1")
    page2 = _folders("gql-folders-page2")
    last = SimpleNamespace(
        page_info=SimpleNamespace(has_next_page=False, end_cursor=None),
        edges=[SimpleNamespace(node={"id": "x"})],
    )
    server = _RecordedServer(
        {None: page1, page1.page_info.end_cursor: page2, page2.page_info.end_cursor: last}
    )
    nodes = list(iter_nodes(server, {}, operation_name="GetFolders", page_size=5))
    assert len(nodes) == len(page1.edges) + len(page2.edges) + 1
    assert len({n["id"] for n in nodes}) == len(nodes)


class _CountingServer:
    """``total`` items in pages of ``first``, the real server's way: a last page
    that is exactly full still says ``hasNextPage`` and is followed by an empty one."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.firsts: list[int] = []

    def __call__(self, arguments: dict[str, Any]) -> SimpleNamespace:
        first = arguments["first"]
        self.firsts.append(first)
        start = int(arguments["after"] or 0)
        end = min(start + first, self.total)
        return SimpleNamespace(
            page_info=SimpleNamespace(
                has_next_page=end < self.total or end - start == first,
                end_cursor=str(end) if end > start else None,
            ),
            edges=[SimpleNamespace(node=index) for index in range(start, end)],
        )


@pytest.mark.parametrize("total", [15_999, 16_000, 16_009])
def test_default_page_size_scans_16000_versions_in_at_most_5_requests(total: int) -> None:
    server = _CountingServer(total)
    nodes = list(
        iter_nodes(server, {}, operation_name="GetVersions", page_size=None)
    )
    assert nodes == list(range(total))
    assert set(server.firsts) == {DEFAULT_PAGE_SIZE}
    assert len(server.firsts) <= 5


def test_repeated_cursor_is_an_error_not_a_loop() -> None:
    page1 = _folders("gql-folders-page1")
    server = _RecordedServer({None: page1, page1.page_info.end_cursor: page1})
    with pytest.raises(PaginationError) as caught:
        list(iter_nodes(server, {}, operation_name="GetFolders", page_size=5))
    assert caught.value.operation == "GetFolders"
    assert caught.value.cursor == page1.page_info.end_cursor
    assert len(server.calls) == 2


def test_more_pages_without_cursor_is_an_error() -> None:
    broken = SimpleNamespace(
        page_info=SimpleNamespace(has_next_page=True, end_cursor=None),
        edges=[SimpleNamespace(node={"id": "a"})],
    )
    with pytest.raises(PaginationError, match="no end cursor"):
        list(iter_nodes(lambda _: broken, {}, operation_name="Op", page_size=1))


def test_failure_mid_scan_names_operation_and_cursor() -> None:
    page1 = _folders("gql-folders-page1")

    def fetch(arguments: dict[str, Any]) -> SimpleNamespace:
        if arguments["after"] is None:
            return page1
        raise ServerError(
            "HTTP 503",
            status_code=503,
            method="POST",
            path="/graphql",
            operation="GetFolders",
            project_name="demo",
        )

    seen: list[Any] = []
    with pytest.raises(PaginationError) as caught:
        for node in iter_nodes(fetch, {}, operation_name="GetFolders", page_size=5):
            seen.append(node)
    error = caught.value
    assert len(seen) == len(page1.edges) == error.items
    assert error.cursor == page1.page_info.end_cursor
    assert "GetFolders" in str(error) and error.cursor in str(error)
    assert isinstance(error.__cause__, ServerError)


def test_transport_failure_on_first_page_is_wrapped_too() -> None:
    def fetch(arguments: dict[str, Any]) -> SimpleNamespace:
        raise TransportError("connection refused", operation="GetVersions")

    with pytest.raises(PaginationError) as caught:
        list(iter_nodes(fetch, {}, operation_name="GetVersions", page_size=5))
    assert caught.value.cursor is None and caught.value.items == 0


def test_a_long_id_filter_is_sent_whole_with_every_page() -> None:
    ids = [f"{i:032x}" for i in range(4500)]
    calls: list[int] = []

    def fetch(arguments: dict[str, Any]) -> SimpleNamespace:
        calls.append(len(arguments["ids"]))
        start = int(arguments["after"] or 0)
        page = arguments["ids"][start : start + arguments["first"]]
        more = start + len(page) < len(arguments["ids"])
        return SimpleNamespace(
            page_info=SimpleNamespace(has_next_page=more, end_cursor=str(start + len(page))),
            edges=[SimpleNamespace(node=i) for i in page],
        )

    nodes = list(iter_nodes(fetch, {"ids": ids}, operation_name="Op", page_size=2000))
    assert nodes == ids
    assert calls == [4500, 4500, 4500]


def test_async_iteration_matches_sync() -> None:
    full = _folders("gql-folders-exact-last-page")
    empty = _folders("gql-folders-after-exact-last-page")
    pages = {None: full, full.page_info.end_cursor: empty}

    async def fetch(arguments: dict[str, Any]) -> SimpleNamespace:
        return pages[arguments["after"]]

    async def collect() -> list[Any]:
        return [
            n
            async for n in aiter_nodes(fetch, {}, operation_name="Op", page_size=21)
        ]

    assert [n["id"] for n in asyncio.run(collect())] == [e.node["id"] for e in full.edges]


@pytest.mark.parametrize("size", [0, -1, 1.5, True])
def test_bad_page_size_is_refused(size: Any) -> None:
    with pytest.raises(InvalidInputError):
        list(iter_nodes(lambda _: None, {}, operation_name="Op", page_size=size))
