"""The productions the stand-in serves: the small demo project and generated ones."""

from __future__ import annotations

import random

from ayon_gql.testing._builder import Builder, ProjectData, publish
from ayon_gql.testing._nodes import ARTISTS, STATUSES, Node
from ayon_gql.testing._project_meta import ProjectSpec

_REPR_BY_TYPE = {
    "model": ["abc", "ma"],
    "look": ["ma", "json"],
    "rig": ["ma"],
    "animation": ["abc", "ma"],
    "layout": ["ma", "usd"],
    "render": ["exr", "jpg", "mov"],
    "plate": ["exr"],
    "review": ["mp4", "jpg"],
    "workfile": ["ma"],
}


def build_demo(spec: ProjectSpec, seed: int, meta: tuple[Node, Node]) -> ProjectData:
    """The small project: same shape and sizes as the reference recordings.

    21 folders in 3 levels, 31 tasks, 43 products, 108 versions and 202
    representations, plus activities and links.
    """
    b = Builder(spec, seed, meta)
    assets = b.folder(None, "assets", "Folder", label="Assets")
    groups = {
        "characters": (["hero", "villain", "sidekick"], ["model", "look", "rig"]),
        "props": (["sword", "shield", "lamp"], ["model", "look"]),
        "environments": (["city", "forest"], ["model", "look"]),
    }
    asset_folders: list[tuple[Node, list[str]]] = []
    for gname, (names, types) in groups.items():
        g = b.folder(
            assets,
            gname,
            "Folder",
            label=gname.capitalize(),
            status=b.rng.choice(["Not ready", "In progress"]),
        )
        for name in names:
            f = b.folder(g, name, "Asset", status=b.rng.choice(STATUSES[:5]))
            asset_folders.append((f, types))
    shots_root = b.folder(None, "shots", "Folder", label="Shots")
    shot_folders: list[Node] = []
    for sq in ("sq010", "sq020"):
        s = b.folder(shots_root, sq, "Sequence", status=b.rng.choice(STATUSES[:5]))
        for sh in ("sh0010", "sh0020", "sh0030"):
            length = b.rng.randint(40, 240)
            shot_folders.append(
                b.folder(
                    s,
                    f"{sq}_{sh}",
                    "Shot",
                    status=b.rng.choice(STATUSES[:5]),
                    frames=(1001, 1001 + length),
                )
            )
    task_of: dict[tuple[str, str], Node] = {}
    type_task = {
        "model": ("modeling", "Modeling"),
        "look": ("lookdev", "Lookdev"),
        "rig": ("rigging", "Rigging"),
    }
    for folder, types in asset_folders:
        for t in types:
            tname, ttype = type_task[t]
            assignees = b.rng.sample(ARTISTS, b.rng.randint(1, 2))
            task_of[(folder["id"], t)] = b.task(
                folder,
                tname,
                ttype,
                assignees,
                status=b.rng.choice(STATUSES),
                tags=["important"] if b.rng.random() < 0.3 else [],
            )
    for folder in shot_folders:
        for tname, ttype in (("animation", "Animation"), ("compositing", "Compositing")):
            task_of[(folder["id"], tname)] = b.task(
                folder,
                tname,
                ttype,
                b.rng.sample(ARTISTS, b.rng.randint(1, 2)),
                status=b.rng.choice(STATUSES),
            )
    # products: 19 asset products + 24 shot products = 43
    plan: list[tuple[Node, Node | None, list[str], tuple[int, int] | None, bool]] = []
    for folder, types in asset_folders:
        for t in types:
            pr = b.product(folder, f"{t}Main", t, status="Not ready")
            task = task_of[(folder["id"], t)]
            plan.append((pr, task, _REPR_BY_TYPE[t], None, False))
    for folder in shot_folders:
        frames = (folder["attrib"]["frameStart"], folder["attrib"]["frameEnd"])
        for t, tname in (
            ("animation", "animation"),
            ("layout", "animation"),
            ("render", "compositing"),
            ("review", "compositing"),
        ):
            pr = b.product(folder, f"{t}Main", t, status=b.rng.choice(["Not ready", "Approved"]))
            plan.append(
                (pr, task_of[(folder["id"], tname)], _REPR_BY_TYPE[t], frames, t == "render")
            )
    # version counts: fixed start (as recorded), the rest drawn then fitted to 108 versions
    counts = [1, 4, 1] + [b.rng.randint(1, 4) for _ in plan[3:]]
    hero_count = sum(1 for item in plan if item[4])
    _fit(counts, 108 - hero_count, b.rng, lo=1, hi=6, frozen=3)
    made: list[Node] = []
    for (prod, ptask, reps, pframes, hero), count in zip(plan, counts, strict=True):
        assignees = ptask["assignees"] if ptask else ARTISTS
        made += publish(b, prod, count, ptask, assignees, frames=pframes, reps=reps, hero=hero)
    _fit_representations(b, 202)
    _demo_links(b, shot_folders, asset_folders)
    return b.finish()


def _fit(
    counts: list[int], total: int, rng: random.Random, *, lo: int, hi: int, frozen: int = 0
) -> None:
    """Adjust ``counts`` in place (keeping the first ``frozen``) so they sum to ``total``."""
    idx = list(range(frozen, len(counts)))
    if not idx:
        return
    while sum(counts) > total:
        i = rng.choice(idx)
        if counts[i] > lo:
            counts[i] -= 1
    while sum(counts) < total:
        i = rng.choice(idx)
        if counts[i] < hi:
            counts[i] += 1


