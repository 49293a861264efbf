"""``/api/events`` and ``/api/enroll``: dispatch, get, patch, delete events and
hand out event jobs, with the recorded status codes and error bodies."""

from __future__ import annotations

import re
from typing import Any

from ayon_gql.testing._event_enroll import EnrollRequest, enroll
from ayon_gql.testing._event_store import EVENT_STATUSES, DuplicateHashError, EventStore
from ayon_gql.testing._rest_http import (
    PROJECT_NAME_RX,
    Request,
    Response,
    bad_enum,
    bad_regex,
    error,
    missing_field,
    validation_error,
)

TOPIC_RX = re.compile(r"^[a-zA-Z][a-zA-Z0-9_\.\*]{2,64}$")
EVENT_ID_RX = re.compile(r"^[0-9a-f]{32}$")


def _type_error(name: str, kind: str) -> dict[str, Any]:
    return {
        "loc": ["body", name],
        "msg": f"value is not a valid {kind}",
        "type": f"type_error.{kind}",
    }


def _check_types(body: dict[str, Any], kinds: dict[str, type | tuple[type, ...]]) -> list[Any]:
    errors = []
    for name, kind in kinds.items():
        value = body.get(name)
        if value is not None and not isinstance(value, kind):
            label = {dict: "dict", bool: "bool", str: "str", int: "integer"}.get(
                kind if isinstance(kind, type) else kind[0], "value"
            )
            errors.append(_type_error(name, label))
    return errors


class EventRoutes:
    """Events and enroll; the store is the server's :class:`EventStore`."""

    events: EventStore

    def event_dispatch(self, req: Request, m: re.Match[str]) -> Response:
        body = req.json
        if not isinstance(body, dict):
            return validation_error(req.method, req.path, [missing_field("body", "topic")])
        errors = _check_types(
            body,
            {
                "topic": str,
                "sender": str,
                "hash": str,
                "project": str,
                "dependsOn": str,
                "description": str,
                "summary": dict,
                "payload": dict,
                "finished": bool,
                "store": bool,
                "reuse": bool,
            },
        )
        topic = body.get("topic")
        if topic is None:
            errors.append(missing_field("body", "topic"))
        elif isinstance(topic, str) and not TOPIC_RX.match(topic):
            errors.append(bad_regex("body", "topic", TOPIC_RX.pattern))
        project = body.get("project")
        if isinstance(project, str) and not PROJECT_NAME_RX.match(project):
            errors.append(bad_regex("body", "project", PROJECT_NAME_RX.pattern))
        if errors:
            return validation_error(req.method, req.path, errors)
        assert req.user is not None
        try:
            record = self.events.dispatch(
                str(topic),
                project=project,
                user=req.user["name"],
                summary=body.get("summary"),
                payload=body.get("payload"),
                description=body.get("description") or "",
                sender=body.get("sender"),
                sender_type=req.headers.get("x-sender-type") or "api",
                depends_on=body.get("dependsOn"),
                status="finished" if body.get("finished", True) else "pending",
                event_hash=body.get("hash"),
                store=body.get("store", True) is not False,
                reuse=bool(body.get("reuse")),
            )
        except DuplicateHashError:
            return error(409, "Event with the same hash already exists")
        return Response(200, {"id": record["id"]})

    def event_get(self, req: Request, m: re.Match[str]) -> Response:
        event_id = m.group("event_id")
        if not EVENT_ID_RX.match(event_id):
            return validation_error(
                req.method, req.path, [bad_regex("path", "event_id", EVENT_ID_RX.pattern)]
            )
        record = self.events.get(event_id)
        if record is None:
            return error(404, "Event not found")
        return Response(200, record)

    def event_patch(self, req: Request, m: re.Match[str]) -> Response:
        event_id = m.group("event_id")
        body = req.json if isinstance(req.json, dict) else {}
        errors = _check_types(
            body,
            {
                "sender": str,
                "project": str,
                "user": str,
                "status": str,
                "description": str,
                "summary": dict,
                "payload": dict,
                "progress": (int, float),
                "retries": int,
            },
        )
        status = body.get("status")
        if isinstance(status, str) and status not in EVENT_STATUSES:
            errors.append(bad_enum("body", "status", status, list(EVENT_STATUSES)))
        progress = body.get("progress")
        if isinstance(progress, (int, float)) and not 0 <= progress <= 100:
            errors.append(
                {
                    "loc": ["body", "progress"],
                    "msg": "ensure this value is between 0 and 100",
                    "type": "value_error.number",
                }
            )
        if errors:
            return validation_error(req.method, req.path, errors)
        changes = dict(body)
        if "projectName" in changes and "project" not in changes:
            changes["project"] = changes["projectName"]
        if self.events.update(event_id, changes) is None:
            return error(404, "Event not found")
        return Response(204)

    def event_delete(self, req: Request, m: re.Match[str]) -> Response:
        event_id = m.group("event_id")
        if not EVENT_ID_RX.match(event_id):
            return validation_error(
                req.method, req.path, [bad_regex("path", "event_id", EVENT_ID_RX.pattern)]
            )
        if not self.events.delete(event_id):
            return error(404, "Event not found")
        return Response(204)

    def enroll(self, req: Request, m: re.Match[str]) -> Response:
        assert req.user is not None
        if not req.user["isService"]:
            return error(403, "Only service users can enroll")
        body = req.json if isinstance(req.json, dict) else {}
        errors = _check_types(
            body,
            {
                "targetTopic": str,
                "sender": str,
                "senderType": str,
                "description": str,
                "sequential": bool,
                "filter": dict,
                "maxRetries": int,
                "ignoreSenderTypes": list,
                "ignoreOlderThan": int,
                "slothMode": bool,
            },
        )
        source = body.get("sourceTopic")
        if source is None:
            errors.append(missing_field("body", "sourceTopic"))
        elif not isinstance(source, (str, list)):
            errors.append(_type_error("sourceTopic", "str"))
        target = body.get("targetTopic")
        if target is None:
            errors.append(missing_field("body", "targetTopic"))
        elif isinstance(target, str) and not TOPIC_RX.match(target):
            errors.append(bad_regex("body", "targetTopic", TOPIC_RX.pattern))
        if errors:
            return validation_error(req.method, req.path, errors)
        assert isinstance(target, str)
        if "*" in target:
            return error(400, "Target topic must not contain wildcards")
        sources = (source,) if isinstance(source, str) else tuple(str(s) for s in source or ())
        answer = enroll(
            self.events,
            EnrollRequest(
                source_topics=sources,
                target_topic=target,
                sender=body.get("sender"),
                sender_type=body.get("senderType") or req.headers.get("x-sender-type") or "api",
                user=req.user["name"],
                description=body.get("description"),
                sequential=bool(body.get("sequential")),
                filter=body.get("filter"),
                max_retries=int(body.get("maxRetries", 3)),
                ignore_sender_types=tuple(body.get("ignoreSenderTypes") or ()),
                ignore_older_than=float(body.get("ignoreOlderThan", 3)),
            ),
        )
        if answer is None:
            return Response(204)
        return Response(200, answer)
