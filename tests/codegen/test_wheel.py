"""The built wheel holds everything the runtime and the tools read at run time.

Editable installs read the checkout, so only a real wheel shows what is
missing; ``scripts/wheel_smoke.sh`` also installs and runs it.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ayon_gql.codegen import read_manifest
from tests.codegen.conftest import PROJECT_ROOT


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out)]
    built = subprocess.run(
        [*command, str(PROJECT_ROOT)], capture_output=True, text=True, check=False
    )
    if built.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{built.stdout}\n{built.stderr}")
    (wheel,) = out.glob("ayon_gql-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def test_every_file_of_the_runtime_and_tools_is_in_the_wheel(wheel_files: set[str]) -> None:
    checkout = {p.relative_to(PROJECT_ROOT).as_posix() for p in _files(PROJECT_ROOT / "ayon_gql")}
    assert "ayon_gql/codegen/templates/base_client.py" in checkout
    assert sorted(checkout - wheel_files) == []


def test_the_generated_package_and_its_snapshot_are_in_the_wheel(wheel_files: set[str]) -> None:
    owned = read_manifest(PROJECT_ROOT / "generated")
    assert owned is not None and "ayon.graphql" in owned
    expected = {f"ayon_gql_generated/{name}" for name in owned}
    assert sorted(expected - wheel_files) == []


def test_the_stock_operations_are_in_the_wheel(wheel_files: set[str]) -> None:
    queries = sorted((PROJECT_ROOT / "queries").glob("*.graphql"))
    assert queries
    expected = {f"ayon_gql/codegen/stock_queries/{p.name}" for p in queries}
    assert sorted(expected - wheel_files) == []
