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
    """A .model3 shipped with the plugin: id from the file name (``miningspatialpattern``), group
    "Workflows". Its name, help, input labels and input help are written by tools/make_models.py (the
    single source) and translated here (context ``ShippedModel``)."""

    CONTEXT = "ShippedModel"

    def __init__(self, path: str = ""):
        super().__init__()
        self.path = path
        self.model_id = os.path.splitext(os.path.basename(path))[0]

    @classmethod
    def load(cls, path: str):
        model = cls(path)
        if not model.fromFile(path):
            return None
        model.translate_definitions()
        return model

    def fromFile(self, path):
        ok = super().fromFile(path)
        if ok:
            self.translate_definitions()
        return ok

    def tr(self, text: str) -> str:
        return self.translated(text)

    def translated(self, text: str) -> str:
        """``text`` (read from the model file) in the user's language."""
        from qgis.PyQt.QtCore import QCoreApplication

        return QCoreApplication.translate(self.CONTEXT, text) if text else text

    def translate_definitions(self) -> None:
        """Input labels and help, enum options and output descriptions in the user's language."""
        for definition in self.parameterDefinitions():
            source = definition.description()
            definition.setDescription(self.translated(source))
            help_text = self.helpContent().get(definition.name(), "") or definition.help()
            if help_text:
                definition.setHelp(self.translated(help_text))
            if definition.type() == "enum":
                definition.setOptions([self.translated(o) for o in definition.options()])
        for output in self.outputDefinitions():
            output.setDescription(self.translated(output.description()))

    def createInstance(self):
        return ShippedModel.load(self.path)

    def name(self):
        return self.model_id

    def displayName(self):
        return self.translated(super().displayName())

    def shortDescription(self):
        text = self.shortHelpString()
        for stop in ("。", ". ", ": ", "："):
            text = text.split(stop)[0]
        text = text.rstrip(".。")
        return text + ("。" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else ".")

    def shortHelpString(self):
        return self.translated(self.helpContent().get("ALG_DESC", "")) or super().shortHelpString()

    def helpUrl(self):
        from .help import help_url

        return help_url(f"minemonitor:{self.model_id}")

    def svgIconPath(self):
        return os.path.join(PLUGIN_DIR, "resources", "icons", "minemonitor.svg")

    def icon(self):
        return QIcon(self.svgIconPath())

    def checkParameterValues(self, parameters, context):
        from .algorithms.checks import parameter_values_result

        return parameter_values_result(self, parameters, context, super().checkParameterValues(parameters, context))

    def processAlgorithm(self, parameters, context, feedback):
        """Run the model; if a child fails or the run is cancelled, remove the outputs earlier children
        already wrote for this run (files or GeoPackage layers that did not exist before it), and name
        the ones that replaced a file the user had."""
        from .algorithms.checks import check_all, destinations

        problem = check_all(self, parameters, context)
        if problem:
            from qgis.core import QgsProcessingException

            raise QgsProcessingException(problem)
        before = {(path, layer): _output_state(path, layer) for _, _, path, layer in
                  destinations(self, parameters, context)}
        try:
            return super().processAlgorithm(parameters, context, feedback)
        except BaseException:
            removed, replaced = _remove_new_outputs(before)
            if removed:
                feedback.reportError(self.tr("The model failed: removed the outputs its steps had already written: "
                                             "{paths}").format(paths=", ".join(removed)))
            if replaced:
                feedback.reportError(self.tr("The model failed after these outputs had been replaced by new, "
                                             "complete results: {paths}").format(paths=", ".join(replaced)))
            raise

    def group(self):
        return self.tr("Workflows")

    def groupId(self):
        return "workflows"


def _output_state(path: str, layer: str) -> tuple[bool, bool, float]:
    """``(file exists, output exists, file modification time)`` of a file or GeoPackage-layer output."""
    if not os.path.exists(path):
        return False, False, 0.0
    mtime = os.path.getmtime(path)
    if not layer:
        return True, True, mtime
    from .qgis_io.outputs import _gpkg_layers

    return True, layer in _gpkg_layers(path), mtime


def _remove_new_outputs(before: dict) -> tuple[list[str], list[str]]:
    """Remove the outputs that appeared since ``before`` (a GeoPackage layer only, when its file existed
    before); list those that existed before and were rewritten."""
    from .qgis_io.outputs import _drop_layer, remove_file

    removed, replaced = [], []
    for (path, layer), (file_existed, existed, mtime) in before.items():
        label = path + (f"|layername={layer}" if layer else "")
        _, exists_now, mtime_now = _output_state(path, layer)
        if not exists_now:
            continue
        if not existed:
            if layer and file_existed:
                _drop_layer(path, layer)
            else:
                remove_file(path)
            removed.append(label)
        elif mtime_now != mtime:
            replaced.append(label)
    return removed, replaced
