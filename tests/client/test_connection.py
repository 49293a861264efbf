"""Auth, headers, retries, timeouts, errors and secrets, over real HTTP."""

from __future__ import annotations

import asyncio
import logging

import pytest

from ayon_gql import (
    AsyncAyonClient,
    AuthenticationError,
    AyonClient,
    GraphQLError,
    GraphQLNotFoundError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
    TransportError,
)
from ayon_gql.testing import StandInServer
from tests.client.conftest import PROJECT, graphql_requests

SECRET = "not-a-real-key-5f2c"


def test_no_request_before_first_call(ayon_server: StandInServer) -> None:
    client = AyonClient(ayon_server.url, api_key=ayon_server.api_key)
    assert ayon_server.requests == []
    assert client.connection._pool.client is None
    client.get_me()
    assert len(ayon_server.requests) == 1
    client.close()
    assert client.connection._pool.client is None


def test_api_key_and_optional_headers_are_sent(ayon_server: StandInServer) -> None:
    with AyonClient(
        ayon_server.url,
        api_key=ayon_server.api_key,
        site_id="site-a",
        sender="tool-1",
        sender_type="script",
    ) as client:
        client.get_me()
    headers = ayon_server.requests[-1].headers
    assert headers["x-api-key"] == ayon_server.api_key
    assert headers["x-ayon-site-id"] == "site-a"
    assert headers["x-sender"] == "tool-1"
    assert headers["x-sender-type"] == "script"
    assert "authorization" not in headers


def test_login_uses_bearer_token(ayon_server: StandInServer) -> None:
    with AyonClient.login(ayon_server.url, "admin", "admin") as client:
        assert client.get_me().me.name == "admin"
        assert "Bearer" not in repr(client)
    login, query = ayon_server.requests[-2:]
    assert login.path == "/api/auth/login" and "x-api-key" not in login.headers
    assert query.headers["authorization"].startswith("Bearer ")


def test_async_login(ayon_server: StandInServer) -> None:
    async def run() -> str:
        client = await AsyncAyonClient.login(ayon_server.url, "admin", "admin")
        async with client:
            return (await client.get_me()).me.name

    assert asyncio.run(run()) == "admin"


def test_wrong_password_is_refused_without_echoing_it(ayon_server: StandInServer) -> None:
    with pytest.raises(PermissionDeniedError) as caught:
        AyonClient.login(ayon_server.url, "admin", "hunter2-wrong")
    assert "hunter2-wrong" not in str(caught.value)
    assert "admin" in str(caught.value)


def test_as_user_shares_the_pool(client: AyonClient, ayon_server: StandInServer) -> None:
    acting = client.as_user("alice")
    assert acting.get_me().me.name == "alice"
    assert ayon_server.requests[-1].headers["x-as-user"] == "alice"
    assert acting.connection._pool is client.connection._pool
    assert client.get_me().me.name == "service"
    assert "x-as-user" not in ayon_server.requests[-1].headers


