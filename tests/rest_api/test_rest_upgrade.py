"""A server upgrade that removes a REST operation and a field: diff and check report them,
and the studio's code calling them fails ``mypy --strict`` after ``generate``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import ayon_gql
from ayon_gql.cli import main
from ayon_gql.schema._openapi import references, root_model_names
from ayon_gql.schema._rest_diff import diff_rest
from tests.codegen.conftest import PROJECT_ROOT, SNAPSHOT

PACKAGE = "studio_rest"
STUDIO_CODE = """\
from studio_rest import AyonClient


def production(client: AyonClient) -> str | None:
    return client.api.bundles.list_bundles().production_bundle


def project_code(client: AyonClient) -> str:
    return client.api.projects.get_project("demo_Commercial").code
"""


def _document() -> dict[str, object]:
    document = json.loads((PROJECT_ROOT / "schema" / "openapi.json").read_text(encoding="utf-8"))
    # Two tags and the schemas they (and the write models) use keep the package small.
    document["paths"] = {
        path: item
        for path, item in document["paths"].items()
        if any(op.get("tags", [""])[0] in ("Projects", "Bundles") for op in item.values())
    }
    schemas = document["components"]["schemas"]
    kept: set[str] = set()
    pending = [*references(document["paths"]), *root_model_names()]
    while pending:
        name = pending.pop()
        if name not in kept:
            kept.add(name)
            pending.extend(references(schemas[name]))
    document["components"]["schemas"] = {name: schemas[name] for name in sorted(kept)}
    return dict(document)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("studio-rest")
    openapi = root / "server-openapi.json"
    openapi.write_text(json.dumps(_document()), encoding="utf-8")
    args = ["init", PACKAGE, "--project", str(root), "--schema", str(SNAPSHOT)]
    assert main([*args, "--openapi", str(openapi)]) == 0
    yield root


def _mypy(project: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    config = project / "mypy.ini"
    config.write_text(
        f"[mypy]\nstrict = True\ncache_dir = {cache}\n"
        # ariadne-codegen's lazy-import __init__ has unannotated __getattr__/__dir__.
        f"[mypy-{PACKAGE}]\ndisallow_untyped_defs = False\n"
        "[mypy-ayon_gql_generated]\ndisallow_untyped_defs = False\n",
        encoding="utf-8",
    )
    runtime = Path(ayon_gql.__file__).resolve().parents[1]
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), "studio.py"],
        cwd=project,
        env={**os.environ, "MYPYPATH": f"{runtime}:{runtime / 'scripts' / 'mypy_path'}"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_removed_operation_and_field_are_breaking_and_fail_mypy_after_generate(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "studio.py").write_text(STUDIO_CODE, encoding="utf-8")
    # The checkout's own cache (warm after `mypy` runs on the runtime): the runtime is not
    # checked again from scratch, only the generated package and the studio's code.
    cache = PROJECT_ROOT / ".mypy_cache"
    before = _mypy(project, cache)
    assert before.returncode == 0, before.stdout + before.stderr

    current = project / "schema" / "openapi.json"
    document = json.loads(current.read_text(encoding="utf-8"))
    del document["paths"]["/api/projects/{project_name}"]["get"]
    del document["components"]["schemas"]["ListBundleModel"]["properties"]["productionBundle"]
    newer = tmp_path / "newer" / "openapi.json"
    newer.parent.mkdir()
    newer.write_text(json.dumps(document), encoding="utf-8")

    capsys.readouterr()
    assert main(["schema", "diff", str(current), str(newer), "--no-added"]) == 1
    report = capsys.readouterr().out
    assert "REST_OPERATION_REMOVED" in report
    assert "api.projects.get_project (GET /api/projects/{project_name}) was removed." in report
    assert "api.ListBundleModel.productionBundle (production_bundle) was removed." in report
    check = ["check", "--project", str(project), "--openapi", str(newer), "--json"]
    assert main(check) == 1
    checked = json.loads(capsys.readouterr().out)
    assert [c["coordinate"] for c in checked["rest_breaking"]] == [
        "api.projects.get_project",
        "api.ListBundleModel.productionBundle",
    ]

    current.write_text(newer.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["generate", "--project", str(project)]) == 0
    after = _mypy(project, cache)
    assert after.returncode == 1
    assert 'studio.py:5: error: "ListBundleModel" has no attribute "production_bundle"' in (
        after.stdout
    )
    assert 'studio.py:9: error: "ProjectsApi" has no attribute "get_project"' in after.stdout


def _with_params(params: list[dict[str, object]]) -> dict[str, object]:
    op = {"operationId": "get_thing", "tags": ["Things"], "parameters": params, "responses": {}}
    return {"paths": {"/api/things/{thing_id}": {"get": op}}, "components": {"schemas": {}}}


def _param(name: str, where: str = "query", **schema: object) -> dict[str, object]:
    required = schema.pop("required", where == "path")
    return {"name": name, "in": where, "required": required, "schema": schema or {"type": "string"}}


def test_parameter_changes_are_classified() -> None:
    old = _with_params(
        [_param("thing_id", "path"), _param("page", type="integer"), _param("kind"),
         _param("mode", pattern="^a$"), _param("gone")]
    )  # fmt: skip
    new = _with_params(
        [_param("thing_id", "path"), _param("page", type="string"),
         _param("kind", required=True), _param("mode", pattern="^b$"), _param("went")]
    )  # fmt: skip
    found = {(c.kind, c.severity, c.field) for c in diff_rest(old, new)}
    assert found == {
        ("REST_PARAM_CHANGED_TYPE", "breaking", "page"),
        ("REST_PARAM_BECAME_REQUIRED", "breaking", "kind"),
        ("REST_PARAM_CONSTRAINT_CHANGED", "dangerous", "mode"),
        ("REST_PARAM_RENAMED", "breaking", "gone"),
    }
