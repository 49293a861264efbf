"""``ayon-gql serve`` and ``standin_process`` with a schema and a cost model."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from ayon_gql.testing import RequestCost, standin_process

SHOT_CODE = (
    '{ project(name: "demo_Commercial") { folders(first: 1) '
    "{ edges { node { attrib { shotCode } } } } } }"
)


@contextmanager
def _serving(*args: str, cwd: Path | None = None) -> Iterator[tuple[str, str, list[str]]]:
    """Run a server command; yield its URL, API key and the lines printed before the prompt."""
    process = subprocess.Popen(
        [sys.executable, *args, "--port", "0", "--versions", "50"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=cwd,
    )
    try:
        assert process.stdout is not None
        lines: list[str] = []
        while not lines or not lines[-1].startswith("Login:"):
            line = process.stdout.readline()
            assert line, f"the server stopped: {lines}"
            lines.append(line.strip())
        url = re.search(r"listening on (\S+)", lines[0])
        key = re.search(r"X-Api-Key\): (\S+)", lines[1])
        assert url and key, lines
        yield url.group(1), key.group(1), lines
    finally:
        process.terminate()
        process.wait(timeout=10)


def _shot_code(url: str, key: str) -> str:
    body = httpx.post(url + "/graphql", headers={"X-Api-Key": key}, json={"query": SHOT_CODE})
    code: str = body.json()["data"]["project"]["folders"]["edges"][0]["node"]["attrib"]["shotCode"]
    return code


def test_serve_schema_option(studio_schema: Path) -> None:
    with _serving("-m", "ayon_gql", "serve", "--schema", str(studio_schema)) as (url, key, out):
        assert _shot_code(url, key) == "assets.shotCode"
    assert f"Schema: {studio_schema}" in out


def test_serve_uses_the_project_schema(studio_schema: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.ayon-gql]\nschema = "{studio_schema}"\npackage = "studio_ayon"\n',
        encoding="utf-8",
    )
    with _serving("-m", "ayon_gql", "serve", cwd=tmp_path) as (url, key, _):
        assert _shot_code(url, key) == "assets.shotCode"


def test_serve_cost_options() -> None:
    args = ["-m", "ayon_gql", "serve", "--cost-preset", "ayon-1.16", "--cost-per-field", "2e-06"]
    with _serving(*args, "--cost-weight", "UserNode=3") as (url, key, out):
        me = httpx.post(url + "/graphql", headers={"X-Api-Key": key}, json={"query": "{me{name}}"})
        assert me.json() == {"data": {"me": {"name": "service"}}}
    assert "Cost per request: 0.035 s, per field: 2e-06 s" in out


def test_serve_bad_schema_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.graphql"
    result = subprocess.run(
        [sys.executable, "-m", "ayon_gql", "serve", "--port", "0", "--schema", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"ayon-gql: error: schema file not found: {missing}"


def test_serve_bad_cost_weight_is_a_clear_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ayon_gql", "serve", "--port", "0", "--cost-weight", "x"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "a field weight is TYPE.FIELD=NUMBER, not 'x'" in result.stderr
    assert "Traceback" not in result.stderr


def test_standin_process_serves_a_schema_with_a_cost(studio_schema: Path) -> None:
    cost = RequestCost(per_request=0.001, per_field=1e-7, field_weights={"FolderNode.attrib": 4})
    with standin_process(versions=50, schema=studio_schema, cost=cost) as server:
        assert _shot_code(server.url, server.api_key) == "assets.shotCode"


def test_module_entry_point_prints_the_cost() -> None:
    args = ["-m", "ayon_gql.testing", "--cost-per-request", "0.01", "--cost-weight", "A.b=2"]
    with _serving(*args) as (url, key, out):
        assert httpx.get(url + "/api/users/me", headers={"X-Api-Key": key}).status_code == 200
    assert "Cost per request: 0.01 s, per field: 0 s" in out
