import json
from functools import cached_property
from typing import Any, Optional

from .base_model import BaseModel
from .fragments import (
    TaskFields,
    TaskFieldsAttrib,  # noqa: F401
)


class GetTask(BaseModel):
    project: "GetTaskProject"


class GetTaskProject(BaseModel):
    task: Optional["GetTaskProjectTask"]


class GetTaskProjectTask(TaskFields):
    all_attrib: str

    @cached_property
    def all_attrib_decoded(self) -> Any:
        """``all_attrib`` (TaskNode.allAttrib) decoded from its JSON text (None stays None)."""
        return None if self.all_attrib is None else json.loads(self.all_attrib)
