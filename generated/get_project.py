from .base_model import BaseModel
from .fragments import ProjectFields


class GetProject(BaseModel):
    project: "GetProjectProject"


GetProjectProject = ProjectFields
