"""Fishnet mining density: exact, vectorised apportioning of footprint area to grid cells."""

from __future__ import annotations

import dataclasses
import gc
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely import GeometryType
from shapely.errors import GEOSException

from .errors import CancelledError, InvalidInputError
from .geometry import (
    COUNTED,
    COVERED,
    EMPTY,
    WRONG_TYPE,
    Footprints,
    clean_polygons,
    empty_polygon,
    geometry_array,
    has_area,
    polygonal,
    prepare_footprints,
    robust_clip,
)

Progress = Callable[[float], Any]

# A clipped piece counts as covering its whole rectangle when it misses less
# than this fraction of it (a hole of 4 m2 in a 4e12 m2 block is still seen).
_FULL_RTOL = 1e-12
# Footprints whose bounding box spans more cells than this are apportioned by
# recursive bisection (fast for large polygons); smaller ones by one
# vectorised intersection per (footprint, cell) pair.
_MAX_PAIR_CELLS = 16
# How many bisection nodes between two progress/cancel checks.
_TICK_NODES = 2048

_POLYGONAL = (int(GeometryType.POLYGON), int(GeometryType.MULTIPOLYGON))

# Scalar calls in the bisection loop: the compiled ufuncs behind shapely.clip_by_rect
# and shapely.area skip the Python wrappers' argument checks (a third of the loop's
# time); the public functions are the fallback should shapely.lib change.
_CLIP_BY_RECT = getattr(shapely.lib, "clip_by_rect", shapely.clip_by_rect)
_AREA = getattr(shapely.lib, "area", shapely.area)


@dataclass(frozen=True)
class FishnetResult:
    """Cells of a fishnet with the mining footprint apportioned to them.

    All arrays have one entry per output cell, in row-major order from the
    top-left (north-west) cell of the grid. Areas are in km² (planar area of the
    equal-area input coordinates divided by 1e6).

    Attributes
    ----------
    cell_id : numpy.ndarray
        int64, 1..n in output order.
    row : numpy.ndarray
        int64 grid row, 0 = northernmost row of the grid, increasing southwards.
    col : numpy.ndarray
        int64 grid column, 0 = westernmost column.
    geometries : numpy.ndarray
        shapely Polygons (or MultiPolygons: a cell clipped to the study area can
        fall apart) of the cells, clipped to the study area when ``clip=True``.
    cell_km2 : numpy.ndarray
        float64 area of the (clipped) cell.
    n_polygons : numpy.ndarray
        int64 number of counted footprints whose intersection with the cell
        (and the study area) has area (more than a sliver of numerical noise).
    n_mines : numpy.ndarray
        int64 number of distinct mine ids among those footprints (0 when no
        mine ids were given).
    mining_km2 : numpy.ndarray
        float64 apportioned mining area (overlaps dissolved), or apportioned
        weight when weights were given.
    density_pct : numpy.ndarray
        float64 ``100 * mining_km2 / cell_km2``.
    n_cells_dropped : int
        Clipped cells dropped because they were smaller than
        ``min_cell_fraction`` of a full cell.
    origin_x, origin_y : float
        Top-left corner of the grid (multiples of the cell size).
    n_rows, n_cols : int
        Shape of the whole grid (before cells outside the study area are left out).
    pieces : tuple of numpy.ndarray or None
        Only with ``return_pieces=True``: ``(footprint, cell, area_m2, has_area)``,
        one entry per counted footprint and output cell where the footprint
        (inside the study area) has a positive area; ``footprint`` indexes the
        input, ``cell`` the output arrays; ``has_area`` is False for pieces that
        are slivers of numerical noise (:func:`.geometry.has_area`: such a piece
        adds its area to ``mining_km2`` but does not count the footprint in
        ``n_polygons``). The footprints' own pieces, never their own lands.
    n_counted : int
        Footprints counted (with land of their own, :mod:`.geometry`).
    n_empty, n_degenerate, n_covered, n_repaired : int
        Footprints skipped as NULL/empty, as having no area (zero-area, collapsed or a sliver), as
        having no land of their own (exact duplicates, or covered by smaller footprints), and
        footprints repaired with MakeValid.
    footprint_status : numpy.ndarray
        int8 status of each input footprint (:data:`.geometry.COUNTED`, ``EMPTY``,
        ``DEGENERATE``, ``COVERED``).
    """

    cell_id: np.ndarray
    row: np.ndarray
    col: np.ndarray
    geometries: np.ndarray
    cell_km2: np.ndarray
    n_polygons: np.ndarray
    n_mines: np.ndarray
    mining_km2: np.ndarray
    density_pct: np.ndarray
    n_cells_dropped: int
    origin_x: float
    origin_y: float
    n_rows: int
    n_cols: int
    pieces: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None
    n_counted: int = 0
    n_empty: int = 0
    n_degenerate: int = 0
    n_covered: int = 0
    n_repaired: int = 0
    footprint_status: np.ndarray | None = None


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while geometries are created in bulk.

    Building ~10^6 shapely objects otherwise triggers repeated full collections
    that cost several times the construction itself; the objects hold no
    reference cycles, so nothing is lost by collecting afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_cell_size(cell_size: float) -> float:
    try:
        size = float(cell_size)
    except (TypeError, ValueError):
        size = math.nan
    if not math.isfinite(size) or size <= 0:
        raise InvalidInputError(
            "The cell size must be a positive number of metres, not {value}.", value=cell_size
        )
    return size


