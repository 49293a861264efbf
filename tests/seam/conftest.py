"""Two client packages generated in a temporary folder, as a studio would have them.

``studio_alpha`` is generated from the stock snapshot with lazy imports;
``studio_beta`` from a studio schema (the snapshot plus a ``shotCode``
version attribute, saved as ``studio.graphql``) with eager imports.  Their
operations differ, so combining them in one class is meaningful.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

import ayon_gql.codegen

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = PROJECT_ROOT / "schema" / "ayon.graphql"
TEMPLATES = Path(ayon_gql.codegen.__file__).resolve().parent / "templates"

ALPHA_QUERIES = """
query StudioFolders(
  $projectName: String!
  $folderIds: [String!]
  $names: [String!]
  $first: Int
  $after: String
) {
  project(name: $projectName) {
    folders(ids: $folderIds, names: $names, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id name path createdAt attrib { fps } } }
    }
  }
}

query StudioMe {
  me { name }
}
"""

BETA_QUERIES = """
query StudioVersions(
  $projectName: String!
  $ids: [String!]
  $productIds: [String!]
  $first: Int
  $after: String
) {
  project(name: $projectName) {
    versions(ids: $ids, productIds: $productIds, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id version createdAt } }
    }
  }
}
"""


def studio_schema_text() -> str:
    """The snapshot with a studio attribute ``shotCode`` on versions."""
    text = SNAPSHOT.read_text(encoding="utf-8")
    marker = "type VersionAttribType {\n"
    assert marker in text
    return text.replace(marker, marker + "  shotCode: String\n")


def generate_package(
    parent: Path, name: str, queries: Path, schema: Path, *, lazy_imports: bool
) -> Path:
    """Generate package ``name`` into ``parent`` as a studio would: a project whose
    ``[tool.ayon-gql]`` names the snapshot, queries and package, then ``generate``."""
    from ayon_gql.codegen import generate

    project = parent / f"{name}-project"
    project.mkdir(parents=True, exist_ok=True)
    (project / "pyproject.toml").write_text(
        "[tool.ayon-gql]\n"
        f"schema = {json.dumps(str(schema))}\n"
        f"queries = {json.dumps(str(queries))}\n"
        f"package = {json.dumps(name)}\n"
        f"package_dir = {json.dumps(str(parent / name))}\n"
        "\n[tool.ayon-gql.codegen]\n"
        f"lazy_imports = {json.dumps(lazy_imports)}\n",
        encoding="utf-8",
    )
    generate(project)
    return parent / name


@dataclass
class StudioPackages:
    """Where the packages are (for subprocesses) and the imported modules."""

    path: Path
    alpha: ModuleType
    beta: ModuleType


@pytest.fixture(scope="session")
def studio_packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StudioPackages]:
    root = tmp_path_factory.mktemp("studio")
    packages = root / "site"
    packages.mkdir()
    (root / "alpha").mkdir()
    (root / "alpha" / "ops.graphql").write_text(ALPHA_QUERIES, encoding="utf-8")
    (root / "beta").mkdir()
    (root / "beta" / "ops.graphql").write_text(BETA_QUERIES, encoding="utf-8")
    studio_schema = root / "studio.graphql"
    studio_schema.write_text(studio_schema_text(), encoding="utf-8")
    generate_package(packages, "studio_alpha", root / "alpha", SNAPSHOT, lazy_imports=True)
    generate_package(packages, "studio_beta", root / "beta", studio_schema, lazy_imports=False)

    sys.path.insert(0, str(packages))
    try:
        import studio_alpha  # type: ignore[import-not-found]
        import studio_beta  # type: ignore[import-not-found]

        yield StudioPackages(packages, studio_alpha, studio_beta)
    finally:
        sys.path.remove(str(packages))
        for module in [
            m for m in sys.modules if m.split(".")[0] in {"studio_alpha", "studio_beta"}
        ]:
            del sys.modules[module]
