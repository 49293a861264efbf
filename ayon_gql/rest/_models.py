"""Pydantic models for the REST payloads, plus the checks run before sending.

Attributes are snake_case, the wire format is camelCase; either spelling is
accepted when building a model.  Every model keeps fields it does not know
(``extra="allow"``) so an answer from a newer server loses nothing and can be
dumped back unchanged with ``model_dump(by_alias=True, exclude_unset=True)``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from functools import total_ordering
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, ValidationError
from pydantic.alias_generators import to_camel

from ayon_gql._errors import InvalidInputError

__all__ = [
    "Addon",
    "AddonDevelopment",
    "AddonSettings",
    "AddonSettingsSummary",
    "AddonVersionInfo",
    "AllSettings",
    "Attribute",
    "AttributeData",
    "AttributeEnumItem",
    "Bundle",
    "BundleCheck",
    "BundleIssue",
    "BundleList",
    "ChecksumAlgorithm",
    "DependencyPackage",
    "FileSource",
    "InstallResponse",
    "Installer",
    "Platform",
    "ReleaseInfo",
    "ServerInfo",
    "ServerVersion",
    "SettingsOverride",
    "SiteInfo",
    "SourceType",
    "UserInfo",
]

# -- enums -------------------------------------------------------------------


class Platform(str, Enum):
    """Operating system an installer or dependency package is built for."""

    WINDOWS = "windows"
    LINUX = "linux"
    DARWIN = "darwin"


class ChecksumAlgorithm(str, Enum):
    """Hash algorithm of a file's declared checksum."""

    MD5 = "md5"
    SHA1 = "sha1"
    SHA256 = "sha256"


class SourceType(str, Enum):
    """Where a client fetches a file from: the AYON server itself or a URL."""

    SERVER = "server"
    HTTP = "http"


# ISO timestamps dumped the way the server writes them (``+00:00``, not ``Z``).
Timestamp = Annotated[
    datetime, PlainSerializer(lambda value: value.isoformat(), return_type=str, when_used="json")
]


