"""Integrity checks of stored files (R12)."""
