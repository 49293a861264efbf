"""``ayon-gql serve``: run the local AYON stand-in server in the foreground."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the local AYON stand-in server (for demos and tests)",
        description="Serve a generated production over the AYON GraphQL and REST APIs on "
        "loopback until Ctrl-C. Prints the URL and an API key.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: %(default)s)"
    )
    parser.add_argument("--port", type=int, default=5000, help="port (default: %(default)s)")
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
    parser.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    from ayon_gql.testing import serve_forever

    serve_forever(
        args.host, args.port, latency=args.latency, versions=args.versions, seed=args.seed
    )
    return 0
