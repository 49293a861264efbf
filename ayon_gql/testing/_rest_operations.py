"""``POST /api/projects/{project}/operations`` (and its background twin): the
stand-in's entity writes, with the real server's answers.

As recorded in ``writes/write-ops-*``: HTTP 200 with every operation's status
even when some failed; ``canFail: false`` stops at the first failure, rolls
everything back and still lists the earlier operations as successful;
``raiseOnError`` turns that first failure into the HTTP answer (invalid data:
HTTP 500); request-level mistakes (an unknown entity type, an update without
an id, two updates of one entity, ``asUser`` by a user who is not a service
user) are 4xx.  Writes are visible in GraphQL at once and emit ``entity.*``
events into ``server.events``.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ayon_gql.testing._rest_http import (
    PROJECT_NAME_RX,
    Request,
    Response,
    bad_enum,
    bad_regex,
    error,
    validation_error,
)
from ayon_gql.testing._write_changes import delete, update
from ayon_gql.testing._write_entities import EntityWriter
from ayon_gql.testing._write_fields import DataError, check_data, check_id
from ayon_gql.testing._write_tx import OpFailure, Transaction, server_id

if TYPE_CHECKING:
    from ayon_gql.testing._builder import ProjectData
    from ayon_gql.testing._cost import RequestCost
    from ayon_gql.testing._dataset import Dataset
    from ayon_gql.testing._event_store import EventStore

__all__ = ["OPERATION_ROUTES", "OperationRoutes"]

_PERMITTED = ["folder", "product", "version", "representation", "task", "workfile"]
_HEADER_NAME = re.compile(r"^[a-zA-Z0-9_]([a-zA-Z0-9_\.\-]*[a-zA-Z0-9_])?$")


def request_origin(req: Request) -> dict[str, str | None]:
    """Sender and sender type of a request's events: ``X-Sender`` and
    ``X-Sender-Type`` when they are names (the real server ignores others),
    the sender type ``api`` by default."""

    def named(value: str | None) -> str | None:
        return value if value is not None and _HEADER_NAME.match(value) else None

    return {
        "sender": named(req.headers.get("x-sender")),
        "sender_type": named(req.headers.get("x-sender-type")) or "api",
    }


def _get(op: dict[str, Any], camel: str, snake: str, default: Any = None) -> Any:
    """A field by its camelCase or snake_case name (the server takes both)."""
    return op.get(camel, op.get(snake, default))


class OperationRoutes:
    """The write endpoints (mixed into ``RestApi``)."""

    dataset: Dataset
    events: EventStore
    cost: RequestCost | None
    write_lock: threading.RLock
    #: Projects written to (rebuilt on reset) and projects created (removed on reset).
    touched: set[str]
    background: dict[str, dict[str, Any]]
    after_answer: Callable[[Callable[[], None]], None]

    def _attribute_order(self) -> dict[str, int]:
        return {attr["name"]: i for i, attr in enumerate(self.dataset.attributes)}

    def _attribute_types(self) -> dict[str, dict[str, str]]:
        types: dict[str, dict[str, str]] = {}
        for attr in self.dataset.attributes:
            for scope in attr["scope"]:
                types.setdefault(scope, {})[attr["name"]] = attr["data"]["type"]
        return types

    # ------------------------------------------------------------------ operations
    def _request_errors(self, req: Request, project: str) -> tuple[Response | None, list[Any]]:
        """The operations of a request, or the request-level error answering it."""
        if not PROJECT_NAME_RX.match(project):
            return validation_error(
                req.method, req.path, [bad_regex("path", "project_name", PROJECT_NAME_RX.pattern)]
            ), []
        if self.dataset.project(project) is None:
            return error(404, f"Project {project} not found"), []
        body = req.json if isinstance(req.json, dict) else {}
        ops = body.get("operations") or []
        problems = []
        for index, op in enumerate(ops if isinstance(ops, list) else []):
            kind = _get(op, "entityType", "entity_type") if isinstance(op, dict) else None
            if kind not in _PERMITTED:
                entry = bad_enum("body", "entityType", str(kind), _PERMITTED)
                entry["loc"] = ["body", "operations", index, "entityType"]
                problems.append(entry)
        if not isinstance(ops, list) or problems:
            return validation_error(req.method, req.path, problems), []
        seen: set[str] = set()
        assert req.user is not None
        for op in ops:
            entity_id = _get(op, "entityId", "entity_id")
            if op.get("type") in ("update", "delete"):
                if not entity_id:
                    return error(400, "entity_id is required for update/delete"), []
                if entity_id in seen:
                    kind = _get(op, "entityType", "entity_type")
                    return error(400, f"Duplicate operation for {kind} {entity_id}"), []
                seen.add(entity_id)
            as_user = _get(op, "asUser", "as_user")
            if as_user and as_user != req.user["name"] and not req.user["isService"]:
                return error(403, "You are not allowed to perform operations as another user"), []
        return None, ops

    def _apply(
        self,
        project: ProjectData,
        user: str,
        op: dict[str, Any],
        tx: Transaction,
        attributes: dict[str, dict[str, str]],
    ) -> str:
        """Apply one operation; returns the entity id the answer names."""
        kind = _get(op, "entityType", "entity_type")
        op_type = op.get("type")
        data = op.get("data") if op.get("data") is not None else {}
        entity_id = _get(op, "entityId", "entity_id")
        writer = EntityWriter(project, user, self._attribute_order())
        try:
            if op_type == "create":
                entity_id = entity_id or (data.get("id") if isinstance(data, dict) else None)
                model = f"{kind.capitalize()}Model"
                entity_id = check_id(model, entity_id) if entity_id else server_id()
                clean = check_data(kind, data, attributes.get(kind, {}), create=True)
                writer.create(tx, kind, entity_id, clean)
            elif op_type == "update":
                clean = check_data(kind, data, attributes.get(kind, {}), create=False)
                update(writer, tx, kind, entity_id, clean, bool(op.get("force")))
            else:
                delete(writer, tx, kind, entity_id, bool(op.get("force")))
        except DataError as exc:
            raise OpFailure(400, "invalid_data", f"Invalid data provided: {exc}") from None
        return str(entity_id)

    def _emit(self, project: str, tx: Transaction, origin: dict[str, str | None]) -> None:
        for topic, options in tx.events:
            user = options.pop("_user", None)
            self.events.emit(
                topic,
                project=project,
                user=user,
                sender=origin["sender"],
                sender_type=origin["sender_type"],
                **options,
            )
        tx.events.clear()
        hooks, tx.hooks = tx.hooks, []
        if not hooks:
            return

        def run_hooks() -> None:
            for hook in hooks:
                step = Transaction()
                hook(step)
                self._emit(project, step, origin)

        if origin.get("wait"):
            run_hooks()
        else:
            # Unless the write waits for its events, the server runs their hooks in the
            # background after answering: the next request gets in first.
            self.after_answer(run_hooks)

    def _process(
        self,
        project_name: str,
        caller: str,
        body: dict[str, Any],
        ops: list[Any],
        origin: dict[str, str | None] | None = None,
    ) -> Response:
        """Run the operations under the write lock; the answer the real server gives."""
        can_fail = bool(_get(body, "canFail", "can_fail", False))
        raise_on_error = bool(_get(body, "raiseOnError", "raise_on_error", False))
        project = self.dataset.project(project_name)
        assert project is not None
        results: list[dict[str, Any]] = []
        origin = dict(origin or {"sender": None, "sender_type": "api"})
        if _get(body, "waitForEvents", "wait_for_events", False):
            origin["wait"] = "yes"
        started = time.perf_counter()
        attributes = self._attribute_types()
        with self.write_lock:
            self.touched.add(project_name)
            whole = Transaction()
            for op in ops:
                user = _get(op, "asUser", "as_user") or caller
                step = Transaction()
                given = _get(op, "entityId", "entity_id")
                result = {
                    "id": op.get("id") or server_id(),
                    "type": op.get("type"),
                    "entityType": _get(op, "entityType", "entity_type"),
                    "entityId": given,
                    "success": True,
                    "status": {"create": 201}.get(op.get("type"), 204),
                    "errorCode": None,
                    "detail": None,
                }
                try:
                    result["entityId"] = self._apply(project, user, op, step, attributes)
                except OpFailure as failure:
                    step.rollback()
                    result.update(
                        success=False,
                        status=failure.status,
                        errorCode=failure.code,
                        detail=failure.detail,
                    )
                    results.append(result)
                    if can_fail:
                        continue
                    whole.rollback()
                    if raise_on_error:
                        return self._raised(failure)
                    break
                for _topic, options in step.events:
                    options["_user"] = user
                if can_fail:
                    self._emit(project_name, step, origin)
                else:
                    whole.absorb(step)
                results.append(result)
            success = all(r["success"] for r in results)
            if success and not can_fail:
                self._emit(project_name, whole, origin)
        self._charge(len(ops), started)
        return Response(200, {"operations": results, "success": success})

    def _charge(self, count: int, started: float) -> None:
        """Under a cost model, answer as late as a real server would."""
        if self.cost is None:
            return
        due = self.cost.operations_seconds(count) - (time.perf_counter() - started)
        if due > 0:
            time.sleep(due)

    @staticmethod
    def _raised(failure: OpFailure) -> Response:
        if failure.code == "invalid_data":
            text = failure.detail.replace("Invalid data provided: ", "")
            detail = f"pydantic.error_wrappers.ValidationError: {text}"
            return Response(500, {"detail": detail, "status": 500, "traceback": detail})
        return error(failure.status, failure.detail)

    def operations(self, req: Request, m: re.Match[str]) -> Response:
        project = m.group("project")
        failure, ops = self._request_errors(req, project)
        if failure is not None:
            return failure
        assert req.user is not None
        return self._process(project, req.user["name"], req.json, ops, request_origin(req))

    def entity_patch(self, req: Request, m: re.Match[str]) -> Response:
        """``PATCH .../{type}s/{id}``: one update operation, with its statuses and events."""
        project = m.group("project")
        if self.dataset.project(project) is None:
            return error(404, f"Project {project} not found")
        assert req.user is not None
        op = {
            "type": "update",
            "entityType": m.group("segment")[:-1],
            "entityId": m.group("entity_id"),
            "data": req.json if isinstance(req.json, dict) else {},
        }
        answer = self._process(project, req.user["name"], {}, [op], request_origin(req))
        answer = answer.body["operations"][0]
        if answer["success"]:
            return Response(204)
        return error(answer["status"], answer["detail"])

    def operations_background(self, req: Request, m: re.Match[str]) -> Response:
        project = m.group("project")
        failure, ops = self._request_errors(req, project)
        if failure is not None:
            return failure
        assert req.user is not None
        task_id = server_id()
        task: dict[str, Any] = {"id": task_id, "status": "in_progress", "progress": 0.0}
        with self.write_lock:
            self.background[task_id] = task
        caller, body, origin = req.user["name"], req.json, request_origin(req)

        def run() -> None:
            answer = self._process(project, caller, body, ops, {**origin, "wait": "yes"})
            task.update(status="completed", progress=1.0, result=answer.body)

        threading.Thread(target=run, name=f"standin-ops-{task_id}", daemon=True).start()
        return Response(200, {"id": task_id, "status": "pending"})

    def operations_background_status(self, req: Request, m: re.Match[str]) -> Response:
        task = self.background.get(m.group("task"))
        if task is None:
            return error(404, "Background task not found")
        return Response(200, dict(task))


_PROJECT = r"/api/projects/(?P<project>[^/]+)"
OPERATION_ROUTES = [
    ("POST", rf"{_PROJECT}/operations", OperationRoutes.operations),
    ("POST", rf"{_PROJECT}/operations/background", OperationRoutes.operations_background),
    (
        "GET",
        rf"{_PROJECT}/operations/background/(?P<task>[^/]+)",
        OperationRoutes.operations_background_status,
    ),
]
