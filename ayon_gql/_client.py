"""The clients' runtime half: connection, credentials, login, ``as_user``, REST.

:class:`AyonClientBase` and :class:`AsyncAyonClientBase` know nothing of any
generated package.  Each generated package combines them with its own
operations (``class AyonClient(AyonClientBase, Operations)``), so a studio's
client has the same constructor, ``from_env``, ``login``, ``as_user``,
``execute``, ``rest``, errors, retries and pagination as ``ayon_gql.AyonClient``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from ayon_gql._connection import AsyncConnection, Connection
from ayon_gql._connection_settings import ConnectionSettings
from ayon_gql._errors import AuthenticationError, AyonError, PermissionDeniedError
from ayon_gql._graphql import Validator
from ayon_gql._operations import AsyncOperationsBase, OperationsBase
from ayon_gql._snapshot import SNAPSHOT_NAME, packaged_snapshot

if TYPE_CHECKING:
    from typing import IO

    from ayon_gql.events import AsyncEvents, Events
    from ayon_gql.rest import AsyncRestAPI, RestAPI
    from ayon_gql.rest._transfers import ProgressCallback
    from ayon_gql.sync import AsyncHierarchy, Hierarchy
    from ayon_gql.writes import (
        AsyncOperationsSession,
        OperationsSession,
        Reviewable,
        Thumbnail,
    )

#: Bytes per chunk of a streamed reviewable upload.
_CHUNK_SIZE = 1 << 20

__all__ = ["AsyncAyonClientBase", "AyonClientBase"]

_Conn = TypeVar("_Conn", Connection, AsyncConnection)
_Client = TypeVar("_Client", bound="_ClientCore[Any]")
_Sync = TypeVar("_Sync", bound="AyonClientBase")
_Async = TypeVar("_Async", bound="AsyncAyonClientBase")


def _settings(
    url: str | None,
    *,
    api_key: str | None,
    token: str | None,
    environ: Mapping[str, str] | None = None,
    **options: Any,
) -> ConnectionSettings:
    """Explicit arguments first, ``AYON_*`` environment variables for the rest."""
    env = dict(os.environ if environ is None else environ)
    if token is not None or api_key is not None:
        env.pop("AYON_API_KEY", None)  # explicit credentials win over the environment
    renamed = {
        "verify": options.pop("ca_file", None),
        "cert": options.pop("cert_file", None),
    }
    return ConnectionSettings.from_env(
        env, base_url=url, api_key=api_key, token=token, **renamed, **options
    )


def _validator(
    client_class: type[_ClientCore[Any]],
    validate: bool | str | os.PathLike[str],
    given: Validator | None,
) -> Validator | None:
    """``validate=True`` checks queries against the schema snapshot of the client
    class's package before sending; a path checks against that SDL file.
    Either needs the ``tools`` extra (graphql-core)."""
    if given is not None or validate is False:
        return given
    if validate is True:
        package = client_class.schema_package
        if package is None:
            raise AyonError(
                f"validate=True: {client_class.__name__} names no generated package with a "
                "schema snapshot; pass validate='path/to/schema.graphql'"
            )
        path = os.fspath(packaged_snapshot(package, client_class.schema_snapshot))
    else:
        path = os.fspath(validate)
    try:
        from ayon_gql.schema import LocalValidator
    except ImportError as exc:
        raise AyonError(
            f"validate= needs the schema tools: pip install 'ayon-gql[tools]' ({exc})"
        ) from None
    return LocalValidator(path)


#: Options of the login request itself; the rest configure the logged-in client.
_LOGIN_CONNECTION_OPTIONS = ("timeout", "retries", "ca_file", "cert_file")


def _login_settings(url: str, options: dict[str, Any]) -> ConnectionSettings:
    """Settings for the anonymous login request (no credentials from the environment)."""
    chosen = {key: options[key] for key in _LOGIN_CONNECTION_OPTIONS if key in options}
    return _settings(url, api_key=None, token=None, environ={}, **chosen)


def _login_refused(exc: AuthenticationError | PermissionDeniedError, username: str) -> AyonError:
    """The login error, naming the user and never the password."""
    return type(exc)(
        f"login as {username!r} refused: {exc.detail or exc.message}",
        status_code=exc.status_code,
        method=exc.method,
        path=exc.path,
        detail=exc.detail,
        body=exc.body,
        operation="login",
    )


def _token_from_login(answer: Any) -> str:
    token = answer.get("token") if isinstance(answer, Mapping) else None
    if not isinstance(token, str) or not token:
        raise AyonError("login answered without a token", operation="login")
    return token


class _ClientCore(Generic[_Conn]):
    """What the sync and async clients share: the constructor (arguments first,
    ``AYON_*`` environment variables for the rest), the schema snapshot
    ``validate=True`` uses, ``from_env``, ``url`` and ``repr``.  Each client
    makes its own kind of connection (:meth:`_connect`)."""

    #: The generated package whose schema snapshot ``validate=True`` uses.
    schema_package: ClassVar[str | None] = None
    #: The snapshot's file name inside ``schema_package``.
    schema_snapshot: ClassVar[str] = SNAPSHOT_NAME

    connection: _Conn
    """The connection every request goes through (REST, GraphQL, pagination)."""

    def __init__(
        self,
        url: str | None = None,
        *,
        api_key: str | None = None,
        token: str | None = None,
        timeout: float | None = None,
        retries: int | None = None,
        ca_file: str | None = None,
        cert_file: str | None = None,
        site_id: str | None = None,
        sender: str | None = None,
        sender_type: str | None = None,
        as_user: str | None = None,
        max_connections: int | None = None,
        validate: bool | str | os.PathLike[str] = False,
        validator: Validator | None = None,
    ) -> None:
        settings = _settings(
            url,
            api_key=api_key,
            token=token,
            timeout=timeout,
            retries=retries,
            ca_file=ca_file,
            cert_file=cert_file,
            site_id=site_id,
            sender=sender,
            sender_type=sender_type,
            as_user=as_user,
            max_connections=max_connections,
        )
        checker = _validator(type(self), validate, validator)
        self._init_connection(self._connect(settings, checker))

    def _connect(self, settings: ConnectionSettings, validator: Validator | None) -> _Conn:
        raise NotImplementedError

    def _init_connection(self, connection: _Conn) -> None:
        raise NotImplementedError

    @classmethod
    def from_env(cls: type[_Client], **options: Any) -> _Client:
        """A client configured from ``AYON_*`` environment variables."""
        return cls(**options)

    @property
    def url(self) -> str:
        """The server's base URL."""
        return self.connection.base_url

    def __repr__(self) -> str:
        settings = self.connection.settings
        user = f", as_user={settings.as_user!r}" if settings.as_user else ""
        return f"{type(self).__name__}({settings.base_url!r}, auth={settings.auth_kind!r}{user})"


