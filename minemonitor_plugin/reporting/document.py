"""The report as a list of blocks, shared by the HTML report and the PDF layout (no QGIS import).

A report is sections of blocks: headings, paragraphs, tables, charts (inline SVG), images and map
figures. :func:`parse_html` reads the HTML reports MineMonitor's algorithms write (made with
``reporting.html``) back into blocks, so the combined report re-lays them out, in HTML or in a print
layout, instead of pasting HTML. :func:`render_html` writes blocks as HTML; :func:`split_columns` cuts a
table too wide for a page into column groups that repeat the key columns, so no column is ever cut.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: ``data-`` attribute names of a map figure (the HTML a report writes, read back by :func:`parse_html`).
MAP_ATTRIBUTES = ("source", "title", "context", "style")


@dataclass
class Heading:
    text: str
    level: int = 2
    anchor: str = ""


@dataclass
class Paragraph:
    text: str
    kind: str = ""  # "", "note", "warn", "meta"


@dataclass
class Table:
    """Rows of formatted cells. The first ``left_columns`` columns are the row keys (left-aligned and
    repeated in every column group); ``numeric`` (one flag per column, optional) right-aligns numbers
    and left-aligns text in the other columns (default: right)."""

    headers: list[str]
    rows: list[list[str]]
    left_columns: int = 1
    total_last: bool = False
    caption: str = ""
    source: str = ""
    numeric: list[bool] | None = None

    def left_aligned(self, column: int) -> bool:
        if column < self.left_columns:
            return True
        return self.numeric is not None and column < len(self.numeric) and not self.numeric[column]


@dataclass
class Chart:
    svg: str
    caption: str = ""


@dataclass
class Image:
    data: str  # base64 PNG
    alt: str = ""


@dataclass
class MapFigure:
    """A map of one layer. ``source``: the layer's file (``path|layername=...``) when it can be loaded
    again, ``context``: the boundary layers drawn with it; ``png``/``legend``: what to show when the
    layer cannot be loaded (``legend``: ``(colour, label)`` pairs)."""

    title: str
    source: str = ""
    context: list[str] = field(default_factory=list)
    style: str = ""
    png: str = ""
    legend: list[tuple[str, str]] = field(default_factory=list)
    caption: str = ""


@dataclass
class Source:
    """A data source line: a name and where it came from (a file name, never a layer URI)."""

    name: str
    origin: str


Block = Heading | Paragraph | Table | Chart | Image | MapFigure | Source


@dataclass
class Section:
    title: str
    blocks: list = field(default_factory=list)
    anchor: str = ""


# ------------------------------------------------------------------------------------------------
# column groups
# ------------------------------------------------------------------------------------------------
def text_width_chars(text: str) -> float:
    """Rough printed width of ``text`` in widths of a Latin character (CJK characters count two)."""
    return sum(2.0 if "\u2e80" <= ch <= "\uffef" else 1.0 for ch in text)


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], measure: Callable[[str], float],
                  wrap_at: float) -> list[float]:
    """Width each column needs: its widest cell (header words may wrap), at most ``wrap_at`` (longer
    texts wrap)."""
    widths = []
    for c, header in enumerate(headers):
        longest_word = max((measure(w) for w in str(header).split()), default=0.0)
        need = max([longest_word] + [measure(str(r[c])) for r in rows if c < len(r)])
        widths.append(min(max(need, longest_word), wrap_at))
    return widths


def split_columns(headers: Sequence[str], rows: Sequence[Sequence[str]], left_columns: int, available: float,
                  measure: Callable[[str], float] = text_width_chars, padding: float = 2.0,
                  wrap_at: float | None = None) -> list[list[int]]:
    """Column groups that each fit ``available`` (in the unit of ``measure``, plus ``padding`` per
    column): every group repeats the first ``left_columns`` columns (the row keys), so a wide table
    is printed as several tables and no column is cut. One group when the table fits."""
    n = len(headers)
    if n == 0:
        return [[]]
    wrap_at = wrap_at if wrap_at is not None else max(available / 3.0, 1.0)
    widths = [w + padding for w in column_widths(headers, rows, measure, wrap_at)]
    keys = list(range(min(left_columns, n)))
    key_width = sum(widths[k] for k in keys)
    groups: list[list[int]] = []
    current: list[int] = []
    used = key_width
    for c in range(len(keys), n):
        if current and used + widths[c] > available:
            groups.append(keys + current)
            current, used = [], key_width
        current.append(c)
        used += widths[c]
    if current or not groups:
        groups.append(keys + current)
    return groups


def table_parts(table: Table, groups: list[list[int]], part_label: str) -> list[Table]:
    """The tables of the column groups; ``part_label`` is formatted with ``first``, ``last`` and
    ``total`` (1-based column numbers) for the caption of each part when there are several."""
    if len(groups) <= 1:
        return [table]
    out = []
    n = len(table.headers)
    for group in groups:
        own = [c for c in group if c >= table.left_columns] or group
        caption = part_label.format(first=own[0] + 1, last=own[-1] + 1, total=n)
        out.append(Table([table.headers[c] for c in group], [[r[c] if c < len(r) else "" for c in group]
                                                              for r in table.rows],
                         min(table.left_columns, len(group)), table.total_last,
                         f"{table.caption} — {caption}" if table.caption else caption, table.source,
                         [table.numeric[c] for c in group] if table.numeric is not None else None))
    return out


# ------------------------------------------------------------------------------------------------
# HTML -> blocks
# ------------------------------------------------------------------------------------------------
_SVG = re.compile(r"<svg\b.*?</svg>", re.S | re.I)
_CHART = "mm-chart"
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*([^;\"']+)")


class _Parser(HTMLParser):
    def __init__(self, charts: list[str]):
        super().__init__(convert_charrefs=True)
        self.charts = charts
        self.blocks: list = []
        self.title = ""
        self.text: list[str] | None = None
        self.text_tag = ""
        self.text_class = ""
        self.skip = 0  # inside <style>, <title>, <nav> (contents of a combined report)
        self.table: dict | None = None
        self.row: list[str] | None = None
        self.row_total = False
        self.cell: list[str] | None = None
        self.cell_header = False
        self.figure: MapFigure | None = None
        self.key_colour = ""
        self.key_text: list[str] | None = None
        self.sources = False
        self.cover = False  # the title block of a combined report: only its <h1> is kept (as the title)

    # helpers ---------------------------------------------------------------------------------
    @staticmethod
    def _attrs(attrs) -> dict:
        return {k: (v or "") for k, v in attrs}

    def _flush_text(self) -> str:
        text = " ".join("".join(self.text or []).split())
        self.text = None
        return text

    # parser callbacks --------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        a = self._attrs(attrs)
        classes = a.get("class", "").split()
        if tag in ("style", "title", "script", "nav"):
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "section" and "sources" in classes:
            self.sources = True
        if tag == "header" and "cover" in classes:
            self.cover = True
        if tag == _CHART:
            index = int(a.get("index", "-1"))
            if 0 <= index < len(self.charts):
                self.blocks.append(Chart(self.charts[index]))
            return
        if tag == "figure" and "map" in classes:
            self.figure = MapFigure(title=a.get("data-title", ""), source=a.get("data-source", ""),
                                    context=[c for c in a.get("data-context", "").split("\n") if c],
                                    style=a.get("data-style", ""))
            return
        if tag == "img":
            src = a.get("src", "")
            data = src.split("base64,", 1)[1] if "base64," in src else ""
            if self.figure is not None:
                self.figure.png = data
            elif data:
                self.blocks.append(Image(data, a.get("alt", "")))
            return
        if tag == "span" and "key" in classes:
            self.key_text = []
            return
        if tag == "i" and self.key_text is not None:
            match = _BACKGROUND.search(a.get("style", ""))
            self.key_colour = match.group(1).strip() if match else ""
            return
        if tag == "table":
            self.table = {"headers": [], "rows": [], "left": 0, "total": False, "source": a.get("data-source", "")}
            return
        if tag == "tr" and self.table is not None:
            self.row = []
            self.row_total = "total" in classes
            return
        if tag in ("td", "th") and self.row is not None:
            self.cell = []
            self.cell_header = tag == "th"
            if self.table is not None and not self.table["rows"] and tag == "th" and "l" in classes:
                self.table["left"] += 1
            return
        if tag == "br" and self.cell is not None:
            self.cell.append(" ")
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "figcaption", "caption"):
            self.text = []
            self.text_tag = tag
            self.text_class = a.get("class", "")

    def handle_endtag(self, tag):
        if tag in ("style", "title", "script", "nav"):
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "section" and self.sources:
            self.sources = False
        if tag == "header" and self.cover:
            self.cover = False
        if tag == "span" and self.key_text is not None:
            label = " ".join("".join(self.key_text).split())
            if self.figure is not None and label:
                self.figure.legend.append((self.key_colour, label))
            self.key_text = None
            return
        if tag == "figure" and self.figure is not None:
            self.blocks.append(self.figure)
            self.figure = None
            return
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
            return
        if tag == "tr" and self.row is not None and self.table is not None:
            if self.cell_header and not self.table["rows"] and not self.table["headers"]:
                self.table["headers"] = self.row
            else:
                self.table["rows"].append(self.row)
                self.table["total"] = self.row_total
            self.row = None
            self.cell_header = False
            return
        if tag == "table" and self.table is not None:
            t = self.table
            headers = t["headers"] or (t["rows"].pop(0) if t["rows"] else [])
            self.blocks.append(Table(headers, t["rows"], max(1, t["left"]) if headers else 1, t["total"],
                                     source=t["source"]))
            self.table = None
            return
        if tag == self.text_tag and self.text is not None:
            text = self._flush_text()
            if not text:
                return
            if tag == "figcaption" and self.figure is not None:
                self.figure.caption = text
            elif tag.startswith("h") and self.figure is not None:
                self.figure.title = self.figure.title or text
            elif tag == "h1" and not self.title:
                self.title = text
            elif self.cover or (self.sources and tag.startswith("h")):
                pass  # the embedded report's date line and its "Data sources" heading
            elif tag.startswith("h") and len(tag) == 2:
                self.blocks.append(Heading(text, int(tag[1])))
            elif tag == "li" and self.sources:
                name, _, origin = text.partition(": ")
                self.blocks.append(Source(name, origin))
            elif tag == "li":
                self.blocks.append(Paragraph("• " + text))
            elif tag == "caption":
                pass
            else:
                kind = next((k for k in ("warn", "note", "meta") if k in self.text_class.split()), "")
                self.blocks.append(Paragraph(text, kind))

    def handle_data(self, data):
        if self.skip:
            return
        if self.key_text is not None:
            self.key_text.append(data)
        elif self.cell is not None:
            self.cell.append(data)
        elif self.text is not None:
            self.text.append(data)


def parse_html(text: str) -> tuple[str, list]:
    """``(title, blocks)`` of an HTML report written by MineMonitor (its first ``<h1>`` is the title)."""
    charts: list[str] = []

    def keep(match):
        charts.append(match.group(0))
        return f"<{_CHART} index=\"{len(charts) - 1}\"></{_CHART}>"

    parser = _Parser(charts)
    parser.feed(_SVG.sub(keep, text))
    parser.close()
    return parser.title, parser.blocks


def shift_headings(blocks: list, by: int) -> list:
    """The blocks with every heading ``by`` levels deeper (at most level 6)."""
    for block in blocks:
        if isinstance(block, Heading):
            block.level = min(6, block.level + by)
    return blocks


# ------------------------------------------------------------------------------------------------
# blocks -> HTML
# ------------------------------------------------------------------------------------------------
def table_html(table: Table, part_label: str, max_chars: float = 150.0) -> str:
    """A table as HTML, split into column groups when wider than ``max_chars`` characters."""
    parts = table_parts(table, split_columns(table.headers, table.rows, table.left_columns, max_chars), part_label)
    out = []
    for part in parts:
        source = f' data-source="{html.escape(part.source)}"' if part.source else ""
        cells = ["<div class=\"table-wrap\"><table" + source + ">"]
        if part.caption:
            cells.append(f"<caption>{html.escape(part.caption)}</caption>")
        cells.append("<tr>" + "".join(
            f'<th class="l">{html.escape(h)}</th>' if part.left_aligned(i) else f"<th>{html.escape(h)}</th>"
            for i, h in enumerate(part.headers)) + "</tr>")
        for r, row in enumerate(part.rows):
            total = part.total_last and r == len(part.rows) - 1
            cells.append('<tr class="total">' if total else "<tr>")
            cells += [f'<td class="l">{html.escape(str(v))}</td>' if part.left_aligned(i)
                      else f"<td>{html.escape(str(v))}</td>" for i, v in enumerate(row)]
            cells.append("</tr>")
        cells.append("</table></div>")
        out.append("".join(cells))
    return "".join(out)


def figure_html(figure: MapFigure, png: str) -> str:
    """A map figure: the rendered map page (``png``, base64) with its data attributes, so a combined
    report can draw the layer again."""
    attrs = {"source": figure.source, "title": figure.title, "context": "\n".join(figure.context),
             "style": figure.style}
    data = "".join(f' data-{k}="{html.escape(v)}"' for k, v in attrs.items() if v)
    legend = "".join(f'<span class="key"><i style="background:{html.escape(colour)}"></i>{html.escape(label)}</span>'
                     for colour, label in figure.legend)
    parts = [f'<figure class="map"{data}>', f"<h4>{html.escape(figure.title)}</h4>",
             f'<img class="map" alt="{html.escape(figure.title)}" src="data:image/png;base64,{png}"/>']
    if legend:
        parts.append(f'<div class="legend">{legend}</div>')
    if figure.caption:
        parts.append(f"<figcaption>{html.escape(figure.caption)}</figcaption>")
    parts.append("</figure>")
    return "".join(parts)


def block_html(block, part_label: str, map_png: Callable[[MapFigure], str] | None = None) -> str:
    """One block as HTML (``map_png`` renders a map figure, else its stored image is used)."""
    if isinstance(block, Heading):
        anchor = f' id="{html.escape(block.anchor)}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{html.escape(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        css = f' class="{block.kind}"' if block.kind else ""
        return f"<p{css}>{html.escape(block.text)}</p>"
    if isinstance(block, Table):
        return table_html(block, part_label)
    if isinstance(block, Chart):
        caption = f"<figcaption>{html.escape(block.caption)}</figcaption>" if block.caption else ""
        return f'<figure class="chart">{block.svg}{caption}</figure>'
    if isinstance(block, Image):
        return f'<img class="figure" alt="{html.escape(block.alt)}" src="data:image/png;base64,{block.data}"/>'
    if isinstance(block, MapFigure):
        return figure_html(block, map_png(block) if map_png else block.png)
    if isinstance(block, Source):
        return f"<li>{html.escape(block.name)}: {html.escape(block.origin)}</li>"
    raise TypeError(block)
