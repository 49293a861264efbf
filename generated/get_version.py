import json
from functools import cached_property
from typing import Any, Optional

from .base_model import BaseModel
from .fragments import (
    VersionFields,
    VersionFieldsAttrib,  # noqa: F401
)


class GetVersion(BaseModel):
    project: "GetVersionProject"


class GetVersionProject(BaseModel):
    version: Optional["GetVersionProjectVersion"]


class GetVersionProjectVersion(VersionFields):
    all_attrib: str

    @cached_property
    def all_attrib_decoded(self) -> Any:
        """``all_attrib`` (VersionNode.allAttrib) decoded from its JSON text (None stays None)."""
        return None if self.all_attrib is None else json.loads(self.all_attrib)
