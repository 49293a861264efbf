"""Load a project's hierarchy and commit mixed edits: ayon-gql's ``Hierarchy``
against ayon-python-api's ``EntityHub`` doing the same work, in the same run.

Against one stand-in server in a child process that charges what AYON 1.16.0
spends (``RequestCost.ayon_1_16()``: fixed work per request, work per field
and 3 ms per operation; see ``ayon_gql/testing/_cost.py``), on a project of
the size of a large production (1,800 folders, 1,760 tasks), made first
through the write session (not measured):

1. load every folder and task of the project;
2. commit ``--edits`` mixed operations (two fifths creates: new folders
   with a task each; a fifth each of attribute, status and label changes),
   each library on its own shots.

Prints requests and seconds of each way and the ratios (ayon-python-api /
ayon-gql).

    python scripts/benchmark_hierarchy.py
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import Any

from benchmark_publish import Counter, timed

from ayon_gql import AyonClient
from ayon_gql.sync import Hierarchy
from ayon_gql.testing import RequestCost, standin_process

PROJECT = "bench_Hierarchy"
#: The shape of a large production: 1 + 19 + 1,780 folders, two tasks on 880 shots.
SEQUENCES, SHOTS_PER_SEQUENCE, SHOTS_WITH_TASKS = 19, 1780 // 19 + 1, 880


def build_project(client: AyonClient) -> None:
    """``/shots/sqNN/sqNN_shNNNN``: 1,800 folders; comp and anim tasks on 880 shots."""
    from ayon_gql_generated.write_models import FolderCreate, TaskCreate

    client.connection.request(
        "POST", "/api/projects", json={"name": PROJECT, "code": "bh"}, idempotent=False
    )
    made = 0
    with client.operations(PROJECT) as ops:
        root = ops.create(FolderCreate(name="shots", folder_type="Folder"))
        for s in range(1, SEQUENCES + 1):
            sequence = ops.create(
                FolderCreate(name=f"sq{s:02d}", folder_type="Sequence", parent_id=root)
            )
            for n in range(1, SHOTS_PER_SEQUENCE + 1):
                if made == 1780:
                    break
                made += 1
                shot = ops.create(
                    FolderCreate(
                        name=f"sq{s:02d}_sh{n:04d}", folder_type="Shot", parent_id=sequence
                    )
                )
                if made <= SHOTS_WITH_TASKS:
                    for name, kind in (("comp", "Compositing"), ("anim", "Animation")):
                        ops.create(TaskCreate(name=name, task_type=kind, folder_id=shot))


def gql_load(client: AyonClient) -> Hierarchy:
    return client.load_hierarchy(PROJECT)


def api_load(api: Any) -> Any:
    from ayon_api.entity_hub import EntityHub

    hub = EntityHub(PROJECT, connection=api)
    hub.fetch_hierarchy_entities()
    return hub


def _plan(shot_ids: list[str], edits: int) -> dict[str, list[str]]:
    """Shots to edit: beside each "new" one a folder with a task is created (two
    operations), the others get one change each; ``edits`` operations in all."""
    fifth = edits // 5
    return {
        "new": shot_ids[:fifth],
        "attrib": shot_ids[fifth : 2 * fifth],
        "status": shot_ids[2 * fifth : 3 * fifth],
        "label": shot_ids[3 * fifth : 4 * fifth],
    }


def gql_edit(tree: Hierarchy, plan: dict[str, list[str]], status: str) -> None:
    for n, shot_id in enumerate(plan["new"]):
        shot = tree.folder(shot_id)
        made = tree.create_folder(f"gql_new{n:03d}", folder_type="Shot", parent=shot.parent)
        tree.create_task(made, "comp", task_type="Compositing")
    for shot_id in plan["attrib"]:
        tree.folder(shot_id).attrib.frame_start = 995
    for shot_id in plan["status"]:
        tree.folder(shot_id).status = status
    for shot_id in plan["label"]:
        tree.folder(shot_id).label = "Edited by ayon-gql"
    tree.commit()


def api_edit(hub: Any, plan: dict[str, list[str]], status: str) -> None:
    for n, shot_id in enumerate(plan["new"]):
        shot = hub.get_folder_by_id(shot_id)
        made = hub.add_new_folder(
            name=f"api_new{n:03d}", folder_type="Shot", parent_id=shot.parent_id
        )
        hub.add_new_task(name="comp", task_type="Compositing", folder_id=made.id)
    for shot_id in plan["attrib"]:
        hub.get_folder_by_id(shot_id).attribs["frameStart"] = 995
    for shot_id in plan["status"]:
        hub.get_folder_by_id(shot_id).status = status
    for shot_id in plan["label"]:
        hub.get_folder_by_id(shot_id).label = "Edited by ayon-python-api"
    hub.commit_changes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=100, help="operations per commit")
    parser.add_argument("--no-cost", action="store_true", help="serve without the cost model")
    args = parser.parse_args(argv)
    cost = None if args.no_cost else RequestCost.ayon_1_16()
    warnings.simplefilter("ignore", DeprecationWarning)
    with standin_process(versions=100, cost=cost, timeout=600) as server:
        import ayon_api

        counter = Counter()
        client = AyonClient(server.url, api_key=server.api_key, timeout=600)
        build_project(client)
        client.connection._client().event_hooks["request"].append(counter.hook)
        api = ayon_api.ServerAPI(server.url, token=server.api_key)
        counter.watch_requests(api._session)

        tree, gql_s, gql_n = timed(counter, lambda: gql_load(client))
        hub, api_s, api_n = timed(counter, lambda: api_load(api))
        folders, tasks = len(list(tree.folders())), len(list(tree.tasks()))
        hub_count = sum(1 for e in hub.entities if e.entity_type in ("folder", "task"))
        assert hub_count == folders + tasks, (hub_count, folders, tasks)
        rows = [("load", gql_n, gql_s, api_n, api_s)]

        shots = [f.id for f in tree.folders() if f.folder_type == "Shot"]
        half = len(shots) // 2
        status = tree.statuses[-1]
        edits = args.edits
        ours, theirs = _plan(shots[:half], edits), _plan(shots[half:], edits)
        _, gql_s, gql_n = timed(counter, lambda: gql_edit(tree, ours, status))
        _, api_s, api_n = timed(counter, lambda: api_edit(hub, theirs, status))
        rows.append((f"commit of {edits} mixed edits", gql_n, gql_s, api_n, api_s))
        check = client.load_hierarchy(PROJECT)
        assert check.folder(ours["attrib"][0]).attrib.frame_start == 995
        assert check.folder(theirs["attrib"][0]).attrib.frame_start == 995
        client.close()

    model = "none" if cost is None else "ayon-1.16"
    print(f"stand-in: cost model {model}; {PROJECT}: {folders} folders, {tasks} tasks")
    print(f"{'':32} {'ayon-gql':>20} {'ayon-python-api':>22} {'ratio':>7}")
    for label, n_ours, s_ours, n_theirs, s_theirs in rows:
        print(
            f"{label:32} {n_ours:>5} requests {s_ours:6.2f} s "
            f"{n_theirs:>5} requests {s_theirs:8.2f} s {s_theirs / s_ours:6.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
