"""minemonitor:report: one report of a run, as a self-contained HTML file and a print-layout PDF.

The report is a list of sections of blocks (``reporting.document``): the maps of ``MAP_LAYERS``, the
tables of ``TABLES`` and the HTML reports of other algorithms (read back into blocks, so a model's report
can itself be embedded in a workflow report). The same blocks are written as HTML and laid out on QGIS
print layout pages (``reporting.layout``) exported to PDF. Maps are drawn once, on map pages (title,
context boundaries, legend, scale bar, north arrow, CRS, source, date); the HTML shows those pages as
images. A map or table that appears twice (given directly and inside an embedded report) is shown once.
"""

from __future__ import annotations

import datetime
import html
import os
import re

from qgis.core import (
    Qgis,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProject,
    QgsProviderRegistry,
    QgsRasterLayer,
    QgsVectorLayer,
)

from ... import compat, styling
from ...i18n import html_language, translation_language
from ...qgis_io import crs as crs_io
from ...reporting import document as doc
from ...reporting.fonts import css_font_stack
from ...reporting.html import REPORT_CSS, fmt
from ..base import MineMonitorAlgorithm

#: Field name -> label of the report tables (translated through ReportAlgorithm.field_labels).
_UNIT_SUFFIXES = (("_km2", " (km²)"), ("_pct", " (%)"), ("_m", " (m)"))


