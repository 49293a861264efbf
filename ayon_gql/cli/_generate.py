"""``ayon-gql generate [--check]``: regenerate the typed client from ``queries/``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "generate",
        help="run ariadne-codegen with the project's configuration",
        description="Generate the client package from queries/ and the schema snapshot "
        "([tool.ariadne-codegen] in pyproject.toml). With --check, change nothing and fail "
        "when the committed package differs from fresh output.",
    )
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 on drift")
    parser.add_argument(
        "--schema", type=Path, help="generate against this SDL instead of the snapshot"
    )
    parser.add_argument("--project", type=Path, help="project folder (default: search upwards)")
    parser.set_defaults(handler=_generate)


def _generate(args: argparse.Namespace) -> int:
    from ariadne_codegen.exceptions import CodeGenException

    from ayon_gql._errors import GenerationError, ProjectConfigError
    from ayon_gql.codegen import generate

    try:
        result = generate(args.project, check=args.check, schema_path=args.schema)
    except FileNotFoundError as exc:  # no configured project, or a configured file missing
        raise ProjectConfigError(str(exc)) from None
    except CodeGenException as exc:  # ariadne-codegen refused the queries or the schema
        raise GenerationError(" ".join(str(exc).split())) from None
    target = _shown(result.target)
    if result.up_to_date:
        print(f"{target}: up to date ({len(result.files)} files)")
        return 0
    lines = [f"  changed: {name}" for name in result.changed]
    lines += [f"  missing: {name}" for name in result.added]
    lines += [f"  stale:   {name}" for name in result.removed]
    if args.check:
        print(f"{target} differs from what `ayon-gql generate` produces:", file=sys.stderr)
        print("\n".join(lines), file=sys.stderr)
        print("run `ayon-gql generate` and commit the result", file=sys.stderr)
        return 1
    print(f"{target}: regenerated")
    print("\n".join(lines))
    return 0


def _shown(path: Path) -> str:
    """``path`` relative to the working folder when it is inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
