"""A generated package's own AyonClient: ``from studio_alpha import AyonClient``.

Runs against the stand-in server over real HTTP: typed operations and
iterators, ``as_user``, ``rest``, ``login``, ``from_env`` and ``validate=True``
against the snapshot the package was generated from.
"""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

import ayon_gql
from ayon_gql import AyonError, QueryValidationError
from ayon_gql.client import AsyncAyonClientBase, AyonClientBase
from ayon_gql.testing import StandInServer
from tests.client.conftest import PROJECT, graphql_requests, raw_nodes
from tests.seam.conftest import StudioPackages

SHOT_CODE_QUERY = (
    "query Q($p: String!) { project(name: $p) { versions(first: 1) "
    "{ edges { node { attrib { shotCode } } } } } }"
)


def test_the_package_exports_clients_built_on_the_seam(studio_packages: StudioPackages) -> None:
    for package in (studio_packages.alpha, studio_packages.beta):
        assert {"AyonClient", "AsyncAyonClient"} <= set(package.__all__)
        assert issubclass(package.AyonClient, AyonClientBase)
        assert issubclass(package.AyonClient, package.Operations)
        assert issubclass(package.AsyncAyonClient, AsyncAyonClientBase)
        assert issubclass(package.AsyncAyonClient, package.AsyncOperations)
        assert package.AyonClient.schema_package == package.__name__
    # generate copies the configured snapshot (here studio.graphql) as ayon.graphql.
    assert studio_packages.beta.AyonClient.schema_snapshot == "ayon.graphql"
    assert "shotCode" in (studio_packages.path / "studio_beta" / "ayon.graphql").read_text()
    # The stock client is the same construction, from the stock package.
    assert issubclass(ayon_gql.AyonClient, AyonClientBase)
    assert ayon_gql.AyonClient.__module__ == "ayon_gql_generated.ayon_client"


def test_typed_operations_and_pagination(
    studio_packages: StudioPackages, ayon_server: StandInServer
) -> None:
    from studio_alpha import AyonClient  # type: ignore[import-not-found]

    expected = [node["id"] for node in raw_nodes(ayon_server, PROJECT, "folders")]
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        folders = list(client.iter_studio_folders(PROJECT, page_size=5))
        page = client.studio_folders(PROJECT, first=2).project.folders
        me = client.studio_me().me
    assert [folder.id for folder in folders] == expected
    assert len(graphql_requests(ayon_server)) >= len(expected) // 5
    assert isinstance(folders[0].created_at, dt.datetime)
    assert type(folders[0]).__name__ == "StudioFoldersProjectFoldersEdgesNode"
    assert len(page.edges) == 2 and page.page_info.has_next_page
    assert me.name == "service"
    # Unset filters are not sent at all.
    sent = graphql_requests(ayon_server)[-2].json["variables"]
    assert sent == {"projectName": PROJECT, "first": 2}


def test_as_user_rest_and_execute(
    studio_packages: StudioPackages, ayon_server: StandInServer
) -> None:
    AyonClient = studio_packages.alpha.AyonClient
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        alice = client.as_user("alice")
        assert type(alice) is AyonClient
        assert alice.connection._pool is client.connection._pool
        assert alice.studio_me().me.name == "alice"
        assert ayon_server.requests[-1].headers["x-as-user"] == "alice"
        assert client.rest.info().version
        data = client.execute("query { me { name } }")
    assert data == {"me": {"name": "service"}}
    assert repr(alice).startswith("AyonClient(") and "alice" in repr(alice)
    assert ayon_server.api_key not in repr(client)


