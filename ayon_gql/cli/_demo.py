"""``ayon-gql demo``: a short tour of the generated client.

Without ``--url`` it starts the embedded stand-in server on loopback, so the
tour runs on a fresh machine with nothing else set up.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING, Any, cast

from ayon_gql.cli._common import add_connection_options

if TYPE_CHECKING:
    from ayon_gql import AyonClient


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="tour the typed client: folder tree, latest versions, recent comments",
        description="Prints a project's folder tree, its latest versions with their "
        "representations and its most recent comments, using the generated client. "
        "Starts the embedded stand-in server unless --url (or $AYON_SERVER_URL with "
        "--use-env) points at a real one.",
    )
    add_connection_options(parser)
    parser.add_argument("--project", default="demo_Commercial", help="project name")
    parser.add_argument(
        "--use-env", action="store_true", help="connect with AYON_SERVER_URL/AYON_API_KEY"
    )
    parser.set_defaults(handler=_demo)


@contextlib.contextmanager
def _client(args: argparse.Namespace) -> Iterator[AyonClient]:
    from ayon_gql import AyonClient

    if args.url or args.use_env:
        with AyonClient(args.url, api_key=args.api_key, timeout=args.timeout) as client:
            yield client
        return
    from ayon_gql.testing import StandInServer

    with StandInServer() as server:
        print(f"(embedded stand-in server at {server.url})\n")
        with AyonClient(server.url, api_key=server.api_key) as client:
            yield client


def _demo(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    with _client(args) as client:
        project = client.get_project(args.project).project
        print(
            f"Project {project.name} ({project.code}), {project.attrib.fps} fps, "
            f"{len(project.folder_types)} folder types, {len(project.statuses)} statuses"
        )

        print("\nFolder tree")
        folders = list(client.iter_folders(args.project))
        children: dict[str | None, list[Any]] = {}
        for folder in folders:
            children.setdefault(folder.parent_id, []).append(folder)

        def show(parent: str | None, depth: int) -> None:
            for folder in sorted(children.get(parent, []), key=lambda f: f.name):
                print(f"  {'  ' * depth}{folder.name}  [{folder.folder_type}, {folder.status}]")
                show(folder.id, depth + 1)

        show(None, 0)

        print("\nLatest versions with representations")
        latest = cast(
            "Generator[Any, None, None]",
            client.iter_latest_versions_with_representations(args.project, page_size=8),
        )
        # Closed before the next call: stopping early drops the page read ahead,
        # and its request ends here rather than when the client shuts down.
        with contextlib.closing(latest):
            for shown, version in enumerate(latest, start=1):
                names = ", ".join(edge.node.name for edge in version.representations.edges)
                print(
                    f"  {version.path or version.name}  by {version.author}  "
                    f"{version.created_at:%Y-%m-%d %H:%M}  [{names}]"
                )
                if shown == 8:
                    break

        print("\nRecent comments")
        comments = list(client.iter_activities(args.project, activity_types=["comment"]))
        comments.sort(key=lambda activity: activity.created_at, reverse=True)
        for activity in comments[:5]:
            author = activity.author.name if activity.author else "?"
            print(
                f"  {activity.created_at:%Y-%m-%d %H:%M}  {author} on "
                f"{activity.entity_type} {activity.entity_name or activity.entity_id}: "
                f"{activity.body[:60]}"
            )
    print(f"\n{len(folders)} folders, done in {time.perf_counter() - started:.2f}s")
    return 0
