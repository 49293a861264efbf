"""``ayon-gql installers|dependency-packages|bundles|settings`` against the stand-in."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from ayon_gql.cli import main
from ayon_gql.cli._rest import _ProgressBar
from ayon_gql.testing import StandInServer


@pytest.fixture
def env(ayon_server: StandInServer, monkeypatch: pytest.MonkeyPatch) -> StandInServer:
    monkeypatch.setenv("AYON_SERVER_URL", ayon_server.url)
    monkeypatch.setenv("AYON_API_KEY", ayon_server.api_key)
    return ayon_server


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_installers_list_table_and_json(
    env: StandInServer, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, "installers", "list")
    assert status == 0
    assert out.splitlines()[0].split() == [
        "FILENAME",
        "PLATFORM",
        "VERSION",
        "SIZE",
        "CHECKSUM",
        "PYTHON",
    ]
    assert "AYON-1.2.3-linux-setup.sh" in out
    status, out, _ = _run(capsys, "installers", "list", "--platform", "darwin", "--json")
    assert status == 0
    assert [item["platform"] for item in json.loads(out)] == ["darwin"]


def test_upload_and_download_with_progress(
    env: StandInServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "AYON-4.0.0-windows.exe"
    source.write_bytes(os.urandom(300_000))
    status, out, err = _run(
        capsys,
        "installers",
        "upload",
        str(source),
        "--platform",
        "windows",
        "--version",
        "4.0.0",
        "--checksum-algorithm",
        "sha1",
    )
    assert status == 0 and "uploaded AYON-4.0.0-windows.exe" in out and "sha1:" in out
    assert "100.0%" in err
    target = tmp_path / "copy.exe"
    status, out, err = _run(capsys, "installers", "download", source.name, str(target))
    assert status == 0 and out.strip() == str(target)
    assert target.read_bytes() == source.read_bytes()
    assert "download" in err and "100.0%" in err
    status, _, err = _run(
        capsys, "installers", "download", source.name, str(tmp_path / "q"), "--quiet"
    )
    assert status == 0 and err == ""


def test_dependency_packages(
    env: StandInServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "studio-linux-deps.zip"
    source.write_bytes(b"zip" * 1000)
    upload = ["dependency-packages", "upload", str(source), "--platform", "linux"]
    upload += ["--installer-version", "1.2.3", "--source-addon"]
    status, _, _ = _run(capsys, *upload, "demo_pipeline=1.0.0", "--quiet")
    assert status == 0
    status, out, _ = _run(capsys, "dependency-packages", "list", "--platform", "linux", "--json")
    assert status == 0
    uploaded = [p for p in json.loads(out) if p["filename"] == source.name]
    assert uploaded and uploaded[0]["sourceAddons"] == {"demo_pipeline": "1.0.0"}
    status, _, err = _run(capsys, *upload, "broken")
    assert status == 1 and "NAME=VERSION" in err


def test_bundles(env: StandInServer, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = _run(capsys, "bundles", "list", "--json")
    listing = json.loads(out)
    staging = listing["stagingBundle"]
    status, out, _ = _run(capsys, "bundles", "show", staging)
    assert status == 0 and "staging" in out and "demo_pipeline" in out
    status, out, _ = _run(capsys, "bundles", "check", staging)
    assert status == 0 and "no issues" in out
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"name": "broken", "addons": {"demo_pipeline": "0.0.1"}}))
    status, out, _ = _run(capsys, "bundles", "check", str(broken))
    assert status == 1 and "error" in out
    status, out, _ = _run(capsys, "bundles", "promote", staging)
    assert status == 0
    status, out, _ = _run(capsys, "bundles", "list", "--json")
    assert json.loads(out)["productionBundle"] == staging


def test_settings(env: StandInServer, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "settings", "demo_pipeline")
    assert status == 0 and "publish.burnin" in out
    status, out, _ = _run(
        capsys,
        "settings",
        "demo_pipeline",
        "--version",
        "1.0.0",
        "--project",
        "demo_Commercial",
        "--json",
    )
    assert status == 0 and "default_fps" in json.loads(out)
    status, out, _ = _run(
        capsys, "settings", "demo_pipeline", "--version", "1.0.0", "--site", "ws1", "--json"
    )
    assert status == 0 and json.loads(out)
    status, _, err = _run(capsys, "settings", "no_such_addon")
    assert status == 1 and "not in bundle" in err
    env.clear_requests()
    status, _, err = _run(capsys, "settings", "demo_pipeline", "--variant", "bad variant")
    assert status == 1 and "variant" in err
    assert env.requests == []


def test_progress_bar_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    bar = _ProgressBar("download x", stream)
    bar(0, 2_000_000)
    bar(2_000_000, 2_000_000)
    bar.close()
    lines = stream.getvalue().split("\r")
    assert lines[-1].startswith("download x  100.0%  2.0/2.0 MB") and lines[-1].endswith("\n")
