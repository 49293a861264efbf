"""The ariadne-codegen configuration ayon-gql builds from ``[tool.ayon-gql]``.

A user decides the schema snapshot, the queries folder and the target
package; everything else ariadne-codegen needs (our plugin and the
forward-refs plugin before it, the base clients, the scalars, the client
class name the plugin relies on) comes from here and from ayon-gql's own
package data, so it works the same from a checkout and from site-packages.

``[tool.ayon-gql.codegen]`` entries are passed through: plain options
override ours, ``plugins`` and ``files_to_include`` extend ours, ``scalars``
are merged by scalar name.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from ayon_gql._errors import ProjectConfigError
from ayon_gql._project import SECTION, ProjectConfig

#: The section of the config dict ariadne-codegen reads.
CODEGEN_SECTION = "ariadne-codegen"
#: The name of the schema snapshot inside every generated package.
SNAPSHOT_NAME = "ayon.graphql"
#: The base client template; every other file in the templates folder is copied as is.
BASE_CLIENT_FILE = "base_client.py"

_FORWARD_REFS_PLUGIN = "ariadne_codegen.contrib.client_forward_refs.ClientForwardRefsPlugin"
_AYON_PLUGIN = "ayon_gql.codegen.plugin.AyonPlugin"
#: Our plugin after the forward-refs plugin, whose client module it rewrites.
_PLUGINS = (_FORWARD_REFS_PLUGIN, _AYON_PLUGIN)

#: ariadne-codegen options ayon-gql sets and a user may override.
DEFAULT_OPTIONS: Mapping[str, Any] = {
    "base_client_name": "BaseClient",
    "multipart_uploads": False,
    "include_comments": "none",
    "include_typename": False,
    "defer_model_build": True,
    "lazy_imports": True,
    "use_alias_generator": True,
}
#: Scalars mapped to Python types (``JSON`` stays ``Any``).
DEFAULT_SCALARS: Mapping[str, Mapping[str, str]] = {
    "DateTime": {"type": "datetime.datetime"},
}

# Options that come from [tool.ayon-gql] itself, or that our plugin relies on.
_FROM_SECTION = {
    "schema_path": "schema",
    "queries_path": "queries",
    "target_package_name": "package",
    "target_package_path": "package_dir",
    "remote_schema_url": "schema",
}
_REQUIRED = {
    "client_name": "Operations",
    "async_client": False,
    "base_client_file_path": "ayon-gql's own base client",
    "enable_custom_operations": False,
}


def templates_dir() -> Path:
    """The folder of base-client templates shipped in ayon-gql's package data."""
    folder = resources.files("ayon_gql.codegen") / "templates"
    if not isinstance(folder, Path) or not folder.is_dir():
        raise ProjectConfigError(
            f"ayon-gql's code generation templates are missing ({folder}); reinstall ayon-gql"
        )
    return folder


def template_files() -> list[Path]:
    """Every template copied into a generated package (all but the base client)."""
    return sorted(
        path
        for path in templates_dir().iterdir()
        if path.is_file() and path.name != BASE_CLIENT_FILE and not path.name.endswith(".pyc")
    )


def _user_options(project: ProjectConfig) -> dict[str, Any]:
    options = copy.deepcopy(dict(project.codegen))
    where = f"{project.pyproject}: [tool.{SECTION}.codegen]"
    for key, instead in _FROM_SECTION.items():
        if key in options:
            raise ProjectConfigError(f"{where} sets {key}; set {instead} in [tool.{SECTION}]")
    for key, value in _REQUIRED.items():
        if key in options:
            raise ProjectConfigError(
                f"{where} sets {key}; ayon-gql's plugin needs {value!r} and sets it itself"
            )
    for key in ("plugins", "files_to_include"):
        value = options.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ProjectConfigError(f"{where} {key} must be a list of strings")
    scalars = options.get("scalars", {})
    if not isinstance(scalars, Mapping) or not all(
        isinstance(item, Mapping) for item in scalars.values()
    ):
        raise ProjectConfigError(f"{where} scalars must be tables, e.g. scalars.JSON.type = ...")
    return options


def build_codegen_config(
    project: ProjectConfig,
    *,
    snapshot: Path,
    target_package_path: Path,
    schema: Path | None = None,
    package_files: Sequence[Path] = (),
) -> dict[str, Any]:
    """The complete config dict ariadne-codegen's ``client()`` takes.

    ``snapshot`` is the file copied into the package; it must be named
    ``ayon.graphql`` (``generate`` stages a copy of the schema under that
    name). ``schema`` generates against another schema than the configured
    snapshot; ``target_package_path`` is the folder the package is written
    into; ``package_files`` are copied into it too (the write models and their
    snapshot). The raw ``[tool.ayon-gql]`` table is in ``config["tool"]["ayon-gql"]``
    for plugins that read feature options from it.
    """
    if snapshot.name != SNAPSHOT_NAME:
        raise ValueError(f"the packaged snapshot must be named {SNAPSHOT_NAME}, not {snapshot}")
    user = _user_options(project)
    extra_plugins = [name for name in user.pop("plugins", []) if name not in _PLUGINS]
    extra_files = [
        str((project.root / name).resolve()) for name in user.pop("files_to_include", [])
    ]
    scalars = {name: dict(data) for name, data in DEFAULT_SCALARS.items()}
    scalars.update({name: dict(data) for name, data in user.pop("scalars", {}).items()})
    section: dict[str, Any] = {
        **DEFAULT_OPTIONS,
        **user,
        "schema_path": str((schema or project.schema).resolve()),
        "queries_path": str(project.queries),
        "target_package_name": project.package,
        "target_package_path": str(target_package_path),
        "client_name": _REQUIRED["client_name"],
        "async_client": _REQUIRED["async_client"],
        "base_client_file_path": str(templates_dir() / BASE_CLIENT_FILE),
        "files_to_include": [str(path) for path in template_files()]
        + extra_files
        + [str(snapshot)]
        + [str(path) for path in package_files],
        "plugins": [*_PLUGINS, *extra_plugins],
        "scalars": scalars,
    }
    return {"tool": {CODEGEN_SECTION: section, SECTION: copy.deepcopy(dict(project.section))}}


def validate_codegen_config(config: dict[str, Any], project: ProjectConfig) -> None:
    """Let ariadne-codegen's own settings check the config; errors name the project."""
    from ariadne_codegen.config import get_client_settings
    from ariadne_codegen.exceptions import CodeGenException

    try:
        get_client_settings(config)
    except (CodeGenException, TypeError, ValueError) as exc:
        raise ProjectConfigError(
            f"{project.pyproject}: invalid code generation settings: {exc}"
        ) from None
