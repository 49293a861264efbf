"""``ayon-gql query``: local validation, typed variables, pages, output formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graphql import parse

from ayon_gql import DEFAULT_PAGE_SIZE, InvalidInputError
from ayon_gql.cli import main
from ayon_gql.cli._query import parse_var
from ayon_gql.schema import load_local_schema
from ayon_gql.testing import StandInServer
from tests.schema.conftest import SNAPSHOT

PROJECT = "demo_Commercial"
FOLDERS = """
query Folders($projectName: String!, $first: Int, $after: String, $types: [String!]) {
  project(name: $projectName) {
    folders(first: $first, after: $after, folderTypes: $types) {
      pageInfo { hasNextPage endCursor }
      edges { node { id name folderType } }
    }
  }
}
"""


@pytest.fixture
def server(ayon_server: StandInServer, monkeypatch: pytest.MonkeyPatch) -> StandInServer:
    monkeypatch.setenv("AYON_SERVER_URL", ayon_server.url)
    monkeypatch.setenv("AYON_API_KEY", ayon_server.api_key)
    return ayon_server


def _graphql_calls(server: StandInServer) -> list[dict[str, object]]:
    return [r.json for r in server.requests if r.path == "/graphql"]


def test_invalid_query_is_refused_before_sending(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("AYON_SERVER_URL", raising=False)  # no server needed to refuse it
    status = main(["query", "query {\n  projcts { edges { node { name } } }\n}"])
    err = capsys.readouterr().err
    assert status == 1
    assert "<query>:2:3: Cannot query field 'projcts' on type 'Query'." in err
    assert "Did you mean 'projects' or 'project'?" in err


def test_missing_required_variable_and_unknown_var(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["query", FOLDERS]) == 1
    assert "$projectName" in capsys.readouterr().err
    assert main(["query", FOLDERS, "--var", "projectname=x"]) == 1
    assert "Did you mean '$projectName'?" in capsys.readouterr().err


def test_vars_are_typed_by_their_definitions() -> None:
    schema = load_local_schema()
    operation = parse(
        "query Q($n: Int, $x: Float, $b: Boolean!, $s: String, $l: [String!], $ns: [Int!]) "
        "{ me { name } }"
    ).definitions[0]
    typed = dict(
        parse_var(text, operation, schema)  # type: ignore[arg-type]
        for text in ["n=5", "x=2.5", "b=false", "s=007", "l=a, b,c", "ns=[1, 2]"]
    )
    assert typed == {"n": 5, "x": 2.5, "b": False, "s": "007", "l": ["a", "b", "c"], "ns": [1, 2]}
    with pytest.raises(InvalidInputError, match="not a valid Int"):
        parse_var("n=five", operation, schema)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="NAME=VALUE"):
        parse_var("n", operation, schema)  # type: ignore[arg-type]


def test_json_output_by_default(server: StandInServer, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        [
            "query",
            FOLDERS,
            "--var",
            f"projectName={PROJECT}",
            "--var",
            "first=2",
            "--var",
            "types=Folder,Asset",
        ]
    )
    assert status == 0
    data = json.loads(capsys.readouterr().out)
    edges = data["project"]["folders"]["edges"]
    assert len(edges) == 2
    assert {e["node"]["folderType"] for e in edges} <= {"Folder", "Asset"}
    [sent] = _graphql_calls(server)
    assert sent["variables"] == {  # type: ignore[index]
        "projectName": PROJECT,
        "first": 2,
        "types": ["Folder", "Asset"],
    }


def test_all_pages_prints_every_node_once_and_stops_on_the_empty_page(
    server: StandInServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", FOLDERS, "--variables", json.dumps({"projectName": PROJECT})]) == 0
    everything = json.loads(capsys.readouterr().out)["project"]["folders"]["edges"]
    total = len(everything)
    assert total > 3
    page_size = next(size for size in range(2, total) if total % size == 0)
    before = len(_graphql_calls(server))

    assert (
        main(
            [
                "query",
                FOLDERS,
                "--var",
                f"projectName={PROJECT}",
                "--all-pages",
                "--page-size",
                str(page_size),
            ]
        )
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    nodes = [json.loads(line) for line in lines]
    assert [n["id"] for n in nodes] == [e["node"]["id"] for e in everything]
    calls = _graphql_calls(server)[before:]
    # The last page is exactly full, so the server says hasNextPage: one more, empty, page.
    assert len(calls) == total // page_size + 1
    assert all(c["variables"]["first"] == page_size for c in calls)  # type: ignore[index]


VERSIONS = """
query Versions($projectName: String!, $first: Int, $after: String) {
  project(name: $projectName) {
    versions(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
  }
}
"""


def test_all_pages_uses_the_librarys_page_size_by_default(
    server: StandInServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # demo_Commercial has more versions than the server's own default page (100):
    # the command pages like iter_versions does, in pages of DEFAULT_PAGE_SIZE.
    before = len(_graphql_calls(server))
    assert main(["query", VERSIONS, "--var", f"projectName={PROJECT}", "--all-pages"]) == 0
    nodes = capsys.readouterr().out.splitlines()
    assert 100 < len(nodes) < DEFAULT_PAGE_SIZE
    calls = _graphql_calls(server)[before:]
    assert [c["variables"]["first"] for c in calls] == [DEFAULT_PAGE_SIZE]  # type: ignore[index]


def test_all_pages_needs_one_connection_with_after(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "{ projects { edges { node { name } } } }", "--all-pages"]) == 1
    assert "after: $after" in capsys.readouterr().err


def test_table_output_from_a_file(
    server: StandInServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "folders.graphql"
    document.write_text(FOLDERS, encoding="utf-8")
    status = main(
        [
            "query",
            "-f",
            str(document),
            "--var",
            f"projectName={PROJECT}",
            "--var",
            "first=3",
            "--table",
        ]
    )
    assert status == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "name", "folderType"]
    assert set(lines[1]) <= {"-", " "}
    assert len(lines) == 2 + 3


def test_table_when_stdout_is_a_terminal(
    server: StandInServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["query", "{ projects { edges { node { name code } } } }"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["name", "code"]
    assert PROJECT in out


# -- fragments from anywhere, any schema source ------------------------------------------

USES_FRAGMENTS = """
query ProjectWithBits($projectName: String!) {
  project(name: $projectName) { ...ProjectBits }
}
"""
FRAGMENTS = """
fragment ProjectBits on ProjectNode { name ...MoreBits }
fragment MoreBits on ProjectNode { code }
fragment NotUsedHere on ProjectNode { nosuchfield }
"""


def test_fragments_come_from_the_other_files(
    server: StandInServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "op.graphql").write_text(USES_FRAGMENTS, encoding="utf-8")
    (tmp_path / "fragments.graphql").write_text(FRAGMENTS, encoding="utf-8")
    argv = ["query", "-f", str(tmp_path / "op.graphql"), "--var", f"projectName={PROJECT}"]
    assert main(argv) == 1  # alone, the fragment is unknown
    err = capsys.readouterr().err
    assert "op.graphql:3:36: Unknown fragment 'ProjectBits'." in err
    assert "never used" not in err

    assert main([*argv, "-f", str(tmp_path / "fragments.graphql")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["project"]["name"] == PROJECT and data["project"]["code"]
    [sent] = _graphql_calls(server)
    query = str(sent["query"])
    assert "fragment ProjectBits" in query and "fragment MoreBits" in query
    assert "NotUsedHere" not in query  # only what the operation uses is sent


def test_fragments_come_from_the_projects_queries_folder(
    server: StandInServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "graphql").mkdir()
    (tmp_path / "graphql" / "fragments.graphql").write_text(FRAGMENTS, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ayon-gql]\nschema = "schema.graphql"\nqueries = "graphql"\npackage = "studio"\n',
        encoding="utf-8",
    )
    (tmp_path / "schema.graphql").write_text(load_local_schema_text(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["query", USES_FRAGMENTS, "--var", f"projectName={PROJECT}"]) == 0
    assert json.loads(capsys.readouterr().out)["project"]["name"] == PROJECT
    assert "fragment MoreBits" in str(_graphql_calls(server)[0]["query"])


def test_without_schema_the_projects_snapshot_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("AYON_SERVER_URL", raising=False)
    text = load_local_schema_text()
    assert "  library: Boolean!\n" in text
    (tmp_path / "schema.graphql").write_text(
        text.replace("  library: Boolean!\n", "", 1), encoding="utf-8"
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ayon-gql]\nschema = "schema.graphql"\npackage = "studio"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["query", '{ project(name: "x") { library } }']) == 1
    assert "Cannot query field 'library' on type 'ProjectNode'" in capsys.readouterr().err


def test_schema_from_introspection_json_or_a_server(
    server: StandInServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from graphql import build_schema, introspection_from_schema

    introspection = introspection_from_schema(build_schema(load_local_schema_text()))
    saved = tmp_path / "introspection.json"
    saved.write_text(json.dumps({"data": introspection}), encoding="utf-8")
    assert main(["query", "--schema", str(saved), "{ me { nmae } }"]) == 1
    assert "<query>:1:8: Cannot query field 'nmae' on type 'UserNode'" in capsys.readouterr().err
    assert _graphql_calls(server) == []

    assert main(["query", "--schema", server.url, "{ me { name } }"]) == 0
    assert json.loads(capsys.readouterr().out) == {"me": {"name": "service"}}
    calls = _graphql_calls(server)
    assert [c.get("operationName") for c in calls] == ["IntrospectionQuery", None]


def load_local_schema_text() -> str:
    """The snapshot's SDL, to edit or save elsewhere."""
    return SNAPSHOT.read_text(encoding="utf-8")
