"""The MineMonitor Processing provider (id ``minemonitor``)."""

from __future__ import annotations

import configparser
import os

from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingProvider
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

    def load(self):
        """Register the provider's Processing options (Processing > Options > Providers > MineMonitor)."""
        try:
            from processing.core.ProcessingConfig import ProcessingConfig, Setting
        except ImportError:  # Processing's Python plugin not loaded: no options page
            return super().load()
        from .algorithms.execution import SETTING

        ProcessingConfig.settingIcons[self.name()] = self.icon()
        ProcessingConfig.addSetting(Setting(
            self.name(), SETTING,
            self.tr("Dask scheduler address (e.g. tcp://10.0.0.5:8786; empty: run on this computer)"), ""))
        ProcessingConfig.readSettings()
        self.refreshAlgorithms()
        return True

    def unload(self):
        try:
            from processing.core.ProcessingConfig import ProcessingConfig
        except ImportError:
            return
        from .algorithms.execution import SETTING

        ProcessingConfig.removeSetting(SETTING)

    def loadAlgorithms(self):
        from .algorithms import ALGORITHMS

        for algorithm_class in ALGORITHMS:
            self.addAlgorithm(algorithm_class())
        self._models = load_models()
        for model in self._models:
            self.addAlgorithm(model)

    def refresh_models(self):
        """Reload the shipped models once the provider is registered: while it loads, their child
        algorithms (this provider's) cannot be resolved, so the models' output parameters are missing."""
        for model in getattr(self, "_models", []):
            model.fromFile(model.path)


def models_dir() -> str:
    """Folder of the shipped graphical models (``resources/models/*.model3``)."""
    return os.path.join(PLUGIN_DIR, "resources", "models")


def load_models() -> list:
    """The shipped models, each listed under this provider with a stable lowercase id."""
    from qgis.core import QgsMessageLog

    models = []
    folder = models_dir()
    if not os.path.isdir(folder):
        return models
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".model3"):
            continue
        model = ShippedModel.load(os.path.join(folder, name))
        if model is not None:
            models.append(model)
        else:
            QgsMessageLog.logMessage(f"Could not load model {name}", "MineMonitor")
    return models


class ShippedModel(QgsProcessingModelAlgorithm):
    """A .model3 shipped with the plugin: id from the file name (``miningspatialpattern``),
    translated display name and help, group "Workflows"."""

    def __init__(self, path: str = ""):
        super().__init__()
        self.path = path
        self.model_id = os.path.splitext(os.path.basename(path))[0]

    @classmethod
    def load(cls, path: str):
        model = cls(path)
        return model if model.fromFile(path) else None

    def tr(self, text: str) -> str:
        return tr_for(self, text)

    def createInstance(self):
        return ShippedModel.load(self.path)

    def name(self):
        return self.model_id

    def displayName(self):
        names = {
            "miningspatialpattern": self.tr("Mining spatial pattern"),
            "footprintoverlap": self.tr("Footprint overlap"),
            "desertificationsensitivitymodel": self.tr("Desertification sensitivity of mining areas"),
            "vegetationchange": self.tr("Vegetation change around mines"),
        }
        return names.get(self.model_id, super().displayName())

    def shortDescription(self):
        return self.shortHelpString().split(": ")[0].split(". ")[0] + "."

    def svgIconPath(self):
        return os.path.join(PLUGIN_DIR, "resources", "icons", "minemonitor.svg")

    def icon(self):
        return QIcon(self.svgIconPath())

    def group(self):
        return self.tr("Workflows")

    def groupId(self):
        return "workflows"

    def shortHelpString(self):
        helps = {
            "miningspatialpattern": self.tr(
                "The paper's spatial pattern analysis in one run: fishnet mining density of the footprints, "
                "global Moran's I and General G, Anselin local Moran clusters, Getis-Ord Gi* hot spots, "
                "footprint statistics and size classes, and one HTML report with the styled maps."),
            "footprintoverlap": self.tr(
                "Tabulates the footprints against a class layer (land use, nature reserves, ecological zones) "
                "by zone (for example provinces), as the paper's Tables 3-5, with a wide pivot table, the "
                "intersection pieces and one HTML report."),
            "desertificationsensitivitymodel": self.tr(
                "The paper's desertification sensitivity model: factor rasters graded by Table 6, added, "
                "classified by natural breaks, then the area of each class inside the mining footprints "
                "(Fig. 13), with one HTML report."),
            "vegetationchange": self.tr(
                "Vegetation change around mines: per-pixel trend of an annual NDVI (or LAI) stack, the annual "
                "series inside the footprints and rings around them with change points, and one HTML report."),
        }
        return helps.get(self.model_id, super().shortHelpString())
