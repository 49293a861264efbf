from .base_model import BaseModel
from .fragments import RepresentationFields


class GetRepresentationByName(BaseModel):
    project: "GetRepresentationByNameProject"


class GetRepresentationByNameProject(BaseModel):
    representations: "GetRepresentationByNameProjectRepresentations"


class GetRepresentationByNameProjectRepresentations(BaseModel):
    edges: list["GetRepresentationByNameProjectRepresentationsEdges"]


class GetRepresentationByNameProjectRepresentationsEdges(BaseModel):
    node: "GetRepresentationByNameProjectRepresentationsEdgesNode"


GetRepresentationByNameProjectRepresentationsEdgesNode = RepresentationFields
