"""Relay pagination over AYON connections, sync and async.

The real server has a few habits that a naive loop gets wrong:

* without ``first`` a connection returns 100 items, and ``first`` has no
  upper limit, so the page size is ours to choose;
* when the last page is exactly full, ``hasNextPage`` is still true and the
  next page is empty with ``endCursor: null``;
* a server that repeats a cursor would make a naive loop run forever.

An id filter is sent whole with every page, however long: the server
orders the whole filter, so the items come in its order (an id filter split
into chunks would come back chunk after chunk).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

from ayon_gql._errors import InvalidInputError, PaginationError, ServerError, TransportError

#: Items per request.  Chosen with ``scripts/benchmark_scans.py`` against the
#: stand-in charging each request what AYON 1.16 spends on it (fixed work per
#: request plus work per field): 5,000 scans 16,000 versions in 4 requests at
#: about 1.07x the server time of one unpaged request; larger pages save at
#: most 0.1 s more there, while the client's peak memory and the wait for the
#: first item grow with the page.
DEFAULT_PAGE_SIZE = 5000

class _PageCursor:
    """Follows the cursors of one list and decides when to stop."""

    def __init__(self, operation_name: str, page_size: int) -> None:
        self.operation_name = operation_name
        self.page_size = page_size
        self.cursor: str | None = None
        self.seen: set[str] = set()
        self.done = False
        self.items = 0

    def request_arguments(self, arguments: dict[str, Any]) -> dict[str, Any]:
        return {**arguments, "first": self.page_size, "after": self.cursor}

    def accept(self, connection: Any) -> list[Any]:
        """Take one page; return its nodes and move the cursor on."""
        edges = list(connection.edges)
        nodes = [getattr(edge, "node", edge) for edge in edges]
        self.items += len(nodes)
        page_info = connection.page_info
        end_cursor = page_info.end_cursor
        if not page_info.has_next_page or not edges:
            # An empty page ends the list even if it claims more (the real
            # server's answer after an exactly full last page).
            self.done = True
            return nodes
        if end_cursor is None:
            raise PaginationError(
                "the server says there are more pages but sent no end cursor",
                operation=self.operation_name,
                cursor=self.cursor,
                items=self.items,
            )
        if end_cursor == self.cursor or end_cursor in self.seen:
            raise PaginationError(
                f"the server repeated cursor {end_cursor!r}; stopping instead of looping",
                operation=self.operation_name,
                cursor=end_cursor,
                items=self.items,
            )
        self.seen.add(end_cursor)
        self.cursor = end_cursor
        return nodes

    def interrupted(self, error: ServerError | TransportError) -> PaginationError:
        return PaginationError(
            f"stopped after {self.items} items at cursor {self.cursor!r}: {error.message}",
            operation=self.operation_name,
            cursor=self.cursor,
            items=self.items,
            project_name=error.project_name,
        )


def iter_nodes(
    fetch_page: Callable[[dict[str, Any]], Any],
    arguments: dict[str, Any],
    *,
    operation_name: str,
    page_size: int | None,
) -> Iterator[Any]:
    """Yield every node of a connection, page by page.

    The next page is requested (on a worker thread) as soon as a page's
    cursor is known, so the server works on it while the caller goes through
    the current one.  Stopping early costs at most that one extra request.
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    size = _checked_page_size(page_size)
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ayon-gql-page")
    pending: Future[Any] | None = None
    try:
        state = _PageCursor(operation_name, size)
        pending = pool.submit(fetch_page, state.request_arguments(arguments))
        while pending is not None:
            try:
                connection = pending.result()
            except (ServerError, TransportError) as error:
                raise state.interrupted(error) from error
            nodes = state.accept(connection)
            pending = (
                None if state.done else pool.submit(fetch_page, state.request_arguments(arguments))
            )
            yield from nodes
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


async def aiter_nodes(
    fetch_page: Callable[[dict[str, Any]], Awaitable[Any]],
    arguments: dict[str, Any],
    *,
    operation_name: str,
    page_size: int | None,
) -> AsyncIterator[Any]:
    """Async twin of :func:`iter_nodes`, reading one page ahead in a task."""
    import asyncio  # imported on first use: ``import ayon_gql`` stays fast

    size = _checked_page_size(page_size)
    pending: asyncio.Future[Any] | None = None
    try:
        state = _PageCursor(operation_name, size)
        pending = asyncio.ensure_future(fetch_page(state.request_arguments(arguments)))
        while pending is not None:
            try:
                connection = await pending
            except (ServerError, TransportError) as error:
                raise state.interrupted(error) from error
            nodes = state.accept(connection)
            pending = (
                None
                if state.done
                else asyncio.ensure_future(fetch_page(state.request_arguments(arguments)))
            )
            for node in nodes:
                yield node
    finally:
        if pending is not None:
            if not pending.done():
                pending.cancel()  # the caller stopped early: drop the read-ahead
            elif not pending.cancelled():
                pending.exception()  # mark a failed read-ahead as seen (no warning)


def _checked_page_size(page_size: int | None) -> int:
    if page_size is None:
        return DEFAULT_PAGE_SIZE
    if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1:
        raise InvalidInputError(f"page_size must be a positive integer, got {page_size!r}")
    return page_size
