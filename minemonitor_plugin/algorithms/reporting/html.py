"""Small HTML helpers shared by the algorithms' reports (tables, headings, self-contained pages)."""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence

_CSS = (
    "body{font-family:sans-serif;margin:1.5em;color:#222}"
    "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}"
    "table{border-collapse:collapse;margin:.6em 0}"
    "th,td{border:1px solid #bbb;padding:3px 8px;text-align:right}"
    "th{background:#eee}td.l,th.l{text-align:left}"
    "tr.total td{font-weight:bold;background:#f6f6f6}td.diag{background:#dfd}"
    "p.note{color:#555;font-size:.9em}.warn{color:#a40}"
)


def fmt(value: object, digits: int = 4) -> str:
    """A cell value as text: floats with ``digits`` decimals, NaN/None as an em dash."""
    if value is None:
        return "—"
    if isinstance(value, float):
        if math.isnan(value):
            return "—"
        return f"{value:.{digits}f}"
    return str(value)


def html_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    left_columns: int = 1,
    digits: int = 4,
    total_last: bool = False,
    diagonal_from: int | None = None,
    formatter=None,
) -> str:
    """An HTML table; the first ``left_columns`` columns are left-aligned text.

    ``diagonal_from``: highlight cell ``(i, diagonal_from + i)`` (the diagonal of a confusion matrix).
    ``formatter``: ``value -> text`` for the cells (default :func:`fmt` with ``digits``).
    """
    formatter = formatter or (lambda value: fmt(value, digits))
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
