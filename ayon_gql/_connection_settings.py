"""Where and how to connect to an AYON server: URL, credentials, timeouts,
retries, TLS and the headers every request carries; read from arguments or the
``AYON_*`` environment variables.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from ayon_gql._errors import InvalidInputError

__all__ = ["DEFAULT_RETRIES", "DEFAULT_TIMEOUT", "ConnectionSettings"]

DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 3


class ConnectionSettings:
    """Where and how to connect.  Immutable; secrets are kept out of ``repr``.

    (A plain class rather than a dataclass: building a dataclass costs
    milliseconds at import time, and ``import ayon_gql`` is kept fast.)
    """

    __slots__ = (
        "api_key",
        "as_user",
        "backoff",
        "base_url",
        "cert",
        "max_connections",
        "retries",
        "sender",
        "sender_type",
        "site_id",
        "timeout",
        "token",
        "verify",
    )

    base_url: str
    api_key: str | None
    token: str | None
    timeout: float
    retries: int
    backoff: float
    verify: bool | str
    cert: str | None
    as_user: str | None
    site_id: str | None
    sender: str | None
    sender_type: str | None
    max_connections: int

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        token: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff: float = 0.25,
        verify: bool | str = True,
        cert: str | None = None,
        as_user: str | None = None,
        site_id: str | None = None,
        sender: str | None = None,
        sender_type: str | None = None,
        max_connections: int = 20,
    ) -> None:
        url = base_url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"server URL must start with http:// or https://, got {url!r}")
        if retries < 0:
            raise ValueError("retries must be >= 0")
        if timeout <= 0:
            raise ValueError("timeout must be > 0")
        values = {
            "base_url": url,
            "api_key": api_key,
            "token": token,
            "timeout": float(timeout),
            "retries": int(retries),
            "backoff": float(backoff),
            "verify": verify,
            "cert": cert,
            "as_user": as_user,
            "site_id": site_id,
            "sender": sender,
            "sender_type": sender_type,
            "max_connections": int(max_connections),
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable; use replace()")

    def replace(self, **changes: Any) -> ConnectionSettings:
        """A copy with some values changed."""
        values = {name: getattr(self, name) for name in self.__slots__}
        values.update(changes)
        return ConnectionSettings(values.pop("base_url"), **values)

    def __repr__(self) -> str:
        return (
            f"ConnectionSettings(base_url={self.base_url!r}, auth={self.auth_kind!r}, "
            f"timeout={self.timeout}, retries={self.retries})"
        )

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, **overrides: Any
    ) -> ConnectionSettings:
        """Read ``AYON_SERVER_URL``, ``AYON_API_KEY`` and friends; overrides win."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        if env.get("AYON_SERVER_URL"):
            values["base_url"] = env["AYON_SERVER_URL"]
        if env.get("AYON_API_KEY"):
            values["api_key"] = env["AYON_API_KEY"]
        if env.get("AYON_CA_FILE"):
            values["verify"] = env["AYON_CA_FILE"]
        if env.get("AYON_CERT_FILE"):
            values["cert"] = env["AYON_CERT_FILE"]
        if env.get("AYON_SERVER_TIMEOUT"):
            values["timeout"] = _env_number(env, "AYON_SERVER_TIMEOUT", float)
        if env.get("AYON_SERVER_RETRIES"):
            values["retries"] = _env_number(env, "AYON_SERVER_RETRIES", int)
        if env.get("AYON_SITE_ID"):
            values["site_id"] = env["AYON_SITE_ID"]
        values.update({key: value for key, value in overrides.items() if value is not None})
        if "base_url" not in values:
            raise InvalidInputError("no server URL: pass url= or set AYON_SERVER_URL")
        return cls(**values)

    @property
    def auth_kind(self) -> str:
        """``api-key``, ``token`` or ``none``: safe to show."""
        if self.api_key:
            return "api-key"
        if self.token:
            return "token"
        return "none"

    def headers(self) -> dict[str, str]:
        """Headers sent with every request."""
        headers = {"Accept": "application/json", "User-Agent": "ayon-gql"}
        if self.api_key:
            headers["X-Api-Key"] = self.api_key
        elif self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.as_user:
            headers["X-as-user"] = self.as_user
        if self.site_id:
            headers["x-ayon-site-id"] = self.site_id
        if self.sender:
            headers["x-sender"] = self.sender
        if self.sender_type:
            headers["x-sender-type"] = self.sender_type
        return headers

    def client_options(self) -> dict[str, Any]:
        """Keyword arguments for ``httpx.Client`` / ``httpx.AsyncClient``."""
        import httpx

        options: dict[str, Any] = {
            "base_url": self.base_url,
            "timeout": httpx.Timeout(self.timeout, connect=min(self.timeout, 10.0)),
            "verify": self.verify,
            "limits": httpx.Limits(
                max_connections=self.max_connections,
                max_keepalive_connections=self.max_connections,
            ),
        }
        if self.cert:
            options["cert"] = self.cert
        return options


def _env_number(env: Mapping[str, str], name: str, kind: type[int] | type[float]) -> Any:
    try:
        return kind(env[name])
    except ValueError:
        raise ValueError(f"{name} must be a number, got {env[name]!r}") from None
