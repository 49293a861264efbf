"""Typed settings of one addon version: reads (studio, project, site), writes
(whole or partial), resets; sync and async twins over ``client.rest.settings``."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ayon_gql.settings._model import SettingsModel, check_settings, read_settings

if TYPE_CHECKING:
    from ayon_gql.rest._settings import AsyncSettings, Settings

__all__ = ["AddonSettings", "AddonSettingsSpec", "AsyncAddonSettings", "NoSettings"]

S = TypeVar("S", bound=SettingsModel)
T = TypeVar("T", bound=SettingsModel)


class NoSettings(SettingsModel):
    """Settings of a scope the addon declares no schema for: whatever the server
    answers, kept as it is."""


@dataclass(frozen=True)
class AddonSettingsSpec(Generic[S, T]):
    """One addon version of a generated package with its settings models."""

    #: The addon's name on the server, e.g. ``studio_tools``.
    name: str
    #: The version the models were generated from.
    version: str
    #: Studio and project settings.
    model: type[S]
    #: Site settings (:class:`NoSettings` when the addon has none).
    site_model: type[T]


Changes = SettingsModel | Mapping[str, Any]


def _changes(changes: Changes) -> dict[str, Any]:
    """What a partial sets, by wire names: a model's set fields, or a mapping as is."""
    if isinstance(changes, SettingsModel):
        return changes.model_dump(mode="json", by_alias=True, exclude_unset=True)
    return dict(changes)


def _merged(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``current`` with ``changes`` laid over it: objects merge key by key, lists
    and plain values are replaced whole."""
    result = copy.deepcopy(dict(current))
    for key, value in changes.items():
        old = result.get(key)
        if isinstance(value, Mapping) and isinstance(old, Mapping):
            result[key] = _merged(old, value)
        else:
            result[key] = copy.deepcopy(value)
    return result


class _Base(Generic[S, T]):
    def __init__(self, spec: AddonSettingsSpec[S, T]) -> None:
        self.spec = spec

    @property
    def name(self) -> str:
        """The addon's name."""
        return self.spec.name

    @property
    def version(self) -> str:
        """The addon version read and written unless a call names another."""
        return self.spec.version

    def _what(self, scope: str, version: str | None) -> str:
        return f"{self.spec.name} {version or self.spec.version} {scope} settings"

    def _read(self, data: Mapping[str, Any], scope: str, version: str | None) -> S:
        return read_settings(self.spec.model, data, self._what(scope, version))

    def _payload(self, values: Changes, scope: str, version: str | None) -> dict[str, Any]:
        raw = (
            values.model_dump(mode="json", by_alias=True, warnings=False)
            if isinstance(values, SettingsModel)
            else dict(values)
        )
        checked = check_settings(self.spec.model, raw, self._what(scope, version))
        return checked.model_dump(mode="json", by_alias=True)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.spec.name} {self.spec.version}>"


class AddonSettings(_Base[S, T]):
    """Typed settings of one addon (``client.settings.<addon>``).

    Reads never fail on stored values the schema does not allow (see
    :func:`~ayon_gql.settings.read_settings`); writes are checked against the
    schema and refused with the path before anything is sent.
    """

    def __init__(self, rest: Settings, spec: AddonSettingsSpec[S, T]) -> None:
        super().__init__(spec)
        self._rest = rest

    def studio(self, *, variant: str = "production", version: str | None = None) -> S:
        """Studio settings (defaults with studio overrides) of ``variant``."""
        data = self._rest.studio(self.name, version or self.version, variant=variant)
        return self._read(data, "studio", version)

    def project(
        self,
        project: str,
        *,
        variant: str = "production",
        site_id: str | None = None,
        version: str | None = None,
    ) -> S:
        """Project settings (studio values with the project's overrides applied)."""
        data = self._rest.project(
            self.name, version or self.version, project, variant=variant, site_id=site_id
        )
        return self._read(data, f"{project} project", version)

    def site(self, *, site_id: str | None = None, version: str | None = None) -> T:
        """Site settings (of the connection's site unless ``site_id`` is given)."""
        data = self._rest.site(self.name, version or self.version, site_id=site_id)
        return read_settings(self.spec.site_model, data, self._what("site", version))

    def set_studio(self, values: Changes, *, variant: str = "production") -> None:
        """Save the whole studio settings (``values`` checked strictly first)."""
        payload = self._payload(values, "studio", None)
        self._rest.set_studio(self.name, self.version, payload, variant=variant)

    def update_studio(self, changes: Changes, *, variant: str = "production") -> S:
        """Change only what ``changes`` sets (a model's set fields, or a mapping of
        wire names); everything else keeps its current value.  Returns what was saved.

        The server counts a field left out of a save as its default, so the
        changes are laid over the current studio values and the whole is sent.
        """
        current = self._rest.studio(self.name, self.version, variant=variant)
        payload = self._payload(_merged(current, _changes(changes)), "studio", None)
        self._rest.set_studio(self.name, self.version, payload, variant=variant)
        return self.spec.model.model_validate(payload)

    def set_project(self, project: str, values: Changes, *, variant: str = "production") -> None:
        """Save the whole settings of one project (stored as project overrides)."""
        payload = self._payload(values, f"{project} project", None)
        self._rest.set_project(self.name, self.version, project, payload, variant=variant)

    def update_project(self, project: str, changes: Changes, *, variant: str = "production") -> S:
        """Change only what ``changes`` sets in one project; see :meth:`update_studio`."""
        current = self._rest.project(self.name, self.version, project, variant=variant)
        payload = self._payload(_merged(current, _changes(changes)), f"{project} project", None)
        self._rest.set_project(self.name, self.version, project, payload, variant=variant)
        return self.spec.model.model_validate(payload)

    def reset_studio(self, *, variant: str = "production") -> None:
        """Remove every studio override: the studio reads the addon's defaults."""
        self._rest.delete_studio_overrides(self.name, self.version, variant=variant)

    def reset_project(self, project: str, *, variant: str = "production") -> None:
        """Remove every override of one project: it reads the studio values."""
        self._rest.delete_project_overrides(self.name, self.version, project, variant=variant)


