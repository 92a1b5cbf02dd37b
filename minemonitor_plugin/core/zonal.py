"""Area of each class of a class raster inside polygons, block by block, with a stated pixel rule.

Pixel rules (:data:`PIXEL_RULES`):

``centre``
    A pixel counts wholly for a polygon when its centre lies inside the polygon (centres exactly
    on the boundary do not count), as GDAL's rasteriser and most zonal tools do. Cheap, but for a
    footprint of a few pixels the area can be off by a large fraction.
``fraction``
    A pixel counts with the exact fraction of its area the polygon covers (shapely intersection
    of the pixel square and the polygon). Only pixels the boundary passes through are
    intersected: they are found from the boundary densified to vertices less than half a pixel
    apart (plus both side pixels of each diagonal step), every other pixel is wholly in or out
    and decided by its centre. Class areas then add up to the polygon area (inside the raster).

Everything is vectorised over polygons and pixels with shapely 2; a block only enumerates the
pixels of the bounding boxes of the polygons that reach it, so memory follows the block.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .errors import CancelledError, InvalidInputError

PIXEL_RULES = ("centre", "fraction")


@dataclass(frozen=True)
class PixelGrid:
    """A north-up grid: top-left corner (``x0``, ``y0``), positive pixel sizes, size."""

    x0: float
    y0: float
    dx: float
    dy: float
    width: int
    height: int

    @classmethod
    def from_geotransform(cls, geotransform: Sequence[float], width: int, height: int) -> PixelGrid:
        """From a GDAL geotransform ``(x0, dx, 0, y0, 0, -dy)``; rotated grids are refused."""
        x0, dx, rx, y0, ry, dy = (float(v) for v in geotransform)
        if rx or ry:
            raise InvalidInputError("Rotated rasters are not supported.")
        if dx <= 0 or dy >= 0:
            raise InvalidInputError("The raster is not north-up (pixel size {dx}, {dy}).", dx=dx, dy=dy)
        return cls(x0, y0, dx, -dy, int(width), int(height))

    @property
    def pixel_area(self) -> float:
        return self.dx * self.dy


@dataclass(frozen=True)
class ClassAreaTable:
    """Class areas per polygon.

    Attributes
    ----------
    classes : tuple of int
        Class values found inside the polygons (sorted).
    area : ndarray, shape (n_polygons, n_classes)
        Area of each class in each polygon (squared CRS units, or m² with ``row_areas``).
    nodata_area : ndarray, shape (n_polygons,)
        Area of NoData pixels inside each polygon.
    pixels : ndarray, shape (n_polygons,)
        Number of pixels that counted (with any weight) for each polygon.
    pixel_rule : str
    """

    classes: tuple[int, ...]
    area: np.ndarray
    nodata_area: np.ndarray
    pixels: np.ndarray
    pixel_rule: str

    @property
    def classified_area(self) -> np.ndarray:
        """Area with a class, per polygon."""
        return self.area.sum(axis=1)

    @property
    def share(self) -> np.ndarray:
        """Share (0-1) of each class in each polygon's classified area (NaN where there is none)."""
        tot = self.classified_area[:, None]
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(tot > 0, self.area / np.where(tot > 0, tot, 1), np.nan)

    def grouped(self, keys: Sequence) -> tuple[list, np.ndarray, np.ndarray]:
        """Sum polygons by ``keys`` (a zone per polygon): ``(zone keys, area, nodata_area)``."""
        keys = list(keys)
        if len(keys) != self.area.shape[0]:
            raise InvalidInputError("{given} zone keys for {count} polygons.", given=len(keys),
                                    count=self.area.shape[0])
        uniq = sorted(set(keys), key=lambda k: (k is None, str(k)))
        pos = {k: i for i, k in enumerate(uniq)}
        idx = np.array([pos[k] for k in keys], dtype=np.int64)
        area = np.zeros((len(uniq), self.area.shape[1]))
        np.add.at(area, idx, self.area)
        nod = np.bincount(idx, weights=self.nodata_area, minlength=len(uniq))
        return uniq, area, nod

    @property
    def total(self) -> np.ndarray:
        """Area of each class summed over all polygons (overlapping polygons count twice)."""
        return self.area.sum(axis=0)


