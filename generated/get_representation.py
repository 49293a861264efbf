from typing import Optional

from .base_model import BaseModel
from .fragments import RepresentationFields


class GetRepresentation(BaseModel):
    project: "GetRepresentationProject"


class GetRepresentationProject(BaseModel):
    representation: Optional["GetRepresentationProjectRepresentation"]


GetRepresentationProjectRepresentation = RepresentationFields
