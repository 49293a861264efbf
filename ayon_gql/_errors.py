"""One exception hierarchy for everything the client can fail at.

Every error says which operation (or REST call) and, where known, which
project it was about.  Messages are built from the server's answer and our
own context only: credentials are never part of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "AuthenticationError",
    "AyonError",
    "ChecksumMismatchError",
    "CommitError",
    "CommitOutcomeUnknownError",
    "DuplicateEventError",
    "GenerationError",
    "GraphQLError",
    "GraphQLErrorDetail",
    "GraphQLNotFoundError",
    "HTTPStatusError",
    "HierarchyConflictError",
    "InvalidInputError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "ProjectConfigError",
    "QueryValidationError",
    "RequestValidationError",
    "SchemaSourceError",
    "ServerError",
    "SettingsValidationError",
    "TransferError",
    "TransportError",
    "ValidationIssue",
    "WriteValidationError",
]


class AyonError(Exception):
    """Base of every error raised by ayon-gql."""

    def __init__(
        self,
        message: str,
        *,
        operation: str | None = None,
        project_name: str | None = None,
    ) -> None:
        self.message = message
        self.operation = operation
        self.project_name = project_name
        super().__init__(self._describe())

    def _describe(self) -> str:
        context = []
        if self.operation:
            context.append(self.operation)
        if self.project_name:
            context.append(f"project {self.project_name!r}")
        return f"{' on '.join(context)}: {self.message}" if context else self.message


class InvalidInputError(AyonError, ValueError):
    """Input rejected locally, before anything was sent (bad name, id, filter)."""


class TransportError(AyonError):
    """The server could not be reached or the connection broke, after retries."""


class HTTPStatusError(AyonError):
    """The server answered with an error status."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        method: str,
        path: str,
        detail: str | None = None,
        body: Any = None,
        operation: str | None = None,
        project_name: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.method = method
        self.path = path
        self.detail = detail
        self.body = body
        super().__init__(message, operation=operation, project_name=project_name)


class DuplicateEventError(HTTPStatusError):
    """409 on dispatch: an event with the same hash is already stored
    (dispatch again with ``reuse=True`` to replace it)."""

    def __init__(self, message: str, *, event_hash: str | None = None, **options: Any) -> None:
        self.event_hash = event_hash
        super().__init__(message, **options)


class AuthenticationError(HTTPStatusError):
    """401: missing, wrong or expired API key or token."""


class PermissionDeniedError(HTTPStatusError):
    """403: authenticated, but not allowed (or a refused login)."""


class NotFoundError(AyonError):
    """A project, entity, file or addon does not exist (HTTP 404 or GraphQL 404)."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int = 404,
        operation: str | None = None,
        project_name: str | None = None,
        path: Sequence[str | int] | str | None = None,
    ) -> None:
        self.status_code = status_code
        self.path = path
        super().__init__(message, operation=operation, project_name=project_name)


class RequestValidationError(HTTPStatusError):
    """400: the server rejected the request; ``errors`` lists what and where."""

    @property
    def errors(self) -> list[dict[str, Any]]:
        """The server's ``errors`` list: ``loc``, ``msg``, ``type``, ``ctx``."""
        if isinstance(self.body, Mapping):
            found = self.body.get("errors")
            if isinstance(found, list):
                return [dict(item) for item in found if isinstance(item, Mapping)]
        return []


class ServerError(HTTPStatusError):
    """5xx, after the retries allowed for it were used up."""


