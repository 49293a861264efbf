"""Settings schema snapshots: each selected addon's studio/project and site
settings schemas, kept per addon version beside the other snapshots.

``{addons_dir}/{name}-{version}.settings.json`` holds what
``GET /api/addons/{name}/{version}/schema`` answers and
``{name}-{version}.site-settings.json`` what ``.../siteSettings/schema``
answers, under a header naming the addon version, the server and the day.
A studio's own pull keeps titles and descriptions (they become the models'
docstrings); ``structure_only`` leaves them out (what ayon-gql's own
repository commits).
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import AyonError, NotFoundError, SchemaSourceError
from ayon_gql.codegen._settings_schema import structure_only
from ayon_gql.schema._addons import AddonRef, addon_snapshot_path
from ayon_gql.schema._openapi import HEADER_KEY, read_json_document

if TYPE_CHECKING:
    from ayon_gql._connection import Connection
    from ayon_gql._project import ProjectConfig

__all__ = [
    "SETTINGS_KINDS",
    "SettingsSnapshot",
    "find_settings_snapshots",
    "load_settings_snapshot",
    "pull_project_settings",
    "pull_settings_snapshots",
]

SNAPSHOT_KIND = "ayon-gql settings snapshot"
#: Snapshot kind (the file name's ``{kind}`` part) to the path under the addon's prefix.
SETTINGS_KINDS = {"settings": "/schema", "site-settings": "/siteSettings/schema"}


@dataclass(frozen=True)
class SettingsSnapshot:
    """One settings schema of one addon version, with where it came from."""

    addon: AddonRef
    #: ``settings`` (studio and project) or ``site-settings``.
    kind: str
    schema: dict[str, Any]
    server_version: str | None
    pulled: str
    #: Whether titles and descriptions were kept (docstrings).
    texts: bool

    def text(self) -> str:
        """The snapshot file's JSON text (keys sorted, so pulls compare by line)."""
        document = {
            HEADER_KEY: {
                "snapshot": SNAPSHOT_KIND,
                "addon": self.addon.name,
                "version": self.addon.version,
                "kind": self.kind,
                "server": self.server_version or "unknown version",
                "pulled": self.pulled,
                "texts": "kept" if self.texts else "left out",
                "regenerate": "ayon-gql schema pull; do not edit by hand",
            },
            "schema": self.schema,
        }
        return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"

    def write(self, directory: str | Path) -> Path:
        """Write it as ``{directory}/{name}-{version}.{kind}.json``; returns the path."""
        target = addon_snapshot_path(directory, self.addon, self.kind)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.text(), encoding="utf-8")
        return target


def make_snapshot(
    addon: AddonRef,
    kind: str,
    schema: dict[str, Any],
    *,
    server_version: str | None,
    keep_texts: bool,
    date: _dt.date | None = None,
) -> SettingsSnapshot:
    """A snapshot of a schema as the server answered it."""
    kept = schema if keep_texts else structure_only(schema)
    pulled = (date or _dt.date.today()).isoformat()
    return SettingsSnapshot(addon, kind, kept, server_version, pulled, keep_texts)


def load_settings_snapshot(path: str | Path) -> SettingsSnapshot:
    """Read a snapshot file (a :class:`~ayon_gql.SchemaSourceError` when it is not one)."""
    document = read_json_document(path)
    header = document.get(HEADER_KEY)
    schema = document.get("schema")
    if (
        not isinstance(header, dict)
        or header.get("snapshot") != SNAPSHOT_KIND
        or not isinstance(schema, dict)
    ):
        raise SchemaSourceError(f"cannot read {path}: not an ayon-gql settings snapshot")
    try:
        addon = AddonRef(str(header.get("addon")), str(header.get("version")))
    except AyonError as exc:
        raise SchemaSourceError(f"cannot read {path}: {exc}") from None
    kind = str(header.get("kind"))
    if kind not in SETTINGS_KINDS:
        raise SchemaSourceError(f"cannot read {path}: unknown settings kind {kind!r}")
    server = header.get("server")
    return SettingsSnapshot(
        addon,
        kind,
        schema,
        server if isinstance(server, str) else None,
        str(header.get("pulled", "")),
        header.get("texts") == "kept",
    )


def find_settings_snapshots(directory: Path) -> list[SettingsSnapshot]:
    """Every settings snapshot in ``directory`` (none when it does not exist),
    sorted by addon and kind."""
    if not directory.is_dir():
        return []
    found = [
        load_settings_snapshot(path)
        for kind in SETTINGS_KINDS
        for path in sorted(directory.glob(f"*.{kind}.json"))
    ]
    return sorted(found, key=lambda s: (s.addon, s.kind))


def pull_settings_snapshots(
    connection: Connection,
    addons: Iterable[AddonRef],
    *,
    server_version: str | None,
    keep_texts: bool = True,
    date: _dt.date | None = None,
) -> list[SettingsSnapshot]:
    """The settings schemas of ``addons`` from a server.  A scope an addon has
    no settings for (an empty schema, or 404) has no snapshot."""
    found: list[SettingsSnapshot] = []
    for addon in addons:
        for kind, suffix in SETTINGS_KINDS.items():
            path = addon.path + suffix
            try:
                answer = connection.request("GET", path, operation=f"{kind} schema").json()
            except NotFoundError:
                continue
            except ValueError:
                raise SchemaSourceError(
                    f"cannot read {connection.base_url}{path}: the answer is not JSON"
                ) from None
            if not isinstance(answer, dict) or not answer.get("properties"):
                continue
            found.append(
                make_snapshot(
                    addon,
                    kind,
                    answer,
                    server_version=server_version,
                    keep_texts=keep_texts,
                    date=date,
                )
            )
    return found


def pull_project_settings(
    connection: Connection,
    project: ProjectConfig,
    *,
    server_version: str | None,
    keep_texts: bool = True,
) -> list[Path]:
    """Pull the settings schemas of the project's addons (``[tool.ayon-gql] addons``,
    else the production bundle's) into its ``addons_dir``; returns the files written."""
    from ayon_gql.schema._addons import select_addons

    addons = select_addons(connection, project)
    snapshots = pull_settings_snapshots(
        connection, addons, server_version=server_version, keep_texts=keep_texts
    )
    return [snapshot.write(project.addons_folder) for snapshot in snapshots]
