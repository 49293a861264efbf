"""Every operation in queries/ is valid against the real server's schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import build_schema, find_breaking_changes, find_dangerous_changes, parse, validate
from graphql.language import FragmentDefinitionNode, OperationDefinitionNode

from tests._shared import SERVER_1_16, require_shared

ROOT = Path(__file__).resolve().parents[2]
QUERY_FILES = sorted((ROOT / "queries").glob("*.graphql"))


def _document() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in QUERY_FILES)


def _operations() -> list[str]:
    return [
        node.name.value
        for node in parse(_document()).definitions
        if isinstance(node, OperationDefinitionNode) and node.name
    ]


@pytest.mark.parametrize(
    "schema_path",
    [SERVER_1_16 / "schema.graphql", ROOT / "schema" / "ayon.graphql"],
    ids=["real-1.16.0", "snapshot"],
)
def test_every_operation_validates(schema_path: Path) -> None:
    require_shared()
    schema = build_schema(schema_path.read_text(encoding="utf-8"))
    document = parse(_document())
    fragments = [d for d in document.definitions if isinstance(d, FragmentDefinitionNode)]
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        # Validate each operation with all fragments, as the generated client sends it.
        single = document.__class__(definitions=[definition, *fragments])
        errors = [e for e in validate(schema, single) if "is never used" not in e.message]
        assert errors == [], f"{definition.name.value if definition.name else '?'}: {errors}"


def test_snapshot_matches_real_schema() -> None:
    """The committed snapshot describes the same schema as the server's own SDL."""
    require_shared()
    real = build_schema((SERVER_1_16 / "schema.graphql").read_text(encoding="utf-8"))
    snapshot = build_schema((ROOT / "schema" / "ayon.graphql").read_text(encoding="utf-8"))
    assert find_breaking_changes(real, snapshot) == []
    assert find_breaking_changes(snapshot, real) == []
    assert find_dangerous_changes(real, snapshot) == []
    assert set(real.type_map) == set(snapshot.type_map)
    assert '"""' not in (ROOT / "schema" / "ayon.graphql").read_text(encoding="utf-8")


def test_every_entity_family_has_list_and_getters() -> None:
    names = set(_operations())
    for family in ("Folders", "Tasks", "Products", "Versions", "Representations"):
        assert f"Get{family}" in names
        assert f"Get{family[:-1]}" in names
    assert {"GetActivities", "GetProjects", "GetProject", "GetFolderByPath"} <= names
    assert {"GetProductByName", "GetVersionByNumber", "GetRepresentationByName"} <= names


def test_list_operations_expose_server_filters() -> None:
    document = parse(_document())
    variables = {
        d.name.value: {v.variable.name.value for v in d.variable_definitions}
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode) and d.name
    }
    assert {
        "ids",
        "productIds",
        "taskIds",
        "versions",
        "latestOnly",
        "heroOnly",
        "heroOrLatestOnly",
        "statuses",
        "tags",
        "first",
        "after",
    } <= variables["GetVersions"]
    assert {
        "activityIds",
        "activityTypes",
        "entityIds",
        "entityNames",
        "entityType",
        "changedAfter",
        "changedBefore",
        "referenceTypes",
        "first",
        "after",
    } <= variables["GetActivities"]
