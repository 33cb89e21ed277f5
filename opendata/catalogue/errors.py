class NotFound(LookupError):
    """The object does not exist, or the viewer may not know that it does."""
