"""The server operations the hand-written REST adapter calls, described once as data.

Each is an :class:`~ayon_gql._api_operation.ApiOperation` named by the
server's ``operationId``, the same kind of description ``ayon-gql generate``
writes for ``client.api``, and is sent the same way: :func:`endpoint_call`
fills the path and query through the one request runner
(:func:`~ayon_gql._api_operation.operation_call`, its checks and encoding)
and keeps only what the adapter adds, its friendlier answer models and
operation names.  A test holds every description here to the server's own
``openapi.json`` snapshot, so the adapter and the generated methods always
mean the same endpoint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from ayon_gql._api_operation import ApiOperation, ApiParam, operation_call

if TYPE_CHECKING:
    import httpx

    from ayon_gql.rest._base import Call

T = TypeVar("T")

_BOOL = "boolean"
_BUNDLE = ApiParam("bundle_name", "path", required=True)

GET_SITE_INFO: ApiOperation[Any] = ApiOperation(
    "get_site_info", "GET", "/api/info", params=(ApiParam("full", "query", kind=_BOOL),)
)
GET_ATTRIBUTE_LIST: ApiOperation[Any] = ApiOperation(
    "get_attribute_list", "GET", "/api/attributes"
)
LIST_ADDONS: ApiOperation[Any] = ApiOperation(
    "list_addons", "GET", "/api/addons", params=(ApiParam("details", "query", kind=_BOOL),)
)
LIST_BUNDLES: ApiOperation[Any] = ApiOperation(
    "list_bundles", "GET", "/api/bundles", params=(ApiParam("archived", "query", kind=_BOOL),)
)
CREATE_NEW_BUNDLE: ApiOperation[Any] = ApiOperation(
    "create_new_bundle", "POST", "/api/bundles", params=(ApiParam("force", "query", kind=_BOOL),)
)
CHECK_BUNDLE_COMPATIBILITY: ApiOperation[Any] = ApiOperation(
    "check_bundle_compatibility", "POST", "/api/bundles/check"
)
UPDATE_BUNDLE: ApiOperation[Any] = ApiOperation(
    "update_bundle",
    "PATCH",
    "/api/bundles/{bundle_name}",
    params=(_BUNDLE, ApiParam("force", "query", kind=_BOOL)),
)
BUNDLE_ACTIONS: ApiOperation[Any] = ApiOperation(
    "bundle_actions", "POST", "/api/bundles/{bundle_name}", params=(_BUNDLE,)
)
DELETE_EXISTING_BUNDLE: ApiOperation[Any] = ApiOperation(
    "delete_existing_bundle", "DELETE", "/api/bundles/{bundle_name}", params=(_BUNDLE,)
)

_ID = r"^[0-9a-f]{32}$"
POST_PROJECT_ACTIVITY: ApiOperation[Any] = ApiOperation(
    "post_project_activity",
    "POST",
    "/api/projects/{project_name}/{entity_type}/{entity_id}/activities",
    params=(
        ApiParam("project_name", "path", required=True),
        ApiParam("entity_type", "path", required=True),
        ApiParam("entity_id", "path", required=True, pattern=_ID),
    ),
)
GET_PROJECT_SITE_ROOTS: ApiOperation[Any] = ApiOperation(
    "get_project_site_roots",
    "GET",
    "/api/projects/{project_name}/siteRoots",
    params=(
        ApiParam("project_name", "path", required=True),
        ApiParam("platform", "query", choices=("windows", "linux", "darwin")),
        ApiParam("x-ayon-site-id", "header"),
    ),
)
#: Every description here, for the test that compares them with the server's document.
ENDPOINTS: tuple[ApiOperation[Any], ...] = (
    GET_SITE_INFO,
    GET_ATTRIBUTE_LIST,
    LIST_ADDONS,
    LIST_BUNDLES,
    CREATE_NEW_BUNDLE,
    CHECK_BUNDLE_COMPATIBILITY,
    UPDATE_BUNDLE,
    BUNDLE_ACTIONS,
    DELETE_EXISTING_BUNDLE,
    POST_PROJECT_ACTIVITY,
    GET_PROJECT_SITE_ROOTS,
)


def endpoint_call(
    endpoint: ApiOperation[Any],
    parse: Callable[[httpx.Response, str], T],
    *,
    operation: str,
    json: Any = None,
    idempotent: bool | None = None,
    **arguments: Any,
) -> Call[T]:
    """The request for ``endpoint`` (arguments by name; None means not given), read by
    ``parse`` and named ``operation`` in errors."""
    call: Call[Any] = operation_call(
        endpoint, {name: value for name, value in arguments.items() if value is not None}
    )
    call.parse = parse
    call.operation = operation
    call.json = json
    call.idempotent = idempotent
    return call
