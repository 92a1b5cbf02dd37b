"""Styles for outputs: QML post-processors for the desktop, styles stored with file outputs."""

from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
from typing import ClassVar

from qgis.core import (
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: Translation context of the legend labels of resources/styles/*.qml and of the output titles
#: (tools/i18n_sync.py extracts the labels from the QML files into this context).
STYLE_CONTEXT = "MineMonitorStyles"

#: Style id (the QML file name) -> title of the output it styles, for map titles in reports and the
#: description of the style stored in a GeoPackage. Ids of generated styles start with one of these.
STYLE_TITLES = {
    "fishnet_density": QT_TRANSLATE_NOOP("MineMonitorStyles", "Mining density per fishnet cell"),
    "hotspots": QT_TRANSLATE_NOOP("MineMonitorStyles", "Hot and cold spots (Getis-Ord Gi*)"),
    "lisa_clusters": QT_TRANSLATE_NOOP("MineMonitorStyles", "Clusters and outliers (local Moran's I)"),
    "lisa_significance": QT_TRANSLATE_NOOP("MineMonitorStyles", "Significance of local Moran's I"),
    "sensitivity_classes": QT_TRANSLATE_NOOP("MineMonitorStyles", "Desertification sensitivity classes"),
    "sensitivity_score": QT_TRANSLATE_NOOP("MineMonitorStyles", "Desertification sensitivity score"),
    "sensitivity_grade": QT_TRANSLATE_NOOP("MineMonitorStyles", "Sensitivity grade of a factor"),
    "sensitivity_zonal": QT_TRANSLATE_NOOP("MineMonitorStyles", "Sensitivity classes by zone"),
    "ndvi_trend_class": QT_TRANSLATE_NOOP("MineMonitorStyles", "Vegetation trend (Mann-Kendall)"),
    "ndvi_trend_slope": QT_TRANSLATE_NOOP("MineMonitorStyles", "Vegetation trend: Theil-Sen slope per year"),
    "ndvi_trend_p": QT_TRANSLATE_NOOP("MineMonitorStyles", "Vegetation trend: Mann-Kendall p-value"),
    "ndvi_trend_z": QT_TRANSLATE_NOOP("MineMonitorStyles", "Vegetation trend: Mann-Kendall z-score"),
    "footprint_change": QT_TRANSLATE_NOOP("MineMonitorStyles", "Footprint change between epochs"),
    "occupation_types": QT_TRANSLATE_NOOP("MineMonitorStyles", "Land occupation types of the footprints"),
    "overlap_pieces": QT_TRANSLATE_NOOP("MineMonitorStyles", "Footprint pieces by class and zone"),
    "accuracy_records": QT_TRANSLATE_NOOP("MineMonitorStyles", "Verification records"),
}
#: Metadata item naming the MineMonitor style of a raster output (its title in reports).
RASTER_STYLE_ITEM = "MINEMONITOR_STYLE"
_LABEL = re.compile(r'(\slabel=")([^"]*)(")')
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_localised_dir: str | None = None

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

    _live: ClassVar[dict[int, QmlStylePostProcessor]] = {}
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
        try:
            apply_qml(layer, self.qml_path)
            ok = True
        except (OSError, RuntimeError) as err:
            ok = False
            if feedback is not None:
                feedback.pushWarning(f"Style {self.qml_path} not applied: {err}")
        self.applied = ok


def apply_qml(layer, qml_path: str) -> None:
    """Apply the QML file ``qml_path`` to ``layer``. Unlike ``loadNamedStyle``, which for a GeoPackage
    layer loads the default style stored in the file instead, this always reads the given file."""
    from qgis.PyQt.QtXml import QDomDocument

    with open(qml_path, encoding="utf-8") as handle:
        document = QDomDocument()
        parsed = document.setContent(handle.read())
    if not (parsed[0] if isinstance(parsed, tuple) else parsed):
        raise RuntimeError(f"{qml_path} is not a QGIS style file")
    result = layer.importNamedStyle(document)
    ok, message = (result[0], result[1]) if isinstance(result, tuple) else (bool(result), "")
    if not ok:
        raise RuntimeError(message or f"{qml_path} could not be applied")
    layer.triggerRepaint()


def style_id(qml_path: str) -> str:
    """The id of a style: its QML file name without the extension (``hotspots``)."""
    return os.path.splitext(os.path.basename(qml_path))[0]


def known_style(name: str) -> str | None:
    """The key of :data:`STYLE_TITLES` a style id stands for (generated styles, e.g.
    ``ndvi_trend_slope_output_sen_slope_7f3a`` or ``hotspots_points``, start with one), or None."""
    keys = sorted((k for k in STYLE_TITLES if name == k or name.startswith(k + "_")), key=len, reverse=True)
    return keys[0] if keys else None


def style_title(name: str) -> str | None:
    """Translated title of the output a style (id or QML path) is made for, or None if unknown."""
    key = known_style(style_id(name) if name.endswith(".qml") else name)
    return QCoreApplication.translate(STYLE_CONTEXT, STYLE_TITLES[key]) if key else None


def translate_label(label: str, language: str) -> str:
    """A legend label in ``language`` (``en`` or ``zh_CN``): a bilingual ``English / 中文`` label keeps
    the part of that language; any other label goes through the translator (context
    :data:`STYLE_CONTEXT`), numbers and unknown labels stay as they are."""
    head, sep, tail = label.partition(" / ")
    if sep and _CJK.search(tail) and not _CJK.search(head):
        return tail.strip() if language.startswith("zh") else head.strip()
    if not re.search(r"[A-Za-z]", label):
        return label
    return QCoreApplication.translate(STYLE_CONTEXT, label)


def localised_qml(qml_path: str, language: str | None = None) -> str:
    """A QML whose legend labels are in the run's language (:func:`translate_label`); the file
    itself when no label changes (an English run). The copy keeps the file name (the style id) in a
    per-language folder of the temporary directory."""
    global _localised_dir
    from .i18n import translation_language

    language = language or translation_language()
    with open(qml_path, encoding="utf-8") as handle:
        text = handle.read()

    def replace(match):
        label = html.unescape(match.group(2))
        translated = translate_label(label, language)
        return match.group(1) + html.escape(translated, quote=True) + match.group(3)

    localised = _LABEL.sub(replace, text)
    if localised == text:
        return qml_path
    if _localised_dir is None or not os.path.isdir(_localised_dir):
        _localised_dir = tempfile.mkdtemp(prefix="minemonitor-styles-")
    folder = os.path.join(_localised_dir, language, str(abs(hash(qml_path)) % 10**8))
    os.makedirs(folder, exist_ok=True)
    out = os.path.join(folder, os.path.basename(qml_path))
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(localised)
    return out


def point_qml(qml_path: str, size_mm: float = 2.4) -> str:
    """A copy of a polygon style (categorized or graduated fills) for point layers: circles of the
    same colours and labels. Written beside the localised styles, named ``<style>_points.qml``."""
    global _localised_dir
    from qgis.core import QgsMarkerSymbol

    polygons = QgsVectorLayer("Polygon?crs=EPSG:3857", "polygons", "memory")
    message, ok = polygons.loadNamedStyle(qml_path)
    if not ok:
        raise RuntimeError(message)
    renderer = polygons.renderer().clone()

    def marker(symbol):
        colour = symbol.color().name() if symbol is not None else "#999999"
        return QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "outline_color": "#4d4d4d",
                                             "outline_width": "0.15", "size": f"{size_mm:g}"})

    if hasattr(renderer, "categories"):
        for i, category in enumerate(renderer.categories()):
            renderer.updateCategorySymbol(i, marker(category.symbol()))
    elif hasattr(renderer, "ranges"):
        for i, rng in enumerate(renderer.ranges()):
            renderer.updateRangeSymbol(i, marker(rng.symbol()))
    if hasattr(renderer, "sourceSymbol") and renderer.sourceSymbol() is not None:
        renderer.setSourceSymbol(marker(renderer.sourceSymbol()))
    points = QgsVectorLayer("Point?crs=EPSG:3857", "points", "memory")
    points.setRenderer(renderer)
    if _localised_dir is None or not os.path.isdir(_localised_dir):
        _localised_dir = tempfile.mkdtemp(prefix="minemonitor-styles-")
    folder = os.path.join(_localised_dir, "points", str(abs(hash(qml_path)) % 10**8))
    os.makedirs(folder, exist_ok=True)
    out = os.path.join(folder, f"{style_id(qml_path)}_points.qml")
    message, ok = points.saveNamedStyle(out)
    if not ok:
        raise RuntimeError(message)
    return out


def embed_style(dest_id: str, qml_path: str, default: bool = True) -> str | None:
    """Store the style with a file output so it opens styled without MineMonitor.

    GeoPackage vector outputs get it in their ``layer_styles`` table (as the default style unless
    ``default`` is False: a second style the user picks in the layer's style menu), named by its
    style id, with the output's title as description; other file outputs (GeoTIFF, shapefile...) get
    a sidecar ``<name>.qml``, which QGIS loads as the default style; a GeoTIFF also records the
    style id (:data:`RASTER_STYLE_ITEM`). Memory layers (no file) are left alone. Returns what was
    written, or None.
    """
    path = dest_id.split("|")[0]
    if not os.path.isfile(path):
        return None
    lower = path.lower()
    name = style_id(qml_path)
    if lower.endswith(".gpkg"):
        layer = QgsVectorLayer(dest_id, "style", "ogr")
        if not layer.isValid():
            return None
        apply_qml(layer, qml_path)
        key = known_style(name)
        description = STYLE_TITLES[key] if key else "MineMonitor"
        error = layer.saveStyleToDatabase(name, description, default, "")
        if error:
            raise RuntimeError(error)
        return path
    sidecar = os.path.splitext(path)[0] + ".qml"
    if lower.endswith(RASTER_SUFFIXES) or QgsRasterLayer.isValidRasterFileName(path):
        if not default:
            return None
        shutil.copyfile(qml_path, sidecar)
        if lower.endswith((".tif", ".tiff")) and known_style(name):
            _tag_raster(path, known_style(name))
        return sidecar
    if lower.endswith((".shp", ".geojson", ".json", ".fgb", ".sqlite", ".csv", ".xlsx", ".ods")):
        if not default:
            return None
        shutil.copyfile(qml_path, sidecar)
        return sidecar
    return None


def _tag_raster(path: str, key: str) -> None:
    """Record the style id in the GeoTIFF's metadata (read back by :func:`output_style_of`) and name its
    band after the output.

    Written to GDAL's ``.aux.xml`` beside the file (the file is opened read-only): rewriting the TIFF's
    header in place would break the layout of a cloud-optimised GeoTIFF."""
    from osgeo import gdal

    dataset = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_READONLY)
    if dataset is not None:
        dataset.SetMetadataItem(RASTER_STYLE_ITEM, key)
        band = dataset.GetRasterBand(1) if dataset.RasterCount == 1 else None
        if band is not None and not band.GetDescription():
            band.SetDescription(style_title(key) or key)  # QGIS shows "Band 1: <title>", not "Band 1 (Gray)"
        dataset = None


def output_style_of(layer) -> str | None:
    """The MineMonitor style key of a layer written by MineMonitor (the default style stored in a
    GeoPackage, the metadata item of a GeoTIFF), or None."""
    from osgeo import gdal, ogr
    from qgis.core import QgsProviderRegistry

    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or layer.source().split("|")[0]
    if not os.path.isfile(path):
        return None
    if isinstance(layer, QgsVectorLayer):
        if not path.lower().endswith(".gpkg"):
            return None
        dataset = ogr.Open(path)
        if dataset is None or dataset.GetLayerByName("layer_styles") is None:
            return None
        table = parts.get("layerName")
        if not table:
            names = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
            table = next((n for n in names if n != "layer_styles"), "")
        sql = ("SELECT styleName FROM layer_styles WHERE f_table_name = '{}' AND useAsDefault "
               "ORDER BY id DESC LIMIT 1").format(table.replace("'", "''"))
        result = dataset.ExecuteSQL(sql)
        value = None
        if result is not None:
            feature = result.GetNextFeature()
            value = feature.GetField(0) if feature is not None else None
            dataset.ReleaseResultSet(result)
        return known_style(value) if value else None
    dataset = gdal.OpenEx(path, gdal.OF_RASTER)
    value = dataset.GetMetadataItem(RASTER_STYLE_ITEM) if dataset is not None else None
    return known_style(value) if value else None
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