def test_from_env(ayon_server: StandInServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AYON_SERVER_URL", ayon_server.url)
    monkeypatch.setenv("AYON_API_KEY", ayon_server.api_key)
    monkeypatch.setenv("AYON_SERVER_RETRIES", "0")
    with AyonClient.from_env() as client:
        assert client.connection.settings.retries == 0
        assert client.get_me().me.is_service
    # Explicit credentials win over the environment.
    with AyonClient(token="explicit-token") as client:
        assert client.connection.settings.auth_kind == "token"


def test_wrong_key_is_an_authentication_error_without_the_key(
    ayon_server: StandInServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="ayon_gql")
    with (
        AyonClient(ayon_server.url, api_key=SECRET) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.get_me()
    assert caught.value.status_code == 401
    assert "Invalid API key" in str(caught.value)
    assert SECRET not in str(caught.value) and SECRET not in repr(caught.value)
    assert SECRET not in repr(client) and SECRET not in repr(client.connection)
    assert all(SECRET not in record.getMessage() for record in caplog.records)
    assert len(ayon_server.requests) == 1  # 4xx is never retried


def test_missing_credentials(ayon_server: StandInServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AYON_API_KEY", raising=False)
    with AyonClient(ayon_server.url) as client, pytest.raises(AuthenticationError) as caught:
        client.get_me()
    assert "Access token is missing" in str(caught.value)


def test_retries_503_then_succeeds(client: AyonClient, ayon_server: StandInServer) -> None:
    ayon_server.faults.fail(503, path="/graphql", times=2)
    assert client.get_me().me.is_service
    assert len(graphql_requests(ayon_server)) == 3


def test_retries_dropped_connection(client: AyonClient, ayon_server: StandInServer) -> None:
    ayon_server.faults.drop(path="/graphql", times=1)
    assert client.get_project(PROJECT).project.name == PROJECT
    assert len(graphql_requests(ayon_server)) == 2


def test_gives_up_after_retries_with_a_typed_error(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    ayon_server.faults.fail(502, path="/graphql", times=10)
    with pytest.raises(ServerError) as caught:
        client.get_project(PROJECT)
    error = caught.value
    assert error.status_code == 502
    assert error.operation == "GetProject" and error.project_name == PROJECT
    assert "GetProject on project 'demo_Commercial'" in str(error)
    assert len(graphql_requests(ayon_server)) == client.connection.settings.retries + 1


def test_timeout_is_a_transport_error(ayon_server: StandInServer) -> None:
    ayon_server.faults.delay(1.0, path="/graphql", times=1)
    client = AyonClient(ayon_server.url, api_key=ayon_server.api_key, timeout=0.2, retries=0)
    with client, pytest.raises(TransportError, match="Timeout"):
        client.get_me()


def test_unreachable_server_is_a_transport_error() -> None:
    with AyonClient("http://127.0.0.1:9", api_key="k", retries=1) as client:
        client.connection.settings = client.connection.settings.replace(backoff=0.01)
        with pytest.raises(TransportError) as caught:
            client.get_me()
    assert "GetMe" in str(caught.value)


def test_missing_project_names_operation_and_project(client: AyonClient) -> None:
    with pytest.raises(GraphQLNotFoundError) as caught:
        list(client.iter_folders("no_such_project"))
    error = caught.value
    assert isinstance(error, NotFoundError)
    assert error.path == ["project"]
    assert "GetFolders on project 'no_such_project'" in str(error)


def test_bad_query_is_a_graphql_error_with_location(client: AyonClient) -> None:
    with pytest.raises(GraphQLError) as caught:
        client.execute("{ projects { edges { node { name noSuchField } } } }")
    assert caught.value.errors[0].locations
    assert "noSuchField" in str(caught.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.get_project("bad name"),
        lambda c: list(c.iter_folders("demo-Commercial")),
        lambda c: c.get_folder(PROJECT, "not-an-id"),
        lambda c: c.get_version(PROJECT, "86D21552E6D311F1B86402FC00000001"),
        lambda c: list(c.iter_versions(PROJECT, product_ids=["x" * 32])),
        lambda c: list(c.iter_versions(PROJECT, page_size=0)),
    ],
)
def test_bad_input_sends_nothing(client: AyonClient, ayon_server: StandInServer, call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError):
        call(client)
    assert ayon_server.requests == []


def test_concurrent_async_queries_over_a_bounded_pool(ayon_server: StandInServer) -> None:
    async def run() -> list[str]:
        async with AsyncAyonClient(
            ayon_server.url, api_key=ayon_server.api_key, max_connections=10
        ) as client:
            results = await asyncio.gather(*(client.get_project(PROJECT) for _ in range(200)))
            return [result.project.name for result in results]

    assert asyncio.run(run()) == [PROJECT] * 200
    assert len(graphql_requests(ayon_server)) == 200


def test_login_passes_client_options_to_the_logged_in_client(ayon_server: StandInServer) -> None:
    client = AyonClient.login(
        ayon_server.url, "admin", "admin", timeout=7, retries=1, validate=True, site_id="ws-9"
    )
    with client:
        assert client.connection.settings.timeout == 7
        assert client.connection.settings.retries == 1
        assert client.connection.validator is not None
        client.get_me()
    assert ayon_server.requests[-1].headers["x-ayon-site-id"] == "ws-9"
    assert "x-ayon-site-id" not in ayon_server.requests[-2].headers  # the login itself


def test_one_client_shared_by_threads(ayon_server: StandInServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        with ThreadPoolExecutor(8) as pool:
            names = list(pool.map(lambda _: client.get_project(PROJECT).project.name, range(64)))
        pool_client = client.connection._pool.client
        assert pool_client is not None
    assert names == [PROJECT] * 64
    assert len(graphql_requests(ayon_server)) == 64
