"""Per-window tasks of the raster algorithms, shared by the local path and cluster workers.

Each ``*_window`` function computes one window from its data and is what the algorithm's local
loop calls block by block; each ``*_task`` function reads the window itself (GDAL, no QGIS),
calls the same ``*_window`` function and writes the results as COG tiles (:mod:`.windows`),
returning only small summaries. Both paths therefore compute every pixel with the same code on
the same numbers, and the client merges the summaries in window order: rasters are bit-identical,
counts, minima/maxima and natural-breaks samples identical.

Task arguments are plain values (tuples, numpy arrays, dataclasses of this package and ``core``),
so they pickle to workers that have ``minemonitor-core`` but no QGIS.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..core.errors import InvalidInputError
from . import windows as ew

#: Pixels per chunk of rows the overlay computes at a time (a float32 factor chunk of 1 MB): the
#: dozen passes over a factor (comparisons, grades, masks, sum) then run in the CPU cache.
CHUNK_PIXELS = 1 << 18


# --------------------------------------------------------------------------------------------
# annual stacks and trends
# --------------------------------------------------------------------------------------------
def stack_block(arrays: Sequence[np.ndarray], masks: Sequence[np.ndarray]) -> np.ndarray:
    """(t, rows, cols) float32 (float64 for 32-bit integer / float64 bands) with NaN for NoData."""
    wide = any(a.dtype.itemsize > 4 or (a.dtype.kind in "iu" and a.dtype.itemsize > 2) for a in arrays)
    dtype = np.float64 if wide else np.float32
    stack = np.empty((len(arrays), *arrays[0].shape), dtype=dtype)
    for i, (a, m) in enumerate(zip(arrays, masks, strict=True)):
        stack[i] = a
        if m.any():
            stack[i][m] = np.nan
    return stack


@dataclass(frozen=True)
class TrendSettings:
    """What ``ndvitrend`` computes: statistics, alpha, minimum years; outputs as
    ``(name, statistic, dtype, nodata)``; the 5-band Mann-Kendall output name (or ""); the slope
    sample step (every ``sample_step``-th pixel of a window, for the style's colour ramp)."""

    years: tuple[int, ...]
    statistics: tuple[str, ...]
    alpha: float
    min_years: int
    outputs: tuple[tuple[str, str, str, float], ...]
    mk_output: str = ""
    mk_descriptions: tuple[str, ...] = ()
    sample_step: int = 1
    float_nodata: float = -3.4028234663852886e38


def trend_window(values: np.ndarray, settings: TrendSettings, workers: int = 1, progress=None):
    """Trend statistics of one window's stack: ``(result, missing mask, summary)``.

    The summary holds the pixel counts (valid, significant increase/decrease) and the slope
    samples of the window (every ``sample_step``-th pixel, finite values)."""
    from ..core.trend import trend_statistics

    res = trend_statistics(values, settings.years, statistics=list(settings.statistics), alpha=settings.alpha,
                           min_years=settings.min_years, workers=workers, progress=progress)
    missing = res.n_valid < settings.min_years
    summary = {"valid": int((~missing).sum()), "increase": 0, "decrease": 0, "samples": {}}
    if res.trend_class is not None:
        summary["increase"] = int((res.trend_class == 1).sum())
        summary["decrease"] = int((res.trend_class == -1).sum())
    for stat in ("sen_slope", "ols_slope"):
        arr = getattr(res, stat)
        if arr is not None:
            flat = arr.reshape(-1)[:: settings.sample_step]
            summary["samples"][stat] = flat[np.isfinite(flat)]
    return res, missing, summary


def trend_task(window: ew.Window, sources: Sequence[ew.Source], grid: ew.Grid, settings: TrendSettings,
               folders: dict, extra: Sequence[str] = ()) -> dict:
    """Read ``window`` of the annual ``sources``, compute the trend, write one tile per output
    (into ``folders[output name]``)."""
    from ..core.trend import ARCGIS_MANN_KENDALL_BANDS

    block = ew.read_window(sources, window)
    res, missing, summary = trend_window(stack_block(block.arrays, block.nodata), settings)
    tiles = {}
    for name, stat, dtype, nodata in settings.outputs:
        out = ew.to_output(getattr(res, stat), missing, dtype, nodata)
        tiles[name] = ew.write_tile(ew.tile_path(folders[name], name, window), grid, window, [out], dtype, nodata,
                                   extra)
    if settings.mk_output:
        bands = [ew.to_output(getattr(res, s), missing, "float32", settings.float_nodata)
                 for s in ARCGIS_MANN_KENDALL_BANDS]
        tiles[settings.mk_output] = ew.write_tile(
            ew.tile_path(folders[settings.mk_output], settings.mk_output, window), grid, window, bands, "float32",
            settings.float_nodata,
            extra, settings.mk_descriptions)
    summary["tiles"] = tiles
    return summary


# --------------------------------------------------------------------------------------------
# weighted overlay and classes
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PassThrough:
    """``prepare`` of the weighted overlay: the factor values as read."""

    def __call__(self, block: ew.Block, rows: slice, grid: ew.Grid, cache: dict):
        return [a[rows] for a in block.arrays], [m[rows] for m in block.nodata], None


@dataclass(frozen=True)
class GradeFactors:
    """``prepare`` of the desertification model: grade each factor by its table; the land-use
    factor only inside the mining footprints (pixel centre rule), ``mining_grade`` elsewhere.

    ``footprints`` is ``(wkbs, bounds)`` of the footprints in the grid's CRS, or None. With ``tally``
    the pixels per grade and the value range of every factor are counted in ``cache["tallies"]``
    (``core.factors.GradeTally``, one per factor and window; :func:`overlay_window` returns them)."""

    tables: tuple
    outside_grade: int | None
    land_index: int = -1
    mining_grade: int = 1
    footprints: tuple | None = None
    tally: bool = False

    def __call__(self, block: ew.Block, rows: slice, grid: ew.Grid, cache: dict):
        from ..core.factors import GradeTally, table_grades
        from ..core.grading import grade_array

        arrays, masks, outside = [], [], []
        tallies = cache.setdefault("tallies", [GradeTally(expected=table_grades(t)) for t in self.tables]) \
            if self.tally else None
        for i, table in enumerate(self.tables):
            values, nodata = block.arrays[i][rows], block.nodata[i][rows]
            if i == self.land_index and self.footprints is not None:
                # land use matters inside footprints only; elsewhere the 'outside mining' grade
                if "footprints" not in cache:  # rasterised once per window, sliced per chunk of rows
                    cache["footprints"] = footprint_mask(self.footprints, grid, block.window)
                inside = cache["footprints"][rows]
                res = grade_array(values, table, nodata | ~inside, self.outside_grade, nan_in_nodata=True)
                grades = np.where(inside, res.grades, self.mining_grade).astype(np.int16)
                nodata = inside & res.nodata
            else:
                res = grade_array(values, table, nodata, self.outside_grade, nan_in_nodata=True)
                grades, nodata = res.grades, res.nodata
            if tallies is not None:
                tallies[i].add(grades, nodata, values, block.nodata[i][rows])
            outside.append(res.outside)
            arrays.append(grades)
            masks.append(nodata)
        return arrays, masks, outside


def footprint_mask(footprints: tuple, grid: ew.Grid, window: ew.Window) -> np.ndarray:
    """True where a pixel centre of ``window`` lies in a footprint (GDAL rasteriser)."""
    wkbs, bounds = footprints
    x0, dx, _, y0, _, dy = grid.window_geotransform(window)
    xmin, xmax = x0, x0 + dx * window.cols
    ymax, ymin = y0, y0 + dy * window.rows
    sel = np.nonzero((bounds[:, 0] <= xmax) & (bounds[:, 2] >= xmin) &
                     (bounds[:, 1] <= ymax) & (bounds[:, 3] >= ymin))[0] if len(bounds) else []
    if len(sel) == 0:
        return np.zeros((window.rows, window.cols), dtype=bool)
    burnt = ew.rasterize_values([wkbs[i] for i in sel], np.ones(len(sel)), grid, window, fill=0, dtype="uint8")
    return burnt.astype(bool)


@dataclass(frozen=True)
class OverlaySettings:
    """How the overlay of a window is computed and written."""

    spec: object  # core.raster_overlay.OverlaySpec
    prepare: object  # PassThrough or GradeFactors
    integer_score: bool
    breaks: tuple[float, ...] = ()  # user breaks: classes in the same pass
    names: tuple[str, ...] | None = None
    sample_size: int = 0  # natural breaks: deterministic sample of the score
    seed: int = 0
    score_dtype: str = "float32"
    score_nodata: float = -3.4028234663852886e38
    class_nodata: int = 255


def overlay_window(block: ew.Block, grid: ew.Grid, settings: OverlaySettings) -> dict:
    """Score (and classes with user breaks) of one window, in cache-sized chunks of rows.

    Returns the score values and mask, the classes and their mask (or None), the window's valid
    score range and count, class counts, factor values outside their tables, and the window's
    natural-breaks sample (keys, values, population) when ``sample_size``."""
    from ..core.raster_overlay import DeterministicSample, classify, weighted_overlay

    w = block.window
    step = max(1, CHUNK_PIXELS // max(w.cols, 1))
    values = nodata = classes = cmask = None
    lo, hi, valid = np.inf, -np.inf, 0
    counts = np.zeros(len(settings.breaks) + 2, dtype=np.int64)
    outside = None
    cache: dict = {}
    for r0 in range(0, w.rows, step):
        rows = slice(r0, min(r0 + step, w.rows))
        arrays, masks, out = settings.prepare(block, rows, grid, cache)
        if out is not None:
            outside = list(out) if outside is None else [a + b for a, b in zip(outside, out, strict=True)]
        ov = weighted_overlay(arrays, settings.spec, masks, settings.names)
        if values is None:
            values = np.empty((w.rows, w.cols), dtype=ov.values.dtype)
            nodata = np.empty((w.rows, w.cols), dtype=bool)
        values[rows] = ov.values
        nodata[rows] = ov.nodata
        part = ov.values[~ov.nodata]
        if part.size:
            lo, hi = min(lo, float(part.min())), max(hi, float(part.max()))
            valid += part.size
        if settings.breaks:
            c, cm = classify(ov.values, settings.breaks, ov.nodata)
            if classes is None:
                classes = np.empty((w.rows, w.cols), dtype=c.dtype)
                cmask = np.empty((w.rows, w.cols), dtype=bool)
            classes[rows], cmask[rows] = c, cm
            counts += np.bincount(c[~cm], minlength=counts.size)[: counts.size]
    if settings.integer_score and valid:
        vmax = max(abs(lo), abs(hi))
        if vmax > 32767:
            raise InvalidInputError("The score reaches {value}, beyond the Int16 output; use the weighted method.",
                                    value=int(vmax))
    sample = None
    if settings.sample_size and values is not None:
        sampler = DeterministicSample(settings.sample_size, settings.seed)
        sampler.add_block(values, nodata, w.row, w.col, grid.width)
        sample = sampler.state()
    return {"values": values, "nodata": nodata, "classes": classes, "cmask": cmask, "lo": lo, "hi": hi,
            "valid": valid, "counts": counts, "outside": outside, "sample": sample, "tallies": cache.get("tallies")}


def overlay_task(window: ew.Window, sources: Sequence[ew.Source], grid: ew.Grid, settings: OverlaySettings,
                 folders: dict, extra: Sequence[str] = ()) -> dict:
    """Read ``window`` of the factor ``sources``, overlay, write the score (and class) tiles into
    ``folders["score"]`` (and ``folders["classes"]``)."""
    out = overlay_window(ew.read_window(sources, window), grid, settings)
    tiles = {}
    if out["values"] is not None:
        score = ew.to_output(out["values"], out["nodata"], settings.score_dtype, settings.score_nodata)
        tiles["score"] = ew.write_tile(ew.tile_path(folders["score"], "score", window), grid, window, [score],
                                      settings.score_dtype, settings.score_nodata, extra)
        if out["classes"] is not None:
            cls = ew.to_output(out["classes"], out["cmask"], "uint8", settings.class_nodata)
            tiles["classes"] = ew.write_tile(ew.tile_path(folders["classes"], "classes", window), grid, window, [cls],
                                            "uint8",
                                            settings.class_nodata, extra)
    for key in ("values", "nodata", "classes", "cmask"):
        out.pop(key)
    out["tiles"] = tiles
    return out


def classify_task(window: ew.Window, score: ew.Source, grid: ew.Grid, breaks: tuple[float, ...], folder: str,
                  extra: Sequence[str] = (), class_nodata: int = 255) -> dict:
    """Second pass of natural breaks: classify ``window`` of the score, write the class tile."""
    from ..core.raster_overlay import classify

    block = ew.read_window([score], window)
    classes, mask = classify(block.arrays[0], breaks, block.nodata[0])
    counts = np.bincount(classes[~mask], minlength=len(breaks) + 2)[: len(breaks) + 2]
    cls = ew.to_output(classes, mask, "uint8", class_nodata)
    path = ew.write_tile(ew.tile_path(folder, "classes", window), grid, window, [cls], "uint8", class_nodata, extra)
    return {"counts": counts, "tiles": {"classes": path}}


# --------------------------------------------------------------------------------------------
# zonal sums
# --------------------------------------------------------------------------------------------
def zonal_class_task(windows: Sequence[ew.Window], source: ew.Source, polygons: np.ndarray, grid: tuple,
                     rule: str, row_areas: np.ndarray | None) -> list:
    """Class areas of the polygons (WKB) in each of ``windows`` of the class raster: one
    ``ClassAreaTable`` per window, merged by the client in window order."""
    import shapely

    from ..core.zonal import PixelGrid, PolygonCoverage, tabulate_class_areas

    coverage = PolygonCoverage(shapely.from_wkb(polygons), PixelGrid(*grid), rule)
    out = []
    for window in windows:
        block = ew.read_window([source], window)
        out.append(tabulate_class_areas(coverage, [(window.row, window.col, block.arrays[0], block.nodata[0])],
                                        row_areas=row_areas))
    return out


def merge_class_area_tables(tables: Sequence, n: int, rule: str):
    """The per-window tables summed in order, as ``tabulate_class_areas`` sums its blocks."""
    from ..core.zonal import ClassAreaTable

    per_class: dict[int, np.ndarray] = {}
    nodata_area = np.zeros(n)
    pixels = np.zeros(n, dtype=np.int64)
    for t in tables:
        nodata_area += t.nodata_area
        pixels += t.pixels
        for j, c in enumerate(t.classes):
            acc = per_class.setdefault(int(c), np.zeros(n))
            acc += t.area[:, j]
    classes = tuple(sorted(per_class))
    area = np.column_stack([per_class[c] for c in classes]) if classes else np.zeros((n, 0))
    return ClassAreaTable(classes, area, nodata_area, pixels, rule)


def zone_values_window(block: ew.Block, grid: ew.Grid, zones: Sequence[bytes], bounds: np.ndarray,
                       all_touched: bool) -> list:
    """``(zone index, values (t x pixels))`` of every zone with pixels in the window."""
    w = block.window
    x0, dx, _, y0, _, dy = grid.geotransform
    wx0 = x0 + w.col * dx
    wx1 = wx0 + w.cols * dx
    wy0 = y0 + w.row * dy
    wy1 = wy0 + w.rows * dy
    data = None
    out = []
    for z, b in enumerate(bounds):
        if b[2] < min(wx0, wx1) or b[0] > max(wx0, wx1) or b[3] < min(wy0, wy1) or b[1] > max(wy0, wy1):
            continue
        mask = ew.rasterize_values([zones[z]], [1], grid, w, fill=0, dtype="uint8",
                                  all_touched=all_touched).astype(bool)
        if not mask.any():
            continue
        if data is None:
            data = stack_block(block.arrays, block.nodata)
        out.append((z, data[:, mask]))
    return out


def zone_values_task(windows: Sequence[ew.Window], sources: Sequence[ew.Source], grid: ew.Grid,
                     zones: Sequence[bytes], bounds: np.ndarray, all_touched: bool) -> list:
    """:func:`zone_values_window` of each of ``windows``, read here."""
    return [zone_values_window(ew.read_window(sources, w), grid, zones, bounds, all_touched) for w in windows]
