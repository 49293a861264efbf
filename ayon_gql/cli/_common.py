"""Options and helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from ayon_gql._errors import AyonError
from ayon_gql.client import AyonClientBase


def add_connection_options(parser: argparse.ArgumentParser) -> None:
    """``--url`` and ``--api-key``; both fall back to ``AYON_*`` variables."""
    group = parser.add_argument_group("connection")
    group.add_argument("--url", help="server URL (default: $AYON_SERVER_URL)")
    group.add_argument(
        "--api-key",
        help="API key (default: $AYON_API_KEY); prefer the variable, arguments are visible "
        "to other users of the machine",
    )
    group.add_argument("--timeout", type=float, help="seconds per request")


def client_from_args(args: argparse.Namespace) -> AyonClientBase:
    """A client from ``--url``/``--api-key`` or the environment (``execute``, ``rest``
    and ``connection``; no generated package needed)."""
    return AyonClientBase(
        getattr(args, "url", None),
        api_key=getattr(args, "api_key", None),
        timeout=getattr(args, "timeout", None),
    )


def print_json(value: Any) -> None:
    """Pretty JSON on stdout (dates and other objects as strings)."""
    json.dump(value, sys.stdout, indent=2, default=str, ensure_ascii=False)
    sys.stdout.write("\n")


def print_table(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> None:
    """A plain aligned text table on stdout."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for index, row in enumerate(cells):
        padded = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(padded).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


def fail(error: AyonError, *, status: int = 1) -> int:
    """Print ``error`` as ``ayon-gql: error: ...`` (as the entry point does); returns ``status``.

    For commands that document another exit status than 1 for some errors.
    """
    print(f"ayon-gql: error: {error}", file=sys.stderr)
    return status
