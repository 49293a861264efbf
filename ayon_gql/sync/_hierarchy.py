"""A project's hierarchy, loaded, edited in memory and committed: the synchronous twin.

::

    tree = client.load_hierarchy("my_project")
    shot = tree.by_path("/shots/sq010/sh010")
    shot.attrib.frame_start = 1001
    tree.create_task(shot, "comp", task_type="Compositing")
    tree.commit()  # one request, all or nothing; the tree is the server's again
"""

from __future__ import annotations

import functools
from types import ModuleType
from typing import Any

from ayon_gql._connection import Connection
from ayon_gql._errors import CommitError
from ayon_gql.sync._models import WriteModels
from ayon_gql.sync._steps import (
    OnConflict,
    Steps,
    add_to_session,
    commit_steps,
    load_steps,
    named_failure,
)
from ayon_gql.sync._tree import HierarchyCore
from ayon_gql.writes._results import CommitResult
from ayon_gql.writes._session import OperationsSession

__all__ = ["Hierarchy", "models_for"]


def models_for(client: Any, models: ModuleType | str | None) -> WriteModels:
    """The write models of ``models``, else of the package the client was generated into."""
    if models is None:
        models = getattr(type(client), "schema_package", None)
    return WriteModels.of(models)


class Hierarchy(HierarchyCore):
    """The folders and tasks of a project (or of a subtree), to read, edit and commit.

    Made by :meth:`load` (or ``client.load_hierarchy``).  Lookups, edits and
    their checks are in :class:`~ayon_gql.sync.HierarchyCore`; :meth:`commit`
    sends what changed.
    """

    def __init__(self, connection: Connection, project_name: str, models: WriteModels, **kw: Any):
        super().__init__(project_name, models, **kw)
        self.connection = connection

    @classmethod
    def load(
        cls,
        client: Any,
        project_name: str,
        *,
        root: str | None = None,
        models: ModuleType | str | None = None,
        page_size: int | None = None,
    ) -> Hierarchy:
        """Load the folders and tasks of ``project_name`` in as few requests as possible.

        ``root`` (a folder path such as ``/shots/sq010`` or a folder id) loads
        only that folder and what is below it.  ``models`` is the generated
        ``write_models`` module (or its package's name) whose ``FolderAttrib``
        and ``TaskAttrib`` type the attributes; by default the client's own.
        """
        connection: Connection = getattr(client, "connection", client)
        make = functools.partial(cls, connection)
        steps = load_steps(make, project_name, models_for(client, models), root, page_size)
        tree: Hierarchy = cls._run(connection, steps)
        return tree

    @staticmethod
    def _run(connection: Connection, steps: Steps) -> Any:
        try:
            step = next(steps)
            while True:
                step = steps.send(connection.graphql(step[1], step[2]))
        except StopIteration as done:
            return done.value

    def commit(self, *, on_conflict: OnConflict = "refuse") -> CommitResult:
        """Send every edit in one all-or-nothing request; the tree then holds the server's values.

        Entities to update or delete that changed on the server since they
        were loaded raise :class:`~ayon_gql.HierarchyConflictError` (nothing is
        sent) unless ``on_conflict`` is ``"theirs"`` (their edits are dropped,
        the server's values taken) or ``"ours"`` (sent anyway).  A refused
        commit raises :class:`~ayon_gql.CommitError` naming the entity; nothing
        was committed and the edits stay pending.  Without edits nothing is sent.
        """
        steps = commit_steps(self, on_conflict)
        try:
            step = next(steps)
            while True:
                if step[0] == "commit":
                    value: Any = self._send(step[1])
                else:
                    value = self.connection.graphql(step[1], step[2])
                step = steps.send(value)
        except StopIteration as done:
            result: CommitResult = done.value
            return result

    def _send(self, planned: Any) -> CommitResult:
        session = OperationsSession(self.connection, self.project_name)
        add_to_session(session, planned, self.models)
        try:
            return session.commit()
        except CommitError as error:
            raise named_failure(error, planned) from None
