"""A service's own identity, from the environment AYON's service host sets.

ASH (the AYON service host) starts every service of an addon with
``AYON_SERVER_URL``, ``AYON_API_KEY``, ``AYON_ADDON_NAME``,
``AYON_ADDON_VERSION`` and ``AYON_SERVICE_NAME``.  :func:`connect_service`
reads them all at once (one error names every one missing) and gives the
service its client, whose requests carry the service's name as ``X-Sender``
and its sender type as ``X-Sender-Type``, so the events its writes emit say
who made them (and ``enroll(ignore_sender_types=[...])`` can skip them).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, overload

from ayon_gql._errors import InvalidInputError
from ayon_gql.settings import AsyncSettingsCatalog, SettingsCatalog, SettingsModel

__all__ = [
    "SERVICE_VARIABLES",
    "AsyncService",
    "Service",
    "ServiceIdentity",
    "aread_addon_settings",
    "connect_async_service",
    "connect_service",
    "read_addon_settings",
]

#: What the service host sets, all required.
SERVICE_VARIABLES = (
    "AYON_SERVER_URL",
    "AYON_API_KEY",
    "AYON_ADDON_NAME",
    "AYON_ADDON_VERSION",
    "AYON_SERVICE_NAME",
)

_C = TypeVar("_C")
_K = TypeVar("_K", SettingsCatalog, AsyncSettingsCatalog)
M = TypeVar("M", bound=SettingsModel)


@dataclass(frozen=True)
class ServiceIdentity:
    """Who a service is: its server, addon, name and the sender its events carry.

    The API key is kept out of ``repr``.
    """

    server_url: str
    api_key: str
    addon_name: str
    addon_version: str
    service_name: str
    #: ``X-Sender`` of every request (default: the service name).
    sender: str
    #: ``X-Sender-Type`` of every request (default: the addon name).
    sender_type: str

    def __repr__(self) -> str:
        return (
            f"ServiceIdentity(addon={self.addon_name!r} {self.addon_version!r}, "
            f"service={self.service_name!r}, server={self.server_url!r})"
        )

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        sender: str | None = None,
        sender_type: str | None = None,
    ) -> ServiceIdentity:
        """Read the service host's variables; :class:`~ayon_gql.InvalidInputError`
        naming every one that is missing or empty."""
        env = os.environ if environ is None else environ
        missing = [name for name in SERVICE_VARIABLES if not env.get(name)]
        if missing:
            raise InvalidInputError(
                f"not started as an AYON service: {', '.join(missing)} "
                f"{'is' if len(missing) == 1 else 'are'} not set (the service host sets them)"
            )
        return cls(
            server_url=env["AYON_SERVER_URL"],
            api_key=env["AYON_API_KEY"],
            addon_name=env["AYON_ADDON_NAME"],
            addon_version=env["AYON_ADDON_VERSION"],
            service_name=env["AYON_SERVICE_NAME"],
            sender=sender or env["AYON_SERVICE_NAME"],
            sender_type=sender_type or env["AYON_ADDON_NAME"],
        )

    def client_options(self) -> dict[str, Any]:
        """Keyword arguments of a client connected as this service."""
        return {
            "api_key": self.api_key,
            "sender": self.sender,
            "sender_type": self.sender_type,
        }


def _catalog(client: Any, kind: type[_K]) -> _K | None:
    catalog = getattr(client, "settings", None)
    return catalog if isinstance(catalog, kind) else None


def _typed_as(value: SettingsModel | dict[str, Any], model: type[M] | None, what: str) -> Any:
    if model is not None and not isinstance(value, model):
        raise InvalidInputError(
            f"the client's package has no {model.__name__} settings model for {what}",
            operation="service settings",
        )
    return value


def read_addon_settings(
    client: Any,
    addon_name: str,
    addon_version: str,
    *,
    project: str | None = None,
    variant: str = "production",
) -> SettingsModel | dict[str, Any]:
    """Studio settings of an addon version (``project``'s when given): typed
    where the client's generated package has that addon version's settings
    model (``client.settings``), the server's JSON otherwise."""
    catalog = _catalog(client, SettingsCatalog)
    if catalog is not None:
        return catalog.read(addon_name, addon_version, project=project, variant=variant)
    if project is None:
        settings: dict[str, Any] = client.rest.settings.studio(
            addon_name, addon_version, variant=variant
        )
    else:
        settings = client.rest.settings.project(addon_name, addon_version, project, variant=variant)
    return settings


async def aread_addon_settings(
    client: Any,
    addon_name: str,
    addon_version: str,
    *,
    project: str | None = None,
    variant: str = "production",
) -> SettingsModel | dict[str, Any]:
    """Asynchronous twin of :func:`read_addon_settings`."""
    catalog = _catalog(client, AsyncSettingsCatalog)
    if catalog is not None:
        return await catalog.read(addon_name, addon_version, project=project, variant=variant)
    if project is None:
        settings: dict[str, Any] = await client.rest.settings.studio(
            addon_name, addon_version, variant=variant
        )
    else:
        settings = await client.rest.settings.project(
            addon_name, addon_version, project, variant=variant
        )
    return settings


class _ServiceBase(Generic[_C]):
    def __init__(self, identity: ServiceIdentity, client: _C) -> None:
        self.identity = identity
        #: The service's client: its API key, sender and sender type on every request.
        self.client = client

    @property
    def addon_name(self) -> str:
        """The addon the service belongs to (``AYON_ADDON_NAME``)."""
        return self.identity.addon_name

    @property
    def addon_version(self) -> str:
        """That addon's version (``AYON_ADDON_VERSION``)."""
        return self.identity.addon_version

    @property
    def service_name(self) -> str:
        """The service's name (``AYON_SERVICE_NAME``)."""
        return self.identity.service_name

    @property
    def sender(self) -> str:
        """The sender the service's requests and events carry."""
        return self.identity.sender

    @property
    def sender_type(self) -> str:
        """The sender type the service's requests and events carry."""
        return self.identity.sender_type

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.identity!r})"


