"""Sync services: a project's hierarchy to edit and commit, a service's identity, entity names.

``client.load_hierarchy(project)`` (or :meth:`Hierarchy.load`) reads a
project's folders and tasks (or a subtree's) in as few requests as the
server allows; edits are checked as they are made and :meth:`Hierarchy.commit`
sends only what changed, in one all-or-nothing request through the write
session.  :func:`connect_service` gives a service started by AYON's service
host its client, identity and addon settings; :func:`entity_name` turns any
label into a name the server accepts.
"""

from ayon_gql.sync._async_hierarchy import AsyncHierarchy
from ayon_gql.sync._entities import Entity, Folder, Task
from ayon_gql.sync._hierarchy import Hierarchy
from ayon_gql.sync._names import NameRule, entity_name, name_rule
from ayon_gql.sync._plan import PlannedOperation, plan_commit
from ayon_gql.sync._service import (
    SERVICE_VARIABLES,
    AsyncService,
    Service,
    ServiceIdentity,
    aread_addon_settings,
    connect_async_service,
    connect_service,
    read_addon_settings,
)
from ayon_gql.sync._steps import Conflict, OnConflict
from ayon_gql.sync._tree import HierarchyCore

__all__ = [
    "SERVICE_VARIABLES",
    "AsyncHierarchy",
    "AsyncService",
    "Conflict",
    "Entity",
    "Folder",
    "Hierarchy",
    "HierarchyCore",
    "NameRule",
    "OnConflict",
    "PlannedOperation",
    "Service",
    "ServiceIdentity",
    "Task",
    "aread_addon_settings",
    "connect_async_service",
    "connect_service",
    "entity_name",
    "name_rule",
    "plan_commit",
    "read_addon_settings",
]
