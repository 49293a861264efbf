"""``ayon-gql schema diff`` and :func:`diff_schemas` on the real AYON releases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graphql import build_schema

from ayon_gql.cli import main
from ayon_gql.schema import diff_schemas, load_schema
from ayon_gql.testing import StandInServer
from tests.schema.conftest import SNAPSHOT


def test_upgrade_1_14_to_1_16_breaks_nothing_and_adds_6_types_36_fields(
    ayon_1_14: Path, ayon_1_16: Path
) -> None:
    difference = diff_schemas(
        load_schema(ayon_1_14 / "introspection.json"), load_schema(ayon_1_16 / "introspection.json")
    )
    assert not difference.is_breaking
    assert difference.breaking == []
    assert {c.kind for c in difference.dangerous} == {"OPTIONAL_ARG_ADDED"}
    assert "ProjectNode.folders(calculateStatistics:)" in {
        c.coordinate for c in difference.dangerous
    }
    added_types = [c for c in difference.added if c.kind == "TYPE_ADDED"]
    added_fields = [c for c in difference.added if c.kind == "FIELD_ADDED"]
    assert len(added_types) == 6
    assert len(added_fields) == 36
    assert {"VersionNode.thumbnailHash", "ProjectNode.label"} <= {
        c.coordinate for c in added_fields
    }


def test_downgrade_reports_removed_fields_with_coordinates(
    ayon_1_14: Path, ayon_1_16: Path
) -> None:
    difference = diff_schemas(
        load_schema(ayon_1_16 / "schema.graphql"), load_schema(ayon_1_14 / "schema.graphql")
    )
    assert difference.is_breaking
    by_coordinate = {c.coordinate: c for c in difference.breaking}
    label = by_coordinate["ProjectNode.label"]
    assert (label.kind, label.type_name, label.field) == ("FIELD_REMOVED", "ProjectNode", "label")
    argument = by_coordinate["ProjectNode.folders(calculateStatistics:)"]
    assert argument.kind == "ARG_REMOVED"
    assert by_coordinate["ColumnStats"].kind == "TYPE_REMOVED"
    assert difference.added == []


def test_sdl_and_introspection_of_one_release_do_not_differ(ayon_1_16: Path) -> None:
    difference = diff_schemas(
        load_schema(ayon_1_16 / "schema.graphql"), load_schema(ayon_1_16 / "introspection.json")
    )
    assert [c for c in difference.breaking if not c.type_name.startswith("@")] == []
    assert difference.added == []


def test_enum_and_required_argument_changes_get_coordinates() -> None:
    old = build_schema("enum Kind { A B }\ntype Query { items(kind: Kind): [String] }")
    new = build_schema("enum Kind { A }\ntype Query { items(kind: Kind, limit: Int!): [String] }")
    coordinates = {(c.kind, c.coordinate) for c in diff_schemas(old, new).breaking}
    assert coordinates == {
        ("VALUE_REMOVED_FROM_ENUM", "Kind.B"),
        ("REQUIRED_ARG_ADDED", "Query.items(limit:)"),
    }


def test_cli_exit_status_text_and_json(
    ayon_1_14: Path, ayon_1_16: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = str(ayon_1_14 / "schema.graphql"), str(ayon_1_16 / "introspection.json")
    assert main(["schema", "diff", old, new]) == 0
    text = capsys.readouterr().out
    assert "Breaking changes: 0" in text
    assert "no breaking changes" in text
    assert "  VersionNode\n    FIELD_ADDED" in text  # grouped by type

    assert main(["schema", "diff", new, old, "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert "ProjectNode.label" in {c["coordinate"] for c in report["breaking"]}
    assert report["added"] == []


def test_cli_unreadable_schema_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.graphql"
    broken.write_text("type Query {", encoding="utf-8")
    assert main(["schema", "diff", str(broken), str(SNAPSHOT)]) == 2
    assert "cannot read schema" in capsys.readouterr().err


def test_cli_diffs_a_server_against_the_snapshot(
    ayon_standin: StandInServer, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        [
            "schema",
            "diff",
            ayon_standin.url,
            str(SNAPSHOT),
            "--api-key",
            ayon_standin.api_key,
            "--json",
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert status == 0
    assert report["breaking"] == []
    assert report["added"] == []