class Service(_ServiceBase[_C]):
    """A running service: its identity, its client, its addon's settings."""

    @overload
    def settings(
        self, model: type[M], *, project: str | None = None, variant: str = "production"
    ) -> M: ...
    @overload
    def settings(
        self, model: None = None, *, project: str | None = None, variant: str = "production"
    ) -> SettingsModel | dict[str, Any]: ...
    def settings(
        self,
        model: type[M] | None = None,
        *,
        project: str | None = None,
        variant: str = "production",
    ) -> M | SettingsModel | dict[str, Any]:
        """The addon's studio settings (``project``'s when given), typed where the
        client's package has the addon version's model (see
        :func:`read_addon_settings`).  With ``model`` the result is that model,
        or an :class:`~ayon_gql.InvalidInputError` when the package has none."""
        value = read_addon_settings(
            self.client, self.addon_name, self.addon_version, project=project, variant=variant
        )
        return _typed_as(value, model, f"{self.addon_name} {self.addon_version}")  # type: ignore[no-any-return]

    def close(self) -> None:
        """Close the client's connections."""
        self.client.close()  # type: ignore[attr-defined]

    def __enter__(self) -> Service[_C]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncService(_ServiceBase[_C]):
    """A running service with an asynchronous client."""

    @overload
    async def settings(
        self, model: type[M], *, project: str | None = None, variant: str = "production"
    ) -> M: ...
    @overload
    async def settings(
        self, model: None = None, *, project: str | None = None, variant: str = "production"
    ) -> SettingsModel | dict[str, Any]: ...
    async def settings(
        self,
        model: type[M] | None = None,
        *,
        project: str | None = None,
        variant: str = "production",
    ) -> M | SettingsModel | dict[str, Any]:
        """The addon's settings; see :meth:`Service.settings`."""
        value = await aread_addon_settings(
            self.client, self.addon_name, self.addon_version, project=project, variant=variant
        )
        return _typed_as(value, model, f"{self.addon_name} {self.addon_version}")  # type: ignore[no-any-return]

    async def aclose(self) -> None:
        """Close the client's connections."""
        await self.client.aclose()  # type: ignore[attr-defined]

    async def __aenter__(self) -> AsyncService[_C]:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


def _identity(
    environ: Mapping[str, str] | None, sender: str | None, sender_type: str | None
) -> ServiceIdentity:
    return ServiceIdentity.from_env(environ, sender=sender, sender_type=sender_type)


def connect_service(
    client_class: type[_C] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    sender: str | None = None,
    sender_type: str | None = None,
    **options: Any,
) -> Service[_C]:
    """The service's identity and client, from the service host's variables.

    ``client_class`` is the generated client to use (default
    ``ayon_gql.AyonClient``; a studio passes its own); ``options`` go to it
    (``timeout``, ``retries``, ...).  No request is made.
    """
    identity = _identity(environ, sender, sender_type)
    if client_class is None:
        from ayon_gql import AyonClient

        client_class = AyonClient  # type: ignore[assignment]
    assert client_class is not None
    client = client_class(identity.server_url, **identity.client_options(), **options)  # type: ignore[call-arg]
    return Service(identity, client)


def connect_async_service(
    client_class: type[_C] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    sender: str | None = None,
    sender_type: str | None = None,
    **options: Any,
) -> AsyncService[_C]:
    """Asynchronous twin of :func:`connect_service` (default ``AsyncAyonClient``)."""
    identity = _identity(environ, sender, sender_type)
    if client_class is None:
        from ayon_gql import AsyncAyonClient

        client_class = AsyncAyonClient  # type: ignore[assignment]
    assert client_class is not None
    client = client_class(identity.server_url, **identity.client_options(), **options)  # type: ignore[call-arg]
    return AsyncService(identity, client)
