"""The REST adapter over HTTP against the stand-in: installers, packages, bundles,
settings, info and attributes; bad input refused with nothing sent."""

from __future__ import annotations

import asyncio

import pytest

from ayon_gql import (
    AsyncAyonClient,
    InvalidInputError,
    NotFoundError,
    RequestValidationError,
)
from ayon_gql.rest import (
    Bundle,
    FileSource,
    Installer,
    Platform,
    RestAPI,
    ServerVersion,
    SourceType,
)
from ayon_gql.testing import StandInServer

ADDON = "demo_pipeline"
PROJECT = "demo_Commercial"


def _sent(server: StandInServer, method: str | None = None) -> list[str]:
    return [r.path for r in server.requests if method is None or r.method == method]


# -- installers and dependency packages ---------------------------------------


def test_list_installers_and_filter(rest: RestAPI) -> None:
    everything = rest.installers.list()
    assert {item.platform for item in everything} == set(Platform)
    linux = rest.installers.list(platform="linux")
    assert [item.platform for item in linux] == [Platform.LINUX]
    assert rest.installers.list(version="0.0.1") == []
    assert rest.installers.list(variant="production")


def test_bad_platform_is_refused_before_sending(rest: RestAPI, ayon_server: StandInServer) -> None:
    ayon_server.clear_requests()
    with pytest.raises(InvalidInputError, match="platform"):
        rest.installers.list(platform="amiga")
    with pytest.raises(InvalidInputError, match="variant"):
        rest.installers.list(variant="my_dev_bundle")
    with pytest.raises(InvalidInputError, match="platform"):
        rest.dependency_packages.list(platform="beos")
    with pytest.raises(InvalidInputError, match="platform"):
        rest.installers.create({"filename": "x.exe", "platform": "amiga", "version": "1"})
    with pytest.raises(InvalidInputError, match="checksum algorithm"):
        rest.installers.download(
            "AYON-1.2.3-linux-setup.sh", checksum="ab", checksum_algorithm="crc32"
        )
    with pytest.raises(InvalidInputError):
        rest.installers.delete("../../api/bundles")
    assert _sent(ayon_server) == []


def test_get_one_installer_and_missing_one(rest: RestAPI) -> None:
    first = rest.installers.list()[0]
    assert rest.installers.get(first.filename) == first
    with pytest.raises(NotFoundError):
        rest.installers.get("nope-1.0.0.exe")


def test_installer_metadata_lifecycle(rest: RestAPI, ayon_server: StandInServer) -> None:
    item = Installer(
        filename="AYON-2.0.0-linux.sh",
        platform=Platform.LINUX,
        version="2.0.0",
        python_version="3.11.9",
        python_modules={"pydantic": "2.9.2"},
        runtime_python_modules={"PySide6": "6.7.1"},
    )
    rest.installers.create(item)
    create = [r for r in ayon_server.requests if r.method == "POST"][-1]
    assert create.json == {
        "filename": "AYON-2.0.0-linux.sh",
        "platform": "linux",
        "version": "2.0.0",
        "pythonVersion": "3.11.9",
        "pythonModules": {"pydantic": "2.9.2"},
        "runtimePythonModules": {"PySide6": "6.7.1"},
    }
    rest.installers.set_sources(
        item.filename,
        [{"type": "http", "url": "https://example.com/a.sh"}, FileSource(type=SourceType.SERVER)],
    )
    stored = rest.installers.get(item.filename)
    assert [source.type for source in stored.sources] == [SourceType.HTTP, SourceType.SERVER]
    rest.installers.delete(item.filename)
    with pytest.raises(NotFoundError):
        rest.installers.get(item.filename)


def test_server_side_validation_error_is_typed(rest: RestAPI) -> None:
    # The model passes locally (camelCase extras are allowed for newer servers),
    # the stand-in refuses the missing ``version`` like the real server does.
    with pytest.raises(RequestValidationError) as caught:
        rest.installers._run(
            rest.installers._calls.create(
                Installer.model_construct(filename="x.exe", platform=Platform.LINUX),
                force=False,
            )[1]
        )
    assert any(error["loc"][-1] == "version" for error in caught.value.errors)


def test_dependency_packages(rest: RestAPI) -> None:
    packages = rest.dependency_packages.list()
    assert {package.platform for package in packages} == set(Platform)
    darwin = rest.dependency_packages.list(platform=Platform.DARWIN)
    assert len(darwin) == 1 and darwin[0].source_addons == {ADDON: "1.0.0"}
    assert rest.dependency_packages.get(darwin[0].filename).installer_version