def _fit_representations(b: Builder, total: int) -> None:
    """Drop trailing extra representations until the project has exactly ``total``."""
    p = b.p
    i = len(p.versions) - 1
    while len(p.representations) > total and i >= 0:
        v = p.versions[i]
        reps = p.reps_by_version[v["id"]]
        if len(reps) > 1:
            victim = reps.pop()
            p.representations.remove(victim)
            del p.by_id[victim["id"]]
        i -= 1
    # renumber so cursors stay dense and in creation order
    for n, rep in enumerate(p.representations, start=1):
        rep["_order"] = n


def _demo_links(b: Builder, shots: list[Node], assets: list[tuple[Node, list[str]]]) -> None:
    p = b.p
    rigs = [
        v
        for f, _ in assets
        for pr in p.products_by_folder.get(f["id"], [])
        if pr["productType"] == "rig"
        for v in p.versions_by_product[pr["id"]]
        if v["isLatest"] or v is p.versions_by_product[pr["id"]][-1]
    ]
    asset_nodes = [f for f, _ in assets]
    for shot in shots:
        for asset in b.rng.sample(asset_nodes, 2):
            b.link("breakdown", asset, shot, "admin")
        for pr in p.products_by_folder.get(shot["id"], []):
            if pr["productType"] != "animation":
                continue
            for v in p.versions_by_product[pr["id"]]:
                if rigs:
                    b.link("generative", b.rng.choice(rigs[1:] or rigs), v, v["author"])


def build_generated(
    spec: ProjectSpec,
    seed: int,
    meta: tuple[Node, Node],
    versions_per_product: tuple[int, int],
    hero_share: float,
) -> ProjectData:
    """A production of ``spec.versions`` versions: assets plus episodes/sequences/shots."""
    b = Builder(spec, seed, meta)
    lo, hi = versions_per_product
    avg = (lo + hi) / 2
    products_needed = max(4, round(spec.versions / avg))
    asset_products = max(3, products_needed // 5)
    n_assets = max(1, asset_products // 3)
    n_shots = max(1, -(-(products_needed - n_assets * 3) // 4))
    assets_root = b.folder(None, "assets", "Folder", label="Assets")
    kinds = ["characters", "props", "environments", "vehicles"]
    groups = {k: b.folder(assets_root, k, "Folder", label=k.capitalize()) for k in kinds}
    plan: list[tuple[Node, Node | None, list[str], tuple[int, int] | None, bool]] = []
    for i in range(n_assets):
        kind = kinds[i % len(kinds)]
        f = b.folder(groups[kind], f"{kind[:-1]}{i:04d}", "Asset", status=b.rng.choice(STATUSES))
        for t, tname, ttype in (
            ("model", "modeling", "Modeling"),
            ("look", "lookdev", "Lookdev"),
            ("rig", "rigging", "Rigging"),
        ):
            task = b.task(
                f,
                tname,
                ttype,
                b.rng.sample(ARTISTS, b.rng.randint(1, 2)),
                status=b.rng.choice(STATUSES),
            )
            pr = b.product(f, f"{t}Main", t, status="Not ready")
            plan.append((pr, task, _REPR_BY_TYPE[t][:2], None, b.rng.random() < hero_share))
    episodes = b.folder(None, "episodes", "Folder", label="Episodes")
    per_seq, per_ep = 20, 5
    made_shots = 0
    ep_i = 0
    while made_shots < n_shots:
        ep_i += 1
        ep = b.folder(episodes, f"ep{ep_i:02d}", "Episode", status=b.rng.choice(STATUSES))
        for sq_i in range(1, per_ep + 1):
            if made_shots >= n_shots:
                break
            sq = b.folder(
                ep, f"ep{ep_i:02d}_sq{sq_i * 10:03d}", "Sequence", status=b.rng.choice(STATUSES)
            )
            for sh_i in range(1, per_seq + 1):
                if made_shots >= n_shots:
                    break
                made_shots += 1
                length = b.rng.randint(24, 300)
                frames = (1001, 1001 + length)
                shot = b.folder(
                    sq,
                    f"{sq['name']}_sh{sh_i * 10:04d}",
                    "Shot",
                    status=b.rng.choice(STATUSES),
                    frames=frames,
                    tags=["for reel"] if b.rng.random() < 0.1 else None,
                )
                anim = b.task(
                    shot,
                    "animation",
                    "Animation",
                    b.rng.sample(ARTISTS, 1),
                    status=b.rng.choice(STATUSES),
                )
                comp = b.task(
                    shot,
                    "compositing",
                    "Compositing",
                    b.rng.sample(ARTISTS, 1),
                    status=b.rng.choice(STATUSES),
                )
                for t, task in (
                    ("animation", anim),
                    ("layout", anim),
                    ("render", comp),
                    ("review", comp),
                ):
                    pr = b.product(shot, f"{t}Main", t, status="Not ready")
                    plan.append(
                        (
                            pr,
                            task,
                            _REPR_BY_TYPE[t][:2],
                            frames,
                            t == "render" and b.rng.random() < hero_share * 2,
                        )
                    )
    heroes = sum(1 for item in plan if item[4])
    counts = [b.rng.randint(lo, hi) for _ in plan]
    _fit(counts, max(len(plan) * lo, spec.versions - heroes), b.rng, lo=lo, hi=hi)
    if sum(counts) + heroes > spec.versions:
        # tiny targets: trim whole products from the end
        while plan and sum(counts) + heroes > spec.versions:
            dropped = plan.pop()
            heroes -= 1 if dropped[4] else 0
            counts.pop()
    for (prod, ptask, reps, pframes, hero), count in zip(plan, counts, strict=True):
        authors = ptask["assignees"] if ptask else ARTISTS
        publish(
            b, prod, count, ptask, authors, frames=pframes, reps=reps, hero=hero, watchers=False
        )
    return b.finish()
