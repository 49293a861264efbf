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
    from ayon_gql._errors import InvalidInputError
    from ayon_gql.testing import serve_forever

    if not 0 <= args.port <= 65535:
        raise InvalidInputError(f"--port {args.port}: not a port number (0-65535)")
    try:
        serve_forever(
            args.host, args.port, latency=args.latency, versions=args.versions, seed=args.seed
        )
    except OSError as exc:  # address in use, not an address of this machine, no permission
        raise InvalidInputError(
            f"cannot serve on {args.host}:{args.port}: {exc.strerror or exc}"
        ) from None
    return 0
