"""Generate a project's client package, or check it against fresh output.

Generation runs ariadne-codegen into a temporary folder with the config built
from ``[tool.ayon-gql]`` (see :mod:`ayon_gql.codegen._config`), then brings
the target package in line with that output.  The package's manifest
(:data:`MANIFEST_NAME`, itself generated) lists every file ayon-gql wrote;
only those are ever replaced or removed.  Files it did not write are left
alone and reported, and a generated file that would replace one of them
stops the run before anything is written.
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
from pathlib import Path, PurePosixPath

from ayon_gql._errors import GenerationError, ProjectConfigError
from ayon_gql._project import SECTION, ProjectConfig, find_project, load_project
from ayon_gql.codegen._config import (
    CODEGEN_SECTION,
    SNAPSHOT_NAME,
    build_codegen_config,
    validate_codegen_config,
)
from ayon_gql.codegen._typing_files import write_typing_document

#: The file in every generated package listing what ayon-gql wrote there.
MANIFEST_NAME = "_ayon_gql_files.txt"
_MANIFEST_HEADER = (
    "# Files written by `ayon-gql generate`, which replaces or removes only these.\n"
    "# Other files in this folder are yours: generate leaves them alone.\n"
)


@dataclass
class GenerationResult:
    """What a generation run produced, or how the package differs from fresh output."""

    #: The package folder.
    target: Path
    #: Every file of the fresh output, manifest included.
    files: list[str] = field(default_factory=list)
    #: Generated files whose content differs from fresh output.
    changed: list[str] = field(default_factory=list)
    #: Fresh files the package does not have yet.
    added: list[str] = field(default_factory=list)
    #: Files ayon-gql wrote earlier that fresh output no longer has.
    removed: list[str] = field(default_factory=list)
    #: Files in the package that ayon-gql did not write (left alone).
    foreign: list[str] = field(default_factory=list)
    #: One-line remarks on the run (e.g. no write models without an openapi snapshot).
    notes: list[str] = field(default_factory=list)

    @property
    def up_to_date(self) -> bool:
        """True when the package equals fresh output (foreign files aside)."""
        return not (self.changed or self.added or self.removed)


@contextlib.contextmanager
def _working_directory(path: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def _found_project(start: Path | None) -> ProjectConfig:
    project = find_project(start)
    if project is None:
        here = (start or Path.cwd()).resolve()
        raise ProjectConfigError(
            f"no pyproject.toml with a [tool.{SECTION}] section in {here} or above"
            " (run `ayon-gql init PACKAGE` to create one)"
        )
    return project


def find_project_root(start: Path | None = None) -> Path:
    """The nearest folder upwards whose pyproject.toml has ``[tool.ayon-gql]``."""
    return _found_project(start).root


def _project(project_root: Path | None) -> ProjectConfig:
    """The given project folder's configuration, or the nearest one upwards."""
    return _found_project(None) if project_root is None else load_project(project_root)


def _stage_write_models(openapi: Path, staging: Path) -> list[Path]:
    """``write_models.py`` and the snapshot it was made from, staged to be copied."""
    from ayon_gql.codegen._package import WRITE_MODELS_MODULE
    from ayon_gql.codegen._write_model_code import write_models_code
    from ayon_gql.schema._openapi import OPENAPI_NAME, load_openapi_snapshot

    snapshot = load_openapi_snapshot(openapi)
    module = staging / f"{WRITE_MODELS_MODULE}.py"
    module.write_text(write_models_code(snapshot), encoding="utf-8")
    copy = staging / OPENAPI_NAME
    shutil.copyfile(openapi, copy)
    return [module, copy]


def _write_rest(project: ProjectConfig, package: Path, openapi: Path | None) -> list[str]:
    """The package's ``api/`` and ``addons/``; returns notes on what was left out."""
    from ayon_gql.codegen._rest_package import addon_documents, write_rest_package
    from ayon_gql.schema._openapi import read_json_document

    server = read_json_document(openapi) if openapi is not None else None
    addons, notes = addon_documents(project.addons_folder, project.addons)
    write_rest_package(package, server, addons)
    return notes


