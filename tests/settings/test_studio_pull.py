"""A studio's own pull: `init --url` and `schema pull` keep its addons' settings
schemas per addon version, `generate` types them (docstrings from the titles),
and the studio's client reads studio, project and site settings typed."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ayon_gql.cli import main
from ayon_gql.codegen import generate
from ayon_gql.testing import DEMO_PROJECT, StandInServer

PACKAGE = "studio_settings_pkg"


@pytest.fixture(scope="module")
def project(
    tmp_path_factory: pytest.TempPathFactory, ayon_standin: StandInServer
) -> Iterator[Path]:
    ayon_standin.reset()
    root = tmp_path_factory.mktemp("settings-project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AYON_API_KEY", ayon_standin.api_key)
        assert main(["init", PACKAGE, "--project", str(root), "--url", ayon_standin.url]) == 0
        patch.syspath_prepend(str(root))
        yield root
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]


def test_init_keeps_the_bundles_settings_schemas_with_texts(project: Path) -> None:
    folder = project / "schema" / "addons"
    assert sorted(p.name for p in folder.iterdir()) == [
        "demo_pipeline-1.0.0.no-endpoints.json",  # pulled: that addon has no endpoints
        "demo_pipeline-1.0.0.settings.json",
        "demo_pipeline-1.0.0.site-settings.json",
        "studio_tools-1.0.0.openapi.json",  # its endpoints, beside its settings
        "studio_tools-1.0.0.settings.json",
    ]
    snapshot = json.loads((folder / "studio_tools-1.0.0.settings.json").read_text())
    header = snapshot["x-ayon-gql"]
    assert (header["addon"], header["version"], header["texts"]) == (
        "studio_tools",
        "1.0.0",
        "kept",
    )
    assert snapshot["schema"]["properties"]["max_threads"]["title"] == "Threads"


def test_generated_models_carry_docstrings_and_type_site_settings(project: Path) -> None:
    source = (project / PACKAGE / "settings" / "studio_tools.py").read_text()
    assert '"""\n    Threads\n    """' in source
    site = importlib.import_module(f"{PACKAGE}.settings.demo_pipeline_site")
    assert site.DemoPipelineSiteSettings.model_fields["max_cache_gb"].annotation == (int | None)


def test_the_studio_client_reads_every_level_typed(
    project: Path, ayon_standin: StandInServer
) -> None:
    package = importlib.import_module(PACKAGE)
    site_models = importlib.import_module(f"{PACKAGE}.settings.demo_pipeline_site")
    with package.AyonClient(ayon_standin.url, api_key=ayon_standin.api_key) as client:
        demo = client.settings.demo_pipeline
        site = demo.site()
        assert isinstance(site, site_models.DemoPipelineSiteSettings)
        assert site.max_cache_gb == 50
        assert demo.project(DEMO_PROJECT).publish.burnin is True
        assert client.settings.studio_tools.studio().sync.interval_s == 30.0


def test_generation_is_byte_stable(project: Path) -> None:
    assert generate(project, check=True).up_to_date


def test_schema_pull_structure_only_leaves_texts_out(
    project: Path, ayon_standin: StandInServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    monkeypatch.setenv("AYON_API_KEY", ayon_standin.api_key)
    args = ["schema", "pull", "--url", ayon_standin.url, "--settings-structure-only"]
    assert main(args) == 0
    snapshot = json.loads((project / "schema/addons/studio_tools-1.0.0.settings.json").read_text())
    assert snapshot["x-ayon-gql"]["texts"] == "left out"
    assert "title" not in snapshot["schema"]["properties"]["max_threads"]
    assert "description" not in snapshot["schema"]
