"""The "national context" report section: footprints near features (proximity bands) and the public
datasets' national totals, as HTML blocks for the algorithms' reports and the combined report.

Pure HTML from plain numbers and already translated labels (the algorithms translate); charts are
optional (matplotlib).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import charts
from .html import html_heading, html_paragraph, html_table


def band_label(distance_m: float) -> str:
    """``≤ 1 km`` / ``≤ 500 m``."""
    if distance_m >= 1000 and float(distance_m / 1000).is_integer():
        return f"≤ {distance_m / 1000:g} km"
    if distance_m >= 1000:
        return f"≤ {distance_m / 1000:.3g} km"
    return f"≤ {distance_m:g} m"


def proximity_section(
    title: str,
    note: str,
    zones: Sequence[str],
    bands_m: Sequence[float],
    pct_area: np.ndarray,
    pct_count: np.ndarray,
    zone_n: Sequence[int],
    zone_km2: Sequence[float],
    headers: Sequence[str],
    chart_labels: Sequence[str] = (),
) -> list[str]:
    """HTML blocks: a heading, a note, zones x bands of the share of footprint area (and of the
    footprints) within each distance, and a bar chart of the last zone (all footprints).

    ``pct_area`` / ``pct_count`` have shape (zones, bands); ``headers`` are the translated column
    titles (zone, footprints, area km², then the per-band suffixes "area %" and "count %");
    ``chart_labels`` = (y label, count label, area label) or empty for no chart (none for a single band).
    """
    zone_title, n_title, km2_title, area_pct_title, count_pct_title = headers
    bands = [band_label(b) for b in bands_m]
    head = [zone_title, n_title, km2_title]
    for label in bands:
        head += [f"{label} {area_pct_title}", f"{label} {count_pct_title}"]
    rows = []
    for z, zone in enumerate(zones):
        row: list[object] = [zone, int(zone_n[z]), float(zone_km2[z])]
        for b in range(len(bands)):
            row += [float(pct_area[z, b]), float(pct_count[z, b])]
        rows.append(row)
    blocks = [html_heading(title), html_paragraph(note, "note"), html_table(head, rows, digits=2, total_last=True)]
    if chart_labels and charts.available() and len(zones) and len(bands) > 1:  # one band: the table says it all
        ylabel, count_label, area_label = chart_labels
        blocks.append(charts.size_class_bars(bands, np.asarray(pct_count[-1]), np.asarray(pct_area[-1]), ylabel,
                                             count_label, area_label))
    return blocks
