"""``python -m ayon_gql.testing``: the stand-in in the foreground (``standin_process`` runs it).

Takes the options of ``ayon-gql serve`` except that ``--schema`` has no
project default: without it the stock snapshot is served.
"""

from __future__ import annotations

import argparse

from ayon_gql._errors import AyonError
from ayon_gql.testing._foreground import cost_from_options, serve_forever


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and serve in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(
        prog="python -m ayon_gql.testing", description="Run the AYON stand-in server."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument(
        "--versions", type=int, default=16_800, help="versions in the large project perf_Large"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--latency", type=float, default=0.0, help="seconds added to every answer (default: 0)"
    )
    parser.add_argument("--schema", help="schema file to serve (SDL or introspection JSON)")
    parser.add_argument("--cost-preset", choices=["ayon-1.16"])
    parser.add_argument("--cost-per-request", type=float)
    parser.add_argument("--cost-per-field", type=float)
    parser.add_argument("--cost-per-operation", type=float)
    parser.add_argument("--cost-weight", action="append", default=[], metavar="TYPE.FIELD=W")
    args = parser.parse_args(argv)
    try:
        cost = cost_from_options(
            preset=args.cost_preset,
            per_request=args.cost_per_request,
            per_field=args.cost_per_field,
            weights=args.cost_weight,
            per_operation=args.cost_per_operation,
        )
        serve_forever(
            args.host,
            args.port,
            latency=args.latency,
            schema=args.schema,
            cost=cost,
            versions=args.versions,
            seed=args.seed,
        )
    except AyonError as exc:
        parser.exit(1, f"{parser.prog}: error: {exc}\n")


if __name__ == "__main__":
    main()
