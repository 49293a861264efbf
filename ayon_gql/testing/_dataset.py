"""The stand-in's dataset: users, projects (built lazily) and REST-side data.

Everything is derived from a seed, so two datasets built with the same
arguments are identical (same ids, names, timestamps and file bytes).  Nodes
are plain dicts with the camelCase keys of the GraphQL schema, so the
graphql-core default resolver can read them directly; keys starting with ``_``
are private bookkeeping and never exposed.

Projects are built lazily on first access (under a lock), so a dataset with a
large project costs nothing until that project is queried.

The attributes follow the served schema (:meth:`Dataset.use_attributes`):
attributes the stock configuration lacks get deterministic values
(see ``_custom_attributes``).
"""

from __future__ import annotations

import copy
import gc
import threading
from datetime import timedelta

from ayon_gql.testing._addon_data import demo_addon, stand_in_addons
from ayon_gql.testing._attributes import (
    AttributeTypes,
    custom_attribute_types,
    served_attributes,
)
from ayon_gql.testing._builder import Builder, ProjectData
from ayon_gql.testing._custom_attributes import fill_node, fill_project
from ayon_gql.testing._desktop_data import bundles, installers, packages
from ayon_gql.testing._nodes import (
    BASE_TIME,
    DEMO_PROJECT,
    LARGE_PROJECT,
    MEDIUM_PROJECT,
    SERVICE_USER,
    Node,
    json_text,
)
from ayon_gql.testing._productions import build_demo, build_generated
from ayon_gql.testing._project_meta import PRODUCT_TYPES, ProjectSpec, project_meta
from ayon_gql.testing._users import build_users

__all__ = [
    "DEMO_PROJECT",
    "LARGE_PROJECT",
    "MEDIUM_PROJECT",
    "PRODUCT_TYPES",
    "Dataset",
    "Node",
    "ProjectData",
    "generate_dataset",
]


