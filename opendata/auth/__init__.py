"""Who may do what. Every page, download, search and API call asks here."""
from .permissions import can, listed_datasets, visible_datasets

__all__ = ["can", "listed_datasets", "visible_datasets"]
