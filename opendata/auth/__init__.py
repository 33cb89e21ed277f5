"""Who may do what. Every page, download, search and API call asks here."""
from .permissions import ALL_ACTIONS, can, is_sysadmin, listed_datasets, visible_datasets, visible_resources

__all__ = ["ALL_ACTIONS", "can", "is_sysadmin", "listed_datasets", "visible_datasets", "visible_resources"]
