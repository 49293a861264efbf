"""``ayon-gql rest``: every REST command in one place, and ``info``.

GraphQL on AYON does not cover desktop distribution, bundles or settings;
those commands talk to the REST API.  They are available at the top level
(``ayon-gql bundles list``) and, because "rest" is what users guess, under
``ayon-gql rest`` too (``ayon-gql rest bundles list``): the same parsers and
handlers, registered twice.  ``info`` shows the server's version, the user
the credentials belong to and the attribute configuration.
"""

from __future__ import annotations

import argparse
from typing import Any

from ayon_gql.cli import _rest, _rest_call
from ayon_gql.cli._common import add_connection_options, client_from_args, print_json, print_table

REST_COMMANDS = ("installers", "dependency-packages", "bundles", "settings", "info")
"""The commands that talk to AYON's REST API, in the order help lists them."""


def register(subparsers: Any) -> None:
    """Add ``rest`` (with every REST command under it) and a top-level ``info``."""
    _register_info(subparsers)
    group = subparsers.add_parser(
        "rest",
        help=f"REST endpoints: {', '.join(REST_COMMANDS)} (also available without 'rest'), "
        "and `call` for any operation",
        description="Commands for AYON's REST API: desktop installers, dependency packages, "
        "bundles, addon settings and server information. Each is also available at the "
        "top level: `ayon-gql rest bundles list` is `ayon-gql bundles list`. "
        "`ayon-gql rest call OPERATION_ID` calls any operation of the server's or an addon's "
        "openapi snapshot.",
    )
    commands = group.add_subparsers(dest="rest_command", metavar="COMMAND")
    _rest.register(commands)
    _register_info(commands)
    _rest_call.register(commands)
    group.set_defaults(handler=lambda args: _help(group))


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _register_info(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "info",
        help="show the server's version, the current user and the attributes",
        description="The server's version (GET /api/info), the user the credentials belong "
        "to, and the attribute configuration that shapes the typed attrib models "
        "(GET /api/attributes).",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_connection_options(parser)
    parser.set_defaults(handler=_info)


def _info(args: argparse.Namespace) -> int:
    with client_from_args(args) as client:
        info = client.rest.info()
        attributes = client.rest.attributes()
    if args.json:
        print_json(
            {
                "version": info.version,
                "user": info.user.name if info.user else None,
                "attributes": [a.model_dump(by_alias=True, mode="json") for a in attributes],
            }
        )
        return 0
    print(f"server   {info.version or '?'}")
    print(f"user     {info.user.name if info.user else '?'}")
    print(f"\n{len(attributes)} attributes")
    print_table(
        [(a.name, a.data.type, ", ".join(a.scope), "yes" if a.builtin else "") for a in attributes],
        ["name", "type", "scope", "builtin"],
    )
    return 0