class GraphQLErrorDetail:
    """One entry of a GraphQL ``errors`` list."""

    __slots__ = ("extensions", "locations", "message", "path")

    def __init__(self, entry: Mapping[str, Any]) -> None:
        self.message = str(entry.get("message", "unknown error"))
        raw_locations = entry.get("locations") or []
        self.locations: list[tuple[int, int]] = [
            (int(loc.get("line", 0)), int(loc.get("column", 0)))
            for loc in raw_locations
            if isinstance(loc, Mapping)
        ]
        raw_path = entry.get("path")
        self.path: list[str | int] | None = list(raw_path) if raw_path else None
        extensions = entry.get("extensions")
        self.extensions: dict[str, Any] = (
            dict(extensions) if isinstance(extensions, Mapping) else {}
        )

    @property
    def status(self) -> int | None:
        """The HTTP-like status AYON puts in ``extensions.status`` (e.g. 404)."""
        value = self.extensions.get("status")
        return value if isinstance(value, int) else None

    def __str__(self) -> str:
        where = []
        if self.path:
            where.append("at " + ".".join(str(part) for part in self.path))
        if self.locations:
            where.append("line " + ", ".join(f"{line}:{column}" for line, column in self.locations))
        return f"{self.message} ({'; '.join(where)})" if where else self.message

    def __repr__(self) -> str:
        return f"GraphQLErrorDetail({self.message!r}, path={self.path!r})"


class GraphQLError(AyonError):
    """The server executed the operation and answered with ``errors``."""

    def __init__(
        self,
        errors: Sequence[GraphQLErrorDetail],
        *,
        data: Any = None,
        operation: str | None = None,
        project_name: str | None = None,
    ) -> None:
        self.errors = list(errors)
        self.data = data
        message = "; ".join(str(error) for error in self.errors) or "unknown GraphQL error"
        super().__init__(message, operation=operation, project_name=project_name)


class GraphQLNotFoundError(GraphQLError, NotFoundError):
    """A GraphQL error whose ``extensions.status`` is 404 (e.g. missing project)."""

    def __init__(
        self,
        errors: Sequence[GraphQLErrorDetail],
        *,
        data: Any = None,
        operation: str | None = None,
        project_name: str | None = None,
    ) -> None:
        # GraphQLError.__init__ reaches NotFoundError.__init__ through the MRO,
        # which resets status and path; set them afterwards.
        GraphQLError.__init__(
            self, errors, data=data, operation=operation, project_name=project_name
        )
        first = errors[0] if errors else None
        self.status_code = 404
        self.path = first.path if first else None


class PaginationError(AyonError):
    """Paging stopped: the server repeated a cursor, or a page failed for good.

    ``cursor`` is the last cursor reached and ``items`` how many nodes were
    yielded before; ``__cause__`` holds the underlying error, if any.
    """

    def __init__(
        self,
        message: str,
        *,
        operation: str | None,
        cursor: str | None,
        items: int,
        project_name: str | None = None,
    ) -> None:
        self.cursor = cursor
        self.items = items
        super().__init__(message, operation=operation, project_name=project_name)


class ValidationIssue:
    """One problem found in a query: message and where (1-based line and column)."""

    __slots__ = ("column", "line", "message")

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return f"{self.line}:{self.column}: {self.message}"

    def __repr__(self) -> str:
        return f"ValidationIssue({self.message!r}, line={self.line}, column={self.column})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ValidationIssue):
            return NotImplemented
        return (self.message, self.line, self.column) == (other.message, other.line, other.column)

    def __hash__(self) -> int:
        return hash((self.message, self.line, self.column))


class QueryValidationError(InvalidInputError):
    """A query does not validate against the local schema; nothing was sent."""

    def __init__(
        self,
        errors: Sequence[ValidationIssue],
        *,
        operation: str | None = None,
        source_name: str | None = None,
    ) -> None:
        self.errors = list(errors)
        self.source_name = source_name
        prefix = f"{source_name}:" if source_name else ""
        described = "; ".join(f"{prefix}{issue}" for issue in self.errors)
        super().__init__(f"query does not validate: {described}", operation=operation)


class TransferError(AyonError):
    """An upload or download did not complete; nothing was left at the destination."""

    def __init__(
        self,
        message: str,
        *,
        destination: Path | None = None,
        received: int | None = None,
        expected: int | None = None,
        operation: str | None = None,
    ) -> None:
        self.destination = destination
        self.received = received
        self.expected = expected
        super().__init__(message, operation=operation)


