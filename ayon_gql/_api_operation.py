"""Any REST operation of a server or an addon, described as data and run by one runner.

``ayon-gql generate`` writes one :class:`ApiOperation` per operation of the
server's and each addon's ``openapi.json`` (method, path, parameters with
their checks, body and answer types) and a thin typed method that hands its
arguments to :func:`operation_call`; ``ayon-gql rest call`` builds the same
description from the snapshot.  So checking, encoding, sending (through the
connection's retrying HTTP core and its error tree) and reading answers are
written once, here, for every operation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import urlencode

from pydantic import BaseModel, TypeAdapter, ValidationError

from ayon_gql._errors import AyonError, InvalidInputError

if TYPE_CHECKING:
    import httpx

    from ayon_gql.rest._base import Call

__all__ = ["ApiOperation", "ApiParam", "operation_call"]

T = TypeVar("T")

#: Parameter names whose values are project names (checked as such before sending).
_PROJECT_PARAMS = frozenset({"project_name"})


@dataclass(frozen=True)
class ApiParam:
    """One path, query or header parameter of an operation."""

    #: The server's name (``project_name``, ``x-sender``).
    name: str
    #: ``path``, ``query`` or ``header``.
    location: str
    required: bool = False
    #: ``string``, ``integer``, ``number``, ``boolean``, ``array`` or ``any``.
    kind: str = "string"
    #: A regular expression the value must match (the document's ``pattern``).
    pattern: str | None = None
    #: Allowed values, when the document lists them.
    choices: tuple[str, ...] | None = None
    #: The Python argument's name when it is not derived from ``name``.
    argument: str | None = None

    @property
    def python_name(self) -> str:
        """The argument's name (``x-sender`` becomes ``x_sender``)."""
        return self.argument or python_identifier(self.name)


def python_identifier(name: str) -> str:
    """A server name as a snake_case Python identifier."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    ident = re.sub(r"\W+", "_", spaced).strip("_").lower() or "value"
    return f"_{ident}" if ident[0].isdigit() else ident


@dataclass(frozen=True)
class ApiOperation(Generic[T]):
    """One operation: what to send and how to read the answer as ``T``."""

    operation_id: str
    method: str
    path: str
    params: tuple[ApiParam, ...] = ()
    #: The body type (a model class or any type), or None when it takes no body.
    body: Any = None
    body_required: bool = False
    #: The answer type; None: the answer is returned as decoded JSON (or bytes).
    result: Any = None
    #: The document declares no answer body (204): the method returns None.
    no_content: bool = False
    #: The body is a file's raw bytes (uploads: thumbnails, installers, packages),
    #: sent as they are with their content type, not as JSON.
    raw_body: bool = False
    _adapters: dict[str, TypeAdapter[Any]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def adapter(self, which: str) -> TypeAdapter[Any]:
        """The (cached) pydantic adapter of ``body`` or ``result``."""
        found = self._adapters.get(which)
        if found is None:
            found = TypeAdapter(getattr(self, which))
            self._adapters[which] = found
        return found


def _bad(operation: ApiOperation[Any], param: ApiParam, value: Any, why: str) -> InvalidInputError:
    return InvalidInputError(
        f"{operation.operation_id}: invalid {param.python_name} {value!r}: {why}"
    )


def _checked_value(operation: ApiOperation[Any], param: ApiParam, value: Any) -> Any:
    """``value`` checked against the parameter's type, pattern and choices."""
    if param.kind == "boolean":
        if not isinstance(value, bool):
            raise _bad(operation, param, value, "expected true or false")
        return "true" if value else "false"
    if param.kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise _bad(operation, param, value, "expected an integer")
        return str(value)
    if param.kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _bad(operation, param, value, "expected a number")
        return str(value)
    if param.kind == "array":
        if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
            raise _bad(operation, param, value, "expected a list")
        items = [str(getattr(item, "value", item)) for item in value]
        for item in items:
            _check_text(operation, param, item)
        return items
    text = str(getattr(value, "value", value))  # enum members send their value
    if param.kind == "string" and not isinstance(value, str) and text == str(value):
        raise _bad(operation, param, value, "expected a string")
    _check_text(operation, param, text)
    return text


def _check_text(operation: ApiOperation[Any], param: ApiParam, text: str) -> None:
    if param.choices is not None and text not in param.choices:
        raise _bad(operation, param, text, f"expected one of {', '.join(param.choices)}")
    if param.name in _PROJECT_PARAMS and param.location == "path":
        from ayon_gql.rest._checks import check_project

        try:
            check_project(text)
        except InvalidInputError as exc:
            raise InvalidInputError(f"{operation.operation_id}: {exc}") from None
    if param.pattern is not None and not re.search(param.pattern, text):
        raise _bad(operation, param, text, f"does not match {param.pattern}")
    if param.location == "path" and (not text or text in {".", ".."}):
        raise _bad(operation, param, text, "not a path segment")


