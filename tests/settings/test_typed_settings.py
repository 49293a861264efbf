"""client.settings: typed reads equal the server's JSON, lenient on stored values
the schema does not allow, strict writes refused before sending, partial
updates, resets, the bundle-wide view and a service's own settings."""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Iterator

import httpx
import pytest
from ayon_gql_generated.settings.demo_pipeline import DemoPipelineSettings
from ayon_gql_generated.settings.studio_tools import (
    ReviewPreset,
    StudioToolsSettings,
    SyncSettings,
)

from ayon_gql import AsyncAyonClient, AyonClient
from ayon_gql.settings import (
    AddonSettingsSpec,
    NoSettings,
    SettingsCatalog,
    SettingsValidationError,
    SettingsValueWarning,
    kept_values,
)
from ayon_gql.testing import StandInServer

PROJECT = "demo_Commercial"
TOOLS = "/api/addons/studio_tools/1.0.0"


@pytest.fixture
def client(ayon_server: StandInServer) -> Iterator[AyonClient]:
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as created:
        yield created


@pytest.fixture
def http(ayon_server: StandInServer) -> Iterator[httpx.Client]:
    headers = {"X-Api-Key": ayon_server.api_key}
    with httpx.Client(base_url=ayon_server.url, headers=headers) as made:
        yield made


def test_typed_reads_equal_the_raw_json(client: AyonClient, http: httpx.Client) -> None:
    tools = client.settings.studio_tools
    studio = tools.studio()
    assert isinstance(studio, StudioToolsSettings)
    assert isinstance(studio.review_presets[0], ReviewPreset)
    assert studio.model_dump(by_alias=True) == http.get(f"{TOOLS}/settings").json()
    project = client.settings.demo_pipeline.project(PROJECT)
    assert isinstance(project, DemoPipelineSettings)
    raw = http.get(f"/api/addons/demo_pipeline/1.0.0/settings/{PROJECT}").json()
    assert project.model_dump(by_alias=True) == raw
    site = client.settings.demo_pipeline.site()
    assert (
        site.model_dump(by_alias=True)
        == http.get("/api/addons/demo_pipeline/1.0.0/siteSettings").json()
    )


def test_values_the_schema_does_not_allow_are_kept_and_reported(
    client: AyonClient, ayon_server: StandInServer, http: httpx.Client
) -> None:
    # stored behind the server's validation, as old addon versions leave them
    ayon_server.rest.state.settings.studio[("studio_tools", "1.0.0", "production")] = {
        "render_farm": "cloud",
        "review_presets": [{"codec": "", "name": "x", "width": [1, 2]}],
        "sync": {"api_secret": ["not", "a", "string"]},
    }
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        studio = client.settings.studio_tools.studio()
    assert studio.model_dump(by_alias=True) == http.get(f"{TOOLS}/settings").json()
    paths = {".".join(kept.path) for kept in kept_values(studio)}
    assert paths == {
        "render_farm",
        "review_presets.0.codec",
        "review_presets.0.width",
        "sync.api_secret",
    }
    messages = [str(w.message) for w in caught if issubclass(w.category, SettingsValueWarning)]
    assert len(messages) == 1 and "review_presets.0.codec" in messages[0]
    assert isinstance(studio.sync, SyncSettings) and studio.max_threads == 8


