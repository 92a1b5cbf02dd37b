"""Print-layout reports: the report's blocks laid out on QGIS print layout pages and exported to PDF.

One :class:`QgsPrintLayout` holds the whole report: a cover page with the contents, text pages
(headings, paragraphs, tables that continue over as many pages as they need, charts) and one page per
map, made from the shipped templates ``resources/templates/{map,page}_<A4|A3>_<orientation>.qpt``
(or the user's map template): title, the styled layer over the context boundaries, legend, scale
bar, north arrow, CRS name, data-source line, date and page number. Tables wider than the page are
cut into column groups that repeat the key columns (``document.split_columns``), so no column is
ever cut. :class:`ReportLayout` needs the main thread (layouts and map rendering).

The templates are written by :func:`build_template` (``python -m tools.make_templates``); items are
found by their ids, so a user template only needs a map item with the id ``map``.
"""

from __future__ import annotations

import base64
import math
import os
import tempfile
from dataclasses import dataclass, field

from qgis.core import (
    QgsFillSymbol,
    QgsLayerTree,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemRegistry,
    QgsLayoutItemScaleBar,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsLayoutUtils,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase
from qgis.PyQt.QtXml import QDomDocument

from .document import Chart, Heading, Image, MapFigure, Paragraph, Source, Table, split_columns, table_parts
from .fonts import choose_family

_PACKAGE = os.path.dirname(os.path.dirname(__file__))
TEMPLATE_DIRS = (os.path.join(_PACKAGE, "resources", "templates"),
                 os.path.join(os.path.dirname(_PACKAGE), "resources", "templates"))
NORTH_ARROW = "north_arrow.svg"
#: (paper, orientation) of the PAGE_FORMAT enum of minemonitor:report, in its order (public API).
PAGE_FORMATS = (("A4", "landscape"), ("A4", "portrait"), ("A3", "landscape"), ("A3", "portrait"))
PAPER_MM = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}
MARGIN = 12.0
TOP = 17.0       # content starts below the header band
BOTTOM = 13.0    # and ends above the footer band
BODY_PT = 9.0
TABLE_PT = 7.5
HEADING_PT = {1: 20.0, 2: 15.0, 3: 12.5, 4: 11.0, 5: 10.0, 6: 9.5}
ACCENT = QColor("#6b4f2a")


def page_size(paper: str, orientation: str) -> tuple[float, float]:
    short, long = PAPER_MM[paper]
    return (long, short) if orientation == "landscape" else (short, long)


def resource_path(*parts: str) -> str:
    """A file of the plugin's resources (assembled plugin or source tree)."""
    for folder in (os.path.join(_PACKAGE, "resources"), os.path.join(os.path.dirname(_PACKAGE), "resources")):
        path = os.path.join(folder, *parts)
        if os.path.exists(path):
            return path
    raise FileNotFoundError(os.path.join("resources", *parts))


def north_arrow() -> str:
    """The north arrow SVG embedded as ``base64:`` (QGIS's embedded-file path: no file to lose)."""
    with open(resource_path("icons", NORTH_ARROW), "rb") as handle:
        return "base64:" + base64.b64encode(handle.read()).decode("ascii")


def template_path(kind: str, paper: str, orientation: str) -> str:
    return resource_path("templates", f"{kind}_{paper}_{orientation}.qpt")


# ------------------------------------------------------------------------------------------------
# fonts and text
# ------------------------------------------------------------------------------------------------
def report_font(language: str) -> tuple[str, bool]:
    """``(family, covers_language)`` from the installed families (``fonts.choose_family``); Qt's
    default family when none of the preferred ones is installed."""
    family, cjk = choose_family(language, QFontDatabase().families())
    if family is None:
        family = QFont().family()
    return family, (cjk or not language.startswith("zh"))


def text_format(family: str, size: float, bold: bool = False, colour: QColor | None = None) -> QgsTextFormat:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    fmt = QgsTextFormat()
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(colour or QColor("#222222"))
    return fmt


def set_label_font(label: QgsLayoutItemLabel, family: str, size: float | None = None, bold: bool | None = None,
                   colour: QColor | None = None) -> None:
    """Font of a label, through the API of the running QGIS (textFormat from 3.24, font before)."""
    if hasattr(label, "setTextFormat") and hasattr(label, "textFormat"):
        fmt = label.textFormat()
        font = fmt.font()
        font.setFamily(family)
        if bold is not None:
            font.setBold(bold)
        fmt.setFont(font)
        if size:
            fmt.setSize(size)
            fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
        if colour is not None:
            fmt.setColor(colour)
        label.setTextFormat(fmt)
        return
    font = QFont(label.font())
    font.setFamily(family)
    if size:
        font.setPointSizeF(size)
    if bold is not None:
        font.setBold(bold)
    label.setFont(font)
    if colour is not None:
        label.setFontColor(colour)


