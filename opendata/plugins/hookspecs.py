"""Every hook a plugin may implement. The one documented list.

Built-in features (licence sets now; previews, connectors and DCAT/CKAN
output as they arrive) implement these same hooks, so a third-party plugin
installed with an ``opendata`` entry point is a peer of the built-ins.
"""
from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("opendata")


@hookspec
def opendata_licences():
    """Licences this plugin makes available to publishers.

    Called when the licence table is synchronised (``flask opendata
    licences sync``, and by ``opendata demo``). Returns a list of dicts with
    keys ``id``, ``title``, ``title_en``, ``url``, ``summary``,
    ``summary_en``, ``od_conformant`` (bool), ``is_default`` (bool,
    at most one licence across all plugins) and ``position`` (int). All
    results are collected; a later plugin may not replace an id that an
    earlier one returned (the first definition of an id wins).
    """


@hookspec
def opendata_register_commands(cli):
    """Add subcommands to ``flask opendata``.

    ``cli`` is the click group. Called once by ``create_app``. Returns
    nothing; every plugin is called.
    """
