"""Small HTML helpers shared by the algorithms' reports (tables, headings, self-contained pages)."""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Iterable, Sequence

_CSS = (
    "body{font-family:'Noto Sans','Noto Sans CJK SC','Microsoft YaHei',Arial,sans-serif;margin:1.5em;color:#222;"
    "max-width:1000px}"
    "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}"
    "table{border-collapse:collapse;margin:.6em 0}"
    "th,td{border:1px solid #bbb;padding:3px 8px;text-align:right}"
    "th{background:#eee}td.l,th.l{text-align:left}"
    "tr.total td{font-weight:bold;background:#f6f6f6}td.diag{background:#dfd}"
    "p.note{color:#555;font-size:.9em}.warn{color:#a40}"
)


#: The combined report's CSS (``FONTS`` is replaced by the font stack of the report's language): maps as
#: page images, tables that scroll on screen and are split into column groups for print, page breaks.
REPORT_CSS = (
    "body{font-family:FONTS;margin:24px auto;color:#222;max-width:1120px;padding:0 16px}"
    "header.cover h1{border-bottom:3px solid #6b4f2a;padding-bottom:6px}"
    "h2{color:#6b4f2a;margin-top:32px;border-bottom:1px solid #d9cfc0}h3{color:#4a3a22}"
    "nav.contents ol{font-size:14px;line-height:1.6}"
    "table{border-collapse:collapse;margin:8px 0 4px;font-size:13px}"
    "th,td{border:1px solid #bbb;padding:3px 8px;text-align:right;vertical-align:top}"
    "th{background:#efe9df}td.l,th.l{text-align:left}tr.total td{font-weight:bold;background:#f6f3ee}"
    "caption{caption-side:top;text-align:left;color:#666;font-size:12px;padding:2px 0}"
    ".table-wrap{overflow-x:auto;max-width:100%}"
    "figure{margin:12px 0}figure.map img{max-width:100%;border:1px solid #ccc}"
    "figure.chart svg{max-width:100%;height:auto}"
    ".legend{margin:4px 0 12px;font-size:12px}.key{display:inline-block;margin-right:14px}"
    ".key i{display:inline-block;width:14px;height:14px;margin-right:4px;vertical-align:middle;border:1px solid #777}"
    "p.meta{color:#666;font-size:12px}p.note{color:#555;font-size:.9em}p.warn{color:#a04000;font-weight:bold}"
    "@media print{@page{size:A4 landscape;margin:12mm}body{max-width:none;margin:0;padding:0}"
    "section.part{break-before:page}h2,h3,h4{break-after:avoid}table,figure{break-inside:auto}"
    "tr{break-inside:avoid}thead{display:table-header-group}.table-wrap{overflow:visible}"
    "table{font-size:9pt}figure.map{break-inside:avoid}nav.contents{break-after:page}}"
)


def fmt(value: object, digits: int = 4, *, significant: bool = False) -> str:
    """A cell value as text; NaN/None as an em dash, never "-0".

    Floats get ``digits`` decimals, or with ``significant`` ``digits`` significant digits
    (scientific notation below 1e-4, e.g. tiny p-values). Integers (Python or numpy) stay whole.
    """
    if value is None:
        return "—"
    if isinstance(value, (bool, str)):
        return str(value)
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        value = float(value)
        if not math.isfinite(value):
            return "—"
        if significant:
            text = f"{value:.3e}" if value != 0 and abs(value) < 1e-4 else f"{value:.{digits}g}"
        else:
            text = f"{value:.{digits}f}"
        return text[1:] if text.startswith("-") and float(text) == 0 else text
    return str(value)


def html_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    left_columns: int = 1,
    digits: int = 4,
    total_last: bool = False,
    diagonal_from: int | None = None,
    significant: bool = False,
    formatter=None,
) -> str:
    """An HTML table; the first ``left_columns`` columns are left-aligned text.

    ``diagonal_from``: highlight cell ``(i, diagonal_from + i)`` (the diagonal of a confusion matrix).
    ``formatter``: ``value -> text`` for the cells (default :func:`fmt` with ``digits`` and ``significant``).
    """
    formatter = formatter or (lambda value: fmt(value, digits, significant=significant))
    rows = [list(r) for r in rows]
    out = ["<table><tr>"]
    out += [f'<th class="l">{html.escape(h)}</th>' if i < left_columns else f"<th>{html.escape(h)}</th>"
            for i, h in enumerate(headers)]
    out.append("</tr>")
    for r_index, row in enumerate(rows):
        total = total_last and r_index == len(rows) - 1
        out.append('<tr class="total">' if total else "<tr>")
        for c_index, value in enumerate(row):
            classes = []
            if c_index < left_columns:
                classes.append("l")
            if diagonal_from is not None and not total and c_index == diagonal_from + r_index:
                classes.append("diag")
            attr = f' class="{" ".join(classes)}"' if classes else ""
            out.append(f"<td{attr}>{html.escape(formatter(value))}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def html_paragraph(text: str, css_class: str = "") -> str:
    """An escaped paragraph."""
    attr = f' class="{css_class}"' if css_class else ""
    return f"<p{attr}>{html.escape(text)}</p>"


def html_heading(text: str, level: int = 2) -> str:
    """An escaped heading."""
    return f"<h{level}>{html.escape(text)}</h{level}>"


def html_document(title: str, body: Sequence[str], lang: str = "en", css: str = "") -> str:
    """A self-contained UTF-8 HTML page with ``title`` as its heading."""
    return (
        f'<!DOCTYPE html><html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_CSS}{css}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{''.join(body)}</body></html>\n"
    )


def write_html(path: str, title: str, body: Sequence[str], lang: str = "en") -> None:
    """Write a self-contained UTF-8 HTML page."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(html_document(title, body, lang))


def id_list(ids: Sequence[object], limit: int = 50) -> str:
    """``1, 2, 3 ...`` with at most ``limit`` ids and an ellipsis."""
    shown = ", ".join(str(i) for i in list(ids)[:limit])
    return shown + (" ..." if len(ids) > limit else "")
