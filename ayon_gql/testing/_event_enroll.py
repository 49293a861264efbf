"""``POST /api/enroll`` as the real server answers it (see the ``event-enroll*``
recordings): hand out one job per finished source event.

The rules, in the order a source is considered (oldest first):

* only ``finished`` sources whose topic matches, whose ``senderType`` is not
  ignored, that are not older than ``ignoreOlderThan`` days and that pass the
  ``filter``;
* a source whose job is finished is done;
* a failed job is handed out again (``pending``, ``retries`` + 1, description
  ``Restarting failed event``) while ``retries`` <= ``maxRetries``, and so is
  a ``restarted`` one (retries unchanged);
* a job still open belongs to its sender: the same sender gets it back, another
  sender moves on to the next source, or gets nothing when ``sequential``;
* a source without a job gets a new ``pending`` one (``dependsOn`` = source).

The whole decision is made under the store's lock, so two workers never get
the same job.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from ayon_gql.testing._event_store import EventRecord, EventStore

__all__ = ["EnrollRequest", "enroll", "job_hash", "matches_filter"]


@dataclass(frozen=True)
class EnrollRequest:
    """The enroll body, checked."""

    source_topics: tuple[str, ...]
    target_topic: str
    sender: str | None
    sender_type: str
    user: str
    description: str | None
    sequential: bool
    filter: dict[str, Any] | None
    max_retries: int
    ignore_sender_types: tuple[str, ...]
    ignore_older_than: float

    @property
    def default_description(self) -> str:
        """The job's description when the enroll gives none."""
        sources = (
            self.source_topics[0] if len(self.source_topics) == 1 else list(self.source_topics)
        )
        return f"Convert from {sources} to {self.target_topic}"


def _topic_matches(topic: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatchcase(topic, p) for p in patterns)


def _path_value(record: EventRecord, key: str) -> Any:
    value: Any = record
    for part in key.split("/"):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def matches_filter(record: EventRecord, query: dict[str, Any] | None) -> bool:
    """AYON's ``QueryFilter`` (``conditions``, ``operator`` and/or) over a record:
    keys are paths such as ``summary/entityType``."""
    if not query:
        return True
    results: list[bool] = []
    for cond in query.get("conditions") or []:
        if "conditions" in cond:
            results.append(matches_filter(record, cond))
            continue
        value = _path_value(record, str(cond.get("key", "")))
        wanted = cond.get("value")
        op = cond.get("operator", "eq")
        if op == "eq":
            results.append(value == wanted)
        elif op == "ne":
            results.append(value != wanted)
        elif op == "in":
            results.append(isinstance(wanted, list) and value in wanted)
        elif op == "notin":
            results.append(isinstance(wanted, list) and value not in wanted)
        elif op == "contains":
            results.append(isinstance(value, list) and wanted in value)
        elif op == "isnull":
            results.append(value is None)
        elif op == "notnull":
            results.append(value is not None)
        elif op == "like":
            pattern = str(wanted).replace("%", "*")
            results.append(isinstance(value, str) and fnmatch.fnmatchcase(value, pattern))
        else:
            results.append(False)
    if query.get("operator", "and") == "or":
        return any(results) if results else True
    return all(results)


def job_hash(target_topic: str, source_id: str) -> str:
    """The job's hash as the server makes it: sha256 of ``[target, source id]`` as compact JSON."""
    text = json.dumps([target_topic, source_id], separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _answer(job: EventRecord) -> dict[str, Any]:
    return {
        "id": job["id"],
        "dependsOn": job["dependsOn"],
        "hash": job["hash"],
        "status": job["status"],
    }


def enroll(store: EventStore, req: EnrollRequest) -> dict[str, Any] | None:
    """The job to hand out (its enroll answer), or ``None`` for the server's 204."""
    with store.lock:
        rows = [record for _, record in store.ordered()]
        jobs: dict[str, EventRecord] = {}
        for record in rows:
            if record["topic"] == req.target_topic and record["dependsOn"]:
                jobs.setdefault(record["dependsOn"], record)
        oldest: datetime | None = None
        if req.ignore_older_than > 0:
            oldest = datetime.now(timezone.utc) - timedelta(days=req.ignore_older_than)
        for source in rows:
            if source["status"] != "finished" or source["topic"] == req.target_topic:
                continue
            if not _topic_matches(source["topic"], req.source_topics):
                continue
            if source["senderType"] in req.ignore_sender_types:
                continue
            if oldest is not None and datetime.fromisoformat(source["createdAt"]) < oldest:
                continue
            if not matches_filter(source, req.filter):
                continue
            job = jobs.get(source["id"])
            if job is None:
                created = store.dispatch(
                    req.target_topic,
                    user=req.user,
                    description=req.description or req.default_description,
                    sender=req.sender,
                    sender_type=req.sender_type,
                    depends_on=source["id"],
                    status="pending",
                    event_hash=job_hash(req.target_topic, source["id"]),
                )
                return _answer(created)
            status = job["status"]
            if status == "finished":
                continue
            if status in ("failed", "restarted"):
                if status == "failed" and job["retries"] > req.max_retries:
                    continue
                restarted = store.update(
                    job["id"],
                    {
                        "status": "pending",
                        "retries": job["retries"] + (1 if status == "failed" else 0),
                        "description": "Restarting failed event",
                        "sender": req.sender,
                    },
                )
                assert restarted is not None
                return _answer(restarted)
            if job["sender"] == req.sender:
                return _answer(job)
            if req.sequential:
                return None
        return None
