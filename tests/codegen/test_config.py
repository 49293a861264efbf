"""The ariadne-codegen config built from [tool.ayon-gql]."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ayon_gql import ProjectConfigError
from ayon_gql._project import load_project, parse_section
from ayon_gql.codegen import build_codegen_config
from ayon_gql.codegen._config import templates_dir, validate_codegen_config


def _config(root: Path, **codegen: Any) -> dict[str, Any]:
    section: dict[str, Any] = {"package": "studio_ayon", "all_attrib": True}
    if codegen:
        section["codegen"] = codegen
    project = parse_section(root, section)
    snapshot = root / "snapshot" / "ayon.graphql"
    return build_codegen_config(project, snapshot=snapshot, target_package_path=root / "out")


def test_everything_but_the_user_choices_comes_from_ayon_gql(studio: Path) -> None:
    project = load_project(studio)
    snapshot = studio / "ayon.graphql"
    snapshot.write_text("", encoding="utf-8")
    (studio / "out").mkdir()
    config = build_codegen_config(project, snapshot=snapshot, target_package_path=studio / "out")
    section = config["tool"]["ariadne-codegen"]
    assert section["schema_path"] == str(studio / "schema" / "ayon.graphql")
    assert section["queries_path"] == str(studio / "queries")
    assert section["target_package_name"] == "studio_ayon"
    assert section["target_package_path"] == str(studio / "out")
    assert section["client_name"] == "Operations"
    assert section["async_client"] is False
    assert section["plugins"] == [
        "ariadne_codegen.contrib.client_forward_refs.ClientForwardRefsPlugin",
        "ayon_gql.codegen.plugin.AyonPlugin",
    ]
    assert section["scalars"] == {"DateTime": {"type": "datetime.datetime"}}
    base_client = Path(section["base_client_file_path"])
    assert base_client.is_file() and base_client.name == "base_client.py"
    # Every other template is copied, then the snapshot under its fixed name.
    templates = sorted(
        str(p) for p in templates_dir().iterdir() if p.is_file() and p != base_client
    )
    assert "async_base_client.py" in {Path(p).name for p in templates}
    assert section["files_to_include"] == [*templates, str(snapshot)]
    # The raw section travels along for plugins reading feature options.
    assert config["tool"]["ayon-gql"] == {
        "schema": "schema/ayon.graphql",
        "queries": "queries",
        "package": "studio_ayon",
    }
    validate_codegen_config(config, project)  # ariadne-codegen accepts it


def test_codegen_entries_override_and_extend(tmp_path: Path) -> None:
    (tmp_path / "extra.py").write_text("", encoding="utf-8")
    config = _config(
        tmp_path,
        include_comments="stable",
        plugins=["studio.plugins.Extra", "ayon_gql.codegen.plugin.AyonPlugin"],
        files_to_include=["extra.py"],
        scalars={"JSON": {"type": "typing.Any"}},
    )
    section = config["tool"]["ariadne-codegen"]
    assert section["include_comments"] == "stable"
    assert section["lazy_imports"] is True  # untouched defaults stay
    assert section["plugins"][-1] == "studio.plugins.Extra"
    assert section["plugins"].count("ayon_gql.codegen.plugin.AyonPlugin") == 1
    assert str(tmp_path / "extra.py") in section["files_to_include"]
    assert section["files_to_include"][-1].endswith("ayon.graphql")
    assert section["scalars"] == {
        "DateTime": {"type": "datetime.datetime"},
        "JSON": {"type": "typing.Any"},
    }
    assert config["tool"]["ayon-gql"]["all_attrib"] is True


@pytest.mark.parametrize(
    ("option", "hint"),
    [
        ("queries_path", r"set queries in \[tool.ayon-gql\]"),
        ("target_package_name", r"set package in \[tool.ayon-gql\]"),
        ("client_name", "plugin needs 'Operations'"),
        ("async_client", "plugin needs False"),
    ],
)
def test_options_ayon_gql_owns_are_refused(tmp_path: Path, option: str, hint: str) -> None:
    with pytest.raises(ProjectConfigError, match=hint):
        _config(tmp_path, **{option: "x"})


def test_ariadne_codegen_rejections_name_the_project(studio: Path) -> None:
    (studio / "pyproject.toml").write_text(
        '[tool.ayon-gql]\npackage = "studio_ayon"\n[tool.ayon-gql.codegen]\n'
        'include_comments = "sometimes"\n',
        encoding="utf-8",
    )
    project = load_project(studio)
    config = build_codegen_config(
        project, snapshot=studio / "ayon.graphql", target_package_path=studio
    )
    with pytest.raises(ProjectConfigError, match=r"pyproject.toml: invalid code generation.*"):
        validate_codegen_config(config, project)


def test_our_pyproject_has_no_hand_written_codegen_section() -> None:
    root = Path(__file__).resolve().parents[2]
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert "[tool.ariadne-codegen" not in text
    assert load_project(root).package == "ayon_gql_generated"
