"""GraphQL execution for the stand-in server.

Parsed and validated documents are cached by query text, so a client paging
through thousands of nodes pays for parsing once.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLSchema, execute_sync, parse, validate

from ayon_gql.testing._cost import CostMeter, RequestCharge, RequestCost
from ayon_gql.testing._execution import CostCountingExecutionContext, FastLeafExecutionContext
from ayon_gql.testing._nodes import Node
from ayon_gql.testing._resolver_context import RequestContext


class GraphQLExecutor:
    """Executes requests against the served schema with a document cache.

    With a ``cost`` model every request is charged (see :mod:`._cost`): the
    executor waits that long after executing and records a
    :class:`RequestCharge` in :attr:`charges`.
    """

    def __init__(
        self, schema: GraphQLSchema, *, cache_size: int = 512, cost: RequestCost | None = None
    ) -> None:
        self.schema = schema
        self.cost = cost
        self._charges: list[RequestCharge] = []
        self._cache: OrderedDict[str, tuple[DocumentNode | None, list[GraphQLError]]] = (
            OrderedDict()
        )
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def _document(self, query: str) -> tuple[DocumentNode | None, list[GraphQLError]]:
        with self._lock:
            hit = self._cache.get(query)
            if hit is not None:
                self._cache.move_to_end(query)
                return hit
        try:
            doc: DocumentNode | None = parse(query)
            errors: list[GraphQLError] = []
        except GraphQLError as exc:
            doc, errors = None, [exc]
        if doc is not None:
            errors = list(validate(self.schema, doc))
            if errors:
                doc = None
        with self._lock:
            self._cache[query] = (doc, errors)
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return doc, errors

    @property
    def charges(self) -> list[RequestCharge]:
        """What each GraphQL request was charged, oldest first (empty without a cost model)."""
        with self._lock:
            return list(self._charges)

    def clear_charges(self) -> None:
        """Forget the recorded charges."""
        with self._lock:
            self._charges.clear()

    def run(
        self,
        query: Any,
        variables: Any,
        operation_name: Any,
        context: RequestContext,
    ) -> Node:
        """Execute one request; returns the JSON-ready response body."""
        if self.cost is None:
            return self._run(query, variables, operation_name, context)
        meter = CostMeter(self.cost)
        context.meter = meter
        body = self._run(query, variables, operation_name, context)
        seconds = self.cost.seconds(meter.weighted)
        charge = RequestCharge(
            operation_name if isinstance(operation_name, str) else None,
            meter.fields,
            meter.weighted,
            seconds,
        )
        context.charge = charge
        with self._lock:
            self._charges.append(charge)
        if seconds > 0:
            time.sleep(seconds)
        return body

    def _run(
        self,
        query: Any,
        variables: Any,
        operation_name: Any,
        context: RequestContext,
    ) -> Node:
        if not isinstance(query, str) or not query:
            return {"data": None, "errors": [{"message": "Must provide query string."}]}
        if variables is not None and not isinstance(variables, dict):
            return {"data": None, "errors": [{"message": "Variables must be an object."}]}
        doc, errors = self._document(query)
        if doc is None:
            return {"data": None, "errors": [e.formatted for e in errors]}
        result = execute_sync(
            self.schema,
            doc,
            variable_values=variables,
            operation_name=operation_name if isinstance(operation_name, str) else None,
            context_value=context,
            execution_context_class=(
                FastLeafExecutionContext if context.meter is None else CostCountingExecutionContext
            ),
            check_sync=False,
        )
        if result.errors:
            return {"data": result.data, "errors": [e.formatted for e in result.errors]}
        return {"data": result.data}
