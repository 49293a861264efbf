"""LocalValidator and the DSL builder: invalid queries fail locally, valid ones run."""

from __future__ import annotations

from pathlib import Path

import pytest
from gql.dsl import DSLQuery, dsl_gql

from ayon_gql import AyonClient, InvalidInputError
from ayon_gql.schema import (
    LocalValidator,
    QueryValidationError,
    build_query,
    load_local_schema,
    query_builder,
    to_query_string,
)
from ayon_gql.testing import StandInServer
from tests.schema.conftest import SNAPSHOT

PROJECT = "demo_Commercial"


def test_invalid_field_has_position_and_suggestion() -> None:
    validator = LocalValidator()
    with pytest.raises(QueryValidationError) as caught:
        validator("query {\n  projects {\n    edges { node { nmae } }\n  }\n}", {}, None)
    error = caught.value
    assert isinstance(error, InvalidInputError)
    [issue] = error.errors
    assert (issue.line, issue.column) == (3, 20)
    assert "Did you mean 'name'?" in issue.message


def test_syntax_error_and_variable_type_are_refused() -> None:
    validator = LocalValidator(SNAPSHOT)
    with pytest.raises(QueryValidationError) as caught:
        validator("query { projects { ", {}, None)
    assert caught.value.errors[0].line == 1
    query = "query P($n: Int) { projects(first: $n) { edges { node { name } } } }"
    validator(query, {"n": 2}, "P")
    with pytest.raises(QueryValidationError, match="Int cannot represent"):
        validator(query, {"n": "two"}, "P")


def test_schema_and_valid_queries_are_cached() -> None:
    assert load_local_schema() is load_local_schema()
    assert load_local_schema(SNAPSHOT) is load_local_schema(str(SNAPSHOT))
    validator = LocalValidator()
    query = "{ projects { edges { node { name } } } }"
    validator(query, {}, None)
    validator(query, {}, None)
    assert list(validator._valid) == [query]


def test_client_with_validate_sends_nothing_invalid(ayon_server: StandInServer) -> None:
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key, validate=True) as client:
        with pytest.raises(QueryValidationError):
            client.execute("{ projects { edges { node { nmae } } } }")
        assert not [r for r in ayon_server.requests if r.path == "/graphql"]
        assert client.get_project(PROJECT).project.name == PROJECT


def test_dsl_rejects_unknown_fields_and_arguments_at_build_time() -> None:
    ds = query_builder()
    with pytest.raises(AttributeError, match="nmae"):
        _ = ds.ProjectNode.nmae
    with pytest.raises(KeyError, match="frist"):
        ds.Query.projects(frist=3)


def test_dsl_query_runs_through_the_client(ayon_server: StandInServer) -> None:
    ds = query_builder()
    request = dsl_gql(
        DSLQuery(
            ds.Query.project(name=PROJECT).select(
                ds.ProjectNode.name,
                ds.ProjectNode.folders(first=2).select(
                    ds.FoldersConnection.edges.select(
                        ds.FolderEdge.node.select(ds.FolderNode.id, ds.FolderNode.name)
                    )
                ),
            )
        )
    )
    query = to_query_string(request)
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key, validate=True) as client:
        data = client.execute(query)
    assert data["project"]["name"] == PROJECT
    assert len(data["project"]["folders"]["edges"]) == 2
    named = build_query(ds.Query.me.select(ds.UserNode.name), operation_name="Me")
    assert named.startswith("query Me")


def test_validator_with_another_schema_file(tmp_path: Path) -> None:
    schema = tmp_path / "tiny.graphql"
    schema.write_text("type Query { hello: String }", encoding="utf-8")
    LocalValidator(schema)("{ hello }", {}, None)
    with pytest.raises(QueryValidationError):
        LocalValidator(schema)("{ projects { totalCount } }", {}, None)


def test_a_local_schema_may_be_introspection_json_and_must_be_readable(tmp_path: Path) -> None:
    import json

    from graphql import build_schema, introspection_from_schema

    from ayon_gql import SchemaSourceError

    saved = tmp_path / "studio.json"
    introspection = introspection_from_schema(build_schema(SNAPSHOT.read_text(encoding="utf-8")))
    saved.write_text(json.dumps({"data": introspection}), encoding="utf-8")
    validator = LocalValidator(saved)
    validator("query Me { me { name } }")
    with pytest.raises(QueryValidationError, match="nmae"):
        validator("query Me { me { nmae } }")
    with pytest.raises(SchemaSourceError, match=r"missing\.graphql: file not found"):
        load_local_schema(tmp_path / "missing.graphql")
    broken = tmp_path / "broken.graphql"
    broken.write_text("type Query {", encoding="utf-8")
    with pytest.raises(SchemaSourceError, match=r"broken\.graphql:1:13: Syntax Error"):
        load_local_schema(broken)
