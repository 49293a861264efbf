"""``ayon-gql generate [--check]``: regenerate the typed client package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ayon_gql.codegen import GenerationResult


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "generate",
        help="generate the typed client package from the project's operations",
        description="Generate the package configured in [tool.ayon-gql] (pyproject.toml) from "
        "its queries folder and schema snapshot. Only files ayon-gql wrote before (listed in "
        "the package's _ayon_gql_files.txt) are replaced or removed; other files in the "
        "package are left alone. With --check, change nothing and exit 1 when the package "
        "differs from fresh output.",
    )
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 on drift")
    parser.add_argument(
        "--schema", type=Path, help="generate against this SDL instead of the snapshot"
    )
    parser.add_argument("--project", type=Path, help="project folder (default: search upwards)")
    parser.set_defaults(handler=_generate)


def _generate(args: argparse.Namespace) -> int:

    from ayon_gql.codegen import generate

    result = generate(args.project, check=args.check, schema_path=args.schema)
    target = shown(result.target)
    for name in result.foreign:
        print(f"{target}: left alone (not written by ayon-gql): {name}", file=sys.stderr)
    if result.up_to_date:
        print(f"{target}: up to date ({len(result.files)} files)")
        return 0
    if args.check:
        if _all_new(result):
            print(f"{target} has not been generated yet", file=sys.stderr)
        else:
            print(f"{target} differs from what `ayon-gql generate` produces:", file=sys.stderr)
            print("\n".join(_lines(result, "missing", "stale")), file=sys.stderr)
        print("run `ayon-gql generate` and commit the result", file=sys.stderr)
        return 1
    if _all_new(result):
        print(f"{target}: generated {len(result.added)} files")
        return 0
    print(f"{target}: regenerated")
    print("\n".join(_lines(result, "new", "removed")))
    return 0


def _all_new(result: GenerationResult) -> bool:
    """Nothing generated was there before: a first run, not a list of "missing" files."""
    return not result.changed and len(result.added) == len(result.files)


def _lines(result: GenerationResult, added: str, removed: str) -> list[str]:
    width = max(len("changed"), len(added), len(removed)) + 1
    lines = [f"  {'changed:':{width}} {name}" for name in result.changed]
    lines += [f"  {added + ':':{width}} {name}" for name in result.added]
    lines += [f"  {removed + ':':{width}} {name}" for name in result.removed]
    return lines


def shown(path: Path) -> str:
    """``path`` relative to the working folder when it is inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
