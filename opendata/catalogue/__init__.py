"""Reading the public catalogue: plain functions over the models.

Blueprints and (later) the API call these; nothing here touches Flask's
request. Every function takes the viewing user and filters by permission.
"""
from .datasets import (
    get_dataset,
    get_resource,
    most_viewed_datasets,
    newest_datasets,
    record_download,
    record_view,
    site_stats,
)
from .directory import (
    default_licence,
    get_licence,
    get_organization,
    get_topic,
    licences_with_counts,
    organizations_with_counts,
    topics_with_counts,
)
from .errors import NotFound
from .listing import SORTS, DatasetFilters, FacetValue, Page, dataset_page

__all__ = [
    "DatasetFilters", "FacetValue", "NotFound", "Page", "SORTS", "dataset_page", "default_licence",
    "get_dataset", "get_licence", "get_organization", "get_resource", "get_topic",
    "licences_with_counts", "most_viewed_datasets", "newest_datasets", "organizations_with_counts",
    "record_download", "record_view", "site_stats", "topics_with_counts",
]
