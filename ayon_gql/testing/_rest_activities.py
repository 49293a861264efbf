"""Comments and other activities: ``POST .../{entity_type}/{entity_id}/activities``,
``PATCH``/``DELETE .../activities/{id}``, reactions and activity categories.

As recorded in ``rest/activity-*``: a comment is 201 ``{"id"}`` (the body's
``[label](type:id)`` links file mention references on those entities), an
unknown ``activityType`` a 400 validation error, a missing entity 404
``Entity <id> not found``, a missing activity 404 ``Activity not found``.
Everything shows at once in GraphQL ``activities``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ayon_gql.testing._activities import (
    ACTIVITY_TYPES,
    activity_references,
    add_activity,
    created_event,
    edit_activity,
    now,
    remove_activity,
)
from ayon_gql.testing._rest_http import (
    Request,
    Response,
    bad_enum,
    error,
    project_not_found,
    validation_error,
)
from ayon_gql.testing._rest_state import ProjectWrites
from ayon_gql.testing._write_tx import Transaction

if TYPE_CHECKING:
    from ayon_gql.testing._event_store import EventStore

__all__ = ["ACTIVITY_ROUTES", "ActivityRoutes"]

_HEX32 = re.compile(r"^[0-9a-f]{32}$")


class ActivityRoutes(ProjectWrites):
    """Activity writes (mixed into ``RestApi``)."""

    events: EventStore

    def activity_post(self, req: Request, m: re.Match[str]) -> Response:
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        activity_type = body.get("activityType", "comment")
        if activity_type not in ACTIVITY_TYPES:
            bad = bad_enum("body", "activityType", str(activity_type), ACTIVITY_TYPES)
            return validation_error(req.method, req.path, [bad])
        project = self._written(m.group("project"))
        if isinstance(project, Response):
            return project
        entity_id = m.group("entity_id")
        entity = project.by_id.get(entity_id)
        if entity is None or entity.get("type") != m.group("entity_type"):
            return error(404, f"Entity {entity_id} not found")
        activity_id = body.get("id")
        if activity_id is not None and not (
            isinstance(activity_id, str) and _HEX32.match(activity_id)
        ):
            return error(400, "Invalid activity id")
        assert req.user is not None
        with self.write_lock:
            if activity_id and activity_references(project, activity_id):
                return error(409, f"Activity {activity_id} already exists")
            made = add_activity(
                Transaction(),
                project,
                entity,
                activity_type,
                req.user["name"],
                body=str(body.get("body") or ""),
                activity_id=activity_id,
            )
            description, summary = created_event(project, made)
        self.events.emit(
            "activity.created",
            project=project.name,
            user=req.user["name"],
            description=description,
            summary=summary,
        )
        return Response(201, {"id": made})

    def activity_patch(self, req: Request, m: re.Match[str]) -> Response:
        project = self._written(m.group("project"))
        if isinstance(project, Response):
            return project
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        with self.write_lock:
            if not edit_activity(Transaction(), project, m.group("activity_id"), body):
                return error(404, "Activity not found")
        return Response(204)

    def activity_delete(self, req: Request, m: re.Match[str]) -> Response:
        project = self._written(m.group("project"))
        if isinstance(project, Response):
            return project
        with self.write_lock:
            if not remove_activity(Transaction(), project, m.group("activity_id")):
                return error(404, "Activity not found")
        return Response(204)

    def reaction_post(self, req: Request, m: re.Match[str]) -> Response:
        project = self._written(m.group("project"))
        if isinstance(project, Response):
            return project
        body: dict[str, Any] = req.json if isinstance(req.json, dict) else {}
        reaction = body.get("reaction")
        if not isinstance(reaction, str) or not reaction:
            missing = {"loc": ["body", "reaction"], "msg": "field required"}
            return validation_error(
                req.method, req.path, [{**missing, "type": "value_error.missing"}]
            )
        assert req.user is not None
        user = req.user
        with self.write_lock:
            found = activity_references(project, m.group("activity_id"))
            if not found:
                return error(404, "Activity not found")
            reactions: list[Any] = found[0]["_reactions"]
            if not any(
                r["reaction"] == reaction and r["userName"] == user["name"] for r in reactions
            ):
                reactions.append(
                    {
                        "fullName": user["attrib"].get("fullName"),
                        "reaction": reaction,
                        "timestamp": now().replace("+00:00", ""),
                        "userName": user["name"],
                    }
                )
        return Response(201, None)

    def reaction_delete(self, req: Request, m: re.Match[str]) -> Response:
        project = self._written(m.group("project"))
        if isinstance(project, Response):
            return project
        assert req.user is not None
        name = req.user["name"]
        with self.write_lock:
            found = activity_references(project, m.group("activity_id"))
            if not found:
                return error(404, "Activity not found")
            reactions: list[Any] = found[0]["_reactions"]
            reactions[:] = [
                r
                for r in reactions
                if not (r["reaction"] == m.group("reaction") and r["userName"] == name)
            ]
        return Response(204)

    def activity_categories(self, req: Request, m: re.Match[str]) -> Response:
        if self.dataset.project_node(m.group("project")) is None:
            return project_not_found(m.group("project"))
        return Response(200, {"categories": []})


_PROJECT = r"/api/projects/(?P<project>[^/]+)"
_ACTIVITY = rf"{_PROJECT}/activities/(?P<activity_id>[^/]+)"
ACTIVITY_ROUTES = [
    (
        "POST",
        rf"{_PROJECT}/(?P<entity_type>folder|task|product|version|representation|workfile)"
        r"/(?P<entity_id>[^/]+)/activities",
        ActivityRoutes.activity_post,
    ),
    ("PATCH", _ACTIVITY, ActivityRoutes.activity_patch),
    ("DELETE", _ACTIVITY, ActivityRoutes.activity_delete),
    ("POST", rf"{_ACTIVITY}/reactions", ActivityRoutes.reaction_post),
    ("DELETE", rf"{_ACTIVITY}/reactions/(?P<reaction>[^/]+)", ActivityRoutes.reaction_delete),
    ("GET", rf"{_PROJECT}/activityCategories", ActivityRoutes.activity_categories),
]
