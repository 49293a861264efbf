"""Every example in the README and in ``docs/`` runs against the stand-in.

The convention is in ``docs/contributing.md`` and ``tests/docs/_examples.py``.
One test per page; a failure names the page and line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.docs import _examples
from tests.docs.conftest import StandIns

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(
    [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")],
    key=lambda path: str(path.relative_to(ROOT)),
)


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_pages_have_examples_that_run() -> None:
    """The runner finds the pages, and they hold examples that run (not only shown ones)."""
    assert _name(PAGES[0]) == "README.md" and len(PAGES) > 5
    running = [b for page in PAGES for b in _examples.blocks(page.read_text()) if b.runs]
    assert len(running) > 50


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_page_examples_run(
    page: Path,
    docs_standins: StandIns,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = page.read_text(encoding="utf-8")
    options = _examples.front_matter(text).get("docs_test") or {}
    server = docs_standins.get(options.get("extend_schema", ""))
    for name in [n for n in os.environ if n.startswith("AYON_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("AYON_SERVER_URL", server.url)
    monkeypatch.setenv("AYON_API_KEY", server.api_key)
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    name = _name(page)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    try:
        for block in _examples.blocks(text):
            if block.title is not None:
                _examples.write_file(tmp_path, block)
            elif block.language == "python":
                _examples.run_python(name, block, namespace)
            elif block.language == "console":
                for command in _examples.commands(block):
                    _examples.run_command(name, command, tmp_path)
    finally:
        for module in set(sys.modules) - before:  # packages the page generated
            if str(tmp_path) in str(getattr(sys.modules[module], "__file__", "") or ""):
                del sys.modules[module]
