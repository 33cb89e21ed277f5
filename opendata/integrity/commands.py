"""flask opendata subcommands of this capability."""


def register(group) -> None:
    """Add this capability's subcommands to ``flask opendata``."""
