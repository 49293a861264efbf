"""The operations of an OpenAPI snapshot as data for code generation.

One :class:`OperationSpec` per operation: its Python name, typed
parameters, body and answer types as annotation text over the models module
(``_models.Folder``), and the :class:`~ayon_gql.client.ApiParam` checks the
runtime applies before sending.  ``ayon-gql rest call`` reads the same
parameters (:func:`api_params`) to check its ``--param`` values.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ayon_gql._api_operation import ApiOperation, ApiParam, python_identifier
from ayon_gql._errors import GenerationError, InvalidInputError

__all__ = ["OperationSpec", "api_params", "iter_operations", "py_type", "untyped_operation"]

_REF_PREFIX = "#/components/schemas/"
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
#: Argument names the generated methods use themselves.
_RESERVED = frozenset({"self", "body", "to", "progress"})


def py_type(schema: Any, names: Mapping[str, str], models: str = "_models") -> str:
    """A schema as annotation text; ``names`` maps component to class names."""
    if not isinstance(schema, Mapping) or not schema:
        return "Any"
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(_REF_PREFIX):
        return f"{models}.{names[ref[len(_REF_PREFIX):]]}"
    for key in ("allOf", "anyOf", "oneOf"):
        parts = schema.get(key)
        if isinstance(parts, list) and parts:
            if key == "allOf" and len(parts) > 1:
                return "Any"
            kinds = list(dict.fromkeys(py_type(p, names, models) for p in parts))
            return "Any" if "Any" in kinds else " | ".join(kinds)
    enum = schema.get("enum")
    if isinstance(enum, list) and enum and all(isinstance(v, (str, int)) for v in enum):
        return "Literal[" + ", ".join(repr(v) for v in enum) + "]"
    kind = schema.get("type")
    if isinstance(kind, list):
        return " | ".join(py_type({**schema, "type": k}, names, models) for k in kind)
    if kind == "string":
        return "str"
    if kind == "integer":
        return "int"
    if kind == "number":
        return "float"
    if kind == "boolean":
        return "bool"
    if kind == "null":
        return "None"
    if kind == "array":
        return f"list[{py_type(schema.get('items', {}), names, models)}]"
    if kind == "object":
        extra = schema.get("additionalProperties")
        value = py_type(extra, names, models) if isinstance(extra, Mapping) else "Any"
        return f"dict[str, {value}]"
    return "Any"


def _param_kind(schema: Mapping[str, Any]) -> str:
    kind = schema.get("type")
    if kind in ("string", "integer", "number", "boolean", "array"):
        return str(kind)
    return "any"


def api_params(parameters: Any) -> list[ApiParam]:
    """The parameters of one operation as runtime checks, with unique Python names."""
    out: list[ApiParam] = []
    used: set[str] = set()
    for raw in parameters or []:
        if not isinstance(raw, Mapping) or raw.get("in") not in ("path", "query", "header"):
            continue
        schema = raw.get("schema") or {}
        inner = schema
        if isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1:
            inner = schema["allOf"][0]
        items = schema.get("items") if schema.get("type") == "array" else None
        enum = (items or inner).get("enum") if isinstance(items or inner, Mapping) else None
        name = str(raw["name"])
        argument = python_identifier(name)
        if keyword.iskeyword(argument) or argument in _RESERVED:
            argument += "_"
        if argument in used:
            argument = f"{argument}_{raw['in']}"
        used.add(argument)
        out.append(
            ApiParam(
                name=name,
                location=str(raw["in"]),
                required=bool(raw.get("required", False)) or raw["in"] == "path",
                kind=_param_kind(schema),
                pattern=schema.get("pattern") if isinstance(schema.get("pattern"), str) else None,
                choices=tuple(str(v) for v in enum) if isinstance(enum, list) else None,
                argument=argument if argument != python_identifier(name) else None,
            )
        )
    return out


def _json_schema(content: Any) -> tuple[bool, Any]:
    """(has content, its JSON schema) of a body or answer's ``content``."""
    if not isinstance(content, Mapping) or not content:
        return False, None
    media = content.get("application/json")
    if isinstance(media, Mapping):
        return True, media.get("schema", {})
    return True, {}


@dataclass
class OperationSpec:
    """One operation, ready to be written as a method."""

    operation_id: str
    method: str
    path: str
    group: str
    params: list[ApiParam]
    param_types: dict[str, str]
    body_type: str | None = None
    body_annotation: str | None = None
    body_required: bool = False
    result_type: str | None = None
    no_content: bool = False
    deprecated: bool = False
    #: The body is a file's raw bytes (see :func:`takes_raw_body`).
    raw_body: bool = False
    schemas: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The method's name (the ``operationId`` as a Python identifier)."""
        name = python_identifier(self.operation_id)
        return f"{name}_" if keyword.iskeyword(name) else name

    @property
    def return_annotation(self) -> str:
        if self.no_content:
            return "None"
        return self.result_type or "Any"

    @property
    def downloads(self) -> bool:
        """Whether the answer may be streamed to a file (a GET with an undeclared body)."""
        return self.method == "get" and self.result_type is None and not self.no_content