# -- bundles --------------------------------------------------------------------


def test_list_and_get_bundles(rest: RestAPI) -> None:
    bundles = rest.bundles.list()
    assert bundles.production is not None and bundles.production.stage == "production"
    assert bundles.staging is not None
    assert rest.bundles.get(bundles.production.name) == bundles.production
    with pytest.raises(NotFoundError):
        rest.bundles.get("no_such_bundle")


def test_create_check_promote_delete(rest: RestAPI) -> None:
    production = rest.bundles.list().production
    assert production is not None
    new = Bundle(
        name="studio_2026_03",
        addons=production.addons,
        installer_version=production.installer_version,
        dependency_packages=production.dependency_packages,
    )
    check = rest.bundles.check(new)
    assert check.success and check.issues == []
    rest.bundles.create(new)
    rest.bundles.promote(new.name, to="staging")
    assert rest.bundles.list().staging_bundle == new.name
    rest.bundles.promote(new.name)
    after = rest.bundles.list()
    assert after.production_bundle == new.name
    assert after.get(production.name) is not None
    assert not after.get(production.name).is_production  # type: ignore[union-attr]
    rest.bundles.update(new.name, is_production=False, is_archived=True)
    assert rest.bundles.get(new.name).is_archived
    rest.bundles.delete(new.name)
    with pytest.raises(NotFoundError):
        rest.bundles.get(new.name)


def test_check_reports_issues(rest: RestAPI) -> None:
    check = rest.bundles.check(
        {"name": "broken", "addons": {ADDON: "9.9.9"}, "installerVersion": "0.0.1"}
    )
    assert not check.success
    assert {issue.severity for issue in check.errors} == {"error"}
    assert any(issue.addon == ADDON for issue in check.issues)


def test_addons_of_a_non_dev_bundle_are_refused_locally(
    rest: RestAPI, ayon_server: StandInServer
) -> None:
    production = rest.bundles.list().production
    assert production is not None
    ayon_server.clear_requests()
    with pytest.raises(InvalidInputError, match="not a dev bundle"):
        rest.bundles.update(production, addons={ADDON: "1.0.0"})
    with pytest.raises(InvalidInputError, match="not a dev bundle"):
        rest.bundles.update(production.name, installer_version="1.2.3")
    assert _sent(ayon_server, "PATCH") == []


def test_dev_bundle_accepts_addons(rest: RestAPI) -> None:
    rest.bundles.create(
        {"name": "my_dev", "isDev": True, "addons": {ADDON: "1.0.0"}, "activeUser": "service"}
    )
    rest.bundles.update("my_dev", addons={ADDON: None}, installer_version="1.2.3")
    bundle = rest.bundles.get("my_dev")
    assert bundle.stage == "dev" and bundle.installer_version == "1.2.3"


@pytest.mark.parametrize(
    "call",
    [
        lambda rest: rest.bundles.promote("x", to="dev"),
        lambda rest: rest.bundles.get("bad name"),
        lambda rest: rest.bundles.create({"name": "d", "isDev": True, "isProduction": True}),
        lambda rest: rest.bundles.update("x", dependency_packages={"amiga": "a.zip"}),
        lambda rest: rest.bundles.update("x"),
        lambda rest: rest.bundles.promote("x", to="staging", copy_settings=True),
    ],
)
def test_bad_bundle_input_sends_nothing(
    rest: RestAPI, ayon_server: StandInServer, call: object
) -> None:
    ayon_server.clear_requests()
    with pytest.raises(InvalidInputError):
        call(rest)  # type: ignore[operator]
    assert _sent(ayon_server) == []


# -- settings -------------------------------------------------------------------


def test_settings_of_an_addon_version(rest: RestAPI, ayon_server: StandInServer) -> None:
    version = rest.addons()[0].production_version
    assert version is not None
    studio = rest.settings.studio(ADDON, version, variant="staging")
    assert "default_fps" in studio
    project = rest.settings.project(ADDON, version, PROJECT)
    assert set(project) == set(studio)
    assert rest.settings.site(ADDON, version, site_id="workstation-1")
    overrides = rest.settings.studio_overrides(ADDON, version)
    assert all(override.level == "studio" for override in overrides.values())
    assert rest.settings.schema(ADDON, version)["type"] == "object"
    paths = _sent(ayon_server, "GET")
    assert f"/api/addons/{ADDON}/{version}/settings/{PROJECT}" in paths
    studio_request = next(r for r in ayon_server.requests if r.path.endswith("/settings"))
    assert studio_request.query == {"variant": ["staging"]}


