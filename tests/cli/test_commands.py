"""The command line as a user meets it: help, the demo, the foreground server."""

from __future__ import annotations

import re
import subprocess
import sys

import httpx
import pytest

from ayon_gql.cli import main
from ayon_gql.cli._main import build_parser

COMMANDS = {
    "schema", "check", "generate", "query", "serve", "demo",
    "installers", "dependency-packages", "bundles", "settings", "info", "rest",
}  # fmt: skip


def test_every_command_is_registered() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert set(subparsers.choices) >= COMMANDS  # type: ignore[attr-defined]


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


def test_demo_tours_the_embedded_server(capfd: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out, err = capfd.readouterr()
    assert "Traceback" not in err and "Error" not in err, err  # nothing after "done"
    assert "Project demo_Commercial" in out
    assert "Folder tree" in out and "sq010_sh0010" in out
    assert "Latest versions with representations" in out
    assert re.search(r"Recent comments\n  20\d\d-\d\d-\d\d \d\d:\d\d  \w+ on version", out)


def test_serve_runs_in_the_foreground_until_stopped() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "ayon_gql", "serve", "--port", "0", "--versions", "50"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url_line = process.stdout.readline()
        key_line = process.stdout.readline()
        url = re.search(r"listening on (\S+)", url_line)
        key = re.search(r"X-Api-Key\): (\S+)", key_line)
        assert url and key, (url_line, key_line)
        info = httpx.get(f"{url.group(1)}/api/users/me", headers={"X-Api-Key": key.group(1)})
        assert info.status_code == 200 and info.json()["name"] == "service"
    finally:
        process.terminate()
        process.wait(timeout=10)
