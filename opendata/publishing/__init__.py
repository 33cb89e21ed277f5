"""Agencies publishing and maintaining their datasets (R2-R5, R11-R14).

Plain functions, one per user action; the HTML forms, the XLSX bulk import
and the API call the same ones.
"""
from .datasets import (
    create_dataset,
    delete_dataset,
    publication_problems,
    publish_dataset,
    set_private,
    update_dataset,
    withdraw_dataset,
)
from .errors import ConflictError, PermissionDenied, PublicationBlocked, PublishingError, ValidationError
from .resources import UploadResult, add_file, add_link, delete_resource, release_resource, replace_file, update_resource
from .transaction import one_transaction

__all__ = [
    "ConflictError", "PermissionDenied", "PublicationBlocked", "PublishingError", "UploadResult", "ValidationError",
    "add_file", "add_link", "create_dataset", "delete_dataset", "delete_resource", "one_transaction",
    "publication_problems", "publish_dataset", "release_resource", "replace_file", "set_private", "update_dataset",
    "update_resource", "withdraw_dataset",
]
