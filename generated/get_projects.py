from .base_model import BaseModel
from .fragments import PageInfoFields, ProjectSummaryFields


class GetProjects(BaseModel):
    projects: "GetProjectsProjects"


class GetProjectsProjects(BaseModel):
    page_info: "GetProjectsProjectsPageInfo"
    edges: list["GetProjectsProjectsEdges"]


GetProjectsProjectsPageInfo = PageInfoFields


class GetProjectsProjectsEdges(BaseModel):
    node: "GetProjectsProjectsEdgesNode"


GetProjectsProjectsEdgesNode = ProjectSummaryFields