class RestModel(BaseModel):
    """Base of every REST model: camelCase on the wire, unknown fields kept."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="allow",
        use_enum_values=False,
    )

    def to_payload(self) -> dict[str, Any]:
        """The JSON body the server expects: camelCase, only fields that were set."""
        return self.model_dump(by_alias=True, mode="json", exclude_unset=True)


# -- installers and dependency packages -------------------------------------


class FileSource(RestModel):
    """One place a file can be downloaded from (``server`` or an ``http`` URL)."""

    type: SourceType
    url: str | None = None


class _DesktopFile(RestModel):
    """Fields shared by installers and dependency packages."""

    filename: str
    platform: Platform
    size: int | None = None
    checksum: str | None = None
    checksum_algorithm: ChecksumAlgorithm | None = None
    sources: list[FileSource] = Field(default_factory=list)
    python_version: str | None = None
    distro_short: str | None = None
    python_modules: dict[str, str | dict[str, str]] = Field(default_factory=dict)


class Installer(_DesktopFile):
    """A desktop launcher installer (``/api/desktop/installers``)."""

    version: str
    runtime_python_modules: dict[str, str] = Field(default_factory=dict)


class DependencyPackage(_DesktopFile):
    """A dependency package of a bundle (``/api/desktop/dependencyPackages``)."""

    installer_version: str
    source_addons: dict[str, str] = Field(default_factory=dict)


class InstallResponse(RestModel):
    """Answer to creating an installer or package: the event tracking it, if any."""

    event_id: str | None = None


# -- bundles -----------------------------------------------------------------


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


# -- addons and settings -----------------------------------------------------


class AddonVersionInfo(RestModel):
    """What the server knows about one installed version of an addon."""

    has_settings: bool = False
    has_site_settings: bool = False
    frontend_scopes: dict[str, Any] = Field(default_factory=dict)
    client_pyproject: dict[str, Any] | None = None
    client_source_info: list[dict[str, Any]] | None = None
    services: dict[str, Any] | None = None
    is_broken: bool = False
    reason: dict[str, str] | None = None
    project_can_override_addon_version: bool = False


class Addon(RestModel):
    """One addon of ``GET /api/addons`` with its installed versions."""

    name: str
    title: str | None = None
    description: str | None = None
    addon_type: str | None = None
    production_version: str | None = None
    staging_version: str | None = None
    system: bool = False
    project_can_override_addon_version: bool = False
    versions: dict[str, AddonVersionInfo] = Field(default_factory=dict)


class SettingsOverride(RestModel):
    """One overridden value in an overrides answer (where and at which level)."""

    path: list[str] = Field(default_factory=list)
    level: str | None = None
    value: Any = None
    scope: list[str] = Field(default_factory=list)
    in_group: Any = None


class AddonSettingsSummary(RestModel):
    """One addon of the bundle-wide settings view (``GET /api/settings``)."""

    name: str
    version: str
    title: str | None = None
    has_settings: bool = False
    has_project_settings: bool = False
    has_project_site_settings: bool = False
    has_site_settings: bool = False
    has_studio_overrides: bool | None = None
    has_project_overrides: bool | None = None
    has_project_site_overrides: bool | None = None
    settings: dict[str, Any] = Field(default_factory=dict)
    site_settings: dict[str, Any] = Field(default_factory=dict)
    is_broken: bool = False
    reason: dict[str, str] | None = None
    is_project_bundle: bool = False


class AllSettings(RestModel):
    """Answer of ``GET /api/settings``: every addon of a bundle with its settings."""

    bundle_name: str
    project_name: str | None = None
    addons: list[AddonSettingsSummary] = Field(default_factory=list)
    inherited_addons: list[str] = Field(default_factory=list)

    def get(self, addon_name: str) -> AddonSettingsSummary | None:
        """The entry of one addon, or None when the bundle does not contain it."""
        return next((addon for addon in self.addons if addon.name == addon_name), None)


class AddonSettings(RestModel):
    """Answer of ``GET /api/settings/addons``: settings and versions by addon name."""

    settings: dict[str, dict[str, Any]] = Field(default_factory=dict)
    versions: dict[str, str] = Field(default_factory=dict)


# -- info and attributes -----------------------------------------------------


class AttributeEnumItem(RestModel):
    """One allowed value of an enumerated attribute."""

    value: str | int | float | bool
    label: str
    description: str | None = None
    fulltext: list[str] | None = None
    group: str | None = None
    icon: str | dict[str, Any] | None = None
    color: str | None = None
    short_name: str | None = None
    disabled: bool = False
    disabled_message: str | None = None


class AttributeData(RestModel):
    """Type, constraints and presentation of an attribute."""

    type: str = "string"
    title: str | None = None
    description: str | None = None
    example: Any = None
    default: Any = None
    gt: int | float | None = None
    ge: int | float | None = None
    lt: int | float | None = None
    le: int | float | None = None
    min_length: int | None = None
    max_length: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    regex: str | None = None
    enum: list[AttributeEnumItem] | None = None
    enum_resolver: str | None = None
    enum_resolver_settings: dict[str, Any] | None = None
    inherit: bool = True
    widget: str | None = None
    widget_settings: dict[str, Any] | None = None


class Attribute(RestModel):
    """One attribute of the studio's configuration (``GET /api/attributes``)."""

    name: str
    position: int
    scope: list[str] = Field(default_factory=list)
    data: AttributeData
    builtin: bool = False


class UserInfo(RestModel):
    """The calling user as ``/api/info`` describes it.

    ``data`` may hold an API key (or its preview): it is kept out of ``repr``.
    """

    name: str
    ui_exposure_level: int | None = None
    attrib: dict[str, Any] = Field(default_factory=dict)
    data: dict[str, Any] = Field(default_factory=dict, repr=False)
    active: bool = True
    own_attrib: list[str] = Field(default_factory=list)
    created_at: Timestamp | None = None
    updated_at: Timestamp | None = None


