from .base_model import BaseModel
from .fragments import UserFields


class GetUser(BaseModel):
    user: "GetUserUser"


GetUserUser = UserFields
