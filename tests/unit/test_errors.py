"""Error mapping driven by what the real server answered."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ayon_gql import (
    AuthenticationError,
    AyonError,
    GraphQLError,
    GraphQLNotFoundError,
    NotFoundError,
    PermissionDeniedError,
    RequestValidationError,
    ServerError,
)
from ayon_gql._connection_settings import ConnectionSettings
from ayon_gql._graphql import graphql_data
from ayon_gql._http import error_from_response
from tests._shared import recording


def _response(name: str) -> httpx.Response:
    exchange = recording(name)
    request = exchange["request"]
    answer = exchange["response"]
    url = "http://ayon.test" + request["path"]
    kwargs: dict[str, Any] = {"request": httpx.Request(request["method"], url)}
    if "json" in answer:
        kwargs["json"] = answer["json"]
    elif answer.get("text"):
        kwargs["text"] = answer["text"]
    return httpx.Response(answer["status"], **kwargs)


@pytest.mark.parametrize(
    ("name", "kind", "detail"),
    [
        ("gql-unauthenticated", AuthenticationError, "Access token is missing"),
        ("rest-users-me-bad-key", AuthenticationError, "Invalid API key"),
        ("rest-auth-login-bad-password", PermissionDeniedError, "Invalid login/password"),
        ("rest-project-missing", NotFoundError, "no_such_project not found"),
        ("rest-installer-missing", NotFoundError, "File not found"),
        ("rest-addon-missing-settings", NotFoundError, "no_such_addon"),
    ],
)
def test_status_codes_map_to_typed_errors(name: str, kind: type[AyonError], detail: str) -> None:
    error = error_from_response(_response(name), operation="op")
    assert type(error) is kind
    assert detail in str(error)
    assert str(error).startswith("op: ")


@pytest.mark.parametrize(
    ("name", "location"),
    [
        ("rest-project-bad-name", "path.project_name"),
        ("rest-installers-bad-platform", "query.platform"),
        ("rest-installer-create-invalid", "body.platform"),
    ],
)
def test_validation_errors_keep_the_servers_list(name: str, location: str) -> None:
    response = _response(name)
    error = error_from_response(response)
    assert isinstance(error, RequestValidationError)
    assert error.status_code == 400
    assert error.errors == response.json()["errors"]
    assert location in str(error)


def test_server_errors_are_typed() -> None:
    request = httpx.Request("POST", "http://ayon.test/graphql")
    error = error_from_response(httpx.Response(503, text="busy", request=request))
    assert isinstance(error, ServerError)
    assert error.status_code == 503


def test_missing_project_is_a_graphql_not_found_error_with_path() -> None:
    payload = recording("gql-error-missing-project")["response"]["json"]
    with pytest.raises(GraphQLNotFoundError) as caught:
        graphql_data(payload, operation="GetFolders", project_name="no_such_project")
    error = caught.value
    assert isinstance(error, NotFoundError) and isinstance(error, GraphQLError)
    assert error.path == ["project"]
    assert error.errors[0].status == 404
    assert error.errors[0].locations == [(1, 24)]
    assert str(error).startswith("GetFolders on project 'no_such_project': Project not found")


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("gql-error-unknown-field", "noSuchField"),
        ("gql-syntax-error", "Syntax Error"),
        ("gql-error-bad-variable-type", "$p"),
    ],
)
def test_graphql_errors_carry_message_and_locations(name: str, fragment: str) -> None:
    payload = recording(name)["response"]["json"]
    with pytest.raises(GraphQLError) as caught:
        graphql_data(payload, operation="Op", project_name=None)
    error = caught.value
    assert not isinstance(error, NotFoundError)
    assert fragment in str(error)
    assert error.errors[0].locations
    assert "line" in str(error)


def test_data_passes_through() -> None:
    payload = recording("gql-me")["response"]["json"]
    assert graphql_data(payload, operation=None, project_name=None) == payload["data"]


def test_settings_never_show_secrets() -> None:
    settings = ConnectionSettings("http://ayon.test/", api_key="k-123-secret", timeout=5)
    assert "k-123-secret" not in repr(settings)
    assert settings.base_url == "http://ayon.test"
    assert settings.headers()["X-Api-Key"] == "k-123-secret"
    token = ConnectionSettings("http://ayon.test", token="tok-456-secret")
    assert "tok-456-secret" not in repr(token)
    assert token.headers()["Authorization"] == "Bearer tok-456-secret"
    with pytest.raises(AttributeError):
        settings.api_key = "other"  # type: ignore[misc]


def test_settings_from_env() -> None:
    env = {
        "AYON_SERVER_URL": "https://ayon.example.com",
        "AYON_API_KEY": "env-key",
        "AYON_SERVER_TIMEOUT": "12.5",
        "AYON_SERVER_RETRIES": "5",
        "AYON_CA_FILE": "/etc/ca.pem",
    }
    settings = ConnectionSettings.from_env(env)
    assert settings.base_url == "https://ayon.example.com"
    assert settings.api_key == "env-key"
    assert settings.timeout == 12.5 and settings.retries == 5
    assert settings.verify == "/etc/ca.pem"
    assert ConnectionSettings.from_env(env, timeout=3).timeout == 3
    with pytest.raises(ValueError, match="AYON_SERVER_TIMEOUT"):
        ConnectionSettings.from_env({**env, "AYON_SERVER_TIMEOUT": "soon"})
    with pytest.raises(ValueError, match="AYON_SERVER_URL"):
        ConnectionSettings.from_env({})
    with pytest.raises(ValueError, match="http"):
        ConnectionSettings("ayon.example.com")