def _result(responses: Mapping[str, Any], names: Mapping[str, str]) -> tuple[str | None, bool]:
    """(answer type or None for JSON, whether the answer has no body)."""
    codes = sorted(code for code in responses if code.startswith("2"))
    for code in codes:
        has, schema = _json_schema(responses[code].get("content"))
        if has:
            kind = py_type(schema, names)
            return (None if kind == "Any" else kind), False
    if codes and all(code == "204" for code in codes):
        return None, True
    return None, False


def _body(op: Mapping[str, Any], names: Mapping[str, str]) -> tuple[str | None, str | None]:
    """(body type, argument annotation) or (None, None) without a JSON body."""
    body = op.get("requestBody")
    if not isinstance(body, Mapping):
        return None, None
    has, schema = _json_schema(body.get("content"))
    if not has:
        return None, None
    kind = py_type(schema, names)
    if kind.startswith("_models.") and " " not in kind:
        return kind, f"{kind} | Mapping[str, Any]"
    match = re.fullmatch(r"list\[(_models\.\w+)\]", kind)
    if match:
        return kind, f"Sequence[{match.group(1)} | Mapping[str, Any]]"
    return kind, kind


def _inline(schema: Any, components: Mapping[str, Any]) -> Any:
    """A parameter's schema with a reference to a plain (non-object) component inlined."""
    if not isinstance(schema, Mapping):
        return schema
    target = schema
    if isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1:
        target = schema["allOf"][0]
    ref = target.get("$ref") if isinstance(target, Mapping) else None
    if isinstance(ref, str) and ref.startswith(_REF_PREFIX):
        found = components.get(ref[len(_REF_PREFIX) :])
        if isinstance(found, Mapping) and "properties" not in found:
            return found
    return schema


#: Header parameters only an operation taking a file's raw bytes has.
_RAW_BODY_HEADERS = frozenset({"content-type", "x-file-name"})


def takes_raw_body(method: str, operation_id: str, op: Mapping[str, Any], params: Any) -> bool:
    """Whether an operation's body is a file's raw bytes.

    AYON's documents declare no request body for these (the server reads the
    request stream itself); they show it by a ``content-type`` or
    ``x-file-name`` header parameter (thumbnails, reviewables, project files)
    or by an ``upload_`` operation id (installers, dependency packages,
    avatars, addon zips).
    """
    if method not in ("post", "put", "patch") or op.get("requestBody"):
        return False
    headers = {p.name.lower() for p in params if p.location == "header"}
    return bool(headers & _RAW_BODY_HEADERS) or operation_id.startswith("upload_")


def iter_operations(
    paths: Mapping[str, Any],
    names: Mapping[str, str],
    default_group: str,
    components: Mapping[str, Any],
) -> Iterator[OperationSpec]:
    """Every operation of ``paths``, in path then method order."""
    for path in sorted(paths):
        item = paths[path]
        for method in _METHODS:
            op = item.get(method) if isinstance(item, Mapping) else None
            if not isinstance(op, Mapping):
                continue
            operation_id = op.get("operationId")
            if not isinstance(operation_id, str) or not operation_id:
                raise GenerationError(f"{method.upper()} {path} has no operationId")
            tags = op.get("tags") or [default_group]
            parameters = [
                {**p, "schema": _inline(p.get("schema"), components)}
                for p in op.get("parameters") or []
                if isinstance(p, Mapping)
            ]
            params = api_params(parameters)
            raw = {(str(p.get("name")), str(p.get("in"))): p for p in parameters}
            types = {
                p.python_name: py_type(raw[(p.name, p.location)].get("schema"), names)
                for p in params
            }
            body_type, body_annotation = _body(op, names)
            result, empty = _result(op.get("responses") or {}, names)
            yield OperationSpec(
                operation_id=operation_id,
                method=method,
                path=str(path),
                group=str(tags[0]),
                params=params,
                param_types=types,
                body_type=body_type,
                body_annotation=body_annotation,
                body_required=bool((op.get("requestBody") or {}).get("required")),
                result_type=result,
                no_content=empty,
                deprecated=bool(op.get("deprecated")),
                raw_body=takes_raw_body(method, operation_id, op, params),
            )


def untyped_operation(
    documents: Mapping[str, Mapping[str, Any]], operation_id: str
) -> tuple[str, ApiOperation[Any]]:
    """The operation ``operation_id`` of any of ``documents`` (by source name), with its
    parameter checks and JSON in and out; an :class:`InvalidInputError` naming close
    matches when there is none."""
    import difflib

    known: list[str] = []
    for source, document in documents.items():
        components = (document.get("components") or {}).get("schemas") or {}
        paths = document.get("paths") or {}
        names = {name: name for name in components}
        for spec in iter_operations(paths, names, "Other", components):
            known.append(spec.operation_id)
            if spec.operation_id != operation_id:
                continue
            return source, ApiOperation(
                spec.operation_id,
                spec.method.upper(),
                spec.path,
                params=tuple(spec.params),
                body=Any if spec.body_type is not None else None,
                body_required=spec.body_required,
                no_content=spec.no_content,
                raw_body=spec.raw_body,
            )
    close = difflib.get_close_matches(operation_id, known, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise InvalidInputError(f"no operation {operation_id!r} in {', '.join(documents)}{hint}")
