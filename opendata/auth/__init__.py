"""Who may do what. Every page, download, search and API call asks here."""
from .permissions import (
    ALL_ACTIONS,
    can,
    document_labels,
    is_listed,
    is_sysadmin,
    listed_datasets,
    search_labels,
    visible_datasets,
    visible_resources,
)

__all__ = [
    "ALL_ACTIONS", "can", "document_labels", "is_listed", "is_sysadmin", "listed_datasets", "search_labels",
    "visible_datasets", "visible_resources",
]
