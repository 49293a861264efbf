"""A stand-in in the foreground (``ayon-gql serve``, ``python -m ayon_gql.testing``)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ayon_gql._errors import InvalidInputError
from ayon_gql.testing._cost import RequestCost
from ayon_gql.testing._dataset import generate_dataset
from ayon_gql.testing._server import StandInServer


def cost_from_options(
    *,
    preset: str | None = None,
    per_request: float | None = None,
    per_field: float | None = None,
    weights: Sequence[str] = (),
    per_operation: float | None = None,
) -> RequestCost | None:
    """A cost model from command-line options; None when none is given.

    ``preset`` ``"ayon-1.16"`` starts from :meth:`RequestCost.ayon_1_16`;
    ``per_request``/``per_field``/``per_operation`` replace its figures and ``weights``
    (``"VersionNode.allAttrib=8"``) add to or replace its field weights.
    """
    given = (per_request, per_field, per_operation)
    if preset is None and all(value is None for value in given) and not weights:
        return None
    if preset not in (None, "ayon-1.16"):
        raise InvalidInputError(f"unknown cost preset {preset!r} (known: ayon-1.16)")
    base = RequestCost.ayon_1_16() if preset else RequestCost()
    table = dict(base.field_weights)
    for item in weights:
        key, sep, value = item.partition("=")
        try:
            table[key.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise InvalidInputError(f"a field weight is TYPE.FIELD=NUMBER, not {item!r}")
    return RequestCost(
        per_request=base.per_request if per_request is None else per_request,
        per_field=base.per_field if per_field is None else per_field,
        field_weights=table,
        per_operation=base.per_operation if per_operation is None else per_operation,
    )


def serve_forever(
    host: str = "127.0.0.1",
    port: int = 5000,
    *,
    latency: float = 0.0,
    schema: str | Path | None = None,
    cost: RequestCost | None = None,
    **dataset_kwargs: Any,
) -> None:
    """Run a stand-in server in the foreground until Ctrl-C.

    ``dataset_kwargs`` go to :func:`generate_dataset` (e.g. ``versions=50_000``).
    ``latency`` delays every answer by that many seconds, like a server across
    a network; ``cost`` charges every GraphQL request server time
    (:class:`RequestCost`); ``schema`` is the schema file to serve (default:
    the stock snapshot).  Prints the URL and the service user's API key.
    """
    dataset = generate_dataset(**dataset_kwargs)
    srv = StandInServer(dataset, host=host, port=port, schema=schema, cost=cost).start()
    if latency > 0:
        srv.faults.delay(latency, share=1.0)
    print(f"AYON stand-in server listening on {srv.url}", flush=True)
    print(f"API key (X-Api-Key): {srv.api_key}", flush=True)
    if schema is not None:
        print(f"Schema: {schema}", flush=True)
    if cost is not None:
        print(
            f"Cost per request: {cost.per_request:g} s, per field: {cost.per_field:g} s",
            flush=True,
        )
    print("Login: admin / admin. Press Ctrl-C to stop.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        srv.stop()
