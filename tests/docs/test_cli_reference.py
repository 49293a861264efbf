"""The command-line reference is generated from the parsers: every command is in it."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from types import ModuleType

from ayon_gql.cli._main import build_parser

ROOT = Path(__file__).resolve().parents[2]


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mkdocs_hooks", ROOT / "scripts/mkdocs_hooks.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _command_paths(parser: argparse.ArgumentParser, path: str = "ayon-gql") -> set[str]:
    paths = {path}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                if path != "ayon-gql rest":
                    paths |= _command_paths(child, f"{path} {name}")
    return paths


def test_every_command_has_a_section_with_its_help() -> None:
    hooks = _hooks()
    reference = hooks.render_cli_reference()
    for path in _command_paths(build_parser()):
        assert f"`{path}`\n\n```text\nusage: {path}" in reference, path
    assert "--page-size" in reference and "installers upload" in reference


def test_the_hook_replaces_only_the_marker() -> None:
    hooks = _hooks()
    page = (ROOT / "docs/reference/cli.md").read_text(encoding="utf-8")
    assert hooks.MARKER in page
    built = hooks.on_page_markdown(page)
    assert hooks.MARKER not in built and "## `ayon-gql query`" in built
    assert hooks.on_page_markdown("# Other page\n") == "# Other page\n"
