"""``ayon-gql serve``: run the local AYON stand-in server in the foreground."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the local AYON stand-in server (for demos and tests)",
        description="Serve a generated production over the AYON GraphQL and REST APIs on "
        "loopback until Ctrl-C. Prints the URL and an API key. Serves the schema configured "
        "in [tool.ayon-gql] when run inside such a project, else the stock snapshot.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: %(default)s)"
    )
    parser.add_argument("--port", type=int, default=5000, help="port (default: %(default)s)")
    parser.add_argument(
        "--schema",
        type=Path,
        help="schema to serve, SDL or introspection JSON (default: the project's configured "
        "schema, else the stock snapshot); custom attributes get generated values",
    )
    parser.add_argument(
        "--versions",
        type=int,
        default=16_800,
        help="versions in the large project perf_Large (default: %(default)s)",
    )
    parser.add_argument("--seed", type=int, default=0, help="dataset seed (default: %(default)s)")
    parser.add_argument(
        "--latency",
        type=float,
        default=0.0,
        help="seconds added to every answer, like a server across a network (default: 0)",
    )
    cost = parser.add_argument_group(
        "server cost",
        "charge every GraphQL request server time: per request + resolved fields x per field",
    )
    cost.add_argument(
        "--cost-preset",
        choices=["ayon-1.16"],
        help="figures measured on a real AYON 1.16 server (the options below override them)",
    )
    cost.add_argument("--cost-per-request", type=float, metavar="SECONDS")
    cost.add_argument("--cost-per-field", type=float, metavar="SECONDS")
    cost.add_argument(
        "--cost-weight",
        action="append",
        default=[],
        metavar="TYPE.FIELD=W",
        help="a field (or TYPE: every field of a type) counts as W plain fields (repeatable)",
    )
    parser.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    from ayon_gql._errors import InvalidInputError
    from ayon_gql._project import find_project
    from ayon_gql.testing._foreground import cost_from_options, serve_forever

    if not 0 <= args.port <= 65535:
        raise InvalidInputError(f"--port {args.port}: not a port number (0-65535)")
    schema = args.schema
    if schema is None:
        project = find_project()
        schema = project.schema if project is not None else None
    cost = cost_from_options(
        preset=args.cost_preset,
        per_request=args.cost_per_request,
        per_field=args.cost_per_field,
        weights=args.cost_weight,
    )
    try:
        serve_forever(
            args.host,
            args.port,
            latency=args.latency,
            schema=schema,
            cost=cost,
            versions=args.versions,
            seed=args.seed,
        )
    except OSError as exc:  # address in use, not an address of this machine, no permission
        raise InvalidInputError(
            f"cannot serve on {args.host}:{args.port}: {exc.strerror or exc}"
        ) from None
    return 0
