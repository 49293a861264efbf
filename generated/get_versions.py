from .base_model import BaseModel
from .fragments import PageInfoFields, VersionFields


class GetVersions(BaseModel):
    project: "GetVersionsProject"


class GetVersionsProject(BaseModel):
    versions: "GetVersionsProjectVersions"


class GetVersionsProjectVersions(BaseModel):
    page_info: "GetVersionsProjectVersionsPageInfo"
    edges: list["GetVersionsProjectVersionsEdges"]


GetVersionsProjectVersionsPageInfo = PageInfoFields


class GetVersionsProjectVersionsEdges(BaseModel):
    node: "GetVersionsProjectVersionsEdgesNode"


GetVersionsProjectVersionsEdgesNode = VersionFields
