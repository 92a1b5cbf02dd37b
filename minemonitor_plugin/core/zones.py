"""Zones from boundary layers: each footprint's zone by largest overlap, or footprints split by zone.

The paper ranks counties by polygon count (Fig. 3): each footprint belongs to one county. With
the county *layer* (not a county attribute on every footprint) a footprint that crosses a county
line is given to the county holding the largest part of its area (:func:`largest_overlap`), or
cut at the boundary into one piece per county (:func:`split_by_zones`), whose areas add up to the
footprint's area when zones do not overlap.

Zone polygons carry an integer *code* (the caller's factorised zone value, e.g. the pair province /
county): a county made of several polygons is one zone, and a footprint over two of its polygons
counts their overlaps together. Candidate pairs come from an STRtree; a zone polygon that covers a
footprint needs no overlay (the usual case); the others are intersected in one vectorised call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

from .errors import CancelledError, InvalidInputError
from .geometry import union_by_group
from .sparse_grid import polygonal_parts

Progress = Callable[[float], Any]
AreaFn = Callable[[np.ndarray], np.ndarray]

#: An overlap or remainder smaller than this fraction of its footprint is rounding, not geography.
SLIVER_RTOL = 1e-9


@dataclass(frozen=True)
class ZoneAssignment:
    """Zone of each footprint by largest overlap.

    Attributes
    ----------
    code : ndarray of int64
        Zone code of each footprint; -1 where no zone overlaps it (or its geometry is NULL/empty).
    share : ndarray of float64
        Fraction of the footprint's area inside the chosen zone (0 where ``code`` is -1).
    n_zones : ndarray of int64
        Number of distinct zones the footprint overlaps (>1: it straddles a boundary).
    """

    code: np.ndarray
    share: np.ndarray
    n_zones: np.ndarray

    @property
    def n_unassigned(self) -> int:
        return int((self.code < 0).sum())

    @property
    def n_straddling(self) -> int:
        return int((self.n_zones > 1).sum())


@dataclass(frozen=True)
class ZonePieces:
    """Footprints cut by zone: one piece per (footprint, zone) plus the part outside every zone.

    ``footprint`` indexes the input footprints, ``code`` the zone (-1: outside every zone),
    ``geometries`` the pieces and ``area`` their areas (in the unit of the area function).
    """

    footprint: np.ndarray
    code: np.ndarray
    geometries: np.ndarray
    area: np.ndarray


def _planar_area(geoms: np.ndarray) -> np.ndarray:
    return shapely.area(geoms)


def _check(footprints, zones, zone_codes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    fps = np.asarray(footprints, dtype=object).reshape(-1)
    zgeoms = np.asarray(zones, dtype=object).reshape(-1)
    codes = np.asarray(zone_codes, dtype=np.int64).reshape(-1)
    if codes.size != zgeoms.size:
        raise InvalidInputError(
            "Got {n_values} zone values for {n} zone polygons.", n_values=int(codes.size), n=int(zgeoms.size)
        )
    if zgeoms.size:
        missing = shapely.is_missing(zgeoms)
        blanked = np.where(missing, None, zgeoms)  # type: ignore[call-overload]  # numpy stubs: None operand
        bad = ~missing & ~np.isin(shapely.get_type_id(blanked), (3, 6, 7))
        if bad.any():
            index = int(np.flatnonzero(bad)[0])
            raise InvalidInputError(
                "Zone polygon {index} is a {geometry_type}, not a polygon.", index=index,
                geometry_type=str(zgeoms[index].geom_type),
            )
        invalid = ~missing & ~shapely.is_valid(blanked)
        if invalid.any():
            zgeoms = zgeoms.copy()
            zgeoms[invalid] = polygonal_parts(shapely.make_valid(zgeoms[invalid]))
    fps = fps.copy()
    gone = shapely.is_missing(fps)
    fps[~gone] = polygonal_parts(fps[~gone])
    invalid = ~shapely.is_missing(fps) & ~shapely.is_valid(fps)
    if invalid.any():
        fps[invalid] = polygonal_parts(shapely.make_valid(fps[invalid]))
    return fps, zgeoms, codes


def _pairs(fps: np.ndarray, zgeoms: np.ndarray, area_fn: AreaFn, progress: Progress | None
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Candidate (footprint, zone polygon) pairs with their overlap area and piece (None: whole footprint)."""
    live = ~shapely.is_missing(fps)
    live[live] = ~shapely.is_empty(fps[live])
    fp_area = np.zeros(fps.size)
    if live.any():
        fp_area[live] = area_fn(fps[live])
    usable = np.flatnonzero(~shapely.is_missing(zgeoms))
    if usable.size == 0 or not live.any():
        empty = np.zeros(0, dtype=np.int64)
        return fp_area, empty, empty, np.zeros(0), np.empty(0, dtype=object)
    tree = shapely.STRtree(zgeoms[usable])
    idx = np.flatnonzero(live)
    fi, zi = tree.query(fps[idx], predicate="intersects")
    fi, zi = idx[fi], usable[zi]
    if progress is not None and progress(0.2) is False:
        raise CancelledError()
    touched = np.unique(zi)
    shapely.prepare(zgeoms[touched])
    try:
        covered = shapely.covers(zgeoms[zi], fps[fi])
    finally:
        shapely.destroy_prepared(zgeoms[touched])
    area = np.where(covered, fp_area[fi], 0.0)
    piece = np.full(fi.size, None, dtype=object)
    todo = np.flatnonzero(~covered)
    if todo.size:
        with np.errstate(invalid="ignore"):
            cut = polygonal_parts(shapely.intersection(fps[fi[todo]], zgeoms[zi[todo]]))
        got = ~shapely.is_missing(cut)
        area[todo[got]] = area_fn(cut[got])
        piece[todo] = cut
    if progress is not None and progress(0.8) is False:
        raise CancelledError()
    keep = area > SLIVER_RTOL * fp_area[fi]
    return fp_area, fi[keep], zi[keep], area[keep], piece[keep]


