"""MineMonitor QGIS plugin entry point (QGIS calls classFactory)."""


def classFactory(iface):  # noqa: N802 - QGIS API name
    """Return the plugin instance; the import is lazy so discovery stays cheap."""
    from .plugin import MineMonitorPlugin

    return MineMonitorPlugin(iface)
