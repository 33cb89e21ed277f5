"""The agency officers' pages: their workspace, dataset forms, resources, history.

HTTP only: each view reads the form, calls :mod:`opendata.publishing` and
renders. URLs follow CKAN's (``/dataset/new``, ``/dataset/edit/<name>``,
``/dataset/activity/<name>``) so people who know CKAN find their way.
"""
from . import datasets, resources  # noqa: F401  (their routes register on bp)
from .common import bp

__all__ = ["bp"]
