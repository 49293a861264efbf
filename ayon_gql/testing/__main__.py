"""``python -m ayon_gql.testing [--host H] [--port P] [--versions N] [--seed S]``."""

from __future__ import annotations

import argparse

from ayon_gql.testing._server import serve_forever


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
    args = parser.parse_args(argv)
    serve_forever(
        args.host, args.port, latency=args.latency, versions=args.versions, seed=args.seed
    )


if __name__ == "__main__":
    main()