class ReportAlgorithm(MineMonitorAlgorithm):
    """Assemble maps, tables and the HTML reports of other MineMonitor algorithms into one report."""

    ALG_ID = "report"
    GROUP_ID = "reporting"

    MAP_LAYERS = "MAP_LAYERS"
    CONTEXT_LAYERS = "CONTEXT_LAYERS"
    TABLES = "TABLES"
    REPORTS = "REPORTS"
    TITLE = "TITLE"
    ATTRIBUTION = "ATTRIBUTION"
    MAX_ROWS = "MAX_ROWS"
    PAGE_FORMAT = "PAGE_FORMAT"
    TEMPLATE = "TEMPLATE"
    OUTPUT = "OUTPUT"
    OUTPUT_PDF = "OUTPUT_PDF"
    LANGUAGE = "LANGUAGE"
    PDF_PAGES = "PDF_PAGES"

    def flags(self):
        # rendering maps uses layers of the calling thread: run in the main thread
        return super().flags() | compat.ALG_NO_THREADING

    def displayName(self):
        return self.tr("Analysis report")

    def shortDescription(self):
        return self.tr("One report of a run, as HTML and as a print-layout PDF: map pages with legend, scale bar, "
                       "north arrow and CRS, tables and the algorithms' reports, with a contents page.")

    def shortHelpString(self):
        return self.tr(
            "Writes one self-contained HTML file and, optionally, a PDF made from QGIS print layouts, that "
            "document a MineMonitor run for filing.\n\n"
            "Maps: every layer of 'Map layers' gets a map page (from the shipped A4/A3 templates or your own "
            ".qpt): its title (the output's name, or the layer's name in your project), the layer drawn with "
            "its style (the style MineMonitor stores in its outputs) over the outlines of the 'Context "
            "layers' (e.g. the provinces of the study area), a legend, a scale bar, a north arrow, the name "
            "of the coordinate reference system, a data-source line, the date and the page number. A local "
            "Moran layer also gets its significance map (p < 0.05 / 0.01 / 0.001). The HTML shows the same "
            "pages as images.\n\n"
            "Tables: the rows of every layer of 'Tables' (at most 'Maximum table rows'), with readable "
            "column names and one number format per column; tables wider than the page are split into "
            "column groups that repeat the first column, and long tables continue on the next pages with "
            "their header, so no column or row is cut.\n\n"
            "Reports: the HTML reports written by other MineMonitor algorithms and models are read and laid "
            "out again (headings, tables, charts, maps), so a model's report can be part of a workflow "
            "report; a map or table that is also given directly is shown once.\n\n"
            "The PDF starts with a contents page; every section starts on a new page. Data sources are "
            "listed by file name (never the internal description of temporary layers), followed by the "
            "'Attribution' text. The report is written in the language of the run (English or Chinese, "
            "zh_CN and zh-Hans alike); Chinese text needs a CJK font such as Noto Sans CJK SC or "
            "WenQuanYi Micro Hei (the log says which font is used and warns when none is installed)."
        )

    def initAlgorithm(self, config=None):
        self.add_parameter(
            QgsProcessingParameterString(self.TITLE, self.tr("Title"), defaultValue="MineMonitor report"),
            self.tr("Title printed at the top of the report and on every PDF page."),
        )
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(self.MAP_LAYERS, self.tr("Map layers"), compat.TYPE_MAP_LAYER,
                                                 optional=True),
            self.tr("Layers (vector or raster) drawn as one map page each, with their styles."),
        )
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(self.CONTEXT_LAYERS, self.tr("Context layers (boundaries)"),
                                                 compat.TYPE_VECTOR_ANY, optional=True),
            self.tr("Boundary layers drawn as outlines over every map, e.g. the provinces of the study area."),
        )
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(self.TABLES, self.tr("Tables"), compat.TYPE_VECTOR, optional=True),
            self.tr("Tables (or vector layers) whose attribute rows are printed in the report."),
        )
        self.add_parameter(
            QgsProcessingParameterMultipleLayers(self.REPORTS, self.tr("HTML reports"), compat.TYPE_FILE,
                                                 optional=True),
            self.tr("HTML reports written by MineMonitor algorithms or models; their content is laid out again "
                    "in this report."),
        )
        self.add_parameter(
            QgsProcessingParameterString(self.ATTRIBUTION, self.tr("Attribution"), optional=True, multiLine=True,
                                         defaultValue=""),
            self.tr("Text printed after the data sources: licences and credits of the input data."),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(self.MAX_ROWS, self.tr("Maximum table rows"), compat.NUMBER_INTEGER,
                                         defaultValue=60, minValue=1),
            self.tr("At most this many rows of each table are printed (the report says how many there are)."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterEnum(self.PAGE_FORMAT, self.tr("PDF page format"),
                                       options=[self.tr("A4 landscape"), self.tr("A4 portrait"),
                                                self.tr("A3 landscape"), self.tr("A3 portrait")], defaultValue=0),
            self.tr("Paper size and orientation of the PDF pages (map pages use the matching shipped template)."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterFile(self.TEMPLATE, self.tr("Map page template (.qpt)"), extension="qpt",
                                       optional=True),
            self.tr("Optional print layout template for the map pages, e.g. a copy of "
                    "resources/templates/map_A4_landscape.qpt edited in the layout designer (a logo, other "
                    "fonts). It needs a map item with the id 'map'; items with the ids title, legend, scalebar, "
                    "north, crs, source, caption, header and footer are filled in when present."),
            advanced=True,
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Report"), self.tr("HTML files (*.html)")),
            self.tr("The HTML report file."),
        )
        self.add_parameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_PDF, self.tr("PDF report"), self.tr("PDF files (*.pdf)"),
                                                  optional=True, createByDefault=False),
            self.tr("Optional PDF of the same report made from QGIS print layouts (contents page, map pages, "
                    "tables over as many pages as needed)."),
        )
        self.add_output(QgsProcessingOutputString(self.LANGUAGE, self.tr("Report language")))
        self.add_output(QgsProcessingOutputNumber(self.PDF_PAGES, self.tr("Pages of the PDF")))

    # -------------------------------------------------------------------------------------------
    def execute(self, parameters, context, feedback):
        from ...reporting import layout as lay

        title = self.parameterAsString(parameters, self.TITLE, context) or "MineMonitor"
        maps = self.parameterAsLayerList(parameters, self.MAP_LAYERS, context) or []
        context_layers = self.parameterAsLayerList(parameters, self.CONTEXT_LAYERS, context) or []
        tables = self.parameterAsLayerList(parameters, self.TABLES, context) or []
        reports = self.parameterAsFileList(parameters, self.REPORTS, context) if self.REPORTS in parameters else []
        reports = [r for r in reports if r]
        attribution = (self.parameterAsString(parameters, self.ATTRIBUTION, context) or "").strip()
        max_rows = self.parameterAsInt(parameters, self.MAX_ROWS, context)
        paper, orientation = lay.PAGE_FORMATS[self.parameterAsEnum(parameters, self.PAGE_FORMAT, context)]
        template = self.parameterAsFile(parameters, self.TEMPLATE, context)
        if not (maps or tables or reports):
            raise QgsProcessingException(self.tr("Give at least one map layer, table or HTML report."))
        for path in reports:
            if not os.path.isfile(path):
                raise QgsProcessingException(self.tr("The HTML report {path} does not exist.").format(path=path))
        if template and not os.path.isfile(template):
            raise QgsProcessingException(self.tr("The template {path} does not exist.").format(path=template))
        output = self.output_file(parameters, self.OUTPUT, context)
        pdf_path = self.output_file(parameters, self.OUTPUT_PDF, context) if parameters.get(self.OUTPUT_PDF) else ""
        language = translation_language()

        self._context = context
        sections, sources = self.collect(maps, context_layers, tables, reports, max_rows, context, feedback)
        if feedback.isCanceled():
            return {}
        sources_section = self.sources_section(sources, attribution)

        project = QgsProject()
        texts = lay.LayoutTexts(
            contents=self.tr("Contents"), legend=self.tr("Legend"),
            crs=self.tr("Coordinate reference system: {crs}"), source=self.tr("Data: {source}"),
            columns=self.tr("columns {first}-{last} of {total}"), boundaries=self.tr("Boundaries"))
        from ...provider import plugin_version

        now = datetime.datetime.now()
        footer = self.tr("MineMonitor {version} · QGIS {qgis} · {date}").format(
            version=plugin_version(), qgis=Qgis.QGIS_VERSION.split("-")[0], date=now.strftime("%Y-%m-%d %H:%M"))
        try:
            report = lay.ReportLayout(project, title, footer, language, paper, orientation, template, texts)
        except (OSError, ValueError) as err:
            raise QgsProcessingException(self.tr("The map page template cannot be used: {error}").format(
                error=err)) from None
        feedback.pushInfo(self.tr("Report font: {family}.").format(family=report.family))
        if not report.font_ok:
            feedback.pushWarning(self.tr(
                "No font with Chinese characters is installed (looked for Noto Sans CJK SC, Source Han Sans, "
                "WenQuanYi, Microsoft YaHei...): Chinese text may show as empty boxes in the PDF. On Debian or "
                "Ubuntu install fonts-noto-cjk."))
        meta = [self.tr("Generated by MineMonitor {version} with QGIS {qgis} on {date}.").format(
                    version=plugin_version(), qgis=Qgis.QGIS_VERSION.split("-")[0],
                    date=now.strftime("%Y-%m-%d %H:%M")),
                self.tr("Language: {language}; page format: {paper} {orientation}.").format(
                    language=self.tr("Chinese") if language.startswith("zh") else self.tr("English"),
                    paper=paper, orientation=self.tr("landscape") if orientation == "landscape" else self.tr(
                        "portrait"))]
        entries = sum(1 for s in sections for b in [doc.Heading(s.title, 2), *s.blocks]
                      if (isinstance(b, doc.Heading) and b.level <= 4) or isinstance(b, doc.MapFigure)) + 1
        report.cover(meta, entries)
        map_png: dict[int, str] = {}
        steps = max(1, sum(len(s.blocks) + 1 for s in sections))
        done = 0
        try:
            for number, section in enumerate([*sections, sources_section], start=1):
                section.anchor = f"section-{number}"
                report.section(section.title)
                for block in section.blocks:
                    if feedback.isCanceled():
                        return {}
                    self.lay_out(report, block, map_png, context_layers, feedback)
                    done += 1
                    feedback.setProgress(min(90.0, 90.0 * done / steps))
            report.finish()
            html_text = self.render_html(title, meta, [*sections, sources_section], report, map_png, language)
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(html_text)
            pages = 0
            if pdf_path:
                feedback.pushInfo(self.tr("Writing the PDF ({pages} pages)...").format(
                    pages=report.layout.pageCollection().pageCount()))
                pages = report.export_pdf(pdf_path)
        finally:
            report.close()
        feedback.setProgress(100.0)
        results = {self.OUTPUT: output, self.LANGUAGE: language, self.PDF_PAGES: pages}
        if pdf_path:
            results[self.OUTPUT_PDF] = pdf_path
        return results

    # collecting -----------------------------------------------------------------------------------
    def collect(self, maps, context_layers, tables, reports, max_rows, context, feedback):
        """Sections (maps, tables, one per embedded report) and the data sources, duplicates dropped."""
        sections: list[doc.Section] = []
        sources: dict[str, doc.Source] = {}
        embedded = []
        seen_maps: set[str] = set()
        seen_tables: set[str] = set()
        for path in reports:
            with open(path, encoding="utf-8", errors="replace") as handle:  # any encoding: never a crash
                title, blocks = doc.parse_html(handle.read())
            blocks = doc.shift_headings(blocks, 1)
            kept = []
            for block in blocks:
                if isinstance(block, doc.Source):
                    sources.setdefault(block.name + block.origin, block)
                    continue
                if isinstance(block, doc.MapFigure) and block.source:
                    key = _source_key(block.source) + "#" + block.style
                    if key in seen_maps:
                        continue
                    seen_maps.add(key)
                if isinstance(block, doc.Table) and block.source:
                    seen_tables.add(_source_key(block.source))
                kept.append(block)
            embedded.append(doc.Section(title or os.path.splitext(os.path.basename(path))[0], kept))
        map_blocks = []
        for layer in maps:
            if not layer.isValid() or not crs_io.usable_extent(layer.extent()):
                feedback.pushWarning(self.tr("Map layer {layer} has no feature or pixel to draw; it is left out of "
                                             "the report.").format(layer=layer.name()))
                continue
            key = _source_key(layer.source()) + "#"
            if key in seen_maps:
                feedback.pushInfo(self.tr("{layer} is already a map of an embedded report: shown once.").format(
                    layer=layer.name()))
                continue
            seen_maps.add(key)
            map_blocks += self.map_figures(layer, context_layers, context)
            sources.setdefault(_source_key(layer.source()), doc.Source(self.layer_title(layer, context),
                                                                       self.origin(layer)))
        table_blocks = []
        for layer in tables:
            key = _source_key(layer.source())
            if key in seen_tables:
                feedback.pushInfo(self.tr("{layer} is already a table of an embedded report: shown once.").format(
                    layer=layer.name()))
                continue
            seen_tables.add(key)
            table_blocks.append(doc.Heading(self.layer_title(layer, context), 3))
            table_blocks += self.layer_table(layer, max_rows)
            sources.setdefault(key, doc.Source(self.layer_title(layer, context), self.origin(layer)))
        for layer in context_layers:
            sources.setdefault(_source_key(layer.source()), doc.Source(layer.name(), self.origin(layer)))
        if map_blocks:
            sections.append(doc.Section(self.tr("Maps"), map_blocks))
        if table_blocks:
            sections.append(doc.Section(self.tr("Tables"), table_blocks))
        return sections + embedded, list(sources.values())

    def map_figures(self, layer, context_layers, context) -> list:
        """The map figure(s) of a layer: its own style, and the significance map of a local Moran layer."""
        title = self.layer_title(layer, context)
        source = layer.source() if os.path.isfile(layer.source().split("|")[0]) else ""
        figures = [doc.MapFigure(title=title, source=source, context=[c.source() for c in context_layers])]
        figures[0].layer = layer
        if isinstance(layer, QgsVectorLayer) and {"LMiPValue", "lisa_cluster"} <= set(layer.fields().names()):
            extra = doc.MapFigure(title=styling.style_title("lisa_significance") or title, source=source,
                                  context=figures[0].context, style="lisa_significance")
            extra.layer = layer
            figures.append(extra)
        return figures

    def layer_title(self, layer, context) -> str:
        """A readable title: the layer's name in the user's project, else the title of the MineMonitor
        output it is, else its name without underscores."""
        project = context.project()
        if project is not None and project.mapLayer(layer.id()) is not None:
            return layer.name()
        key = styling.output_style_of(layer)
        if key:
            return styling.style_title(key)
        return _pretty(layer.name())

    def origin(self, layer) -> str:
        """Where a layer comes from, for the data sources: its file (and table), never a layer URI."""
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
        path = parts.get("path") or ""
        if path and os.path.isfile(path):
            table = parts.get("layerName")
            name = os.path.basename(path)
            return f"{name} ({table})" if table and table != os.path.splitext(name)[0] else name
        if layer.providerType() == "memory":
            return self.tr("temporary layer")
        return self.tr("{provider} layer").format(provider=layer.providerType())

    def sources_section(self, sources, attribution) -> doc.Section:
        blocks: list = list(sources)
        if attribution:
            blocks.append(doc.Paragraph(attribution, "note"))
        return doc.Section(self.tr("Data sources"), blocks)

    # tables ---------------------------------------------------------------------------------------
    def field_labels(self) -> dict:
        return {
            "zone": self.tr("Zone"), "class": self.tr("Class"), "label": self.tr("Label"), "level": self.tr("Level"),
            "key": self.tr("Key"), "area_km2": self.tr("Area (km²)"), "share_pct": self.tr("Share (%)"),
            "area_pct": self.tr("Area (%)"), "n_polygons": self.tr("Polygons"), "count": self.tr("Count"),
            "pct_of_zone": self.tr("% of zone"), "pct_of_class_total": self.tr("% of class total"),
            "features": self.tr("Features"), "features_pct": self.tr("Features (%)"), "pixels": self.tr("Pixels"),
            "pixels_pct": self.tr("Pixels (%)"), "year": self.tr("Year"), "mean": self.tr("Mean"),
            "median": self.tr("Median"), "grade": self.tr("Grade"), "factor": self.tr("Factor"),
            "parameter": self.tr("Parameter"), "warning": self.tr("Warning"), "value_min": self.tr("Minimum value"),
            "value_max": self.tr("Maximum value"), "class_code": self.tr("Code"), "score_from": self.tr("Score from"),
            "score_to": self.tr("Score to"), "name_en": self.tr("Name"), "name_zh": self.tr("Name (Chinese)"),
            "zone_type": self.tr("Zone type"), "net_km2": self.tr("Net change (km²)"),
        }

    def layer_table(self, layer, max_rows: int) -> list:
        """A table block of the first ``max_rows`` rows of ``layer`` (no fid, readable headers, one
        number format per column) and a note on how many rows there are."""
        from qgis.core import QgsFeatureRequest

        labels = self.field_labels()
        fields = [f for f in layer.fields() if f.name().lower() != "fid"]
        names = [f.name() for f in fields]
        indexes = [layer.fields().indexOf(n) for n in names]
        request = QgsFeatureRequest().setFlags(compat.NO_GEOMETRY).setLimit(max_rows)
        raw = [[_plain(feature.attributes()[i]) for i in indexes] for feature in layer.getFeatures(request)]
        columns = list(zip(*raw, strict=True)) if raw else [[] for _ in names]
        formats = [_column_format(name, values) for name, values in zip(names, columns, strict=True)]
        rows = [[formats[c](value) for c, value in enumerate(row)] for row in raw]
        left = 0
        for values in columns:
            if values and all(isinstance(v, str) or v is None for v in values):
                left += 1
            else:
                break
        total = layer.featureCount()
        headers = [labels.get(n, _pretty(n)) for n in names]
        numeric = [bool(values) and all(isinstance(v, (int, float)) or v is None for v in values) and any(
            v is not None for v in values) for values in columns]
        # the source is kept (to show a table once) only for a file: a memory layer's URI holds its CRS as WKT
        source = layer.source() if os.path.isfile(layer.source().split("|")[0]) else ""
        blocks = [doc.Table(headers, rows, max(1, left), source=source, numeric=numeric)]
        if total > len(rows):
            blocks.append(doc.Paragraph(self.tr("{shown} of {total} rows shown.").format(shown=len(rows), total=total),
                                        "meta"))
        return blocks

    # layout and HTML ------------------------------------------------------------------------------
    def lay_out(self, report, block, map_png, context_layers, feedback) -> None:
        from ...reporting import layout as lay

        if isinstance(block, doc.Heading):
            report.heading(block.text, block.level)
        elif isinstance(block, doc.Paragraph):
            report.paragraph(block.text, block.kind)
        elif isinstance(block, doc.Table):
            report.table(block)
        elif isinstance(block, doc.Chart):
            report.chart(block)
        elif isinstance(block, doc.Image):
            report.image(block)
        elif isinstance(block, doc.Source):
            report.sources([block])
        elif isinstance(block, doc.MapFigure):
            layer = self.figure_layer(block, feedback)
            if layer is None:
                report.heading(block.title, 4)
                if block.png:
                    report.image(doc.Image(block.png, block.title))
                return
            contexts = [c for c in (self.load_layer(s) for s in block.context) if c is not None] or list(context_layers)
            crs = layer.crs()
            crs_name = f"{crs.description()} ({crs.authid()})" if crs.authid() else crs.description()
            spec = lay.MapSpec(layer, block.title, contexts,
                               report.texts.crs.format(crs=crs_name or self.tr("unknown")),
                               report.texts.source.format(source=self.origin(layer)), block.caption)
            page = report.map_page(spec)
            map_png[id(block)] = report.page_png(page)

    def figure_layer(self, block, feedback):
        """The layer a map figure shows, styled: a layer of the user's project as it is, a file output
        with its stored style, or with the figure's named style (e.g. the LISA significance map)."""
        layer = getattr(block, "layer", None)
        if layer is not None:
            project = self._context.project() if getattr(self, "_context", None) is not None else None
            if project is None or project.mapLayer(layer.id()) is None:
                layer = layer.clone()
                layer.loadDefaultStyle()
        elif block.source:
            layer = self.load_layer(block.source)
            if layer is None:
                feedback.pushInfo(self.tr("{path} is gone: the map is shown as the embedded image.").format(
                    path=block.source.split("|")[0]))
                return None
            known = styling.output_style_of(layer)
            if known and not block.style:
                block.title = styling.style_title(known)
        if layer is None:
            return None
        if block.style:
            qml = styling.localised_qml(styling.style_path(block.style))
            if isinstance(layer, QgsVectorLayer) and layer.geometryType() == 0:
                qml = styling.point_qml(qml)
            layer = layer.clone()
            styling.apply_qml(layer, qml)
        return layer

    @staticmethod
    def load_layer(source: str):
        """A layer from a file source (vector or raster) with its stored default style, or None."""
        path = source.split("|")[0]
        if not os.path.isfile(path):
            return None
        vector = QgsVectorLayer(source, os.path.splitext(os.path.basename(path))[0], "ogr")
        if vector.isValid() and vector.fields().count() + (1 if vector.isSpatial() else 0) > 0 and (
                vector.isSpatial() or not path.lower().endswith((".tif", ".tiff"))):
            vector.loadDefaultStyle()
            return vector
        raster = QgsRasterLayer(path, os.path.splitext(os.path.basename(path))[0], "gdal")
        if raster.isValid():
            raster.loadDefaultStyle()
            return raster
        return None

    def render_html(self, title, meta, sections, report, map_png, language) -> str:
        part_label = self.tr("columns {first}-{last} of {total}")
        contents = "".join(f'<li><a href="#{s.anchor}">{html.escape(s.title)}</a></li>' for s in sections)
        body = [f'<header class="cover"><h1>{html.escape(title)}</h1>'
                + "".join(f'<p class="meta">{html.escape(line)}</p>' for line in meta) + "</header>",
                f'<nav class="contents"><h2>{html.escape(self.tr("Contents"))}</h2><ol>{contents}</ol></nav>']
        for section in sections:
            is_sources = section.title == self.tr("Data sources")
            body.append(f'<section class="{"sources" if is_sources else "part"}">'
                        f'<h2 id="{section.anchor}">{html.escape(section.title)}</h2>')
            if is_sources:
                body.append("<ul>")
            for block in section.blocks:
                body.append(doc.block_html(block, part_label, lambda b: map_png.get(id(b), b.png)))
            if is_sources:
                body.append("</ul>")
            body.append("</section>")
        css = REPORT_CSS.replace("FONTS", css_font_stack(language))
        return (f'<!DOCTYPE html><html lang="{html_language()}"><head><meta charset="utf-8">'
                f'<meta name="generator" content="MineMonitor minemonitor:report"><title>{html.escape(title)}</title>'
                f"<style>{css}</style></head><body>" + "\n".join(body) + "</body></html>\n")


