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


# Styles generated for a run (labels in the user's language, fields named after the run's epochs) ----


def set_temporal_fields(layer, start_field: str, end_field: str) -> None:
    """Make ``layer`` temporal: each feature is shown from ``start_field`` until ``end_field``
    (start included, end excluded), so the Temporal Controller animates it."""
    from .compat import TEMPORAL_START_END_FIELDS

    props = layer.temporalProperties()
    props.setMode(TEMPORAL_START_END_FIELDS)
    props.setStartField(start_field)
    props.setEndField(end_field)
    props.setIsActive(True)


class TemporalStylePostProcessor(QmlStylePostProcessor):
    """A QML style and temporal properties (start and end date fields), applied when the layer loads."""

    def __init__(self, qml_path: str, start_field: str, end_field: str):
        super().__init__(qml_path)
        self.start_field = start_field
        self.end_field = end_field

    @classmethod
    def create(cls, qml_path: str, start_field: str = "", end_field: str = "") -> TemporalStylePostProcessor:
        instance = cls(qml_path, start_field, end_field)
        if len(QmlStylePostProcessor._live) >= cls._MAX_LIVE:
            for key in list(QmlStylePostProcessor._live)[: cls._MAX_LIVE // 2]:
                QmlStylePostProcessor._live.pop(key, None)
        QmlStylePostProcessor._live[id(instance)] = instance
        return instance

    def postProcessLayer(self, layer, context, feedback):
        super().postProcessLayer(layer, context, feedback)
        if layer is not None and layer.isValid() and self.start_field:
            set_temporal_fields(layer, self.start_field, self.end_field)


def _style_layer(fields):
    """An empty memory layer with ``fields`` (name, QVariant type) to build a style on."""
    spec = "&".join(f"field={name}:{kind}" for name, kind in fields)
    return QgsVectorLayer(f"Polygon?{spec}" if spec else "Polygon", "style", "memory")


def write_layer_style(layer, path: str) -> str:
    """The style of ``layer`` (every category, temporal properties included) as a QML file."""
    from qgis.PyQt.QtXml import QDomDocument

    document = QDomDocument("qgis")
    layer.exportNamedStyle(document)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(document.toString())
    return path


def derived_style(base: str, path: str, attribute: str | None = None, temporal: tuple[str, str] | None = None) -> str:
    """``resources/styles/<base>.qml`` with its renderer on ``attribute`` and, with ``temporal``
    = (start field, end field), temporal properties; written to ``path``."""
    fields = [(attribute, "double")] if attribute else []
    if temporal:
        fields += [(temporal[0], "date"), (temporal[1], "date")]
    layer = _style_layer(fields)
    message, ok = layer.loadNamedStyle(style_path(base))
    if not ok:
        raise RuntimeError(message)
    renderer = layer.renderer()
    if attribute and hasattr(renderer, "setClassAttribute"):
        renderer.setClassAttribute(attribute)
    if temporal:
        set_temporal_fields(layer, *temporal)
    return write_layer_style(layer, path)


def categorized_style(path: str, attribute: str, classes, outline: str = "#8c8c8c") -> str:
    """A categorised fill style on the integer field ``attribute``: ``classes`` are
    ``(value, label, fill colour)``; written to ``path``."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory

    categories = []
    for value, label, colour in classes:
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": "0.1",
                                             "outline_width_unit": "MM"})
        categories.append(QgsRendererCategory(value, symbol, label))
    layer = _style_layer([(attribute, "integer")])
    layer.setRenderer(QgsCategorizedSymbolRenderer(attribute, categories))
    return write_layer_style(layer, path)
