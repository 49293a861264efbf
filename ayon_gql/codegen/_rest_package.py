"""Write a generated package's REST side: ``api/`` (the server) and ``addons/``.

From the openapi snapshot: ``api/_models.py`` (every component schema) and
one module per tag (``api/entity_lists.py``: ``EntityListsApi`` and
``AsyncEntityListsApi``), reached as ``client.api.entity_lists``.  From each
addon snapshot: ``addons/_<addon>_models.py`` and ``addons/<addon>.py``,
reached as ``client.addons.<addon>``.  Without snapshots the namespaces are
written empty, so every package's clients have ``api`` and ``addons``.
"""

from __future__ import annotations

import json
import keyword
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ayon_gql._errors import GenerationError
from ayon_gql.codegen._rest_code import group_module_code, namespace_module_code
from ayon_gql.codegen._rest_models import class_names, models_code
from ayon_gql.codegen._rest_operations import OperationSpec, iter_operations

__all__ = ["RestSummary", "write_rest_package"]

_MODELS = "_models"


@dataclass
class RestSummary:
    """What was generated: operations of the server and of each addon."""

    server_operations: int = 0
    addon_operations: dict[str, int] | None = None


def _identifier(text: str) -> str:
    name = re.sub(r"\W+", "_", re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)).strip("_").lower()
    name = name or "other"
    if name[0].isdigit() or keyword.iskeyword(name):
        name = f"{name}_"
    return name


def _unique_names(specs: Sequence[OperationSpec], where: str) -> None:
    seen: dict[str, str] = {}
    for spec in specs:
        if spec.name in seen:
            raise GenerationError(
                f"{where}: operations {seen[spec.name]!r} and {spec.operation_id!r} "
                f"would both be method {spec.name}"
            )
        seen[spec.name] = spec.operation_id


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _server_side(folder: Path, document: Mapping[str, Any] | None) -> int:
    paths = (document or {}).get("paths") or {}
    schemas = ((document or {}).get("components") or {}).get("schemas") or {}
    groups: list[tuple[str, str, int]] = []
    if paths:
        names = class_names(schemas)
        by_tag: dict[str, list[OperationSpec]] = defaultdict(list)
        specs = list(iter_operations(paths, names, "Other", schemas))
        for spec in specs:
            by_tag[spec.group].append(spec)
        used: set[str] = set()
        for tag in sorted(by_tag):
            attribute = _identifier(tag)
            while attribute in used:
                attribute += "_"
            used.add(attribute)
            _unique_names(by_tag[tag], f"server tag {tag!r}")
            code = group_module_code(
                f"The server's {tag!r} operations",
                attribute,
                by_tag[tag],
                f"from . import {_MODELS}",
            )
            _write(folder / f"{attribute}.py", code)
            groups.append((attribute, attribute, len(by_tag[tag])))
        _write(folder / f"{_MODELS}.py", models_code(schemas, "the server's REST API"))
        total = len(specs)
    else:
        total = 0
    _write(
        folder / "__init__.py",
        namespace_module_code(
            "The server's REST operations, one group per tag (``client.api.<group>``).",
            ("ServerApi", "AsyncServerApi"),
            groups,
        ),
    )
    return total


def _addon_side(folder: Path, documents: Mapping[str, Mapping[str, Any]]) -> dict[str, int]:
    groups: list[tuple[str, str, int]] = []
    counts: dict[str, int] = {}
    for addon in sorted(documents):
        document = documents[addon]
        module = _identifier(addon)
        schemas = (document.get("components") or {}).get("schemas") or {}
        names = class_names(schemas)
        specs = list(iter_operations(document.get("paths") or {}, names, addon, schemas))
        _unique_names(specs, f"addon {addon}")
        models = f"_{module}_models"
        _write(folder / f"{models}.py", models_code(schemas, f"the addon {addon}"))
        _write(
            folder / f"{module}.py",
            group_module_code(
                f"The endpoints of the addon {addon!r}",
                module,
                specs,
                f"from . import {models} as {_MODELS}",
            ),
        )
        groups.append((module, module, len(specs)))
        counts[addon] = len(specs)
        header = document.get("x-ayon-gql") or {}
        version = header.get("version") if isinstance(header, dict) else None
        if version:  # the snapshot itself ships too, as the server's does
            snapshot = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
            _write(folder / f"{addon}-{version}.openapi.json", snapshot)
    _write(
        folder / "__init__.py",
        namespace_module_code(
            "The addons' endpoints, one group per addon (``client.addons.<addon>``).",
            ("Addons", "AsyncAddons"),
            groups,
        ),
    )
    return counts


def write_rest_package(
    package: Path,
    server: Mapping[str, Any] | None,
    addons: Mapping[str, Mapping[str, Any]],
) -> RestSummary:
    """Write ``api/`` and ``addons/`` into ``package``.

    ``server`` is the openapi snapshot (None without one); ``addons`` maps
    addon names to their snapshots.
    """
    total = _server_side(package / "api", server)
    counts = _addon_side(package / "addons", addons)
    return RestSummary(server_operations=total, addon_operations=counts)


def addon_documents(
    folder: Path, configured: Mapping[str, str] | None
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The addon snapshots to generate from, by addon name, and notes.

    With ``[tool.ayon-gql] addons`` exactly those versions (a missing snapshot
    is noted, unless ``schema pull`` noted that version has no endpoints);
    otherwise every ``{name}-{version}.openapi.json`` in ``folder``, one
    version per addon.
    """
    from ayon_gql.schema._addons import AddonRef
    from ayon_gql.schema._api_document import has_no_endpoints_marker
    from ayon_gql.schema._openapi import HEADER_KEY, read_json_document

    found: dict[str, list[tuple[str, dict[str, Any], Path]]] = defaultdict(list)
    for path in sorted(folder.glob("*.openapi.json")) if folder.is_dir() else []:
        document = read_json_document(path)
        header = document.get(HEADER_KEY)
        if not isinstance(header, dict) or not header.get("addon"):
            raise GenerationError(f"{path}: not an addon openapi snapshot (no addon in its header)")
        found[str(header["addon"])].append((str(header.get("version")), document, path))
    notes: list[str] = []
    chosen: dict[str, dict[str, Any]] = {}
    if configured is not None:
        for name, version in sorted(configured.items()):
            match = [doc for v, doc, _ in found.get(name, []) if v == version]
            if match:
                chosen[name] = match[0]
            elif not has_no_endpoints_marker(folder, AddonRef(name, version)):
                notes.append(
                    f"addon {name} {version}: no openapi snapshot in {folder.name}/ "
                    "(not pulled yet: `ayon-gql schema pull`)"
                )
        return chosen, notes
    for name, versions in sorted(found.items()):
        if len(versions) > 1:
            files = ", ".join(path.name for _, _, path in versions)
            raise GenerationError(
                f"several versions of addon {name} in {folder}: {files}; remove the old "
                "snapshots or name the version in [tool.ayon-gql] addons"
            )
        chosen[name] = versions[0][1]
    return chosen, notes
