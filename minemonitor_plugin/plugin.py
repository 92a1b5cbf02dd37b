"""MineMonitorPlugin: installs the translator and the Processing provider."""

from __future__ import annotations

from qgis.core import QgsApplication

from .i18n import install_translator, remove_translator


class MineMonitorPlugin:
    """QGIS plugin object. ``initProcessing`` is all ``qgis_process`` calls; the desktop calls
    ``initGui`` (which calls it too)."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        install_translator()

    def initProcessing(self):  # noqa: N802 - QGIS API name
        if self.provider is None:
            from .provider import MineMonitorProvider

            self.provider = MineMonitorProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 - QGIS API name
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()