class Dataset:
    """Users, projects (built lazily) and REST-side data of one stand-in server."""

    def __init__(
        self,
        *,
        seed: int = 0,
        versions: int = 16_800,
        medium_versions: int = 1_200,
        versions_per_product: tuple[int, int] = (1, 6),
        hero_share: float = 0.1,
        extra_projects: dict[str, int] | None = None,
        attributes: AttributeTypes | None = None,
    ) -> None:
        self.seed = seed
        self.versions_per_product = versions_per_product
        self.hero_share = hero_share
        self.users, self.passwords, self.api_keys = build_users(seed)
        self.users_by_name = {u["name"]: u for u in self.users}
        self.attributes = served_attributes(None)
        self._custom: AttributeTypes = {}
        self.installers = installers()
        self.packages = packages()
        self.bundles = bundles()
        self.addon = demo_addon()
        self.addons = stand_in_addons()
        specs = [
            ProjectSpec(
                DEMO_PROJECT, "demoComm", "demo", 108, BASE_TIME, "Stand-in demo project (small)"
            ),
            ProjectSpec(
                MEDIUM_PROJECT,
                "perfMed",
                "generated",
                medium_versions,
                BASE_TIME + timedelta(days=1),
                "Stand-in project (medium)",
            ),
            ProjectSpec(
                LARGE_PROJECT,
                "perfLarge",
                "generated",
                versions,
                BASE_TIME + timedelta(days=2),
                "Stand-in project (large)",
            ),
        ]
        for i, (name, count) in enumerate(sorted((extra_projects or {}).items())):
            specs.append(
                ProjectSpec(
                    name,
                    f"x{i}{name[:6]}",
                    "generated",
                    count,
                    BASE_TIME + timedelta(days=3 + i),
                    f"Extra project {name}",
                )
            )
        self._specs = {s.name: s for s in sorted(specs, key=lambda s: s.name)}
        self._meta = {name: project_meta(spec) for name, spec in self._specs.items()}
        self._projects: dict[str, ProjectData] = {}
        self._added: set[str] = set()
        #: Project bodies as they were before a REST write changed them, to restore.
        self._pristine: dict[str, tuple[ProjectSpec, tuple[Node, Node]]] = {}
        self._users_changed = False
        self._lock = threading.Lock()
        if attributes is not None:
            self.use_attributes(attributes)

    def use_attributes(self, declared: AttributeTypes) -> None:
        """Serve the attributes a schema declares (scope -> name -> AYON type).

        ``/api/attributes`` lists them, and every entity gets deterministic
        values for those the stock configuration lacks (projects already
        built included).  Calling it again with the same schema changes nothing.
        """
        with self._lock:
            self.attributes = served_attributes(declared)
            self._custom = custom_attribute_types(declared)
            for user in self.users:
                fill_node(user, "user", self._custom)
            project_names = set(declared.get("project", {}))
            for node, rest in self._meta.values():
                fill_node(node, "project", self._custom)
                rest["attrib"] = {
                    k: v for k, v in node["attrib"].items() if v is not None and k in project_names
                }
                rest["ownAttrib"] = sorted(rest["attrib"])
            for project in self._projects.values():
                fill_project(project, self._custom)

    @property
    def service_api_key(self) -> str:
        """The API key of the service user ``service``."""
        return next(k for k, v in self.api_keys.items() if v == SERVICE_USER)

    def project_names(self) -> list[str]:
        """All project names, sorted (the order the server lists them in)."""
        return list(self._specs)

    def has_project(self, name: str) -> bool:
        return name in self._specs

    def project(self, name: str) -> ProjectData | None:
        """The project called ``name`` (built on first access), or None."""
        found = self._projects.get(name)
        if found is not None:
            return found
        spec = self._specs.get(name)
        if spec is None:
            return None
        with self._lock:
            found = self._projects.get(name)
            if found is None:
                found = self._build(spec)
                self._projects[name] = found
        return found

    def project_node(self, name: str) -> Node | None:
        """The ``ProjectNode`` dict of a project, without building its entities."""
        meta = self._meta.get(name)
        return meta[0] if meta else None

    def project_rest(self, name: str) -> Node | None:
        """The REST body of ``GET /api/projects/{name}``, without building entities."""
        meta = self._meta.get(name)
        return meta[1] if meta else None

    def project_name_by_code(self, code: str) -> str | None:
        for spec in self._specs.values():
            if spec.code == code:
                return spec.name
        return None

    def add_project(self, name: str, code: str) -> None:
        """A new, empty project (``POST /api/projects``), until :meth:`discard_project`."""
        from datetime import datetime, timezone

        spec = ProjectSpec(name, code, "empty", 0, datetime.now(timezone.utc), "")
        meta = project_meta(spec)
        fill_node(meta[0], "project", self._custom)
        with self._lock:
            self._added.add(name)
            self._specs[name] = spec
            self._specs = dict(sorted(self._specs.items()))
            self._meta[name] = meta

    def discard_project(self, name: str) -> None:
        """Forget what was written to a project: it is built afresh on next access,
        and a project :meth:`add_project` created is removed."""
        with self._lock:
            self._projects.pop(name, None)
            pristine = self._pristine.pop(name, None)
            if name in self._added:
                self._added.discard(name)
                self._specs.pop(name, None)
                self._meta.pop(name, None)
            if pristine is not None:  # a built-in project changed or deleted (and redeployed)
                self._specs[name], self._meta[name] = pristine
                self._specs = dict(sorted(self._specs.items()))

    def edit_project(self, name: str) -> tuple[Node, Node] | None:
        """The ``ProjectNode`` dict and REST body of a project, to change in place;
        :meth:`discard_project` restores what they were."""
        with self._lock:
            meta = self._meta.get(name)
            if meta is not None and name not in self._added and name not in self._pristine:
                self._pristine[name] = (self._specs[name], copy.deepcopy(meta))
            return meta

    def remove_project(self, name: str) -> bool:
        """Delete a project (``DELETE /api/projects/{name}``); :meth:`discard_project`
        brings back one the dataset was built with."""
        if self.edit_project(name) is None:
            return False
        with self._lock:
            self._specs.pop(name, None)
            self._meta.pop(name, None)
            self._projects.pop(name, None)
        return True

    # ------------------------------------------------------------------ users
    def add_user(self, user: Node, password: str | None) -> None:
        """A user created through REST, until :meth:`reset_users`."""
        with self._lock:
            fill_node(user, "user", self._custom)
            self._users_changed = True
            self.users.append(user)
            self.users.sort(key=lambda u: u["name"])
            self.users_by_name[user["name"]] = user
            if password:
                self.passwords[user["name"]] = password

    def change_user(self, name: str, body: Node, when: str) -> None:
        """``PATCH /api/users/{name}``: attributes, ``active``, access groups."""
        with self._lock:
            self._users_changed = True
            user = self.users_by_name[name]
            attrib = body.get("attrib")
            if isinstance(attrib, dict):
                user["attrib"].update(attrib)
                if "_ownAttrib" in user:
                    user["_ownAttrib"] = sorted({*user["_ownAttrib"], *attrib})
                shown = {k: v for k, v in user["attrib"].items() if v is not None}
                user["allAttrib"] = json_text(shown)
            if isinstance(body.get("active"), bool):
                user["active"] = body["active"]
            groups = body.get("accessGroups")
            if isinstance(groups, dict):
                user["_accessGroups"] = groups
                user["accessGroups"] = json_text(groups)
            user["updatedAt"] = when

    def remove_user(self, name: str) -> None:
        """``DELETE /api/users/{name}``: gone from REST, GraphQL and login."""
        with self._lock:
            self._users_changed = True
            user = self.users_by_name.pop(name)
            self.users.remove(user)
            self.passwords.pop(name, None)
            for key in [k for k, v in self.api_keys.items() if v == name]:
                del self.api_keys[key]

    def reset_users(self) -> None:
        """Back to the users the dataset was built with."""
        with self._lock:
            if not self._users_changed:
                return
            self._users_changed = False
            users, passwords, api_keys = build_users(self.seed)
            for user in users:
                fill_node(user, "user", self._custom)
            self.users[:] = users
            self.users_by_name.clear()
            self.users_by_name.update({u["name"]: u for u in users})
            self.passwords.clear()
            self.passwords.update(passwords)
            self.api_keys.clear()
            self.api_keys.update(api_keys)

    def build_all(self) -> None:
        """Build every project now (instead of on first access)."""
        for name in self._specs:
            self.project(name)

    def _build(self, spec: ProjectSpec) -> ProjectData:
        # Building allocates hundreds of thousands of small dicts; the cyclic
        # collector would rescan them all repeatedly, so pause it meanwhile.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            meta = self._meta[spec.name]
            if spec.kind == "demo":
                project = build_demo(spec, self.seed, meta)
            elif spec.kind == "empty":
                project = Builder(spec, self.seed, meta).finish()
            else:
                project = build_generated(
                    spec, self.seed, meta, self.versions_per_product, self.hero_share
                )
            fill_project(project, self._custom)
            return project
        finally:
            # The dataset lives as long as the server: move it out of the
            # collector's sight, or every later collection (one per few hundred
            # allocations while a large answer is built) walks all of it again.
            gc.collect()
            gc.freeze()
            if was_enabled:
                gc.enable()


def generate_dataset(
    *,
    seed: int = 0,
    versions: int = 16_800,
    medium_versions: int = 1_200,
    versions_per_product: tuple[int, int] = (1, 6),
    hero_share: float = 0.1,
    extra_projects: dict[str, int] | None = None,
    eager: bool = False,
    attributes: AttributeTypes | None = None,
) -> Dataset:
    """Build a deterministic dataset.

    ``demo_Commercial`` always has the shape of the reference recordings;
    ``perf_Large`` has exactly ``versions`` versions and ``perf_Medium``
    ``medium_versions``.  ``extra_projects`` maps further project names to
    version counts.  With ``eager`` every project is built immediately.
    ``attributes`` (scope -> name -> AYON type, as a served schema declares
    them) replaces the stock attribute configuration; ``StandInServer`` sets
    it from the schema it serves.
    """
    ds = Dataset(
        seed=seed,
        versions=versions,
        medium_versions=medium_versions,
        versions_per_product=versions_per_product,
        hero_share=hero_share,
        extra_projects=extra_projects,
        attributes=attributes,
    )
    if eager:
        ds.build_all()
    return ds