def grid_shape(bounds: Sequence[float], cell_size: float) -> tuple[int, int, float, float]:
    """Shape and top-left corner of the grid covering ``bounds``.

    The grid is aligned outward to multiples of ``cell_size``, so grids of the
    same cell size computed for different extents share their lines.

    Parameters
    ----------
    bounds : sequence of float
        ``(xmin, ymin, xmax, ymax)`` in the grid CRS.
    cell_size : float
        Side of a square cell, > 0, in the units of ``bounds``.

    Returns
    -------
    tuple
        ``(n_rows, n_cols, x0, y1)`` where ``x0 = floor(xmin / cell_size) *
        cell_size`` is the western and ``y1 = ceil(ymax / cell_size) *
        cell_size`` the northern grid line. A degenerate extent still gets one
        row/column.

    Examples
    --------
    >>> grid_shape((150.0, -50.0, 350.0, 120.0), 100.0)
    (3, 3, 100.0, 200.0)
    """
    size = _check_cell_size(cell_size)
    xmin, ymin, xmax, ymax = (float(v) for v in bounds)
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)) or xmin > xmax or ymin > ymax:
        raise InvalidInputError("The extent {bounds} is not a valid bounding box.", bounds=tuple(bounds))
    ix0, ix1 = math.floor(xmin / size), math.ceil(xmax / size)
    iy0, iy1 = math.floor(ymin / size), math.ceil(ymax / size)
    ix1 = max(ix1, ix0 + 1)
    iy1 = max(iy1, iy0 + 1)
    return iy1 - iy0, ix1 - ix0, ix0 * size, iy1 * size


def _suggest_cell_size(bounds: Sequence[float], size: float, count: int, limit: int) -> float:
    """Smallest 'two significant digits' cell size whose grid stays within ``limit``."""
    guess = size * math.sqrt(count / limit)
    while True:
        magnitude = 10.0 ** (math.floor(math.log10(guess)) - 1)
        nice = math.ceil(guess / magnitude) * magnitude
        n_rows, n_cols, _, _ = grid_shape(bounds, nice)
        if n_rows * n_cols <= limit:
            return nice
        guess = nice * 1.05


