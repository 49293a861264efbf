"""The studio workflow, run from the built wheel in a fresh environment.

``scripts/wheel_smoke.sh`` builds the wheel, installs it with the ``tools``
extra into a fresh virtual environment in a temporary folder outside the
checkout, copies this file next to it and runs it there with that
environment's Python, so each step reports as a test.  Everything runs the
way a studio does: the installed ``ayon-gql`` command in an empty folder, a
stand-in serving a studio schema (the stock snapshot plus ``shotCode`` on
folders and versions) as a background process, and the files that the docs
page "A studio's client" (docs/your-own-operations.md) tells the studio to
write, taken from the page itself.

Environment: ``WHEEL_SMOKE_CHECKOUT`` (the checkout, for its docs page and to
prove nothing is imported from it).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import ayon_gql_generated
import httpx
import pytest

import ayon_gql

CHECKOUT = Path(os.environ["WHEEL_SMOKE_CHECKOUT"]).resolve()
BIN = Path(sys.executable).parent
PROJECT = "demo_Commercial"
OPERATION = "GetShotVersions"
STUDIO_FILES = {
    "queries/shots.graphql",
    "list_shots.py",
    "studio_ayon/shots.py",
    "tests/test_shots.py",
}


def _stock_snapshot() -> Path:
    return Path(str(resources.files("ayon_gql_generated") / "ayon.graphql"))


def _run(
    *argv: str, cwd: Path, env: dict[str, str] | None = None, status: int = 0
) -> subprocess.CompletedProcess[str]:
    """Run a command of the fresh environment; fail with its output on a surprise."""
    command = [str(BIN / argv[0]), *argv[1:]] if (BIN / argv[0]).exists() else list(argv)
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if done.returncode != status:
        pytest.fail(
            f"{' '.join(argv)}: exit {done.returncode}, expected {status}\n"
            f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
        )
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done


def _studio_files() -> dict[str, str]:
    """The files the docs page "A studio's client" has the studio write.

    Each is a code block titled with its path (```` ```python title="list_shots.py" ````).
    """
    page = (CHECKOUT / "docs" / "your-own-operations.md").read_text(encoding="utf-8")
    pattern = r'^```(?:python|graphql) title="([^"]+)"\n(.*?)^```'
    files = dict(re.findall(pattern, page, re.S | re.M))
    assert set(files) == STUDIO_FILES
    return files


def _studio_sdl(snapshot: str) -> str:
    """The stock snapshot with the studio's ``shotCode`` on folders and versions."""
    for type_name in ("FolderAttribType", "VersionAttribType"):
        head = f"type {type_name} {{\n"
        assert head in snapshot, type_name
        snapshot = snapshot.replace(head, head + "  shotCode: String\n", 1)
    return snapshot


@dataclass(frozen=True)
class StandIn:
    url: str
    api_key: str

    def env(self) -> dict[str, str]:
        """The environment a studio exports: the server and its API key."""
        clean = {k: v for k, v in os.environ.items() if not k.startswith("AYON_")}
        return {**clean, "AYON_SERVER_URL": self.url, "AYON_API_KEY": self.api_key}


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("work")


