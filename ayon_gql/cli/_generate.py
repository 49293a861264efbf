"""``ayon-gql generate [--check]``: regenerate the typed client package.

Generation warnings (an operation that gets no ``iter_*``, a nested
connection that is not completed) are printed as one line each on standard
error, ``file:line: warning: message`` like a compiler's, instead of
Python's two-line warning format with its source line.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ayon_gql.codegen import GenerationResult


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "generate",
        help="generate the typed client package from the project's operations",
        description="Generate the package configured in [tool.ayon-gql] (pyproject.toml) from "
        "its queries folder and schema snapshot, with typed write models (write_models) from "
        "the openapi snapshot when there is one. Only files ayon-gql wrote before (listed in "
        "the package's _ayon_gql_files.txt) are replaced or removed; other files in the "
        "package are left alone. With --check, change nothing and exit 1 when the package "
        "differs from fresh output.",
    )
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 on drift")
    parser.add_argument(
        "--schema", type=Path, help="generate against this SDL instead of the snapshot"
    )
    parser.add_argument(
        "--openapi",
        type=Path,
        help="generate the write models from this openapi snapshot instead of the configured one",
    )
    parser.add_argument("--project", type=Path, help="project folder (default: search upwards)")
    parser.set_defaults(handler=_generate)


def warning_line(warning: warnings.WarningMessage) -> str:
    """``queries/x.graphql:28: warning: <message>``; without the file when it is not known."""
    from ayon_gql.schema._definitions import EXTENSIONS

    message = " ".join(str(warning.message).split())  # one line, whatever the message
    if Path(warning.filename).suffix in EXTENSIONS:
        return f"{shown(Path(warning.filename))}:{warning.lineno}: warning: {message}"
    return f"warning: {message}"


@contextlib.contextmanager
def generation_warnings_as_lines(stream: TextIO | None = None) -> Iterator[None]:
    """Print each generation warning raised inside as one line on ``stream`` (stderr).

    Only :class:`GenerationWarning` and :class:`NestedConnectionWarning` are
    taken (every one, even repeated); any other warning goes on to Python's
    warning machinery unchanged.  When generation fails nothing was
    written, so its warnings are dropped and the error stays the one line
    on stderr.
    """
    from ayon_gql.codegen._iter_methods import GenerationWarning
    from ayon_gql.codegen._nested import NestedConnectionWarning

    ours = (GenerationWarning, NestedConnectionWarning)
    with warnings.catch_warnings(record=True) as caught:
        for category in ours:
            warnings.simplefilter("always", category)
        yield
    out = stream if stream is not None else sys.stderr
    for warning in caught:
        if issubclass(warning.category, ours):
            print(warning_line(warning), file=out)
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )


def _generate(args: argparse.Namespace) -> int:

    from ayon_gql.codegen import generate

    with generation_warnings_as_lines():
        result = generate(
            args.project, check=args.check, schema_path=args.schema, openapi_path=args.openapi
        )
    target = shown(result.target)
    for note in result.notes:
        print(f"{target}: {note}", file=sys.stderr)
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