@dataclass(frozen=True)
class _Grid:
    x0: float
    y1: float
    size: float
    n_rows: int
    n_cols: int

    def rect(self, r0: int, r1: int, c0: int, c1: int) -> tuple[float, float, float, float]:
        """Bounds of the block of rows [r0, r1) and columns [c0, c1)."""
        s = self.size
        return (self.x0 + c0 * s, self.y1 - r1 * s, self.x0 + c1 * s, self.y1 - r0 * s)

    def boxes(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Cell squares for (rows, cols), built in bulk (faster than shapely.box)."""
        n = len(rows)
        if n == 0:
            return np.empty(0, dtype=object)
        s = self.size
        # The same integer-then-multiply expressions as rect(), so adjacent cells
        # and blocks share bit-identical coordinates.
        xa = self.x0 + cols * s
        xb = self.x0 + (cols + 1) * s
        ya = self.y1 - (rows + 1) * s
        yb = self.y1 - rows * s
        coords = np.empty((n, 5, 2))
        coords[:, 0, 0] = xb
        coords[:, 0, 1] = ya
        coords[:, 1, 0] = xb
        coords[:, 1, 1] = yb
        coords[:, 2, 0] = xa
        coords[:, 2, 1] = yb
        coords[:, 3, 0] = xa
        coords[:, 3, 1] = ya
        coords[:, 4] = coords[:, 0]
        ring_offsets = np.arange(0, 5 * n + 1, 5, dtype=np.int64)
        poly_offsets = np.arange(n + 1, dtype=np.int64)
        return shapely.from_ragged_array(
            GeometryType.POLYGON, coords.reshape(-1, 2), (ring_offsets, poly_offsets)
        )

    def cell_ranges(self, bounds: np.ndarray) -> tuple[np.ndarray, ...]:
        """Rows [r0, r1) and columns [c0, c1) of the cells each bounding box overlaps.

        Returns the raw ranges and the ranges clamped to the grid.
        """
        s = self.size
        c0 = np.floor((bounds[:, 0] - self.x0) / s).astype(np.int64)
        c1 = np.ceil((bounds[:, 2] - self.x0) / s).astype(np.int64)
        r0 = np.floor((self.y1 - bounds[:, 3]) / s).astype(np.int64)
        r1 = np.ceil((self.y1 - bounds[:, 1]) / s).astype(np.int64)
        c1 = np.maximum(c1, c0 + 1)
        r1 = np.maximum(r1, r0 + 1)
        cc0 = np.clip(c0, 0, self.n_cols)
        cc1 = np.clip(c1, 0, self.n_cols)
        rc0 = np.clip(r0, 0, self.n_rows)
        rc1 = np.clip(r1, 0, self.n_rows)
        return r0, r1, c0, c1, rc0, rc1, cc0, cc1


class _Ticker:
    """Progress reporting and cancellation for one stage [start, end] of the run."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress

    def __call__(self, fraction: float) -> None:
        if self.progress is not None and self.progress(min(max(fraction, 0.0), 1.0)) is False:
            raise CancelledError()


def _cover(
    geom: Any,
    grid: _Grid,
    block: tuple[int, int, int, int],
    tick: Callable[[], None],
) -> tuple[list[tuple[int, int, int, int]], list[int], list[Any]]:
    """Exact coverage of one polygonal geometry on a block of cells.

    The block is bisected recursively; each half gets the geometry clipped to
    it (GEOS rectangle clipping, linear in the vertices), halves that the
    piece misses are discarded and halves it covers completely become "full"
    blocks at once. Only cells the geometry's boundary crosses reach the
    one-cell level, so the work follows the boundary length, not the area.

    Returns
    -------
    full_blocks : list of (r0, r1, c0, c1)
        Blocks of cells the geometry covers completely.
    part_idx, part_geoms : list
        Linear index (row * n_cols + col) and clipped piece of every partly
        covered cell.
    """
    full: list[tuple[int, int, int, int]] = []
    part_idx: list[int] = []
    part_geoms: list[Any] = []
    r0, r1, c0, c1 = block
    if r1 <= r0 or c1 <= c0:
        return full, part_idx, part_geoms
    # This loop runs once per bisection node (tens of thousands for a national
    # boundary at 2 km), so it calls the scalar GEOS functions directly and
    # keeps the rectangle arithmetic inline (same expressions as _Grid.rect).
    # GEOS's rectangle clipper can refuse a piece it clipped before (GEOS 3.11:
    # "Invalid number of points in LinearRing found 3"); that clip is then
    # redone as a full overlay (geometry.robust_clip), the rest keep the fast path.
    fast, area_of = _CLIP_BY_RECT, _AREA

    def clip(g: Any, xa: float, ya: float, xb: float, yb: float) -> Any:
        try:
            return fast(g, xa, ya, xb, yb)
        except GEOSException:
            return robust_clip(g, xa, ya, xb, yb)

    x0, y1, s, n_cols = grid.x0, grid.y1, grid.size, grid.n_cols
    keep = 1.0 - _FULL_RTOL
    stack = [(clip(geom, x0 + c0 * s, y1 - r1 * s, x0 + c1 * s, y1 - r0 * s), r0, r1, c0, c1)]
    nodes = 0
    while stack:
        g, ra, rb, ca, cb = stack.pop()
        area = area_of(g)
        if not area > 0:
            continue
        xa, xb, ya, yb = x0 + ca * s, x0 + cb * s, y1 - rb * s, y1 - ra * s
        if area >= (xb - xa) * (yb - ya) * keep:
            full.append((ra, rb, ca, cb))
            continue
        if rb - ra == 1 and cb - ca == 1:
            part_idx.append(ra * n_cols + ca)
            part_geoms.append(g)
            continue
        if rb - ra >= cb - ca:
            mid = (ra + rb) // 2
            ym = y1 - mid * s
            stack.append((clip(g, xa, ym, xb, yb), ra, mid, ca, cb))
            stack.append((clip(g, xa, ya, xb, ym), mid, rb, ca, cb))
        else:
            mid = (ca + cb) // 2
            xm = x0 + mid * s
            stack.append((clip(g, xa, ya, xm, yb), ra, rb, ca, mid))
            stack.append((clip(g, xm, ya, xb, yb), ra, rb, mid, cb))
        nodes += 1
        if nodes % _TICK_NODES == 0:
            tick()
    return full, part_idx, part_geoms


def _expand_blocks(blocks: list[tuple[int, int, int, int]], n_cols: int) -> np.ndarray:
    """Linear cell indices of all cells in a list of (r0, r1, c0, c1) blocks."""
    if not blocks:
        return np.empty(0, dtype=np.int64)
    b = np.asarray(blocks, dtype=np.int64)
    heights = b[:, 1] - b[:, 0]
    widths = b[:, 3] - b[:, 2]
    sizes = heights * widths
    owner = np.repeat(np.arange(len(b)), sizes)
    local = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    rows = b[owner, 0] + local // widths[owner]
    cols = b[owner, 2] + local % widths[owner]
    return rows * n_cols + cols


def _object_array(items: list[Any]) -> np.ndarray:
    """A 1-d object array of the given geometries (never a 2-d array of their parts)."""
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def polygonal_parts(geoms: np.ndarray) -> np.ndarray:
    """Keep only the polygonal parts of geometries (clipping can leave collections).

    Empty parts, points and lines are dropped; a geometry with no polygon left becomes an empty
    Polygon (``None`` stays ``None``). See :func:`.geometry.polygonal`.
    """
    return polygonal(geoms, keep_degenerate=True)


def _encode_ids(mine_ids: Any, n: int) -> np.ndarray:
    """Integer code per footprint (-1 = no mine id)."""
    ids = np.asarray(mine_ids)
    if ids.ndim != 1 or len(ids) != n:
        raise InvalidInputError(
            "There are {n_ids} mine ids for {n_footprints} footprints; give one mine id per footprint.",
            n_ids=ids.size,
            n_footprints=n,
        )
    codes = np.full(n, -1, dtype=np.int64)
    if ids.dtype.kind in "iub":
        present = np.ones(n, dtype=bool)
        values: np.ndarray = ids
    elif ids.dtype.kind == "f":
        present = ~np.isnan(ids)
        values = ids[present]
    elif ids.dtype.kind in "US":
        present = np.ones(n, dtype=bool)
        values = ids
    else:
        objects = ids.astype(object)
        is_missing = np.frompyfunc(lambda v: v is None or (isinstance(v, float) and v != v), 1, 1)
        present = ~is_missing(objects).astype(bool)
        values = objects[present].astype(str)
    if present.any():
        _, inverse = np.unique(values, return_inverse=True)
        codes[present] = inverse.ravel()
    return codes


def _as_given(geoms: np.ndarray) -> Footprints:
    """Footprints that are already clean, each counted as it is (``fishnet_density(prepared=True)``)."""
    geoms = geometry_array(geoms)
    n = len(geoms)
    status = np.full(n, COUNTED, dtype=np.int8)
    missing = shapely.is_missing(geoms)
    status[missing] = EMPTY
    status[~missing] = np.where(shapely.is_empty(geoms[~missing]), EMPTY, COUNTED)
    geoms = geoms.copy()
    geoms[status != COUNTED] = empty_polygon()
    none = np.zeros(0, dtype=np.int64)
    return Footprints(geometries=geoms, land=geoms, status=status, repaired=np.zeros(n, dtype=bool),
                      involved=np.zeros(n, dtype=bool), first=none, second=none, overlap_area=np.zeros(0),
                      rank=np.zeros(n, dtype=np.int64))


def _check_weights(weights: Any, n: int) -> np.ndarray:
    w = np.asarray(weights, dtype=np.float64)
    if w.ndim != 1 or len(w) != n:
        raise InvalidInputError(
            "There are {n_weights} weights for {n_footprints} footprints; give one weight per footprint.",
            n_weights=w.size,
            n_footprints=n,
        )
    nan = np.flatnonzero(np.isnan(w))
    if len(nan):
        raise InvalidInputError(
            "The weight of footprint {index} is NULL (NaN); every footprint needs a weight.",
            index=int(nan[0]),
        )
    neg = np.flatnonzero(w < 0)
    if len(neg):
        raise InvalidInputError(
            "The weight of footprint {index} is negative ({value}); weights must be zero or positive.",
            index=int(neg[0]),
            value=float(w[neg[0]]),
        )
    inf = np.flatnonzero(np.isinf(w))
    if len(inf):
        raise InvalidInputError(
            "The weight of footprint {index} is infinite; weights must be finite.", index=int(inf[0])
        )
    return w


def _check_study_area(study_area: Any) -> Any:
    """The study area as one valid polygonal geometry (collections keep their polygons)."""
    if not isinstance(study_area, shapely.Geometry):
        raise InvalidInputError(
            "The study area must be a polygon or multipolygon, not {geom_type}.",
            geom_type=type(study_area).__name__,
        )
    clean = clean_polygons([study_area])
    if clean.status[0] == WRONG_TYPE:
        raise InvalidInputError(
            "The study area must be a polygon or multipolygon, not {geom_type}.",
            geom_type=study_area.geom_type,
        )
    if clean.status[0] != COUNTED:
        raise InvalidInputError("The study area is empty or has no area.")
    return clean.geometries[0]


def overlap_groups(geoms: np.ndarray, area: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Groups of footprints whose interiors overlap (transitively).

    Returns ``(member_index, group_label)`` for footprints in groups of two or
    more; only those groups need a union, the rest are used as they are.
    """
    live = np.flatnonzero(area > 0)
    if len(live) < 2:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    tree = shapely.STRtree(geoms[live])
    left, right = tree.query(geoms[live], predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    if len(left):
        # 'T********': the interiors meet, which for polygons means a shared area
        # (edges or corners that merely touch do not count).
        overlap = shapely.relate_pattern(geoms[live][left], geoms[live][right], "T********")
        left, right = left[overlap], right[overlap]
    if not len(left):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(live)
    graph = coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    sizes = np.bincount(labels)
    grouped = np.flatnonzero(sizes[labels] > 1)
    return live[grouped], labels[grouped]


def fishnet_density(
    footprints: Any,
    *,
    cell_size: float,
    study_area: Any = None,
    clip: bool = True,
    min_cell_fraction: float = 0.0,
    weights: Any = None,
    mine_ids: Any = None,
    keep_empty: bool = True,
    max_cells: int = 5_000_000,
    progress: Progress | None = None,
    return_pieces: bool = False,
    prepared: bool = False,
) -> FishnetResult:
    """Apportion mining footprints to the cells of a square fishnet.

    Parameters
    ----------
    footprints : array_like of shapely geometries
        Mining footprints (Polygons/MultiPolygons) in an equal-area CRS in
        metres. ``None``/empty entries contribute nothing; invalid geometries
        are repaired with ``shapely.make_valid`` and keep their polygonal
        parts (collections too); points and lines are refused.
    cell_size : float
        Cell side in metres, > 0. Grid lines lie on multiples of it.
    study_area : shapely Polygon or MultiPolygon, optional
        Area of interest (a collection keeps its polygonal parts; an invalid
        one is repaired). Cells not intersecting it are not output and only the
        part of each footprint inside it is counted. Default: the grid covers
        the footprints' extent and cells are not clipped.
    clip : bool, default True
        Clip cells to the study area (``cell_km2`` and the geometry are then
        those of the clipped cell).
    min_cell_fraction : float, default 0
        With ``clip``, drop clipped cells smaller than this fraction of a full
        cell (counted in ``n_cells_dropped``); avoids extreme densities in
        slivers along the boundary.
    weights : array_like of float, optional
        One non-negative value per footprint (e.g. km² of a gridded product).
        Each footprint then contributes ``weight * (share of its area in the
        cell and the study area)`` instead of its area. Overlaps are not
        dissolved in this mode: every footprint carries its own quantity.
    mine_ids : array_like, optional
        One mine id per footprint; ``n_mines`` counts the distinct ids per cell
        (``None``/NaN ids are not counted).
    keep_empty : bool, default True
        Keep cells without any footprint (with zeros).
    max_cells : int, default 5,000,000
        Largest grid (rows x columns over the extent) accepted.
    progress : callable, optional
        ``progress(fraction) -> bool``; returning False cancels the run.
    return_pieces : bool, default False
        Also return the (footprint, output cell, area) pieces
        (:attr:`FishnetResult.pieces`), so that callers can aggregate them
        their own way (e.g. per survey epoch) without a second apportioning.
    prepared : bool, default False
        The footprints are already clean (valid, polygonal, without degenerate parts; NULL/empty
        ones are skipped) and each is apportioned exactly as given, with its area or its weight,
        without repair and without the footprint rule. For kernels that applied the footprint rule
        themselves (:func:`.epochs.epoch_density` passes the own lands of every epoch).

    Returns
    -------
    FishnetResult

    Raises
    ------
    InvalidInputError
        Non-positive cell size, no footprints, no footprint area inside the
        study area, a grid larger than ``max_cells`` (the message suggests a
        cell size), NaN/negative/infinite weights (naming the first offending
        footprint index), mismatched lengths, a non-polygonal study area,
        footprints that are points or lines.
    CancelledError
        When ``progress`` returned False.

    Notes
    -----
    Footprints are cleaned and made disjoint by :func:`.geometry.prepare_footprints`:
    where footprints overlap, the smallest keeps the shared land, so
    ``mining_km2`` is the area of the union of the footprints in the cell
    (overlaps counted once); ``n_polygons`` and ``n_mines`` count the
    footprints themselves, except footprints without land of their own (exact
    duplicates, footprints covered by smaller ones), which are not counted at
    all (``n_covered``), and zero-area or sliver footprints (``n_degenerate``).
    The sum of ``mining_km2`` over all cells (before ``min_cell_fraction``/
    ``keep_empty`` drop any) equals the area of the union of the footprints
    inside the study area. In weight mode a weight is a quantity of its
    feature, not an area: every usable footprint, duplicates included, carries
    its weight and is counted. The result does not depend on the order of the
    footprints.

    The computation is exact planar geometry: a footprint is split between the
    cells it crosses by clipping; cells and footprints are handled by
    recursive bisection with rectangle clipping where they are large, so whole
    blocks of fully covered (or fully inside the study area) cells never get
    clipped individually, and footprints lying inside one cell are not
    clipped at all.

    Examples
    --------
    >>> import shapely
    >>> r = fishnet_density([shapely.box(50, 0, 150, 100)], cell_size=100)
    >>> r.mining_km2 * 1e6
    array([5000., 5000.])
    """
    # errstate: GEOS reports an empty intersection (a piece that only touches a
    # cell) as an "invalid value" warning; such pieces are simply dropped.
    with _no_gc(), np.errstate(invalid="ignore"):
        return _fishnet_density(
            footprints,
            cell_size=cell_size,
            study_area=study_area,
            clip=clip,
            min_cell_fraction=min_cell_fraction,
            weights=weights,
            mine_ids=mine_ids,
            keep_empty=keep_empty,
            max_cells=max_cells,
            progress=progress,
            return_pieces=return_pieces,
            prepared=prepared,
        )


def _fishnet_density(
    footprints: Any,
    *,
    cell_size: float,
    study_area: Any,
    clip: bool,
    min_cell_fraction: float,
    weights: Any,
    mine_ids: Any,
    keep_empty: bool,
    max_cells: int,
    progress: Progress | None,
    return_pieces: bool = False,
    prepared: bool = False,
) -> FishnetResult:
    """Implementation of :func:`fishnet_density` (validates, then computes)."""
    tick = _Ticker(progress)
    size = _check_cell_size(cell_size)
    if not (0.0 <= float(min_cell_fraction) <= 1.0):
        raise InvalidInputError(
            "The minimum cell fraction must lie between 0 and 1, not {value}.", value=min_cell_fraction
        )
    if isinstance(max_cells, bool) or not isinstance(max_cells, (int, np.integer)) or max_cells < 1:
        raise InvalidInputError("The cell limit must be a positive whole number, not {value}.", value=max_cells)

    geoms = np.asarray(footprints, dtype=object).ravel()
    n = len(geoms)
    if n == 0:
        raise InvalidInputError("There are no footprints: the input has no features to grid.")
    w = _check_weights(weights, n) if weights is not None else None
    codes = _encode_ids(mine_ids, n) if mine_ids is not None else None
    if study_area is not None:
        study_area = _check_study_area(study_area)

    # 0. Footprints cleaned (repaired, polygonal parts, no degenerate rings) and given their own
    # land: where footprints overlap, the smallest keeps the shared land, so area is counted once
    # and a footprint without land of its own (a duplicate) is not counted.
    if prepared:
        fps = _as_given(geoms)
    else:
        fps = prepare_footprints(geoms, tie_break=codes)  # exact duplicates of two mines: decided by mine id
    wrong = fps.first_of(WRONG_TYPE)
    if wrong >= 0:
        raise InvalidInputError(
            "Footprint {index} is a {geometry_type}, not a polygon.",
            index=wrong,
            geometry_type=geoms[wrong].geom_type,
        )
    counted = fps.counted
    if w is not None:
        # weight mode: a weight is a quantity of the feature, not its area, so every usable
        # feature carries its weight and counts, duplicates included (nothing is dropped silently)
        counted = np.isin(fps.status, (COUNTED, COVERED))
    if not counted.any():
        raise InvalidInputError("None of the {count} footprints has a positive area.", count=n)
    geoms = fps.geometries
    areas = shapely.area(geoms)

    if study_area is not None:
        bounds = study_area.bounds
    else:
        bounds = tuple(shapely.total_bounds(geoms[counted]))
    n_rows, n_cols, x0, y1 = grid_shape(bounds, size)
    n_grid = n_rows * n_cols
    if n_grid > max_cells:
        raise InvalidInputError(
            "The grid would have {count} cells, more than the limit of {limit}; "
            "use a cell size of at least {suggested} or a smaller study area.",
            count=n_grid,
            limit=int(max_cells),
            suggested=_suggest_cell_size(bounds, size, n_grid, int(max_cells)),
        )
    grid = _Grid(x0, y1, size, n_rows, n_cols)
    full_area = size * size
    tick(0.0)

    # 1. Study area on the grid: 0 = outside, 1 = completely inside, 2 = partly.
    study_piece: np.ndarray | None = None
    if study_area is not None:
        status = np.zeros(n_grid, dtype=np.int8)
        blocks, part_idx, part_geoms = _cover(
            study_area, grid, (0, n_rows, 0, n_cols), lambda: tick(0.05)
        )
        status[_expand_blocks(blocks, n_cols)] = 1
        part_idx_arr = np.asarray(part_idx, dtype=np.int64)
        study_piece = np.full(n_grid, None, dtype=object)
        if len(part_idx_arr):
            pieces = _object_array(part_geoms)
            invalid = ~shapely.is_valid(pieces)
            if invalid.any():
                pieces[invalid] = shapely.make_valid(pieces[invalid])
            # polygonal parts without collapsed rings; a cell the study area reaches only with a
            # sliver (no area beyond noise) is not part of the grid
            pieces = polygonal(pieces)
            real = has_area(pieces)
            status[part_idx_arr[real]] = 2
            study_piece[part_idx_arr[real]] = pieces[real]
    else:
        status = np.ones(n_grid, dtype=np.int8)
    tick(0.3)

    # 2. What carries area: footprints overlapping no other one as they are, the others by their
    # own land (area mode); every counted footprint with its weight (weight mode, where each
    # footprint carries its own quantity). The lands are appended after the originals so both go
    # through the same apportioning; the originals' pieces are what n_polygons counts.
    all_geoms = geoms
    if w is None:
        shared = np.flatnonzero(fps.involved)
        all_geoms = np.concatenate([geoms, fps.land[shared]])
        area_rows = np.concatenate([np.flatnonzero(counted & ~fps.involved), np.arange(n, n + len(shared))])
    else:
        area_rows = np.flatnonzero(counted)
    tick(0.35)

    # 3. (geometry, cell) pieces.
    m = len(all_geoms)
    live = np.concatenate([np.flatnonzero(counted), np.arange(n, m)])
    bnds = shapely.bounds(all_geoms[live])
    r0, r1, c0, c1, rc0, rc1, cc0, cc1 = grid.cell_ranges(bnds)
    counts = (rc1 - rc0) * (cc1 - cc0)
    raw_counts = (r1 - r0) * (c1 - c0)
    inside_one = (raw_counts == 1) & (counts == 1)
    small = (counts > 0) & (counts <= _MAX_PAIR_CELLS) & ~inside_one
    large = counts > _MAX_PAIR_CELLS

    pair_geom: list[np.ndarray] = []
    pair_cell: list[np.ndarray] = []
    pair_piece: list[np.ndarray] = []  # None = the whole cell

    # 3a. Footprints inside one cell: no clipping.
    idx = live[inside_one]
    pair_geom.append(idx)
    pair_cell.append(rc0[inside_one] * n_cols + cc0[inside_one])
    pair_piece.append(all_geoms[idx])

    # 3b. Footprints over a few cells: one vectorised intersection per pair.
    if small.any():
        k = counts[small]
        owner = np.repeat(np.flatnonzero(small), k)
        local = np.arange(k.sum()) - np.repeat(np.cumsum(k) - k, k)
        widths = (cc1 - cc0)[owner]
        rows = rc0[owner] + local // widths
        cols = cc0[owner] + local % widths
        cells = rows * n_cols + cols
        keep = status[cells] > 0
        owner, rows, cols, cells = owner[keep], rows[keep], cols[keep], cells[keep]
        pieces = shapely.intersection(all_geoms[live[owner]], grid.boxes(rows, cols))
        pair_geom.append(live[owner])
        pair_cell.append(cells)
        pair_piece.append(pieces)
    tick(0.45)

    # 3c. Large footprints: recursive bisection, fully covered cells in bulk.
    big = np.flatnonzero(large)
    for j, b in enumerate(big):
        blocks, part_idx, part_geoms = _cover(
            all_geoms[live[b]], grid, (rc0[b], rc1[b], cc0[b], cc1[b]), lambda: None
        )
        full_cells = _expand_blocks(blocks, n_cols)
        part_arr = np.asarray(part_idx, dtype=np.int64)
        pair_geom.append(np.full(len(full_cells) + len(part_arr), live[b], dtype=np.int64))
        pair_cell.append(np.concatenate([full_cells, part_arr]))
        pieces = np.full(len(full_cells) + len(part_arr), None, dtype=object)
        if len(part_arr):
            pieces[len(full_cells) :] = _object_array(part_geoms)
        pair_piece.append(pieces)
        tick(0.45 + 0.25 * (j + 1) / len(big))

    g_idx = np.concatenate(pair_geom).astype(np.int64)
    cell = np.concatenate(pair_cell).astype(np.int64)
    piece = np.concatenate(pair_piece)
    st = status[cell]
    keep = st > 0
    g_idx, cell, piece, st = g_idx[keep], cell[keep], piece[keep], st[keep]
    whole = shapely.is_missing(piece)
    piece_area = np.where(whole, full_area, shapely.area(piece))
    # a footprint counts in a cell where it has area there (not where it only touches the cell or
    # the study area, nor by a sliver of numerical noise)
    piece_has = whole.copy()
    piece_has[~whole] = has_area(piece[~whole])

    # 4. Restrict pieces in boundary cells to the study area (the cell's own
    # small piece of it, not the whole boundary).
    if study_piece is not None:
        edge = st == 2
        edge_whole = np.flatnonzero(edge & whole)
        piece_area[edge_whole] = shapely.area(study_piece[cell[edge_whole]])
        edge_part = np.flatnonzero(edge & ~whole)
        if len(edge_part):
            clipped = piece[edge_part]
            invalid = ~shapely.is_valid(clipped)
            if invalid.any():
                clipped[invalid] = polygonal(shapely.make_valid(clipped[invalid]))
            inside = shapely.intersection(clipped, study_piece[cell[edge_part]])
            piece_area[edge_part] = shapely.area(inside)
            piece_has[edge_part] = has_area(inside)
    tick(0.8)

    positive = piece_area > 0
    g_idx, cell, piece_area, piece_has = g_idx[positive], cell[positive], piece_area[positive], piece_has[positive]
    is_orig = (g_idx < n) & piece_has
    if not is_orig.any():
        raise InvalidInputError(
            "No footprint lies inside the study area ({count} footprints checked).", count=n
        )

    n_polygons_all = np.bincount(cell[is_orig], minlength=n_grid)
    if w is not None:
        contrib = w[g_idx] * piece_area / areas[g_idx]
        mining_all: np.ndarray = np.bincount(cell, weights=contrib, minlength=n_grid)
    else:
        carries = np.zeros(m, dtype=bool)
        carries[area_rows] = True
        sel = carries[g_idx]
        mining_all = np.bincount(cell[sel], weights=piece_area[sel], minlength=n_grid) / 1e6
    if codes is not None:
        oc = cell[is_orig]
        ocode = codes[g_idx[is_orig]]
        has = ocode >= 0
        n_codes = int(codes.max()) + 1
        key = np.unique(oc[has] * n_codes + ocode[has])
        n_mines_all = np.bincount(key // n_codes, minlength=n_grid)
    else:
        n_mines_all = np.zeros(n_grid, dtype=np.int64)

    # 5. Output cells.
    out = np.flatnonzero(status > 0)
    partial = status[out] == 2
    cell_area = np.full(len(out), full_area)
    if clip and study_piece is not None and partial.any():
        cell_area[partial] = shapely.area(study_piece[out[partial]])
    dropped = 0
    if clip and study_piece is not None and min_cell_fraction > 0:
        small_cell = cell_area < min_cell_fraction * full_area
        dropped = int(small_cell.sum())
        out, partial, cell_area = out[~small_cell], partial[~small_cell], cell_area[~small_cell]
    if not keep_empty:
        used = n_polygons_all[out] > 0
        out, partial, cell_area = out[used], partial[used], cell_area[used]
    rows, cols = np.divmod(out, n_cols)
    rows = rows.astype(np.int64)
    cols = cols.astype(np.int64)
    geometries = grid.boxes(rows, cols)
    if clip and study_piece is not None and partial.any():
        geometries[partial] = study_piece[out[partial]]
    tick(0.95)
    mining = mining_all[out]
    cell_km2 = cell_area / 1e6
    result = FishnetResult(
        cell_id=np.arange(1, len(out) + 1, dtype=np.int64),
        row=rows,
        col=cols,
        geometries=geometries,
        cell_km2=cell_km2,
        n_polygons=n_polygons_all[out].astype(np.int64),
        n_mines=n_mines_all[out].astype(np.int64),
        mining_km2=mining,
        density_pct=100.0 * mining / cell_km2,
        n_cells_dropped=dropped,
        origin_x=float(x0),
        origin_y=float(y1),
        n_rows=int(n_rows),
        n_cols=int(n_cols),
        **fps.rule_counts(counted, weighted=w is not None),
    )
    if return_pieces:
        position = np.full(n_grid, -1, dtype=np.int64)
        position[out] = np.arange(len(out))
        own = (g_idx < n) & (position[cell] >= 0)
        result = dataclasses.replace(result, pieces=(g_idx[own], position[cell[own]], piece_area[own], piece_has[own]))
    tick(1.0)
    return result
