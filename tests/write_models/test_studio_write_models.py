"""A studio's own attribute, from its server's openapi.json to typed write models and back out.

The studio's server (the stand-in serving a studio schema) has a version
attribute ``shotCode`` and no ``intent``.  ``init --url`` pulls both
snapshots, the package's ``VersionAttrib`` types ``shot_code``; when a later
pull drops it, ``schema diff`` and ``check`` say so and the studio's code
that used it fails ``mypy`` after ``generate``.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import ayon_gql
from ayon_gql.cli import main
from ayon_gql.testing import DEMO_PROJECT, StandInServer
from tests.codegen.conftest import PROJECT_ROOT, SNAPSHOT

PACKAGE = "studio_writes"
STUDIO_CODE = """\
from studio_writes.write_models import VersionAttrib, VersionCreate


def publish_body(product_id: str, shot: str) -> dict[str, object]:
    attrib = VersionAttrib(shot_code=shot, frame_start=1001)
    return VersionCreate(product_id=product_id, version=1, attrib=attrib).wire()
"""


def _studio_sdl() -> str:
    text = SNAPSHOT.read_text(encoding="utf-8")
    start = text.index("type VersionAttribType {")
    end = text.index("}", start)
    block = text[start:end].replace("  intent: String\n", "")
    head = "type VersionAttribType {\n"
    block = block.replace(head, head + "  shotCode: String\n")
    return text[:start] + block + text[end:]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StandInServer]:
    schema = tmp_path_factory.mktemp("studio-server") / "studio.graphql"
    schema.write_text(_studio_sdl(), encoding="utf-8")
    with StandInServer(schema=schema) as running:
        yield running


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, server: StandInServer) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("studio-project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AYON_API_KEY", server.api_key)
        assert main(["init", PACKAGE, "--project", str(root), "--url", server.url]) == 0
        patch.syspath_prepend(str(root))
        yield root
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]


def test_the_server_describes_its_attributes_to_authenticated_callers(
    server: StandInServer,
) -> None:
    assert httpx.get(f"{server.url}/openapi.json").status_code == 401
    answer = httpx.get(f"{server.url}/openapi.json", headers={"X-Api-Key": server.api_key})
    schemas = answer.json()["components"]["schemas"]
    attributes = schemas["VersionAttribModel"]["properties"]
    assert attributes["shotCode"] == {"type": "string"}
    assert "intent" not in attributes
    assert "shotCode" not in schemas["FolderAttribModel"]["properties"]


def test_init_types_the_custom_attribute(project: Path) -> None:
    snapshot = json.loads((project / "schema" / "openapi.json").read_text(encoding="utf-8"))
    assert "shotCode" in snapshot["components"]["schemas"]["VersionAttribModel"]["properties"]
    write_models = importlib.import_module(f"{PACKAGE}.write_models")
    attrib = write_models.VersionAttrib(shot_code="x")
    assert attrib.wire() == {"shotCode": "x"}
    field = write_models.VersionAttrib.model_fields["shot_code"]
    assert field.annotation == typing.Optional[str]  # noqa: UP045 - what pydantic reports
    assert "intent" not in write_models.VersionAttrib.model_fields
    create = write_models.VersionCreate(product_id="a" * 32, version=3, attrib=attrib)
    assert create.wire() == {"productId": "a" * 32, "version": 3, "attrib": {"shotCode": "x"}}


def test_the_custom_attribute_is_written_and_read_back(
    project: Path, server: StandInServer
) -> None:
    """Published through the studio package's session with its typed ``shot_code``,
    read back through GraphQL by the same package's client."""
    package = importlib.import_module(PACKAGE)
    write_models = importlib.import_module(f"{PACKAGE}.write_models")
    with package.AyonClient(server.url, api_key=server.api_key) as client:
        folders = client.execute(
            "query($p: String!) { project(name: $p) { folders(first: 1) "
            "{ edges { node { id } } } } }",
            {"p": DEMO_PROJECT},
        )
        folder_id = folders["project"]["folders"]["edges"][0]["node"]["id"]
        with client.operations(DEMO_PROJECT) as ops:
            product_id = ops.create(
                write_models.ProductCreate(
                    name="plateMain", product_type="plate", folder_id=folder_id
                )
            )
            version_id = ops.create(
                write_models.VersionCreate(
                    product_id=product_id,
                    version=1,
                    attrib=write_models.VersionAttrib(shot_code="SH970", frame_start=1001),
                )
            )
        sent = server.requests[-1].json["operations"][1]["data"]["attrib"]
        assert sent == {"shotCode": "SH970", "frameStart": 1001}
        answer = client.execute(
            "query($p: String!, $id: String!) { project(name: $p) { version(id: $id) "
            "{ productId attrib { shotCode frameStart } } } }",
            {"p": DEMO_PROJECT, "id": version_id},
        )
    version = answer["project"]["version"]
    assert version == {
        "productId": product_id,
        "attrib": {"shotCode": "SH970", "frameStart": 1001},
    }


