from .base_model import BaseModel
from .fragments import FolderFields, PageInfoFields


class GetFolders(BaseModel):
    project: "GetFoldersProject"


class GetFoldersProject(BaseModel):
    folders: "GetFoldersProjectFolders"


class GetFoldersProjectFolders(BaseModel):
    page_info: "GetFoldersProjectFoldersPageInfo"
    edges: list["GetFoldersProjectFoldersEdges"]


GetFoldersProjectFoldersPageInfo = PageInfoFields


class GetFoldersProjectFoldersEdges(BaseModel):
    node: "GetFoldersProjectFoldersEdgesNode"


GetFoldersProjectFoldersEdgesNode = FolderFields