@pytest.fixture(scope="module")
def standin(work: Path) -> Iterator[StandIn]:
    """``ayon-gql serve --schema studio.graphql --port 0`` in the background."""
    folder = work / "server"
    folder.mkdir()
    schema = folder / "studio.graphql"
    schema.write_text(_studio_sdl(_stock_snapshot().read_text(encoding="utf-8")), "utf-8")
    process = subprocess.Popen(
        [str(BIN / "ayon-gql"), "serve", "--schema", str(schema), "--port", "0"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # A server that never says it is ready is stopped, which ends the loop below.
    watchdog = threading.Timer(120, process.kill)
    watchdog.start()
    try:
        assert process.stdout is not None
        seen: list[str] = []
        url = key = ""
        for line in process.stdout:
            seen.append(line)
            if line.startswith("AYON stand-in server listening on "):
                url = line.split()[-1]
            elif line.startswith("API key (X-Api-Key): "):
                key = line.split()[-1]
            if line.startswith("Login:"):
                break
        watchdog.cancel()
        assert url and key, "".join(seen)
        yield StandIn(url, key)
    finally:
        watchdog.cancel()
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def studio(work: Path, standin: StandIn) -> Path:
    """An empty folder after ``init`` from the stand-in, the docs page's files and ``generate``."""
    folder = work / "studio"
    folder.mkdir()
    init = _run("ayon-gql", "init", "studio_ayon", "--url", standin.url, cwd=folder,
                env=standin.env())  # fmt: skip
    assert "created    pyproject.toml: created" in init.stdout
    assert "generated  studio_ayon: package studio_ayon" in init.stdout
    for name, text in _studio_files().items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    generated = _run("ayon-gql", "generate", cwd=folder)
    assert "new:     get_shot_versions.py" in generated.stdout
    assert "left alone (not written by ayon-gql): shots.py" in generated.stderr
    return folder


def _latest_shot_codes(standin: StandIn) -> dict[str, str | None]:
    """What the stand-in holds, asked directly: every latest version's shotCode."""
    query = (
        "query($p: String!) { project(name: $p) { versions(latestOnly: true, first: 100000) "
        "{ edges { node { id allAttrib } } } } }"
    )
    answer = httpx.post(
        standin.url + "/graphql",
        json={"query": query, "variables": {"p": PROJECT}},
        headers={"X-Api-Key": standin.api_key},
        timeout=60,
    ).json()
    edges = answer["data"]["project"]["versions"]["edges"]
    return {e["node"]["id"]: json.loads(e["node"]["allAttrib"]).get("shotCode") for e in edges}


def test_the_installed_packages_are_used_not_the_checkout() -> None:
    for module in (ayon_gql, ayon_gql_generated):
        path = Path(str(module.__file__)).resolve()
        assert CHECKOUT not in path.parents, f"{module.__name__} imported from {path}"


def test_demo(work: Path) -> None:
    assert "demo_Commercial" in _run("ayon-gql", "demo", cwd=work).stdout


def test_a_validating_client_rejects_an_invalid_query_locally() -> None:
    from ayon_gql import AyonClient, QueryValidationError

    client = AyonClient("http://127.0.0.1:9", api_key="unused", validate=True)
    with client, pytest.raises(QueryValidationError, match="noSuchField"):
        client.execute("query { projects { edges { node { noSuchField } } } }")


def test_init_pulls_the_studio_schema_from_the_server(studio: Path, standin: StandIn) -> None:
    snapshot = (studio / "schema" / "ayon.graphql").read_text(encoding="utf-8")
    for type_name in ("FolderAttribType", "VersionAttribType"):
        body = snapshot.split(f"type {type_name} {{\n", 1)[1].split("}", 1)[0]
        assert "  shotCode: String\n" in body, type_name
    pyproject = (studio / "pyproject.toml").read_text(encoding="utf-8")
    assert f'url = "{standin.url}"' in pyproject
    assert standin.api_key not in pyproject  # the key stays in the environment


def test_iterating_the_operation_gives_the_servers_shot_codes_typed(
    studio: Path, standin: StandIn
) -> None:
    script = f"""
import json, typing
from studio_ayon import AyonClient
from studio_ayon.get_shot_versions import GetShotVersionsProjectVersionsEdgesNodeAttrib as Attrib
assert Attrib.model_fields["shot_code"].annotation == typing.Optional[str]
with AyonClient.from_env() as client:
    versions = list(client.iter_shot_versions({PROJECT!r}, page_size=7))
    assert all(isinstance(v.attrib, Attrib) for v in versions)
    print(json.dumps({{v.id: v.attrib.shot_code for v in versions}}))
"""
    done = _run("python", "-c", script, cwd=studio, env=standin.env())
    codes = json.loads(done.stdout)
    expected = _latest_shot_codes(standin)
    assert len(expected) > 7  # several pages
    assert codes == expected
    assert any(code is None for code in codes.values())
    assert sum(code is not None for code in codes.values()) > len(codes) // 2

    listed = _run("python", "list_shots.py", PROJECT, cwd=studio, env=standin.env())
    rows = [line.split() for line in listed.stdout.splitlines()]
    assert {row[0]: (row[2] if row[2] != "None" else None) for row in rows} == expected


def test_init_types_the_studio_attribute_in_the_write_models(studio: Path) -> None:
    assert (studio / "schema" / "openapi.json").is_file()  # pulled from /openapi.json
    script = """
import typing
from studio_ayon import write_models
from studio_ayon.write_models import VersionAttrib, VersionCreate
assert VersionAttrib.model_fields["shot_code"].annotation == typing.Optional[str]
body = VersionCreate(product_id="a" * 32, version=1, attrib=VersionAttrib(shot_code="x")).wire()
assert body == {"productId": "a" * 32, "version": 1, "attrib": {"shotCode": "x"}}, body
assert write_models.VersionCreate.entity_type == "version"
"""
    _run("python", "-c", script, cwd=studio)


def test_init_types_the_addons_settings_read_and_written(studio: Path, standin: StandIn) -> None:
    names = sorted(p.name for p in (studio / "schema" / "addons").glob("*settings.json"))
    assert "studio_tools-1.0.0.settings.json" in names, names
    script = """
from studio_ayon import AyonClient
from studio_ayon.settings.studio_tools import StudioToolsSettings
from ayon_gql.settings import SettingsValidationError
with AyonClient.from_env() as client:
    tools = client.settings.studio_tools
    studio = tools.studio()
    assert isinstance(studio, StudioToolsSettings)
    assert studio.model_dump(by_alias=True) == client.rest.settings.studio("studio_tools", "1.0.0")
    try:
        tools.update_studio({"max_threads": 0})
    except SettingsValidationError as error:
        assert error.errors[0][0] == "max_threads", error.errors
    else:
        raise AssertionError("an invalid override was sent")
    tools.update_studio(StudioToolsSettings(max_threads=12))
    assert tools.studio().max_threads == 12
    tools.reset_studio()
    assert tools.studio().max_threads == 8
"""
    _run("python", "-c", script, cwd=studio, env=standin.env())


def test_a_hand_written_module_in_the_package_survives_generate(studio: Path) -> None:
    helper = studio / "studio_ayon" / "shots.py"
    text = _studio_files()["studio_ayon/shots.py"]
    assert helper.read_text(encoding="utf-8") == text
    (studio / "queries" / "me.graphql").write_text(
        "query GetMe {\n  me {\n    name\n  }\n}\n", encoding="utf-8"
    )
    generated = _run("ayon-gql", "generate", cwd=studio)
    assert "new:     get_me.py" in generated.stdout
    assert "left alone (not written by ayon-gql): shots.py" in generated.stderr
    assert helper.read_text(encoding="utf-8") == text
    manifest = (studio / "studio_ayon" / "_ayon_gql_files.txt").read_text(encoding="utf-8")
    assert "shots.py" not in manifest.split()
    _run("ayon-gql", "generate", "--check", cwd=studio)
    _run("python", "-c", "import studio_ayon.shots", cwd=studio)
    (studio / "queries" / "me.graphql").unlink()
    removed = _run("ayon-gql", "generate", cwd=studio)
    assert "removed: get_me.py" in removed.stdout
    assert helper.read_text(encoding="utf-8") == text


def test_check_against_a_schema_without_shot_code_names_the_operation(
    studio: Path, work: Path
) -> None:
    _run("ayon-gql", "check", cwd=studio)
    checked = _run("ayon-gql", "check", "--schema", str(_stock_snapshot()), cwd=studio, status=1)
    assert f"FAIL: 1 operation(s) affected: {OPERATION}" in checked.stdout
    located = rf"queries/shots\.graphql:\d+:\d+: {OPERATION}: Cannot query field 'shotCode'"
    assert re.search(located + " on type 'VersionAttribType'", checked.stdout), checked.stdout
    assert "get_shot_versions, iter_shot_versions" in checked.stdout


def test_pytest_with_the_fixture_serves_the_studio_schema(studio: Path) -> None:
    # The docs page's test sets shotCode on a version: only a stand-in serving
    # the project's schema (with shotCode) accepts that.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AYON_", "PYTEST_"))}
    # Plain `pytest`, as the docs page says: the plugin puts the package's folder on sys.path.
    done = _run("pytest", "-q", "-p", "no:cacheprovider", cwd=studio, env=env)
    assert "1 passed" in done.stdout


def test_init_stock_generates_the_stock_operations(work: Path) -> None:
    folder = work / "stock"
    folder.mkdir()
    _run("ayon-gql", "init", "stock_ayon", "--schema", str(_stock_snapshot()), "--stock",
         cwd=folder)  # fmt: skip
    script = """
import ayon_gql_generated.client as stock, stock_ayon.client as ours
names = lambda module: sorted(n for n in vars(module.Operations) if not n.startswith("_"))
assert names(ours) == names(stock), set(names(ours)) ^ set(names(stock))
assert "iter_versions" in names(ours)
"""
    _run("python", "-c", script, cwd=folder)


_PUBLISH = """
import json, sys
from studio_ayon import AyonClient
from studio_ayon.write_models import ProductCreate, VersionAttrib, VersionCreate

with AyonClient.from_env() as client:
    with client.operations(sys.argv[1]) as ops:
        product_id = ops.create(
            ProductCreate(folder_id=sys.argv[2], name="smokeMain", product_type="render")
        )
        version_id = ops.create(
            VersionCreate(
                product_id=product_id,
                version=1,
                attrib=VersionAttrib(frame_start=1001, shot_code="SMOKE01"),
            )
        )
        wire = [op.wire() for op in ops.pending]
    print(json.dumps({"version_id": version_id, "sent": wire, "success": ops.result.success}))
"""


def test_a_publish_from_the_studio_package_writes_one_version(
    studio: Path, standin: StandIn
) -> None:
    folders = httpx.post(
        standin.url + "/graphql",
        json={"query": f'{{ project(name: "{PROJECT}") {{ folders(first: 1) '
                       "{ edges { node { id } } } } }"},
        headers={"X-Api-Key": standin.api_key},
        timeout=60,
    ).json()["data"]["project"]["folders"]["edges"]  # fmt: skip
    (studio / "publish.py").write_text(_PUBLISH, encoding="utf-8")
    done = _run("python", "publish.py", PROJECT, folders[0]["node"]["id"], cwd=studio,
                env=standin.env())  # fmt: skip
    published = json.loads(done.stdout)
    print(json.dumps(published["sent"], indent=2))  # the wire body of the publish
    assert published["success"]
    assert published["sent"][1]["data"]["attrib"] == {"frameStart": 1001, "shotCode": "SMOKE01"}
    assert _latest_shot_codes(standin)[published["version_id"]] == "SMOKE01"
