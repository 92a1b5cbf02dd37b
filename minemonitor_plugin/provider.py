"""The MineMonitor Processing provider (id ``minemonitor``)."""

from __future__ import annotations

import configparser
import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .i18n import tr_for

PLUGIN_DIR = os.path.dirname(__file__)


def plugin_version() -> str:
    """Version from the installed metadata.txt (or the source tree's)."""
    for folder in (PLUGIN_DIR, os.path.dirname(PLUGIN_DIR)):
        path = os.path.join(folder, "metadata.txt")
        if os.path.exists(path):
            parser = configparser.ConfigParser()
            parser.read(path, encoding="utf-8")
            return parser.get("general", "version", fallback="0")
    return "0"


class MineMonitorProvider(QgsProcessingProvider):
    """Registers every algorithm of ``algorithms.ALGORITHMS``."""

    def tr(self, text: str) -> str:
        return tr_for(self, text)

    def id(self):
        return "minemonitor"

    def name(self):
        return self.tr("MineMonitor")

    def longName(self):
        return self.tr("MineMonitor {version}: open-pit mining analyses").format(version=self.versionInfo())

    def versionInfo(self):
        return plugin_version()

    def icon(self):
        return QIcon(self.svgIconPath())

    def svgIconPath(self):
        return os.path.join(PLUGIN_DIR, "resources", "icons", "minemonitor.svg")

    def loadAlgorithms(self):
        from .algorithms import ALGORITHMS

        for algorithm_class in ALGORITHMS:
            self.addAlgorithm(algorithm_class())
        for model in load_models():
            self.addAlgorithm(model)


def models_dir() -> str:
    """Folder of the shipped graphical models (``resources/models/*.model3``)."""
    return os.path.join(PLUGIN_DIR, "resources", "models")


def load_models() -> list:
    """The shipped models, each a QgsProcessingModelAlgorithm listed under this provider."""
    from qgis.core import QgsMessageLog, QgsProcessingModelAlgorithm

    models = []
    folder = models_dir()
    if not os.path.isdir(folder):
        return models
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".model3"):
            continue
        model = QgsProcessingModelAlgorithm()
        if model.fromFile(os.path.join(folder, name)):
            models.append(model)
        else:
            QgsMessageLog.logMessage(f"Could not load model {name}", "MineMonitor")
    return models
