"""Writing to AYON: typed operations committed in one transaction, thumbnails, reviewables.

``client.operations(project)`` opens an :class:`OperationsSession` (or an
:class:`AsyncOperationsSession` on the async client); it takes the create and
update models of a generated package's ``write_models`` (any
:class:`~ayon_gql.client.EntityCreate` / :class:`~ayon_gql.client.EntityUpdate`).
"""

from ayon_gql.writes._async_session import AsyncOperationsSession
from ayon_gql.writes._batch import PendingOperation, new_entity_id
from ayon_gql.writes._results import (
    AffectedEntity,
    CommitResult,
    OperationResult,
    Reviewable,
    ReviewableAuthor,
    Thumbnail,
)
from ayon_gql.writes._session import OperationsSession

__all__ = [
    "AffectedEntity",
    "AsyncOperationsSession",
    "CommitResult",
    "OperationResult",
    "OperationsSession",
    "PendingOperation",
    "Reviewable",
    "ReviewableAuthor",
    "Thumbnail",
    "new_entity_id",
]
