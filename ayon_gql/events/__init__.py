"""Services on AYON: typed events, event jobs, a worker loop and live listening.

Reached as ``client.events`` (sync) or ``async_client.events``::

    job = client.events.enroll("entity.version.created", "studio.review", sender="svc-1")
    for message in client.events.listen("entity.version", project="demo_Commercial"):
        ...

Listening needs the ``events`` extra (``pip install 'ayon-gql[events]'``).
"""

from ayon_gql._errors import DuplicateEventError
from ayon_gql.events._api import AsyncEvents, Events
from ayon_gql.events._async_listen import AsyncEventListener
from ayon_gql.events._async_worker import AsyncStopCondition
from ayon_gql.events._job import AsyncEventJob, EventJob
from ayon_gql.events._listen import EventListener
from ayon_gql.events._models import (
    EVENT_STATUSES,
    EnrollAnswer,
    Event,
    EventMessage,
    EventStatus,
)
from ayon_gql.events._worker import StopCondition, WorkerStats

__all__ = [
    "EVENT_STATUSES",
    "AsyncEventJob",
    "AsyncEventListener",
    "AsyncEvents",
    "AsyncStopCondition",
    "DuplicateEventError",
    "EnrollAnswer",
    "Event",
    "EventJob",
    "EventListener",
    "EventMessage",
    "EventStatus",
    "Events",
    "StopCondition",
    "WorkerStats",
]
