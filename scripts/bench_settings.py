"""Generation and import time of a large addon settings schema.

Makes a schema the size of ynput's largest addons (``--models`` nested
models, default 100: each with bounded numbers, choices, a run-time enum, a
multiselect, a nested group and a list of models, AYON's extensions on every
field), then measures, in this run:

- generation: ayon-gql's ``settings_module_code`` (AYON extensions turned into
  JSON Schema, then datamodel-code-generator in-process), against
  datamodel-code-generator alone on the raw schema;
- import: a fresh interpreter importing the generated module, against one
  importing only what it builds on (pydantic and ``ayon_gql.settings``);
- reading: ``read_settings`` (lenient) of the defaults, against pydantic's
  ``model_validate`` of the same values.

    .venv/bin/python scripts/bench_settings.py [--models 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

SCOPE = ["project", "studio"]


def _field(kind: str, default: Any, **extra: Any) -> dict[str, Any]:
    return {
        "default": default,
        "disabled": False,
        "scope": SCOPE,
        "title": "A field",
        **extra,
        "type": kind,
    }


def make_schema(models: int) -> dict[str, Any]:
    """A settings schema with ``models`` nested models (a tree, lists of models at every level)."""
    definitions: dict[str, Any] = {}
    for i in range(models):
        props: dict[str, Any] = {
            "enabled": _field("boolean", True),
            "count": _field("integer", 4, minimum=1, maximum=64),
            "ratio": _field("number", 0.5, exclusiveMinimum=0, maximum=1),
            "name": _field("string", f"model {i}", section="Naming"),
            "mode": _field("string", "fast", enum=["fast", "balanced", "slow"]),
            "task_type": _field(
                "string", "", enum=["Animation", "Lighting"], enumLabels={"Animation": "A"}
            ),
            "families": {
                "items": {"enum": ["render", "plate", "review"], "type": "string"},
                "scope": SCOPE,
                "type": "array",
                "uniqueItems": True,
                "widget": "multiselect",
            },
            "tint": _field("string", [255, 255, 255, 1.0], widget="color", colorFormat="uint8"),
        }
        for child in (2 * i + 1, 2 * i + 2):
            if child < models:
                props[f"group_{child}"] = {"allOf": [{"$ref": f"#/definitions/Model{child}"}]}
                props[f"items_{child}"] = {
                    "items": {"$ref": f"#/definitions/Model{child}"},
                    "scope": SCOPE,
                    "type": "array",
                }
        definitions[f"Model{i}"] = {
            "isgroup": i % 3 == 0,
            "layout": "compact",
            "properties": props,
            "type": "object",
        }
    root = {"allOf": [{"$ref": "#/definitions/Model0"}], "title": "Root"}
    return {
        "definitions": definitions,
        "properties": {"root": root, "threads": _field("integer", 8, minimum=1)},
        "title": "Large Addon 1.0.0",
        "type": "object",
    }


def _best(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _plain_dmcg(schema: dict[str, Any]) -> str:
    from datamodel_code_generator import (
        DataModelType,
        Formatter,
        InputFileType,
        PythonVersion,
        generate,
    )

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return str(
            generate(
                json.dumps(schema),
                input_file_type=InputFileType.JsonSchema,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_310,
                disable_timestamp=True,
                formatters=[Formatter.BUILTIN],
            )
        )


def _import_time(folder: Path, statement: str, repeat: int) -> float:
    def run() -> None:
        subprocess.run([sys.executable, "-c", statement], cwd=folder, check=True)

    return _best(run, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from ayon_gql.codegen._settings_code import settings_module_code
    from ayon_gql.settings import read_settings

    schema = make_schema(args.models)
    code = settings_module_code(schema, "LargeAddonSettings", header="")
    classes = code.count("(SettingsModel):")
    generation = _best(
        lambda: settings_module_code(schema, "LargeAddonSettings", header=""), args.repeat
    )
    plain = _best(lambda: _plain_dmcg(schema), args.repeat)
    print(
        f"schema: {args.models} nested models, {len(json.dumps(schema)) // 1024} KiB; "
        f"generated {classes} classes, {len(code.splitlines())} lines"
    )
    print(
        f"generation  ayon-gql {generation * 1000:7.1f} ms   datamodel-code-generator alone "
        f"{plain * 1000:7.1f} ms   ratio {generation / plain:.2f}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "large_settings.py").write_text(code, encoding="utf-8")
        base = "import pydantic, ayon_gql.settings"
        subprocess.run(
            [sys.executable, "-c", f"{base}; import large_settings"], cwd=folder, check=True
        )
        with_module = _import_time(folder, f"{base}; import large_settings", args.repeat)
        without = _import_time(folder, base, args.repeat)
        first = "; large_settings.LargeAddonSettings()"
        used = _import_time(folder, f"{base}; import large_settings{first}", args.repeat)
        print(
            f"import      with the module {with_module * 1000:7.1f} ms   without "
            f"{without * 1000:7.1f} ms   ratio {with_module / without:.2f}"
        )
        print(
            f"first use   import and build the models {used * 1000:7.1f} ms   "
            f"ratio to the import alone {used / with_module:.2f} (pydantic builds on first use)"
        )
        sys.path.insert(0, str(folder))
        import large_settings  # type: ignore[import-not-found]

        model = large_settings.LargeAddonSettings
        values = model().model_dump(by_alias=True)
        lenient = _best(lambda: read_settings(model, values), args.repeat * 20)
        strict = _best(lambda: model.model_validate(values), args.repeat * 20)
        print(
            f"reading     read_settings {lenient * 1e6:7.1f} us   model_validate "
            f"{strict * 1e6:7.1f} us   ratio {lenient / strict:.2f}"
        )


if __name__ == "__main__":
    main()
