"""The generated package's ``settings`` folder: one module of models per addon
(and per site-settings schema) made by datamodel-code-generator, and the
catalog module behind ``client.settings``."""

from __future__ import annotations

import json
import keyword
import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import GenerationError
from ayon_gql.codegen._settings_schema import normalize_settings_schema

if TYPE_CHECKING:
    from ayon_gql.schema._settings_snapshot import SettingsSnapshot

__all__ = [
    "SETTINGS_FOLDER",
    "settings_class_name",
    "settings_module_code",
    "write_settings_package",
]

#: The folder inside a generated package.
SETTINGS_FOLDER = "settings"
_BASE = "ayon_gql.client.SettingsModel"
_NESTED_DEFAULT = re.compile(r"(Annotated\[\s*)(\w+)\s*\|\s*None,(\s*)Field\(default_factory=\2\)")


def _words(name: str) -> list[str]:
    return [part for part in re.split(r"[^A-Za-z0-9]+", name) if part]


def settings_class_name(addon: str, kind: str) -> str:
    """``studio_tools`` -> ``StudioToolsSettings`` (``StudioToolsSiteSettings``)."""
    stem = "".join(word[:1].upper() + word[1:] for word in _words(addon)) or "Addon"
    if stem[0].isdigit():
        stem = "Addon" + stem
    return stem + ("SiteSettings" if kind == "site-settings" else "Settings")


def attribute_name(addon: str) -> str:
    """A Python identifier for an addon name (``client.settings.<name>``)."""
    name = "_".join(_words(addon)).lower() or "addon"
    if name[0].isdigit():
        name = "addon_" + name
    return name + "_" if keyword.iskeyword(name) else name


def settings_module_code(schema: dict[str, Any], class_name: str, *, header: str) -> str:
    """The models of one settings schema as a module, root model ``class_name``.

    Byte-stable: the same schema gives the same text (no timestamps, the
    built-in formatter rather than whichever black is installed).
    """
    from datamodel_code_generator import InputFileType, LiteralType, PythonVersion, generate
    from datamodel_code_generator.enums import DataModelType
    from datamodel_code_generator.format import Formatter

    normalized = normalize_settings_schema(schema, keep_text=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            code = generate(
                json.dumps(normalized, sort_keys=True),
                input_file_type=InputFileType.JsonSchema,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_310,
                base_class=_BASE,
                class_name=class_name,
                field_constraints=True,
                use_annotated=True,
                use_schema_description=True,
                use_field_description=True,
                disable_timestamp=True,
                formatters=[Formatter.BUILTIN],
                enum_field_as_literal=LiteralType.All,
                use_standard_collections=True,
                use_union_operator=True,
                strict_nullable=True,
                use_default_factory_for_optional_nested_models=True,
                capitalise_enum_members=False,
            )
        except Exception as exc:
            message = " ".join(str(exc).split())
            raise GenerationError(f"{class_name}: datamodel-code-generator: {message}") from None
    if not isinstance(code, str):
        raise GenerationError(f"{class_name}: datamodel-code-generator wrote no module")
    # a nested group always holds its model (never null): its defaults by factory
    code = _NESTED_DEFAULT.sub(r"\1\2,\3Field(default_factory=\2)", code)
    lines = code.splitlines()
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return header + "\n".join(lines) + "\n"


def _module_name(snapshot: SettingsSnapshot) -> str:
    base = attribute_name(snapshot.addon.name)
    return base + "_site" if snapshot.kind == "site-settings" else base


def _catalog_code(snapshots: Sequence[SettingsSnapshot]) -> str:
    by_addon: dict[str, dict[str, SettingsSnapshot]] = {}
    for snap in snapshots:
        by_addon.setdefault(snap.addon.name, {})[snap.kind] = snap
    imports: list[str] = []
    specs: list[str] = []
    sync_props: list[str] = []
    async_props: list[str] = []
    for name in sorted(by_addon):
        kinds = by_addon[name]
        any_snap = next(iter(kinds.values()))
        version = any_snap.addon.version
        models = []
        for kind in ("settings", "site-settings"):
            found = kinds.get(kind)
            if found is None:
                models.append("NoSettings")
                continue
            cls = settings_class_name(name, kind)
            imports.append(f"from .{_module_name(found)} import {cls}")
            models.append(cls)
        attr = attribute_name(name)
        const = attr.upper()
        specs.append(
            f"{const}: AddonSettingsSpec[{models[0]}, {models[1]}] = AddonSettingsSpec(\n"
            f"    {json.dumps(name)}, {json.dumps(version)}, {models[0]}, {models[1]}\n)"
        )
        for props, kind in ((sync_props, "AddonSettings"), (async_props, "AsyncAddonSettings")):
            props.append(
                f"    @property\n"
                f"    def {attr}(self) -> {kind}[{models[0]}, {models[1]}]:\n"
                f'        """Settings of {name} {version}."""\n'
                f"        return self._addon({const})\n"
            )
    names = [s.split(":")[0] for s in specs]
    spec_tuple = "(" + ", ".join(names) + ("," if len(names) == 1 else "") + ")"
    parts = [
        '"""Typed addon settings of this package: ``client.settings.<addon>``.\n\n'
        "Generated by ``ayon-gql generate`` from the settings snapshots; do not edit.\n"
        '"""\n',
        "from ayon_gql.client import (\n"
        "    AddonSettings,\n"
        "    AddonSettingsSpec,\n"
        "    AsyncAddonSettings,\n"
        "    AsyncSettingsCatalog,\n"
        "    NoSettings,\n"
        "    SettingsCatalog,\n"
        ")\n",
        "\n".join(imports) + ("\n" if imports else ""),
        '__all__ = ["SPECS", "AsyncSettings", "Settings"]\n',
        "\n\n".join(specs) + ("\n" if specs else ""),
        f"#: Every addon version this package has settings models for.\nSPECS = {spec_tuple}\n",
        "\nclass Settings(SettingsCatalog):\n"
        '    """Typed addon settings (``client.settings``)."""\n\n'
        "    specs = SPECS\n" + "".join("\n" + p for p in sync_props),
        "\nclass AsyncSettings(AsyncSettingsCatalog):\n"
        '    """Typed addon settings (``client.settings``), async."""\n\n'
        "    specs = SPECS\n" + "".join("\n" + p for p in async_props),
    ]
    return "\n".join(part for part in parts if part)


def write_settings_package(snapshots: Sequence[SettingsSnapshot], package: Path) -> list[Path]:
    """Write ``settings/`` into ``package``: one module per snapshot and the catalog."""
    folder = package / SETTINGS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for snap in snapshots:
        header = (
            f"# Settings of {snap.addon.name} {snap.addon.version} ({snap.kind}), generated by\n"
            "# `ayon-gql generate` from its settings snapshot; do not edit.\n\n"
        )
        cls = settings_class_name(snap.addon.name, snap.kind)
        path = folder / f"{_module_name(snap)}.py"
        path.write_text(settings_module_code(snap.schema, cls, header=header), encoding="utf-8")
        written.append(path)
    catalog = folder / "__init__.py"
    catalog.write_text(_catalog_code(snapshots), encoding="utf-8")
    written.append(catalog)
    return written
