from .base_model import BaseModel
from .fragments import PageInfoFields, ProductFields


class GetProducts(BaseModel):
    project: "GetProductsProject"


class GetProductsProject(BaseModel):
    products: "GetProductsProjectProducts"


class GetProductsProjectProducts(BaseModel):
    page_info: "GetProductsProjectProductsPageInfo"
    edges: list["GetProductsProjectProductsEdges"]


GetProductsProjectProductsPageInfo = PageInfoFields


class GetProductsProjectProductsEdges(BaseModel):
    node: "GetProductsProjectProductsEdgesNode"


GetProductsProjectProductsEdgesNode = ProductFields
