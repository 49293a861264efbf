"""One configuration for every command: defaults from [tool.ayon-gql]."""

from __future__ import annotations

from pathlib import Path

import pytest

from ayon_gql.cli import main
from ayon_gql.schema import load_schema
from ayon_gql.testing import StandInServer
from tests.codegen.conftest import SNAPSHOT


def test_schema_pull_defaults_to_the_configured_url_and_snapshot(
    studio: Path,
    ayon_server: StandInServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pyproject = studio / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8") + f'url = "{ayon_server.url}"\n', encoding="utf-8"
    )
    snapshot = studio / "schema" / "ayon.graphql"
    snapshot.write_text("# stale\n", encoding="utf-8")
    monkeypatch.setenv("AYON_SERVER_URL", "http://127.0.0.1:9")  # the project's url wins
    monkeypatch.chdir(studio / "queries")  # found upwards
    assert main(["schema", "pull", "--api-key", ayon_server.api_key]) == 0
    assert capsys.readouterr().err.startswith(f"wrote {snapshot} (AYON ")
    assert set(load_schema(snapshot).type_map) == set(load_schema(SNAPSHOT).type_map)

    assert main(["schema", "pull", "--api-key", ayon_server.api_key, "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# ayon-gql schema snapshot:")


def test_check_uses_the_project_and_works_without_one(
    studio: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(studio)
    assert main(["check"]) == 0
    assert "Checked 2 operations" in capsys.readouterr().out

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir(outside)
    queries = str(studio / "queries")
    assert main(["check", "--schema", str(SNAPSHOT), "--queries", queries]) == 0
    assert "Checked 2 operations" in capsys.readouterr().out
    assert main(["check"]) == 2
    assert "no queries folder" in capsys.readouterr().err