class AsyncAddonSettings(_Base[S, T]):
    """Async twin of :class:`AddonSettings`."""

    def __init__(self, rest: AsyncSettings, spec: AddonSettingsSpec[S, T]) -> None:
        super().__init__(spec)
        self._rest = rest

    async def studio(self, *, variant: str = "production", version: str | None = None) -> S:
        """Studio settings (defaults with studio overrides) of ``variant``."""
        data = await self._rest.studio(self.name, version or self.version, variant=variant)
        return self._read(data, "studio", version)

    async def project(
        self,
        project: str,
        *,
        variant: str = "production",
        site_id: str | None = None,
        version: str | None = None,
    ) -> S:
        """Project settings (studio values with the project's overrides applied)."""
        data = await self._rest.project(
            self.name, version or self.version, project, variant=variant, site_id=site_id
        )
        return self._read(data, f"{project} project", version)

    async def site(self, *, site_id: str | None = None, version: str | None = None) -> T:
        """Site settings (of the connection's site unless ``site_id`` is given)."""
        data = await self._rest.site(self.name, version or self.version, site_id=site_id)
        return read_settings(self.spec.site_model, data, self._what("site", version))

    async def set_studio(self, values: Changes, *, variant: str = "production") -> None:
        """Save the whole studio settings (``values`` checked strictly first)."""
        payload = self._payload(values, "studio", None)
        await self._rest.set_studio(self.name, self.version, payload, variant=variant)

    async def update_studio(self, changes: Changes, *, variant: str = "production") -> S:
        """Change only what ``changes`` sets; see :meth:`AddonSettings.update_studio`."""
        current = await self._rest.studio(self.name, self.version, variant=variant)
        payload = self._payload(_merged(current, _changes(changes)), "studio", None)
        await self._rest.set_studio(self.name, self.version, payload, variant=variant)
        return self.spec.model.model_validate(payload)

    async def set_project(
        self, project: str, values: Changes, *, variant: str = "production"
    ) -> None:
        """Save the whole settings of one project (stored as project overrides)."""
        payload = self._payload(values, f"{project} project", None)
        await self._rest.set_project(self.name, self.version, project, payload, variant=variant)

    async def update_project(
        self, project: str, changes: Changes, *, variant: str = "production"
    ) -> S:
        """Change only what ``changes`` sets in one project."""
        current = await self._rest.project(self.name, self.version, project, variant=variant)
        payload = self._payload(_merged(current, _changes(changes)), f"{project} project", None)
        await self._rest.set_project(self.name, self.version, project, payload, variant=variant)
        return self.spec.model.model_validate(payload)

    async def reset_studio(self, *, variant: str = "production") -> None:
        """Remove every studio override."""
        await self._rest.delete_studio_overrides(self.name, self.version, variant=variant)

    async def reset_project(self, project: str, *, variant: str = "production") -> None:
        """Remove every override of one project."""
        await self._rest.delete_project_overrides(self.name, self.version, project, variant=variant)
