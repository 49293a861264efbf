"""A server cost model: fixed work per GraphQL request plus work per resolved field.

On loopback the stand-in answers almost for free, while a real AYON server
spends fixed time on every request (authentication, planning, the SQL round
trip) and time for each value it resolves; ``allAttrib`` and ``attrib`` cost
much more than a plain column.  With a :class:`RequestCost` the stand-in
counts the field values each GraphQL request resolves and, after executing
it, sleeps ``per_request + weighted fields * per_field`` seconds, so client
benchmarks see a server's shape: fewer, larger requests pay the fixed part
less often, and cheaper selections answer sooner.

What counts: one per field of every object in the answer (a scalar, a list
of scalars, an object, a list of objects, ``__typename``, a null), weighted
by ``field_weights`` (``"Type.field"`` or ``"Type"`` for every field of that
type, else 1).  An invalid request is charged ``per_request`` only.  The
answer carries the charge as ``Server-Timing: standin-cost;dur=<ms>;desc="<n>
fields, <w> weighted"``, for benchmarks running the stand-in in a child process.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ayon_gql._errors import InvalidInputError

# Calibration of ayon_1_16(), from a real AYON 1.16.0 server (one worker,
# loopback, PostgreSQL 15), one unpaged request each, best of four:
#   16,009 versions, 13 plain fields                      1.01 s
#   ... + allAttrib                                        1.39 s
#   ... + attrib { 18 fields }                             1.86 s
#   29,803 representations, 11 plain fields + files { 6 }  3.04 s
#   ... + allAttrib                                        3.89 s
#   ... + attrib { 14 fields }                             4.59 s
#   fixed work per request                                 about 0.035 s
# Counted per version: the edge's ``node`` and 13 fields = 14 units, so
# per_field = (1.01 - 0.035) / (16,009 * 14).  Every other figure fixes one
# weight: allAttrib (0.38 s / 16,009 versions; 0.85 s / 29,803 representations),
# attrib (``attrib`` itself plus 18 or 14 fields of 0.05 each: 0.85 s and 1.55 s),
# files (one file of 6 fields per representation in the stand-in).
_VERSIONS, _REPRESENTATIONS = 16_009, 29_803
_FIXED = 0.035
_PER_FIELD = (1.01 - _FIXED) / (_VERSIONS * 14)


# Writes were not timed on that server.  An operation is one pydantic
# validation plus a few statements in the request's transaction (the insert or
# update, the checks of the parent and of the status, the event row, for a
# version also its activity): about 8 round trips of 0.3-0.4 ms on loopback
# PostgreSQL, so 3 ms each, on top of the fixed per-request work.
_PER_OPERATION = 0.003


def _units(seconds: float, count: int) -> float:
    return seconds / count / _PER_FIELD


_ATTRIB_FIELD = 0.05
_VERSION_ATTRIB = _units(1.86 - 1.01, _VERSIONS) - 18 * _ATTRIB_FIELD
_REPRESENTATION_ATTRIB = _units(4.59 - 3.04, _REPRESENTATIONS) - 14 * _ATTRIB_FIELD
# node + 11 plain fields + files + 6 file fields = 19 units at weight 1
_FILES = _units(3.04 - _FIXED, _REPRESENTATIONS) - 19 + 1


@dataclass(frozen=True)
class RequestCost:
    """Seconds a GraphQL request costs: ``per_request`` + weighted fields x ``per_field``.

    ``field_weights`` maps ``"VersionNode.allAttrib"`` (one field) or
    ``"VersionAttribType"`` (every field of a type) to how many plain fields
    one value of it is worth; anything not named weighs 1.
    """

    per_request: float = 0.0
    per_field: float = 0.0
    field_weights: Mapping[str, float] = field(default_factory=dict)
    #: Seconds each operation of ``POST /api/projects/{p}/operations`` costs.
    per_operation: float = 0.0

    def __post_init__(self) -> None:
        for name, value in (
            ("per_request", self.per_request),
            ("per_field", self.per_field),
            ("per_operation", self.per_operation),
        ):
            if not math.isfinite(value) or value < 0:
                raise InvalidInputError(f"RequestCost {name} must be >= 0 seconds, not {value!r}")
        for key, weight in self.field_weights.items():
            if not isinstance(key, str) or not key or key.count(".") > 1:
                raise InvalidInputError(
                    f"RequestCost field weight keys are 'Type.field' or 'Type', not {key!r}"
                )
            if not isinstance(weight, (int, float)) or not math.isfinite(weight) or weight < 0:
                raise InvalidInputError(f"RequestCost weight of {key} must be >= 0, not {weight!r}")
        object.__setattr__(self, "field_weights", MappingProxyType(dict(self.field_weights)))

    def weight(self, type_name: str, field_name: str) -> float:
        """How many plain fields one value of ``type_name.field_name`` counts as."""
        weights = self.field_weights
        found = weights.get(f"{type_name}.{field_name}")
        if found is None:
            found = weights.get(type_name, 1.0)
        return float(found)

    def operations_seconds(self, count: int) -> float:
        """The cost of one operations request holding ``count`` operations."""
        return self.per_request + count * self.per_operation

    def seconds(self, weighted_fields: float) -> float:
        """The cost of one request that resolved ``weighted_fields`` (weighted) field values."""
        return self.per_request + weighted_fields * self.per_field

    @classmethod
    def ayon_1_16(cls) -> RequestCost:
        """Figures measured on a real AYON 1.16.0 server (one worker, loopback).

        About 0.035 s per request and 4.4 microseconds per plain field;
        ``allAttrib`` costs about 5.5 plain fields on versions, ``attrib`` about
        12 plus 0.05 per attribute; a representation's ``files`` about 5.
        Scanning 16,009 versions in one request costs 1.01 s with 13 plain
        fields, 1.39 s with ``allAttrib`` added, 1.86 s with ``attrib`` of 18
        fields instead (the stand-in reproduces these to within 1 %).
        """
        return cls(
            per_request=_FIXED,
            per_field=_PER_FIELD,
            per_operation=_PER_OPERATION,
            field_weights={
                "VersionNode.allAttrib": _units(1.39 - 1.01, _VERSIONS),
                "RepresentationNode.allAttrib": _units(3.89 - 3.04, _REPRESENTATIONS),
                "VersionNode.attrib": _VERSION_ATTRIB,
                "RepresentationNode.attrib": _REPRESENTATION_ATTRIB,
                "FolderNode.attrib": _VERSION_ATTRIB,
                "TaskNode.attrib": _VERSION_ATTRIB,
                "ProductNode.attrib": _VERSION_ATTRIB,
                "FolderNode.allAttrib": _units(1.39 - 1.01, _VERSIONS),
                "TaskNode.allAttrib": _units(1.39 - 1.01, _VERSIONS),
                "ProductNode.allAttrib": _units(1.39 - 1.01, _VERSIONS),
                "FolderAttribType": _ATTRIB_FIELD,
                "TaskAttribType": _ATTRIB_FIELD,
                "ProductAttribType": _ATTRIB_FIELD,
                "VersionAttribType": _ATTRIB_FIELD,
                "RepresentationAttribType": _ATTRIB_FIELD,
                "RepresentationNode.files": _FILES,
            },
        )


@dataclass(frozen=True)
class RequestCharge:
    """What one GraphQL request was charged under a :class:`RequestCost`."""

    #: The operation name sent with the request, if any.
    operation_name: str | None
    #: Field values resolved (each counted once).
    fields: int
    #: The same, weighted by the cost model's ``field_weights``.
    weighted_fields: float
    #: Seconds the server waited after executing: ``per_request + weighted_fields * per_field``.
    seconds: float


class CostMeter:
    """Counts one request's resolved fields (used by the execution context)."""

    __slots__ = ("_cache", "cost", "fields", "weighted")

    def __init__(self, cost: RequestCost) -> None:
        self.cost = cost
        self.fields = 0
        self.weighted = 0.0
        # id(fields dict) -> (that dict, count, weighted count): graphql-core hands
        # the same collected-fields dict for every item of a list.
        self._cache: dict[int, tuple[Any, int, float]] = {}

    def add(self, type_name: str, fields: Mapping[str, Any]) -> None:
        """Count the fields of one object of ``type_name``."""
        hit = self._cache.get(id(fields))
        if hit is None or hit[0] is not fields:
            weight = self.cost.weight
            weighted = sum(weight(type_name, nodes[0].name.value) for nodes in fields.values())
            hit = (fields, len(fields), weighted)
            self._cache[id(fields)] = hit
        self.fields += hit[1]
        self.weighted += hit[2]
