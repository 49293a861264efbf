"""``ayon-gql init``: a studio project from nothing, and safely again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graphql import build_schema, introspection_from_schema

from ayon_gql.cli import main
from ayon_gql.codegen import read_manifest
from ayon_gql.codegen._scaffold import stock_queries_dir
from ayon_gql.schema import load_schema
from ayon_gql.testing import StandInServer
from tests.codegen.conftest import SNAPSHOT, tree

OTHER_SECTIONS = """\
[project]
name = "studio-pipeline"   # keep this comment
version = "1.0"

[tool.black]
line-length = 99
"""


def _init(folder: Path, *args: str) -> int:
    return main(["init", "studio_ayon", "--project", str(folder), *args])


def _sdl_types(path: Path) -> set[str]:
    return set(load_schema(path).type_map)


def test_fresh_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _init(tmp_path, "--schema", str(SNAPSHOT)) == 0
    out = capsys.readouterr().out
    assert "created    pyproject.toml: created" in out
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith("[tool.ayon-gql]\n")
    assert 'package = "studio_ayon"' in text
    assert _sdl_types(tmp_path / "schema" / "ayon.graphql") == _sdl_types(SNAPSHOT)
    assert [p.name for p in (tmp_path / "queries").iterdir()] == ["folders.graphql"]
    rc = (tmp_path / ".graphqlrc.yml").read_text(encoding="utf-8")
    assert 'schema: "schema/ayon.graphql"' in rc
    assert 'documents: "queries/**/*.graphql"' in rc
    package = tmp_path / "studio_ayon"
    client = (package / "client.py").read_text(encoding="utf-8")
    assert "def get_project_folders(" in client and "def iter_project_folders(" in client
    assert read_manifest(package) == set(tree(package))


def test_other_sections_stay_byte_for_byte_and_rerun_is_safe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(OTHER_SECTIONS, encoding="utf-8")
    assert _init(tmp_path, "--schema", str(SNAPSHOT)) == 0
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith(OTHER_SECTIONS + "\n[tool.ayon-gql]\n")
    assert "added [tool.ayon-gql]" in capsys.readouterr().out

    before = tree(tmp_path)
    (tmp_path / "studio_ayon" / "helpers.py").write_text("# ours\n", encoding="utf-8")
    assert _init(tmp_path, "--schema", str(SNAPSHOT)) == 0
    out = capsys.readouterr().out
    for kept in ("pyproject.toml", "schema/ayon.graphql", "queries", ".graphqlrc.yml"):
        assert f"left alone {kept}:" in out
    assert "studio_ayon: package studio_ayon (up to date)" in out
    assert "left alone studio_ayon/helpers.py" in out
    after = tree(tmp_path)
    assert after.pop("studio_ayon/helpers.py") == b"# ours\n"
    assert after == before


def test_stock_copies_ayon_gql_operations(tmp_path: Path) -> None:
    assert _init(tmp_path, "--schema", str(SNAPSHOT), "--stock") == 0
    stock = stock_queries_dir()
    copied = tree(tmp_path / "queries")
    assert copied == {p.name: p.read_bytes() for p in stock.glob("*.graphql")}
    assert "versions.graphql" in copied
    client = (tmp_path / "studio_ayon" / "client.py").read_text(encoding="utf-8")
    assert "def iter_versions(" in client


def test_schema_from_introspection_json(tmp_path: Path) -> None:
    sdl = SNAPSHOT.read_text(encoding="utf-8").replace(
        "type VersionAttribType {\n", "type VersionAttribType {\n  shotCode: String\n"
    )
    source = tmp_path / "introspection.json"
    introspection = introspection_from_schema(build_schema(sdl))
    source.write_text(json.dumps({"data": introspection}), encoding="utf-8")
    project = tmp_path / "studio"
    project.mkdir()
    assert _init(project, "--schema", str(source)) == 0
    snapshot = (project / "schema" / "ayon.graphql").read_text(encoding="utf-8")
    assert snapshot.startswith("# ayon-gql schema snapshot:")
    assert "shotCode: String" in snapshot


def test_schema_from_the_server(
    tmp_path: Path, ayon_server: StandInServer, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("--url", ayon_server.url, "--api-key", ayon_server.api_key)
    assert _init(tmp_path, *args) == 0
    assert _sdl_types(tmp_path / "schema" / "ayon.graphql") == _sdl_types(SNAPSHOT)
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert f'url = "{ayon_server.url}"' in text
    assert (tmp_path / "studio_ayon" / "client.py").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["init", "9lives", "--schema", str(SNAPSHOT)], "not a Python identifier"),
        (["init", "ayon_gql", "--schema", str(SNAPSHOT)], "is taken"),
        (["init", "studio_ayon", "--url", "http://127.0.0.1:9"], "cannot pull the schema from"),
        (["init", "studio_ayon", "--schema", "missing.graphql"], "cannot read schema"),
        (["init", "studio_ayon"], "pass --url URL"),
    ],
)
def test_bad_input_is_an_error_and_writes_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.delenv("AYON_SERVER_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(OTHER_SECTIONS, encoding="utf-8")
    assert main([*args, "--timeout", "1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ayon-gql: error: ") and message in err
    assert "Traceback" not in err
    assert tree(tmp_path) == {"pyproject.toml": OTHER_SECTIONS.encode()}


@pytest.mark.parametrize("content", ["type Query {\n  x: Nope\n}\n", '{"data": {}}'])
def test_a_file_that_is_no_schema_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    bad = tmp_path / "schema.graphql"
    bad.write_text(content, encoding="utf-8")
    project = tmp_path / "studio"
    project.mkdir()
    assert _init(project, "--schema", str(bad)) == 1
    assert "neither GraphQL SDL nor introspection JSON" in capsys.readouterr().err
    assert tree(project) == {}
