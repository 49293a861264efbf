from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Optional, Union

from .async_base_client import AsyncBaseClient
from .base_client import BaseClient
from .base_model import UNSET

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from .base_model import UnsetType
    from .get_activities import GetActivities, GetActivitiesProjectActivitiesEdgesNode
    from .get_events import GetEvents, GetEventsEventsEdgesNode
    from .get_folder import GetFolder
    from .get_folder_by_path import GetFolderByPath
    from .get_folders import GetFolders, GetFoldersProjectFoldersEdgesNode
    from .get_latest_versions_with_representations import (
        GetLatestVersionsWithRepresentations,
        GetLatestVersionsWithRepresentationsProjectVersionsEdgesNode,
    )
    from .get_links import GetLinks, GetLinksProjectLinksEdges
    from .get_me import GetMe
    from .get_product import GetProduct
    from .get_product_by_name import GetProductByName
    from .get_products import GetProducts, GetProductsProjectProductsEdgesNode
    from .get_project import GetProject
    from .get_projects import GetProjects, GetProjectsProjectsEdgesNode
    from .get_representation import GetRepresentation
    from .get_representation_by_name import GetRepresentationByName
    from .get_representations import (
        GetRepresentations,
        GetRepresentationsProjectRepresentationsEdgesNode,
    )
    from .get_task import GetTask
    from .get_task_by_name import GetTaskByName
    from .get_tasks import GetTasks, GetTasksProjectTasksEdgesNode
    from .get_user import GetUser
    from .get_users import GetUsers, GetUsersUsersEdgesNode
    from .get_version import GetVersion
    from .get_version_by_number import GetVersionByNumber
    from .get_versions import GetVersions, GetVersionsProjectVersionsEdgesNode


def gql(q: str) -> str:
    return q


_GET_ACTIVITIES_QUERY = gql("""
    query GetActivities($projectName: String!, $activityIds: [String!], $activityTypes: [String!], $entityIds: [String!], $entityNames: [String!], $entityType: String, $changedAfter: String, $changedBefore: String, $referenceTypes: [String!], $first: Int, $after: String) {
      project(name: $projectName) {
        activities(
          activityIds: $activityIds
          activityTypes: $activityTypes
          entityIds: $entityIds
          entityNames: $entityNames
          entityType: $entityType
          changedAfter: $changedAfter
          changedBefore: $changedBefore
          referenceTypes: $referenceTypes
          first: $first
          after: $after
        ) {
          pageInfo {
            ...PageInfoFields
          }
          edges {
            node {
              ...ActivityFields
            }
          }
        }
      }
    }

    fragment ActivityFields on ActivityNode {
      activityId
      activityType
      activityData
      body
      tags
      entityId
      entityType
      entityName
      referenceId
      referenceType
      createdAt
      updatedAt
      author {
        name
        attrib: allAttrib
      }
    }

    fragment PageInfoFields on PageInfo {
      hasNextPage
      endCursor
    }
    """)
_GET_EVENTS_QUERY = gql("""
    query GetEvents($topics: [String!], $projects: [String!], $users: [String!], $statuses: [String!], $ids: [String!], $newerThan: String, $olderThan: String, $first: Int, $after: String) {
      events(
        topics: $topics
        projects: $projects
        users: $users
        statuses: $statuses
        ids: $ids
        newerThan: $newerThan
        olderThan: $olderThan
        first: $first
        after: $after
      ) {
        pageInfo {
          ...PageInfoFields
        }
        edges {
          node {
            ...EventFields
          }
        }
      }
    }

    fragment EventFields on EventNode {
      id
      hash
      topic
      project
      user
      sender
      dependsOn
      status
      retries
      description
      summary
      payload
      createdAt
      updatedAt
    }

    fragment PageInfoFields on PageInfo {
      hasNextPage
      endCursor
    }
    """)