def test_missing_addon_is_not_found(rest: RestAPI) -> None:
    with pytest.raises(NotFoundError):
        rest.settings.studio("no_such_addon", "1.0.0")


def test_bad_variant_is_refused(rest: RestAPI, ayon_server: StandInServer) -> None:
    ayon_server.clear_requests()
    with pytest.raises(InvalidInputError, match="variant"):
        rest.settings.studio(ADDON, "1.0.0", variant="prod uction")
    with pytest.raises(InvalidInputError, match="project"):
        rest.settings.project(ADDON, "1.0.0", "bad-project")
    with pytest.raises(InvalidInputError):
        rest.settings.studio(ADDON, "1.0/../..")
    assert _sent(ayon_server) == []


def test_bundle_wide_settings(rest: RestAPI) -> None:
    everything = rest.settings.all()
    assert everything.bundle_name == rest.bundles.list().production_bundle
    entry = everything.get(ADDON)
    assert entry is not None and entry.settings
    project = rest.settings.all(project=PROJECT)
    assert project.project_name == PROJECT
    by_addon = rest.settings.by_addon()
    assert ADDON in by_addon.settings and ADDON in by_addon.versions


# -- info, attributes, addons ---------------------------------------------------------


def test_info_and_server_version(rest: RestAPI) -> None:
    info = rest.info()
    assert info.user is not None and info.user.name
    version = rest.server_version()
    assert isinstance(version, ServerVersion) and version >= (1, 16)


def test_attributes_and_addons(rest: RestAPI) -> None:
    attributes = rest.attributes()
    assert any(attribute.name == "fps" for attribute in attributes)
    addons = rest.addons()
    assert addons[0].name == ADDON and addons[0].versions


def test_async_twins(async_client: AsyncAyonClient) -> None:
    async def scenario() -> None:
        async with async_client as client:
            rest = client.rest
            assert (await rest.server_version()) >= "1.16.0"
            assert await rest.attributes()
            installers = await rest.installers.list(platform="windows")
            assert [item.platform for item in installers] == [Platform.WINDOWS]
            assert await rest.dependency_packages.list()
            bundles = await rest.bundles.list()
            assert bundles.production is not None
            assert (await rest.bundles.check(bundles.production)).success
            await rest.bundles.create({"name": "async_one"})
            await rest.bundles.promote("async_one", to="staging")
            assert (await rest.bundles.get("async_one")).is_staging
            await rest.bundles.delete("async_one")
            version = (await rest.addons())[0].production_version
            assert version is not None
            assert await rest.settings.studio(ADDON, version)
            assert await rest.settings.project(ADDON, version, PROJECT)
            assert (await rest.settings.all()).addons
            with pytest.raises(InvalidInputError):
                await rest.installers.list(platform="amiga")

    asyncio.run(scenario())


# -- project overrides, schemas and the promote action --------------------------------


def test_project_overrides_and_schemas(rest: RestAPI, ayon_server: StandInServer) -> None:
    overrides = rest.settings.project_overrides(ADDON, "1.0.0", PROJECT, site_id="ws1")
    assert isinstance(overrides, dict) and overrides
    levels = {entry.level for entry in overrides.values()}
    assert {"studio", "project"} <= levels  # the project changes default_fps
    assert all(entry.path for entry in overrides.values())
    schema = rest.settings.schema(ADDON, "1.0.0", project=PROJECT)
    assert isinstance(schema, dict) and schema.get("properties")
    site_schema = rest.settings.site_schema(ADDON, "1.0.0")
    assert isinstance(site_schema, dict)
    assert set(site_schema["properties"]) == set(rest.settings.site(ADDON, "1.0.0", site_id="ws1"))
    with pytest.raises(NotFoundError):
        rest.settings.project_overrides(ADDON, "1.0.0", "no_such_project")


def test_promote_with_settings_uses_the_promote_action(
    rest: RestAPI, ayon_server: StandInServer
) -> None:
    staging = rest.bundles.list().staging_bundle
    assert staging is not None
    ayon_server.clear_requests()
    rest.bundles.promote(staging, copy_settings=True)
    action = ayon_server.requests[-1]
    assert (action.method, action.path, action.json) == (
        "POST",
        f"/api/bundles/{staging}",
        {"action": "promote"},
    )
    assert rest.bundles.list().production_bundle == staging
