"""``ayon-gql init``: set up a studio's project for its own typed client.

Adds ``[tool.ayon-gql]`` to ``pyproject.toml`` (by appending text: other
sections stay byte for byte), writes the schema snapshot, a queries folder
with a starter operation (or a copy of ayon-gql's own operations), a
graphql-config file for editors, and generates the package.  Whatever exists
already is left alone and reported, so running it again is safe.  Everything
that can fail on bad input (the package name, the existing pyproject, the
schema source) is checked before the first file is written.
"""

from __future__ import annotations

import json
import keyword
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ayon_gql._errors import InvalidInputError, ProjectConfigError
from ayon_gql._project import SECTION, ProjectConfig, _load_toml, _toml_module, parse_section
from ayon_gql.codegen._generate import GenerationResult, generate

#: The graphql-config file editors read (VS Code GraphQL, JetBrains GraphQL).
GRAPHQL_CONFIG_NAME = ".graphqlrc.yml"
#: The starter operation written into a new queries folder.
STARTER_FILE = "folders.graphql"
_RESERVED_PACKAGES = frozenset({"ayon_gql", "ayon_gql_generated", "ayon_api", "graphql"})
_VERSION_IN_HEADER = re.compile(r"^# ayon-gql schema snapshot: AYON server (\S+?),", re.MULTILINE)

_STARTER = """\
# A starter operation. `ayon-gql generate` turns it into the client methods
# get_project_folders (one page) and iter_project_folders (every page).
# Add your own operations and fragments in this folder, then run
# `ayon-gql generate`.

query GetProjectFolders($projectName: String!, $first: Int = 100, $after: String) {
  project(name: $projectName) {
    folders(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          path
          folderType
          updatedAt
        }
      }
    }
  }
}
"""


@dataclass
class InitReport:
    """What ``init`` created and what it found and left alone."""

    project: ProjectConfig
    #: (path relative to the project, what was written)
    created: list[tuple[str, str]] = field(default_factory=list)
    #: (path relative to the project, why it was left alone)
    kept: list[tuple[str, str]] = field(default_factory=list)
    #: The generation run at the end.
    generation: GenerationResult | None = None


def check_package_name(name: str) -> str:
    """``name`` if it can be the generated package's import name."""
    if not name.isidentifier() or keyword.iskeyword(name):
        raise InvalidInputError(
            f"package name {name!r} is not a Python identifier (e.g. studio_ayon)"
        )
    if name in _RESERVED_PACKAGES:
        raise InvalidInputError(f"package name {name!r} is taken; choose e.g. studio_ayon")
    return name


def _toml_string(value: str) -> str:
    # A JSON string is a valid TOML basic string for these values.
    return json.dumps(value, ensure_ascii=False)