def largest_overlap(
    footprints: Sequence[Any] | np.ndarray,
    zones: Sequence[Any] | np.ndarray,
    zone_codes: Sequence[int] | np.ndarray,
    area_fn: AreaFn | None = None,
    progress: Progress | None = None,
) -> ZoneAssignment:
    """The zone holding the largest part of each footprint's area.

    Parameters
    ----------
    footprints, zones : arrays of shapely polygons in the same CRS
    zone_codes : array of int
        Zone of each zone polygon (several polygons may share a zone).
    area_fn : callable, optional
        Areas of an array of geometries (default planar ``shapely.area``; pass
        :func:`core.geodesy.ellipsoidal_area_km2` for lon/lat data).
    progress : callable, optional
        ``progress(fraction) -> bool``; False cancels.

    Returns
    -------
    ZoneAssignment
        Ties go to the lowest zone code (the first in the caller's sorted zone order).

    Examples
    --------
    >>> import shapely
    >>> zones = [shapely.box(0, 0, 10, 10), shapely.box(10, 0, 20, 10)]
    >>> largest_overlap([shapely.box(8, 0, 11, 1)], zones, [0, 1]).code.tolist()
    [0]
    """
    fps, zgeoms, codes = _check(footprints, zones, zone_codes)
    area_fn = area_fn or _planar_area
    fp_area, fi, zi, area, _ = _pairs(fps, zgeoms, area_fn, progress)
    code = np.full(fps.size, -1, dtype=np.int64)
    share = np.zeros(fps.size)
    n_zones = np.zeros(fps.size, dtype=np.int64)
    if fi.size:
        n_codes = int(codes.max()) + 1
        key, inverse = np.unique(fi * n_codes + codes[zi], return_inverse=True)
        summed = np.bincount(inverse.reshape(-1), weights=area, minlength=key.size)
        k_fp, k_code = key // n_codes, key % n_codes
        order = np.lexsort((k_code, -summed, k_fp))
        first = order[np.r_[True, k_fp[order][1:] != k_fp[order][:-1]]]
        code[k_fp[first]] = k_code[first]
        with np.errstate(invalid="ignore", divide="ignore"):
            share[k_fp[first]] = np.minimum(summed[first] / fp_area[k_fp[first]], 1.0)
        n_zones = np.bincount(k_fp, minlength=fps.size).astype(np.int64)
    if progress is not None and progress(1.0) is False:
        raise CancelledError()
    return ZoneAssignment(code, share, n_zones)


