"""Bundles (``/api/bundles``): list, create, update, pre-flight check, promote, delete."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ayon_gql._errors import InvalidInputError, NotFoundError
from ayon_gql.rest._base import AsyncRunner, Call, SyncRunner, as_model, as_nothing
from ayon_gql.rest._base import segment as _segment
from ayon_gql.rest._bundle_models import AddonDevelopment, Bundle, BundleCheck, BundleList
from ayon_gql.rest._checks import build_model, check_enum, check_filename, check_name, check_segment
from ayon_gql.rest._endpoints import (
    BUNDLE_ACTIONS,
    CHECK_BUNDLE_COMPATIBILITY,
    CREATE_NEW_BUNDLE,
    DELETE_EXISTING_BUNDLE,
    LIST_BUNDLES,
    UPDATE_BUNDLE,
    endpoint_call,
)
from ayon_gql.rest._model_base import Platform

__all__ = ["AsyncBundles", "Bundles"]

_BASE = "/api/bundles"
_STAGES = ("production", "staging")


def _path(name: str) -> str:
    return f"{_BASE}/{_segment(check_name(name, 'bundle name'))}"


def _list_call(archived: bool) -> Call[BundleList]:
    return endpoint_call(
        LIST_BUNDLES, as_model(BundleList), archived=archived or None, operation="list bundles"
    )


def _pick(bundles: BundleList, name: str) -> Bundle:
    found = bundles.get(name)
    if found is None:
        raise NotFoundError(f"no bundle called {name!r}", operation="get bundle", path=_path(name))
    return found


def _bundle(value: Bundle | Mapping[str, Any]) -> Bundle:
    bundle = build_model(Bundle, value)
    check_name(bundle.name, "bundle name")
    if bundle.is_dev and (bundle.is_production or bundle.is_staging):
        raise InvalidInputError("a dev bundle cannot be production or staging")
    _check_packages(bundle.dependency_packages)
    return bundle


def _check_packages(packages: Mapping[str, str | None]) -> dict[str, str | None]:
    """Dependency packages by platform: known platform names, valid file names."""
    checked: dict[str, str | None] = {}
    for platform, filename in packages.items():
        key = check_enum(Platform, platform, "dependency package platform").value
        checked[key] = check_filename(filename) if filename is not None else None
    return checked


def _check_addons(addons: Mapping[str, str | None]) -> dict[str, str | None]:
    return {
        check_name(name, "addon name"): (
            check_segment(version, "addon version") if version is not None else None
        )
        for name, version in addons.items()
    }


def _create_call(bundle: Bundle, force: bool) -> Call[None]:
    return endpoint_call(
        CREATE_NEW_BUNDLE, as_nothing, json=bundle.to_payload(), force=force or None,
        operation="create bundle",
    )  # fmt: skip


def _check_call(bundle: Bundle) -> Call[BundleCheck]:
    return endpoint_call(
        CHECK_BUNDLE_COMPATIBILITY, as_model(BundleCheck), json=bundle.to_payload(),
        idempotent=True, operation="check bundle",
    )  # fmt: skip


class _Patch:
    """A validated ``PATCH /api/bundles/{name}`` body and whether it needs a dev bundle."""

    def __init__(
        self,
        *,
        is_production: bool | None,
        is_staging: bool | None,
        is_archived: bool | None,
        is_dev: bool | None,
        dependency_packages: Mapping[str, str | None] | None,
        installer_version: str | None,
        addons: Mapping[str, str | None] | None,
        addon_development: Mapping[str, AddonDevelopment | Mapping[str, Any]] | None,
        active_user: str | None,
    ) -> None:
        body: dict[str, Any] = {}
        flags = {
            "isProduction": is_production,
            "isStaging": is_staging,
            "isArchived": is_archived,
            "isDev": is_dev,
        }
        body.update({key: bool(value) for key, value in flags.items() if value is not None})
        if is_dev and (is_production or is_staging):
            raise InvalidInputError("a dev bundle cannot be production or staging")
        if dependency_packages is not None:
            body["dependencyPackages"] = _check_packages(dependency_packages)
        if active_user is not None:
            body["activeUser"] = check_segment(active_user, "user name")
        self.dev_only: list[str] = []
        if installer_version is not None:
            body["installerVersion"] = check_segment(installer_version, "installer version")
            self.dev_only.append("installer_version")
        if addons is not None:
            body["addons"] = _check_addons(addons)
            self.dev_only.append("addons")
        if addon_development is not None:
            body["addonDevelopment"] = {
                check_name(name, "addon name"): build_model(AddonDevelopment, item).to_payload()
                for name, item in addon_development.items()
            }
            self.dev_only.append("addon_development")
        if not body:
            raise InvalidInputError("nothing to update")
        self.body = body

    def refuse_unless_dev(self, bundle: Bundle) -> None:
        """Addons, installer and development paths change only in dev bundles."""
        if self.dev_only and not bundle.is_dev:
            raise InvalidInputError(
                f"bundle {bundle.name!r} is not a dev bundle: {', '.join(self.dev_only)} "
                "can only be changed in dev bundles (create a new bundle instead)"
            )

    def call(self, name: str, force: bool) -> Call[None]:
        return endpoint_call(
            UPDATE_BUNDLE, as_nothing, json=self.body, idempotent=True, operation="update bundle",
            bundle_name=check_name(name, "bundle name"), force=force or None,
        )  # fmt: skip


def _delete_call(name: str) -> Call[None]:
    return endpoint_call(
        DELETE_EXISTING_BUNDLE, as_nothing, operation="delete bundle",
        bundle_name=check_name(name, "bundle name"),
    )  # fmt: skip


def _promotion(to: str) -> tuple[bool | None, bool | None]:
    """``(is_production, is_staging)`` for a promotion target."""
    if to not in _STAGES:
        raise InvalidInputError(f"promote to 'production' or 'staging', not {to!r}")
    return (True, None) if to == "production" else (None, True)


def _action_call(name: str, action: str) -> Call[None]:
    return endpoint_call(
        BUNDLE_ACTIONS, as_nothing, json={"action": action}, operation=f"{action} bundle",
        bundle_name=check_name(name, "bundle name"),
    )  # fmt: skip


class Bundles(SyncRunner):
    """Bundles: which addon versions, installer and dependency packages go together."""

    def list(self, *, archived: bool = False) -> BundleList:
        """Bundles (with archived ones when asked) and the production/staging markers."""
        return self._run(_list_call(archived))

    def get(self, name: str) -> Bundle:
        """One bundle by name (archived included); :class:`NotFoundError` if absent."""
        check_name(name, "bundle name")
        return _pick(self.list(archived=True), name)

    def create(self, bundle: Bundle | Mapping[str, Any], *, force: bool = False) -> Bundle:
        """Create a bundle; returns the validated model that was sent."""
        model = _bundle(bundle)
        self._run(_create_call(model, force))
        return model

    def check(self, bundle: Bundle | Mapping[str, Any]) -> BundleCheck:
        """Pre-flight check of a bundle definition; returns the server's issues."""
        return self._run(_check_call(_bundle(bundle)))

    def update(
        self,
        bundle: str | Bundle,
        *,
        is_production: bool | None = None,
        is_staging: bool | None = None,
        is_archived: bool | None = None,
        is_dev: bool | None = None,
        dependency_packages: Mapping[str, str | None] | None = None,
        installer_version: str | None = None,
        addons: Mapping[str, str | None] | None = None,
        addon_development: Mapping[str, AddonDevelopment | Mapping[str, Any]] | None = None,
        active_user: str | None = None,
        force: bool = False,
    ) -> None:
        """Change a bundle.  Flags and dependency packages can change on any bundle;
        ``addons``, ``installer_version`` and ``addon_development`` only on dev
        bundles (refused here, nothing sent, otherwise)."""
        patch = _Patch(
            is_production=is_production,
            is_staging=is_staging,
            is_archived=is_archived,
            is_dev=is_dev,
            dependency_packages=dependency_packages,
            installer_version=installer_version,
            addons=addons,
            addon_development=addon_development,
            active_user=active_user,
        )
        name = bundle if isinstance(bundle, str) else bundle.name
        check_name(name, "bundle name")
        if patch.dev_only:
            patch.refuse_unless_dev(bundle if isinstance(bundle, Bundle) else self.get(name))
        self._run(patch.call(name, force))

    def promote(self, name: str, to: str = "production", *, copy_settings: bool = False) -> None:
        """Make ``name`` the production (or staging) bundle.

        With ``copy_settings`` (production only) the server's ``promote`` action
        is used instead, which also copies the staging settings to production.
        """
        production, staging = _promotion(to)
        if copy_settings:
            if to != "production":
                raise InvalidInputError("copy_settings only applies to promoting to production")
            self._run(_action_call(name, "promote"))
            return
        self.update(name, is_production=production, is_staging=staging)

    def delete(self, name: str) -> None:
        """Delete a bundle (the server answers 204 even when it did not exist)."""
        self._run(_delete_call(name))


