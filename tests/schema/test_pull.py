"""``ayon-gql schema pull``: from a saved introspection and from a live server."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from graphql import build_schema, find_breaking_changes, find_dangerous_changes

from ayon_gql.cli import main
from ayon_gql.schema import introspection_to_sdl, load_introspection_file, pull_schema
from ayon_gql.testing import StandInServer
from tests._shared import SERVER_1_16, require_shared

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "schema" / "ayon.graphql"


def _body(sdl: str) -> str:
    """The SDL without its two header lines (version and date)."""
    lines = sdl.splitlines()
    assert lines[0].startswith("# ayon-gql schema snapshot: AYON server ")
    return "\n".join(lines[2:])


def test_committed_snapshot_is_what_pull_makes_from_the_shared_introspection(
    tmp_path: Path,
) -> None:
    require_shared()
    target = tmp_path / "ayon.graphql"
    status = main(
        ["schema", "pull", "--from-file", str(SERVER_1_16 / "introspection.json"),
         "-o", str(target)]
    )  # fmt: skip
    assert status == 0
    pulled = target.read_text(encoding="utf-8")
    assert "AYON server 1.16.0+DEVELOP" in pulled.splitlines()[0]
    assert _body(pulled) == _body(SNAPSHOT.read_text(encoding="utf-8"))


def test_output_is_deterministic_and_has_no_descriptions() -> None:
    require_shared()
    introspection = load_introspection_file(SERVER_1_16 / "introspection.json")
    day = dt.date(2026, 1, 1)
    first = introspection_to_sdl(introspection, server_version="1.16.0", date=day)
    second = introspection_to_sdl(introspection, server_version="1.16.0", date=day)
    assert first == second
    assert '"""' not in first and "Get a project by name" not in first
    described = introspection_to_sdl(introspection, descriptions=True, date=day)
    assert '"""' in described
    assert "unknown version" in described.splitlines()[0]


def test_pull_from_a_live_server_uses_our_connection(
    ayon_server: StandInServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AYON_API_KEY", ayon_server.api_key)
    target = tmp_path / "live.graphql"
    assert main(["schema", "pull", "--url", ayon_server.url, "-o", str(target)]) == 0
    pulled = target.read_text(encoding="utf-8")
    # The stand-in executes the snapshot, so introspecting it gives the snapshot back.
    live = build_schema(pulled)
    snapshot = build_schema(SNAPSHOT.read_text(encoding="utf-8"))
    assert find_breaking_changes(snapshot, live) == []
    assert find_dangerous_changes(snapshot, live) == []
    assert _body(pulled) == _body(SNAPSHOT.read_text(encoding="utf-8"))
    version = pulled.splitlines()[0]
    assert "AYON server 1.16.0" in version
    paths = [request.path for request in ayon_server.requests]
    # The write models' description comes with the schema, beside the output, then the
    # openapi.json of each addon this project names ([tool.ayon-gql] addons).
    assert paths == [
        "/graphql",
        "/api/info",
        "/openapi.json",
        "/api/addons/demo_pipeline/1.0.0/openapi.json",  # no endpoints: 404, said in one line
        "/api/addons/studio_tools/1.0.0/openapi.json",
    ]
    assert '"server": "1.16.0' in (tmp_path / "openapi.json").read_text(encoding="utf-8")
    assert all(r.headers.get("x-api-key") == ayon_server.api_key for r in ayon_server.requests)


def test_pull_needs_exactly_one_source() -> None:
    with pytest.raises(ValueError):
        pull_schema()
