"""Robust polygon handling shared by every core kernel that takes geometry.

Every kernel (fishnet, overlap tabulation, footprint change, footprint statistics, zonal coverage)
goes through these functions, so user geometry has one defined outcome everywhere:

* **Polygonal parts.** Only polygons carry area. Geometry collections (for example what
  ``make_valid`` returns for a bow-tie with a dangling edge) keep their polygonal parts; points,
  lines and empty parts are dropped before any coordinate is read (:func:`polygonal`).
* **Collapsed rings and degenerate parts.** A ring or polygon whose mean width ``2 * area /
  perimeter`` is at most ``REL_LENGTH`` times its perimeter (a strip 50,000 times longer than wide)
  or at most ``REL_COORD`` times the magnitude of its coordinates (numerical noise: 4 µm at
  4,000 km from the origin of a metric CRS) has no area: holes like that are removed and parts like
  that dropped (:func:`has_area`). A zero-area polygon that became a hair-thin sliver by
  reprojection is such a part.
* **Repair.** Invalid polygons are repaired with GEOS MakeValid and keep their polygonal parts
  (:func:`clean_polygons`).
* **Overlaps within one layer count once** (:func:`prepare_footprints`). Where footprints of one
  layer overlap, the shared land belongs to the *smallest* of them (ties: the one whose normalised
  geometry sorts first, then the one listed first), so a pond digitised inside a stope keeps its
  area and the stope keeps the rest. This rule depends only on the geometries, never on the order
  of the features. A footprint left without land of its own (an exact duplicate, or a footprint
  entirely covered by smaller footprints of its layer) is not counted as a footprint anywhere, and
  the sliver it may leave (thinner than the degenerate threshold) is dropped with it. The counted
  footprints' own lands tile the union of the layer (but for such slivers), so areas add up to the
  dissolved area. Two keywords extend it without changing it: ``layers`` prepares several layers in
  one call (the epochs of :mod:`.epochs`, which never interact), and ``precedence`` ranks whole
  layers before the size rule, for merging *different* published datasets only
  (:func:`.mining_datasets.dissolve_by_precedence`).
* **Rectangle clipping** (:func:`clip_rect`) falls back to a full overlay when GEOS's fast
  rectangle clipper refuses a piece (GEOS 3.11 can build a ring of three points from a piece it
  clipped before), and to an :class:`InvalidInputError` naming the rectangle if even that fails.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.errors import GEOSException

from .errors import CancelledError, InvalidInputError

Progress = Callable[[float], Any]

#: A ring or polygon is degenerate when its mean width ``2 * area / perimeter`` is at most this
#: fraction of its perimeter: a strip 50,000 times longer than wide, a triangle 25,000 times longer
#: than high (1 cm over 250 m; no mapped footprint is that thin, a zero-area polygon bent by a
#: reprojection is) ...
REL_LENGTH = 1e-5
#: ... or at most this fraction of the largest absolute coordinate of its bounding box (the noise
#: of floating-point overlays, a few thousand units in the last place: 4 µm at 4,000 km from the
#: origin of a metric CRS).
REL_COORD = 1e-12

_POINT, _LINE, _RING, _POLYGON = 0, 1, 2, 3
_MULTIPOINT, _MULTILINE, _MULTIPOLYGON, _COLLECTION = 4, 5, 6, 7
_CONTAINERS = (_MULTIPOINT, _MULTILINE, _MULTIPOLYGON, _COLLECTION)

#: Status of each input footprint (:attr:`Footprints.status`).
COUNTED = 0
EMPTY = 1
DEGENERATE = 2
COVERED = 3
WRONG_TYPE = 4
STATUS_NAMES = {
    COUNTED: "counted",
    EMPTY: "NULL or empty",
    DEGENERATE: "no area (collapsed or sliver)",
    COVERED: "no land of its own (duplicate or covered by smaller footprints)",
    WRONG_TYPE: "not a polygon",
}

#: Arrays shorter than this are processed in the calling thread.
PARALLEL_MIN = 2000

_CLIP_BY_RECT = getattr(shapely.lib, "clip_by_rect", shapely.clip_by_rect)


_EMPTY = shapely.from_wkt("POLYGON EMPTY")
_EMPTY_MULTI = shapely.from_wkt("MULTIPOLYGON EMPTY")


def empty_polygon() -> shapely.Polygon:
    """The empty polygon (one shared, immutable object)."""
    return _EMPTY


def geometry_array(geoms: Iterable[object] | shapely.Geometry | None) -> np.ndarray:
    """A 1-d object array of geometries (a single geometry gives one element, never its parts)."""
    if isinstance(geoms, shapely.Geometry) or geoms is None:
        out = np.empty(1, dtype=object)
        out[0] = geoms
        return out
    if isinstance(geoms, np.ndarray) and geoms.dtype == object and geoms.ndim == 1:
        return geoms
    items = list(geoms)
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


_is_not = np.frompyfunc(lambda a, b: a is not b, 2, 1)


def chunked(
    func: Callable[..., np.ndarray], *arrays: np.ndarray, threads: int = 1, min_size: int = PARALLEL_MIN
) -> np.ndarray:
    """``func(*arrays)`` (element-wise along the first axis) on chunks in worker threads, order kept.

    shapely releases the GIL, so overlays of many geometries use several cores; the result does not
    depend on the number of threads.
    """
    n = len(arrays[0])
    if threads <= 1 or n < min_size:
        return func(*arrays)
    # more chunks than threads, so one chunk of large geometries does not leave a thread idle
    bounds = np.linspace(0, n, 4 * threads + 1).astype(np.int64)

    def run(k: int) -> np.ndarray:
        return func(*(a[bounds[k] : bounds[k + 1]] for a in arrays))

    with ThreadPoolExecutor(threads) as pool:
        return np.concatenate(list(pool.map(run, range(len(bounds) - 1))))


def default_threads() -> int:
    """Worker threads for heavy overlays: ``min(cpu_count, 4)``."""
    return max(1, min(os.cpu_count() or 1, 4))


# --------------------------------------------------------------------------- degenerate shapes
def _too_thin(area: np.ndarray, length: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """True where a shape of this area, perimeter and bounding box is degenerate (or has no area)."""
    magnitude = np.nan_to_num(np.abs(bounds), nan=0.0).max(axis=1) if len(bounds) else np.zeros(0)
    with np.errstate(invalid="ignore", divide="ignore"):
        width = np.where(length > 0, 2.0 * np.abs(area) / length, 0.0)
    limit = np.maximum(REL_COORD * magnitude, REL_LENGTH * length)
    return ~(np.nan_to_num(width, nan=0.0) > limit) | ~(np.abs(area) > 0)


def has_area(geoms: Sequence[object] | np.ndarray) -> np.ndarray:
    """True where a geometry has polygonal area that is more than a sliver or numerical noise.

    Only polygonal parts count (lines and points have no area). The mean width is ``2 * area /
    exterior perimeter`` (holes do not make a shape thinner); see :data:`REL_LENGTH` and
    :data:`REL_COORD` for the thresholds.
    """
    arr = geometry_array(geoms)
    out = np.zeros(len(arr), dtype=bool)
    present = np.flatnonzero(~shapely.is_missing(arr))
    if not present.size:
        return out
    sub = arr[present]
    types = shapely.get_type_id(sub)
    plain = np.isin(types, (_POLYGON, _MULTIPOLYGON))
    if not plain.all():
        sub = sub.copy()
        sub[~plain] = polygonal(sub[~plain], keep_degenerate=True)
    out[present] = ~_too_thin(shapely.area(sub), _exterior_length(sub), shapely.bounds(sub))
    return out


def _exterior_length(geoms: np.ndarray) -> np.ndarray:
    """Length of the exterior rings of polygonal geometries (holes make a shape no thinner)."""
    length = shapely.length(geoms)
    holed = np.flatnonzero(shapely.get_num_interior_rings(geoms) != 0)  # -1 for multipolygons
    if holed.size:
        parts, owner = shapely.get_parts(geoms[holed], return_index=True)
        ext = np.nan_to_num(shapely.length(shapely.get_exterior_ring(parts)))
        length[holed] = np.bincount(owner, weights=ext, minlength=holed.size)
    return length


def _flat_parts(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Single-type parts of each geometry (collections and multi-geometries flattened to any depth)."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    while True:
        nested = np.isin(shapely.get_type_id(parts), _CONTAINERS)
        if not nested.any():
            return parts, owner
        sub, sub_owner = shapely.get_parts(parts[nested], return_index=True)
        parts = np.concatenate([parts[~nested], sub])
        owner = np.concatenate([owner[~nested], owner[nested][sub_owner]])
        order = np.argsort(owner, kind="stable")
        parts, owner = parts[order], owner[order]


def polygonal(geoms: Sequence[object] | np.ndarray, *, keep_degenerate: bool = False) -> np.ndarray:
    """The polygonal parts of each geometry, as one Polygon or MultiPolygon.

    Collections keep their polygons; points, lines and empty parts are dropped. Unless
    ``keep_degenerate``, holes and parts without area (:func:`has_area`: collapsed rings, hair-thin
    slivers) are dropped too. A geometry with nothing left becomes an empty Polygon; missing
    (``None``) entries stay ``None``. Geometries that need no change are returned as they are
    (the same objects).
    """
    arr = geometry_array(geoms)
    out = arr.copy()
    types = shapely.get_type_id(arr)  # -1 for None
    present = types >= 0
    if not present.any():
        return out
    # A non-empty Polygon is its own only part; everything else is flattened (few geometries).
    single = np.flatnonzero(types == _POLYGON)
    single = single[~shapely.is_empty(arr[single])]
    other = np.flatnonzero(present & (types != _POLYGON))
    other = other[~((types[other] == _POLYGON) & shapely.is_empty(arr[other]))]
    changed = np.zeros(len(arr), dtype=bool)
    changed[other[types[other] != _MULTIPOLYGON]] = True  # collections, lines, points: rebuilt
    flat, flat_owner = _flat_parts(arr[other]) if other.size else (np.empty(0, object), np.empty(0, np.int64))
    flat_owner = other[flat_owner]
    flat_ok = (shapely.get_type_id(flat) == _POLYGON) & ~shapely.is_empty(flat)
    changed[flat_owner[~flat_ok]] = True  # a multipolygon with an empty part
    parts = np.concatenate([arr[single], flat[flat_ok]])
    owner = np.concatenate([single, flat_owner[flat_ok]])
    keep_part = np.ones(len(parts), dtype=bool)
    fixed_part = np.full(len(parts), None, dtype=object)  # a part rebuilt without its collapsed holes
    if not keep_degenerate and len(parts):
        keep_part = ~_too_thin(shapely.area(parts), _exterior_length(parts), shapely.bounds(parts))
        holed = np.flatnonzero(keep_part & (shapely.get_num_interior_rings(parts) > 0))
        if holed.size:
            rings, ring_part = shapely.get_rings(parts[holed], return_index=True)
            shell = np.ones(len(rings), dtype=bool)
            shell[1:] = ring_part[1:] != ring_part[:-1]
            thin = ~shell & _too_thin(shapely.area(shapely.polygons(rings)), shapely.length(rings),
                                      shapely.bounds(rings))
            bad = np.unique(ring_part[thin])
            if bad.size:
                sel = np.isin(ring_part, bad) & ~thin
                _, index = np.unique(ring_part[sel], return_inverse=True)
                rebuilt = np.empty(bad.size, dtype=object)
                shapely.polygons(rings[sel], indices=index.reshape(-1), out=rebuilt)
                fixed_part[holed[bad]] = rebuilt
                changed[owner[holed[bad]]] = True
        changed[owner[~keep_part]] = True
    # Present geometries without any polygon part (a line, an empty polygon) become empty polygons.
    has_part = np.zeros(len(arr), dtype=bool)
    has_part[owner[keep_part]] = True
    changed |= present & ~has_part
    todo = np.flatnonzero(changed)
    if not todo.size:
        return out
    out[todo] = _EMPTY
    sel = keep_part & changed[owner]
    if sel.any():
        new_parts = np.where(shapely.is_missing(fixed_part[sel]), parts[sel], fixed_part[sel])
        new_owner = owner[sel]
        order = np.argsort(new_owner, kind="stable")
        new_parts, new_owner = new_parts[order], new_owner[order]
        counts = np.bincount(new_owner, minlength=len(arr))
        one = counts[new_owner] == 1
        out[new_owner[one]] = new_parts[one]
        many = ~one
        if many.any():
            targets, target_index = np.unique(new_owner[many], return_inverse=True)
            merged = np.empty(targets.size, dtype=object)
            shapely.multipolygons(new_parts[many], indices=target_index.reshape(-1), out=merged)
            out[targets] = merged
    return out


def polygon_parts(
    geoms: Sequence[object] | np.ndarray, *, keep_degenerate: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Non-empty polygon parts of each geometry and the index of the geometry each belongs to.

    Collections are flattened; points, lines and empty parts are never returned, so every part
    has coordinates (and, unless ``keep_degenerate`` is False, area).
    """
    arr = geometry_array(geoms)
    if not len(arr):
        return np.empty(0, dtype=object), np.empty(0, dtype=np.int64)
    parts, owner = _flat_parts(arr)
    keep = (shapely.get_type_id(parts) == _POLYGON) & ~shapely.is_empty(parts)
    parts, owner = parts[keep], owner[keep]
    if not keep_degenerate and len(parts):
        good = has_area(parts)
        parts, owner = parts[good], owner[good]
    return parts, owner.astype(np.int64)


