"""The generated REST methods of the stock package against the stand-in."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ayon_gql_generated import AsyncAyonClient, AyonClient
from ayon_gql_generated.api import _models

from ayon_gql import InvalidInputError, NotFoundError
from ayon_gql.testing import StandInServer

ROOT = Path(__file__).resolve().parents[2]


def _operation_ids(path: Path) -> set[str]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return {
        op["operationId"]
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
    }


def _methods(namespace: object) -> set[str]:
    found: set[str] = set()
    for name in dir(type(namespace)):
        if isinstance(getattr(type(namespace), name), property):
            group = getattr(namespace, name)
            found |= {m for m in dir(type(group)) if not m.startswith("_")}
    return found


def test_every_operation_of_the_snapshots_has_a_sync_and_an_async_method() -> None:
    server = _operation_ids(ROOT / "schema" / "openapi.json")
    addon = _operation_ids(ROOT / "schema" / "addons" / "studio_tools-1.0.0.openapi.json")
    assert len(server) == 310
    assert len(addon) == 6
    with AyonClient("http://127.0.0.1:9", api_key="k") as client:
        assert _methods(client.api) == server
        assert _methods(client.addons) == addon
    async_client = AsyncAyonClient("http://127.0.0.1:9", api_key="k")
    assert _methods(async_client.api) == server
    assert _methods(async_client.addons) == addon
    assert asyncio.iscoroutinefunction(type(async_client.api.projects).get_project)


def test_answers_are_models_and_bodies_go_by_the_servers_spelling(
    ayon_server: StandInServer,
) -> None:
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        bundles = client.api.bundles.list_bundles()
        assert isinstance(bundles, _models.ListBundleModel)
        assert bundles.production_bundle == "demo_bundle_2026_01"
        ayon_server.clear_requests()
        created = client.api.bundles.create_new_bundle(
            {"name": "typed_b", "addons": {"demo_pipeline": "1.0.0"}, "installer_version": "1.2.3"}
        )
        sent = ayon_server.requests[-1].json
        assert sent == {
            "name": "typed_b",
            "addons": {"demo_pipeline": "1.0.0"},
            "installerVersion": "1.2.3",
        }
        assert created is None or isinstance(created, dict)
        names = [b.name for b in client.api.bundles.list_bundles().bundles]
        assert "typed_b" in names
        assert client.api.bundles.delete_existing_bundle("typed_b") is None


def test_bad_arguments_fail_before_anything_is_sent(ayon_server: StandInServer) -> None:
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        ayon_server.clear_requests()
        folders = client.api.folders
        cases = [
            (lambda: client.api.projects.get_project("bad name"), "invalid project name"),
            (lambda: folders.get_folder("demo_Commercial", "nothex"), "does not match"),
            (lambda: client.api.desktop.list_installers(platform="beos"), "expected one of"),  # type: ignore[arg-type]
            (lambda: client.api.projects.list_projects(page=True), "expected an integer"),  # type: ignore[call-arg]
            (
                lambda: client.api.bundles.create_new_bundle({"nmae": "x", "install_ver": "1"}),
                "unknown field(s) install_ver",
            ),
            (lambda: client.api.bundles.create_new_bundle({}), "name: Field required"),
        ]
        for call, message in cases:
            with pytest.raises(InvalidInputError, match=re.escape(message)) as caught:
                call()
            assert "\n" not in str(caught.value)
        assert ayon_server.requests == []


def test_server_errors_keep_the_servers_detail(ayon_server: StandInServer) -> None:
    with (
        AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client,
        pytest.raises(NotFoundError, match="Project nope_project not found"),
    ):
        client.api.projects.get_project("nope_project")


def test_binary_answers_stream_to_a_path_or_a_stream_with_progress(
    ayon_server: StandInServer, tmp_path: Path
) -> None:
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        listed = client.api.desktop.list_installers().installers[0]
        seen: list[tuple[int, int | None]] = []
        target = client.api.desktop.download_installer_file(
            listed.filename,
            to=tmp_path / listed.filename,
            progress=lambda done, total: seen.append((done, total)),
        )
        data = Path(target).read_bytes()
        assert hashlib.md5(data).hexdigest() == listed.checksum
        assert seen[-1] == (len(data), len(data))
        buffer = io.BytesIO()
        assert client.api.desktop.download_installer_file(listed.filename, to=buffer) is None
        assert buffer.getvalue() == data


def test_async_methods_run_the_same_descriptions(ayon_server: StandInServer) -> None:
    async def run() -> tuple[str | None, type[Exception]]:
        async with AsyncAyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
            bundles = await client.api.bundles.list_bundles()
            installer = (await client.api.desktop.list_installers()).installers[0]
            buffer = io.BytesIO()
            seen: list[int] = []
            await client.api.desktop.download_installer_file(
                installer.filename, to=buffer, progress=lambda done, total: seen.append(done)
            )
            assert hashlib.md5(buffer.getvalue()).hexdigest() == installer.checksum
            assert seen[0] == 0 and seen[-1] == len(buffer.getvalue())
            try:
                await client.api.projects.get_project("nope_project")
            except NotFoundError as exc:
                return bundles.production_bundle, type(exc)
        raise AssertionError("no error")

    assert asyncio.run(run()) == ("demo_bundle_2026_01", NotFoundError)


def test_importing_the_package_and_making_a_client_loads_no_rest_models() -> None:
    code = (
        "import sys\n"
        "from ayon_gql_generated import AyonClient\n"
        "client = AyonClient('http://127.0.0.1:9', api_key='k')\n"
        "api = client.api\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('ayon_gql_generated.a'))\n"
        "loaded = [m for m in loaded if m.startswith(('ayon_gql_generated.api', "
        "'ayon_gql_generated.addons'))]\n"
        "print(','.join(loaded))\n"
        "client.api.bundles\n"
        "print('ayon_gql_generated.api._models' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    # Only the two namespaces: no group module, no models until a group is used.
    assert out[0] == "ayon_gql_generated.addons,ayon_gql_generated.api"
    assert out[1] == "True"
