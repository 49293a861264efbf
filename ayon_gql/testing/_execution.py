"""A faster graphql-core execution context for the stand-in server.

graphql-core spends most of a large answer on leaf fields: for every scalar
of every node it builds a resolve info, reads the arguments and completes
the value.  For the stand-in's plain-dict nodes the outcome of that work is
known in advance when a field has no arguments and no resolver of its own
(or only the stand-in's plain key lookup, marked ``plain_key_lookup``):
``node[name]``, serialized by the field's scalar type.  This context
takes that shortcut and hands everything else (objects, lists of objects,
nulls, ``__typename``, fields with resolvers or arguments, anything that
fails to serialize) to graphql-core's own code, so answers and errors are
exactly what graphql-core would produce.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import (
    ExecutionContext,
    FieldNode,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
)
from graphql.pyutils import Path, Undefined

# (parent type, field name) -> how to complete the field without graphql-core's
# per-field machinery, or None when it must take the general path.  Types are
# built once per schema, so the cache stays small and is safe to share between
# threads (dict writes are atomic).
_MISSING = object()


class _Plan:
    """A field that is a plain key lookup: how to complete what the lookup finds."""

    __slots__ = ("default", "item_type", "nullable", "object_type", "serialize")

    def __init__(
        self,
        *,
        nullable: bool,
        default: Any,
        serialize: Callable[[Any], Any] | None = None,
        object_type: GraphQLObjectType | None = None,
        item_type: GraphQLObjectType | None = None,
    ) -> None:
        self.nullable = nullable
        self.default = default  # what the lookup answers when the node lacks the key
        self.serialize = serialize  # scalar, enum or list of them
        self.object_type = object_type  # an object
        self.item_type = item_type  # a list of non-null objects


_PLANS: dict[tuple[int, str], _Plan | None] = {}


def _scalar_serializer(kind: Any) -> Callable[[Any], Any] | None:
    if isinstance(kind, (GraphQLScalarType, GraphQLEnumType)):
        serialize: Callable[[Any], Any] = kind.serialize
        return serialize
    return None


def _plain_object(kind: Any) -> GraphQLObjectType | None:
    if isinstance(kind, GraphQLObjectType) and kind.is_type_of is None:
        return kind
    return None


def _plan(parent_type: GraphQLObjectType, name: str) -> _Plan | None:
    key = (id(parent_type), name)
    if key in _PLANS:
        return _PLANS[key]
    plan: _Plan | None = None
    field = parent_type.fields.get(name)
    lookup = getattr(field.resolve, "plain_key_lookup", None) if field is not None else None
    if field is not None and not field.args and (field.resolve is None or isinstance(lookup, dict)):
        default = lookup.get(name) if isinstance(lookup, dict) else None
        nullable = not isinstance(field.type, GraphQLNonNull)
        kind = field.type if nullable else field.type.of_type
        serialize = _scalar_serializer(kind)
        inner = kind.of_type if isinstance(kind, GraphQLList) else None
        item = inner.of_type if isinstance(inner, GraphQLNonNull) else None
        if serialize is not None:
            plan = _Plan(nullable=nullable, default=default, serialize=serialize)
        elif _plain_object(kind) is not None:
            plan = _Plan(nullable=nullable, default=default, object_type=_plain_object(kind))
        elif item is not None and _scalar_serializer(item) is not None:
            item_serialize = _scalar_serializer(item)
            assert item_serialize is not None
            plan = _Plan(nullable=nullable, default=default, serialize=_list_plan(item_serialize))
        elif item is not None and _plain_object(item) is not None:
            plan = _Plan(nullable=nullable, default=default, item_type=_plain_object(item))
    _PLANS[key] = plan
    return plan


def _list_plan(item_serialize: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def serialize_list(value: Any) -> Any:
        if not isinstance(value, list) or any(item is None for item in value):
            raise TypeError("not a list of non-null values")
        return [item_serialize(item) for item in value]

    return serialize_list


class FastLeafExecutionContext(ExecutionContext):
    """graphql-core's execution with a shortcut for plain fields of dict nodes."""

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        fields: dict[str, list[FieldNode]],
    ) -> Any:
        if not isinstance(source_value, dict) or self.middleware_manager is not None:
            return super().execute_fields(parent_type, source_value, path, fields)
        results: dict[str, Any] = {}
        slow: dict[str, list[FieldNode]] = {}
        for response_name, field_nodes in fields.items():
            node = field_nodes[0]
            plan = None if node.arguments else _plan(parent_type, node.name.value)
            if plan is None:
                slow[response_name] = field_nodes
                continue
            value = source_value.get(node.name.value, _MISSING)
            if value is _MISSING:
                value = plan.default
            completed = self._complete(plan, value, field_nodes, path, response_name, parent_type)
            if completed is _MISSING:
                slow[response_name] = field_nodes
            else:
                results[response_name] = completed
        if slow:
            rest = super().execute_fields(parent_type, source_value, path, slow)
            assert isinstance(rest, dict)  # the stand-in's resolvers are synchronous
            results.update(rest)
            # Keep the response keys in selection order, as graphql-core does.
            results = {name: results[name] for name in fields if name in results}
        return results

    def _complete(
        self,
        plan: _Plan,
        value: Any,
        field_nodes: list[FieldNode],
        path: Path | None,
        response_name: str,
        parent_type: GraphQLObjectType,
    ) -> Any:
        """The completed value, or ``_MISSING`` to leave it to graphql-core."""
        if value is None:
            # graphql-core raises the non-null error itself.
            return None if plan.nullable else _MISSING
        if callable(value):
            return _MISSING
        if plan.serialize is not None:
            try:
                serialized = plan.serialize(value)
            except Exception:  # let graphql-core report it its own way
                return _MISSING
            return _MISSING if serialized is Undefined or serialized is None else serialized
        field_path = Path(path, response_name, parent_type.name)
        if plan.object_type is not None:
            if not isinstance(value, dict):
                return _MISSING
            sub = self.collect_subfields(plan.object_type, field_nodes)
            return self.execute_fields(plan.object_type, value, field_path, sub)
        item_type = plan.item_type
        assert item_type is not None
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            return _MISSING
        sub = self.collect_subfields(item_type, field_nodes)
        return [
            self.execute_fields(item_type, item, Path(field_path, index, None), sub)
            for index, item in enumerate(value)
        ]


class CostCountingExecutionContext(FastLeafExecutionContext):
    """The fast execution, also counting every object's fields on ``context.meter``.

    Used only for servers with a cost model, so the plain path pays nothing.
    """

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        fields: dict[str, list[FieldNode]],
    ) -> Any:
        result = super().execute_fields(parent_type, source_value, path, fields)
        self.context_value.meter.add(parent_type.name, fields)
        return result