def test_invalid_writes_are_refused_before_sending(
    client: AyonClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("sent")

    tools = client.settings.studio_tools
    monkeypatch.setattr(tools._rest, "set_studio", never)
    monkeypatch.setattr(tools._rest, "set_project", never)
    with pytest.raises(SettingsValidationError) as caught:
        tools.update_studio({"max_threads": 0, "render_farm": "cloud"})
    assert {path for path, _ in caught.value.errors} == {"max_threads", "render_farm"}
    assert "\n" not in str(caught.value)
    bad = StudioToolsSettings.model_construct(max_threads=300)
    with pytest.raises(SettingsValidationError, match="max_threads"):
        tools.set_studio(bad)
    with pytest.raises(SettingsValidationError, match=r"review_presets\.0\.width"):
        tools.update_project(PROJECT, {"review_presets": [{"name": "a", "width": 8}]})
    assert tools.studio().max_threads == 8


def test_partial_update_changes_only_what_it_sets(client: AyonClient) -> None:
    tools = client.settings.studio_tools
    tools.update_studio(StudioToolsSettings(render_farm="deadline", max_threads=16))
    saved = tools.update_project(PROJECT, StudioToolsSettings(sync=SyncSettings(enabled=True)))
    project = tools.project(PROJECT)
    assert project == saved
    assert (project.render_farm, project.max_threads, project.sync.enabled) == (
        "deadline",
        16,
        True,
    )
    overrides = client.rest.settings.project_overrides("studio_tools", "1.0.0", PROJECT)
    assert {k for k, v in overrides.items() if v.level == "project"} == {
        "root_sync",
        "root_sync_enabled",
    }
    tools.reset_project(PROJECT)
    assert tools.project(PROJECT).sync.enabled is False
    tools.reset_studio()
    assert tools.studio().render_farm == "local"


def test_bundle_view_is_typed_where_the_package_has_the_model(client: AyonClient) -> None:
    bundle = client.settings.all()
    assert bundle.versions == {"demo_pipeline": "1.0.0", "studio_tools": "1.0.0"}
    tools = bundle.typed(StudioToolsSettings)
    assert tools is not None and tools.render_farm == "local"
    staging = client.settings.all(variant="staging")
    assert staging.typed(StudioToolsSettings) is None
    assert isinstance(staging.addons["demo_pipeline"], DemoPipelineSettings)
    named = client.settings.all(bundle_name="demo_bundle_2026_02_staging", project=PROJECT)
    assert named.bundle_name == "demo_bundle_2026_02_staging"
    assert named.typed(DemoPipelineSettings) == client.settings.demo_pipeline.project(PROJECT)

    class OlderPackage(SettingsCatalog):
        """A package generated for studio_tools 0.9.0 only."""

        specs = (AddonSettingsSpec("studio_tools", "0.9.0", StudioToolsSettings, NoSettings),)

    # an addon version the package has no model for comes as the server's JSON
    older = OlderPackage(client.rest.settings).all()
    assert older.addons["studio_tools"] == client.rest.settings.studio("studio_tools", "1.0.0")
    assert older.addons["demo_pipeline"] == client.rest.settings.studio("demo_pipeline", "1.0.0")
    assert older.typed(StudioToolsSettings) is None


def test_a_service_reads_its_own_settings(
    client: AyonClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AYON_ADDON_NAME", "studio_tools")
    monkeypatch.setenv("AYON_ADDON_VERSION", "1.0.0")
    settings = client.settings.service(StudioToolsSettings)
    assert settings.max_threads == 8
    with pytest.raises(Exception, match="not for the addon of DemoPipelineSettings"):
        client.settings.service(DemoPipelineSettings)
    monkeypatch.delenv("AYON_ADDON_VERSION")
    with pytest.raises(Exception, match="AYON_ADDON_VERSION not set"):
        client.settings.service(StudioToolsSettings)


def test_async_twin(ayon_server: StandInServer) -> None:
    async def run() -> list[int]:
        async with AsyncAyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
            tools = client.settings.studio_tools
            await tools.update_studio({"max_threads": 32})
            await tools.update_project(PROJECT, StudioToolsSettings(max_threads=3))
            seen = [(await tools.studio()).max_threads, (await tools.project(PROJECT)).max_threads]
            whole = await tools.project(PROJECT)
            await tools.set_project(PROJECT, whole.model_copy(update={"max_threads": 5}))
            seen.append((await tools.project(PROJECT)).max_threads)
            await tools.reset_project(PROJECT)
            seen.append((await tools.project(PROJECT)).max_threads)
            await tools.reset_studio()
            seen.append((await tools.studio()).max_threads)
            return seen

    assert asyncio.run(run()) == [32, 3, 5, 32, 8]
