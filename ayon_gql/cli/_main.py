"""Entry point of ``ayon-gql``: one sub-command module per concern.

Each module listed in ``_COMMAND_MODULES`` has ``register(subparsers)``,
which adds its parser(s) and sets ``handler`` to a function taking the parsed
arguments and returning the exit status.  Modules are imported only when the
command line is built, so ``import ayon_gql`` never pays for them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from ayon_gql._errors import AyonError
from ayon_gql._version import __version__

_COMMAND_MODULES = (
    "ayon_gql.cli._schema",
    "ayon_gql.cli._check",
    "ayon_gql.cli._init",
    "ayon_gql.cli._generate",
    "ayon_gql.cli._query",
    "ayon_gql.cli._rest",
    "ayon_gql.cli._rest_group",
    "ayon_gql.cli._serve",
    "ayon_gql.cli._demo",
)


_REST_HINT = (
    "REST endpoints (desktop installers, dependency packages, bundles, addon settings, "
    "server info) are the commands installers, dependency-packages, bundles, settings "
    "and info, also grouped under `ayon-gql rest`; see `ayon-gql rest --help`."
)


class _Parser(argparse.ArgumentParser):
    """The top-level parser: an unknown command's error says where REST things are."""

    def error(self, message: str) -> NoReturn:
        if "invalid choice" in message and "COMMAND" in message:
            message = f"{message}\n{_REST_HINT}"
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every available sub-command."""
    parser = _Parser(
        prog="ayon-gql",
        description="Typed, validated GraphQL tooling for the AYON pipeline server.",
        epilog=_REST_HINT,
    )
    parser.add_argument("--version", action="version", version=f"ayon-gql {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # a command module not present in this build
            raise
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        status: int = handler(args)
    except AyonError as exc:
        for line in getattr(exc, "details", ()):  # file:line:column lines, compiler style
            print(line, file=sys.stderr)
        print(f"ayon-gql: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