_GET_FOLDER_QUERY = gql("""
    query GetFolder($projectName: String!, $folderId: String!) {
      project(name: $projectName) {
        folder(id: $folderId) {
          ...FolderFields
          allAttrib
        }
      }
    }

    fragment FolderFields on FolderNode {
      id
      name
      label
      folderType
      path
      parentId
      active
      thumbnailId
      data
      status
      tags
      hasChildren
      childCount
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_FOLDER_BY_PATH_QUERY = gql("""
    query GetFolderByPath($projectName: String!, $path: String!) {
      project(name: $projectName) {
        folders(paths: [$path], first: 1) {
          edges {
            node {
              ...FolderFields
              allAttrib
            }
          }
        }
      }
    }

    fragment FolderFields on FolderNode {
      id
      name
      label
      folderType
      path
      parentId
      active
      thumbnailId
      data
      status
      tags
      hasChildren
      childCount
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_FOLDERS_QUERY = gql("""
    query GetFolders($projectName: String!, $ids: [String!], $parentIds: [String!], $paths: [String!], $names: [String!], $folderTypes: [String!], $statuses: [String!], $tags: [String!], $assignees: [String!], $hasChildren: Boolean, $hasProducts: Boolean, $hasTasks: Boolean, $first: Int, $after: String) {
      project(name: $projectName) {
        folders(
          ids: $ids
          parentIds: $parentIds
          paths: $paths
          names: $names
          folderTypes: $folderTypes
          statuses: $statuses
          tags: $tags
          assignees: $assignees
          hasChildren: $hasChildren
          hasProducts: $hasProducts
          hasTasks: $hasTasks
          first: $first
          after: $after
        ) {
          pageInfo {
            ...PageInfoFields
          }
          edges {
            node {
              ...FolderFields
            }
          }
        }
      }
    }

    fragment FolderFields on FolderNode {
      id
      name
      label
      folderType
      path
      parentId
      active
      thumbnailId
      data
      status
      tags
      hasChildren
      childCount
      createdAt
      updatedAt
      attrib: allAttrib
    }

    fragment PageInfoFields on PageInfo {
      hasNextPage
      endCursor
    }
    """)
_GET_LINKS_QUERY = gql("""
    query GetLinks($projectName: String!, $entityIds: [String!], $linkTypes: [String!], $first: Int = 100, $after: String) {
      project(name: $projectName) {
        links(
          entityIds: $entityIds
          linkTypes: $linkTypes
          first: $first
          after: $after
        ) {
          pageInfo {
            ...PageInfoFields
          }
          edges {
            id
            name
            linkType
            inputId
            inputType
            outputId
            outputType
            author
            data
            createdAt
          }
        }
      }
    }

    fragment PageInfoFields on PageInfo {
      hasNextPage
      endCursor
    }
    """)
_GET_PRODUCT_QUERY = gql("""
    query GetProduct($projectName: String!, $productId: String!) {
      project(name: $projectName) {
        product(id: $productId) {
          ...ProductFields
        }
      }
    }

    fragment ProductFields on ProductNode {
      id
      name
      folderId
      productType
      productBaseType
      active
      data
      status
      tags
      path
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_PRODUCT_BY_NAME_QUERY = gql("""
    query GetProductByName($projectName: String!, $folderId: String!, $productName: String!) {
      project(name: $projectName) {
        products(folderIds: [$folderId], names: [$productName], first: 1) {
          edges {
            node {
              ...ProductFields
            }
          }
        }
      }
    }

    fragment ProductFields on ProductNode {
      id
      name
      folderId
      productType
      productBaseType
      active
      data
      status
      tags
      path
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_PRODUCTS_QUERY = gql("""
    query GetProducts($projectName: String!, $ids: [String!], $folderIds: [String!], $names: [String!], $productTypes: [String!], $statuses: [String!], $tags: [String!], $first: Int, $after: String) {
      project(name: $projectName) {
        products(
          ids: $ids
          folderIds: $folderIds
          names: $names
          productTypes: $productTypes
          statuses: $statuses
          tags: $tags
          first: $first
          after: $after
        ) {
          pageInfo {
            ...PageInfoFields
          }
          edges {
            node {
              ...ProductFields
            }
          }
        }
      }
    }

    fragment PageInfoFields on PageInfo {
      hasNextPage
      endCursor
    }

    fragment ProductFields on ProductNode {
      id
      name
      folderId
      productType
      productBaseType
      active
      data
      status
      tags
      path
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_PROJECT_QUERY = gql("""
    query GetProject($projectName: String!) {
      project(name: $projectName) {
        ...ProjectFields
      }
    }

    fragment ProjectFields on ProjectNode {
      ...ProjectSummaryFields
      color
      data
      config
      attrib: allAttrib
      folderTypes(activeOnly: false) {
        name
        shortName
        icon
        color
      }
      taskTypes(activeOnly: false) {
        name
        shortName
        icon
        color
      }
      linkTypes(activeOnly: false) {
        name
        linkType
        inputType
        outputType
        style
        color
      }
      statuses {
        name
        shortName
        state
        icon
        color
        scope
      }
      tags {
        name
        color
      }
      productTypes {
        name
        icon
        color
      }
    }

    fragment ProjectSummaryFields on ProjectNode {
      name
      code
      label
      active
      library
      createdAt
      updatedAt
    }
    """)
_GET_PROJECTS_QUERY = gql("""
    query GetProjects($first: Int, $after: String) {
      projects(first: $first, after: $after) {
        pageInfo {
          ...PageInfoFields
        }
        edges {
          node {
            ...ProjectSummaryFields
          }
        }
      }
    }

    fragment PageInfoFields on PageInfo {
      hasNextPage
      endCursor
    }

    fragment ProjectSummaryFields on ProjectNode {
      name
      code
      label
      active
      library
      createdAt
      updatedAt
    }
    """)
_GET_REPRESENTATION_QUERY = gql("""
    query GetRepresentation($projectName: String!, $representationId: String!) {
      project(name: $projectName) {
        representation(id: $representationId) {
          ...RepresentationFields
        }
      }
    }

    fragment RepresentationFields on RepresentationNode {
      id
      name
      versionId
      context
      data
      traits
      active
      status
      tags
      createdAt
      updatedAt
      attrib: allAttrib
      files {
        id
        name
        path
        size
        hash
        hashType
      }
    }
    """)
_GET_REPRESENTATION_BY_NAME_QUERY = gql("""
    query GetRepresentationByName($projectName: String!, $versionId: String!, $representationName: String!) {
      project(name: $projectName) {
        representations(
          versionIds: [$versionId]
          names: [$representationName]
          first: 1
        ) {
          edges {
            node {
              ...RepresentationFields
            }
          }
        }
      }
    }

    fragment RepresentationFields on RepresentationNode {
      id
      name
      versionId
      context
      data
      traits
      active
      status
      tags
      createdAt
      updatedAt
      attrib: allAttrib
      files {
        id
        name
        path
        size
        hash
        hashType
      }
    }
    """)
_GET_REPRESENTATIONS_QUERY = gql("""
    query GetRepresentations($projectName: String!, $ids: [String!], $versionIds: [String!], $names: [String!], $statuses: [String!], $tags: [String!], $first: Int, $after: String) {
      project(name: $projectName) {
        representations(
          ids: $ids
          versionIds: $versionIds
          names: $names
          statuses: $statuses
          tags: $tags
          first: $first
          after: $after
        ) {
          pageInfo {
            ...PageInfoFields
          }
          edges {
            node {
              ...RepresentationFields
            }
          }
        }
      }
    }

    fragment PageInfoFields on PageInfo {
      hasNextPage
      endCursor
    }

    fragment RepresentationFields on RepresentationNode {
      id
      name
      versionId
      context
      data
      traits
      active
      status
      tags
      createdAt
      updatedAt
      attrib: allAttrib
      files {
        id
        name
        path
        size
        hash
        hashType
      }
    }
    """)
_GET_TASK_QUERY = gql("""
    query GetTask($projectName: String!, $taskId: String!) {
      project(name: $projectName) {
        task(id: $taskId) {
          ...TaskFields
          allAttrib
        }
      }
    }

    fragment TaskFields on TaskNode {
      id
      name
      label
      taskType
      folderId
      active
      thumbnailId
      assignees
      data
      status
      tags
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_TASK_BY_NAME_QUERY = gql("""
    query GetTaskByName($projectName: String!, $folderId: String!, $taskName: String!) {
      project(name: $projectName) {
        tasks(folderIds: [$folderId], names: [$taskName], first: 1) {
          edges {
            node {
              ...TaskFields
            }
          }
        }
      }
    }

    fragment TaskFields on TaskNode {
      id
      name
      label
      taskType
      folderId
      active
      thumbnailId
      assignees
      data
      status
      tags
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_TASKS_QUERY = gql("""
    query GetTasks($projectName: String!, $ids: [String!], $folderIds: [String!], $names: [String!], $taskTypes: [String!], $statuses: [String!], $tags: [String!], $tagsAny: [String!], $assignees: [String!], $assigneesAny: [String!], $first: Int, $after: String) {
      project(name: $projectName) {
        tasks(
          ids: $ids
          folderIds: $folderIds
          names: $names
          taskTypes: $taskTypes
          statuses: $statuses
          tags: $tags
          tagsAny: $tagsAny
          assignees: $assignees
          assigneesAny: $assigneesAny
          first: $first
          after: $after
        ) {
          pageInfo {
            ...PageInfoFields
          }
          edges {
            node {
              ...TaskFields
            }
          }
        }
      }
    }

    fragment PageInfoFields on PageInfo {
      hasNextPage
      endCursor
    }

    fragment TaskFields on TaskNode {
      id
      name
      label
      taskType
      folderId
      active
      thumbnailId
      assignees
      data
      status
      tags
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_ME_QUERY = gql("""
    query GetMe {
      me {
        ...UserFields
      }
    }

    fragment UserFields on UserNode {
      name
      active
      isAdmin
      isManager
      isService
      isGuest
      hasPassword
      accessGroups
      defaultAccessGroups
      apiKeyPreview
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_USER_QUERY = gql("""
    query GetUser($name: String!) {
      user(name: $name) {
        ...UserFields
      }
    }

    fragment UserFields on UserNode {
      name
      active
      isAdmin
      isManager
      isService
      isGuest
      hasPassword
      accessGroups
      defaultAccessGroups
      apiKeyPreview
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_USERS_QUERY = gql("""
    query GetUsers($names: [String!], $projectName: String, $first: Int, $after: String) {
      users(names: $names, projectName: $projectName, first: $first, after: $after) {
        pageInfo {
          ...PageInfoFields
        }
        edges {
          node {
            ...UserFields
          }
        }
      }
    }

    fragment PageInfoFields on PageInfo {
      hasNextPage
      endCursor
    }

    fragment UserFields on UserNode {
      name
      active
      isAdmin
      isManager
      isService
      isGuest
      hasPassword
      accessGroups
      defaultAccessGroups
      apiKeyPreview
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_VERSION_QUERY = gql("""
    query GetVersion($projectName: String!, $versionId: String!) {
      project(name: $projectName) {
        version(id: $versionId) {
          ...VersionFields
          allAttrib
        }
      }
    }

    fragment VersionFields on VersionNode {
      id
      name
      version
      productId
      taskId
      author
      active
      thumbnailId
      heroVersionId
      isLatest
      path
      data
      status
      tags
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_VERSION_BY_NUMBER_QUERY = gql("""
    query GetVersionByNumber($projectName: String!, $productId: String!, $version: Int!) {
      project(name: $projectName) {
        versions(productIds: [$productId], version: $version, first: 1) {
          edges {
            node {
              ...VersionFields
            }
          }
        }
      }
    }

    fragment VersionFields on VersionNode {
      id
      name
      version
      productId
      taskId
      author
      active
      thumbnailId
      heroVersionId
      isLatest
      path
      data
      status
      tags
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_VERSIONS_QUERY = gql("""
    query GetVersions($projectName: String!, $ids: [String!], $productIds: [String!], $taskIds: [String!], $folderIds: [String!], $versions: [Int!], $latestOnly: Boolean = false, $heroOnly: Boolean = false, $heroOrLatestOnly: Boolean = false, $statuses: [String!], $tags: [String!], $authors: [String!], $first: Int, $after: String) {
      project(name: $projectName) {
        versions(
          ids: $ids
          productIds: $productIds
          taskIds: $taskIds
          folderIds: $folderIds
          versions: $versions
          latestOnly: $latestOnly
          heroOnly: $heroOnly
          heroOrLatestOnly: $heroOrLatestOnly
          statuses: $statuses
          tags: $tags
          authors: $authors
          first: $first
          after: $after
        ) {
          pageInfo {
            ...PageInfoFields
          }
          edges {
            node {
              ...VersionFields
            }
          }
        }
      }
    }

    fragment PageInfoFields on PageInfo {
      hasNextPage
      endCursor
    }

    fragment VersionFields on VersionNode {
      id
      name
      version
      productId
      taskId
      author
      active
      thumbnailId
      heroVersionId
      isLatest
      path
      data
      status
      tags
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_LATEST_VERSIONS_WITH_REPRESENTATIONS_QUERY = gql("""
    query GetLatestVersionsWithRepresentations($projectName: String!, $productIds: [String!], $folderIds: [String!], $representationNames: [String!], $representationsFirst: Int = 100, $first: Int, $after: String) {
      project(name: $projectName) {
        versions(
          productIds: $productIds
          folderIds: $folderIds
          latestOnly: true
          first: $first
          after: $after
        ) {
          pageInfo {
            ...PageInfoFields
          }
          edges {
            node {
              ...VersionFields
              representations(names: $representationNames, first: $representationsFirst) {
                pageInfo {
                  ...PageInfoFields
                }
                edges {
                  node {
                    ...RepresentationFields
                  }
                }
              }
            }
          }
        }
      }
    }

    fragment PageInfoFields on PageInfo {
      hasNextPage
      endCursor
    }

    fragment RepresentationFields on RepresentationNode {
      id
      name
      versionId
      context
      data
      traits
      active
      status
      tags
      createdAt
      updatedAt
      attrib: allAttrib
      files {
        id
        name
        path
        size
        hash
        hashType
      }
    }

    fragment VersionFields on VersionNode {
      id
      name
      version
      productId
      taskId
      author
      active
      thumbnailId
      heroVersionId
      isLatest
      path
      data
      status
      tags
      createdAt
      updatedAt
      attrib: allAttrib
    }
    """)
_GET_LATEST_VERSIONS_WITH_REPRESENTATIONS_NESTED: tuple[dict[str, Any], ...] = (
    {'operation': 'GetLatestVersionsWithRepresentationsNestedRepresentations',
     'mode': 'after',
     'parents': ('project', 'versions', 'edges', 'node'),
     'id': 'id',
     'hidden_id': False,
     'connection': 'representations',
     'edges': 'edges',
     'edges_keys': ('edges',),
     'page_info': 'pageInfo',
     'page_infos': {'pageInfo': {'hasNextPage': 'hasNextPage', 'endCursor': 'endCursor'}},
     'hidden_page_info': False,
     'has_next_page': 'hasNextPage',
     'end_cursor': 'endCursor',
     'first': 100,
     'first_variable': 'representationsFirst',
     'variables': ('projectName', 'representationNames'),
     'head': 'query GetLatestVersionsWithRepresentationsNestedRepresentations($projectName: '
             'String! $representationNames: [String!] $nestedFirst: Int!',
     'declare': ' $nestedId__N__: String! $nestedAfter__N__: String',
     'open': ') { project(name: $projectName) {',
     'parent': ' nestedParent__N__: versions(ids: [$nestedId__N__]) { edges { node { id '
               'representations( names: $representationNames first: $nestedFirst after: '
               '$nestedAfter__N__ ) { pageInfo { ...PageInfoFields } edges { node { '
               '...RepresentationFields } } } } } }',
     'close': ' } }\n'
              '\n'
              'fragment PageInfoFields on PageInfo {\n'
              '  hasNextPage\n'
              '  endCursor\n'
              '}\n'
              '\n'
              'fragment RepresentationFields on RepresentationNode {\n'
              '  id\n'
              '  name\n'
              '  versionId\n'
              '  context\n'
              '  data\n'
              '  traits\n'
              '  active\n'
              '  status\n'
              '  tags\n'
              '  createdAt\n'
              '  updatedAt\n'
              '  attrib: allAttrib\n'
              '  files {\n'
              '    id\n'
              '    name\n'
              '    path\n'
              '    size\n'
              '    hash\n'
              '    hashType\n'
              '  }\n'
              '}',
     'owner': ('project',),
     'alias': 'nestedParent__N__',
     'first_name': 'nestedFirst',
     'id_name': 'nestedId__N__',
     'after_name': 'nestedAfter__N__'},
)


class Operations(BaseClient):
    def get_activities(
        self,
        project_name: str,
        activity_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        activity_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        entity_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        entity_names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        entity_type: Union[Optional[str], "UnsetType"] = UNSET,
        changed_after: Union[Optional[str], "UnsetType"] = UNSET,
        changed_before: Union[Optional[str], "UnsetType"] = UNSET,
        reference_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetActivities":
        from .get_activities import GetActivities

        query = _GET_ACTIVITIES_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "activityIds": activity_ids,
            "activityTypes": activity_types,
            "entityIds": entity_ids,
            "entityNames": entity_names,
            "entityType": entity_type,
            "changedAfter": changed_after,
            "changedBefore": changed_before,
            "referenceTypes": reference_types,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query, operation_name="GetActivities", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetActivities, data)

    def get_events(
        self,
        topics: Union[Optional[list[str]], "UnsetType"] = UNSET,
        projects: Union[Optional[list[str]], "UnsetType"] = UNSET,
        users: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        newer_than: Union[Optional[str], "UnsetType"] = UNSET,
        older_than: Union[Optional[str], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetEvents":
        from .get_events import GetEvents

        query = _GET_EVENTS_QUERY
        variables: dict[str, object] = {
            "topics": topics,
            "projects": projects,
            "users": users,
            "statuses": statuses,
            "ids": ids,
            "newerThan": newer_than,
            "olderThan": older_than,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query, operation_name="GetEvents", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetEvents, data)

    def get_folder(
        self, project_name: str, folder_id: str, **kwargs: Any
    ) -> "GetFolder":
        from .get_folder import GetFolder

        query = _GET_FOLDER_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "folderId": folder_id,
        }
        response = self.execute(
            query=query, operation_name="GetFolder", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetFolder, data)

    def get_folder_by_path(
        self, project_name: str, path: str, **kwargs: Any
    ) -> "GetFolderByPath":
        from .get_folder_by_path import GetFolderByPath

        query = _GET_FOLDER_BY_PATH_QUERY
        variables: dict[str, object] = {"projectName": project_name, "path": path}
        response = self.execute(
            query=query, operation_name="GetFolderByPath", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetFolderByPath, data)

    def get_folders(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        parent_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        paths: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        assignees: Union[Optional[list[str]], "UnsetType"] = UNSET,
        has_children: Union[Optional[bool], "UnsetType"] = UNSET,
        has_products: Union[Optional[bool], "UnsetType"] = UNSET,
        has_tasks: Union[Optional[bool], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetFolders":
        from .get_folders import GetFolders

        query = _GET_FOLDERS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "ids": ids,
            "parentIds": parent_ids,
            "paths": paths,
            "names": names,
            "folderTypes": folder_types,
            "statuses": statuses,
            "tags": tags,
            "assignees": assignees,
            "hasChildren": has_children,
            "hasProducts": has_products,
            "hasTasks": has_tasks,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query, operation_name="GetFolders", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetFolders, data)

    def get_links(
        self,
        project_name: str,
        entity_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        link_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetLinks":
        from .get_links import GetLinks

        query = _GET_LINKS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "entityIds": entity_ids,
            "linkTypes": link_types,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query, operation_name="GetLinks", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetLinks, data)

    def get_product(
        self, project_name: str, product_id: str, **kwargs: Any
    ) -> "GetProduct":
        from .get_product import GetProduct

        query = _GET_PRODUCT_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "productId": product_id,
        }
        response = self.execute(
            query=query, operation_name="GetProduct", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetProduct, data)

    def get_product_by_name(
        self, project_name: str, folder_id: str, product_name: str, **kwargs: Any
    ) -> "GetProductByName":
        from .get_product_by_name import GetProductByName

        query = _GET_PRODUCT_BY_NAME_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "folderId": folder_id,
            "productName": product_name,
        }
        response = self.execute(
            query=query,
            operation_name="GetProductByName",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return self._parse(GetProductByName, data)

    def get_products(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        product_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetProducts":
        from .get_products import GetProducts

        query = _GET_PRODUCTS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "ids": ids,
            "folderIds": folder_ids,
            "names": names,
            "productTypes": product_types,
            "statuses": statuses,
            "tags": tags,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query, operation_name="GetProducts", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetProducts, data)

    def get_project(self, project_name: str, **kwargs: Any) -> "GetProject":
        from .get_project import GetProject

        query = _GET_PROJECT_QUERY
        variables: dict[str, object] = {"projectName": project_name}
        response = self.execute(
            query=query, operation_name="GetProject", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetProject, data)

    def get_projects(
        self,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetProjects":
        from .get_projects import GetProjects

        query = _GET_PROJECTS_QUERY
        variables: dict[str, object] = {"first": first, "after": after}
        response = self.execute(
            query=query, operation_name="GetProjects", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetProjects, data)

    def get_representation(
        self, project_name: str, representation_id: str, **kwargs: Any
    ) -> "GetRepresentation":
        from .get_representation import GetRepresentation

        query = _GET_REPRESENTATION_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "representationId": representation_id,
        }
        response = self.execute(
            query=query,
            operation_name="GetRepresentation",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return self._parse(GetRepresentation, data)

    def get_representation_by_name(
        self,
        project_name: str,
        version_id: str,
        representation_name: str,
        **kwargs: Any,
    ) -> "GetRepresentationByName":
        from .get_representation_by_name import GetRepresentationByName

        query = _GET_REPRESENTATION_BY_NAME_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "versionId": version_id,
            "representationName": representation_name,
        }
        response = self.execute(
            query=query,
            operation_name="GetRepresentationByName",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return self._parse(GetRepresentationByName, data)

    def get_representations(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        version_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetRepresentations":
        from .get_representations import GetRepresentations

        query = _GET_REPRESENTATIONS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "ids": ids,
            "versionIds": version_ids,
            "names": names,
            "statuses": statuses,
            "tags": tags,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query,
            operation_name="GetRepresentations",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return self._parse(GetRepresentations, data)

    def get_task(self, project_name: str, task_id: str, **kwargs: Any) -> "GetTask":
        from .get_task import GetTask

        query = _GET_TASK_QUERY
        variables: dict[str, object] = {"projectName": project_name, "taskId": task_id}
        response = self.execute(
            query=query, operation_name="GetTask", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetTask, data)

    def get_task_by_name(
        self, project_name: str, folder_id: str, task_name: str, **kwargs: Any
    ) -> "GetTaskByName":
        from .get_task_by_name import GetTaskByName

        query = _GET_TASK_BY_NAME_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "folderId": folder_id,
            "taskName": task_name,
        }
        response = self.execute(
            query=query, operation_name="GetTaskByName", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetTaskByName, data)

    def get_tasks(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        task_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags_any: Union[Optional[list[str]], "UnsetType"] = UNSET,
        assignees: Union[Optional[list[str]], "UnsetType"] = UNSET,
        assignees_any: Union[Optional[list[str]], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetTasks":
        from .get_tasks import GetTasks

        query = _GET_TASKS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "ids": ids,
            "folderIds": folder_ids,
            "names": names,
            "taskTypes": task_types,
            "statuses": statuses,
            "tags": tags,
            "tagsAny": tags_any,
            "assignees": assignees,
            "assigneesAny": assignees_any,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query, operation_name="GetTasks", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetTasks, data)

    def get_me(self, **kwargs: Any) -> "GetMe":
        from .get_me import GetMe

        query = _GET_ME_QUERY
        variables: dict[str, object] = {}
        response = self.execute(
            query=query, operation_name="GetMe", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetMe, data)

    def get_user(self, name: str, **kwargs: Any) -> "GetUser":
        from .get_user import GetUser

        query = _GET_USER_QUERY
        variables: dict[str, object] = {"name": name}
        response = self.execute(
            query=query, operation_name="GetUser", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetUser, data)

    def get_users(
        self,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        project_name: Union[Optional[str], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetUsers":
        from .get_users import GetUsers

        query = _GET_USERS_QUERY
        variables: dict[str, object] = {
            "names": names,
            "projectName": project_name,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query, operation_name="GetUsers", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetUsers, data)

    def get_version(
        self, project_name: str, version_id: str, **kwargs: Any
    ) -> "GetVersion":
        from .get_version import GetVersion

        query = _GET_VERSION_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "versionId": version_id,
        }
        response = self.execute(
            query=query, operation_name="GetVersion", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetVersion, data)

    def get_version_by_number(
        self, project_name: str, product_id: str, version: int, **kwargs: Any
    ) -> "GetVersionByNumber":
        from .get_version_by_number import GetVersionByNumber

        query = _GET_VERSION_BY_NUMBER_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "productId": product_id,
            "version": version,
        }
        response = self.execute(
            query=query,
            operation_name="GetVersionByNumber",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return self._parse(GetVersionByNumber, data)

    def get_versions(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        product_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        task_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        versions: Union[Optional[list[int]], "UnsetType"] = UNSET,
        latest_only: Union[Optional[bool], "UnsetType"] = UNSET,
        hero_only: Union[Optional[bool], "UnsetType"] = UNSET,
        hero_or_latest_only: Union[Optional[bool], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        authors: Union[Optional[list[str]], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetVersions":
        from .get_versions import GetVersions

        query = _GET_VERSIONS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "ids": ids,
            "productIds": product_ids,
            "taskIds": task_ids,
            "folderIds": folder_ids,
            "versions": versions,
            "latestOnly": latest_only,
            "heroOnly": hero_only,
            "heroOrLatestOnly": hero_or_latest_only,
            "statuses": statuses,
            "tags": tags,
            "authors": authors,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query, operation_name="GetVersions", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetVersions, data)

    def get_latest_versions_with_representations(
        self,
        project_name: str,
        product_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        representation_names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        representations_first: Union[Optional[int], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        *,
        complete_nested: bool = True,
        **kwargs: Any,
    ) -> "GetLatestVersionsWithRepresentations":
        from .get_latest_versions_with_representations import (
            GetLatestVersionsWithRepresentations,
        )

        query = _GET_LATEST_VERSIONS_WITH_REPRESENTATIONS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "productIds": product_ids,
            "folderIds": folder_ids,
            "representationNames": representation_names,
            "representationsFirst": representations_first,
            "first": first,
            "after": after,
        }
        response = self.execute(
            query=query,
            operation_name="GetLatestVersionsWithRepresentations",
            variables=variables,
            nested=_GET_LATEST_VERSIONS_WITH_REPRESENTATIONS_NESTED
            if complete_nested
            else (),
            **kwargs,
        )
        data = self.get_data(response)
        return self._parse(GetLatestVersionsWithRepresentations, data)

    def iter_activities(
        self,
        project_name: str,
        activity_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        activity_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        entity_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        entity_names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        entity_type: Union[Optional[str], "UnsetType"] = UNSET,
        changed_after: Union[Optional[str], "UnsetType"] = UNSET,
        changed_before: Union[Optional[str], "UnsetType"] = UNSET,
        reference_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "Iterator[GetActivitiesProjectActivitiesEdgesNode]":
        """Every item of ``GetActivities`` across all pages, as a generator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_activities``.
        """

        def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return self.get_activities(**page_arguments, **kwargs).project.activities

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "activity_ids": activity_ids,
            "activity_types": activity_types,
            "entity_ids": entity_ids,
            "entity_names": entity_names,
            "entity_type": entity_type,
            "changed_after": changed_after,
            "changed_before": changed_before,
            "reference_types": reference_types,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetActivities", page_size=page_size
        )

    def iter_events(
        self,
        topics: Union[Optional[list[str]], "UnsetType"] = UNSET,
        projects: Union[Optional[list[str]], "UnsetType"] = UNSET,
        users: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        newer_than: Union[Optional[str], "UnsetType"] = UNSET,
        older_than: Union[Optional[str], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "Iterator[GetEventsEventsEdgesNode]":
        """Every item of ``GetEvents`` across all pages, as a generator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_events``.
        """

        def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return self.get_events(**page_arguments, **kwargs).events

        _arguments: dict[str, Any] = {
            "topics": topics,
            "projects": projects,
            "users": users,
            "statuses": statuses,
            "ids": ids,
            "newer_than": newer_than,
            "older_than": older_than,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetEvents", page_size=page_size
        )

    def iter_folders(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        parent_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        paths: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        assignees: Union[Optional[list[str]], "UnsetType"] = UNSET,
        has_children: Union[Optional[bool], "UnsetType"] = UNSET,
        has_products: Union[Optional[bool], "UnsetType"] = UNSET,
        has_tasks: Union[Optional[bool], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "Iterator[GetFoldersProjectFoldersEdgesNode]":
        """Every item of ``GetFolders`` across all pages, as a generator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_folders``.
        """

        def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return self.get_folders(**page_arguments, **kwargs).project.folders

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "ids": ids,
            "parent_ids": parent_ids,
            "paths": paths,
            "names": names,
            "folder_types": folder_types,
            "statuses": statuses,
            "tags": tags,
            "assignees": assignees,
            "has_children": has_children,
            "has_products": has_products,
            "has_tasks": has_tasks,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetFolders", page_size=page_size
        )

    def iter_latest_versions_with_representations(
        self,
        project_name: str,
        product_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        representation_names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        representations_first: Union[Optional[int], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "Iterator[GetLatestVersionsWithRepresentationsProjectVersionsEdgesNode]":
        """Every item of ``GetLatestVersionsWithRepresentations`` across all pages, as a generator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_latest_versions_with_representations``.
        """

        def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return self.get_latest_versions_with_representations(
                **page_arguments, **kwargs
            ).project.versions

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "product_ids": product_ids,
            "folder_ids": folder_ids,
            "representation_names": representation_names,
            "representations_first": representations_first,
        }
        return self._paginate(
            _fetch_page,
            _arguments,
            operation_name="GetLatestVersionsWithRepresentations",
            page_size=page_size,
        )

    def iter_links(
        self,
        project_name: str,
        entity_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        link_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "Iterator[GetLinksProjectLinksEdges]":
        """Every item of ``GetLinks`` across all pages, as a generator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_links``.
        """

        def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return self.get_links(**page_arguments, **kwargs).project.links

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "entity_ids": entity_ids,
            "link_types": link_types,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetLinks", page_size=page_size
        )

    def iter_products(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        product_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "Iterator[GetProductsProjectProductsEdgesNode]":
        """Every item of ``GetProducts`` across all pages, as a generator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_products``.
        """

        def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return self.get_products(**page_arguments, **kwargs).project.products

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "ids": ids,
            "folder_ids": folder_ids,
            "names": names,
            "product_types": product_types,
            "statuses": statuses,
            "tags": tags,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetProducts", page_size=page_size
        )

    def iter_projects(
        self, page_size: Optional[int] = None, **kwargs: Any
    ) -> "Iterator[GetProjectsProjectsEdgesNode]":
        """Every item of ``GetProjects`` across all pages, as a generator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_projects``.
        """

        def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return self.get_projects(**page_arguments, **kwargs).projects

        _arguments: dict[str, Any] = {}
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetProjects", page_size=page_size
        )

    def iter_representations(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        version_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "Iterator[GetRepresentationsProjectRepresentationsEdgesNode]":
        """Every item of ``GetRepresentations`` across all pages, as a generator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_representations``.
        """

        def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return self.get_representations(
                **page_arguments, **kwargs
            ).project.representations

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "ids": ids,
            "version_ids": version_ids,
            "names": names,
            "statuses": statuses,
            "tags": tags,
        }
        return self._paginate(
            _fetch_page,
            _arguments,
            operation_name="GetRepresentations",
            page_size=page_size,
        )

    def iter_tasks(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        task_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags_any: Union[Optional[list[str]], "UnsetType"] = UNSET,
        assignees: Union[Optional[list[str]], "UnsetType"] = UNSET,
        assignees_any: Union[Optional[list[str]], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "Iterator[GetTasksProjectTasksEdgesNode]":
        """Every item of ``GetTasks`` across all pages, as a generator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_tasks``.
        """

        def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return self.get_tasks(**page_arguments, **kwargs).project.tasks

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "ids": ids,
            "folder_ids": folder_ids,
            "names": names,
            "task_types": task_types,
            "statuses": statuses,
            "tags": tags,
            "tags_any": tags_any,
            "assignees": assignees,
            "assignees_any": assignees_any,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetTasks", page_size=page_size
        )

    def iter_users(
        self,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        project_name: Union[Optional[str], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "Iterator[GetUsersUsersEdgesNode]":
        """Every item of ``GetUsers`` across all pages, as a generator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_users``.
        """

        def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return self.get_users(**page_arguments, **kwargs).users

        _arguments: dict[str, Any] = {"names": names, "project_name": project_name}
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetUsers", page_size=page_size
        )

    def iter_versions(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        product_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        task_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        versions: Union[Optional[list[int]], "UnsetType"] = UNSET,
        latest_only: Union[Optional[bool], "UnsetType"] = UNSET,
        hero_only: Union[Optional[bool], "UnsetType"] = UNSET,
        hero_or_latest_only: Union[Optional[bool], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        authors: Union[Optional[list[str]], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "Iterator[GetVersionsProjectVersionsEdgesNode]":
        """Every item of ``GetVersions`` across all pages, as a generator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_versions``.
        """

        def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return self.get_versions(**page_arguments, **kwargs).project.versions

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "ids": ids,
            "product_ids": product_ids,
            "task_ids": task_ids,
            "folder_ids": folder_ids,
            "versions": versions,
            "latest_only": latest_only,
            "hero_only": hero_only,
            "hero_or_latest_only": hero_or_latest_only,
            "statuses": statuses,
            "tags": tags,
            "authors": authors,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetVersions", page_size=page_size
        )


class AsyncOperations(AsyncBaseClient):
    async def get_activities(
        self,
        project_name: str,
        activity_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        activity_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        entity_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        entity_names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        entity_type: Union[Optional[str], "UnsetType"] = UNSET,
        changed_after: Union[Optional[str], "UnsetType"] = UNSET,
        changed_before: Union[Optional[str], "UnsetType"] = UNSET,
        reference_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetActivities":
        from .get_activities import GetActivities

        query = _GET_ACTIVITIES_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "activityIds": activity_ids,
            "activityTypes": activity_types,
            "entityIds": entity_ids,
            "entityNames": entity_names,
            "entityType": entity_type,
            "changedAfter": changed_after,
            "changedBefore": changed_before,
            "referenceTypes": reference_types,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="GetActivities", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetActivities, data)

    async def get_events(
        self,
        topics: Union[Optional[list[str]], "UnsetType"] = UNSET,
        projects: Union[Optional[list[str]], "UnsetType"] = UNSET,
        users: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        newer_than: Union[Optional[str], "UnsetType"] = UNSET,
        older_than: Union[Optional[str], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetEvents":
        from .get_events import GetEvents

        query = _GET_EVENTS_QUERY
        variables: dict[str, object] = {
            "topics": topics,
            "projects": projects,
            "users": users,
            "statuses": statuses,
            "ids": ids,
            "newerThan": newer_than,
            "olderThan": older_than,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="GetEvents", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetEvents, data)

    async def get_folder(
        self, project_name: str, folder_id: str, **kwargs: Any
    ) -> "GetFolder":
        from .get_folder import GetFolder

        query = _GET_FOLDER_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "folderId": folder_id,
        }
        response = await self.execute(
            query=query, operation_name="GetFolder", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetFolder, data)

    async def get_folder_by_path(
        self, project_name: str, path: str, **kwargs: Any
    ) -> "GetFolderByPath":
        from .get_folder_by_path import GetFolderByPath

        query = _GET_FOLDER_BY_PATH_QUERY
        variables: dict[str, object] = {"projectName": project_name, "path": path}
        response = await self.execute(
            query=query, operation_name="GetFolderByPath", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetFolderByPath, data)

    async def get_folders(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        parent_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        paths: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        assignees: Union[Optional[list[str]], "UnsetType"] = UNSET,
        has_children: Union[Optional[bool], "UnsetType"] = UNSET,
        has_products: Union[Optional[bool], "UnsetType"] = UNSET,
        has_tasks: Union[Optional[bool], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetFolders":
        from .get_folders import GetFolders

        query = _GET_FOLDERS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "ids": ids,
            "parentIds": parent_ids,
            "paths": paths,
            "names": names,
            "folderTypes": folder_types,
            "statuses": statuses,
            "tags": tags,
            "assignees": assignees,
            "hasChildren": has_children,
            "hasProducts": has_products,
            "hasTasks": has_tasks,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="GetFolders", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetFolders, data)

    async def get_links(
        self,
        project_name: str,
        entity_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        link_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetLinks":
        from .get_links import GetLinks

        query = _GET_LINKS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "entityIds": entity_ids,
            "linkTypes": link_types,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="GetLinks", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetLinks, data)

    async def get_product(
        self, project_name: str, product_id: str, **kwargs: Any
    ) -> "GetProduct":
        from .get_product import GetProduct

        query = _GET_PRODUCT_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "productId": product_id,
        }
        response = await self.execute(
            query=query, operation_name="GetProduct", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetProduct, data)

    async def get_product_by_name(
        self, project_name: str, folder_id: str, product_name: str, **kwargs: Any
    ) -> "GetProductByName":
        from .get_product_by_name import GetProductByName

        query = _GET_PRODUCT_BY_NAME_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "folderId": folder_id,
            "productName": product_name,
        }
        response = await self.execute(
            query=query,
            operation_name="GetProductByName",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return self._parse(GetProductByName, data)

    async def get_products(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        product_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetProducts":
        from .get_products import GetProducts

        query = _GET_PRODUCTS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "ids": ids,
            "folderIds": folder_ids,
            "names": names,
            "productTypes": product_types,
            "statuses": statuses,
            "tags": tags,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="GetProducts", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetProducts, data)

    async def get_project(self, project_name: str, **kwargs: Any) -> "GetProject":
        from .get_project import GetProject

        query = _GET_PROJECT_QUERY
        variables: dict[str, object] = {"projectName": project_name}
        response = await self.execute(
            query=query, operation_name="GetProject", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetProject, data)

    async def get_projects(
        self,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetProjects":
        from .get_projects import GetProjects

        query = _GET_PROJECTS_QUERY
        variables: dict[str, object] = {"first": first, "after": after}
        response = await self.execute(
            query=query, operation_name="GetProjects", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetProjects, data)

    async def get_representation(
        self, project_name: str, representation_id: str, **kwargs: Any
    ) -> "GetRepresentation":
        from .get_representation import GetRepresentation

        query = _GET_REPRESENTATION_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "representationId": representation_id,
        }
        response = await self.execute(
            query=query,
            operation_name="GetRepresentation",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return self._parse(GetRepresentation, data)

    async def get_representation_by_name(
        self,
        project_name: str,
        version_id: str,
        representation_name: str,
        **kwargs: Any,
    ) -> "GetRepresentationByName":
        from .get_representation_by_name import GetRepresentationByName

        query = _GET_REPRESENTATION_BY_NAME_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "versionId": version_id,
            "representationName": representation_name,
        }
        response = await self.execute(
            query=query,
            operation_name="GetRepresentationByName",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return self._parse(GetRepresentationByName, data)

    async def get_representations(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        version_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetRepresentations":
        from .get_representations import GetRepresentations

        query = _GET_REPRESENTATIONS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "ids": ids,
            "versionIds": version_ids,
            "names": names,
            "statuses": statuses,
            "tags": tags,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query,
            operation_name="GetRepresentations",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return self._parse(GetRepresentations, data)

    async def get_task(
        self, project_name: str, task_id: str, **kwargs: Any
    ) -> "GetTask":
        from .get_task import GetTask

        query = _GET_TASK_QUERY
        variables: dict[str, object] = {"projectName": project_name, "taskId": task_id}
        response = await self.execute(
            query=query, operation_name="GetTask", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetTask, data)

    async def get_task_by_name(
        self, project_name: str, folder_id: str, task_name: str, **kwargs: Any
    ) -> "GetTaskByName":
        from .get_task_by_name import GetTaskByName

        query = _GET_TASK_BY_NAME_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "folderId": folder_id,
            "taskName": task_name,
        }
        response = await self.execute(
            query=query, operation_name="GetTaskByName", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetTaskByName, data)

    async def get_tasks(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        task_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags_any: Union[Optional[list[str]], "UnsetType"] = UNSET,
        assignees: Union[Optional[list[str]], "UnsetType"] = UNSET,
        assignees_any: Union[Optional[list[str]], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetTasks":
        from .get_tasks import GetTasks

        query = _GET_TASKS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "ids": ids,
            "folderIds": folder_ids,
            "names": names,
            "taskTypes": task_types,
            "statuses": statuses,
            "tags": tags,
            "tagsAny": tags_any,
            "assignees": assignees,
            "assigneesAny": assignees_any,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="GetTasks", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetTasks, data)

    async def get_me(self, **kwargs: Any) -> "GetMe":
        from .get_me import GetMe

        query = _GET_ME_QUERY
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="GetMe", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetMe, data)

    async def get_user(self, name: str, **kwargs: Any) -> "GetUser":
        from .get_user import GetUser

        query = _GET_USER_QUERY
        variables: dict[str, object] = {"name": name}
        response = await self.execute(
            query=query, operation_name="GetUser", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetUser, data)

    async def get_users(
        self,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        project_name: Union[Optional[str], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetUsers":
        from .get_users import GetUsers

        query = _GET_USERS_QUERY
        variables: dict[str, object] = {
            "names": names,
            "projectName": project_name,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="GetUsers", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetUsers, data)

    async def get_version(
        self, project_name: str, version_id: str, **kwargs: Any
    ) -> "GetVersion":
        from .get_version import GetVersion

        query = _GET_VERSION_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "versionId": version_id,
        }
        response = await self.execute(
            query=query, operation_name="GetVersion", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetVersion, data)

    async def get_version_by_number(
        self, project_name: str, product_id: str, version: int, **kwargs: Any
    ) -> "GetVersionByNumber":
        from .get_version_by_number import GetVersionByNumber

        query = _GET_VERSION_BY_NUMBER_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "productId": product_id,
            "version": version,
        }
        response = await self.execute(
            query=query,
            operation_name="GetVersionByNumber",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return self._parse(GetVersionByNumber, data)

    async def get_versions(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        product_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        task_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        versions: Union[Optional[list[int]], "UnsetType"] = UNSET,
        latest_only: Union[Optional[bool], "UnsetType"] = UNSET,
        hero_only: Union[Optional[bool], "UnsetType"] = UNSET,
        hero_or_latest_only: Union[Optional[bool], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        authors: Union[Optional[list[str]], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetVersions":
        from .get_versions import GetVersions

        query = _GET_VERSIONS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "ids": ids,
            "productIds": product_ids,
            "taskIds": task_ids,
            "folderIds": folder_ids,
            "versions": versions,
            "latestOnly": latest_only,
            "heroOnly": hero_only,
            "heroOrLatestOnly": hero_or_latest_only,
            "statuses": statuses,
            "tags": tags,
            "authors": authors,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="GetVersions", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return self._parse(GetVersions, data)

    async def get_latest_versions_with_representations(
        self,
        project_name: str,
        product_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        representation_names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        representations_first: Union[Optional[int], "UnsetType"] = UNSET,
        first: Union[Optional[int], "UnsetType"] = UNSET,
        after: Union[Optional[str], "UnsetType"] = UNSET,
        *,
        complete_nested: bool = True,
        **kwargs: Any,
    ) -> "GetLatestVersionsWithRepresentations":
        from .get_latest_versions_with_representations import (
            GetLatestVersionsWithRepresentations,
        )

        query = _GET_LATEST_VERSIONS_WITH_REPRESENTATIONS_QUERY
        variables: dict[str, object] = {
            "projectName": project_name,
            "productIds": product_ids,
            "folderIds": folder_ids,
            "representationNames": representation_names,
            "representationsFirst": representations_first,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query,
            operation_name="GetLatestVersionsWithRepresentations",
            variables=variables,
            nested=_GET_LATEST_VERSIONS_WITH_REPRESENTATIONS_NESTED
            if complete_nested
            else (),
            **kwargs,
        )
        data = self.get_data(response)
        return self._parse(GetLatestVersionsWithRepresentations, data)

    def iter_activities(
        self,
        project_name: str,
        activity_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        activity_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        entity_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        entity_names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        entity_type: Union[Optional[str], "UnsetType"] = UNSET,
        changed_after: Union[Optional[str], "UnsetType"] = UNSET,
        changed_before: Union[Optional[str], "UnsetType"] = UNSET,
        reference_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "AsyncIterator[GetActivitiesProjectActivitiesEdgesNode]":
        """Every item of ``GetActivities`` across all pages, as an async iterator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_activities``.
        """

        async def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return (
                await self.get_activities(**page_arguments, **kwargs)
            ).project.activities

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "activity_ids": activity_ids,
            "activity_types": activity_types,
            "entity_ids": entity_ids,
            "entity_names": entity_names,
            "entity_type": entity_type,
            "changed_after": changed_after,
            "changed_before": changed_before,
            "reference_types": reference_types,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetActivities", page_size=page_size
        )

    def iter_events(
        self,
        topics: Union[Optional[list[str]], "UnsetType"] = UNSET,
        projects: Union[Optional[list[str]], "UnsetType"] = UNSET,
        users: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        newer_than: Union[Optional[str], "UnsetType"] = UNSET,
        older_than: Union[Optional[str], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "AsyncIterator[GetEventsEventsEdgesNode]":
        """Every item of ``GetEvents`` across all pages, as an async iterator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_events``.
        """

        async def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return (await self.get_events(**page_arguments, **kwargs)).events

        _arguments: dict[str, Any] = {
            "topics": topics,
            "projects": projects,
            "users": users,
            "statuses": statuses,
            "ids": ids,
            "newer_than": newer_than,
            "older_than": older_than,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetEvents", page_size=page_size
        )

    def iter_folders(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        parent_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        paths: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        assignees: Union[Optional[list[str]], "UnsetType"] = UNSET,
        has_children: Union[Optional[bool], "UnsetType"] = UNSET,
        has_products: Union[Optional[bool], "UnsetType"] = UNSET,
        has_tasks: Union[Optional[bool], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "AsyncIterator[GetFoldersProjectFoldersEdgesNode]":
        """Every item of ``GetFolders`` across all pages, as an async iterator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_folders``.
        """

        async def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return (await self.get_folders(**page_arguments, **kwargs)).project.folders

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "ids": ids,
            "parent_ids": parent_ids,
            "paths": paths,
            "names": names,
            "folder_types": folder_types,
            "statuses": statuses,
            "tags": tags,
            "assignees": assignees,
            "has_children": has_children,
            "has_products": has_products,
            "has_tasks": has_tasks,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetFolders", page_size=page_size
        )

    def iter_latest_versions_with_representations(
        self,
        project_name: str,
        product_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        representation_names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        representations_first: Union[Optional[int], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "AsyncIterator[GetLatestVersionsWithRepresentationsProjectVersionsEdgesNode]":
        """Every item of ``GetLatestVersionsWithRepresentations`` across all pages, as an async iterator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_latest_versions_with_representations``.
        """

        async def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return (
                await self.get_latest_versions_with_representations(
                    **page_arguments, **kwargs
                )
            ).project.versions

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "product_ids": product_ids,
            "folder_ids": folder_ids,
            "representation_names": representation_names,
            "representations_first": representations_first,
        }
        return self._paginate(
            _fetch_page,
            _arguments,
            operation_name="GetLatestVersionsWithRepresentations",
            page_size=page_size,
        )

    def iter_links(
        self,
        project_name: str,
        entity_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        link_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "AsyncIterator[GetLinksProjectLinksEdges]":
        """Every item of ``GetLinks`` across all pages, as an async iterator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_links``.
        """

        async def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return (await self.get_links(**page_arguments, **kwargs)).project.links

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "entity_ids": entity_ids,
            "link_types": link_types,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetLinks", page_size=page_size
        )

    def iter_products(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        product_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "AsyncIterator[GetProductsProjectProductsEdgesNode]":
        """Every item of ``GetProducts`` across all pages, as an async iterator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_products``.
        """

        async def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return (
                await self.get_products(**page_arguments, **kwargs)
            ).project.products

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "ids": ids,
            "folder_ids": folder_ids,
            "names": names,
            "product_types": product_types,
            "statuses": statuses,
            "tags": tags,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetProducts", page_size=page_size
        )

    def iter_projects(
        self, page_size: Optional[int] = None, **kwargs: Any
    ) -> "AsyncIterator[GetProjectsProjectsEdgesNode]":
        """Every item of ``GetProjects`` across all pages, as an async iterator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_projects``.
        """

        async def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return (await self.get_projects(**page_arguments, **kwargs)).projects

        _arguments: dict[str, Any] = {}
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetProjects", page_size=page_size
        )

    def iter_representations(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        version_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "AsyncIterator[GetRepresentationsProjectRepresentationsEdgesNode]":
        """Every item of ``GetRepresentations`` across all pages, as an async iterator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_representations``.
        """

        async def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return (
                await self.get_representations(**page_arguments, **kwargs)
            ).project.representations

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "ids": ids,
            "version_ids": version_ids,
            "names": names,
            "statuses": statuses,
            "tags": tags,
        }
        return self._paginate(
            _fetch_page,
            _arguments,
            operation_name="GetRepresentations",
            page_size=page_size,
        )

    def iter_tasks(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        task_types: Union[Optional[list[str]], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags_any: Union[Optional[list[str]], "UnsetType"] = UNSET,
        assignees: Union[Optional[list[str]], "UnsetType"] = UNSET,
        assignees_any: Union[Optional[list[str]], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "AsyncIterator[GetTasksProjectTasksEdgesNode]":
        """Every item of ``GetTasks`` across all pages, as an async iterator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_tasks``.
        """

        async def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return (await self.get_tasks(**page_arguments, **kwargs)).project.tasks

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "ids": ids,
            "folder_ids": folder_ids,
            "names": names,
            "task_types": task_types,
            "statuses": statuses,
            "tags": tags,
            "tags_any": tags_any,
            "assignees": assignees,
            "assignees_any": assignees_any,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetTasks", page_size=page_size
        )

    def iter_users(
        self,
        names: Union[Optional[list[str]], "UnsetType"] = UNSET,
        project_name: Union[Optional[str], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "AsyncIterator[GetUsersUsersEdgesNode]":
        """Every item of ``GetUsers`` across all pages, as an async iterator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_users``.
        """

        async def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return (await self.get_users(**page_arguments, **kwargs)).users

        _arguments: dict[str, Any] = {"names": names, "project_name": project_name}
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetUsers", page_size=page_size
        )

    def iter_versions(
        self,
        project_name: str,
        ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        product_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        task_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        folder_ids: Union[Optional[list[str]], "UnsetType"] = UNSET,
        versions: Union[Optional[list[int]], "UnsetType"] = UNSET,
        latest_only: Union[Optional[bool], "UnsetType"] = UNSET,
        hero_only: Union[Optional[bool], "UnsetType"] = UNSET,
        hero_or_latest_only: Union[Optional[bool], "UnsetType"] = UNSET,
        statuses: Union[Optional[list[str]], "UnsetType"] = UNSET,
        tags: Union[Optional[list[str]], "UnsetType"] = UNSET,
        authors: Union[Optional[list[str]], "UnsetType"] = UNSET,
        page_size: Optional[int] = None,
        **kwargs: Any,
    ) -> "AsyncIterator[GetVersionsProjectVersionsEdgesNode]":
        """Every item of ``GetVersions`` across all pages, as an async iterator.

        ``page_size`` sets ``first`` for each request; the items come in the
        server's order.  Other arguments are those of ``get_versions``.
        """

        async def _fetch_page(page_arguments: dict[str, Any]) -> Any:
            return (
                await self.get_versions(**page_arguments, **kwargs)
            ).project.versions

        _arguments: dict[str, Any] = {
            "project_name": project_name,
            "ids": ids,
            "product_ids": product_ids,
            "task_ids": task_ids,
            "folder_ids": folder_ids,
            "versions": versions,
            "latest_only": latest_only,
            "hero_only": hero_only,
            "hero_or_latest_only": hero_or_latest_only,
            "statuses": statuses,
            "tags": tags,
            "authors": authors,
        }
        return self._paginate(
            _fetch_page, _arguments, operation_name="GetVersions", page_size=page_size
        )
