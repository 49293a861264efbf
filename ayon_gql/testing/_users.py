"""The stand-in's users, their passwords and the service user's API key."""

from __future__ import annotations

import random
from datetime import timedelta

from ayon_gql.testing._nodes import (
    ADMIN_PASSWORD,
    BASE_TIME,
    DEMO_PROJECT,
    LARGE_PROJECT,
    MEDIUM_PROJECT,
    SERVICE_USER,
    Node,
    iso,
    json_text,
)


def build_users(seed: int) -> tuple[list[Node], dict[str, str], dict[str, str]]:
    """Users sorted by name, the password table and the API key table."""
    rng = random.Random(f"users:{seed}")
    projects = {DEMO_PROJECT: ["artist"], LARGE_PROJECT: ["artist"], MEDIUM_PROJECT: ["artist"]}
    people = [
        ("admin", "Ada Admin", True, False, False),
        ("alice", "Alice Archer", False, False, False),
        ("artist", "Art Ist", False, False, False),
        ("bob", "Bob Baker", False, False, False),
        ("carol", "Carol Chen", False, True, False),
        ("dave", "Dave Dunn", False, False, False),
        (SERVICE_USER, "Service account", True, False, True),
    ]
    users: list[Node] = []
    passwords: dict[str, str] = {"admin": ADMIN_PASSWORD}
    api_keys: dict[str, str] = {}
    created = iso(BASE_TIME - timedelta(days=30))
    for name, full, is_admin, is_manager, is_service in people:
        groups = {} if (is_admin or is_manager) else projects
        key = None
        if is_service:
            key = f"{rng.getrandbits(128):032x}"
            api_keys[key] = name
        elif name != "admin":
            passwords[name] = f"{name}-pass"
        users.append(
            {
                "__typename": "UserNode",
                "name": name,
                "active": True,
                "createdAt": created,
                "updatedAt": created,
                "accessGroups": json_text(groups),
                "defaultAccessGroups": [] if is_admin or is_service else ["artist"],
                "isAdmin": is_admin,
                "isManager": is_manager,
                "isService": is_service,
                "isGuest": False,
                "isDeveloper": False,
                "isStagingAllowed": is_admin,
                "inviteSentAt": None,
                "inviteAcceptedAt": None,
                "hasPassword": name in passwords,
                "disablePasswordLogin": False,
                "userPool": None,
                "apiKeyPreview": f"{key[:4]}***{key[-4:]}" if key else None,
                "deleted": False,
                "attrib": {
                    "fullName": full,
                    "email": None if is_service else f"{name}@studio.example",
                    "avatarUrl": None,
                    "developerMode": None,
                },
                "allAttrib": json_text({"fullName": full}),
                "_accessGroups": groups,
                "_apiKey": key,
            }
        )
    return users, passwords, api_keys


#: The access groups of the studio (``GET /api/accessGroups/_``).
ACCESS_GROUPS = ["artist", "freelancer", "supervisor"]


def new_user(name: str, body: Node, creator: str, when: str) -> Node:
    """A user created through ``PUT /api/users/{name}``, in the shape of :func:`build_users`."""
    attrib: Node = body["attrib"] if isinstance(body.get("attrib"), dict) else {}
    groups: Node = body["accessGroups"] if isinstance(body.get("accessGroups"), dict) else {}
    full: Node = {"fullName": None, "email": None, "avatarUrl": None, "developerMode": None}
    full.update(attrib)
    data: Node = body["data"] if isinstance(body.get("data"), dict) else {}
    return {
        "__typename": "UserNode",
        "name": name,
        "active": bool(body.get("active", True)),
        "createdAt": when,
        "updatedAt": when,
        "accessGroups": json_text(groups),
        "defaultAccessGroups": list(data.get("defaultAccessGroups") or []),
        "isAdmin": bool(data.get("isAdmin")),
        "isManager": bool(data.get("isManager")),
        "isService": False,
        "isGuest": False,
        "isDeveloper": False,
        "isStagingAllowed": False,
        "inviteSentAt": None,
        "inviteAcceptedAt": None,
        "hasPassword": bool(body.get("password")),
        "disablePasswordLogin": False,
        "userPool": None,
        "apiKeyPreview": None,
        "deleted": False,
        "attrib": full,
        "allAttrib": json_text({k: v for k, v in full.items() if v is not None}),
        "_accessGroups": groups,
        "_apiKey": None,
        "_createdBy": creator,
        "_ownAttrib": sorted(attrib),
    }
