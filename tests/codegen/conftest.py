"""A small studio project in a temporary folder: pyproject, snapshot, one operation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = PROJECT_ROOT / "schema" / "ayon.graphql"

SECTION = """\
[tool.ayon-gql]
schema = "schema/ayon.graphql"
queries = "queries"
package = "studio_ayon"
"""

FOLDERS = """\
query GetProjectFolders($projectName: String!, $after: String) {
  project(name: $projectName) {
    folders(first: 10, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          updatedAt
        }
      }
    }
  }
}
"""

USERS = """\
query GetUserNames {
  users {
    edges {
      node {
        name
      }
    }
  }
}
"""


@pytest.fixture
def studio(tmp_path: Path) -> Path:
    """A project folder with [tool.ayon-gql], the stock snapshot and two operations."""
    root = tmp_path / "studio"
    (root / "schema").mkdir(parents=True)
    (root / "queries").mkdir()
    (root / "pyproject.toml").write_text(SECTION, encoding="utf-8")
    shutil.copyfile(SNAPSHOT, root / "schema" / "ayon.graphql")
    (root / "queries" / "folders.graphql").write_text(FOLDERS, encoding="utf-8")
    (root / "queries" / "users.graphql").write_text(USERS, encoding="utf-8")
    return root


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its content (caches left out)."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
