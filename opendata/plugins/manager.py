"""Builds the app's plugin manager: built-ins first, then installed packages."""
from __future__ import annotations

import importlib

import pluggy

from . import hookspecs

hookimpl = pluggy.HookimplMarker("opendata")

# Built-in plugins, registered under these names before entry points load;
# an operator can switch any of them off with OPENDATA_PLUGINS_DISABLED.
BUILTIN_PLUGINS = {
    "licences": "opendata.plugins.licences",
}


def make_plugin_manager(disabled=()) -> pluggy.PluginManager:
    pm = pluggy.PluginManager("opendata")
    pm.add_hookspecs(hookspecs)
    for name in disabled:
        pm.set_blocked(name)
    for name, module in BUILTIN_PLUGINS.items():
        if not pm.is_blocked(name):
            pm.register(importlib.import_module(module), name=name)
    pm.load_setuptools_entrypoints("opendata")
    pm.check_pending()  # a misspelled hook name fails at start-up, not silently
    return pm


def init_app(app) -> None:
    disabled = app.config.get("PLUGINS_DISABLED") or ()
    if isinstance(disabled, str):
        disabled = [name.strip() for name in disabled.split(",") if name.strip()]
    app.extensions["opendata.plugins"] = make_plugin_manager(disabled)


def get_plugin_manager(app=None) -> pluggy.PluginManager:
    from flask import current_app

    return (app or current_app).extensions["opendata.plugins"]
