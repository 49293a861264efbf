"""Upgrade safety: settings changes between two addon versions in `schema diff`,
and studio code reading a removed setting failing mypy --strict after generate."""

from __future__ import annotations

import copy
import datetime
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ayon_gql.codegen._settings_code import write_settings_package
from ayon_gql.schema._addons import AddonRef
from ayon_gql.schema._settings_snapshot import load_settings_snapshot, make_snapshot

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "schema" / "addons" / "studio_tools-1.0.0.settings.json"
CHECK = [sys.executable, "-m", "ayon_gql", "check", "--project", str(ROOT)]


def _newer(schema: dict[str, Any]) -> dict[str, Any]:
    """studio_tools as a 1.1.0 might change it."""
    new = copy.deepcopy(schema)
    props = new["properties"]
    del props["max_threads"]
    props["render_farm"]["enum"] = ["deadline", "local"]
    props["notes"]["type"] = "integer"
    props["environment"]["default"] = []
    new["definitions"]["SyncSettings"]["properties"]["interval_s"]["default"] = 60.0
    new["definitions"]["ReviewPreset"]["properties"]["codec"]["enum"] = ["h264", "prores"]
    return new


def _write_versions(folder: Path) -> tuple[Path, Path]:
    old = load_settings_snapshot(SNAPSHOT)
    new = make_snapshot(
        AddonRef("studio_tools", "1.1.0"),
        "settings",
        _newer(old.schema),
        server_version="1.16.0",
        keep_texts=False,
        date=datetime.date(2026, 12, 7),
    )
    return old.write(folder), new.write(folder)


def test_schema_diff_reports_settings_changes(tmp_path: Path) -> None:
    old, new = _write_versions(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "ayon_gql", "schema", "diff", str(old), str(new), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    found = {
        (severity, change["kind"], change["field"])
        for severity in ("breaking", "dangerous")
        for change in report[severity]
    }
    assert found == {
        ("breaking", "SETTING_REMOVED", "max_threads"),
        ("breaking", "SETTING_CHOICE_REMOVED", "render_farm"),
        ("breaking", "SETTING_TYPE_CHANGED", "notes"),
        ("breaking", "SETTING_CHOICE_REMOVED", "review_presets.[].codec"),
        ("dangerous", "SETTING_DEFAULT_CHANGED", "sync.interval_s"),
    }


def test_reading_a_removed_setting_fails_mypy_after_generate(tmp_path: Path) -> None:
    snapshots = tmp_path / "snapshots"
    _, new = _write_versions(snapshots)
    package = tmp_path / "studio_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    write_settings_package([load_settings_snapshot(new)], package)
    code = tmp_path / "farm.py"
    code.write_text(
        "from studio_pkg.settings.studio_tools import StudioToolsSettings\n\n\n"
        "def threads(settings: StudioToolsSettings) -> int:\n"
        "    return settings.max_threads\n\n\n"
        "def farm(settings: StudioToolsSettings) -> str:\n"
        "    return settings.render_farm\n"
    )
    env = {
        **os.environ,
        "MYPYPATH": os.pathsep.join([str(ROOT), str(ROOT / "scripts" / "mypy_path")]),
    }
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(code)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    # the generated models are clean under --strict ...
    assert not [line for line in run.stdout.splitlines() if line.startswith("studio_pkg")]
    # ... and in the studio's code only the line reading the removed setting fails
    errors = [line for line in run.stdout.splitlines() if line.startswith("farm.py:")]
    assert errors and all(line.startswith("farm.py:5:") for line in errors), run.stdout
    assert any('"StudioToolsSettings" has no attribute "max_threads"' in e for e in errors)


def test_check_fails_on_breaking_settings_changes(tmp_path: Path) -> None:
    new_dir = tmp_path / "pulled"
    old, new = _write_versions(tmp_path / "both")
    new_dir.mkdir()
    new.rename(new_dir / new.name)
    run = subprocess.run(
        [*CHECK, "--json", "--settings", str(new_dir), "--base-settings", str(old.parent)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    assert report["failing_operations"] == [] and report["affected_operations"] == []
    assert {c["field"] for c in report["settings_breaking"]} == {
        "max_threads",
        "render_farm",
        "notes",
        "review_presets.[].codec",
    }
    assert [c["field"] for c in report["settings_dangerous"]] == ["sync.interval_s"]
    same = subprocess.run(
        [*CHECK, "--settings", str(old.parent), "--base-settings", str(old.parent)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert same.returncode == 0, same.stdout + same.stderr


def test_generate_takes_one_version_per_addon(tmp_path: Path) -> None:
    """After a pull brings a new addon version beside the old one, generate says
    which to drop, unless [tool.ayon-gql] addons names one."""
    from ayon_gql._errors import GenerationError
    from ayon_gql._project import parse_section
    from ayon_gql.codegen._generate import _write_settings

    _write_versions(tmp_path / "schema" / "addons")
    package = tmp_path / "out"
    package.mkdir()
    both = parse_section(tmp_path, {"package": "studio_pkg"})
    with pytest.raises(GenerationError) as caught:
        _write_settings(both, package)
    assert str(caught.value) == (
        "schema/addons holds settings snapshots of studio_tools 1.0.0 and 1.1.0: remove the "
        "version you no longer run, or name one in [tool.ayon-gql] addons"
    )
    named = parse_section(tmp_path, {"package": "studio_pkg", "addons": {"studio_tools": "1.1.0"}})
    _write_settings(named, package)
    catalog = (package / "settings" / "__init__.py").read_text()
    assert '"studio_tools", "1.1.0"' in catalog
    assert "max_threads" not in (package / "settings" / "studio_tools.py").read_text()
