"""The ``[tool.ayon-gql]`` section of a project's ``pyproject.toml``.

One configuration for every command: ``schema pull``, ``check``, ``query``,
``generate``, ``serve`` and the pytest fixtures all read the schema snapshot,
the queries folder and the generated package from here.  It holds only what a
user decides; everything ariadne-codegen needs beyond that (our plugin, the
base clients, the scalars) comes from ayon-gql's own package data.

.. code-block:: toml

    [tool.ayon-gql]
    schema = "schema/ayon.graphql"    # the schema snapshot (SDL)
    openapi = "schema/openapi.json"   # the write-model snapshot (default: beside schema)
    queries = "queries"               # folder of .graphql operations and fragments
    package = "studio_ayon"           # import name of the generated package
    package_dir = "studio_ayon"       # folder it is written to (default: the package name)
    url = "https://ayon.example.com"  # optional: default server for `schema pull`
    addons = { studio_tools = "1.0.0" }  # optional: addons to snapshot (default: production bundle)
    addons_dir = "schema/addons"      # where addon snapshots go

    [tool.ayon-gql.codegen]           # optional: extra ariadne-codegen options, passed through

Reading it needs only the standard library (``tomllib``; ``tomli`` on Python
3.10), so the runtime and the pytest plugin can use it without the tools.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ayon_gql._errors import ProjectConfigError

#: The table in ``pyproject.toml`` that configures ayon-gql.
SECTION = "ayon-gql"

_KNOWN_KEYS = frozenset(
    {
        "schema",
        "openapi",
        "queries",
        "package",
        "package_dir",
        "url",
        "codegen",
        "addons",
        "addons_dir",
    }
)
#: The write-model snapshot's file name when ``openapi`` is not set: beside the SDL snapshot.
DEFAULT_OPENAPI_NAME = "openapi.json"
#: Where addon snapshots go when ``addons_dir`` is not set.
DEFAULT_ADDONS_DIR = "schema/addons"
#: Keys other features read from the section (validated where they are used).
_EXTENSION_KEYS: frozenset[str] = frozenset({"all_attrib"})


def _toml_module() -> Any:
    """``tomllib``, or ``tomli`` on Python 3.10."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


def _load_toml(path: Path) -> dict[str, Any]:
    tomllib = _toml_module()
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
    except OSError as exc:
        raise ProjectConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProjectConfigError(f"{path}: not valid TOML: {exc}") from None
    return data


@dataclass(frozen=True)
class ProjectConfig:
    """A project's ``[tool.ayon-gql]`` section with every path made absolute."""

    #: The folder holding ``pyproject.toml``.
    root: Path
    #: The schema snapshot (SDL) the operations are checked and generated against.
    schema: Path
    #: The folder of ``.graphql`` operations and fragments.
    queries: Path
    #: Import name of the generated package.
    package: str
    #: The folder the generated package is written to.
    package_dir: Path
    #: Default server URL for ``schema pull`` (``AYON_SERVER_URL`` otherwise).
    url: str | None = None
    #: Extra ariadne-codegen options, passed through unchanged.
    codegen: Mapping[str, Any] = field(default_factory=dict)
    #: The whole section as written, for options read by single features.
    section: Mapping[str, Any] = field(default_factory=dict)
    #: The write-model snapshot (from the server's ``openapi.json``); None: beside ``schema``.
    openapi_path: Path | None = None
    #: Addon versions to snapshot by name; None: the server's production bundle decides.
    addons: Mapping[str, str] | None = None
    #: The folder of addon snapshots (``{name}-{version}.{kind}.json``).
    addons_dir: Path | None = None

    @property
    def addons_folder(self) -> Path:
        """The folder of addon snapshots (``addons_dir``, default ``schema/addons``)."""
        return self.addons_dir or (self.root / DEFAULT_ADDONS_DIR).resolve()

    @property
    def openapi(self) -> Path:
        """The write-model snapshot; ``write_models`` is generated only when it exists."""
        return self.openapi_path or self.schema.with_name(DEFAULT_OPENAPI_NAME)

    @property
    def pyproject(self) -> Path:
        """The ``pyproject.toml`` this configuration was read from."""
        return self.root / "pyproject.toml"


