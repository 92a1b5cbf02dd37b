"""Styles for outputs: QML post-processors for the desktop, styles stored with file outputs."""

from __future__ import annotations

import os
import shutil

from qgis.core import (
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsVectorLayer,
)

_PACKAGE_DIR = os.path.dirname(__file__)
STYLE_DIRS = (
    os.path.join(_PACKAGE_DIR, "resources", "styles"),  # assembled plugin
    os.path.join(os.path.dirname(_PACKAGE_DIR), "resources", "styles"),  # source tree
)
RASTER_SUFFIXES = (".tif", ".tiff", ".vrt", ".img", ".asc", ".nc")


def style_path(name: str) -> str:
    """Path of ``resources/styles/<name>.qml``; a missing style is a programming error."""
    for folder in STYLE_DIRS:
        path = os.path.join(folder, f"{name}.qml")
        if os.path.exists(path):
            return path
    raise FileNotFoundError(f"MineMonitor style {name}.qml not found in {STYLE_DIRS}")


class QmlStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies one QML file to one output layer when Processing loads it (main thread).

    One instance per output. QGIS keeps only a raw pointer to it, so :meth:`create` keeps a strong
    Python reference in a small module-level registry; entries are released once used (and the
    registry is bounded, for outputs that are never loaded).
    """

    _live: dict[int, QmlStylePostProcessor] = {}
    _MAX_LIVE = 256

    def __init__(self, qml_path: str):
        super().__init__()
        self.qml_path = qml_path
        self.applied = False

    @classmethod
    def create(cls, qml_path: str) -> QmlStylePostProcessor:
        instance = cls(qml_path)
        if len(cls._live) >= cls._MAX_LIVE:
            for key in list(cls._live)[: cls._MAX_LIVE // 2]:
                cls._live.pop(key, None)
        cls._live[id(instance)] = instance
        return instance

    def postProcessLayer(self, layer, context, feedback):
        if layer is None or not layer.isValid():
            return
        message, ok = layer.loadNamedStyle(self.qml_path)
        if not ok and feedback is not None:
            feedback.pushWarning(f"Style {self.qml_path} not applied: {message}")
        layer.triggerRepaint()
        self.applied = bool(ok)


def embed_style(dest_id: str, qml_path: str) -> str | None:
    """Store the style with a file output so it opens styled without MineMonitor.

    GeoPackage vector outputs get it as the default style in their ``layer_styles`` table; other
    file outputs (GeoTIFF, shapefile...) get a sidecar ``<name>.qml``, which QGIS loads as the
    default style. Memory layers (no file) are left alone. Returns what was written, or None.
    """
    path = dest_id.split("|")[0]
    if not os.path.isfile(path):
        return None
    lower = path.lower()
    if lower.endswith(".gpkg"):
        layer = QgsVectorLayer(dest_id, "style", "ogr")
        if not layer.isValid():
            return None
        message, ok = layer.loadNamedStyle(qml_path)
        if not ok:
            raise RuntimeError(message)
        error = layer.saveStyleToDatabase(
            os.path.splitext(os.path.basename(qml_path))[0], "MineMonitor", True, ""
        )
        if error:
            raise RuntimeError(error)
        return path
    sidecar = os.path.splitext(path)[0] + ".qml"
    if lower.endswith(RASTER_SUFFIXES) or QgsRasterLayer.isValidRasterFileName(path):
        shutil.copyfile(qml_path, sidecar)
        return sidecar
    if lower.endswith((".shp", ".geojson", ".json", ".fgb", ".sqlite", ".csv", ".xlsx", ".ods")):
        shutil.copyfile(qml_path, sidecar)
        return sidecar
    return None