def section_text(package: str, *, url: str | None = None) -> str:
    """The ``[tool.ayon-gql]`` table ``init`` writes."""
    lines = [
        f"[tool.{SECTION}]",
        "# The schema snapshot; refresh with `ayon-gql schema pull`.",
        'schema = "schema/ayon.graphql"',
        "# The write-model snapshot (from the server's openapi.json), for write_models.",
        'openapi = "schema/openapi.json"',
        "# Your .graphql operations and fragments.",
        'queries = "queries"',
        "# The generated package: its import name and its folder.",
        f"package = {_toml_string(package)}",
        f"package_dir = {_toml_string(package)}",
    ]
    if url:
        lines += ["# Default server for `ayon-gql schema pull`.", f"url = {_toml_string(url)}"]
    return "\n".join(lines) + "\n"


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def read_schema_source(path: Path) -> str:
    """A snapshot's SDL from an SDL or introspection JSON file."""
    from graphql import GraphQLError, build_schema, introspection_from_schema

    from ayon_gql.schema import introspection_to_sdl, pull_schema

    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json" or text.lstrip().startswith("{"):
            return pull_schema(from_file=path).sdl
        match = _VERSION_IN_HEADER.search(text)
        introspection = introspection_from_schema(build_schema(text))
        return introspection_to_sdl(
            dict(introspection), server_version=match.group(1) if match else None
        )
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"cannot read schema {path}: {exc}") from None
    except (ValueError, TypeError, GraphQLError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InvalidInputError(
            f"{path} is neither GraphQL SDL nor introspection JSON: {message}"
        ) from None


def stock_queries_dir() -> Path:
    """ayon-gql's own operations and fragments (package data; a checkout's queries/)."""
    packaged = resources.files("ayon_gql.codegen") / "stock_queries"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "queries"
    if checkout.is_dir():  # an editable install from a checkout
        return checkout
    raise ProjectConfigError("ayon-gql's stock operations are missing; reinstall ayon-gql")


def stock_addons_dir() -> Path:
    """ayon-gql's own addon settings snapshots (package data; a checkout's schema/addons/)."""
    packaged = resources.files("ayon_gql.codegen") / "stock_addons"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "schema" / "addons"
    if checkout.is_dir():  # an editable install from a checkout
        return checkout
    raise ProjectConfigError("ayon-gql's stock addon snapshots are missing; reinstall ayon-gql")


def _has_settings_snapshots(project: ProjectConfig) -> bool:
    return any(project.addons_folder.glob("*settings.json"))


def _copy_stock_addons(project: ProjectConfig, report: InitReport) -> None:
    """The stock package's settings snapshots, for ``--stock`` without a server's own."""
    folder = stock_addons_dir()
    # With the notes of addons without endpoints, so generate does not ask for their snapshots.
    sources = sorted([*folder.glob("*settings.json"), *folder.glob("*.no-endpoints.json")])
    project.addons_folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        shutil.copyfile(source, project.addons_folder / source.name)
    shown = _shown(project.addons_folder, project.root)
    report.created.append((shown, f"{len(sources)} files: ayon-gql's addon settings snapshots"))


def _graphql_config(project: ProjectConfig) -> str:
    schema = _shown(project.schema, project.root)
    queries = _shown(project.queries, project.root)
    return (
        "# graphql-config (https://the-guild.dev/graphql/config): editors with a GraphQL\n"
        "# extension complete and check the operations against the schema snapshot.\n"
        f"schema: {json.dumps(schema)}\n"
        f"documents: {json.dumps(queries + '/**/*.graphql')}\n"
    )


def _existing_section(pyproject: Path) -> tuple[str | None, ProjectConfig | None]:
    """The file's text and its configuration, if it has one (parse errors raise)."""
    if not pyproject.is_file():
        return None, None
    section = _load_toml(pyproject).get("tool", {}).get(SECTION)
    text = pyproject.read_text(encoding="utf-8")
    if section is None:
        return text, None
    if not isinstance(section, dict):
        raise ProjectConfigError(f"{pyproject}: [tool.{SECTION}] must be a table")
    return text, parse_section(pyproject.parent.resolve(), section)


def _check_toml(text: str, where: Path) -> None:
    """Refuse to write a pyproject.toml that would not parse."""
    try:
        _toml_module().loads(text)
    except ValueError as exc:  # TOMLDecodeError is a ValueError
        raise ProjectConfigError(
            f"{where}: adding [tool.{SECTION}] would break it: {exc}"
        ) from None


def _appended(text: str | None, section: str) -> str:
    if not text:
        return section
    separator = "" if text.endswith("\n\n") else "\n" if text.endswith("\n") else "\n\n"
    return text + separator + section


def init_project(
    root: Path,
    package: str,
    *,
    schema_file: Path | None = None,
    fetch_schema: Callable[[], str] | None = None,
    url: str | None = None,
    stock: bool = False,
    openapi_file: Path | None = None,
    fetch_openapi: Callable[[], str | None] | None = None,
    fetch_addon_settings: Callable[[ProjectConfig], list[Path]] | None = None,
) -> InitReport:
    """Set up ``root`` for generating ``package``; see the module docstring.

    The snapshot comes from ``schema_file`` (SDL or introspection JSON) or
    from ``fetch_schema`` (returns SDL, e.g. a pull from the server), and is
    needed only when the configured snapshot does not exist yet.  ``url`` is
    recorded in a new section as the default server for ``schema pull``.
    The write-model snapshot comes from ``openapi_file`` (a server's
    ``openapi.json`` or a snapshot), else from the ``openapi.json`` beside
    ``schema_file``, else from ``fetch_openapi`` (returns the snapshot's
    text, None when the server has none); without one the package has no
    ``write_models`` until ``ayon-gql schema pull`` brings it.
    ``fetch_addon_settings`` writes the addons' settings snapshots (returns
    the files) when the project has none yet.
    """
    root = root.resolve()
    check_package_name(package)
    pyproject = root / "pyproject.toml"
    text, existing = _existing_section(pyproject)
    if existing is None:
        new_text = _appended(text, section_text(package, url=url))
        _check_toml(new_text, pyproject)
        project = parse_section(root, {"package": package, **({"url": url} if url else {})})
    else:
        new_text = None
        project = existing

    if project.queries.exists() and not project.queries.is_dir():
        raise InvalidInputError(f"{project.queries} is a file; queries names a folder")
    sdl: str | None = None
    if not project.schema.is_file():
        if schema_file is not None:
            sdl = read_schema_source(schema_file)
        elif fetch_schema is not None:
            sdl = fetch_schema()
        else:
            raise InvalidInputError(
                f"no schema snapshot at {_shown(project.schema, root)}: pass --url URL "
                "(or set AYON_SERVER_URL) or --schema FILE"
            )

    openapi_text = _openapi_text(project, schema_file, openapi_file, fetch_openapi)

    report = InitReport(project=project)
    if new_text is None:
        detail = f"has [tool.{SECTION}] (package {project.package})"
        report.kept.append(("pyproject.toml", detail))
    else:
        root.mkdir(parents=True, exist_ok=True)
        pyproject.write_text(new_text, encoding="utf-8")
        action = "added [tool." + SECTION + "]" if text is not None else "created"
        report.created.append(("pyproject.toml", action))

    if sdl is None:
        detail = "schema snapshot exists (refresh with `ayon-gql schema pull`)"
        report.kept.append((_shown(project.schema, root), detail))
    else:
        project.schema.parent.mkdir(parents=True, exist_ok=True)
        project.schema.write_text(sdl, encoding="utf-8")
        report.created.append((_shown(project.schema, root), "schema snapshot"))

    if openapi_text is not None:
        project.openapi.parent.mkdir(parents=True, exist_ok=True)
        project.openapi.write_text(openapi_text, encoding="utf-8")
        report.created.append((_shown(project.openapi, root), "openapi snapshot (write models)"))
    elif project.openapi.is_file():
        detail = "openapi snapshot exists (refresh with `ayon-gql schema pull`)"
        report.kept.append((_shown(project.openapi, root), detail))

    if schema_file is not None:
        _copy_addon_snapshots(schema_file.parent / "addons", project, root, report)
    _write_queries(project, stock=stock, report=report)

    if fetch_addon_settings is not None and not _has_settings_snapshots(project):
        for path in fetch_addon_settings(project):
            report.created.append((_shown(path, root), "addon settings snapshot"))
    if stock and not _has_settings_snapshots(project):
        _copy_stock_addons(project, report)

    rc = root / GRAPHQL_CONFIG_NAME
    if rc.exists():
        report.kept.append((GRAPHQL_CONFIG_NAME, "exists"))
    else:
        rc.write_text(_graphql_config(project), encoding="utf-8")
        report.created.append((GRAPHQL_CONFIG_NAME, "graphql-config for editors"))

    report.generation = generate(root)
    return report


def _copy_addon_snapshots(
    source: Path, project: ProjectConfig, root: Path, report: InitReport
) -> None:
    """The addon openapi snapshots beside ``--schema`` (its ``addons/`` folder), copied
    into the project's ``addons_dir`` unless one of that name is there already."""
    if not source.is_dir():
        return
    for snapshot in sorted([*source.glob("*.openapi.json"), *source.glob("*.no-endpoints.json")]):
        target = project.addons_folder / snapshot.name
        if target.exists():
            report.kept.append((_shown(target, root), "addon snapshot exists"))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(snapshot, target)
        what = "addon openapi snapshot" if snapshot.name.endswith(".openapi.json") else "note"
        report.created.append((_shown(target, root), what))


def _openapi_text(
    project: ProjectConfig,
    schema_file: Path | None,
    openapi_file: Path | None,
    fetch_openapi: Callable[[], str | None] | None,
) -> str | None:
    """The write-model snapshot to write, or None when it exists or has no source."""
    from ayon_gql.schema._openapi import OPENAPI_NAME, load_openapi_snapshot

    if project.openapi.is_file():
        return None
    source = openapi_file
    if source is None and schema_file is not None:
        beside = schema_file.with_name(OPENAPI_NAME)
        source = beside if beside.is_file() else None
    if source is not None:
        return load_openapi_snapshot(source).text()
    return fetch_openapi() if fetch_openapi is not None else None


def _write_queries(project: ProjectConfig, *, stock: bool, report: InitReport) -> None:
    shown = _shown(project.queries, project.root)
    if project.queries.exists() and any(project.queries.iterdir()):
        unused = " (--stock not applied)" if stock else ""
        report.kept.append((shown, f"queries folder is not empty{unused}"))
        return
    project.queries.mkdir(parents=True, exist_ok=True)
    if stock:
        sources = sorted(stock_queries_dir().glob("*.graphql"))
        for source in sources:
            shutil.copyfile(source, project.queries / source.name)
        report.created.append((shown, f"{len(sources)} files: ayon-gql's operations, now yours"))
    else:
        (project.queries / STARTER_FILE).write_text(_STARTER, encoding="utf-8")
        report.created.append((f"{shown}/{STARTER_FILE}", "starter operation"))
