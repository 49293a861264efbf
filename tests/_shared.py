"""Where the recorded answers of a real AYON server live (the repo's sibling ``shared/``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "ayon-server"
SERVER_1_16 = SHARED / "1.16.0"
RESPONSES = SERVER_1_16 / "responses"


def require_shared() -> Path:
    """Skip the calling test when the reference data is not beside the repo."""
    if not RESPONSES.is_dir():
        pytest.skip(f"reference data not found at {SHARED}")
    return SHARED


def recording(name: str) -> dict[str, Any]:
    """One recorded exchange, by file stem (e.g. ``gql-folders-page1``)."""
    require_shared()
    data: dict[str, Any] = json.loads((RESPONSES / f"{name}.json").read_text(encoding="utf-8"))
    return data
