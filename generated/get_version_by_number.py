from .base_model import BaseModel
from .fragments import VersionFields


class GetVersionByNumber(BaseModel):
    project: "GetVersionByNumberProject"


class GetVersionByNumberProject(BaseModel):
    versions: "GetVersionByNumberProjectVersions"


class GetVersionByNumberProjectVersions(BaseModel):
    edges: list["GetVersionByNumberProjectVersionsEdges"]


class GetVersionByNumberProjectVersionsEdges(BaseModel):
    node: "GetVersionByNumberProjectVersionsEdgesNode"


GetVersionByNumberProjectVersionsEdgesNode = VersionFields
