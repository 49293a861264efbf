"""The pytest plugin's fixtures (``ayon_gql.pytest_plugin``) and how they choose a schema."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest

from ayon_gql.testing import DEFAULT_SCHEMA_PATH, StandInServer

from .conftest import studio_schema_text


def test_ayon_server_fixture(ayon_server: StandInServer) -> None:
    r = httpx.get(ayon_server.url + "/api/users/me", headers={"X-Api-Key": ayon_server.api_key})
    assert r.json()["name"] == "service"
    assert len(ayon_server.requests) == 1


# A studio's test: passes when the served schema has shotCode iff EXPECT_SHOT_CODE is 1.
STUDIO_TEST = """
import os

import httpx


def test_shot_code(ayon_server):
    query = '{ project(name: "demo_Commercial") { folders(first: 1) '
    query += "{ edges { node { attrib { shotCode } } } } } }"
    body = httpx.post(
        ayon_server.url + "/graphql",
        headers={"X-Api-Key": ayon_server.api_key},
        json={"query": query},
    ).json()
    if os.environ["EXPECT_SHOT_CODE"] == "1":
        assert body["data"]["project"]["folders"]["edges"][0]["node"]["attrib"]["shotCode"]
    else:
        assert "Cannot query field 'shotCode'" in body["errors"][0]["message"]
"""


def _studio_project(root: Path, *, ini: str = "", section: bool = True) -> Path:
    (root / "schema").mkdir(parents=True)
    (root / "schema" / "studio.graphql").write_text(studio_schema_text(), encoding="utf-8")
    (root / "stock.graphql").write_text(DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8"))
    pyproject = "[tool.pytest.ini_options]\n" + ini + "\n"
    if section:
        pyproject += textwrap.dedent(
            """
            [tool.ayon-gql]
            schema = "schema/studio.graphql"
            package = "studio_ayon"
            """
        )
    (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (root / "tests").mkdir()
    (root / "tests" / "test_studio.py").write_text(STUDIO_TEST, encoding="utf-8")
    return root


def _pytest(root: Path, *args: str, expect_shot_code: bool) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EXPECT_SHOT_CODE": "1" if expect_shot_code else "0"}
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=root / "tests",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_fixtures_serve_the_project_schema(tmp_path: Path) -> None:
    root = _studio_project(tmp_path)
    result = _pytest(root, expect_shot_code=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def test_option_chooses_another_schema(tmp_path: Path) -> None:
    root = _studio_project(tmp_path)
    result = _pytest(root, "--ayon-schema", "../stock.graphql", expect_shot_code=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ini_key_chooses_another_schema(tmp_path: Path) -> None:
    root = _studio_project(tmp_path, ini='ayon_schema = "stock.graphql"')
    result = _pytest(root, expect_shot_code=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ini_key_serves_a_studio_schema_without_project_section(tmp_path: Path) -> None:
    root = _studio_project(tmp_path, ini='ayon_schema = "schema/studio.graphql"', section=False)
    result = _pytest(root, expect_shot_code=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("where", ["option", "ini"])
def test_missing_schema_is_a_clear_error(tmp_path: Path, where: str) -> None:
    if where == "ini":
        root = _studio_project(tmp_path, ini='ayon_schema = "nowhere.graphql"')
        result = _pytest(root, expect_shot_code=True)
    else:
        root = _studio_project(tmp_path)
        result = _pytest(root, "--ayon-schema", "nowhere.graphql", expect_shot_code=True)
    assert result.returncode != 0
    assert "schema file not found" in result.stdout and "nowhere.graphql" in result.stdout
    assert "Traceback" not in result.stdout


def test_the_projects_generated_package_is_importable_from_its_tests(tmp_path: Path) -> None:
    root = _studio_project(tmp_path)
    (root / "studio_ayon").mkdir()
    (root / "studio_ayon" / "__init__.py").write_text("NAME = 'studio'\n", encoding="utf-8")
    (root / "tests" / "test_import.py").write_text(
        "def test_import():\n    import studio_ayon\n\n    assert studio_ayon.NAME == 'studio'\n",
        encoding="utf-8",
    )
    # Run from tests/: only the plugin puts the project folder on sys.path.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_ADDOPTS", "PYTHONPATH")}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_import.py"],
        cwd=root / "tests",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
