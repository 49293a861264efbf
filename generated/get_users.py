from .base_model import BaseModel
from .fragments import PageInfoFields, UserFields


class GetUsers(BaseModel):
    users: "GetUsersUsers"


class GetUsersUsers(BaseModel):
    page_info: "GetUsersUsersPageInfo"
    edges: list["GetUsersUsersEdges"]


GetUsersUsersPageInfo = PageInfoFields


class GetUsersUsersEdges(BaseModel):
    node: "GetUsersUsersEdgesNode"


GetUsersUsersEdgesNode = UserFields
