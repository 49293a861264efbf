"""Typed answers of writes: each operation's outcome, a commit's, thumbnails, reviewables."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ayon_gql.rest._model_base import RestModel

__all__ = [
    "AffectedEntity",
    "CommitResult",
    "OperationResult",
    "Reviewable",
    "ReviewableAuthor",
    "Settled",
    "Thumbnail",
]

#: How a commit's outcome was learnt: from its answer, or (the answer lost) by
#: looking the created entities up, or by sending the same operations again.
Settled = Literal["answer", "lookup", "resend"]


class OperationResult(BaseModel):
    """What the server said about one operation of a commit."""

    model_config = ConfigDict(frozen=True)

    #: Index of the operation in its commit (0-based, the order it was added in).
    position: int
    type: Literal["create", "update", "delete"]
    entity_type: str
    #: The entity's id (for creates, the id made on the client).
    entity_id: str
    success: bool
    #: The server's HTTP-like status: 201 created, 204 updated or deleted, 4xx failed.
    status: int | None = None
    #: ``invalid_data``, ``not-found``, ``foreign-key-violation``, ``unique-violation``, ...
    error_code: str | None = None
    detail: str | None = None

    def describe(self) -> str:
        """One line: position, type, entity and, for a failure, the server's reason."""
        head = f"operation {self.position} ({self.type} {self.entity_type} {self.entity_id})"
        if self.success:
            return head
        code = f" {self.error_code}" if self.error_code else ""
        return f"{head}: {self.status}{code}: {self.detail or 'failed'}"


class CommitResult(BaseModel):
    """The outcome of one commit: every operation's result, in order.

    ``success`` is true when every operation succeeded.  With ``can_fail=True``
    the good operations are committed and :attr:`failed` lists the others;
    without it a failure raises :class:`~ayon_gql.CommitError` instead.
    """

    model_config = ConfigDict(frozen=True)

    project_name: str
    success: bool
    operations: list[OperationResult]
    #: How the outcome was learnt (``"lookup"`` / ``"resend"``: the answer was lost).
    settled_by: Settled = "answer"

    @property
    def failed(self) -> list[OperationResult]:
        """The operations that failed (only ever non-empty with ``can_fail=True``)."""
        return [op for op in self.operations if not op.success]

    @property
    def created(self) -> list[str]:
        """Ids of the entities this commit created."""
        return [op.entity_id for op in self.operations if op.type == "create" and op.success]

    def __len__(self) -> int:
        return len(self.operations)


class AffectedEntity(RestModel):
    """An entity whose thumbnail a thumbnail upload changed."""

    entity_type: str
    entity_id: str
    thumbnail_id: str | None = None
    thumbnail_hash: str | None = None


class Thumbnail(RestModel):
    """A stored thumbnail: its id (set it as ``thumbnail_id``) and what shows it."""

    id: str
    affected_entities: list[AffectedEntity] = Field(default_factory=list)


class ReviewableAuthor(RestModel):
    """Who uploaded a reviewable."""

    name: str
    full_name: str | None = None


class Reviewable(RestModel):
    """A reviewable attached to a version: the file, and what the server made of it.

    ``availability`` is ``ready`` (playable as is) or ``conversionRecommended``;
    ``media_info`` holds what the server's probe found (codec, size, frame rate).
    """

    file_id: str
    activity_id: str
    filename: str
    label: str | None = None
    mimetype: str
    availability: str | None = None
    media_info: dict[str, Any] | None = None
    processing: Any = None
    created_from: Any = None
    author: ReviewableAuthor | None = None
    created_at: str | None = None
    updated_at: str | None = None