class AsyncBundles(AsyncRunner):
    """Async twin of :class:`Bundles`."""

    async def list(self, *, archived: bool = False) -> BundleList:
        """Bundles and the production/staging markers."""
        return await self._run(_list_call(archived))

    async def get(self, name: str) -> Bundle:
        """One bundle by name; :class:`NotFoundError` if absent."""
        check_name(name, "bundle name")
        return _pick(await self.list(archived=True), name)

    async def create(self, bundle: Bundle | Mapping[str, Any], *, force: bool = False) -> Bundle:
        """Create a bundle; returns the validated model that was sent."""
        model = _bundle(bundle)
        await self._run(_create_call(model, force))
        return model

    async def check(self, bundle: Bundle | Mapping[str, Any]) -> BundleCheck:
        """Pre-flight check of a bundle definition."""
        return await self._run(_check_call(_bundle(bundle)))

    async def update(
        self,
        bundle: str | Bundle,
        *,
        is_production: bool | None = None,
        is_staging: bool | None = None,
        is_archived: bool | None = None,
        is_dev: bool | None = None,
        dependency_packages: Mapping[str, str | None] | None = None,
        installer_version: str | None = None,
        addons: Mapping[str, str | None] | None = None,
        addon_development: Mapping[str, AddonDevelopment | Mapping[str, Any]] | None = None,
        active_user: str | None = None,
        force: bool = False,
    ) -> None:
        """Change a bundle (same rules as :meth:`Bundles.update`)."""
        patch = _Patch(
            is_production=is_production,
            is_staging=is_staging,
            is_archived=is_archived,
            is_dev=is_dev,
            dependency_packages=dependency_packages,
            installer_version=installer_version,
            addons=addons,
            addon_development=addon_development,
            active_user=active_user,
        )
        name = bundle if isinstance(bundle, str) else bundle.name
        check_name(name, "bundle name")
        if patch.dev_only:
            patch.refuse_unless_dev(bundle if isinstance(bundle, Bundle) else await self.get(name))
        await self._run(patch.call(name, force))

    async def promote(
        self, name: str, to: str = "production", *, copy_settings: bool = False
    ) -> None:
        """Make ``name`` the production (or staging) bundle."""
        production, staging = _promotion(to)
        if copy_settings:
            if to != "production":
                raise InvalidInputError("copy_settings only applies to promoting to production")
            await self._run(_action_call(name, "promote"))
            return
        await self.update(name, is_production=production, is_staging=staging)

    async def delete(self, name: str) -> None:
        """Delete a bundle."""
        await self._run(_delete_call(name))