def qfont(family: str, size: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def wrap_text(text: str, font: QFont, width_mm: float) -> list[str]:
    """Lines of ``text`` no wider than ``width_mm`` (words, or characters for CJK runs)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        tokens = _tokens(paragraph)
        line = ""
        for token in tokens:
            candidate = line + token
            if line and QgsLayoutUtils.textWidthMM(font, candidate.rstrip()) > width_mm:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line = candidate
        lines.append(line.rstrip())
    return lines


def _tokens(text: str) -> list[str]:
    """Words with their trailing space; every CJK character is a token of its own."""
    out: list[str] = []
    word = ""
    for ch in text:
        if "\u2e80" <= ch <= "\uffef":
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        elif ch == " ":
            out.append(word + " ")
            word = ""
        else:
            word += ch
    if word:
        out.append(word)
    return out


# ------------------------------------------------------------------------------------------------
# templates
# ------------------------------------------------------------------------------------------------
def build_template(kind: str, paper: str, orientation: str, project) -> QgsPrintLayout:
    """The shipped template of ``kind`` (``map`` or ``page``): one page with the header, footer and page
    number, and for ``map`` the title, map, legend, scale bar, north arrow, CRS and source lines.
    Item ids are what :class:`ReportLayout` looks for."""
    width, height = page_size(paper, orientation)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(f"MineMonitor {kind} {paper} {orientation}")
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(width, height))

    def label(item_id, x, y, w, h, size, bold=False, align=Qt.AlignLeft, text="", colour=None):
        item = QgsLayoutItemLabel(layout)
        item.setId(item_id)
        item.setText(text)
        set_label_font(item, "Noto Sans", size, bold, colour)
        item.setHAlign(align)
        item.setVAlign(Qt.AlignVCenter)
        item.setMarginX(0.0)
        item.setMarginY(0.0)
        layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y))
        item.attemptResize(QgsLayoutSize(w, h))
        return item

    label("header", MARGIN, 5.0, width - 2 * MARGIN - 40, 6.0, 8.0, colour=QColor("#6b4f2a"))
    label("footer", MARGIN, height - 9.0, width - 2 * MARGIN - 30, 5.0, 7.0, colour=QColor("#666666"))
    label("page", width - MARGIN - 28, height - 9.0, 28, 5.0, 7.0, align=Qt.AlignRight,
          text="[% @layout_page %] / [% @layout_numpages %]", colour=QColor("#666666"))
    if kind == "map":
        landscape = orientation == "landscape"
        title_y, map_y = 13.0, 25.0
        label("title", MARGIN, title_y, width - 2 * MARGIN, 10.0, 16.0, bold=True)
        notes_h = 16.0
        if landscape:
            legend_w = min(78.0, 0.28 * width)
            map_w = width - 2 * MARGIN - legend_w - 5.0
            map_h = height - map_y - BOTTOM - notes_h
            legend_xy = (MARGIN + map_w + 5.0, map_y)
            legend_wh = (legend_w, map_h)
        else:
            map_w = width - 2 * MARGIN
            map_h = 0.62 * (height - map_y - BOTTOM - notes_h)
            legend_xy = (MARGIN, map_y + map_h + notes_h + 2.0)
            legend_wh = (map_w, height - legend_xy[1] - BOTTOM)
        item_map = QgsLayoutItemMap(layout)
        item_map.setId("map")
        item_map.setFrameEnabled(True)
        item_map.setFrameStrokeColor(QColor("#555555"))
        layout.addLayoutItem(item_map)
        item_map.attemptMove(QgsLayoutPoint(MARGIN, map_y))
        item_map.attemptResize(QgsLayoutSize(map_w, map_h))
        legend = QgsLayoutItemLegend(layout)
        legend.setId("legend")
        legend.setTitle("Legend")
        legend.setLinkedMap(item_map)
        legend.setResizeToContents(False)
        layout.addLayoutItem(legend)
        legend.attemptMove(QgsLayoutPoint(*legend_xy))
        legend.attemptResize(QgsLayoutSize(*legend_wh))
        north = QgsLayoutItemPicture(layout)
        north.setId("north")
        north.setPicturePath(north_arrow())
        north.setLinkedMap(item_map)
        layout.addLayoutItem(north)
        north.attemptMove(QgsLayoutPoint(MARGIN + map_w - 13.0, map_y + 3.0))
        north.attemptResize(QgsLayoutSize(9.0, 13.5))
        scalebar = QgsLayoutItemScaleBar(layout)
        scalebar.setId("scalebar")
        scalebar.setStyle("Single Box")
        scalebar.setLinkedMap(item_map)
        scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
        scalebar.setUnitLabel("km")
        scalebar.setNumberOfSegmentsLeft(0)
        scalebar.setNumberOfSegments(3)
        scalebar.setBackgroundEnabled(True)
        scalebar.setBackgroundColor(QColor(255, 255, 255, 200))
        layout.addLayoutItem(scalebar)
        scalebar.attemptMove(QgsLayoutPoint(MARGIN + 3.0, map_y + map_h - 13.0))
        label("crs", MARGIN, map_y + map_h + 1.5, map_w, 4.5, 7.0)
        label("source", MARGIN, map_y + map_h + 6.0, map_w, 4.5, 7.0)
        label("caption", MARGIN, map_y + map_h + 10.5, map_w, 4.5, 7.0, colour=QColor("#666666"))
    return layout


def write_template(layout: QgsPrintLayout, path: str) -> None:
    ok = layout.saveAsTemplate(path, QgsReadWriteContext())
    if not ok:
        raise OSError(f"could not write {path}")


# ------------------------------------------------------------------------------------------------
# the report layout
# ------------------------------------------------------------------------------------------------
@dataclass
class TocEntry:
    level: int
    text: str
    page: int  # 0-based page index


@dataclass
class LayoutTexts:
    """Translated words the layout prints."""

    contents: str = "Contents"
    legend: str = "Legend"
    crs: str = "Coordinate reference system: {crs}"
    source: str = "Data: {source}"
    columns: str = "columns {first}-{last} of {total}"
    page: str = "Page"
    boundaries: str = "Boundaries"
    continued: str = "(continued)"


@dataclass
class MapSpec:
    """What a map page shows: the styled layer, the context layers drawn over it as outlines, texts."""

    layer: object
    title: str
    context: list = field(default_factory=list)
    crs_text: str = ""
    source_text: str = ""
    caption: str = ""


class ReportLayout:
    """Builds the report's print layout page by page (see the module docstring)."""

    def __init__(self, project, title: str, footer: str, language: str, paper: str = "A4",
                 orientation: str = "landscape", map_template: str = "", texts: LayoutTexts | None = None):
        self.project = project
        self.title = title
        self.footer = footer
        self.language = language
        self.texts = texts or LayoutTexts()
        self.family, self.font_ok = report_font(language)
        self.layout = QgsPrintLayout(project)
        self.layout.setName(title)
        self.page_template = self._read_template(template_path("page", paper, orientation))
        self.map_template = self._read_template(map_template or template_path("map", paper, orientation))
        if "map" not in _template_places(self.map_template):
            raise ValueError(f"{map_template or 'the map template'} has no map item with the id 'map'")
        self.width, self.height = page_size(paper, orientation)
        self.y = 0.0
        self.page_index = -1
        self.toc: list[TocEntry] = []
        self.map_pages: dict[int, int] = {}
        self._tmp = tempfile.TemporaryDirectory(prefix="minemonitor-layout-")
        self._keep: list = []  # layers and items that must outlive the export

    # pages -------------------------------------------------------------------------------------
    @staticmethod
    def _read_template(path: str) -> QDomDocument:
        doc = QDomDocument()
        with open(path, encoding="utf-8") as handle:
            ok = doc.setContent(handle.read())
        ok = ok[0] if isinstance(ok, tuple) else ok
        if not ok:
            raise ValueError(f"{path} is not a QGIS layout template")
        return doc

    def _template_page_size(self, doc: QDomDocument) -> tuple[float, float]:
        pages = doc.elementsByTagName("LayoutItem")
        for i in range(pages.count()):
            element = pages.at(i).toElement()
            if element.attribute("type") == str(QgsLayoutItemRegistry.LayoutPage):
                w, h = (float(v) for v in element.attribute("size", "0,0,mm").split(",")[:2])
                if w > 0 and h > 0:
                    return w, h
        return self.width, self.height

    def _add_page(self, doc: QDomDocument) -> dict:
        """A new page with the items of template ``doc``; returns them by id."""
        width, height = self._template_page_size(doc)
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(QgsLayoutSize(width, height))
        collection = self.layout.pageCollection()
        collection.addPage(page)
        index = collection.pageCount() - 1
        origin = collection.page(index).pos()
        root = doc.documentElement()
        # the items keep their places on the page: the top-left of their bounding box goes to the same
        # spot of the new page (QGIS's paste-in-place loses pages on a refresh)
        left, top = _template_corner(doc)
        items = self.layout.addItemsFromXml(root, doc, QgsReadWriteContext(),
                                            QPointF(origin.x() + left, origin.y() + top), False)
        # and their positions are set again on the new page: after a paste QGIS keeps a stale page
        # number, and a refresh would move them to the page before
        places = _template_places(doc)
        for item in items:
            place = places.get(item.id()) if hasattr(item, "id") else None
            if place is not None:
                item.attemptMove(QgsLayoutPoint(place[0], place[1]), False, False, index)
        found = {item.id(): item for item in items if hasattr(item, "id") and item.id()}
        for item in items:
            if isinstance(item, QgsLayoutItemLabel):
                set_label_font(item, self.family)
        if "header" in found:
            found["header"].setText(self.title)
        if "footer" in found:
            found["footer"].setText(self.footer)
        self.page_index = index
        self.y = TOP
        self.page_height = height
        self.page_width = width
        return found

    def new_text_page(self) -> dict:
        return self._add_page(self.page_template)

    def _ensure(self, height: float) -> None:
        """Start a new text page unless ``height`` mm fit below the cursor of the current one."""
        if self.page_index < 0 or self.page_index in self.map_pages or self.y + height > self.page_height - BOTTOM:
            self.new_text_page()

    @property
    def content_width(self) -> float:
        return self.page_width - 2 * MARGIN

    def _label(self, text: str, x: float, y: float, w: float, h: float, size: float, bold: bool = False,
               colour: QColor | None = None, align=Qt.AlignLeft) -> QgsLayoutItemLabel:
        item = QgsLayoutItemLabel(self.layout)
        item.setText(text)
        set_label_font(item, self.family, size, bold, colour)
        item.setMarginX(0.0)
        item.setMarginY(0.0)
        item.setHAlign(align)
        item.setVAlign(Qt.AlignTop)
        self.layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y), True, False, self.page_index)
        item.attemptResize(QgsLayoutSize(w, h))
        return item

    # cover and contents -------------------------------------------------------------------------
    def cover(self, lines: list[str], contents_entries: int) -> None:
        """The first page(s): title, ``lines`` (date, software, language...) and room for the contents
        (filled by :meth:`finish`): as many pages as ``contents_entries`` rows need."""
        self.new_text_page()
        self._label(self.title, MARGIN, TOP + 2, self.content_width, 16, HEADING_PT[1], True, ACCENT)
        y = TOP + 20
        for line in lines:
            self._label(line, MARGIN, y, self.content_width, 5, BODY_PT, colour=QColor("#444444"))
            y += 5.0
        y += 4.0
        self._label(self.texts.contents, MARGIN, y, self.content_width, 9, HEADING_PT[2], True, ACCENT)
        self._contents_start = (self.page_index, y + 10.0)
        # as many more pages as the contents need (one line per entry)
        probe = self._manual_table([[QgsTableCell("Xg"), QgsTableCell("1")]] * max(contents_entries, 1), [],
                                   [self.content_width - 22.0, 20.0], header=False, grid=False, size=BODY_PT)
        context = QgsLayoutUtils.createRenderContextForLayout(self.layout, None)
        probe.recalculateTableSize()
        first = probe.rowsVisible(context, self.page_height - BOTTOM - y - 10.0, 0, False, False)
        rest = max(1, probe.rowsVisible(context, self.page_height - BOTTOM - TOP, 0, False, False))
        self.layout.removeMultiFrame(probe)
        self._keep.remove(probe)
        extra = 0 if contents_entries <= first else math.ceil((contents_entries - first) / rest)
        self._contents_pages = [self.page_index]
        for _ in range(extra):
            self.new_text_page()
            self._contents_pages.append(self.page_index)
        self.page_index = -1  # content starts on a new page

    def _fill_contents(self) -> None:
        if not hasattr(self, "_contents_start"):
            return
        font = qfont(self.family, BODY_PT)
        width = self.content_width - 22.0
        rows = []
        for entry in self.toc:
            indent = "    " * max(0, entry.level - 2)
            text = indent + entry.text
            while QgsLayoutUtils.textWidthMM(font, text) > width and len(text) > 8:
                text = text[:-2]
            if text != indent + entry.text:
                text = text.rstrip() + "…"
            cell = QgsTableCell(text)
            if entry.level <= 2:
                cell.setTextFormat(text_format(self.family, BODY_PT, True))
            number = QgsTableCell(str(entry.page + 1))
            number.setHorizontalAlignment(Qt.AlignRight)
            rows.append([cell, number])
        if not rows:
            return
        table = self._manual_table(rows, [], [width, 20.0], header=False, grid=False, size=BODY_PT)
        _page, y = self._contents_start
        self._paginate(table, len(rows), self.content_width, header=False, pages=self._contents_pages, first_y=y)

    # blocks ----------------------------------------------------------------------------------------
    def section(self, text: str) -> None:
        """A section title (level 2); sections start on a new page."""
        self.heading(text, 2)

    def heading(self, text: str, level: int, toc: bool = True) -> None:
        """A heading, drawn with the block that follows it (never alone at the bottom of a page). When
        that block is a map page, the pending headings go into its page header and the contents."""
        # a heading still waiting for content at the same or a deeper level had none: it is dropped
        pending = [p for p in getattr(self, "_pending", []) if p[1] < level]
        pending.append((text, level, toc))
        self._pending = pending

    def _flush(self, map_page: bool = False) -> None:
        pending = getattr(self, "_pending", [])
        if not pending:
            return
        self._pending = []
        if map_page:
            page = self.layout.pageCollection().pageCount()
            for text, level, toc in pending:
                if toc:
                    self.toc.append(TocEntry(level, text, page))
            self._section_header = pending
            return
        self._section_header = None
        heights = [self._heading_height(text, level) for text, level, _ in pending]
        if pending[0][1] <= 2 and self.page_index >= 0 and self.y > TOP + 1.0:
            self.new_text_page()  # sections start on a new page
        else:
            self._ensure(sum(heights) + 30.0)  # with room for what follows
        for text, level, toc in pending:
            self._draw_heading(text, level, toc)

    def _heading_height(self, text: str, level: int) -> float:
        font = qfont(self.family, HEADING_PT.get(level, BODY_PT), True)
        lines = wrap_text(text, font, self.content_width)
        return QgsLayoutUtils.fontHeightMM(font) * 1.25 * len(lines) + 4.5

    def _draw_heading(self, text: str, level: int, toc: bool) -> None:
        size = HEADING_PT.get(level, BODY_PT)
        if self.y > TOP + 0.5:
            self.y += 2.5
        font = qfont(self.family, size, True)
        lines = wrap_text(text, font, self.content_width)
        line_h = QgsLayoutUtils.fontHeightMM(font) * 1.25
        self._label("\n".join(lines), MARGIN, self.y, self.content_width, line_h * len(lines) + 1, size, True,
                    ACCENT if level <= 3 else None)
        if toc and level <= 4:
            self.toc.append(TocEntry(level, text, self.page_index))
        self.y += line_h * len(lines) + 2.0

    def paragraph(self, text: str, kind: str = "") -> None:
        self._flush()
        size = BODY_PT - (1.0 if kind in ("note", "meta") else 0.0)
        colour = {"warn": QColor("#a04000"), "note": QColor("#555555"), "meta": QColor("#666666")}.get(kind)
        font = qfont(self.family, size, kind == "warn")
        line_h = QgsLayoutUtils.fontHeightMM(font) * 1.3
        lines = wrap_text(text, font, self.content_width)
        while lines:
            self._ensure(line_h * min(2, len(lines)) + 1)
            fit = max(1, int((self.page_height - BOTTOM - self.y) / line_h))
            chunk, lines = lines[:fit], lines[fit:]
            self._label("\n".join(chunk), MARGIN, self.y, self.content_width, line_h * len(chunk) + 0.5, size,
                        kind == "warn", colour)
            self.y += line_h * len(chunk) + 2.0

    def _manual_table(self, rows, headers, widths, header=True, grid=True, size=TABLE_PT, total_last=False):
        table = QgsLayoutItemManualTable.create(self.layout)
        self.layout.addMultiFrame(table)
        table.setTableContents(rows)
        if header:
            table.setHeaders([QgsLayoutTableColumn(h) for h in headers])
        table.setIncludeTableHeader(header)
        table.setHeaderMode(QgsLayoutTable.AllFrames)
        table.setColumnWidths(widths)
        table.setWrapBehavior(QgsLayoutTable.WrapText)
        table.setContentTextFormat(text_format(self.family, size))
        table.setHeaderTextFormat(text_format(self.family, size, True))
        table.setShowGrid(grid)
        if grid:
            table.setGridColor(QColor("#9a9a9a"))
            table.setGridStrokeWidth(0.15)
            style = QgsLayoutTableStyle()
            style.enabled = True
            style.cellBackgroundColor = QColor("#efe9df")
            table.setCellStyle(QgsLayoutTable.HeaderRow, style)
        table.setCellMargin(1.0 if grid else 0.6)
        table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
        table.setEmptyTableBehavior(QgsLayoutTable.HideTable)
        self._keep.append(table)
        return table

    def _frame(self, table, x, y, w, h) -> QgsLayoutFrame:
        frame = QgsLayoutFrame(self.layout, table)
        frame.attemptMove(QgsLayoutPoint(x, y), True, False, self.page_index)
        frame.attemptResize(QgsLayoutSize(w, h))
        table.addFrame(frame)
        return frame

    def table(self, block: Table) -> None:
        self._flush()
        font = qfont(self.family, TABLE_PT)
        bold = qfont(self.family, TABLE_PT, True)

        def measure(text: str) -> float:
            return QgsLayoutUtils.textWidthMM(font, text)

        available = self.content_width - 1.0
        groups = split_columns(block.headers, block.rows, block.left_columns, available, measure,
                               padding=2.6, wrap_at=max(available / 3.0, 30.0))
        for part in table_parts(block, groups, self.texts.columns):
            self._table_part(part, font, bold, measure, available)

    def _table_part(self, part: Table, font, bold, measure, available) -> None:
        from .document import column_widths

        widths = [w + 2.6 for w in column_widths(part.headers, part.rows,
                                                  lambda t: max(measure(t), QgsLayoutUtils.textWidthMM(bold, t)
                                                                if t in part.headers else 0.0),
                                                  max(available / 3.0, 30.0))]
        total = sum(widths)
        if total < available and len(widths) > 1:
            widths = [w * min(1.25, available / total) for w in widths]
        if part.caption:
            self.paragraph(part.caption, "meta")
        rows = []
        for r, row in enumerate(part.rows):
            cells = []
            for c, value in enumerate(row):
                cell = QgsTableCell(str(value))
                cell.setHorizontalAlignment(Qt.AlignLeft if part.left_aligned(c) else Qt.AlignRight)
                if part.total_last and r == len(part.rows) - 1:
                    cell.setTextFormat(text_format(self.family, TABLE_PT, True))
                    cell.setBackgroundColor(QColor("#f4f1ec"))
                cells.append(cell)
            rows.append(cells)
        table = self._manual_table(rows, part.headers, [w - 2.0 for w in widths], total_last=part.total_last)
        self._paginate(table, len(rows), sum(widths) + 0.5, header=True)

    def _paginate(self, table, n_rows: int, width: float, header: bool, pages: list[int] | None = None,
                  first_y: float | None = None) -> None:
        """Frames for ``table`` on as many pages as it needs (rows are never cut; the header repeats).
        ``pages``: the pages to use (the contents); else the current page and new text pages."""
        context = QgsLayoutUtils.createRenderContextForLayout(self.layout, None)
        table.recalculateTableSize()
        first = 0
        y = first_y if first_y is not None else None
        queue = list(pages) if pages is not None else None
        if queue is not None:
            self.page_index = queue.pop(0)
            self.y = y if y is not None else TOP
        else:
            self._ensure(12.0)
        guard = 0
        while first < n_rows and guard < 10000:
            guard += 1
            available = self.page_height - BOTTOM - self.y
            fit = min(table.rowsVisible(context, available, first, header, False), n_rows - first)
            small = fit < min(3, n_rows - first) and self.y > TOP + 1.0
            if fit <= 0 or (small and queue is None):
                self._next_table_page(queue)
                continue
            height = available
            if first + fit >= n_rows:  # the last frame: just as high as its rows
                low, high = 0.0, available
                for _ in range(24):
                    middle = (low + high) / 2
                    if table.rowsVisible(context, middle, first, header, False) >= fit:
                        high = middle
                    else:
                        low = middle
                height = min(available, high + 0.3)
            self._frame(table, MARGIN, self.y, width, height)
            first += fit
            self.y += height + 4.0
            if first < n_rows:
                self._next_table_page(queue)
        table.recalculateFrameSizes()

    def _next_table_page(self, queue: list[int] | None) -> None:
        """Continue a table on the next reserved page of ``queue`` (the contents), else a new text page."""
        if queue is None:
            self.new_text_page()
            return
        if not queue:
            raise ValueError("the contents need more pages than were reserved")
        self.page_index = queue.pop(0)
        self.y = TOP

    def picture(self, path: str, width_mm: float, height_mm: float) -> None:
        """A picture at its size, smaller when needed to fit the page; shrunk to the space left on the
        current page when at least 65 % of its height fits there (fewer half-empty pages)."""
        scale = min(1.0, self.content_width / width_mm, (self.page_height - TOP - BOTTOM) / height_mm)
        left = self.page_height - BOTTOM - self.y - 1.0
        if self.page_index >= 0 and self.page_index not in self.map_pages and height_mm * scale > left >= \
                0.65 * height_mm * scale:
            scale = left / height_mm
        w, h = width_mm * scale, height_mm * scale
        self._ensure(h + 1)
        item = QgsLayoutItemPicture(self.layout)
        item.setPicturePath(path)
        item.setResizeMode(QgsLayoutItemPicture.Zoom)
        self.layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(MARGIN, self.y), True, False, self.page_index)
        item.attemptResize(QgsLayoutSize(w, h))
        self.y += h + 3.0

    def chart(self, block: Chart) -> None:
        self._flush()
        import re

        path = os.path.join(self._tmp.name, f"chart{len(self._keep)}.svg")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write('<?xml version="1.0" encoding="utf-8"?>\n' + _svg_fonts(block.svg, self.family))
        self._keep.append(path)
        size = re.search(r'<svg[^>]*\bwidth="([\d.]+)(pt|px)?"[^>]*\bheight="([\d.]+)(pt|px)?"', block.svg, re.S)
        if size:
            factor = 25.4 / 72.0 if size.group(2) in (None, "pt") else 25.4 / 96.0
            width, height = float(size.group(1)) * factor, float(size.group(3)) * factor
        else:
            width, height = 160.0, 90.0
        self.picture(path, width, height)
        if block.caption:
            self.paragraph(block.caption, "meta")

    def image(self, block: Image) -> None:
        self._flush()
        from qgis.PyQt.QtGui import QImage

        data = base64.b64decode(block.data)
        image = QImage.fromData(data, "PNG")
        path = os.path.join(self._tmp.name, f"image{len(self._keep)}.png")
        with open(path, "wb") as handle:
            handle.write(data)
        self._keep.append(path)
        width = image.width() * 25.4 / 110.0 if not image.isNull() else 150.0
        height = image.height() * 25.4 / 110.0 if not image.isNull() else 100.0
        self.picture(path, width, height)

    def sources(self, items: list[Source]) -> None:
        self._flush()
        for source in items:
            self.paragraph(f"• {source.name}: {source.origin}" if source.origin else f"• {source.name}")

    # maps ----------------------------------------------------------------------------------------
    def map_page(self, spec: MapSpec) -> int:
        """A page of the map template showing ``spec``; returns its page index."""
        self._flush(map_page=True)
        found = self._add_page(self.map_template)
        self.map_pages[self.page_index] = len(self.map_pages)
        section = getattr(self, "_section_header", None)
        if section and "header" in found:
            found["header"].setText(" — ".join([self.title] + [text for text, _level, _toc in section]))
        self.toc.append(TocEntry(4, spec.title, self.page_index))
        if "title" in found:
            found["title"].setText(spec.title)
            set_label_font(found["title"], self.family)
        item_map = found.get("map")
        if not isinstance(item_map, QgsLayoutItemMap):
            raise ValueError("the map template has no map item with the id 'map'")
        layer = spec.layer
        context = [self._outline(c) for c in spec.context]
        self._keep += [layer, *context]
        item_map.setCrs(layer.crs())
        item_map.setLayers([*context, layer])
        item_map.setKeepLayerSet(True)
        item_map.setExtent(fitted_extent(layer.extent(), item_map.rect().width(), item_map.rect().height()))
        legend = found.get("legend")
        if isinstance(legend, QgsLayoutItemLegend):
            legend.setLinkedMap(item_map)
            legend.setTitle(self.texts.legend)
            legend.setAutoUpdateModel(False)
            root = QgsLayerTree()
            node = root.addLayer(layer)
            node.setCustomProperty("legend/title-style", "hidden")
            for outline in context:
                child = root.addLayer(outline)
                child.setName(self.texts.boundaries)
            legend.model().setRootGroup(root)
            _drop_band_title(legend, node)
            self._keep.append(root)  # the model does not own the tree
            for style in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup,
                          QgsLegendStyle.SymbolLabel):
                _legend_font(legend, style, self.family)
            legend.setWrapString("\n")
            _wrap_legend_labels(legend, [node], self.family, legend.rect().width() - 16.0)
            legend.adjustBoxSize()
            legend.refresh()
        scalebar = found.get("scalebar")
        if isinstance(scalebar, QgsLayoutItemScaleBar):
            scalebar.setLinkedMap(item_map)
            fmt = scalebar.textFormat()
            font = fmt.font()
            font.setFamily(self.family)
            fmt.setFont(font)
            scalebar.setTextFormat(fmt)
            scalebar.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
            scalebar.setNumberOfSegmentsLeft(0)
            scalebar.setUnitLabel("km")
            scalebar.update()
        north = found.get("north")
        if isinstance(north, QgsLayoutItemPicture):
            if not north.picturePath():
                north.setPicturePath(north_arrow())
            north.setLinkedMap(item_map)
        for key, text in (("crs", spec.crs_text), ("source", spec.source_text), ("caption", spec.caption)):
            if key in found:
                found[key].setText(text)
        return self.page_index

    @staticmethod
    def _outline(layer):
        """A context layer drawn as dark outlines without fill (a clone: the user's styling stays)."""
        clone = layer.clone() if hasattr(layer, "clone") else layer
        if isinstance(clone, QgsVectorLayer) and clone.geometryType() == 2:
            symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#333333",
                                                 "outline_width": "0.35", "style": "no"})
            from qgis.core import QgsSingleSymbolRenderer

            clone.setRenderer(QgsSingleSymbolRenderer(symbol))
        return clone

    # output ----------------------------------------------------------------------------------------
    def finish(self) -> None:
        # no layout.refresh(): it moves items pasted from a template to the page before (QGIS 3.22)
        self._fill_contents()

    def page_png(self, page: int, dpi: float = 100.0, top: float = 24.0, bottom: float = BOTTOM) -> str:
        """Page ``page`` rendered to a PNG, base64-encoded, without its header, title and footer (the
        HTML report's map images: the HTML has its own title, and page numbers mean nothing there)."""
        from qgis.PyQt.QtCore import QRectF

        exporter = QgsLayoutExporter(self.layout)
        origin = self.layout.pageCollection().page(page).pos()
        size = self.layout.pageCollection().page(page).rect()
        region = QRectF(origin.x(), origin.y() + top, size.width(), size.height() - top - bottom)
        image = exporter.renderRegionToImage(region, QSize(), dpi)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        image.save(buffer, "PNG")
        return base64.b64encode(bytes(data)).decode("ascii")

    def export_pdf(self, path: str, dpi: float = 200.0) -> int:
        """Write the PDF (atomically: a temporary file renamed at the end); returns the page count."""
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = dpi
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = False
        settings.exportMetadata = True
        settings.simplifyGeometries = True
        from qgis.core import QgsRenderContext

        always_text = getattr(getattr(__import__("qgis.core", fromlist=["Qgis"]).Qgis, "TextRenderFormat", None),
                              "AlwaysText", None)
        settings.textRenderFormat = always_text if always_text is not None else QgsRenderContext.TextFormatAlwaysText
        folder = os.path.dirname(os.path.abspath(path))
        handle, partial = tempfile.mkstemp(prefix=".minemonitor-", suffix=".pdf", dir=folder)
        os.close(handle)
        try:
            result = QgsLayoutExporter(self.layout).exportToPdf(partial, settings)
            if result != QgsLayoutExporter.Success:
                raise OSError(f"QgsLayoutExporter error {result}")
            os.replace(partial, path)
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        return self.layout.pageCollection().pageCount()

    def close(self) -> None:
        self._tmp.cleanup()


