"""Plugin system (pluggy). Hooks are declared in :mod:`.hookspecs`."""
from .manager import get_plugin_manager, hookimpl

__all__ = ["get_plugin_manager", "hookimpl"]