def _run_codegen(
    project: ProjectConfig, schema: Path, scratch: Path, openapi: Path | None, notes: list[str]
) -> Path:
    """ariadne-codegen's output for ``project`` in ``scratch``; returns the package folder.

    With an ``openapi`` snapshot the package also gets ``write_models``.
    """
    from ariadne_codegen.exceptions import CodeGenException
    from ariadne_codegen.main import client
    from graphql import GraphQLError

    from ayon_gql.codegen._operations import load_schema_file, operation_files, validate_operations

    graphql_schema = load_schema_file(schema, project.root)
    snapshot = scratch / "snapshot" / SNAPSHOT_NAME
    snapshot.parent.mkdir()
    shutil.copyfile(schema, snapshot)
    output = scratch / "output"
    output.mkdir()
    extra = _stage_write_models(openapi, snapshot.parent) if openapi is not None else []
    config = build_codegen_config(
        project, snapshot=snapshot, target_package_path=output, schema=schema, package_files=extra
    )
    skipped = config["tool"][CODEGEN_SECTION].get("skip_validation_rules", ["NoUnusedFragments"])
    validate_operations(
        graphql_schema, operation_files(project.queries), project.root, skip_rules=skipped
    )
    validate_codegen_config(config, project)
    write_typing_document(config, graphql_schema, operation_files(project.queries), scratch)
    try:
        with _working_directory(project.root), contextlib.redirect_stdout(io.StringIO()):
            client(config)  # type: ignore[no-untyped-call]
    except (CodeGenException, GraphQLError) as exc:
        raise GenerationError(f"ariadne-codegen: {exc}") from None
    package = output / project.package
    _write_settings(project, package)
    notes.extend(_write_rest(project, package, openapi))
    (package / MANIFEST_NAME).write_text(
        _MANIFEST_HEADER + "".join(f"{name}\n" for name in sorted(_relative_files(package))),
        encoding="utf-8",
    )
    return package


def _write_settings(project: ProjectConfig, package: Path) -> None:
    """The package's ``settings`` folder, from the project's settings snapshots: the
    versions ``[tool.ayon-gql] addons`` names, else every snapshot (one version each)."""
    from ayon_gql.codegen._settings_code import write_settings_package
    from ayon_gql.schema._addons import configured_addons
    from ayon_gql.schema._settings_snapshot import find_settings_snapshots

    snapshots = find_settings_snapshots(project.addons_folder)
    configured = configured_addons(project)
    if configured is not None:
        snapshots = [s for s in snapshots if s.addon in configured]
    versions: dict[str, set[str]] = {}
    for snapshot in snapshots:
        versions.setdefault(snapshot.addon.name, set()).add(snapshot.addon.version)
    several = {name: sorted(found) for name, found in versions.items() if len(found) > 1}
    if several:
        name, found = sorted(several.items())[0]
        raise GenerationError(
            f"{_shown(project.addons_folder, project.root)} holds settings snapshots of "
            f"{name} {' and '.join(found)}: remove the version you no longer run, or name one "
            f"in [tool.{SECTION}] addons"
        )
    write_settings_package(snapshots, package)


def _relative_files(root: Path) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def read_manifest(package: Path) -> set[str] | None:
    """The files a package's manifest lists (itself included); None without one."""
    manifest = package / MANIFEST_NAME
    if not manifest.is_file():
        return None
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GenerationError(f"cannot read {manifest}: {exc}") from None
    owned = {MANIFEST_NAME}
    for line in lines:
        name = line.strip()
        if not name or name.startswith("#"):
            continue
        pure = PurePosixPath(name)
        if pure.is_absolute() or ".." in pure.parts:
            raise GenerationError(f"{manifest}: {name!r} is not a file inside the package")
        owned.add(pure.as_posix())
    return owned