def _template_places(doc: QDomDocument) -> dict[str, tuple[float, float]]:
    """Item id -> position (mm) on its page of the items of a template (the item's own corner)."""
    places = {}
    nodes = doc.documentElement().childNodes()
    for i in range(nodes.count()):
        element = nodes.at(i).toElement()
        if element.tagName() != "LayoutItem" or not element.attribute("id"):
            continue
        x, y = (float(v) for v in element.attribute("positionOnPage", "0,0,mm").split(",")[:2])
        places[element.attribute("id")] = (x, y)
    return places


def _template_corner(doc: QDomDocument) -> tuple[float, float]:
    """Top-left corner (mm, on its page) of the bounding box of a template's items, pages excluded."""
    xs, ys = [], []
    nodes = doc.documentElement().childNodes()
    for i in range(nodes.count()):
        element = nodes.at(i).toElement()
        if element.tagName() != "LayoutItem" or element.attribute("type") == str(QgsLayoutItemRegistry.LayoutPage):
            continue
        x, y = (float(v) for v in element.attribute("positionOnPage", "0,0,mm").split(",")[:2])
        xs.append(x)
        ys.append(y)
    return (min(xs), min(ys)) if xs else (0.0, 0.0)


def fitted_extent(extent, width: float, height: float, margin: float = 0.04) -> QgsRectangle:
    """``extent`` grown by ``margin`` on each side, then widened or heightened to the shape of a
    ``width`` x ``height`` map item (centre kept)."""
    box = QgsRectangle(extent)
    if box.width() <= 0 or box.height() <= 0:
        box.grow(max(box.width(), box.height(), 1.0))
    cx, cy = box.center().x(), box.center().y()
    w, h = box.width() * (1 + 2 * margin), box.height() * (1 + 2 * margin)
    if width > 0 and height > 0:
        target = width / height
        if w / h < target:
            w = h * target
        else:
            h = w / target
    return QgsRectangle(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def _wrap_legend_labels(legend, nodes, family: str, width_mm: float) -> None:
    """Break legend labels wider than ``width_mm`` into lines (the legend's wrap string is a newline)."""
    from qgis.core import QgsMapLayerLegendUtils

    font = qfont(family, 10.0)
    for node in nodes:
        for index, legend_node in enumerate(legend.model().layerLegendNodes(node)):
            label = legend_node.data(Qt.DisplayRole) or ""
            if label and QgsLayoutUtils.textWidthMM(font, label) > width_mm:
                QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, index, "\n".join(wrap_text(label, font, width_mm)))
        legend.model().refreshLayerLegend(node)