def as_multipolygons(geoms: Sequence[object] | np.ndarray) -> np.ndarray:
    """Every geometry as a MultiPolygon of its non-empty polygon parts (empty MultiPolygon if none).

    For sinks declared MultiPolygon: collections and lines left by overlays or ``make_valid`` never
    reach the writer.
    """
    arr = geometry_array(geoms)
    out = np.empty(len(arr), dtype=object)
    parts, owner = polygon_parts(arr)
    if len(parts):
        shapely.multipolygons(parts, indices=owner, out=out)
    none = shapely.is_missing(out)
    if none.any():
        out[none] = _EMPTY_MULTI
    return out


def representative_xy(geoms: Sequence[object] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x and y of a point inside each geometry (``shapely.point_on_surface``); NaN for empty ones."""
    arr = geometry_array(geoms)
    x = np.full(len(arr), np.nan)
    y = np.full(len(arr), np.nan)
    points = shapely.point_on_surface(arr)
    ok = np.flatnonzero(~shapely.is_missing(points) & ~shapely.is_empty(points))
    if ok.size:
        coords = shapely.get_coordinates(points[ok])
        x[ok], y[ok] = coords[:, 0], coords[:, 1]
    return x, y


# --------------------------------------------------------------------------- cleaning
class StatusCounts:
    """``count`` and ``first_of`` over the ``status`` array of a result (:data:`COUNTED`,
    :data:`EMPTY`...): a mixin of the dataclasses, not a field holder."""

    status: np.ndarray

    def count(self, status: int) -> int:
        return int(np.count_nonzero(self.status == status))

    def first_of(self, status: int) -> int:
        """Position of the first input with this status (-1 if none)."""
        hit = np.flatnonzero(self.status == status)
        return int(hit[0]) if hit.size else -1


@dataclass(frozen=True)
class CleanPolygons(StatusCounts):
    """Input polygons made usable by :func:`clean_polygons`.

    Attributes
    ----------
    geometries : ndarray
        One entry per input: valid Polygon or MultiPolygon without degenerate rings or parts; an
        empty Polygon where nothing usable is left.
    status : ndarray of int8
        :data:`COUNTED` (usable), :data:`EMPTY` (NULL or empty input), :data:`DEGENERATE` (no area
        left: zero-area, collapsed or a sliver), :data:`WRONG_TYPE` (a point or line).
    repaired : ndarray of bool
        Invalid inputs repaired with MakeValid.
    """

    geometries: np.ndarray
    status: np.ndarray
    repaired: np.ndarray

    @property
    def usable(self) -> np.ndarray:
        return self.status == COUNTED


def clean_polygons(geoms: Sequence[object] | np.ndarray) -> CleanPolygons:
    """Polygonal, valid, non-degenerate geometries (one per input), with what happened to each.

    NULL and empty inputs are marked :data:`EMPTY`; points and lines :data:`WRONG_TYPE` (callers
    refuse them with their own message); invalid ones are repaired with ``make_valid`` and keep their
    polygonal parts; collections keep their polygonal parts; collapsed rings and degenerate parts are
    dropped (:func:`polygonal`), and an input left without area is :data:`DEGENERATE`.
    """
    arr = geometry_array(geoms)
    n = len(arr)
    status = np.full(n, COUNTED, dtype=np.int8)
    repaired = np.zeros(n, dtype=bool)
    out = np.empty(n, dtype=object)
    if not n:
        return CleanPolygons(out, status, repaired)
    missing = shapely.is_missing(arr)
    empty = missing.copy()
    empty[~missing] = shapely.is_empty(arr[~missing])
    status[empty] = EMPTY
    types = shapely.get_type_id(arr)
    wrong = ~empty & ~np.isin(types, (_POLYGON, _MULTIPOLYGON, _COLLECTION))
    status[wrong] = WRONG_TYPE
    work = np.flatnonzero(~empty & ~wrong)
    geo = arr[work].copy()
    if work.size:
        invalid = ~shapely.is_valid(geo)
        if invalid.any():
            repaired[work[invalid]] = True
            geo[invalid] = shapely.make_valid(geo[invalid])
        before = geo.copy()
        geo = polygonal(geo)
        # dropping a degenerate part can (rarely) leave an invalid configuration: check what changed
        touched = np.flatnonzero(_is_not(before, geo).astype(bool) & ~shapely.is_empty(geo))
        still = touched[~shapely.is_valid(geo[touched])]
        if still.size:
            geo[still] = polygonal(shapely.make_valid(geo[still]))
            repaired[work[still]] = True
        status[work[shapely.is_empty(geo)]] = DEGENERATE  # no part with area left
    out[:] = _EMPTY
    usable = status[work] == COUNTED
    out[work[usable]] = geo[usable]
    return CleanPolygons(out, status, repaired)


# --------------------------------------------------------------------------- clipping
def clip_rect(geom: Any, xmin: float, ymin: float, xmax: float, ymax: float) -> Any:
    """Part of a polygonal geometry inside a rectangle, robustly.

    GEOS's rectangle clipper is tried first (linear in the vertices); when it refuses the geometry
    the clip is computed as a full overlay with the rectangle, then on the repaired geometry. The
    result may be empty or a collection; callers keep its polygonal parts.
    """
    try:
        return _CLIP_BY_RECT(geom, xmin, ymin, xmax, ymax)
    except GEOSException:
        return robust_clip(geom, xmin, ymin, xmax, ymax)


def robust_clip(geom: Any, xmin: float, ymin: float, xmax: float, ymax: float) -> Any:
    """:func:`clip_rect` without the fast clipper: overlay with the rectangle, then on the repaired geometry."""
    rect = shapely.box(xmin, ymin, xmax, ymax)
    try:
        return polygonal(shapely.intersection(geom, rect), keep_degenerate=True)[0]
    except GEOSException:
        pass
    try:
        fixed = polygonal(shapely.make_valid(geom))[0]
        return polygonal(shapely.intersection(fixed, rect), keep_degenerate=True)[0]
    except GEOSException as exc:
        raise InvalidInputError(
            "GEOS could not clip a polygon to the rectangle {bounds}: {reason}",
            bounds=(xmin, ymin, xmax, ymax),
            reason=str(exc),
        ) from None


# --------------------------------------------------------------------------- unions
def grouped_union(geoms: np.ndarray, groups: np.ndarray, n_groups: int) -> np.ndarray:
    """Union of ``geoms`` per group id (``0..n_groups-1``); ``None`` for groups without members.

    Groups are padded into 2-D arrays bucketed by size (powers of two) so each bucket is one
    vectorised ``shapely.union_all(..., axis=1)`` call. Results keep only polygonal parts.
    """
    out = np.full(n_groups, None, dtype=object)
    if len(geoms) == 0:
        return out
    groups = np.asarray(groups, dtype=np.int64)
    order = np.argsort(groups, kind="stable")
    groups, geoms = groups[order], np.asarray(geoms, dtype=object)[order]
    ids, start, size = np.unique(groups, return_index=True, return_counts=True)
    single = size == 1
    out[ids[single]] = geoms[start[single]]
    multi = np.flatnonzero(~single)
    if multi.size:
        width_class = np.ceil(np.log2(size[multi])).astype(np.int64)
        for wc in np.unique(width_class):
            sel = multi[width_class == wc]
            counts = size[sel]
            rows = np.repeat(np.arange(len(sel)), counts)
            cols = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
            padded = np.full((len(sel), int(2**wc)), None, dtype=object)
            padded[rows, cols] = geoms[np.repeat(start[sel], counts) + cols]
            out[ids[sel]] = polygonal(shapely.union_all(padded, axis=1), keep_degenerate=True)
    return out


def union_by_group(geoms: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sorted distinct ``groups`` codes and the union of each group's geometries
    (:func:`grouped_union` for arbitrary integer codes)."""
    ids, inverse = np.unique(np.asarray(groups), return_inverse=True)
    return ids, grouped_union(geoms, inverse.reshape(-1), ids.size)


# --------------------------------------------------------------------------- one layer of footprints
@dataclass(frozen=True)
class Footprints(StatusCounts):
    """A layer of footprints made usable and disjoint (:func:`prepare_footprints`).

    Attributes
    ----------
    geometries : ndarray
        Each footprint's own cleaned geometry (:func:`clean_polygons`); empty where not usable.
    land : ndarray
        Each footprint's own land: its geometry minus the footprints of the layer with priority over
        it (smaller ones) that overlap it. The lands are disjoint and tile the union of the layer.
        Empty where the footprint is not counted.
    status : ndarray of int8
        :data:`COUNTED`, :data:`EMPTY`, :data:`DEGENERATE`, :data:`COVERED` or :data:`WRONG_TYPE`.
    repaired : ndarray of bool
        Invalid inputs repaired with MakeValid.
    involved : ndarray of bool
        Counted footprints whose land was computed (they share some area, noise included, with
        another footprint of the layer); the others' land is their own geometry.
    first, second, overlap_area : ndarray
        Every pair of usable footprints whose interiors share area (more than noise, :func:`has_area`):
        ``first`` keeps the shared land, ``second`` loses it; ``overlap_area`` is the area of their
        intersection. Sorted by (first, second).
    rank : ndarray of int64
        Priority of each footprint (0 = keeps its land first); the rule depends only on geometry (and on
        the ``tie_break`` and ``precedence`` keys when given), never on the order of the features.
    """

    geometries: np.ndarray
    land: np.ndarray
    status: np.ndarray
    repaired: np.ndarray
    involved: np.ndarray
    first: np.ndarray
    second: np.ndarray
    overlap_area: np.ndarray
    rank: np.ndarray

    def __len__(self) -> int:
        return len(self.status)

    @property
    def counted(self) -> np.ndarray:
        """Footprints with land of their own: the ones every kernel counts."""
        return self.status == COUNTED

    @property
    def n_repaired(self) -> int:
        return int(np.count_nonzero(self.repaired))

    def rule_counts(self, counted: np.ndarray, weighted: bool) -> dict:
        """The footprint-rule fields of a grid result (``n_counted``, ``n_empty``, ``n_degenerate``,
        ``n_covered``, ``n_repaired``, ``footprint_status``) for the footprints ``counted`` in it;
        ``n_covered`` is 0 for weighted grids (a weight keeps covered footprints counting)."""
        return {
            "n_counted": int(np.count_nonzero(counted)),
            "n_empty": self.count(EMPTY),
            "n_degenerate": self.count(DEGENERATE),
            "n_covered": 0 if weighted else self.count(COVERED),
            "n_repaired": self.n_repaired,
            "footprint_status": np.where(counted, COUNTED, self.status).astype(np.int8),
        }

    @property
    def n_overlapping(self) -> int:
        """Footprints in at least one overlap pair (more than noise)."""
        return int(np.unique(np.concatenate([self.first, self.second])).size)

    @property
    def land_area(self) -> np.ndarray:
        """Area of each footprint's own land (0 where not counted)."""
        return shapely.area(self.land)

    @property
    def overlap_total(self) -> float:
        """Area counted twice if the overlaps were not removed: sum of own areas minus the union's area."""
        usable = np.isin(self.status, (COUNTED, COVERED))
        return float(shapely.area(self.geometries[usable]).sum() - self.land_area.sum())


def priority(geoms: np.ndarray, tie_break: np.ndarray | None = None,
             precedence: np.ndarray | None = None) -> np.ndarray:
    """Rank of each geometry in the "smallest keeps the shared land" rule (0 first).

    Sorted by area, then by the WKB of the normalised geometry (so vertex order and starting point do
    not matter), then by ``tie_break`` (an integer key per geometry, e.g. the code of its zone, so that
    exact duplicates with different attributes are resolved by their attributes, not by their order),
    then by position (only exact duplicates with equal keys reach it; they are interchangeable).
    ``precedence`` (an integer per geometry, lower first) comes before all of these: it ranks whole
    layers (the datasets merged by importminingdataset), so the size rule applies within a layer only.
    """
    arr = geometry_array(geoms)
    n = len(arr)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    area = shapely.area(arr)
    wkb = shapely.to_wkb(shapely.normalize(arr))
    _, code = np.unique(wkb, return_inverse=True)
    key = np.zeros(n, dtype=np.int64) if tie_break is None else np.asarray(tie_break, dtype=np.int64)
    first = np.zeros(n, dtype=np.int64) if precedence is None else np.asarray(precedence, dtype=np.int64)
    order = np.lexsort((np.arange(n), key, code.reshape(-1), area, first))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    return rank


def prepare_footprints(
    geoms: Sequence[object] | np.ndarray,
    *,
    tie_break: Sequence[int] | np.ndarray | None = None,
    precedence: Sequence[int] | np.ndarray | None = None,
    layers: Sequence[int] | np.ndarray | None = None,
    threads: int = 1,
    progress: Progress | None = None,
) -> Footprints:
    """Clean a layer of footprints and give each its own land (overlaps counted once).

    Parameters
    ----------
    geoms : array of shapely geometries
        Footprints of one layer (one survey) in a projected CRS.
    tie_break : array of int, optional
        One key per footprint deciding between exact duplicates (same geometry) that differ in an
        attribute the caller reports by (zone, group, mine id): the lower key keeps the land. Codes of
        the sorted attribute values make the result independent of the order of the features.
    precedence : array of int, optional
        Dataset precedence, only for merging *different* published datasets (importminingdataset):
        a footprint with a lower value keeps the land it shares with footprints of higher values,
        whatever their sizes; among equal values the rule above applies. Default: one layer.
    layers : array of int, optional
        Several layers prepared in one call (the epochs of core.epochs): footprints of different
        layer codes never overlap each other; each layer gets what a call on it alone gives.
    threads : int
        Worker threads for the overlays (the result does not depend on it).
    progress : callable, optional
        ``progress(fraction) -> bool``; False cancels (:class:`CancelledError`).

    Returns
    -------
    Footprints

    Notes
    -----
    See the module documentation for the rule. Only footprints whose interiors overlap are touched:
    each loses, in one vectorised difference, the union of the overlapping footprints that have
    priority over it. The rule depends on the geometries only, so shuffling the features gives the
    same lands, counts and areas (exact duplicates swap which one of them is kept).
    """

    def tick(fraction: float) -> None:
        if progress is not None and progress(fraction) is False:
            raise CancelledError()

    with np.errstate(invalid="ignore"):  # GEOS flags empty intersections as invalid values
        return _prepare_footprints(geoms, tie_break, precedence, layers, threads, tick)


def _keys(values: Sequence[int] | np.ndarray | None, n: int) -> np.ndarray | None:
    if values is None:
        return None
    keys = np.asarray(values, dtype=np.int64).reshape(-1)
    if keys.size != n:
        raise InvalidInputError("Got {n_keys} keys for {n} footprints.", n_keys=keys.size, n=n)
    return keys


def _prepare_footprints(geoms: Sequence[object] | np.ndarray, tie_break: Sequence[int] | np.ndarray | None,
                        precedence: Sequence[int] | np.ndarray | None, layers: Sequence[int] | np.ndarray | None,
                        threads: int, tick: Callable[[float], None]) -> Footprints:
    clean = clean_polygons(geoms)
    g = clean.geometries
    n = len(g)
    tie_break = _keys(tie_break, n)
    precedence = _keys(precedence, n)
    layers = _keys(layers, n)
    status = clean.status.copy()
    land = g.copy()
    rank = np.zeros(n, dtype=np.int64)
    involved = np.zeros(n, dtype=bool)
    tick(0.1)
    live = np.flatnonzero(status == COUNTED)
    first = second = np.zeros(0, dtype=np.int64)
    overlap_area = np.zeros(0)
    if live.size > 1:
        a, b = shapely.STRtree(g[live]).query(g[live], predicate="intersects")
        keep = a < b
        a, b = live[a[keep]], live[b[keep]]
        if layers is not None:
            same = layers[a] == layers[b]
            a, b = a[same], b[same]
        shared = np.zeros(0, dtype=bool)
        if a.size:
            inter = chunked(shapely.intersection, g[a], g[b], threads=threads)
            inter_area = shapely.area(inter)
            # Every overlap with positive area is cut (so the lands tile the union exactly); only
            # overlaps with more than noise (has_area) are reported as overlaps.
            positive = inter_area > 0
            a, b, inter, overlap_area = a[positive], b[positive], inter[positive], inter_area[positive]
            shared = has_area(inter)
        tick(0.4)
        if a.size:
            nodes = np.unique(np.concatenate([a, b]))
            rank[nodes] = priority(g[nodes], None if tie_break is None else tie_break[nodes],
                                   None if precedence is None else precedence[nodes])
            swap = rank[a] > rank[b]
            first = np.where(swap, b, a)
            second = np.where(swap, a, b)
            order = np.lexsort((second, first))
            first, second, overlap_area, shared = first[order], second[order], overlap_area[order], shared[order]
            losers, loser_index = np.unique(second, return_inverse=True)
            unions = grouped_union(g[first], loser_index.reshape(-1), losers.size)
            tick(0.7)
            land[losers] = polygonal(
                chunked(shapely.difference, g[losers], unions, threads=threads, min_size=64), keep_degenerate=True
            )
            lost = losers[~has_area(land[losers])]
            status[lost] = COVERED
            involved[nodes] = True
            first, second, overlap_area = first[shared], second[shared], overlap_area[shared]
    not_counted = status != COUNTED
    if not_counted.any():
        land[not_counted] = _EMPTY
    involved &= status == COUNTED
    tick(1.0)
    return Footprints(
        geometries=g,
        land=land,
        status=status,
        repaired=clean.repaired,
        involved=involved,
        first=first,
        second=second,
        overlap_area=overlap_area,
        rank=rank,
    )
