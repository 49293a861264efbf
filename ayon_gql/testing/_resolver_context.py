"""What every resolver reaches for: the request's dataset and user, the project of a node."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graphql import GraphQLResolveInfo

from ayon_gql.testing._dataset import Dataset, Node, ProjectData

if TYPE_CHECKING:
    from ayon_gql.testing._cost import CostMeter, RequestCharge
    from ayon_gql.testing._event_store import EventStore

Resolver = Callable[..., Any]

#: The node types of a project's entities: each has links, parents and activities.
ENTITY_TYPES = (
    "FolderNode",
    "TaskNode",
    "ProductNode",
    "VersionNode",
    "RepresentationNode",
    "WorkfileNode",
)


@dataclass
class RequestContext:
    """Per-request state handed to resolvers as ``info.context``."""

    dataset: Dataset
    user: Node
    #: Counts resolved fields when the server has a cost model.
    meter: CostMeter | None = None
    #: What the request was charged, set after executing it under a cost model.
    charge: RequestCharge | None = None
    #: The server's events (the root ``events`` field reads them).
    events: EventStore | None = None


def request_context(info: GraphQLResolveInfo) -> RequestContext:
    """The request's context."""
    ctx = info.context
    assert isinstance(ctx, RequestContext)
    return ctx


def project_of(info: GraphQLResolveInfo, source: Node) -> ProjectData:
    """The project a node belongs to."""
    project = request_context(info).dataset.project(source["projectName"])
    assert project is not None
    return project


def json_text(value: Any) -> str:
    """Compact JSON text with sorted keys, as the server returns JSON in strings."""
    return json.dumps(value, separators=(",", ":"), sort_keys=True)