def _request_parts(
    operation: ApiOperation[Any], arguments: Mapping[str, Any]
) -> tuple[str, dict[str, Any], dict[str, str]]:
    """The path with its parameters filled in, the query and the headers."""
    from ayon_gql.rest._base import segment

    path = operation.path
    query: dict[str, Any] = {}
    headers: dict[str, str] = {}
    for param in operation.params:
        value = arguments.get(param.python_name)
        if value is None:
            if param.required:
                raise InvalidInputError(
                    f"{operation.operation_id}: {param.python_name} is required"
                )
            continue
        checked = _checked_value(operation, param, value)
        if param.location == "path":
            path = path.replace("{" + param.name + "}", segment(checked))
        elif param.location == "query":
            query[param.name] = checked
        else:
            headers[param.name] = checked if isinstance(checked, str) else ",".join(checked)
    unknown = sorted(set(arguments) - {param.python_name for param in operation.params})
    if unknown:
        raise InvalidInputError(
            f"{operation.operation_id}: unknown parameter(s) {', '.join(unknown)}"
        )
    return path, query, headers


def _validation_problems(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in error['loc']) or 'body'}: {error['msg']}"
        for error in exc.errors()
    )


def _encoded_body(operation: ApiOperation[Any], body: Any) -> Any:
    """The body checked against its declared type and encoded the server's way."""
    if body is None:
        if operation.body_required:
            raise InvalidInputError(f"{operation.operation_id}: a body is required")
        return None
    if operation.body is None:
        raise InvalidInputError(f"{operation.operation_id}: takes no body")
    kind = operation.body
    if isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(body, Mapping):
        unknown = _unknown_fields(kind, body)
        if unknown:
            raise InvalidInputError(
                f"{operation.operation_id}: invalid {kind.__name__}: unknown field(s) "
                f"{', '.join(unknown)}"
            )
    try:
        value = operation.adapter("body").validate_python(body)
    except ValidationError as exc:
        name = getattr(kind, "__name__", "body")
        raise InvalidInputError(
            f"{operation.operation_id}: invalid {name}: {_validation_problems(exc)}"
        ) from None
    if isinstance(value, BaseModel):
        return value.model_dump(by_alias=True, exclude_unset=True, mode="json")
    return operation.adapter("body").dump_python(value, by_alias=True, mode="json")


def _unknown_fields(kind: type[BaseModel], body: Mapping[str, Any]) -> list[str]:
    """snake_case keys a model does not know (camelCase extras pass through for newer servers)."""
    fields = kind.model_fields
    known = set(fields) | {f.alias for f in fields.values() if f.alias}
    return sorted(str(key) for key in body if key not in known and "_" in str(key))


def _answer(operation: ApiOperation[T]) -> Callable[[httpx.Response, str], T]:
    def parse(response: httpx.Response, name: str) -> Any:
        if operation.no_content or response.status_code == 204 or not response.content:
            return None
        kind = response.headers.get("content-type", "")
        if operation.result is None and "json" not in kind:
            return response.content
        if operation.result is None:
            try:
                return response.json()
            except ValueError:
                raise AyonError(
                    f"the server's answer is not JSON (HTTP {response.status_code})",
                    operation=name,
                ) from None
        try:
            # Strict, from the JSON text: what the server sent is what the model holds
            # (a number sent as text is an unexpected answer, never silently converted).
            return operation.adapter("result").validate_json(response.content, strict=True)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "body"
            raise AyonError(
                f"unexpected answer: {where}: {first['msg']}", operation=name
            ) from None

    return parse


def operation_call(
    operation: ApiOperation[T], arguments: Mapping[str, Any], body: Any = None
) -> Call[T]:
    """The request for ``operation`` with ``arguments`` (by Python name) and ``body``,
    everything checked before anything is sent (:class:`InvalidInputError`)."""
    from ayon_gql.rest._base import Call

    path, query, headers = _request_parts(operation, arguments)
    return Call(
        operation.method.upper(),
        path,
        _answer(operation),
        operation=operation.operation_id,
        params=query or None,
        json=_encoded_body(operation, body),
        project_name=arguments.get("project_name"),
        headers=headers or None,
    )


def call_url(call: Call[Any]) -> str:
    """The path and query of a call, as one URL (for streamed downloads)."""
    if not call.params:
        return call.path
    return f"{call.path}?{urlencode(call.params, doseq=True)}"
