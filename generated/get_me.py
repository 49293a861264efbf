from .base_model import BaseModel
from .fragments import UserFields


class GetMe(BaseModel):
    me: "GetMeMe"


GetMeMe = UserFields
