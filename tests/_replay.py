"""Comparing a recorded session with the stand-in's answers to the same requests:
ids the real server made are learned where they appear and mapped in later
requests and comparisons."""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from typing import Any

HEX32 = re.compile(r"^[0-9a-fA-F]{32}$")


def learn_ids(recorded: Any, actual: Any, ids: dict[str, str]) -> None:
    """Map ids the real server made to those the stand-in made in the same place."""
    if isinstance(recorded, dict) and isinstance(actual, dict):
        for key, value in recorded.items():
            if key in actual:
                learn_ids(value, actual[key], ids)
    elif isinstance(recorded, list) and isinstance(actual, list):
        for one, other in zip(recorded, actual, strict=False):
            learn_ids(one, other, ids)
    elif (
        isinstance(recorded, str)
        and isinstance(actual, str)
        and recorded != actual
        and HEX32.match(recorded)
        and HEX32.match(actual)
    ):
        ids.setdefault(recorded, actual)


def mapped(text: str, ids: dict[str, str]) -> str:
    """``text`` with every learned id replaced by the stand-in's."""
    for old, new in ids.items():
        text = text.replace(old, new)
    return text


def assert_like(
    recorded: Any,
    actual: Any,
    where: str,
    ids: dict[str, str],
    *,
    volatile: Collection[str],
    by_type: tuple[str, ...],
    json_texts: Collection[str] = (),
) -> None:
    """Same keys and types everywhere; same values but for ids made by each server,
    ``volatile`` keys (not compared) and paths ending in ``by_type`` (type only).
    Keys in ``json_texts`` hold JSON text, compared by what it holds."""

    def like(rec: Any, ours: Any, at: str) -> None:
        if isinstance(rec, dict):
            assert isinstance(ours, dict), at
            assert set(ours) == set(rec), f"{at}: {sorted(set(ours) ^ set(rec))}"
            for key, value in rec.items():
                if key in volatile or key == "traceback":
                    continue
                if key in json_texts:
                    like(json.loads(value), json.loads(ours[key]), f"{at}.{key}")
                else:
                    like(value, ours[key], f"{at}.{key}")
        elif isinstance(rec, list):
            assert isinstance(ours, list) and len(ours) == len(rec), at
            for index, (one, other) in enumerate(zip(rec, ours, strict=True)):
                like(one, other, f"{at}[{index}]")
        elif isinstance(rec, str) and HEX32.match(rec):
            assert isinstance(ours, str) and ids.get(rec, rec) == ours, at
        elif at.endswith(by_type):
            assert type(ours) is type(rec), at
        else:
            assert ours == rec, f"{at}: {ours!r} != {rec!r}"

    like(recorded, actual, where)
