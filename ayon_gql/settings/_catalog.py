"""``client.settings`` of a generated package: one typed entry per addon, the
bundle-wide view, and a service's own addon settings from its environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ayon_gql._errors import InvalidInputError
from ayon_gql.settings._addon import AddonSettings, AddonSettingsSpec, AsyncAddonSettings
from ayon_gql.settings._model import SettingsModel, read_settings

if TYPE_CHECKING:
    from ayon_gql.rest._settings import AsyncSettings, Settings
    from ayon_gql.rest._settings_models import AllSettings

__all__ = ["AsyncSettingsCatalog", "BundleSettings", "SettingsCatalog", "service_addon"]

M = TypeVar("M", bound=SettingsModel)
N = TypeVar("N", bound=SettingsModel)

#: The variables AYON sets for a service: which addon version runs it.
ADDON_NAME_VAR = "AYON_ADDON_NAME"
ADDON_VERSION_VAR = "AYON_ADDON_VERSION"


@dataclass
class BundleSettings:
    """Every addon of a bundle with its settings (``GET /api/settings``): typed
    where the package has a model for that addon version, JSON otherwise."""

    bundle_name: str
    project_name: str | None
    #: Addon name to version, in the server's order.
    versions: dict[str, str] = field(default_factory=dict)
    #: Addon name to its settings.
    addons: dict[str, SettingsModel | dict[str, Any]] = field(default_factory=dict)

    def typed(self, model: type[M]) -> M | None:
        """The settings of the addon ``model`` was generated for, when the bundle
        has them typed as that model."""
        for value in self.addons.values():
            if isinstance(value, model):
                return value
        return None


def service_addon(environ: Mapping[str, str] | None = None) -> tuple[str, str]:
    """``(name, version)`` of the addon a service runs for, from
    ``AYON_ADDON_NAME`` and ``AYON_ADDON_VERSION`` (as AYON starts services)."""
    env = os.environ if environ is None else environ
    name, version = env.get(ADDON_NAME_VAR), env.get(ADDON_VERSION_VAR)
    if not name or not version:
        missing = [
            v for v, value in ((ADDON_NAME_VAR, name), (ADDON_VERSION_VAR, version)) if not value
        ]
        raise InvalidInputError(
            f"not running as an AYON service: {' and '.join(missing)} not set",
            operation="service settings",
        )
    return name, version


class _CatalogBase:
    #: The addons this package has settings models for.
    specs: ClassVar[tuple[AddonSettingsSpec[Any, Any], ...]] = ()

    def _spec(self, name: str) -> AddonSettingsSpec[Any, Any] | None:
        return next((spec for spec in self.specs if spec.name == name), None)

    def _service_spec(self, model: type[M]) -> tuple[AddonSettingsSpec[Any, Any], str]:
        name, version = service_addon()
        spec = self._spec(name)
        if spec is None or spec.model is not model:
            raise InvalidInputError(
                f"this service runs for addon {name} {version}, not for the addon of "
                f"{model.__name__}",
                operation="service settings",
            )
        return spec, version

    def _bundle(self, answer: AllSettings) -> BundleSettings:
        result = BundleSettings(answer.bundle_name, answer.project_name)
        for entry in answer.addons:
            result.versions[entry.name] = entry.version
            spec = self._spec(entry.name)
            if spec is not None and spec.version == entry.version:
                what = f"{entry.name} {entry.version} settings"
                result.addons[entry.name] = read_settings(spec.model, entry.settings, what)
            else:
                result.addons[entry.name] = entry.settings
        return result


class SettingsCatalog(_CatalogBase):
    """Typed addon settings; generated packages add one property per addon."""

    def __init__(self, rest: Settings) -> None:
        self._rest = rest

    def _addon(self, spec: AddonSettingsSpec[M, N]) -> AddonSettings[M, N]:
        return AddonSettings(self._rest, spec)

    def _read_typed(
        self, spec: AddonSettingsSpec[Any, Any], version: str, project: str | None, variant: str
    ) -> Any:
        addon = AddonSettings(self._rest, spec)
        if project is None:
            return addon.studio(variant=variant, version=version)
        return addon.project(project, variant=variant, version=version)

    def all(
        self,
        *,
        variant: str = "production",
        project: str | None = None,
        site_id: str | None = None,
        bundle_name: str | None = None,
    ) -> BundleSettings:
        """Every addon of the variant's bundle (or of ``bundle_name``) with its
        settings, typed where this package has the addon version's model."""
        answer = self._rest.all(
            variant=variant, project=project, site_id=site_id, bundle_name=bundle_name
        )
        return self._bundle(answer)

    def read(
        self,
        name: str,
        version: str,
        *,
        project: str | None = None,
        variant: str = "production",
    ) -> SettingsModel | dict[str, Any]:
        """Studio settings of addon ``name`` at ``version`` (``project``'s when
        given): typed where this package has that version's model, JSON otherwise."""
        spec = self._spec(name)
        if spec is None or spec.version != version:
            if project is None:
                return self._rest.studio(name, version, variant=variant)
            return self._rest.project(name, version, project, variant=variant)
        return self._read_typed(spec, version, project, variant)  # type: ignore[no-any-return]

    def service(
        self, model: type[M], *, project: str | None = None, variant: str = "production"
    ) -> M:
        """The settings of the addon this service runs for, as ``model``: one call,
        from ``AYON_ADDON_NAME`` and ``AYON_ADDON_VERSION``.  Studio settings, or
        ``project``'s when given."""
        spec, version = self._service_spec(model)
        return self._read_typed(spec, version, project, variant)  # type: ignore[no-any-return]


class AsyncSettingsCatalog(_CatalogBase):
    """Async twin of :class:`SettingsCatalog`."""

    def __init__(self, rest: AsyncSettings) -> None:
        self._rest = rest

    def _addon(self, spec: AddonSettingsSpec[M, N]) -> AsyncAddonSettings[M, N]:
        return AsyncAddonSettings(self._rest, spec)

    async def _read_typed(
        self, spec: AddonSettingsSpec[Any, Any], version: str, project: str | None, variant: str
    ) -> Any:
        addon = AsyncAddonSettings(self._rest, spec)
        if project is None:
            return await addon.studio(variant=variant, version=version)
        return await addon.project(project, variant=variant, version=version)

    async def all(
        self,
        *,
        variant: str = "production",
        project: str | None = None,
        site_id: str | None = None,
        bundle_name: str | None = None,
    ) -> BundleSettings:
        """Every addon of a bundle with its settings; see :meth:`SettingsCatalog.all`."""
        answer = await self._rest.all(
            variant=variant, project=project, site_id=site_id, bundle_name=bundle_name
        )
        return self._bundle(answer)

    async def read(
        self,
        name: str,
        version: str,
        *,
        project: str | None = None,
        variant: str = "production",
    ) -> SettingsModel | dict[str, Any]:
        """Settings of one addon version; see :meth:`SettingsCatalog.read`."""
        spec = self._spec(name)
        if spec is None or spec.version != version:
            if project is None:
                return await self._rest.studio(name, version, variant=variant)
            return await self._rest.project(name, version, project, variant=variant)
        return await self._read_typed(spec, version, project, variant)  # type: ignore[no-any-return]

    async def service(
        self, model: type[M], *, project: str | None = None, variant: str = "production"
    ) -> M:
        """The settings of the addon this service runs for; see :meth:`SettingsCatalog.service`."""
        spec, version = self._service_spec(model)
        return await self._read_typed(spec, version, project, variant)  # type: ignore[no-any-return]
