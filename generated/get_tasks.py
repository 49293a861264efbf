from .base_model import BaseModel
from .fragments import PageInfoFields, TaskFields


class GetTasks(BaseModel):
    project: "GetTasksProject"


class GetTasksProject(BaseModel):
    tasks: "GetTasksProjectTasks"


class GetTasksProjectTasks(BaseModel):
    page_info: "GetTasksProjectTasksPageInfo"
    edges: list["GetTasksProjectTasksEdges"]


GetTasksProjectTasksPageInfo = PageInfoFields


class GetTasksProjectTasksEdges(BaseModel):
    node: "GetTasksProjectTasksEdgesNode"


GetTasksProjectTasksEdgesNode = TaskFields