def test_login_and_from_env(
    studio_packages: StudioPackages, ayon_server: StandInServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    AyonClient = studio_packages.alpha.AyonClient
    with AyonClient.login(ayon_server.url, "admin", "admin") as client:
        assert type(client) is AyonClient
        assert client.connection.settings.auth_kind == "token"
        assert client.studio_me().me.name == "admin"

    monkeypatch.setenv("AYON_SERVER_URL", ayon_server.url)
    monkeypatch.setenv("AYON_API_KEY", ayon_server.api_key)
    monkeypatch.setenv("AYON_SERVER_RETRIES", "1")
    with AyonClient.from_env() as client:
        assert type(client) is AyonClient
        assert client.url == ayon_server.url.rstrip("/")
        assert client.connection.settings.retries == 1
        assert client.studio_me().me.name == "service"


def test_async_client(studio_packages: StudioPackages, ayon_server: StandInServer) -> None:
    AsyncAyonClient = studio_packages.alpha.AsyncAyonClient
    expected = [node["id"] for node in raw_nodes(ayon_server, PROJECT, "folders")]

    async def run() -> tuple[list[str], str, str]:
        async with AsyncAyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
            ids = [folder.id async for folder in client.iter_studio_folders(PROJECT, page_size=7)]
            me = (await client.studio_me()).me.name
            acting = (await client.as_user("alice").studio_me()).me.name
        return ids, me, acting

    assert asyncio.run(run()) == (expected, "service", "alice")


def test_validate_uses_the_packages_own_snapshot(
    studio_packages: StudioPackages, ayon_server: StandInServer
) -> None:
    studio = studio_packages.beta.AyonClient(ayon_server.url, api_key="k", validate=True)
    stock = ayon_gql.AyonClient(ayon_server.url, api_key="k", validate=True)
    assert studio.connection.validator is not None and stock.connection.validator is not None
    # shotCode exists in the studio schema only.
    studio.connection.validator(SHOT_CODE_QUERY, {"p": PROJECT}, None)
    with pytest.raises(QueryValidationError, match="shotCode"):
        stock.connection.validator(SHOT_CODE_QUERY, {"p": PROJECT}, None)
    # Checked locally: nothing is sent.
    with pytest.raises(QueryValidationError, match="projcts"):
        studio.execute("query { projcts { edges { node { name } } } }")
    assert ayon_server.requests == []


def test_a_missing_snapshot_is_an_ayon_error_naming_the_file(
    studio_packages: StudioPackages,
) -> None:
    class Moved(studio_packages.alpha.AyonClient):  # type: ignore[name-defined,misc]
        schema_snapshot = "renamed.graphql"

    with pytest.raises(AyonError, match=r"studio_alpha.renamed\.graphql is missing") as caught:
        Moved("http://127.0.0.1:9", api_key="k", validate=True)
    assert not isinstance(caught.value, FileNotFoundError)

    with pytest.raises(AyonError, match="names no generated package"):
        AyonClientBase("http://127.0.0.1:9", api_key="k", validate=True)
    # An explicit schema path needs no package.
    base = AyonClientBase(
        "http://127.0.0.1:9",
        api_key="k",
        validate=str(studio_packages.path / "studio_beta" / "ayon.graphql"),
    )
    assert base.connection.validator is not None


def test_the_schema_tools_name_a_missing_stock_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    from ayon_gql.schema import _validate, query_builder

    monkeypatch.setattr(_validate, "BUNDLED_SNAPSHOT", "gone.graphql")
    _validate._bundled_schema.cache_clear()
    try:
        expected = r"gone\.graphql is missing: the package 'ayon_gql_generated'"
        with pytest.raises(AyonError, match=expected):
            query_builder()
    finally:
        _validate._bundled_schema.cache_clear()


def test_the_base_client_runs_ad_hoc_queries_without_any_package(
    ayon_server: StandInServer,
) -> None:
    with AyonClientBase(ayon_server.url, api_key=ayon_server.api_key) as client:
        data = client.execute("query Q($p: String!) { project(name: $p) { name } }", {"p": PROJECT})
        assert client.as_user("alice").execute("query { me { name } }") == {"me": {"name": "alice"}}
        assert client.rest.info().version
    assert data == {"project": {"name": PROJECT}}
    assert not hasattr(client, "get_project")
