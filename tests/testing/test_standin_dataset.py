"""The generated dataset: deterministic, sized as asked, consistent."""

from __future__ import annotations

import time

from ayon_gql.testing import DEMO_PROJECT, generate_dataset


def _fingerprint(name: str, seed: int, versions: int) -> list[tuple[str, str, str]]:
    project = generate_dataset(seed=seed, versions=versions).project(name)
    assert project is not None
    return [(v["id"], v["path"], v["createdAt"]) for v in project.versions]


def test_deterministic() -> None:
    assert _fingerprint(DEMO_PROJECT, 0, 500) == _fingerprint(DEMO_PROJECT, 0, 500)
    assert _fingerprint("perf_Large", 3, 500) == _fingerprint("perf_Large", 3, 500)
    assert _fingerprint("perf_Large", 3, 500) != _fingerprint("perf_Large", 4, 500)


def test_demo_project_has_recorded_sizes() -> None:
    p = generate_dataset().project(DEMO_PROJECT)
    assert p is not None
    sizes = (len(p.folders), len(p.tasks), len(p.products), len(p.versions), len(p.representations))
    assert sizes == (21, 31, 43, 108, 202)


def test_consistency() -> None:
    p = generate_dataset(versions=3_000).project("perf_Large")
    assert p is not None
    assert len(p.versions) == 3_000
    for v in p.versions:
        assert len(v["id"]) == 32 and int(v["id"], 16) >= 0
        assert p.by_id[v["productId"]]["__typename"] == "ProductNode"
        if v["taskId"]:
            assert p.by_id[v["taskId"]]["__typename"] == "TaskNode"
    for product in p.products:
        versions = p.versions_by_product[product["id"]]
        assert sum(1 for v in versions if v["isLatest"]) == 1
    for f in p.folders:
        assert f["path"].startswith("/")
        if f["parentId"]:
            assert f["path"].startswith(p.by_id[f["parentId"]]["path"] + "/")


def test_build_50k_versions() -> None:
    ds = generate_dataset(versions=50_000)
    started = time.perf_counter()
    project = ds.project("perf_Large")
    elapsed = time.perf_counter() - started
    assert project is not None and len(project.versions) == 50_000
    print(f"built 50,000 versions in {elapsed:.2f}s")  # informative only, no threshold


def test_projects_are_lazy() -> None:
    ds = generate_dataset(versions=100_000)
    assert ds.project_node("perf_Large") is not None
    assert "perf_Large" not in ds._projects
