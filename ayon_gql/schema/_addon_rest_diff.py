"""What changed in an addon's REST operations between two of its versions.

Addon openapi snapshots (``schema/addons/NAME-VERSION.openapi.json``) are
compared like the server's document (see :mod:`ayon_gql.schema._rest_diff`),
in the words of the generated code (``addons.studio_tools.check_frames``).
Operations are matched by name, so a new version's paths (which carry the
version) are not taken for new operations.  Against a server, an addon the
production bundle no longer holds, or whose new version has no endpoints,
loses every operation: each is reported removed.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import AyonError, SchemaSourceError
from ayon_gql.schema._api_document import AddonApiSnapshot, load_addon_snapshot
from ayon_gql.schema._diff import SchemaChange
from ayon_gql.schema._rest_diff import diff_rest

if TYPE_CHECKING:
    from ayon_gql._connection import Connection

__all__ = [
    "diff_addon_folders",
    "diff_addon_rest",
    "diff_addons_with_server",
    "find_addon_snapshots",
    "is_addon_openapi_snapshot",
]


def _prefix(name: str) -> str:
    from ayon_gql.codegen._rest_package import _identifier

    return f"addons.{_identifier(name)}"


def _document(snapshot: AddonApiSnapshot) -> dict[str, Any]:
    return {"paths": dict(snapshot.paths), "components": {"schemas": dict(snapshot.schemas)}}


def is_addon_openapi_snapshot(path: str) -> bool:
    """Whether ``path`` is a readable addon openapi snapshot (or an addon's openapi.json)."""
    if path.startswith(("http://", "https://")):
        return False
    try:
        load_addon_snapshot(path)
    except AyonError:
        return False
    return True


def _all_removed(old: AddonApiSnapshot, why: str) -> list[SchemaChange]:
    from ayon_gql.schema._rest_diff import _specs

    changes = []
    for where, spec in sorted(_specs(_document(old), _prefix(old.addon.name)).items()):
        text = f"{where} ({spec.method.upper()} {spec.path}) was removed: {why}."
        changes.append(SchemaChange("REST_OPERATION_REMOVED", text, "breaking", where))
    return changes


def diff_addon_rest(old: AddonApiSnapshot, new: AddonApiSnapshot | None) -> list[SchemaChange]:
    """Every REST change from one version of an addon to another (``new`` None:
    the new version has no endpoints, so every operation is removed)."""
    if new is None:
        return _all_removed(old, f"addon {old.addon.name} has no endpoints any more")
    if new.addon.name != old.addon.name:
        raise SchemaSourceError(
            f"cannot compare the openapi snapshots of two addons: {old.addon.name} and "
            f"{new.addon.name}"
        )
    if not old.paths:
        return []
    if not new.paths:
        return _all_removed(old, f"addon {new.addon} has no endpoints")
    return diff_rest(_document(old), _document(new), prefix=_prefix(old.addon.name))


def find_addon_snapshots(folder: Path) -> dict[str, AddonApiSnapshot]:
    """The addon openapi snapshots in ``folder`` by addon name (one version each)."""
    if not folder.is_dir():
        raise SchemaSourceError(f"cannot read {folder}: no such folder")
    found: dict[str, list[AddonApiSnapshot]] = defaultdict(list)
    for path in sorted(folder.glob("*.openapi.json")):
        snapshot = load_addon_snapshot(path)
        found[snapshot.addon.name].append(snapshot)
    out: dict[str, AddonApiSnapshot] = {}
    for name, snapshots in found.items():
        if len(snapshots) > 1:
            versions = ", ".join(s.addon.version for s in snapshots)
            raise SchemaSourceError(
                f"several versions of addon {name} in {folder} ({versions}); keep one"
            )
        out[name] = snapshots[0]
    return out


def diff_addon_folders(base: Path, new: Path) -> list[SchemaChange]:
    """Changes from each addon's openapi snapshot in ``base`` to the same addon's
    in ``new`` (an addon ``new`` does not hold is left out: it was not pulled)."""
    olds = find_addon_snapshots(base)
    changes: list[SchemaChange] = []
    for name, snapshot in sorted(find_addon_snapshots(new).items()):
        if name in olds:
            changes.extend(diff_addon_rest(olds[name], snapshot))
    return changes


def diff_addons_with_server(base: Path, connection: Connection) -> list[SchemaChange]:
    """Changes from each addon snapshot in ``base`` to what the server's production
    bundle runs: its version's ``openapi.json``; an addon the bundle dropped loses
    every operation."""
    from ayon_gql.schema._addons import production_addons
    from ayon_gql.schema._api_document import pull_addon_openapi

    olds = find_addon_snapshots(base) if base.is_dir() else {}
    if not olds:
        return []
    running = {addon.name: addon for addon in production_addons(connection)}
    changes: list[SchemaChange] = []
    for name, old in sorted(olds.items()):
        addon = running.get(name)
        if addon is None:
            why = f"addon {name} is not in the server's production bundle"
            changes.extend(_all_removed(old, why))
            continue
        changes.extend(diff_addon_rest(old, pull_addon_openapi(connection, addon)))
    return changes