def _compare(fresh: Path, target: Path) -> tuple[GenerationResult, list[str]]:
    """The differences, and the generated files that would replace foreign ones."""
    fresh_files = _relative_files(fresh)
    present = _relative_files(target) if target.is_dir() else set()
    manifest = read_manifest(target) if target.is_dir() else None
    owned = (manifest or set()) & present

    def same(name: str) -> bool:
        return filecmp.cmp(fresh / name, target / name, shallow=False)

    common = fresh_files & present
    changed = sorted(name for name in common if not same(name))
    # A file we would write with the same content is ours already (e.g. a
    # package generated before manifests existed); any other is the user's.
    collisions = sorted(name for name in changed if name not in owned)
    result = GenerationResult(
        target=target,
        files=sorted(fresh_files),
        changed=changed,
        added=sorted(fresh_files - present),
        removed=sorted(owned - fresh_files),
        foreign=sorted(present - owned - fresh_files),
    )
    return result, collisions


def _apply(fresh: Path, result: GenerationResult) -> None:
    """Write new and changed files, then remove own stale ones; manifest last."""
    target = result.target
    target.mkdir(parents=True, exist_ok=True)
    ordered = sorted(set(result.changed) | set(result.added), key=lambda n: n == MANIFEST_NAME)
    for name in ordered:
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_name(destination.name + ".ayon-gql-partial")
        shutil.copyfile(fresh / name, partial)
        partial.replace(destination)
    for name in result.removed:
        (target / name).unlink(missing_ok=True)


def generate(
    project_root: Path | None = None,
    *,
    check: bool = False,
    schema_path: Path | None = None,
    openapi_path: Path | None = None,
    target: Path | None = None,
) -> GenerationResult:
    """Generate the project's client package; with ``check`` only compare.

    ``project_root`` is the folder with ``pyproject.toml`` (default: the
    nearest one upwards with ``[tool.ayon-gql]``). ``schema_path`` generates
    against another schema (e.g. a newer server's) and ``openapi_path``
    against another write-model snapshot, ``target`` writes somewhere other
    than the configured package folder.  The package gets ``write_models``
    when the write-model snapshot exists; without one it is generated
    without them and :attr:`GenerationResult.notes` says so.

    Raises :class:`~ayon_gql.GenerationError` for invalid operations (as
    ``file:line:column: Operation: message``) and when a generated file would
    replace a file ayon-gql did not write; nothing is written then.
    """
    project = _project(project_root)
    schema = (schema_path or project.schema).resolve()
    openapi = (openapi_path or project.openapi).resolve()
    if openapi_path is not None and not openapi.is_file():
        raise GenerationError(f"no write-model snapshot at {openapi}")
    destination = (target or project.package_dir).resolve()
    if destination.exists() and not destination.is_dir():
        raise GenerationError(f"target {destination} exists and is not a folder")
    if destination == project.root or destination in project.root.parents:
        raise GenerationError(
            f"target {destination} holds the project itself; the generated package needs a "
            f"folder of its own (package_dir in [tool.{SECTION}])"
        )
    with tempfile.TemporaryDirectory(prefix="ayon-gql-generate-") as scratch:
        has_openapi = openapi.is_file()
        notes: list[str] = []
        fresh = _run_codegen(
            project, schema, Path(scratch), openapi if has_openapi else None, notes
        )
        result, collisions = _compare(fresh, destination)
        result.notes.extend(notes)
        if not has_openapi:
            result.notes.append(
                f"no write models: no openapi snapshot at {_shown(openapi, project.root)} "
                "(`ayon-gql schema pull` writes it)"
            )
        if check:
            return result
        if collisions:
            raise GenerationError(
                f"{destination} holds files ayon-gql did not write that generation would "
                f"replace: {', '.join(collisions)}; rename or move them (nothing was changed)"
            )
        if not result.up_to_date:
            _apply(fresh, result)
    return result
