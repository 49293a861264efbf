"""Models of bundles (``/api/bundles``): addon versions, stages, pre-flight checks."""

from __future__ import annotations

from pydantic import Field

from ayon_gql.rest._model_base import RestModel, Timestamp

__all__ = ["AddonDevelopment", "Bundle", "BundleCheck", "BundleIssue", "BundleList"]


class AddonDevelopment(RestModel):
    """Development override of one addon in a dev bundle (a local path)."""

    enabled: bool = True
    path: str = ""


class Bundle(RestModel):
    """A bundle: addon versions, installer version and dependency packages."""

    name: str
    created_at: Timestamp | None = None
    addons: dict[str, str | None] = Field(default_factory=dict)
    installer_version: str | None = None
    dependency_packages: dict[str, str | None] = Field(default_factory=dict)
    addon_development: dict[str, AddonDevelopment] = Field(default_factory=dict)
    is_production: bool = False
    is_staging: bool = False
    is_archived: bool = False
    is_dev: bool = False
    is_project: bool = False
    active_user: str | None = None

    @property
    def stage(self) -> str | None:
        """``production``, ``staging``, ``dev`` or None: the bundle's marker."""
        if self.is_production:
            return "production"
        if self.is_staging:
            return "staging"
        if self.is_dev:
            return "dev"
        return None


class BundleList(RestModel):
    """Answer of ``GET /api/bundles``: the bundles and which one is used where."""

    bundles: list[Bundle] = Field(default_factory=list)
    production_bundle: str | None = None
    staging_bundle: str | None = None
    dev_bundles: list[str] = Field(default_factory=list)

    def get(self, name: str) -> Bundle | None:
        """The bundle called ``name``, or None."""
        return next((bundle for bundle in self.bundles if bundle.name == name), None)

    @property
    def production(self) -> Bundle | None:
        """The production bundle, if one is set."""
        return self.get(self.production_bundle) if self.production_bundle else None

    @property
    def staging(self) -> Bundle | None:
        """The staging bundle, if one is set."""
        return self.get(self.staging_bundle) if self.staging_bundle else None


class BundleIssue(RestModel):
    """One problem found by the bundle pre-flight check."""

    severity: str
    message: str
    addon: str | None = None
    required_addon: str | None = None


class BundleCheck(RestModel):
    """Answer of ``POST /api/bundles/check``."""

    success: bool = False
    issues: list[BundleIssue] = Field(default_factory=list)

    @property
    def errors(self) -> list[BundleIssue]:
        """Issues of severity ``error`` (the ones that block the bundle)."""
        return [issue for issue in self.issues if issue.severity == "error"]
