from .base_model import BaseModel
from .fragments import PageInfoFields, RepresentationFields


class GetRepresentations(BaseModel):
    project: "GetRepresentationsProject"


class GetRepresentationsProject(BaseModel):
    representations: "GetRepresentationsProjectRepresentations"


class GetRepresentationsProjectRepresentations(BaseModel):
    page_info: "GetRepresentationsProjectRepresentationsPageInfo"
    edges: list["GetRepresentationsProjectRepresentationsEdges"]


GetRepresentationsProjectRepresentationsPageInfo = PageInfoFields


class GetRepresentationsProjectRepresentationsEdges(BaseModel):
    node: "GetRepresentationsProjectRepresentationsEdgesNode"


GetRepresentationsProjectRepresentationsEdgesNode = RepresentationFields
