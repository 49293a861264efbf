"""Addon selection: ``[tool.ayon-gql] addons`` when given, else the production bundle."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ayon_gql import AyonClient, InvalidInputError, ProjectConfigError, SchemaSourceError
from ayon_gql._project import load_project
from ayon_gql.schema._addons import (
    AddonRef,
    addon_snapshot_path,
    configured_addons,
    production_addons,
    select_addons,
)
from ayon_gql.testing import StandInServer

_UNREACHABLE = "http://127.0.0.1:9"


def _project(tmp_path: Path, extra: str = "") -> Path:
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.ayon-gql]\npackage = "studio_ayon"\n{extra}', encoding="utf-8"
    )
    return tmp_path


def test_addon_ref_names_its_snapshot_files_and_rest_prefix(tmp_path: Path) -> None:
    ref = AddonRef("studio_tools", "1.0.0")
    assert ref.snapshot_name("openapi") == "studio_tools-1.0.0.openapi.json"
    assert addon_snapshot_path(tmp_path, ref, "site-settings") == (
        tmp_path / "studio_tools-1.0.0.site-settings.json"
    )
    assert ref.path == "/api/addons/studio_tools/1.0.0"
    assert str(ref) == "studio_tools 1.0.0"


@pytest.mark.parametrize(("name", "version"), [("../etc", "1.0.0"), ("tools", "1.0/2"), ("", "1")])
def test_addon_ref_refuses_names_and_versions_unsafe_in_paths(name: str, version: str) -> None:
    with pytest.raises(InvalidInputError):
        AddonRef(name, version)


def test_config_addons_table_wins_and_the_server_is_not_asked(tmp_path: Path) -> None:
    root = _project(tmp_path, 'addons = { studio_tools = "1.0.0", core = "1.4.2" }\n')
    project = load_project(root)
    expected = (AddonRef("core", "1.4.2"), AddonRef("studio_tools", "1.0.0"))
    assert configured_addons(project) == expected
    # An unreachable URL: a request would fail, so the table alone decides.
    assert select_addons(_UNREACHABLE, project) == expected


def test_addons_dir_defaults_beside_the_schema_and_can_be_set(tmp_path: Path) -> None:
    project = load_project(_project(tmp_path))
    assert project.addons is None
    assert configured_addons(project) is None
    assert project.addons_folder == (tmp_path / "schema" / "addons").resolve()
    other = tmp_path / "other"
    other.mkdir()
    custom = load_project(_project(other, 'addons_dir = "snapshots/addons"\n'))
    assert custom.addons_folder == (other / "snapshots" / "addons").resolve()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('addons = ["studio_tools"]\n', "addons must be a table"),
        ("addons = { studio_tools = 1 }\n", "addons.studio_tools must be a version string"),
        ('addons = { "bad/name" = "1.0.0" }\n', "invalid addon name 'bad/name'"),
        ('addons = { tools = "1 0" }\n', "invalid addon version '1 0'"),
    ],
)
def test_bad_addons_tables_fail_naming_the_file(tmp_path: Path, table: str, message: str) -> None:
    root = _project(tmp_path, table)
    with pytest.raises(ProjectConfigError, match=message) as caught:
        configured_addons(load_project(root))
    assert str(root / "pyproject.toml") in str(caught.value)
    assert "\n" not in str(caught.value)


def test_without_a_table_the_production_bundle_decides(
    ayon_server: StandInServer, tmp_path: Path
) -> None:
    project = load_project(_project(tmp_path))
    chosen = select_addons(ayon_server.url, project, api_key=ayon_server.api_key)
    assert chosen == (AddonRef("demo_pipeline", "1.0.0"), AddonRef("studio_tools", "1.0.0"))


def test_addons_turned_off_in_the_bundle_are_left_out(ayon_server: StandInServer) -> None:
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        client.rest.bundles.create(
            {"name": "prod_b", "addons": {"demo_pipeline": "1.0.0", "off_addon": None}}
        )
        client.rest.bundles.promote("prod_b")
        assert production_addons(client.connection) == (AddonRef("demo_pipeline", "1.0.0"),)


def test_no_production_bundle_means_no_addons(ayon_server: StandInServer) -> None:
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        for bundle in client.rest.bundles.list().bundles:
            if bundle.is_production:
                client.rest.bundles.update(bundle.name, is_production=False)
        assert production_addons(client.connection) == ()


def test_an_unreachable_server_is_a_one_line_schema_source_error() -> None:
    with pytest.raises(
        SchemaSourceError, match=re.escape(f"cannot read {_UNREACHABLE}/api/bundles")
    ):
        select_addons(_UNREACHABLE, None, api_key="key", timeout=1)
