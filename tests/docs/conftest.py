"""One stand-in per served schema for the documentation pages, reset per page."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from ayon_gql.testing import StandInServer


class StandIns:
    """Stand-ins by schema extension ("" for the stock schema), started on first use."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._servers: dict[str, StandInServer] = {}

    def get(self, extend_schema: str = "") -> StandInServer:
        server = self._servers.get(extend_schema)
        if server is None:
            schema = None
            if extend_schema:
                stock = (resources.files("ayon_gql_generated") / "ayon.graphql").read_text()
                schema = self._folder / f"schema{len(self._servers)}.graphql"
                schema.write_text(f"{stock}\n{extend_schema}\n", encoding="utf-8")
            server = self._servers[extend_schema] = StandInServer(schema=schema).start()
        server.reset()
        return server

    def close(self) -> None:
        for server in self._servers.values():
            server.stop()


@pytest.fixture(scope="session")
def docs_standins(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StandIns]:
    standins = StandIns(tmp_path_factory.mktemp("docs-schemas"))
    yield standins
    standins.close()
