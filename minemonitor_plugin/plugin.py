"""MineMonitorPlugin: installs the translator, the Processing provider and the plugin menu."""

from __future__ import annotations

import os

from qgis.core import QgsApplication

from .i18n import install_translator, remove_translator, tr
from .installer import activate as activate_private_dependencies


class MineMonitorPlugin:
    """QGIS plugin object. ``initProcessing`` is all ``qgis_process`` calls; the desktop calls
    ``initGui`` (which calls it too)."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.installer_ui = None
        # packages installed by Plugins > MineMonitor > Install Python dependencies (or
        # scripts/install-deps) are appended to sys.path before any algorithm imports shapely
        activate_private_dependencies()
        install_translator()

    def initProcessing(self):
        if self.provider is None:
            from .provider import MineMonitorProvider

            self.provider = MineMonitorProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)
            self.provider.refresh_models()

    def initGui(self):
        self.initProcessing()
        if self.iface is None:
            return
        from qgis.PyQt.QtGui import QIcon
        from qgis.PyQt.QtWidgets import QAction

        icon = QIcon(os.path.join(os.path.dirname(__file__), "resources", "icons", "minemonitor.svg"))
        action = QAction(icon, tr("Install Python dependencies…"), self.iface.mainWindow())
        action.setObjectName("mMineMonitorInstallDependencies")
        action.setToolTip(tr("Install the Python packages MineMonitor needs for QGIS's Python, keeping QGIS's "
                             "numpy and scipy"))
        action.triggered.connect(self.install_dependencies)
        self.iface.addPluginToMenu(self.menu_name(), action)
        self.actions.append(action)

    @staticmethod
    def menu_name() -> str:
        return tr("&MineMonitor")

    def install_dependencies(self):
        """Plugins > MineMonitor > Install Python dependencies… (keeps a reference while it runs)."""
        from .installer import DependencyInstallerUI

        self.installer_ui = DependencyInstallerUI(self.iface.mainWindow() if self.iface else None)
        self.installer_ui.start()

    def unload(self):
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(self.menu_name(), action)
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()
