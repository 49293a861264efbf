"""Settings models from schemas with every AYON extension and awkward names:
generation never breaks, names stay exact to the server, values round-trip."""

from __future__ import annotations

import sys
import types
import typing
import warnings
from typing import Any

import pytest

from ayon_gql.codegen._settings_code import settings_module_code
from ayon_gql.settings import SettingsValidationError, check_settings, kept_values, read_settings

SCOPE = ["project", "studio"]

SCHEMA: dict[str, Any] = {
    "definitions": {
        "Output": {
            "isgroup": True,
            "layout": "expanded",
            "properties": {
                "kind": {
                    "conditionalEnum": True,
                    "default": "file",
                    "enum": ["file", "stream"],
                    "enumLabels": {"file": "File", "stream": "Stream"},
                    "title": "Kind",
                    "type": "string",
                },
                "file": {"default": "", "section": "Target", "title": "File", "type": "string"},
                "stream": {"default": 0, "title": "Port", "type": "integer", "disabled": True},
            },
            "type": "object",
        }
    },
    "description": "An addon whose settings use everything.",
    "isgroup": False,
    "properties": {
        "class": {"default": "a", "scope": SCOPE, "title": "Keyword", "type": "string"},
        "2d-scale": {
            "default": 1.0,
            "scope": SCOPE,
            "title": "Not an identifier",
            "type": "number",
        },
        "model_config": {"default": "x", "scope": SCOPE, "type": "string"},
        "json": {"default": False, "scope": SCOPE, "type": "boolean"},
        "mode": {
            "default": "fast",
            "enum": ["fast", "slow"],
            "scope": ["studio"],
            "title": "A choice the server checks",
            "type": "string",
        },
        "task_type": {
            "default": "",
            "enum": ["Animation", "Compositing"],
            "enumLabels": {"Animation": "Animation", "Compositing": "Compositing"},
            "title": "Resolved at run time",
            "type": "string",
        },
        "legacy_choice": {"default": "", "enum": ["left", "right"], "type": "string"},
        "families": {
            "items": {"enum": ["render", "plate"], "type": "string"},
            "title": "Multiselect",
            "type": "array",
            "uniqueItems": True,
            "widget": "multiselect",
        },
        "tint": {
            "colorAlpha": True,
            "colorFormat": "uint8",
            "default": [255, 0, 0, 1.0],
            "title": "Colour",
            "type": "string",
            "widget": "color",
        },
        "hex_tint": {
            "colorFormat": "hex",
            "default": "#ff0000",
            "type": "string",
            "widget": "color",
        },
        "script": {"default": "", "type": "string", "widget": "textarea", "syntax": "python"},
        "output": {"allOf": [{"$ref": "#/definitions/Output"}], "title": "Output"},
        "outputs": {"items": {"$ref": "#/definitions/Output"}, "type": "array", "tags": ["x"]},
        "limit": {"default": 5, "exclusiveMaximum": 10, "minimum": 0, "type": "integer"},
        "maybe": {"placeholder": "unset", "title": "Nullable", "type": "string"},
    },
    "title": "Everything 1.0.0",
    "type": "object",
}

VALUES: dict[str, Any] = {
    "class": "b",
    "2d-scale": 2.5,
    "model_config": "y",
    "json": True,
    "mode": "slow",
    "task_type": "Lighting",
    "legacy_choice": "",
    "families": ["render", "review"],
    "tint": [0, 128, 255, 0.5],
    "hex_tint": "#00ff00",
    "script": "print(1)",
    "output": {"kind": "stream", "file": "", "stream": 9000},
    "outputs": [{"kind": "file", "file": "/out", "stream": 0}],
    "limit": 9,
    "maybe": None,
}


def _module() -> types.ModuleType:
    code = settings_module_code(SCHEMA, "EverythingSettings", header="# test\n")
    module = types.ModuleType("everything_settings")
    sys.modules[module.__name__] = module  # pydantic resolves annotations through it
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no field shadows a pydantic attribute
        exec(compile(code, "everything_settings.py", "exec"), module.__dict__)
    return module


def test_generation_is_byte_stable() -> None:
    first = settings_module_code(SCHEMA, "EverythingSettings", header="")
    assert settings_module_code(SCHEMA, "EverythingSettings", header="") == first


def test_names_stay_exact_and_values_round_trip() -> None:
    model = _module().EverythingSettings
    wire_names = {field.alias or name for name, field in model.model_fields.items()}
    assert wire_names == set(SCHEMA["properties"])
    settings = read_settings(model, VALUES)
    assert kept_values(settings) == ()
    assert settings.model_dump(by_alias=True) == VALUES
    assert settings.output.kind == "stream" and settings.outputs[0].file == "/out"


def test_extensions_become_the_types_the_server_accepts() -> None:
    module = _module()
    fields = module.EverythingSettings.model_fields
    assert fields["mode"].annotation == typing.Literal["fast", "slow"]
    assert fields["task_type"].annotation is str  # enum_resolver: values known at run time
    assert fields["legacy_choice"].annotation is str  # its own default is not a choice
    assert fields["families"].annotation == list[str]
    assert fields["maybe"].annotation == (str | None)
    assert module.Output.model_fields["kind"].annotation is str  # conditionalEnum with labels
    assert set(module.Output.model_fields) == {"kind", "file", "stream"}
    assert module.EverythingSettings.__doc__.strip() == "An addon whose settings use everything."


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"mode": "medium"}, "mode"),
        ({"limit": 10}, "limit"),
        ({"2d-scale": "big"}, "2d-scale"),
        ({"outputs": [{"stream": "x"}]}, "outputs.0.stream"),
    ],
)
def test_writes_are_checked_against_the_schema(change: dict[str, Any], path: str) -> None:
    model = _module().EverythingSettings
    with pytest.raises(SettingsValidationError) as caught:
        check_settings(model, {**VALUES, **change}, "everything settings")
    assert [where for where, _ in caught.value.errors] == [path]