def split_by_zones(
    footprints: Sequence[Any] | np.ndarray,
    zones: Sequence[Any] | np.ndarray,
    zone_codes: Sequence[int] | np.ndarray,
    area_fn: AreaFn | None = None,
    progress: Progress | None = None,
) -> ZonePieces:
    """Cut each footprint at zone boundaries: one piece per (footprint, zone), and the rest outside.

    Parameters are those of :func:`largest_overlap`. Pieces of one footprint in several polygons
    of the same zone are merged. The part of a footprint outside every zone polygon gets code -1.
    With non-overlapping zones the pieces of a footprint add up to its area.
    """
    fps, zgeoms, codes = _check(footprints, zones, zone_codes)
    area_fn = area_fn or _planar_area
    fp_area, fi, zi, area, piece = _pairs(fps, zgeoms, area_fn, progress)
    whole = shapely.is_missing(piece)
    piece = piece.copy()
    piece[whole] = fps[fi[whole]]
    pc = codes[zi]
    n_codes = int(codes.max()) + 1 if codes.size else 1
    key = fi * n_codes + pc
    uniq, inverse = np.unique(key, return_inverse=True)
    inverse = inverse.reshape(-1)
    g_area = np.bincount(inverse, weights=area, minlength=uniq.size)
    g_geom = np.empty(uniq.size, dtype=object)
    single = np.bincount(inverse, minlength=uniq.size) == 1
    first_of = np.full(uniq.size, -1, dtype=np.int64)
    first_of[inverse[::-1]] = np.arange(inverse.size)[::-1]
    g_geom[single] = piece[first_of[single]]
    multi = np.flatnonzero(~single)
    if multi.size:
        sel = np.isin(inverse, multi)
        groups, merged = union_by_group(piece[sel], inverse[sel])
        g_geom[groups] = merged
        g_area[groups] = area_fn(merged)
    g_fp, g_code = uniq // n_codes, uniq % n_codes
    # the part of each footprint outside every zone polygon
    covered = np.bincount(g_fp, weights=g_area, minlength=fps.size)
    live = ~shapely.is_missing(fps)
    live[live] = ~shapely.is_empty(fps[live])
    rest = np.flatnonzero(live & (covered < fp_area * (1.0 - SLIVER_RTOL)))
    out_fp, out_geom, out_area = [], [], []
    if rest.size:
        has_piece = np.isin(rest, g_fp)
        plain = rest[~has_piece]
        out_fp.append(plain)
        out_geom.append(fps[plain])
        out_area.append(fp_area[plain])
        cut = rest[has_piece]
        if cut.size:
            sel = np.isin(g_fp, cut)
            us, ugeom = union_by_group(g_geom[sel], g_fp[sel])
            with np.errstate(invalid="ignore"):
                remainder = polygonal_parts(shapely.difference(fps[us], ugeom))
            got = ~shapely.is_missing(remainder)
            r_area = np.zeros(us.size)
            r_area[got] = area_fn(remainder[got])
            ok = r_area > SLIVER_RTOL * fp_area[us]
            out_fp.append(us[ok])
            out_geom.append(remainder[ok])
            out_area.append(r_area[ok])
    if progress is not None and progress(1.0) is False:
        raise CancelledError()
    footprint = np.concatenate([g_fp, *out_fp]).astype(np.int64)
    code = np.concatenate([g_code, np.full(sum(a.size for a in out_fp), -1, dtype=np.int64)])
    geometries = np.concatenate([g_geom, *out_geom]) if out_geom else g_geom
    areas = np.concatenate([g_area, *out_area])
    order = np.lexsort((code, footprint))
    return ZonePieces(footprint[order], code[order], geometries[order], areas[order])
