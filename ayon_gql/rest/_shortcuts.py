"""Short helpers where one job takes several REST calls or some know-how.

* :func:`post_comment` / :func:`apost_comment`: a comment whose body mentions
  users and entities the way AYON's web app writes them
  (``@[Name](user:name)``, ``[label](version:id)``), so the server files it
  on each mentioned entity's feed too;
* :func:`site_roots` / :func:`asite_roots`: the project's roots for this
  machine: its platform, its site id (``AYON_SITE_ID``) and the site's
  overrides, in one call.

They run through the same descriptions and runner as every other call
(:mod:`ayon_gql.rest._endpoints`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import AyonError, InvalidInputError
from ayon_gql.rest._base import AsyncRunner, SyncRunner, as_object, body_json
from ayon_gql.rest._checks import check_project, check_segment
from ayon_gql.rest._endpoints import GET_PROJECT_SITE_ROOTS, POST_PROJECT_ACTIVITY, endpoint_call

if TYPE_CHECKING:
    import httpx

    from ayon_gql._client import AsyncAyonClientBase, AyonClientBase
    from ayon_gql.rest._base import Call

__all__ = ["apost_comment", "asite_roots", "mention", "post_comment", "site_roots"]

_ENTITY_TYPES = ("folder", "task", "product", "version", "representation", "workfile")
_PLATFORMS = {"win32": "windows", "cygwin": "windows", "darwin": "darwin"}


def mention(target: str, label: str | None = None, *, entity_type: str | None = None) -> str:
    """The markdown of a mention: a user (``mention("bob")``) or an entity
    (``mention(version_id, "v003", entity_type="version")``)."""
    if entity_type is None:
        check_segment(target, "user name")
        return f"@[{label or target}](user:{target})"
    if entity_type not in _ENTITY_TYPES:
        raise InvalidInputError(f"entity_type must be one of {', '.join(_ENTITY_TYPES)}")
    return f"[{label or target}]({entity_type}:{target})"


def _comment_call(
    project: str,
    entity_type: str,
    entity_id: str,
    text: str,
    users: Sequence[str],
    entities: Mapping[str, tuple[str, str]],
) -> Call[str]:
    if entity_type not in _ENTITY_TYPES:
        raise InvalidInputError(f"entity_type must be one of {', '.join(_ENTITY_TYPES)}")
    if not text.strip() and not users and not entities:
        raise InvalidInputError("a comment needs text or mentions")
    parts = [text.strip()] if text.strip() else []
    parts += [mention(user) for user in users]
    parts += [
        mention(entity_id, label, entity_type=kind) for entity_id, (kind, label) in entities.items()
    ]
    body = {"activityType": "comment", "body": " ".join(parts)}

    def created_id(response: httpx.Response, operation: str) -> str:
        answer = body_json(response, operation)
        if not isinstance(answer, dict) or not isinstance(answer.get("id"), str):
            raise AyonError("unexpected answer: no activity id", operation=operation)
        return str(answer["id"])

    return endpoint_call(
        POST_PROJECT_ACTIVITY, created_id, json=body, operation="post comment",
        project_name=check_project(project), entity_type=entity_type, entity_id=entity_id,
    )  # fmt: skip


def post_comment(
    client: AyonClientBase,
    project: str,
    entity_type: str,
    entity_id: str,
    text: str = "",
    *,
    users: Sequence[str] = (),
    entities: Mapping[str, tuple[str, str]] | None = None,
) -> str:
    """Comment on an entity, mentioning ``users`` (names) and ``entities``
    (``{id: (entity_type, label)}``); returns the new activity's id.

    The server files the comment on every mentioned entity's feed as a
    mention, and notifies the mentioned users.
    """
    call = _comment_call(project, entity_type, entity_id, text, users, entities or {})
    return SyncRunner(client.connection)._run(call)


async def apost_comment(
    client: AsyncAyonClientBase,
    project: str,
    entity_type: str,
    entity_id: str,
    text: str = "",
    *,
    users: Sequence[str] = (),
    entities: Mapping[str, tuple[str, str]] | None = None,
) -> str:
    """Asynchronous :func:`post_comment`."""
    call = _comment_call(project, entity_type, entity_id, text, users, entities or {})
    return await AsyncRunner(client.connection)._run(call)


def this_platform() -> str:
    """``windows``, ``darwin`` or ``linux``: how AYON names this machine's platform."""
    return _PLATFORMS.get(sys.platform, "linux")


def _roots_call(project: str, site_id: str | None, platform: str | None) -> Call[dict[str, Any]]:
    site = site_id if site_id is not None else os.environ.get("AYON_SITE_ID") or None
    return endpoint_call(
        GET_PROJECT_SITE_ROOTS, as_object, idempotent=True, operation="site roots",
        project_name=check_project(project), platform=platform or this_platform(),
        x_ayon_site_id=check_segment(site, "site id") if site is not None else None,
    )  # fmt: skip


def site_roots(
    client: AyonClientBase,
    project: str,
    *,
    site_id: str | None = None,
    platform: str | None = None,
) -> dict[str, str]:
    """The project's roots (``{"work": "/mnt/projects"}``) for this machine: its
    platform and its site (``site_id``, else ``AYON_SITE_ID``), the site's own
    overrides applied by the server."""
    return SyncRunner(client.connection)._run(_roots_call(project, site_id, platform))


async def asite_roots(
    client: AsyncAyonClientBase,
    project: str,
    *,
    site_id: str | None = None,
    platform: str | None = None,
) -> dict[str, str]:
    """Asynchronous :func:`site_roots`."""
    return await AsyncRunner(client.connection)._run(_roots_call(project, site_id, platform))
