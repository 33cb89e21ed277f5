"""Integrity checks of stored files (R12).

``verify_files`` re-reads every file the portal keeps (current resource
files and the earlier versions kept for history) and compares it with the
SHA-256 recorded at upload, so silent disk corruption, a restore from the
wrong backup or a file changed behind the portal's back is found.
"""
from .verify import Problem, Report, StoredItem, stored_files, verify_files

__all__ = ["Problem", "Report", "StoredItem", "stored_files", "verify_files"]
