"""The corpus client: generated once per session from ``tests/corpus/queries``.

:func:`generate_package` is the one place that knows how a package is
generated for a test (a temporary project whose configuration has the shape
of our own pyproject's); :func:`connected` is the one place that builds
clients of a generated package on the runtime's connection.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import sys
import warnings
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from ayon_gql.codegen.plugin import GenerationWarning
from ayon_gql.testing import StandInServer

CORPUS = Path(__file__).parent
QUERIES = CORPUS / "queries"
INVALID = CORPUS / "invalid"
ROOT = CORPUS.parents[1]
TEMPLATES = ROOT / "ayon_gql" / "codegen" / "templates"
SCHEMA = ROOT / "schema" / "ayon.graphql"
PACKAGE = "ayon_corpus_client"


@dataclass(frozen=True)
class GeneratedPackage:
    """A package generated into a temporary folder, and what generation warned."""

    parent: Path
    name: str
    warnings: tuple[str, ...]
    #: File and line each warning points at, in the same order.
    places: tuple[tuple[str, int], ...] = ()

    @property
    def path(self) -> Path:
        return self.parent / self.name

    def client_module(self) -> ModuleType:
        """``<package>.client``, importable from :attr:`parent`."""
        if str(self.parent) not in sys.path:
            sys.path.insert(0, str(self.parent))
        module = importlib.import_module(f"{self.name}.client")
        # Another package of the same name imported earlier would shadow this one.
        assert Path(str(module.__file__)).parent == self.path, module.__file__
        return module


def _toml(value: Any) -> str:
    return json.dumps(value)  # strings, lists and booleans are spelled alike in TOML


def generate_package(queries: Path, parent: Path, name: str = PACKAGE) -> GeneratedPackage:
    """Generate a client package from ``queries`` into ``parent / name``.

    Writes a temporary project whose ``[tool.ayon-gql]`` names the snapshot,
    the queries and the package (absolute paths), as a studio's would, and
    runs ``ayon_gql.codegen.generate`` on it.
    """
    from ayon_gql.codegen import generate

    section = {"schema": str(SCHEMA), "queries": str(queries), "package": name}
    lines = ["[tool.ayon-gql]", *(f"{key} = {_toml(value)}" for key, value in section.items())]
    parent.mkdir(parents=True, exist_ok=True)
    (parent / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", GenerationWarning)
        generate(parent)
    ours = [w for w in caught if issubclass(w.category, GenerationWarning)]
    return GeneratedPackage(
        parent,
        name,
        tuple(str(w.message) for w in ours),
        tuple((w.filename, w.lineno) for w in ours),
    )


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> GeneratedPackage:
    """The corpus client package, generated once for the session."""
    return generate_package(QUERIES, tmp_path_factory.mktemp("corpus"))


@contextlib.contextmanager
def connected(package: GeneratedPackage, url: str, api_key: str) -> Iterator[Any]:
    """A sync client of ``package`` (its ``Operations``) on the runtime's connection."""
    from ayon_gql._connection import Connection
    from ayon_gql._connection_settings import ConnectionSettings

    connection = Connection(ConnectionSettings.from_env({}, base_url=url, api_key=api_key))
    try:
        yield package.client_module().Operations(connection)
    finally:
        connection.close()


@contextlib.asynccontextmanager
async def connected_async(package: GeneratedPackage, url: str, api_key: str) -> AsyncIterator[Any]:
    """The async twin of :func:`connected` (``AsyncOperations``)."""
    from ayon_gql._connection import AsyncConnection
    from ayon_gql._connection_settings import ConnectionSettings

    connection = AsyncConnection(ConnectionSettings.from_env({}, base_url=url, api_key=api_key))
    try:
        yield package.client_module().AsyncOperations(connection)
    finally:
        await connection.aclose()


PROJECT = "demo_Commercial"


@dataclass(frozen=True)
class Ids:
    """Entities of the stand-in's default production the operations ask for."""

    version_with_activities: str
    activities: int
    version_with_links: str
    links: int
    representation: str
    folder: str
    user: str


@pytest.fixture(scope="module")
def ids(ayon_standin: StandInServer) -> Ids:
    """Ids of the entities the corpus operations ask for, read from the stand-in."""
    query = (
        f'{{ project(name: "{PROJECT}") {{ versions(first: 1000) {{ edges {{ node {{ id '
        "activities(first: 1000) { edges { node { activityId } } } "
        "links(first: 1000) { edges { id } } } } } "
        "representations(first: 1) { edges { node { id } } } "
        "folders(first: 1) { edges { node { id } } } } "
        "users(first: 1) { edges { node { name } } } }"
    )
    data = raw(ayon_standin, query)
    versions = [edge["node"] for edge in data["project"]["versions"]["edges"]]
    busiest = max(versions, key=lambda v: len(v["activities"]["edges"]))
    linked = max(versions, key=lambda v: len(v["links"]["edges"]))
    return Ids(
        version_with_activities=busiest["id"],
        activities=len(busiest["activities"]["edges"]),
        version_with_links=linked["id"],
        links=len(linked["links"]["edges"]),
        representation=data["project"]["representations"]["edges"][0]["node"]["id"],
        folder=data["project"]["folders"]["edges"][0]["node"]["id"],
        user=data["users"]["edges"][0]["node"]["name"],
    )


def raw(server: StandInServer, query: str) -> Any:
    """The data of one plain GraphQL request to ``server`` (no errors allowed)."""
    answer = httpx.post(
        f"{server.url}/graphql", json={"query": query}, headers={"X-Api-Key": server.api_key}
    )
    answer.raise_for_status()
    body = answer.json()
    assert "errors" not in body, body
    return body["data"]
