"""The base of every generated REST model (imported when a package's models are)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

__all__ = ["ApiModel"]


class ApiModel(BaseModel):
    """Base of every generated REST model: snake_case in Python, the server's
    spelling on the wire, and fields a newer server adds kept rather than dropped."""

    # defer_build: a module of hundreds of models imports quickly; each builds on first use.
    model_config = ConfigDict(populate_by_name=True, extra="allow", defer_build=True)

    def to_payload(self) -> dict[str, Any]:
        """The JSON body: server spelling, only the fields that were set."""
        return self.model_dump(by_alias=True, exclude_unset=True, mode="json")
