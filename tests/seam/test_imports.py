"""Imports point one way: generated packages use the runtime, never the reverse.

Each case runs in a fresh interpreter, since import order is the point.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import ayon_gql
from tests.seam.conftest import StudioPackages

RUNTIME = Path(ayon_gql.__file__).parent


def _run(code: str, path: Path) -> str:
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(path), os.environ.get("PYTHONPATH", "")])
    )
    completed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip()


@pytest.mark.parametrize(
    "code",
    [
        "import ayon_gql\nfrom ayon_gql_generated import AyonClient\n",
        "from ayon_gql_generated import AyonClient\nimport ayon_gql\n",
        "import ayon_gql_generated\nfrom ayon_gql import AyonClient\n",
        "from ayon_gql_generated.ayon_client import AyonClient\nimport ayon_gql\n",
        "from studio_alpha import AyonClient as Studio\nfrom ayon_gql import AyonClient\n",
        "import studio_beta\nfrom ayon_gql import AyonClient\n"
        "from studio_beta import AyonClient as Studio\n",
    ],
)
def test_any_import_order_works(studio_packages: StudioPackages, code: str) -> None:
    check = """
        import ayon_gql, ayon_gql_generated
        assert ayon_gql.AyonClient is ayon_gql_generated.AyonClient
        assert ayon_gql.AsyncAyonClient is ayon_gql_generated.AsyncAyonClient
        print(AyonClient.__module__)
    """
    assert _run(code + textwrap.dedent(check), studio_packages.path) == (
        "ayon_gql_generated.ayon_client"
    )


def test_a_studio_client_loads_no_other_generated_package(studio_packages: StudioPackages) -> None:
    loaded = _run(
        """
        import sys
        from studio_alpha import AyonClient
        client = AyonClient("http://127.0.0.1:9", api_key="k")
        client.rest
        print(" ".join(sorted(m for m in sys.modules if m.startswith(("ayon_gql_", "studio_")))))
        """,
        studio_packages.path,
    ).split()
    assert "studio_alpha.ayon_client" in loaded
    assert not [m for m in loaded if m.startswith(("ayon_gql_generated", "studio_beta"))]


def _imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def test_the_runtime_imports_no_generated_package_but_the_stock_one_lazily() -> None:
    for path in RUNTIME.rglob("*.py"):
        if "templates" in path.parts:
            continue  # copied into generated packages, not part of the runtime
        generated = {m for m in _imported_modules(path) if m.startswith("ayon_gql_generated")}
        relative = path.relative_to(RUNTIME).as_posix()
        if relative == "__init__.py":
            assert generated == {"ayon_gql_generated"}  # the lazy stock clients
        else:
            assert not generated, relative


def test_schema_tools_do_not_import_the_clients() -> None:
    """``load_schema`` by URL uses the connection: no schema <-> client circle."""
    for path in (RUNTIME / "schema").glob("*.py"):
        imported = _imported_modules(path)
        assert not {"ayon_gql._client", "ayon_gql.client"} & imported, path.name
        assert "ayon_gql" not in imported or path.name == "__init__.py"