def _source_key(source: str) -> str:
    """A layer source compared across runs: the absolute file path and table name."""
    path, _, rest = source.partition("|")
    if os.path.exists(path):
        path = os.path.realpath(path)
    table = re.search(r"layername=([^|]+)", rest)
    return path + ("|" + table.group(1) if table else "")


def _pretty(name: str) -> str:
    """``pct_of_class_total`` -> "Pct of class total"; ``earlier_km2`` -> "Earlier (km²)"."""
    suffix = ""
    for end, unit in _UNIT_SUFFIXES:
        if name.endswith(end) and len(name) > len(end):
            name, suffix = name[: -len(end)], unit
            break
    if name.startswith("n_"):
        name, suffix = name[2:], suffix or " (n)"
    words = name.replace("_", " ").strip()
    return (words[:1].upper() + words[1:] + suffix) if words else name


def _plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def _column_format(name: str, values):
    """One format for a whole column: whole numbers as integers, others with 2 decimals (4 when every
    value is below 1), never "-0"; text as it is."""
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if not numbers or len(numbers) < len([v for v in values if v is not None]):
        return lambda v: "" if v is None else str(v)
    if all(float(v).is_integer() for v in numbers) and not name.endswith(("_pct", "_km2")):
        return lambda v: "" if v is None else str(int(v))
    big = max(abs(float(v)) for v in numbers)
    digits = 4 if big < 1 else 2
    return lambda v: "" if v is None else fmt(float(v), digits)
