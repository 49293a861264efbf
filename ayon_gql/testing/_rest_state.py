"""Mutable REST state (installers, dependency packages with their bytes, bundles,
secrets, site root overrides, addon endpoint state) and the base the route
groups share."""

from __future__ import annotations

import contextlib
import copy
import hashlib
import os
import tempfile
import threading
from pathlib import Path

from ayon_gql.testing._dataset import Dataset, Node, ProjectData
from ayon_gql.testing._nodes import file_bytes
from ayon_gql.testing._rest_http import Response, project_not_found
from ayon_gql.testing._settings_engine import SettingsStore


class Blob:
    """File content held in memory, or in a temporary file when large."""

    def __init__(self, data: bytes | None = None, path: Path | None = None) -> None:
        self.data = data
        self.path = path

    @property
    def size(self) -> int:
        if self.path is not None:
            return self.path.stat().st_size
        return len(self.data or b"")

    def md5(self) -> str:
        h = hashlib.md5()
        if self.path is not None:
            with self.path.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
        else:
            h.update(self.data or b"")
        return h.hexdigest()

    def discard(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)
            self.path = None


class RestState:
    """Installers, dependency packages (with file bytes), bundles, secrets, site
    roots, addon endpoint state and addon settings; resettable."""

    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self.lock = threading.RLock()
        self.tmpdir = Path(tempfile.mkdtemp(prefix="ayon-standin-"))
        self.installers: dict[str, Node] = {}
        self.packages: dict[str, Node] = {}
        self.blobs: dict[tuple[str, str], Blob] = {}
        self.bundles: dict[str, Node] = {}
        #: Secrets by name (``/api/secrets``).
        self.secrets: dict[str, str] = {}
        #: Root overrides per project and site (``PUT /api/projects/{p}/roots/{site}``).
        self.site_roots: dict[str, dict[str, dict[str, str]]] = {}
        #: Addon state kept by the addons' own endpoints, by addon name.
        self.addon_state: dict[str, Node] = {}
        #: Addon settings overrides (studio, per project) of every addon served.
        self.settings = SettingsStore(dataset.addons)
        self.reset()

    def reset(self) -> None:
        """Back to the dataset's initial installers, packages and bundles."""
        with self.lock:
            for blob in self.blobs.values():
                blob.discard()
            self.blobs = {}
            self.installers = {i["filename"]: copy.deepcopy(i) for i in self._dataset.installers}
            self.packages = {p["filename"]: copy.deepcopy(p) for p in self._dataset.packages}
            for kind, table in (
                ("installers", self.installers),
                ("dependencyPackages", self.packages),
            ):
                for name, meta in table.items():
                    self.blobs[(kind, name)] = Blob(file_bytes(name, int(meta["size"])))
            self.bundles = {b["name"]: copy.deepcopy(b) for b in self._dataset.bundles}
            self.secrets = {}
            self.site_roots = {}
            self.addon_state = {}
            self.settings.reset()

    def close(self) -> None:
        with self.lock:
            for blob in self.blobs.values():
                blob.discard()
            self.blobs = {}
        with contextlib.suppress(OSError):
            os.rmdir(self.tmpdir)


class RestRoutes:
    """What every group of REST routes reads: the dataset and the mutable state."""

    dataset: Dataset
    state: RestState

    def _bundle_for(self, variant: str) -> Node | None:
        key = "isProduction" if variant == "production" else "isStaging"
        with self.state.lock:
            for b in self.state.bundles.values():
                if b.get(key):
                    return b
        return None


class ProjectWrites:
    """What the route groups that write into a project share: finding the project
    and marking it written, so ``reset()`` rebuilds it."""

    dataset: Dataset
    write_lock: threading.RLock
    touched: set[str]

    def _touch(self, name: str) -> None:
        with self.write_lock:
            self.touched.add(name)

    def _written(self, name: str) -> ProjectData | Response:
        """The project to write to (marked written), or the 404 answer."""
        project = self.dataset.project(name)
        if project is None:
            return project_not_found(name)
        self._touch(name)
        return project
