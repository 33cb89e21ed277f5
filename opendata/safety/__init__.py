"""The pre-publication safety gate: personal data (R11) and state secrets (R14).

Publishing calls :func:`review_dataset` before data goes public; a review
with blocking findings keeps it back until the data is fixed or a system
administrator overrides it with a written reason (:func:`override_review`).
The rules are in ``rules``; reading files in ``files``; storing and deciding
in ``reviews``. Nothing here touches the request.
"""
from .findings import FIELD_LABELS, MAX_PER_RULE, MESSAGES, Finding, blocking_count, findings_of
from .reviews import (
    MIN_REASON, FlaggedDataset, OverrideForbidden, OverrideRefused, current_reviews, flagged_dataset_ids,
    flagged_datasets, get_review, latest_review, override_review, rescan, review_dataset,
)
from .rules import BLOCK, NOTICE
from .scan import METADATA_FIELDS, scan_dataset, scan_resource

__all__ = [
    "BLOCK", "FIELD_LABELS", "MAX_PER_RULE", "MESSAGES", "METADATA_FIELDS", "MIN_REASON", "NOTICE", "Finding",
    "FlaggedDataset", "OverrideForbidden", "blocking_count", "OverrideRefused", "current_reviews", "findings_of",
    "flagged_dataset_ids", "flagged_datasets", "get_review", "latest_review", "override_review", "rescan", "review_dataset",
    "scan_dataset", "scan_resource",
]
