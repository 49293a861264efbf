"""A local AYON-compatible stand-in server for tests, demos and benchmarks.

``StandInServer`` serves the GraphQL API (executed on any AYON schema: the
stock snapshot, or a studio's with its own attributes) and the REST
endpoints the toolkit uses, over real HTTP on 127.0.0.1, backed by a
deterministic generated production (``Dataset``).  Faults (error statuses,
dropped connections, delays, truncated downloads) are armed through
``server.faults``; tests change entities with ``server.set_entity_data()``;
a ``RequestCost`` gives GraphQL requests a real server's cost.  Writes
(``POST /api/projects/{p}/operations``, thumbnails, reviewables) follow the
real server's recorded answers, show in GraphQL at once, emit ``entity.*``
events into ``server.events`` and are undone by ``server.reset()``.

Needs the ``tools`` extra (graphql-core).
"""

from ayon_gql.testing._cost import RequestCharge, RequestCost
from ayon_gql.testing._dataset import (
    DEMO_PROJECT,
    LARGE_PROJECT,
    MEDIUM_PROJECT,
    Dataset,
    ProjectData,
    generate_dataset,
)
from ayon_gql.testing._faults import FaultRule, Faults
from ayon_gql.testing._foreground import serve_forever
from ayon_gql.testing._http_handler import RecordedRequest
from ayon_gql.testing._paging import decode_cursor, encode_cursor
from ayon_gql.testing._process import ServerAddress, standin_process
from ayon_gql.testing._served_schema import DEFAULT_SCHEMA_PATH, load_snapshot_schema
from ayon_gql.testing._server import StandInServer

__all__ = [
    "DEFAULT_SCHEMA_PATH",
    "DEMO_PROJECT",
    "LARGE_PROJECT",
    "MEDIUM_PROJECT",
    "Dataset",
    "FaultRule",
    "Faults",
    "ProjectData",
    "RecordedRequest",
    "RequestCharge",
    "RequestCost",
    "ServerAddress",
    "StandInServer",
    "decode_cursor",
    "encode_cursor",
    "generate_dataset",
    "load_snapshot_schema",
    "serve_forever",
    "standin_process",
]
