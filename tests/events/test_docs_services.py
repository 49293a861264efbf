"""docs/services.md runs: its ``python`` blocks, in page order and in one
namespace, against the stand-in (URL and key in the environment, as the docs
runner provides them), in a fresh folder.  The example service is among them:
two workers sharing no job, a killed worker's job resumed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ayon_gql.testing import StandInServer

PAGE = Path(__file__).resolve().parents[2] / "docs" / "services.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def test_services_page_runs(
    server: StandInServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocks = _BLOCK.findall(PAGE.read_text(encoding="utf-8"))
    assert len(blocks) >= 7
    monkeypatch.setenv("AYON_SERVER_URL", server.url)
    monkeypatch.setenv("AYON_API_KEY", server.api_key)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "docs_services"}
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"{PAGE.name}:block{number}", "exec"), namespace)
    out = capsys.readouterr().out
    assert "already stored: ftrack-a1b2" in out
    assert "after the kill: pending" in out and "after the restart: finished" in out
    taken = namespace["taken"]
    assert isinstance(taken, dict) and sum(map(len, taken.values())) == 6
