"""Inline SVG charts for the HTML reports (matplotlib, imported lazily; no pyplot, no GUI backend)."""

from __future__ import annotations

import io
import re
import textwrap
import warnings
from collections.abc import Sequence

import numpy as np

_SVG_START = re.compile(r"<svg\b")
# Text stays text in the SVG, so the browser renders Chinese labels with its own fonts.
_RC = {
    "svg.fonttype": "none",
    "font.family": ["sans-serif"],
    "font.sans-serif": ["Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "DejaVu Sans"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
RC = _RC  # for charts drawn elsewhere (CJK fonts when installed)
COLOR = "#8c5a2b"


def available() -> bool:
    """True when matplotlib can be imported."""
    import importlib.util

    return importlib.util.find_spec("matplotlib") is not None


def to_svg(fig) -> str:
    """The figure as an inline ``<svg>`` element (text kept as text, so browsers draw CJK labels)."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}), warnings.catch_warnings():
        # CJK labels: the SVG keeps them as text for the browser, matplotlib's font lacks the glyphs
        warnings.filterwarnings("ignore", message="Glyph .* missing from")
        fig.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    match = _SVG_START.search(text)
    return text[match.start():] if match else text


def figure(width: float = 6.0, height: float = 3.4):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def log_area_histogram(area_km2: np.ndarray, mu: float, sigma: float, geomean: float, xlabel: str,
                       ylabel: str, fit_label: str, gm_label: str) -> str:
    """Histogram of log10(area) with the fitted normal density and the geometric mean (Fig. 7)."""
    import matplotlib

    logs = np.log10(area_km2[area_km2 > 0])
    with matplotlib.rc_context(_RC):
        fig = figure()
        ax = fig.add_subplot()
        bins = max(10, min(60, int(np.sqrt(logs.size))))
        _counts, edges, _ = ax.hist(logs, bins=bins, color=COLOR, alpha=0.75, edgecolor="white")
        if sigma > 0 and logs.size:
            x = np.linspace(edges[0], edges[-1], 200)
            # density of log10(area) when ln(area) ~ N(mu, sigma)
            m, s = mu / np.log(10), sigma / np.log(10)
            pdf = np.exp(-0.5 * ((x - m) / s) ** 2) / (s * np.sqrt(2 * np.pi))
            ax.plot(x, pdf * logs.size * (edges[1] - edges[0]), color="#1f4e79", lw=1.5, label=fit_label)
        if geomean > 0:
            ax.axvline(np.log10(geomean), color="#c00000", ls="--", lw=1, label=gm_label)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.legend(frameon=False)
        return to_svg(fig)


def pp_plot(expected: np.ndarray, observed: np.ndarray, xlabel: str, ylabel: str, max_points: int = 1500) -> str:
    """Log-normal P-P plot: fitted CDF against plotting positions, with the diagonal (Fig. 7)."""
    import matplotlib

    step = max(1, int(np.ceil(expected.size / max_points)))  # thin evenly: the SVG stays small
    with matplotlib.rc_context(_RC):
        fig = figure(4.2, 4.0)
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, 1], color="#888", lw=1)
        ax.scatter(expected[::step], observed[::step], s=6, color=COLOR, linewidths=0)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_aspect("equal")
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        return to_svg(fig)


def size_class_bars(labels: Sequence[str], pct_polygons: np.ndarray, pct_area: np.ndarray, ylabel: str,
                    count_label: str, area_label: str) -> str:
    """Share of polygons and of area per size class, side by side (Fig. 8a/b)."""
    import matplotlib

    x = np.arange(len(labels))
    with matplotlib.rc_context(_RC):
        fig = figure(6.4, 3.4)
        ax = fig.add_subplot()
        ax.bar(x - 0.2, pct_polygons, 0.4, color=COLOR, label=count_label)
        ax.bar(x + 0.2, np.nan_to_num(pct_area), 0.4, color="#1f4e79", label=area_label)
        ax.set_xticks(x)
        ax.set_xticklabels(labels, rotation=30, ha="right")
        ax.set_ylabel(ylabel)
        ax.legend(frameon=False)
        return to_svg(fig)


def top_bars(labels: Sequence[str], values: np.ndarray, xlabel: str) -> str:
    """Horizontal bars of the top groups, largest on top (Figs 3-5)."""
    import matplotlib

    n = len(labels)
    with matplotlib.rc_context(_RC):
        fig = figure(6.0, 0.8 + 0.28 * max(n, 1))
        ax = fig.add_subplot()
        y = np.arange(n)[::-1]
        ax.barh(y, values, color=COLOR)
        ax.set_yticks(y)
        ax.set_yticklabels(labels)
        ax.set_xlabel(xlabel)
        return to_svg(fig)


def moran_scatter_svg(z, lag, slope_label: str, x_label: str, y_label: str, clusters=None, title: str = "",
                      quadrant_labels: Sequence[str] = ("HH", "LH", "LL", "HL")) -> str | None:
    """Inline SVG Moran scatterplot (standardised value vs its spatial lag), None without matplotlib.

    Symmetric axes around 0, the four quadrants labelled (``quadrant_labels``: high-high upper right,
    low-high upper left, low-low lower left, high-low lower right, as GeoDa), the fitted slope and
    ``title`` (e.g. "Moran's I = 0.41"). ``clusters`` (local Moran cluster codes) colour the points
    as the LISA map does."""
    from .colours import LISA_COLOURS

    if not available():
        return None
    import matplotlib

    z = np.asarray(z, dtype=float)
    lag = np.asarray(lag, dtype=float)
    ok = np.isfinite(z) & np.isfinite(lag)
    with matplotlib.rc_context(_RC):
        fig = figure(5.5, 5.2)
        ax = fig.add_subplot(111)
        if clusters is None:
            ax.scatter(z[ok], lag[ok], s=10, c="#6b4f2a", alpha=0.7, linewidths=0)
        else:
            colours = [LISA_COLOURS.get(int(c), "#999999") for c in np.asarray(clusters)[ok]]
            ax.scatter(z[ok], lag[ok], s=12, c=colours, edgecolors="#555555", linewidths=0.3)
        reach = float(np.max(np.abs(np.concatenate([z[ok], lag[ok]])))) * 1.08 if ok.any() else 1.0
        reach = reach if reach > 0 else 1.0
        ax.set_xlim(-reach, reach)
        ax.set_ylim(-reach, reach)
        ax.set_aspect("equal")
        ax.axhline(0, color="#888888", lw=0.8)
        ax.axvline(0, color="#888888", lw=0.8)
        corner = 0.96 * reach
        for (sx, sy), text in zip(((1, 1), (-1, 1), (-1, -1), (1, -1)), quadrant_labels, strict=True):
            ax.text(sx * corner, sy * corner, text, ha="right" if sx > 0 else "left",
                    va="top" if sy > 0 else "bottom", fontsize=11, fontweight="bold", color="#555555")
        if ok.sum() >= 2 and np.ptp(z[ok]) > 0:
            slope, intercept = np.polyfit(z[ok], lag[ok], 1)
            xs = np.array([-reach, reach])
            ax.plot(xs, intercept + slope * xs, color="#c0392b", lw=1.2, label=slope_label.format(slope=slope))
            ax.legend(loc="lower right", bbox_to_anchor=(1.0, 0.06), fontsize=8, frameon=False)
        ax.set_xlabel(x_label)
        ax.set_ylabel(y_label)
        if title:
            ax.set_title(title, fontsize=11)
        fig.tight_layout()
        return to_svg(fig)


def reference_distribution_svg(simulated, observed: float, expected: float, title: str, x_label: str,
                               y_label: str, observed_label: str, expected_label: str) -> str | None:
    """Histogram of a statistic under the permutations with the observed and the expected value
    marked (GeoDa's reference distribution); None without matplotlib or simulated values."""
    if not available():
        return None
    import matplotlib

    sims = np.asarray(simulated, dtype=float)
    sims = sims[np.isfinite(sims)]
    if sims.size == 0:
        return None
    with matplotlib.rc_context(_RC):
        fig = figure(6.0, 3.4)
        ax = fig.add_subplot(111)
        low = min(float(sims.min()), observed, expected)
        high = max(float(sims.max()), observed, expected)
        pad = 0.05 * (high - low or 1.0)
        bins = np.linspace(low - pad, high + pad, max(10, min(60, int(np.sqrt(sims.size)) + 1)))
        ax.hist(sims, bins=bins, color="#b9a78b", edgecolor="white")
        ax.axvline(expected, color="#555555", ls="--", lw=1, label=expected_label)
        ax.axvline(observed, color="#c0392b", lw=2, label=observed_label)
        ax.set_xlabel(x_label)
        ax.set_ylabel(y_label)
        ax.set_title(title, fontsize=11)
        ax.legend(frameon=False, fontsize=8)
        fig.tight_layout()
        return to_svg(fig)


def grade_histograms_svg(factors: Sequence[tuple[str, Sequence[int], Sequence[float]]], x_label: str,
                         y_label: str, warn: Sequence[bool] = ()) -> str | None:
    """Small multiples: the share of pixels per grade of each graded factor ``(name, grades, pct)``;
    factors flagged in ``warn`` are drawn in orange."""
    if not available() or not factors:
        return None
    import matplotlib

    n = len(factors)
    cols = min(4, n)
    rows = int(np.ceil(n / cols))
    with matplotlib.rc_context(_RC):
        fig = figure(2.3 * cols + 0.6, 2.2 * rows + 0.5)
        for i, (name, grades, pct) in enumerate(factors):
            ax = fig.add_subplot(rows, cols, i + 1)
            flagged = bool(warn[i]) if i < len(warn) else False
            ax.bar([str(g) for g in grades], pct, color="#e67e22" if flagged else COLOR)
            ax.set_ylim(0, 100)
            ax.set_title(textwrap.fill(name, 24), fontsize=8)
            if i % cols == 0:
                ax.set_ylabel(y_label)
            if i // cols == rows - 1:
                ax.set_xlabel(x_label)
        fig.tight_layout()
        return to_svg(fig)


def annual_axis(ax) -> None:
    """Whole years on a time axis (no 2002.5 ticks)."""
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def cell_map_panels(titles: Sequence[str], classes: np.ndarray, palette: Sequence[str],
                    legend: Sequence[tuple[str, str]], *, rows=None, cols=None, geometries=None,
                    ncols: int = 4, panel_width: float = 2.3) -> str:
    """Small multiples of a cell map: one panel per title, every cell filled with ``palette[class]``.

    ``classes`` is ``(panels, cells)`` of indices into ``palette`` (-1 = not drawn). Cells are drawn
    as an image from their fishnet ``rows``/``cols`` (row 0 north; compact whatever the number of
    cells), or as polygons from ``geometries`` (shapely, any layout). ``legend`` holds
    ``(colour, label)`` entries shown under the panels.
    """
    import matplotlib
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    classes = np.atleast_2d(np.asarray(classes, dtype=np.int64))
    n_panels = classes.shape[0]
    ncols = max(1, min(ncols, n_panels))
    nrows = int(np.ceil(n_panels / ncols))
    cmap = ListedColormap(list(palette))
    with matplotlib.rc_context(_RC):
        if rows is not None and cols is not None:
            r = np.asarray(rows, dtype=np.int64)
            c = np.asarray(cols, dtype=np.int64)
            r, c = r - r.min(), c - c.min()
            shape = (int(r.max()) + 1, int(c.max()) + 1)
            aspect = shape[0] / max(shape[1], 1)
        else:
            import shapely

            geoms = np.asarray(geometries, dtype=object)
            parts, owner = shapely.get_parts(geoms, return_index=True)
            rings = [np.asarray(ring.coords)[:, :2] for ring in shapely.get_exterior_ring(parts)]
            xmin, ymin, xmax, ymax = shapely.total_bounds(geoms)
            aspect = (ymax - ymin) / max(xmax - xmin, 1e-9)
        height = panel_width * min(max(aspect, 0.3), 2.5) + 0.35
        fig = figure(panel_width * ncols, height * nrows + 0.45 + 0.18 * ((len(legend) + 3) // 4))
        for k in range(n_panels):
            ax = fig.add_subplot(nrows, ncols, k + 1)
            ax.set_axis_off()
            ax.set_title(titles[k], fontsize=8)
            if rows is not None and cols is not None:
                image = np.full(shape, -1, dtype=np.int64)
                image[r, c] = classes[k]
                masked = np.ma.masked_less(image, 0)
                ax.imshow(masked, cmap=cmap, vmin=-0.5, vmax=len(palette) - 0.5, interpolation="nearest")
            else:
                from matplotlib.collections import PolyCollection

                cls = classes[k][owner]
                keep = cls >= 0
                colours = [palette[int(i)] for i in cls[keep]]
                coll = PolyCollection([rings[i] for i in np.flatnonzero(keep)], facecolors=colours,
                                      edgecolors="none", rasterized=True)
                ax.add_collection(coll)
                ax.set_xlim(xmin, xmax)
                ax.set_ylim(ymin, ymax)
                ax.set_aspect("equal")
        handles = [Patch(facecolor=colour, edgecolor="#777777", label=label) for colour, label in legend]
        if handles:
            fig.legend(handles=handles, loc="lower center", ncol=min(4, len(handles)), frameon=False, fontsize=8)
        fig.subplots_adjust(bottom=min(0.45, (0.25 + 0.18 * ((len(legend) + 3) // 4)) / fig.get_figheight()),
                            top=0.95, wspace=0.05, hspace=0.25)
        return to_svg(fig)


def series_lines(x_labels: Sequence[str], series: Sequence[tuple[str, np.ndarray]], ylabel: str) -> str:
    """One line (with markers) per ``(label, values)`` over the epochs ``x_labels`` (area per zone and epoch)."""
    import matplotlib

    x = np.arange(len(x_labels))
    with matplotlib.rc_context(_RC):
        fig = figure(6.4, 3.6)
        ax = fig.add_subplot()
        for label, values in series:
            ax.plot(x, values, marker="o", ms=3, lw=1.3, label=label)
        ax.set_xticks(x)
        ax.set_xticklabels(x_labels, rotation=45 if len(x_labels) > 6 else 0,
                           ha="right" if len(x_labels) > 6 else "center")
        ax.set_ylabel(ylabel)
        ax.set_ylim(bottom=0)
        if len(series) > 1:
            ax.legend(frameon=False, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        return to_svg(fig)