def _mypy(project: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    config = cache.parent / "mypy.ini"
    config.write_text(
        f"[mypy]\nstrict = True\ncache_dir = {cache}\n"
        # ariadne-codegen's lazy-import __init__ has unannotated __getattr__/__dir__.
        f"[mypy-{PACKAGE}]\ndisallow_untyped_defs = False\n"
        "[mypy-ayon_gql_generated]\ndisallow_untyped_defs = False\n",
        encoding="utf-8",
    )
    # An editable install hides the runtime from mypy behind an import hook.
    runtime = Path(ayon_gql.__file__).resolve().parents[1]
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), "publish.py"],
        cwd=project,
        env={**os.environ, "MYPYPATH": f"{runtime}:{runtime / 'scripts' / 'mypy_path'}"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_dropping_the_attribute_is_reported_and_fails_mypy_after_generate(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "publish.py").write_text(STUDIO_CODE, encoding="utf-8")
    cache = tmp_path / "mypy-cache"
    before = _mypy(project, cache)
    assert before.returncode == 0, before.stdout + before.stderr

    # The server drops shotCode: a newer openapi snapshot without it.
    current = project / "schema" / "openapi.json"
    document = json.loads(current.read_text(encoding="utf-8"))
    del document["components"]["schemas"]["VersionAttribModel"]["properties"]["shotCode"]
    newer = tmp_path / "newer" / "openapi.json"
    newer.parent.mkdir()
    newer.write_text(json.dumps(document), encoding="utf-8")

    capsys.readouterr()
    assert main(["schema", "diff", str(current), str(newer)]) == 1
    report = capsys.readouterr().out
    assert "WRITE_FIELD_REMOVED" in report
    assert "VersionAttrib.shotCode (shot_code) was removed." in report
    check = ["check", "--project", str(project), "--openapi", str(newer), "--json"]
    assert main(check) == 1
    checked = json.loads(capsys.readouterr().out)
    assert [c["coordinate"] for c in checked["write_breaking"]] == ["VersionAttrib.shotCode"]

    current.write_text(newer.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["generate", "--project", str(project)]) == 0
    after = _mypy(project, cache)
    assert after.returncode == 1
    assert 'publish.py:5: error: Unexpected keyword argument "shot_code" for "VersionAttrib"' in (
        after.stdout
    )


def test_checking_against_a_server_compares_its_write_models(
    server: StandInServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Our own project (the stock attributes) against the studio's server, which has
    # shotCode and no intent: the operations selecting intent fail, and so would writes.
    monkeypatch.setenv("AYON_API_KEY", server.api_key)
    check = ["check", "--project", str(PROJECT_ROOT), "--schema", server.url, "--json"]
    assert main(check) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["write_models"] == f"schema/openapi.json -> {server.url}/openapi.json"
    assert [c["coordinate"] for c in report["write_breaking"]] == ["VersionAttrib.intent"]
    assert main(["schema", "diff", str(PROJECT_ROOT / "schema" / "ayon.graphql"), server.url]) == 1
    assert "VersionAttrib.intent was removed." in capsys.readouterr().out