# --------------------------------------------------------------------------------------------
# pixel coverage of polygons
# --------------------------------------------------------------------------------------------
class PolygonCoverage:
    """Which pixels of ``grid`` each polygon covers, and by how much, one band of rows at a time.

    Parameters
    ----------
    polygons : array of shapely geometries
        Polygons/multipolygons in the grid's CRS (None, empty and zero-area ones cover nothing;
        invalid ones are repaired and keep their polygonal parts; points and lines are refused).
    grid : PixelGrid
    rule : {"centre", "fraction"}

    Examples
    --------
    A 4 x 4 grid of unit pixels with its top-left corner at (0, 4), and a polygon over the left
    half of the two top rows that cuts the first column in half:

    >>> import shapely
    >>> grid = PixelGrid(0.0, 4.0, 1.0, 1.0, 4, 4)
    >>> cov = PolygonCoverage([shapely.box(0.5, 2.0, 2.0, 4.0)], grid, "fraction")
    >>> poly, row, col, weight = cov.rows(0, 4)
    >>> [(int(r), int(c), float(w)) for r, c, w in zip(row, col, weight)]
    [(0, 0, 0.5), (0, 1, 1.0), (1, 0, 0.5), (1, 1, 1.0)]
    """

    def __init__(self, polygons: Sequence, grid: PixelGrid, rule: str = "centre") -> None:
        import shapely

        if rule not in PIXEL_RULES:
            raise InvalidInputError("Unknown pixel rule {rule}: use centre or fraction.", rule=rule)
        from .geometry import WRONG_TYPE, clean_polygons, geometry_array

        self.grid = grid
        self.rule = rule
        # repaired, polygonal parts only (collections from makeValid keep their polygons), no collapsed
        # rings; NULL, empty and zero-area polygons become empty and cover nothing
        clean = clean_polygons(geometry_array(polygons))
        wrong = clean.first_of(WRONG_TYPE)
        if wrong >= 0:
            raise InvalidInputError(
                "Zone polygon {index} is a {geometry_type}, not a polygon.", index=wrong,
                geometry_type=geometry_array(polygons)[wrong].geom_type,
            )
        self.status = clean.status
        self.n_repaired = int(clean.repaired.sum())
        geoms = clean.geometries
        self.polygons = geoms
        self.n = geoms.size
        shapely.prepare(geoms)
        bounds = shapely.bounds(geoms) if self.n else np.empty((0, 4))
        empty = shapely.is_empty(geoms) if self.n else np.empty(0, bool)
        # pixel index ranges [c0, c1) x [r0, r1) of each bounding box, clipped to the grid
        with np.errstate(invalid="ignore"):
            c0 = np.floor((bounds[:, 0] - grid.x0) / grid.dx)
            c1 = np.floor((bounds[:, 2] - grid.x0) / grid.dx) + 1
            r0 = np.floor((grid.y0 - bounds[:, 3]) / grid.dy)
            r1 = np.floor((grid.y0 - bounds[:, 1]) / grid.dy) + 1
        c0 = np.clip(np.nan_to_num(c0), 0, grid.width).astype(np.int64)
        c1 = np.clip(np.nan_to_num(c1), 0, grid.width).astype(np.int64)
        r0 = np.clip(np.nan_to_num(r0), 0, grid.height).astype(np.int64)
        r1 = np.clip(np.nan_to_num(r1), 0, grid.height).astype(np.int64)
        none = empty | (c1 <= c0) | (r1 <= r0)
        r1 = np.where(none, r0, r1)
        self._c0, self._c1, self._r0, self._r1 = c0, c1, r0, r1
        self._boundary = self._boundary_pixels() if rule == "fraction" and self.n else None

    @property
    def row_span(self) -> tuple[int, int]:
        """First row and one past the last row any polygon reaches (0, 0 if none)."""
        has = self._r1 > self._r0
        if not has.any():
            return 0, 0
        return int(self._r0[has].min()), int(self._r1[has].max())

    def touches_rows(self, row0: int, row1: int) -> bool:
        """Whether any polygon's bounding box reaches rows [row0, row1)."""
        return bool(np.any((self._r0 < row1) & (self._r1 > row0)))

    def rows(self, row0: int, row1: int, col0: int = 0, col1: int | None = None):
        """Coverage of the pixels in rows [row0, row1) and columns [col0, col1).

        Returns
        -------
        (polygon, row, col, weight) : ndarrays
            One entry per (polygon, pixel) with a positive weight: 1 for wholly covered pixels,
            the covered fraction for boundary pixels under the fraction rule.
        """
        import shapely

        g = self.grid
        col1 = g.width if col1 is None else col1
        rlo = np.maximum(self._r0, row0)
        rhi = np.minimum(self._r1, row1)
        clo = np.maximum(self._c0, col0)
        chi = np.minimum(self._c1, col1)
        nr = np.maximum(rhi - rlo, 0)
        nc = np.maximum(chi - clo, 0)
        counts = nr * nc
        sel = np.nonzero(counts)[0]
        empty = (np.empty(0, np.int64),) * 3 + (np.empty(0, np.float64),)
        if sel.size == 0:
            return empty
        counts = counts[sel]
        poly = np.repeat(sel, counts)
        start = np.repeat(np.cumsum(counts) - counts, counts)
        k = np.arange(poly.size, dtype=np.int64) - start
        ncs = nc[poly]
        row = rlo[poly] + k // ncs
        col = clo[poly] + k % ncs
        x = g.x0 + (col + 0.5) * g.dx
        y = g.y0 - (row + 0.5) * g.dy
        weight = shapely.contains_xy(self.polygons[poly], x, y).astype(np.float64)
        if self._boundary is not None:
            bpoly, brow, bcol = self._boundary
            inb = (brow >= row0) & (brow < row1) & (bcol >= col0) & (bcol < col1)
            if inb.any():
                bpoly, brow, bcol = bpoly[inb], brow[inb], bcol[inb]
                boxes = shapely.box(g.x0 + bcol * g.dx, g.y0 - (brow + 1) * g.dy,
                                    g.x0 + (bcol + 1) * g.dx, g.y0 - brow * g.dy)
                frac = shapely.area(shapely.intersection(boxes, self.polygons[bpoly])) / g.pixel_area
                # boundary pixels lie in their polygon's box: find them among the enumerated pixels
                key = self._key(poly, row, col)
                bkey = self._key(bpoly, brow, bcol)
                pos = np.minimum(np.searchsorted(key, bkey), key.size - 1)  # keys increase: poly, row, col
                found = key[pos] == bkey
                weight[pos[found]] = np.clip(frac[found], 0.0, 1.0)
        keep = weight > 0
        return poly[keep], row[keep], col[keep], weight[keep]

    def _key(self, poly: np.ndarray, row: np.ndarray, col: np.ndarray) -> np.ndarray:
        g = self.grid
        return (poly.astype(np.int64) * g.height + row) * g.width + col

    def _boundary_pixels(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Unique (polygon, row, col) of every pixel the polygon boundaries pass through."""
        import shapely

        g = self.grid
        step = 0.49 * min(g.dx, g.dy)
        lines = shapely.segmentize(shapely.boundary(self.polygons), step)
        coords, idx = shapely.get_coordinates(lines, return_index=True)
        if idx.size == 0:
            e = np.empty(0, np.int64)
            return e, e, e
        col = np.floor((coords[:, 0] - g.x0) / g.dx).astype(np.int64)
        row = np.floor((g.y0 - coords[:, 1]) / g.dy).astype(np.int64)
        # a diagonal step between consecutive vertices may cross either side pixel
        same = idx[1:] == idx[:-1]
        diag = same & (np.abs(np.diff(col)) == 1) & (np.abs(np.diff(row)) == 1)
        d = np.nonzero(diag)[0]
        polys = np.concatenate([idx, idx[d], idx[d]])
        rows = np.concatenate([row, row[d], row[d + 1]])
        cols = np.concatenate([col, col[d + 1], col[d]])
        ok = (rows >= 0) & (rows < g.height) & (cols >= 0) & (cols < g.width)
        key = np.unique(self._key(polys[ok], rows[ok], cols[ok]))
        poly = key // (g.height * g.width)
        rest = key % (g.height * g.width)
        return poly, rest // g.width, rest % g.width


# --------------------------------------------------------------------------------------------
# tabulation
# --------------------------------------------------------------------------------------------
def tabulate_class_areas(
    coverage: PolygonCoverage,
    blocks: Iterable[tuple[int, int, np.ndarray, np.ndarray | None]],
    row_areas: np.ndarray | None = None,
    progress: Callable[[float], bool] | None = None,
    total_blocks: int | None = None,
) -> ClassAreaTable:
    """Class areas inside each polygon from blocks of a class raster.

    Parameters
    ----------
    coverage : PolygonCoverage
    blocks : iterable of (row, col, classes, nodata)
        Blocks of the class raster: top-left pixel, integer class array, NoData mask (or None).
        Blocks no polygon reaches may be skipped by the caller (:meth:`PolygonCoverage.touches_rows`).
    row_areas : ndarray, optional
        Area of one pixel in each row (length ``grid.height``), e.g. ellipsoidal areas for a
        geographic raster; default the planar pixel area ``dx * dy``.
    progress : callable, optional
        ``progress(fraction) -> bool``; False cancels (:class:`CancelledError`).
    total_blocks : int, optional
        Number of blocks, for progress.

    Returns
    -------
    ClassAreaTable
    """
    g = coverage.grid
    n = coverage.n
    if row_areas is not None:
        row_areas = np.asarray(row_areas, dtype=np.float64)
        if row_areas.shape != (g.height,):
            raise InvalidInputError("{given} row areas for a raster of {rows} rows.", given=row_areas.size,
                                    rows=g.height)
    per_class: dict[int, np.ndarray] = {}
    nodata_area = np.zeros(n)
    pixels = np.zeros(n, dtype=np.int64)
    for b, (row, col, values, nodata) in enumerate(blocks):
        values = np.asarray(values)
        nrows, ncols = values.shape
        poly, prow, pcol, weight = coverage.rows(row, row + nrows, col, col + ncols)
        if poly.size:
            area = weight * (g.pixel_area if row_areas is None else row_areas[prow])
            v = values[prow - row, pcol - col]
            bad = np.zeros(v.shape, bool) if nodata is None else np.asarray(nodata)[prow - row, pcol - col]
            if v.dtype.kind == "f":
                bad = bad | np.isnan(v)
            nodata_area += np.bincount(poly[bad], weights=area[bad], minlength=n)
            pixels += np.bincount(poly, minlength=n)
            good = ~bad
            if good.any():
                vals = v[good]
                if vals.dtype.kind == "f" and np.any(vals != np.round(vals)):
                    bad_value = vals[vals != np.round(vals)][0]
                    raise InvalidInputError("The class raster has the non-integer value {value}.",
                                            value=f"{bad_value:g}")
                uniq, inv = np.unique(vals.astype(np.int64), return_inverse=True)
                sums = np.bincount(inv * n + poly[good], weights=area[good], minlength=uniq.size * n)
                for j, u in enumerate(uniq):
                    acc = per_class.setdefault(int(u), np.zeros(n))
                    acc += sums[j * n:(j + 1) * n]
        if progress is not None and not progress((b + 1) / total_blocks if total_blocks else 0.0):
            raise CancelledError()
    classes = tuple(sorted(per_class))
    area = np.column_stack([per_class[c] for c in classes]) if classes else np.zeros((n, 0))
    return ClassAreaTable(classes, area, nodata_area, pixels, coverage.rule)


def geographic_row_areas(y0: float, dy: float, height: int, dx: float,
                         semi_major: float = 6378137.0, inverse_flattening: float = 298.257223563) -> np.ndarray:
    """Area in m² of one pixel in each row of a latitude/longitude grid, on the ellipsoid.

    Exact area of the ellipsoidal quadrangle between the row's edge latitudes over ``dx``
    degrees of longitude: ``A = b² dλ/2 [q(φ)]`` with
    ``q(φ) = sinφ/(1 - e² sin²φ) + ln((1 + e sinφ)/(1 - e sinφ)) / (2e)``
    (the authalic-latitude integral, e.g. Snyder 1987, eq. 3-12).

    Parameters
    ----------
    y0 : float
        Latitude of the top edge (degrees); rows go south by ``dy`` (> 0) degrees.
    """
    f = 1.0 / inverse_flattening
    e2 = f * (2 - f)
    e = math.sqrt(e2)
    b = semi_major * (1 - f)
    edges = np.radians(y0 - dy * np.arange(height + 1, dtype=np.float64))
    s = np.sin(edges)
    q = s / (1 - e2 * s * s) + np.log((1 + e * s) / (1 - e * s)) / (2 * e)
    return np.abs(np.diff(q)) * b * b * math.radians(dx) / 2
