import json
from functools import cached_property
from typing import Any

from .base_model import BaseModel
from .fragments import (
    FolderFields,
    FolderFieldsAttrib,  # noqa: F401
)


class GetFolderByPath(BaseModel):
    project: "GetFolderByPathProject"


class GetFolderByPathProject(BaseModel):
    folders: "GetFolderByPathProjectFolders"


class GetFolderByPathProjectFolders(BaseModel):
    edges: list["GetFolderByPathProjectFoldersEdges"]


class GetFolderByPathProjectFoldersEdges(BaseModel):
    node: "GetFolderByPathProjectFoldersEdgesNode"


class GetFolderByPathProjectFoldersEdgesNode(FolderFields):
    all_attrib: str

    @cached_property
    def all_attrib_decoded(self) -> Any:
        """``all_attrib`` (FolderNode.allAttrib) decoded from its JSON text (None stays None)."""
        return None if self.all_attrib is None else json.loads(self.all_attrib)