class ChecksumMismatchError(TransferError):
    """The downloaded bytes do not match the declared checksum (file discarded)."""

    def __init__(
        self,
        message: str,
        *,
        algorithm: str,
        expected_checksum: str,
        actual_checksum: str,
        destination: Path | None = None,
        operation: str | None = None,
    ) -> None:
        self.algorithm = algorithm
        self.expected_checksum = expected_checksum
        self.actual_checksum = actual_checksum
        super().__init__(message, destination=destination, operation=operation)


class ProjectConfigError(AyonError):
    """A project's ``[tool.ayon-gql]`` configuration is missing or invalid."""


class GenerationError(AyonError):
    """Code generation refused: an invalid or duplicate operation, a name clash,
    or a target folder holding files that ayon-gql did not write.

    ``details`` holds one ``file:line:column: Operation: message`` line per
    problem when there are several (the command line prints them before the
    one-line message, as a compiler would).
    """

    def __init__(
        self, message: str, *, details: Sequence[str] = (), operation: str | None = None
    ) -> None:
        self.details = tuple(details)
        super().__init__(message, operation=operation)


class SchemaSourceError(InvalidInputError):
    """A schema could not be read: a missing or unreadable file, text that is
    neither SDL nor introspection JSON, or a server that could not be introspected."""


class WriteValidationError(InvalidInputError):
    """A write refused before anything was sent: an unknown field or attribute, a
    wrong type, a malformed id, two operations on one entity.

    ``position`` is the operation's index in its session (None when a model
    was refused while being built), ``entity_type`` and ``field`` say what was
    wrong where (``field`` by its wire name, e.g. ``attrib.frameStart``).
    """

    def __init__(
        self,
        message: str,
        *,
        position: int | None = None,
        entity_type: str | None = None,
        field: str | None = None,
        project_name: str | None = None,
    ) -> None:
        self.position = position
        self.entity_type = entity_type
        self.field = field
        #: What is wrong with the field, without the operation and model named.
        self.reason = message
        super().__init__(message, operation="write", project_name=project_name)


class SettingsValidationError(InvalidInputError):
    """Addon settings refused before sending: a wrong type, a value outside a
    constraint, a choice the addon's schema does not have.  ``errors`` lists
    ``(path, reason)`` with paths by wire names (``review_presets.0.width``)."""

    def __init__(self, message: str, errors: list[tuple[str, str]]) -> None:
        self.errors = errors
        super().__init__(message, operation="save settings")


class CommitError(AyonError):
    """A commit the server refused: nothing of it was committed.

    ``failed`` is the first failing operation (its ``position``,
    ``entity_type``, ``entity_id``, the server's ``status``, ``error_code``
    and ``detail``); ``result`` holds the answer for every operation.  Like
    the server, earlier operations are listed as successful although they
    were rolled back with the rest.
    """

    def __init__(self, message: str, *, result: Any, failed: Any, project_name: str) -> None:
        self.result = result
        self.failed = failed
        super().__init__(message, operation="commit", project_name=project_name)


class CommitOutcomeUnknownError(AyonError):
    """The answer to a commit was lost and what happened could not be found out.

    Raised only when the server stayed unreachable while the client looked
    the outcome up; ``entity_ids`` are the ids the commit creates, updates or
    deletes, so a later look-up can settle it.
    """

    def __init__(self, message: str, *, entity_ids: Sequence[str], project_name: str) -> None:
        self.entity_ids = list(entity_ids)
        super().__init__(message, operation="commit", project_name=project_name)


class HierarchyConflictError(AyonError):
    """Entities a hierarchy commit would change were changed on the server since
    they were loaded (their ``updatedAt`` moved, or they were deleted).

    Nothing was sent and every edit is still pending.  ``conflicts`` lists
    them (:class:`ayon_gql.sync.Conflict`: entity type, id, path, the
    ``updatedAt`` loaded and the server's, ``None`` when deleted there).
    ``commit(on_conflict="theirs")`` takes the server's values for them,
    ``"ours"`` sends the edits anyway.
    """

    def __init__(self, message: str, *, conflicts: Sequence[Any], project_name: str) -> None:
        self.conflicts = list(conflicts)
        super().__init__(message, operation="commit", project_name=project_name)