class ReleaseInfo(RestModel):
    """Build information of the server release."""

    version: str | None = None
    build_date: str | None = None
    build_time: str | None = None
    frontend_branch: str | None = None
    backend_branch: str | None = None
    frontend_commit: str | None = None
    backend_commit: str | None = None


class SiteInfo(RestModel):
    """A site (a workstation running the launcher) known to the server."""

    id: str
    platform: Platform | None = None
    hostname: str | None = None
    version: str | None = None
    users: list[str] = Field(default_factory=list)


class ServerInfo(RestModel):
    """Answer of ``GET /api/info`` (reduced when called without credentials)."""

    version: str | None = None
    uptime: float | None = None
    motd: str | None = None
    login_page_background: str | None = None
    login_page_brand: str | None = None
    release_info: ReleaseInfo | None = None
    no_admin_user: bool | None = None
    onboarding: bool | None = None
    hide_password_auth: bool | None = None
    password_recovery_available: bool | None = None
    user: UserInfo | None = None
    attributes: list[Attribute] | None = None
    sites: list[SiteInfo] | None = None
    sso_options: list[dict[str, Any]] | None = None
    frontend_flags: list[str] | None = None
    extras: str | None = None
    disable_changelog: bool | None = None
    disable_feedback: bool | None = None
    offline_mode: bool | None = None

    @property
    def server_version(self) -> ServerVersion | None:
        """``version`` parsed for comparison, or None when the server sent none."""
        return ServerVersion.parse(self.version) if self.version else None


# -- server version ----------------------------------------------------------

_VERSION_RX = re.compile(
    r"^v?(?P<major>0|[1-9]\d*)(?:\.(?P<minor>0|[1-9]\d*))?(?:\.(?P<patch>0|[1-9]\d*))?"
    r"(?:-(?P<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?"
    r"(?:\+(?P<build>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$"
)


@total_ordering
class ServerVersion:
    """A server version such as ``1.16.0+DEVELOP``, ordered like semantic versions.

    A pre-release (``1.16.0-rc.1``) sorts before its release; build metadata
    (``+DEVELOP``) is kept but ignored when comparing, so
    ``ServerVersion.parse("1.16.0+DEVELOP") == (1, 16, 0)``.  Compares with
    other versions, version strings and tuples of ints.
    """

    __slots__ = ("build", "major", "minor", "patch", "prerelease")

    def __init__(
        self,
        major: int,
        minor: int = 0,
        patch: int = 0,
        prerelease: str | None = None,
        build: str | None = None,
    ) -> None:
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.build = build

    @classmethod
    def parse(cls, text: str) -> ServerVersion:
        """Parse ``MAJOR[.MINOR[.PATCH]][-PRERELEASE][+BUILD]``."""
        match = _VERSION_RX.match(text.strip())
        if match is None:
            raise InvalidInputError(f"not a server version: {text!r}")
        return cls(
            int(match["major"]),
            int(match["minor"] or 0),
            int(match["patch"] or 0),
            match["pre"],
            match["build"],
        )

    @classmethod
    def _coerce(cls, other: object) -> ServerVersion | None:
        if isinstance(other, ServerVersion):
            return other
        if isinstance(other, str):
            return cls.parse(other)
        if (
            isinstance(other, tuple)
            and 1 <= len(other) <= 3
            and all(isinstance(part, int) for part in other)
        ):
            return cls(*other)
        return None

    def _key(self) -> tuple[Any, ...]:
        if self.prerelease is None:
            pre: tuple[Any, ...] = (1,)
        else:
            parts = tuple(
                (0, int(part), "") if part.isdigit() else (1, 0, part)
                for part in self.prerelease.split(".")
            )
            pre = (0, parts)
        return (self.major, self.minor, self.patch, pre)

    def __eq__(self, other: object) -> bool:
        version = self._coerce(other)
        return NotImplemented if version is None else self._key() == version._key()

    def __lt__(self, other: object) -> bool:
        version = self._coerce(other)
        if version is None:
            return NotImplemented
        return bool(self._key() < version._key())

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        if self.prerelease:
            text += f"-{self.prerelease}"
        if self.build:
            text += f"+{self.build}"
        return text

    def __repr__(self) -> str:
        return f"ServerVersion({str(self)!r})"

    @property
    def release(self) -> tuple[int, int, int]:
        """``(major, minor, patch)``."""
        return (self.major, self.minor, self.patch)


