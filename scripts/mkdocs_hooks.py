"""MkDocs hooks: the command-line reference, generated from the argparse parsers.

``docs/reference/cli.md`` holds the marker ``<!-- cli-reference -->``; at
build time it is replaced by every command's ``--help``, taken from
``ayon_gql.cli._main.build_parser()``, so the reference cannot drift from
the code.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from typing import Any

MARKER = "<!-- cli-reference -->"
WIDTH = "88"


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for name, child in _subcommands(parser).items():
        if path == ("rest",):
            continue  # the same parsers as the top-level commands: listed once, there
        yield from _commands(child, (*path, name))


def render_cli_reference() -> str:
    """Markdown: one section per command, its help text verbatim."""
    from ayon_gql.cli._main import build_parser

    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = WIDTH  # argparse wraps to the terminal's width
    try:
        sections = []
        for path, parser in _commands(build_parser()):
            title = " ".join(("ayon-gql", *path))
            level = "#" * min(2 + max(len(path) - 1, 0), 4)
            sections.append(f"{level} `{title}`\n\n```text\n{parser.format_help().rstrip()}\n```\n")
        return "\n".join(sections)
    finally:
        if previous is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = previous


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Replace the marker with the generated reference."""
    if MARKER in markdown:
        return markdown.replace(MARKER, render_cli_reference())
    return markdown
