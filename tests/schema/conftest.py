"""Fixtures for the schema tools: the real AYON schemas beside the repo, the project."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import FragmentSpreadNode, visit
from graphql.language import Visitor

from tests._shared import SHARED

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = PROJECT_ROOT / "schema" / "ayon.graphql"
QUERIES = PROJECT_ROOT / "queries"


def _release(version: str) -> Path:
    folder = SHARED / version
    if not (folder / "introspection.json").is_file():
        pytest.skip(f"AYON {version} reference schema not found at {folder}")
    return folder


@pytest.fixture
def ayon_1_14() -> Path:
    """Folder with the real AYON 1.14.4 ``introspection.json`` and ``schema.graphql``."""
    return _release("1.14.4")


@pytest.fixture
def ayon_1_16() -> Path:
    """Folder with the real AYON 1.16.0 ``introspection.json`` and ``schema.graphql``."""
    return _release("1.16.0")


class _Spreads(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: object) -> None:
        self.names.add(node.name.value)


def spread_names(node: object) -> set[str]:
    """The fragment names spread directly in ``node`` (a test oracle, apart from ``check``)."""
    collector = _Spreads()
    visit(node, collector)  # type: ignore[arg-type]
    return collector.names