class AyonClientBase(_ClientCore[Connection], OperationsBase):
    """Synchronous AYON client without operations: the base of every generated ``AyonClient``.

    Create it with a URL and ``api_key=`` (service users) or ``token=``, or
    with :meth:`login`; anything not given comes from ``AYON_SERVER_URL``,
    ``AYON_API_KEY``, ``AYON_CA_FILE``, ``AYON_CERT_FILE``,
    ``AYON_SERVER_TIMEOUT`` and ``AYON_SERVER_RETRIES``.  No request is made
    before the first call; use it as a context manager to close the pool.
    ``timeout`` (seconds, default 30) and ``retries`` (default 3, with backoff)
    shape every request; ``validate=True`` (or an SDL path) checks queries
    locally before sending.

    A generated package declares ``class AyonClient(AyonClientBase, Operations)``
    with ``schema_package`` set to its own name, so ``validate=True`` checks
    against the snapshot it was generated from.
    """

    def _connect(self, settings: ConnectionSettings, validator: Validator | None) -> Connection:
        return Connection(settings, validator=validator)

    def _init_connection(self, connection: Connection) -> None:
        self.connection = connection
        self._rest: RestAPI | None = None
        self._events: Events | None = None
        OperationsBase.__init__(self, connection)

    @property
    def rest(self) -> RestAPI:
        """Typed REST calls (installers, packages, bundles, settings, info)."""
        if self._rest is None:
            from ayon_gql.rest import RestAPI

            self._rest = RestAPI(self.connection)
        return self._rest

    @property
    def events(self) -> Events:
        """Events, event jobs, the worker loop and live listening (``ayon_gql.events``)."""
        if self._events is None:
            from ayon_gql.events import Events

            self._events = Events(self.connection)
        return self._events

    @classmethod
    def _with_connection(cls: type[_Sync], connection: Connection) -> _Sync:
        client = cls.__new__(cls)
        client._init_connection(connection)
        return client

    @classmethod
    def login(cls: type[_Sync], url: str, username: str, password: str, **options: Any) -> _Sync:
        """Log in with a user name and password (``POST /api/auth/login``)."""
        anonymous = Connection(_login_settings(url, options))
        try:
            answer = anonymous.request(
                "POST",
                "/api/auth/login",
                json={"name": username, "password": password},
                operation="login",
                idempotent=False,
            ).json()
        except (AuthenticationError, PermissionDeniedError) as exc:
            raise _login_refused(exc, username) from None
        finally:
            anonymous.close()
        return cls(url, token=_token_from_login(answer), **options)

    def as_user(self: _Sync, name: str) -> _Sync:
        """A client acting as user ``name`` (``X-as-user``), sharing this pool."""
        return self._with_connection(self.connection.derive(as_user=name))

    def operations(
        self, project_name: str, *, can_fail: bool = False, as_user: str | None = None
    ) -> OperationsSession:
        """A write session on ``project_name``: typed creates, updates and deletes
        committed in one request, all or nothing (``can_fail=True``: each on its
        own).  ``as_user`` makes every operation act as that user."""
        from ayon_gql.writes import OperationsSession

        return OperationsSession(self.connection, project_name, can_fail=can_fail, as_user=as_user)

    def load_hierarchy(
        self, project_name: str, *, root: str | None = None, page_size: int | None = None
    ) -> Hierarchy:
        """The folders and tasks of ``project_name`` (or of the subtree at ``root``,
        a path or a folder id), typed by this package's write models, to edit
        in memory and commit at once (``ayon_gql.sync.Hierarchy``)."""
        from ayon_gql.sync import Hierarchy

        return Hierarchy.load(self, project_name, root=root, page_size=page_size)

    def create_thumbnail(
        self,
        project_name: str,
        source: str | os.PathLike[str] | bytes,
        *,
        content_type: str | None = None,
    ) -> Thumbnail:
        """Store a PNG or JPEG thumbnail (a path or bytes); set its ``id`` as an
        entity's ``thumbnail_id``."""
        from ayon_gql.writes._files import create_thumbnail

        return create_thumbnail(self.connection, project_name, source, content_type)

    def upload_reviewable(
        self,
        project_name: str,
        version_id: str,
        source: str | os.PathLike[str] | IO[bytes],
        *,
        label: str | None = None,
        filename: str | None = None,
        content_type: str | None = None,
        progress: ProgressCallback | None = None,
        chunk_size: int = _CHUNK_SIZE,
    ) -> Reviewable:
        """Upload a video or image to a version for review, streamed in chunks.

        The content type comes from the file name unless given; ``progress``
        is called as ``progress(done_bytes, total_bytes)``.
        """
        from ayon_gql.writes._files import upload_reviewable

        return upload_reviewable(
            self.connection,
            project_name,
            version_id,
            source,
            label=label,
            filename=filename,
            content_type=content_type,
            progress=progress,
            chunk_size=chunk_size,
        )

    def server_version(self) -> str | None:
        """The version string ``/api/info`` reports."""
        return self.connection.server_version()

    def close(self) -> None:
        """Close the connection pool."""
        self.connection.close()

    def __enter__(self: _Sync) -> _Sync:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAyonClientBase(_ClientCore[AsyncConnection], AsyncOperationsBase):
    """Asynchronous twin of :class:`AyonClientBase`: the base of every generated
    ``AsyncAyonClient``.  Operations are coroutines, iterators are async, and
    ``max_connections=`` bounds the pool."""

    def _connect(
        self, settings: ConnectionSettings, validator: Validator | None
    ) -> AsyncConnection:
        return AsyncConnection(settings, validator=validator)

    def _init_connection(self, connection: AsyncConnection) -> None:
        self.connection = connection
        self._rest: AsyncRestAPI | None = None
        self._events: AsyncEvents | None = None
        AsyncOperationsBase.__init__(self, connection)

    @property
    def rest(self) -> AsyncRestAPI:
        """Typed REST calls (installers, packages, bundles, settings, info)."""
        if self._rest is None:
            from ayon_gql.rest import AsyncRestAPI

            self._rest = AsyncRestAPI(self.connection)
        return self._rest

    @property
    def events(self) -> AsyncEvents:
        """Events, event jobs and live listening, asynchronously (``ayon_gql.events``)."""
        if self._events is None:
            from ayon_gql.events import AsyncEvents

            self._events = AsyncEvents(self.connection)
        return self._events

    @classmethod
    def _with_connection(cls: type[_Async], connection: AsyncConnection) -> _Async:
        client = cls.__new__(cls)
        client._init_connection(connection)
        return client

    @classmethod
    async def login(
        cls: type[_Async], url: str, username: str, password: str, **options: Any
    ) -> _Async:
        """Log in with a user name and password (``POST /api/auth/login``)."""
        anonymous = AsyncConnection(_login_settings(url, options))
        try:
            response = await anonymous.request(
                "POST",
                "/api/auth/login",
                json={"name": username, "password": password},
                operation="login",
                idempotent=False,
            )
        except (AuthenticationError, PermissionDeniedError) as exc:
            raise _login_refused(exc, username) from None
        finally:
            await anonymous.aclose()
        return cls(url, token=_token_from_login(response.json()), **options)

    def as_user(self: _Async, name: str) -> _Async:
        """A client acting as user ``name`` (``X-as-user``), sharing this pool."""
        return self._with_connection(self.connection.derive(as_user=name))

    def operations(
        self, project_name: str, *, can_fail: bool = False, as_user: str | None = None
    ) -> AsyncOperationsSession:
        """An asynchronous write session (see :meth:`AyonClientBase.operations`)."""
        from ayon_gql.writes import AsyncOperationsSession

        return AsyncOperationsSession(
            self.connection, project_name, can_fail=can_fail, as_user=as_user
        )

    async def load_hierarchy(
        self, project_name: str, *, root: str | None = None, page_size: int | None = None
    ) -> AsyncHierarchy:
        """A project's folders and tasks (see :meth:`AyonClientBase.load_hierarchy`)."""
        from ayon_gql.sync import AsyncHierarchy

        return await AsyncHierarchy.load(self, project_name, root=root, page_size=page_size)

    async def create_thumbnail(
        self,
        project_name: str,
        source: str | os.PathLike[str] | bytes,
        *,
        content_type: str | None = None,
    ) -> Thumbnail:
        """Store a PNG or JPEG thumbnail (see :meth:`AyonClientBase.create_thumbnail`)."""
        from ayon_gql.writes._files import acreate_thumbnail

        return await acreate_thumbnail(self.connection, project_name, source, content_type)

    async def upload_reviewable(
        self,
        project_name: str,
        version_id: str,
        source: str | os.PathLike[str] | IO[bytes],
        *,
        label: str | None = None,
        filename: str | None = None,
        content_type: str | None = None,
        progress: ProgressCallback | None = None,
        chunk_size: int = _CHUNK_SIZE,
    ) -> Reviewable:
        """Upload a reviewable, streamed (see :meth:`AyonClientBase.upload_reviewable`)."""
        from ayon_gql.writes._files import aupload_reviewable

        return await aupload_reviewable(
            self.connection,
            project_name,
            version_id,
            source,
            label=label,
            filename=filename,
            content_type=content_type,
            progress=progress,
            chunk_size=chunk_size,
        )

    async def server_version(self) -> str | None:
        """The version string ``/api/info`` reports."""
        return await self.connection.server_version()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self.connection.aclose()

    async def __aenter__(self: _Async) -> _Async:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