# -- local checks (run before anything is sent) ------------------------------

_M = TypeVar("_M", bound=RestModel)
_E = TypeVar("_E", bound=Enum)

_FILENAME_RX = re.compile(r"^[\w\-+.]+$")
_NAME_RX = re.compile(r"^[a-zA-Z0-9_]([a-zA-Z0-9_.\-]*[a-zA-Z0-9_])?$")
_PROJECT_RX = re.compile(r"^[a-zA-Z0-9_]+$")
_SEGMENT_RX = re.compile(r"^[A-Za-z0-9_.+\-]+$")
VARIANTS = ("production", "staging")


def check_enum(kind: type[_E], value: Any, what: str) -> _E:
    """``value`` as a member of ``kind``, or :class:`InvalidInputError`."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in kind)
        raise InvalidInputError(f"{what} must be one of {allowed}; got {value!r}") from None


def check_filename(value: str) -> str:
    """A file name the server accepts; also keeps ``/`` and ``..`` out of URLs."""
    if not isinstance(value, str) or not _FILENAME_RX.match(value) or value in {".", ".."}:
        raise InvalidInputError(f"invalid file name {value!r}: use letters, digits, - + . _")
    return value


def check_name(value: str, what: str) -> str:
    """A bundle or addon name as the server's pattern allows."""
    if not isinstance(value, str) or not _NAME_RX.match(value):
        raise InvalidInputError(f"invalid {what} {value!r}")
    return value


def check_project(value: str) -> str:
    """A project name (letters, digits, underscores)."""
    if not isinstance(value, str) or not _PROJECT_RX.match(value):
        raise InvalidInputError(f"invalid project name {value!r}")
    return value


def check_segment(value: str, what: str) -> str:
    """A version or site id that is safe inside a URL path."""
    if not isinstance(value, str) or not _SEGMENT_RX.match(value) or value in {".", ".."}:
        raise InvalidInputError(f"invalid {what} {value!r}")
    return value


def check_variant(value: str, *, allow_dev: bool = True) -> str:
    """``production``, ``staging`` or (when allowed) the name of a dev bundle."""
    if value in VARIANTS:
        return value
    if allow_dev and isinstance(value, str) and _NAME_RX.match(value):
        return value
    expected = "production, staging or a dev bundle name" if allow_dev else "production or staging"
    raise InvalidInputError(f"variant must be {expected}; got {value!r}")


def build_model(kind: type[_M], value: _M | Mapping[str, Any], **changes: Any) -> _M:
    """Validate ``value`` (a model or a mapping) as ``kind``; bad input raises
    :class:`InvalidInputError` naming the fields, before anything is sent."""
    if isinstance(value, kind) and not changes:
        return value
    data: dict[str, Any] = (
        value.model_dump(by_alias=False, exclude_unset=True)
        if isinstance(value, RestModel)
        else dict(value)
    )
    data.update(changes)
    fields = kind.model_fields
    known = set(fields) | {field.alias for field in fields.values() if field.alias}
    unknown = sorted(key for key in data if key not in known and "_" in key)
    if unknown:
        # camelCase extras pass through for newer servers; snake_case ones are typos.
        raise InvalidInputError(f"invalid {kind.__name__}: unknown field(s) {', '.join(unknown)}")
    try:
        return kind.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or kind.__name__}: {error['msg']}"
            for error in exc.errors()
        )
        raise InvalidInputError(f"invalid {kind.__name__}: {problems}") from None
