"""Run ariadne-codegen with the project's configuration, or check its output.

Generation always writes into a fresh temporary folder first and then
replaces the target package, so files of removed operations do not linger;
``check`` compares that fresh output with the committed package instead.
"""

from __future__ import annotations

import contextlib
import filecmp
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_SECTION = "ariadne-codegen"


@dataclass
class GenerationResult:
    """What a generation run produced, or how it differs from the committed code."""

    target: Path
    files: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def up_to_date(self) -> bool:
        """True when the committed package equals fresh output."""
        return not (self.changed or self.added or self.removed)


@contextlib.contextmanager
def _working_directory(path: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def find_project_root(start: Path | None = None) -> Path:
    """The nearest folder upwards with a pyproject.toml that configures codegen."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and f"[tool.{CONFIG_SECTION}]" in pyproject.read_text(
            encoding="utf-8"
        ):
            return folder
    raise FileNotFoundError(
        f"no pyproject.toml with a [tool.{CONFIG_SECTION}] section in {here} or above"
    )


def load_config(project_root: Path, *, schema_path: Path | None = None) -> dict[str, Any]:
    """The project's codegen configuration, optionally with another schema."""
    from ariadne_codegen.config import get_config_dict

    config: dict[str, Any] = get_config_dict(str(project_root / "pyproject.toml"))
    if schema_path is not None:
        config["tool"][CONFIG_SECTION]["schema_path"] = str(Path(schema_path).resolve())
        # The packaged snapshot follows the schema the client is generated from.
        includes = config["tool"][CONFIG_SECTION].get("files_to_include", [])
        config["tool"][CONFIG_SECTION]["files_to_include"] = [
            item for item in includes if not item.endswith(".graphql")
        ] + [str(Path(schema_path).resolve())]
    return config


def _run_codegen(project_root: Path, config: dict[str, Any], output_parent: Path) -> Path:
    from ariadne_codegen.main import client

    section = config["tool"][CONFIG_SECTION]
    section["target_package_path"] = str(output_parent)
    with _working_directory(project_root), contextlib.redirect_stdout(io.StringIO()):
        client(config)  # type: ignore[no-untyped-call]
    return output_parent / str(section.get("target_package_name", "graphql_client"))


def _relative_files(root: Path) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def _compare(fresh: Path, target: Path) -> GenerationResult:
    fresh_files = _relative_files(fresh)
    target_files = _relative_files(target) if target.is_dir() else set()
    changed = sorted(
        name
        for name in fresh_files & target_files
        if not filecmp.cmp(fresh / name, target / name, shallow=False)
    )
    return GenerationResult(
        target=target,
        files=sorted(fresh_files),
        changed=changed,
        added=sorted(fresh_files - target_files),
        removed=sorted(target_files - fresh_files),
    )


def generate(
    project_root: Path | None = None,
    *,
    check: bool = False,
    schema_path: Path | None = None,
    target: Path | None = None,
) -> GenerationResult:
    """Generate the client package; with ``check`` only report differences.

    ``schema_path`` generates against another schema (e.g. a newer server's),
    ``target`` writes somewhere other than the configured package folder.
    """
    root = find_project_root(project_root)
    config = load_config(root, schema_path=schema_path)
    section = config["tool"][CONFIG_SECTION]
    configured = (root / section.get("target_package_path", ".")) / section.get(
        "target_package_name", "graphql_client"
    )
    destination = (target or configured).resolve()
    with tempfile.TemporaryDirectory(prefix="ayon-gql-generate-") as scratch:
        fresh = _run_codegen(root, config, Path(scratch))
        result = _compare(fresh, destination)
        if not check and not result.up_to_date:
            if destination.exists():
                shutil.rmtree(destination)
            shutil.copytree(fresh, destination, ignore=shutil.ignore_patterns("__pycache__"))
    return result
