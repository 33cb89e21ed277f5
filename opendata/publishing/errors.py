"""What can go wrong when publishing, in terms a form or an API can show."""
from __future__ import annotations


class PublishingError(Exception):
    """Base class: the change was refused and nothing was saved."""


class PermissionDenied(PublishingError):
    pass


class ValidationError(PublishingError):
    """Field -> list of (lazily translated) messages; "" is for the whole object."""

    def __init__(self, errors: dict[str, list]):
        super().__init__("; ".join(f"{k}: {', '.join(str(m) for m in v)}" for k, v in errors.items()))
        self.errors = errors


class ConflictError(PublishingError):
    """Someone else saved the dataset after this user loaded it (optimistic locking)."""


class PublicationBlocked(PublishingError):
    """The safety gate found personal data or secret markings; the review holds the findings."""

    def __init__(self, review):
        super().__init__("publication blocked by the safety gate")
        self.review = review
