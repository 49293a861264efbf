"""``ayon-gql check`` / :func:`check_operations` against real and edited schemas.

The oracle: every operation of ``queries/`` validated on its own with
graphql-core, together with the fragments it uses (found here independently).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLSchema,
    OperationDefinitionNode,
    build_schema,
    parse,
    validate,
)

from ayon_gql.cli import main
from ayon_gql.schema import check_operations, load_schema
from tests.schema.conftest import PROJECT_ROOT, QUERIES, SNAPSHOT, spread_names


def failing_operations(schema: GraphQLSchema, queries: Path = QUERIES) -> set[str]:
    """Operations that graphql-core rejects, each validated with its fragments only."""
    definitions = [
        d for p in sorted(queries.glob("*.graphql")) for d in parse(p.read_text()).definitions
    ]
    fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
    failing = set()
    for operation in definitions:
        if not isinstance(operation, OperationDefinitionNode) or operation.name is None:
            continue
        needed: set[str] = set()
        pending = spread_names(operation)
        while pending:
            name = pending.pop()
            if name not in needed:
                needed.add(name)
                pending |= spread_names(fragments[name])
        document = DocumentNode(definitions=[operation, *(fragments[n] for n in needed)])
        if validate(schema, document):
            failing.add(operation.name.value)
    return failing


def test_snapshot_is_safe_and_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    report = check_operations()
    assert report.ok
    assert report.validation_errors == []
    assert report.breaking == []
    assert len(report.operations) >= 20
    assert main(["check"]) == 0
    assert "OK" in capsys.readouterr().out


def test_upgrade_from_1_14_to_1_16_is_safe(ayon_1_14: Path, ayon_1_16: Path) -> None:
    report = check_operations(
        ayon_1_16 / "introspection.json", base_schema=ayon_1_14 / "schema.graphql"
    )
    assert report.breaking == []
    assert report.failing_operations == []
    assert report.ok
    assert failing_operations(load_schema(ayon_1_16 / "schema.graphql")) == set()


def test_checking_against_1_14_reports_exactly_the_failing_operations(ayon_1_14: Path) -> None:
    old = load_schema(ayon_1_14 / "introspection.json")
    expected = failing_operations(old)
    assert expected  # operations use 1.16.0-only fields (label, color, links)

    report = check_operations(old)
    assert not report.ok
    assert report.exit_code == 1
    assert set(report.failing_operations) == expected
    assert set(report.affected_operations) == expected  # breaking changes map to the same
    methods = set(report.methods_of(expected))
    assert {"get_links", "iter_links", "get_project", "get_projects", "iter_projects"} <= methods

    label = next(c for c in report.affecting if c.coordinate == "ProjectNode.label")
    assert label.kind == "FIELD_REMOVED"
    assert {a.operation for a in label.affected} == {"GetProject", "GetProjects"}
    usage = next(a for a in label.affected if a.operation == "GetProjects")
    assert usage.fragment == "ProjectSummaryFields"
    assert usage.path == "projects.edges.node.label"
    assert usage.methods == ("get_projects", "iter_projects")
    assert usage.fails_validation
    # Changes touching nothing are listed apart.
    assert "VersionNode.thumbnailHash" in {c.coordinate for c in report.unrelated}


def test_validation_errors_point_at_file_line_and_column(ayon_1_14: Path) -> None:
    report = check_operations(ayon_1_14 / "schema.graphql")
    assert report.validation_errors
    for error in report.validation_errors:
        assert error.location is not None
        line = (
            (PROJECT_ROOT / error.location.file).read_text().splitlines()[error.location.line - 1]
        )
        field = error.message.split("'")[1]  # "Cannot query field 'label' on type ..."
        assert line[error.location.column - 1 :].startswith(field)
        assert "Did you mean" in error.message
    assert str(report.validation_errors[0]).startswith("queries/")


def test_cli_check_json_against_1_14(ayon_1_14: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", "--schema", str(ayon_1_14 / "schema.graphql"), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert status == 1
    assert set(report["failing_operations"]) == failing_operations(
        load_schema(ayon_1_14 / "schema.graphql")
    )
    assert "iter_links" in report["affected_methods"]
    assert all({"file", "line", "column", "message"} <= set(e) for e in report["validation_errors"])


def test_cli_check_text_output(ayon_1_14: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--schema", str(ayon_1_14 / "schema.graphql")]) == 1
    out = capsys.readouterr().out
    assert "queries/links.graphql:11:5: GetLinks: Cannot query field 'links'" in out
    assert "Breaking changes that affect no operation" in out
    assert "FAIL:" in out


def _edited_snapshot(tmp_path: Path, old: str, new: str) -> Path:
    text = SNAPSHOT.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "edited.graphql"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_deprecated_fields_warn_and_fail_with_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = _edited_snapshot(
        tmp_path, "  intent: String\n", '  intent: String @deprecated(reason: "use comment")\n'
    )
    report = check_operations(schema)
    assert report.ok
    assert report.deprecated
    assert {d.coordinate for d in report.deprecated} == {"VersionAttribType.intent"}
    assert {d.usage.fragment for d in report.deprecated} == {"VersionAttribFields"}
    assert check_operations(schema, strict=True).exit_code == 1
    assert main(["check", "--schema", str(schema)]) == 0
    assert "deprecated (use comment)" in capsys.readouterr().out
    assert main(["check", "--schema", str(schema), "--strict"]) == 1


def test_changed_argument_type_maps_to_the_operation_passing_it(tmp_path: Path) -> None:
    schema = _edited_snapshot(
        tmp_path,
        "  project(code: String = null, name: String = null): ProjectNode!",
        "  project(code: String = null, name: Int = null): ProjectNode!",
    )
    report = check_operations(schema)
    change = next(c for c in report.affecting if c.coordinate == "Query.project(name:)")
    assert change.kind == "ARG_CHANGED_KIND"
    assert set(report.failing_operations) == failing_operations(build_schema(schema.read_text()))
    assert set(report.failing_operations) == set(change.operations)
    assert len(change.operations) > 10


def test_unreadable_schema_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--schema", str(tmp_path / "missing.graphql")]) == 2
    assert "missing.graphql" in capsys.readouterr().err
