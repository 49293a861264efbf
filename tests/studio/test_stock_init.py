"""``ayon-gql init --stock`` gives a studio exactly ayon-gql's own client.

The studio's copy of the stock operations, generated under its own package
name, must be our ``generated/`` file for file: same operations, same
methods, same models, nothing renamed or lost on the way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ayon_gql.cli import main
from ayon_gql.codegen import read_manifest
from tests.codegen.conftest import PROJECT_ROOT, SNAPSHOT, tree


def _without_header(sdl: bytes) -> bytes:
    """The snapshot without its leading comment lines (server and date of the pull)."""
    lines = sdl.decode("utf-8").splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "".join(lines).encode("utf-8")


@pytest.fixture(scope="module")
def stock_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("stock")
    assert (
        main(["init", "stock_ayon", "--project", str(root), "--schema", str(SNAPSHOT), "--stock"])
        == 0
    )
    return root / "stock_ayon"


def test_the_same_operations(stock_package: Path) -> None:
    ours = sorted(p.name for p in (PROJECT_ROOT / "queries").glob("*.graphql"))
    theirs = sorted(p.name for p in (stock_package.parent / "queries").glob("*.graphql"))
    assert theirs == ours


def test_generated_identically_to_the_stock_package(stock_package: Path) -> None:
    generated = tree(PROJECT_ROOT / "generated")
    studio = tree(stock_package)
    assert sorted(studio) == sorted(generated)
    assert read_manifest(stock_package) == read_manifest(PROJECT_ROOT / "generated")
    snapshot = "ayon.graphql"
    assert _without_header(studio.pop(snapshot)) == _without_header(generated.pop(snapshot))
    different = sorted(name for name in generated if studio[name] != generated[name])
    assert different == []