def _drop_band_title(legend, node) -> None:
    """Leave out the "Band 1 (Gray)" line QGIS puts above the classes of a raster's legend."""
    from qgis.core import QgsMapLayerLegendUtils, QgsRasterLayer, QgsSimpleLegendNode

    if not isinstance(node.layer(), QgsRasterLayer):
        return
    nodes = legend.model().layerLegendNodes(node)
    if len(nodes) > 1 and isinstance(nodes[0], QgsSimpleLegendNode):
        QgsMapLayerLegendUtils.setLegendNodeOrder(node, list(range(1, len(nodes))))
        legend.model().refreshLayerLegend(node)


def _legend_font(legend, style, family: str) -> None:
    """Legend text in ``family`` through the API of the running QGIS."""
    rstyle = legend.rstyle(style) if hasattr(legend, "rstyle") else None
    if rstyle is not None and hasattr(rstyle, "textFormat"):
        fmt = rstyle.textFormat()
        font = fmt.font()
        font.setFamily(family)
        fmt.setFont(font)
        rstyle.setTextFormat(fmt)
        return
    font = QFont(legend.styleFont(style))
    font.setFamily(family)
    legend.setStyleFont(style, font)


def _svg_fonts(svg: str, family: str) -> str:
    """A matplotlib SVG whose text is drawn in ``family`` at the sizes matplotlib laid it out for.

    Qt's SVG renderer takes the first family of a list only (which may not be installed) and ignores a
    ``font:`` shorthand it cannot parse, drawing the text at its default size (labels then overlap):
    the shorthand becomes explicit ``font-size``/``font-family`` (and style/weight) properties.
    """
    import re

    def longhand(match) -> str:
        words = match.group(1).split()
        extra = "".join(f";font-weight:{w}" for w in words if w in ("bold", "bolder", "lighter") or w.isdigit())
        extra += "".join(f";font-style:{w}" for w in words if w in ("italic", "oblique"))
        return f"font-size:{match.group(2)}px;font-family:'{family}'{extra}"

    svg = re.sub(r"font-family:[^;\"]*", f"font-family:'{family}'", svg)
    return re.sub(r"font:\s*((?:[\w-]+\s+)*?)([\d.]+)px\s+[^;\"]*", longhand, svg)


__all__ = [
    "PAGE_FORMATS",
    "Heading",
    "LayoutTexts",
    "MapFigure",
    "MapSpec",
    "Paragraph",
    "ReportLayout",
    "build_template",
    "page_size",
    "report_font",
    "template_path",
    "write_template",
]
