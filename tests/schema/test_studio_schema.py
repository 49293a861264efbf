"""A studio's own attributes flow through pull, check and generate with no hand edit.

The studio's server (simulated by editing the snapshot) has an extra version
attribute ``shotCode`` and no ``intent``.
"""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import pytest
from graphql import build_schema, introspection_from_schema

from ayon_gql.codegen import generate
from ayon_gql.schema import check_operations, load_schema, pull_schema
from tests.schema.conftest import PROJECT_ROOT, QUERIES, SNAPSHOT
from tests.schema.test_check import failing_operations


def _studio_sdl() -> str:
    text = SNAPSHOT.read_text(encoding="utf-8")
    start = text.index("type VersionAttribType {")
    end = text.index("}", start)
    block = text[start:end]
    assert "  intent: String\n" in block
    edited = block.replace("  intent: String\n", "").replace(
        "type VersionAttribType {\n", "type VersionAttribType {\n  shotCode: String\n"
    )
    return text[:start] + edited + text[end:]


@pytest.fixture(scope="module")
def studio_schema(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The studio schema as `ayon-gql schema pull` writes it, from an introspection file."""
    folder = tmp_path_factory.mktemp("studio")
    introspection = introspection_from_schema(build_schema(_studio_sdl()))
    source = folder / "introspection.json"
    source.write_text(json.dumps({"data": introspection}), encoding="utf-8")
    snapshot = pull_schema(from_file=source, server_version="1.16.0-studio")
    return snapshot.write(folder / "schema" / "ayon.graphql")


def test_pull_keeps_the_studio_attributes(studio_schema: Path) -> None:
    text = studio_schema.read_text(encoding="utf-8")
    assert text.startswith("# ayon-gql schema snapshot: AYON server 1.16.0-studio")
    version_attrib = load_schema(studio_schema).get_type("VersionAttribType")
    fields = set(version_attrib.fields)  # type: ignore[union-attr]
    assert "shotCode" in fields
    assert "intent" not in fields


def test_check_reports_the_operations_using_the_removed_attribute(studio_schema: Path) -> None:
    report = check_operations(studio_schema)
    expected = failing_operations(load_schema(studio_schema))
    assert "GetVersions" in expected
    assert set(report.failing_operations) == expected
    assert set(report.affected_operations) == expected

    change = next(c for c in report.affecting if c.coordinate == "VersionAttribType.intent")
    assert change.kind == "FIELD_REMOVED"
    assert set(change.operations) == expected
    assert {a.fragment for a in change.affected} == {"VersionAttribFields"}
    assert {a.location.file for a in change.affected if a.location} == {"queries/versions.graphql"}
    versions = next(a for a in change.affected if a.operation == "GetVersions")
    assert versions.path == "project.versions.edges.node.attrib.intent"
    assert versions.methods == ("get_versions", "iter_versions")
    assert {"get_versions", "iter_versions", "get_version"} <= set(report.methods_of(expected))
    # shotCode is an addition, not a breaking change.
    assert all("shotCode" not in c.description for c in report.breaking)


def _studio_project(root: Path, schema: Path) -> Path:
    """A copy of the project with the studio snapshot and queries selecting shotCode."""
    root.mkdir()
    shutil.copy(PROJECT_ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(QUERIES, root / "queries")
    templates = Path("ayon_gql") / "codegen" / "templates"
    shutil.copytree(PROJECT_ROOT / templates, root / templates)
    (root / "schema").mkdir()
    shutil.copy(schema, root / "schema" / "ayon.graphql")
    versions = root / "queries" / "versions.graphql"
    text = versions.read_text(encoding="utf-8")
    assert text.count("  intent\n") == 1
    versions.write_text(text.replace("  intent\n", "  shotCode\n"), encoding="utf-8")
    return root


def _class_fields(module: Path, name: str) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name)
    return {
        n.target.id
        for n in cls.body
        if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
    }


def test_edited_queries_check_and_generate_the_studio_model(
    studio_schema: Path, tmp_path: Path
) -> None:
    project = _studio_project(tmp_path / "project", studio_schema)
    studio = check_operations(project_root=project)
    assert studio.ok, studio.format_text()
    # The same queries against the stock snapshot fail where they select shotCode.
    stock = check_operations(SNAPSHOT, queries_path=project / "queries", project_root=project)
    assert "VersionAttribFields" in {e.fragment for e in stock.validation_errors}
    assert any("shotCode" in e.message for e in stock.validation_errors)

    result = generate(project, target=tmp_path / "out")
    fields = _class_fields(tmp_path / "out" / "fragments.py", "VersionAttribFields")
    assert "shot_code" in fields
    assert "intent" not in fields
    assert "fps" in fields
    assert "fragments.py" in result.files
