"""Which addons a project snapshots: the ones ``[tool.ayon-gql] addons`` names,
else the addons of the server's production bundle.

Each addon's descriptions (its ``openapi.json``, its settings schemas) are
kept per version in the project's ``addons_dir`` (default ``schema/addons``)
as ``{name}-{version}.{kind}.json``, so a studio regenerates for exactly the
addon versions it runs and sees what changes when a bundle moves on.

.. code-block:: toml

    [tool.ayon-gql]
    addons = { studio_tools = "1.0.0" }   # default: the production bundle's addons
    addons_dir = "schema/addons"
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ayon_gql._errors import AyonError, InvalidInputError, ProjectConfigError, SchemaSourceError
from ayon_gql._project import DEFAULT_ADDONS_DIR, SECTION
from ayon_gql.rest._checks import check_name, check_segment

if TYPE_CHECKING:
    from ayon_gql._connection import Connection
    from ayon_gql._project import ProjectConfig

__all__ = [
    "DEFAULT_ADDONS_DIR",
    "AddonRef",
    "addon_snapshot_path",
    "configured_addons",
    "parse_addons_table",
    "production_addons",
    "select_addons",
]

_BUNDLES_PATH = "/api/bundles"


@dataclass(frozen=True, order=True)
class AddonRef:
    """One addon at one version, e.g. ``AddonRef("studio_tools", "1.0.0")``.

    Both parts are checked when made (they end up in URL paths and file
    names); a bad one raises :class:`~ayon_gql.InvalidInputError`.
    """

    name: str
    version: str

    def __post_init__(self) -> None:
        check_name(self.name, "addon name")
        check_segment(self.version, "addon version")

    def __str__(self) -> str:
        return f"{self.name} {self.version}"

    @property
    def path(self) -> str:
        """The addon's REST prefix, ``/api/addons/{name}/{version}``."""
        return f"/api/addons/{self.name}/{self.version}"

    def snapshot_name(self, kind: str) -> str:
        """The snapshot file name for one kind, e.g. ``studio_tools-1.0.0.openapi.json``."""
        return f"{self.name}-{self.version}.{kind}.json"


def addon_snapshot_path(directory: str | Path, addon: AddonRef, kind: str) -> Path:
    """Where the ``kind`` snapshot (``openapi``, ``settings``, ...) of ``addon`` lives."""
    return Path(directory) / addon.snapshot_name(kind)


def parse_addons_table(value: Mapping[str, str], where: str) -> tuple[AddonRef, ...]:
    """``{name = "version", ...}`` as sorted :class:`AddonRef`; a bad name or
    version raises :class:`~ayon_gql.ProjectConfigError` naming ``where``."""
    refs: list[AddonRef] = []
    for name, version in value.items():
        try:
            refs.append(AddonRef(name, version))
        except InvalidInputError as exc:
            raise ProjectConfigError(f"{where}: [tool.{SECTION}] addons: {exc}") from None
    return tuple(sorted(refs))


def configured_addons(project: ProjectConfig | None) -> tuple[AddonRef, ...] | None:
    """The addons ``[tool.ayon-gql] addons`` names, or None when it names none."""
    if project is None or project.addons is None:
        return None
    return parse_addons_table(project.addons, str(project.pyproject))


def production_addons(connection: Connection) -> tuple[AddonRef, ...]:
    """The addons of the server's production bundle (none when it has no production bundle).

    Addons listed without a version (turned off in the bundle) are left out.
    """
    from ayon_gql.rest._bundle_models import BundleList

    response = connection.request("GET", _BUNDLES_PATH, operation="list bundles")
    try:
        bundles = BundleList.model_validate(response.json())
    except ValueError as exc:
        message = " ".join(str(exc).split())
        raise SchemaSourceError(
            f"cannot read {connection.base_url}{_BUNDLES_PATH}: unexpected answer: {message}"
        ) from None
    production = bundles.production
    if production is None:
        return ()
    return tuple(
        sorted(
            AddonRef(name, version)
            for name, version in production.addons.items()
            if version is not None
        )
    )


def select_addons(
    source: Connection | str,
    project: ProjectConfig | None = None,
    *,
    api_key: str | None = None,
    timeout: float | None = None,
) -> tuple[AddonRef, ...]:
    """The addons to snapshot for ``project`` from ``source``.

    ``source`` is an open connection or a server URL (a stand-in's ``url``
    with its ``api_key`` included).  The project's ``addons`` table wins when
    it is set (the server is not asked); otherwise the production bundle's
    addons are read from the server.
    """
    configured = configured_addons(project)
    if configured is not None:
        return configured
    if not isinstance(source, str):
        return production_addons(source)
    from ayon_gql._connection import Connection
    from ayon_gql._connection_settings import ConnectionSettings

    try:
        connection = Connection(
            ConnectionSettings.from_env(base_url=source, api_key=api_key, timeout=timeout)
        )
        try:
            return production_addons(connection)
        finally:
            connection.close()
    except SchemaSourceError:
        raise
    except AyonError as exc:
        raise SchemaSourceError(f"cannot read {source}{_BUNDLES_PATH}: {exc}") from exc
