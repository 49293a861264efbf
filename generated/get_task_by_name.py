from .base_model import BaseModel
from .fragments import TaskFields


class GetTaskByName(BaseModel):
    project: "GetTaskByNameProject"


class GetTaskByNameProject(BaseModel):
    tasks: "GetTaskByNameProjectTasks"


class GetTaskByNameProjectTasks(BaseModel):
    edges: list["GetTaskByNameProjectTasksEdges"]


class GetTaskByNameProjectTasksEdges(BaseModel):
    node: "GetTaskByNameProjectTasksEdgesNode"


GetTaskByNameProjectTasksEdgesNode = TaskFields
