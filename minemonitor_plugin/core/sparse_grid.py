"""Sparse fishnets: only the cells that meet a footprint, on projected or lon/lat (degree) grids.

:func:`core.grid.fishnet_density` builds the dense grid over the study area (every cell, with
zeros), which is what the paper's 100 km fishnet needs. At a 30″ or 1 km global grid that grid has
billions of cells, while mining touches a few hundred thousand of them: :func:`sparse_density`
enumerates only the cells the footprints meet (optionally also every cell of the study area, for a
dense degree grid), so memory follows the footprints, not the extent.

Degree grids (:class:`DegreeGrid`) reproduce the convention of the Maus et al. (2022) grid
products: WGS 84 lon/lat cells aligned on -180° / 90° (row 0 is the band below 90° N, column 0
starts at 180° W), cell size an exact fraction of a degree that divides 180° (0.5°, 5′, 30″ ...),
cell areas exact on the ellipsoid (:func:`.geodesy.cell_area_km2`) and mining area of each
footprint piece on the ellipsoid (:func:`.geodesy.ellipsoidal_area_km2`, additive, so the pieces
of a footprint add up to its area). Projected grids (:class:`PlanarGrid`) use planar areas of an
equal-area CRS in metres, with the grid lines of :func:`core.grid.grid_shape`.

The footprint x cell pieces are cut in two vectorised passes (row strips, then cells within
strips); footprints inside one cell are not cut at all.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import shapely

from . import geodesy
from .errors import CancelledError, InvalidInputError
from .geometry import COUNTED, COVERED, WRONG_TYPE, has_area, prepare_footprints
from .grid import FishnetResult, grid_shape

Progress = Callable[[float], Any]

#: A cell piece of the study area at least this fraction of the full cell counts as the full cell.
_FULL_RTOL = 1e-12
#: (geometry, cell) pairs intersected per vectorised call between progress reports.
_CHUNK = 50_000

_UNITS = {
    "": 1, "°": 1, "d": 1, "deg": 1, "degree": 1, "degrees": 1,
    "'": 60, "′": 60, "m": 60, "min": 60, "arcmin": 60, "arcminute": 60, "arcminutes": 60,
    '"': 3600, "″": 3600, "''": 3600, "s": 3600, "sec": 3600, "arcsec": 3600, "arcsecond": 3600,
    "arcseconds": 3600,
}
_SIZE_PATTERN = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*([^\s0-9.]*)\s*$")


def parse_degree_cell_size(text: str) -> Fraction:
    """A cell size in degrees from text such as ``0.5``, ``0.5°``, ``5'``, ``5′``, ``30"`` or ``30″``.

    Returns an exact fraction of a degree that divides 180° (so the grid aligns on -180° / 90° as
    the Maus et al. grid products do); decimal values close to such a fraction (``0.083333``) are
    snapped to it.

    Examples
    --------
    >>> parse_degree_cell_size("5'"), parse_degree_cell_size('30"'), parse_degree_cell_size("0.5")
    (Fraction(1, 12), Fraction(1, 120), Fraction(1, 2))
    """
    match = _SIZE_PATTERN.match(str(text))
    unit = match.group(2).lower() if match else None
    if match is None or unit not in _UNITS:
        raise InvalidInputError(
            "The cell size {value} is not a number of degrees, arc-minutes (') or arc-seconds (\"), "
            "for example 0.5, 5' or 30\".",
            value=text,
        )
    size = Fraction(match.group(1)) / _UNITS[unit]
    if size <= 0:
        raise InvalidInputError("The cell size must be greater than 0; got {value}.", value=text)
    if (Fraction(180) / size).denominator != 1:
        snapped = size.limit_denominator(36_000)
        if abs(snapped - size) <= size * Fraction(1, 1_000_000) and (Fraction(180) / snapped).denominator == 1:
            size = snapped
        else:
            raise InvalidInputError(
                "The cell size {value} does not divide 180°; choose a size such as 1°, 0.5°, 0.25°, "
                "5', 1', 30\" or 15\" so the grid aligns on the poles and the antimeridian.",
                value=text,
            )
    return size


def degree_size_label(size: Fraction) -> str:
    """``0.5°``, ``5′`` or ``30″`` for a cell size in degrees."""
    if size.denominator == 1 or (size * 10).denominator == 1 or (size * 100).denominator == 1:
        return f"{float(size):g}°"
    minutes = size * 60
    if minutes.denominator == 1:
        return f"{int(minutes)}′"
    seconds = size * 3600
    if seconds.denominator == 1:
        return f"{int(seconds)}″"
    return f"{float(size):.10g}°"


def polygonal_parts(geoms: np.ndarray) -> np.ndarray:
    """The polygonal part of each geometry (a Polygon or MultiPolygon), None where there is none.

    Overlays and repairs can return GeometryCollections mixing polygons with lines and points, or
    only lines and points (a piece that merely touches a cell): those become their polygons, or None.
    """
    geoms = np.asarray(geoms, dtype=object).reshape(-1)
    out = geoms.copy()
    if geoms.size == 0:
        return out
    missing = shapely.is_missing(geoms)
    blanked = np.where(missing, None, geoms)  # type: ignore[call-overload]  # numpy stubs: None operand
    types = np.where(missing, -1, shapely.get_type_id(blanked))
    odd = ~missing & ~np.isin(types, (3, 6))
    empty = ~missing & ~odd & shapely.is_empty(blanked)
    out[empty] = None
    if not odd.any():
        return out
    idx = np.flatnonzero(odd)
    parts, owner = shapely.get_parts(geoms[idx], return_index=True)
    nested = np.isin(shapely.get_type_id(parts), (4, 5, 6, 7))
    while nested.any():
        sub, sub_owner = shapely.get_parts(parts[nested], return_index=True)
        parts = np.concatenate([parts[~nested], sub])
        owner = np.concatenate([owner[~nested], owner[nested][sub_owner]])
        nested = np.isin(shapely.get_type_id(parts), (4, 5, 6, 7))
    keep = (shapely.get_type_id(parts) == 3) & ~shapely.is_empty(parts)
    parts, owner = parts[keep], owner[keep]
    rebuilt = np.full(idx.size, None, dtype=object)
    if parts.size:
        present, local = np.unique(owner, return_inverse=True)
        merged = shapely.multipolygons(parts, indices=local.reshape(-1))
        single = shapely.get_num_geometries(merged) == 1
        merged[single] = shapely.get_geometry(merged[single], 0)
        rebuilt[present] = merged
    out[idx] = rebuilt
    return out


# --------------------------------------------------------------------------- grids
class _GridBase:
    """Cell geometry shared by both kinds of grid: column ``c`` spans ``[west(c), west(c + 1)]``,
    row ``r`` spans ``[north(r + 1), north(r)]`` (rows counted southwards)."""

    geographic = False
    n_rows: int
    n_cols: int

    def west(self, cols: np.ndarray) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def north(self, rows: np.ndarray) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def index_ranges(self, bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Rows [r0, r1) and columns [c0, c1) of the cells each bounding box meets, clamped to the grid."""
        raise NotImplementedError  # pragma: no cover - abstract

    def boxes(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        rows = np.asarray(rows, dtype=np.int64)
        cols = np.asarray(cols, dtype=np.int64)
        if rows.size == 0:
            return np.empty(0, dtype=object)
        return shapely.box(self.west(cols), self.north(rows + 1), self.west(cols + 1), self.north(rows))

    def full_area_km2(self, rows: np.ndarray) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def area_km2(self, geoms: np.ndarray) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass(frozen=True)
class PlanarGrid(_GridBase):
    """Square cells of ``size`` metres in a projected equal-area CRS, top-left corner ``(x0, y1)``."""

    x0: float
    y1: float
    size: float
    n_rows: int
    n_cols: int

    @classmethod
    def covering(cls, bounds, size: float) -> PlanarGrid:
        """The grid of :func:`core.grid.grid_shape` over ``bounds`` (lines on multiples of ``size``)."""
        n_rows, n_cols, x0, y1 = grid_shape(bounds, size)
        return cls(float(x0), float(y1), float(size), int(n_rows), int(n_cols))

    def west(self, cols):
        return self.x0 + np.asarray(cols) * self.size

    def north(self, rows):
        return self.y1 - np.asarray(rows) * self.size

    def index_ranges(self, bounds):
        s = self.size
        c0 = np.floor((bounds[:, 0] - self.x0) / s).astype(np.int64)
        c1 = np.ceil((bounds[:, 2] - self.x0) / s).astype(np.int64)
        r0 = np.floor((self.y1 - bounds[:, 3]) / s).astype(np.int64)
        r1 = np.ceil((self.y1 - bounds[:, 1]) / s).astype(np.int64)
        return _clamp(r0, r1, c0, c1, self.n_rows, self.n_cols)

    def full_area_km2(self, rows):
        return np.full(np.shape(rows), self.size * self.size / 1e6)

    def area_km2(self, geoms):
        return shapely.area(geoms) / 1e6


@dataclass(frozen=True)
class DegreeGrid(_GridBase):
    """WGS 84 lon/lat cells of ``size`` degrees (an exact fraction dividing 180°), aligned on -180° / 90°."""

    size: Fraction
    geographic = True

    def __post_init__(self):
        if self.size <= 0 or (Fraction(180) / self.size).denominator != 1:
            raise InvalidInputError("The cell size {value} does not divide 180°.", value=str(self.size))

    @property
    def n_rows(self) -> int:  # type: ignore[override]
        return int(Fraction(180) / self.size)

    @property
    def n_cols(self) -> int:  # type: ignore[override]
        return int(Fraction(360) / self.size)

    @property
    def size_deg(self) -> float:
        return float(self.size)

    def west(self, cols):
        # one integer numerator, one division: correctly rounded grid lines, shared by neighbours
        p, q = self.size.numerator, self.size.denominator
        return (-180 * q + np.asarray(cols, dtype=np.float64) * p) / q

    def north(self, rows):
        p, q = self.size.numerator, self.size.denominator
        return (90 * q - np.asarray(rows, dtype=np.float64) * p) / q

    def index_ranges(self, bounds):
        s = self.size_deg
        c0 = np.floor((bounds[:, 0] + 180.0) / s).astype(np.int64)
        c1 = np.ceil((bounds[:, 2] + 180.0) / s).astype(np.int64)
        r0 = np.floor((90.0 - bounds[:, 3]) / s).astype(np.int64)
        r1 = np.ceil((90.0 - bounds[:, 1]) / s).astype(np.int64)
        return _clamp(r0, r1, c0, c1, self.n_rows, self.n_cols)

    def full_area_km2(self, rows):
        rows = np.asarray(rows, dtype=np.int64)
        return geodesy.cell_area_km2(self.north(rows + 1), self.north(rows), self.size_deg)

    def area_km2(self, geoms):
        return geodesy.ellipsoidal_area_km2(geoms)


def _clamp(r0, r1, c0, c1, n_rows, n_cols):
    c1 = np.maximum(c1, c0 + 1)
    r1 = np.maximum(r1, r0 + 1)
    return (np.clip(r0, 0, n_rows), np.clip(r1, 0, n_rows), np.clip(c0, 0, n_cols), np.clip(c1, 0, n_cols))


# --------------------------------------------------------------------------- cutting
@dataclass
class _Pieces:
    """Pieces of source geometries on grid cells: source index, row, column, piece, and ``whole``
    (True: the source lies in that one cell and was not cut; its piece is None)."""

    src: np.ndarray
    row: np.ndarray
    col: np.ndarray
    piece: np.ndarray
    whole: np.ndarray


def _ticker(progress: Progress | None, start: float, end: float) -> Callable[[float], None]:
    def tick(fraction: float) -> None:
        if progress is not None and progress(start + (end - start) * min(max(fraction, 0.0), 1.0)) is False:
            raise CancelledError()

    return tick


def _intersect_chunked(a: np.ndarray, b: np.ndarray, tick: Callable[[float], None]) -> np.ndarray:
    out = np.empty(a.size, dtype=object)
    n_chunks = max(1, -(-a.size // _CHUNK))
    for k in range(n_chunks):
        sl = slice(k * _CHUNK, (k + 1) * _CHUNK)
        out[sl] = shapely.intersection(a[sl], b[sl])
        tick((k + 1) / n_chunks)
    return out


def _cut(geoms: np.ndarray, grid: _GridBase, tick: Callable[[float], None]) -> _Pieces:
    """Every (geometry, cell) piece with a non-empty intersection: row strips first, then cells.

    A geometry inside one cell is kept whole (``piece`` None); the others are cut by one vectorised
    intersection per (geometry, row) pair with the row strip over the geometry's columns, then one
    per (strip, cell) pair where a strip spans several columns."""
    if geoms.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return _Pieces(empty, empty, empty, np.empty(0, dtype=object), np.zeros(0, dtype=bool))
    r0, r1, c0, c1 = grid.index_ranges(shapely.bounds(geoms))
    n_r, n_c = r1 - r0, c1 - c0
    valid = (n_r > 0) & (n_c > 0)
    one = valid & (n_r == 1) & (n_c == 1)
    src = [np.flatnonzero(one)]
    row = [r0[one]]
    col = [c0[one]]
    piece = [np.full(int(one.sum()), None, dtype=object)]

    multi = np.flatnonzero(valid & ~one)
    if multi.size:
        # level 1: row strips (a geometry spanning one row is its own strip)
        k = n_r[multi]
        owner = np.repeat(multi, k)
        local = np.arange(k.sum()) - np.repeat(np.cumsum(k) - k, k)
        s_row = r0[owner] + local
        strip = geoms[owner].copy()
        cut_rows = n_r[owner] > 1
        if cut_rows.any():
            o = owner[cut_rows]
            boxes = shapely.box(grid.west(c0[o]), grid.north(s_row[cut_rows] + 1), grid.west(c1[o]),
                                grid.north(s_row[cut_rows]))
            strip[cut_rows] = _intersect_chunked(geoms[o], boxes, lambda f: tick(0.5 * f))
        strip = polygonal_parts(strip)
        keep = ~shapely.is_missing(strip)
        owner, s_row, strip = owner[keep], s_row[keep], strip[keep]
        # level 2: cells of each strip (a strip of a one-column geometry is its cell's piece)
        kc = n_c[owner]
        s_owner = np.repeat(np.arange(owner.size), kc)
        local = np.arange(kc.sum()) - np.repeat(np.cumsum(kc) - kc, kc)
        c_col = c0[owner][s_owner] + local
        c_row = s_row[s_owner]
        cell_piece = strip[s_owner].copy()
        cut_cols = kc[s_owner] > 1
        if cut_cols.any():
            cell_piece[cut_cols] = _intersect_chunked(
                strip[s_owner[cut_cols]], grid.boxes(c_row[cut_cols], c_col[cut_cols]), lambda f: tick(0.5 + 0.5 * f)
            )
        cell_piece = polygonal_parts(cell_piece)
        keep = ~shapely.is_missing(cell_piece)
        src.append(owner[s_owner][keep])
        row.append(c_row[keep])
        col.append(c_col[keep])
        piece.append(cell_piece[keep])
    tick(1.0)
    whole = np.zeros(sum(a.size for a in src), dtype=bool)
    whole[: src[0].size] = True
    return _Pieces(np.concatenate(src), np.concatenate(row), np.concatenate(col), np.concatenate(piece), whole)


def _study_pieces(study: Any, grid: _GridBase, rows: np.ndarray, cols: np.ndarray,
                  tick: Callable[[float], None]) -> tuple[np.ndarray, np.ndarray]:
    """For the given cells: status (0 outside, 1 inside, 2 partly inside) and the cell's piece of
    the study area (None unless partly inside). The study area is cut into row strips once per row
    so a cell piece is intersected with its strip, not with the whole boundary."""
    n = rows.size
    status = np.zeros(n, dtype=np.int8)
    pieces = np.full(n, None, dtype=object)
    if n == 0:
        return status, pieces
    boxes = grid.boxes(rows, cols)
    shapely.prepare(study)
    inside = shapely.contains_properly(study, boxes)
    status[inside] = 1
    todo = np.flatnonzero(~inside & shapely.intersects(study, boxes))
    tick(0.2)
    if todo.size:
        u_rows, inverse = np.unique(rows[todo], return_inverse=True)
        inverse = inverse.reshape(-1)
        c_min = np.full(u_rows.size, np.iinfo(np.int64).max)
        c_max = np.full(u_rows.size, -1)
        np.minimum.at(c_min, inverse, cols[todo])
        np.maximum.at(c_max, inverse, cols[todo])
        strip_boxes = shapely.box(grid.west(c_min), grid.north(u_rows + 1), grid.west(c_max + 1), grid.north(u_rows))
        strips = polygonal_parts(shapely.intersection(np.full(u_rows.size, study, dtype=object), strip_boxes))
        tick(0.6)
        cut = polygonal_parts(_intersect_chunked(strips[inverse], boxes[todo], lambda f: tick(0.6 + 0.4 * f)))
        area = grid.area_km2(cut)
        full = grid.full_area_km2(rows[todo])
        whole = area >= full * (1.0 - _FULL_RTOL)
        # a cell the study area reaches only with a sliver is not part of the grid (as in the dense fishnet)
        part = has_area(cut) & ~whole
        status[todo[whole]] = 1
        status[todo[part]] = 2
        pieces[todo[part]] = cut[part]
    shapely.destroy_prepared(study)
    tick(1.0)
    return status, pieces


# --------------------------------------------------------------------------- density
def sparse_density(
    footprints: Any,
    *,
    grid: PlanarGrid | DegreeGrid,
    study_area: Any = None,
    clip: bool = True,
    min_cell_fraction: float = 0.0,
    weights: Any = None,
    mine_ids: Any = None,
    keep_empty: bool = False,
    max_cells: int = 5_000_000,
    progress: Progress | None = None,
) -> FishnetResult:
    """Apportion footprints to the cells of ``grid``, enumerating only the cells that matter.

    Parameters
    ----------
    footprints : array of shapely geometries
        Polygons in the grid's coordinates (metres of an equal-area CRS for a :class:`PlanarGrid`,
        WGS 84 degrees for a :class:`DegreeGrid`). NULL/empty ones contribute nothing; invalid
        ones are repaired (``make_valid``) and keep their polygonal parts; points and lines are
        refused.
    grid : PlanarGrid or DegreeGrid
    study_area : shapely Polygon/MultiPolygon, optional
        Only the footprint area inside it counts; cells outside it are not output.
    clip : bool
        Clip output cells (geometry and ``cell_km2``) to the study area.
    min_cell_fraction : float
        With ``clip``, drop clipped cells smaller than this fraction of a full cell.
    weights : array of float, optional
        One non-negative quantity per footprint, apportioned by the share of the footprint's area
        in each cell (every usable footprint carries its weight, duplicates included), instead of
        the area.
    mine_ids : array, optional
        ``n_mines`` counts distinct non-missing ids per cell (and decides between exact duplicates
        of two mines, as in :func:`core.grid.fishnet_density`).
    keep_empty : bool, default False
        False: output only the cells a footprint meets (the sparse grid). True: every cell of the
        study area (or of the footprints' extent), zeros included.
    max_cells : int
        Largest number of output cells accepted.
    progress : callable, optional
        ``progress(fraction) -> bool``; False cancels (:class:`CancelledError`).

    Returns
    -------
    core.grid.FishnetResult
        ``row``/``col`` are indices in ``grid`` (for a :class:`DegreeGrid` the global raster
        indices of the Maus et al. products); ``origin_x``/``origin_y`` the grid's top-left corner,
        ``n_rows``/``n_cols`` its full shape; ``footprint_status`` and the ``n_*`` counts of the
        footprint rule as from the dense fishnet.

    Notes
    -----
    The footprints are counted exactly as by :func:`core.grid.fishnet_density`
    (:func:`.geometry.prepare_footprints`, computed on the grid's coordinates): land shared by
    footprints belongs to the smallest of them, so ``mining_km2`` is the area of the union of the
    footprints in the cell; a footprint without land of its own (an exact duplicate, or covered by
    smaller footprints) or without area (zero-area, sliver) is not counted at all; ``n_polygons``
    and ``n_mines`` count the counted footprints whose own geometry has area in the cell (more
    than a sliver of numerical noise, :func:`.geometry.has_area`: the slivers that coordinate
    rounding leaves along grid lines add their negligible area but never count a footprint, nor
    make a cell of a sparse grid). A planar sparse grid with ``keep_empty`` is the dense fishnet of
    the same cells.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with np.errstate(invalid="ignore"):
            return _sparse_density(footprints, grid, study_area, clip, min_cell_fraction, weights, mine_ids,
                                   keep_empty, max_cells, progress)
    finally:
        if was_enabled:
            gc.enable()


def _sparse_density(footprints, grid, study_area, clip, min_cell_fraction, weights, mine_ids, keep_empty,
                    max_cells, progress) -> FishnetResult:
    # shared validation and the study area as the dense fishnet takes it (same messages)
    from .grid import _check_study_area, _check_weights, _encode_ids

    if not (0.0 <= float(min_cell_fraction) <= 1.0):
        raise InvalidInputError(
            "The minimum cell fraction must lie between 0 and 1, not {value}.", value=min_cell_fraction
        )
    if isinstance(max_cells, bool) or not isinstance(max_cells, (int, np.integer)) or max_cells < 1:
        raise InvalidInputError("The cell limit must be a positive whole number, not {value}.", value=max_cells)
    raw = np.asarray(footprints, dtype=object).ravel()
    n = raw.size
    if n == 0:
        raise InvalidInputError("There are no footprints: the input has no features to grid.")
    tick = _ticker(progress, 0.0, 1.0)
    tick(0.0)
    w = _check_weights(weights, n) if weights is not None else None
    codes = _encode_ids(mine_ids, n) if mine_ids is not None else None
    if study_area is not None:
        study_area = _check_study_area(study_area)

    # The footprint rule, as in the dense fishnet: own lands (area mode), counted footprints.
    fps = prepare_footprints(raw, tie_break=codes, progress=_ticker(progress, 0.0, 0.1))
    wrong = fps.first_of(WRONG_TYPE)
    if wrong >= 0:
        raise InvalidInputError("Footprint {index} is a {geometry_type}, not a polygon.", index=wrong,
                                geometry_type=raw[wrong].geom_type)
    counted = fps.counted if w is None else np.isin(fps.status, (COUNTED, COVERED))
    if not counted.any():
        raise InvalidInputError("None of the {count} footprints has a positive area.", count=n)
    geoms = fps.geometries
    areas = np.zeros(n)
    areas[counted] = grid.area_km2(geoms[counted])
    # What carries area: footprints overlapping no other one as they are, the others by their own land
    # (appended after the originals); in weight mode every counted footprint with its weight.
    all_geoms, all_areas = geoms, areas
    carries = counted.copy()
    if w is None:
        shared = np.flatnonzero(fps.involved)
        carries[shared] = False
        all_geoms = np.concatenate([geoms, fps.land[shared]])
        all_areas = np.concatenate([areas, grid.area_km2(fps.land[shared])])
        carries = np.concatenate([carries, np.ones(shared.size, dtype=bool)])
    tick(0.1)

    live = np.concatenate([np.flatnonzero(counted), np.arange(n, all_geoms.size)])
    cut = _cut(all_geoms[live], grid, _ticker(progress, 0.1, 0.55))
    src = live[cut.src]
    whole = cut.whole
    piece_area = np.where(whole, all_areas[src], 0.0)
    if (~whole).any():
        piece_area[~whole] = grid.area_km2(cut.piece[~whole])
    # a footprint counts in a cell where its piece has area (not a sliver of numerical noise)
    piece_has = whole.copy()
    piece_has[~whole] = has_area(cut.piece[~whole])
    keep = piece_area > 0
    src, row, col, piece, piece_area, whole, piece_has = (
        a[keep] for a in (src, cut.row, cut.col, cut.piece, piece_area, whole, piece_has))
    key = row * grid.n_cols + col

    # Cells: those the footprints meet, plus (keep_empty) every cell of the study area / extent.
    fp_keys = np.unique(key)
    if keep_empty:
        if study_area is not None:
            extent = np.asarray(study_area.bounds, dtype=np.float64)[None, :]
        else:
            extent = np.asarray(shapely.total_bounds(geoms[counted]), dtype=np.float64)[None, :]
        er0, er1, ec0, ec1 = (int(v[0]) for v in grid.index_ranges(extent))
        n_dense = (er1 - er0) * (ec1 - ec0)
        if n_dense > max_cells:
            raise InvalidInputError(
                "The grid would have {count} cells, more than the limit of {limit}; use a coarser cell size, "
                "a smaller study area, or leave out the empty cells (sparse grid).",
                count=n_dense, limit=int(max_cells),
            )
        dense = (np.arange(er0, er1)[:, None] * grid.n_cols + np.arange(ec0, ec1)[None, :]).ravel()
        cell_keys = np.union1d(fp_keys, dense)
    else:
        cell_keys = fp_keys
    if cell_keys.size > max_cells:
        raise InvalidInputError(
            "The grid would have {count} cells, more than the limit of {limit}; use a coarser cell size, "
            "a smaller study area, or leave out the empty cells (sparse grid).",
            count=int(cell_keys.size), limit=int(max_cells),
        )
    cell_rows, cell_cols = np.divmod(cell_keys, grid.n_cols)
    tick(0.6)

    # Study area: status and piece of every cell; footprint pieces restricted to it.
    cell_status = np.ones(cell_keys.size, dtype=np.int8)
    study_piece = np.full(cell_keys.size, None, dtype=object)
    if study_area is not None:
        cell_status, study_piece = _study_pieces(study_area, grid, cell_rows, cell_cols, _ticker(progress, 0.6, 0.8))
    pos = np.searchsorted(cell_keys, key)
    st = cell_status[pos]
    inside = st > 0
    src, piece, piece_area, whole, piece_has, pos, st = (
        a[inside] for a in (src, piece, piece_area, whole, piece_has, pos, st))
    edge = np.flatnonzero(st == 2)
    if edge.size:
        base = piece[edge].copy()
        base_whole = whole[edge]
        base[base_whole] = all_geoms[src[edge[base_whole]]]
        restricted = polygonal_parts(shapely.intersection(base, study_piece[pos[edge]]))
        got = ~shapely.is_missing(restricted)
        piece_area[edge] = 0.0
        piece_area[edge[got]] = grid.area_km2(restricted[got])
        piece_has[edge] = False
        piece_has[edge[got]] = has_area(restricted[got])
    keep = piece_area > 0
    src, pos, piece_area, piece_has = src[keep], pos[keep], piece_area[keep], piece_has[keep]
    tick(0.85)
    is_orig = (src < n) & piece_has
    if not is_orig.any():
        raise InvalidInputError("No footprint lies inside the study area ({count} footprints checked).", count=n)

    n_cells = cell_keys.size
    n_polygons = np.bincount(pos[is_orig], minlength=n_cells).astype(np.int64)
    if w is not None:
        mining = np.bincount(pos, weights=w[src] * piece_area / all_areas[src], minlength=n_cells)
    else:
        sel = carries[src]
        mining = np.bincount(pos[sel], weights=piece_area[sel], minlength=n_cells)
    if codes is not None:
        oc, ocode = pos[is_orig], codes[src[is_orig]]
        has = ocode >= 0
        n_codes = int(codes.max()) + 1 if codes.size and codes.max() >= 0 else 1
        pairs = np.unique(oc[has] * n_codes + ocode[has])
        n_mines = np.bincount(pairs // n_codes, minlength=n_cells).astype(np.int64)
    else:
        n_mines = np.zeros(n_cells, dtype=np.int64)

    # Output cells.
    out = np.flatnonzero(cell_status > 0)
    if not keep_empty:
        out = out[n_polygons[out] > 0]
    full = grid.full_area_km2(cell_rows[out])
    cell_area = full.copy()
    partial = cell_status[out] == 2
    if clip and study_area is not None and partial.any():
        cell_area[partial] = grid.area_km2(study_piece[out[partial]])
    dropped = 0
    if clip and study_area is not None and min_cell_fraction > 0:
        small = cell_area < min_cell_fraction * full
        dropped = int(small.sum())
        out, partial, cell_area = out[~small], partial[~small], cell_area[~small]
    geometries = grid.boxes(cell_rows[out], cell_cols[out])
    if clip and study_area is not None and partial.any():
        geometries[partial] = polygonal_parts(study_piece[out[partial]])
    tick(0.97)
    mined = mining[out]
    if isinstance(grid, DegreeGrid):
        origin_x, origin_y = -180.0, 90.0
    else:
        origin_x, origin_y = grid.x0, grid.y1
    result = FishnetResult(
        cell_id=np.arange(1, out.size + 1, dtype=np.int64),
        row=cell_rows[out].astype(np.int64),
        col=cell_cols[out].astype(np.int64),
        geometries=geometries,
        cell_km2=cell_area,
        n_polygons=n_polygons[out],
        n_mines=n_mines[out],
        mining_km2=mined,
        density_pct=100.0 * mined / cell_area,
        n_cells_dropped=dropped,
        origin_x=float(origin_x),
        origin_y=float(origin_y),
        n_rows=int(grid.n_rows),
        n_cols=int(grid.n_cols),
        **fps.rule_counts(counted, weighted=w is not None),
    )
    tick(1.0)
    return result