def _text(section: Mapping[str, Any], key: str, default: str | None, where: Path) -> str | None:
    value = section.get(key, default)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ProjectConfigError(f"{where}: [tool.{SECTION}] {key} must be a non-empty string")
    return value


def _addons_table(section: Mapping[str, Any], where: Path) -> dict[str, str] | None:
    """``addons = { name = "version" }``: a table of version strings, or None when unset."""
    value = section.get("addons")
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ProjectConfigError(
            f'{where}: [tool.{SECTION}] addons must be a table, e.g. {{ studio_tools = "1.0.0" }}'
        )
    for name, version in value.items():
        if not isinstance(version, str) or not version.strip():
            raise ProjectConfigError(
                f"{where}: [tool.{SECTION}] addons.{name} must be a version string"
            )
    return {str(name): str(version) for name, version in value.items()}


def parse_section(root: Path, section: Mapping[str, Any]) -> ProjectConfig:
    """Build a :class:`ProjectConfig` from a ``[tool.ayon-gql]`` table."""
    where = root / "pyproject.toml"
    unknown = sorted(set(section) - _KNOWN_KEYS - _EXTENSION_KEYS)
    if unknown:
        raise ProjectConfigError(
            f"{where}: unknown key(s) in [tool.{SECTION}]: {', '.join(unknown)}"
            f" (known: {', '.join(sorted(_KNOWN_KEYS | _EXTENSION_KEYS))})"
        )
    package = _text(section, "package", None, where)
    if package is None:
        raise ProjectConfigError(f'{where}: [tool.{SECTION}] needs package = "<import name>"')
    if not package.isidentifier():
        raise ProjectConfigError(
            f"{where}: [tool.{SECTION}] package {package!r} is not a Python identifier"
        )
    schema = _text(section, "schema", "schema/ayon.graphql", where)
    queries = _text(section, "queries", "queries", where)
    package_dir = _text(section, "package_dir", package, where)
    url = _text(section, "url", None, where)
    openapi = _text(section, "openapi", None, where)
    addons_dir = _text(section, "addons_dir", DEFAULT_ADDONS_DIR, where)
    addons = _addons_table(section, where)
    codegen = section.get("codegen", {})
    if not isinstance(codegen, Mapping):
        raise ProjectConfigError(f"{where}: [tool.{SECTION}.codegen] must be a table")
    assert schema is not None and queries is not None and package_dir is not None
    return ProjectConfig(
        root=root,
        schema=(root / schema).resolve(),
        queries=(root / queries).resolve(),
        package=package,
        package_dir=(root / package_dir).resolve(),
        url=url,
        codegen=dict(codegen),
        section=dict(section),
        openapi_path=(root / openapi).resolve() if openapi is not None else None,
        addons=addons,
        addons_dir=(root / str(addons_dir)).resolve(),
    )


def load_project(root: Path) -> ProjectConfig:
    """The configuration in ``root/pyproject.toml``; an error when it has none."""
    root = root.resolve()
    where = root / "pyproject.toml"
    if not where.is_file():
        raise ProjectConfigError(f"no pyproject.toml in {root}")
    section = _load_toml(where).get("tool", {}).get(SECTION)
    if not isinstance(section, Mapping):
        raise ProjectConfigError(f"{where} has no [tool.{SECTION}] section")
    return parse_section(root, section)


def find_project(start: Path | None = None) -> ProjectConfig | None:
    """The nearest project upwards from ``start`` (default: the current folder).

    Only a ``pyproject.toml`` with a ``[tool.ayon-gql]`` section counts; None
    when there is none, so commands can fall back to their own defaults.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        pyproject = folder / "pyproject.toml"
        if not pyproject.is_file():
            continue
        section = _load_toml(pyproject).get("tool", {}).get(SECTION)
        if isinstance(section, Mapping):
            return parse_section(folder, section)
    return None
