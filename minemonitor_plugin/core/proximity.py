"""Proximity bands: how much footprint area (and how many footprints) lie within given distances of
features of another layer (rivers, lakes, roads, railways, reserve boundaries, reported mines).

For each footprint: the distance to its nearest feature (within a search radius), and for each band
distance ``d`` the part of its area within ``d`` of any feature (the area of footprint ∩ buffer of
the features). Distances are in metres, never degrees:

* geographic input (WGS 84 lon/lat): footprints are grouped in 1° tiles and each tile is measured in
  its own ellipsoidal azimuthal equidistant projection centred on it (:func:`core.geodesy.aeqd_forward`),
  with the features within the search radius of the tile; at most ~150 km from a tile's centre the
  distance error stays below 1e-4 (relative);
* projected input: one frame in that CRS (metres).

Vectorised with an STRtree: ``query_nearest`` gives every footprint's nearest feature at once; a
footprint entirely within a band (its nearest distance plus its diameter is at most the band) counts
whole without any overlay, one entirely beyond counts nothing, and only the footprints the band's
edge crosses get ``footprint ∩ buffer(features near it, d)`` — the features clipped first to the
footprint's box grown by ``d``, which changes nothing inside the footprint.

Footprints follow the footprint rule of :mod:`core.geometry` (:func:`.geometry.prepare_footprints`):
land shared by overlapping footprints is counted once, for the smallest of them, so area sums use each
footprint's own land and add up to the area of the union; a footprint without land of its own (an
exact duplicate, or one covered by smaller footprints) and a zero-area or sliver footprint is not
counted (no distance, no area). Distances and "has a part within the band" use each counted
footprint's own geometry.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

from . import geodesy
from .errors import CancelledError, InvalidInputError
from .geometry import COUNTED, COVERED, WRONG_TYPE, prepare_footprints, union_by_group
from .sparse_grid import polygonal_parts

Progress = Callable[[float], Any]

#: Size (degrees) of the tiles measured in one local projection (geographic input).
TILE_DEG = 1.0
#: Feature and footprint edges are split to at most this length (degrees) before projection, so
#: straight lon/lat edges stay straight to within centimetres in the local projection.
SEGMENT_DEG = 0.01
#: Quadrant segments of the buffers (GEOS default 8): round caps within 0.05 % of the distance.
QUAD_SEGS = 32


@dataclass(frozen=True)
class ProximityResult:
    """Per-footprint proximity to the nearest feature and area within each band.

    Attributes
    ----------
    bands_m : ndarray
        Band distances (m), increasing.
    nearest_m : ndarray
        Distance (m) from each footprint to its nearest feature; NaN when none lies within
        ``search_m`` (or the footprint is NULL/empty); 0 when they touch or overlap.
    nearest_feature : ndarray of int64
        Index of that feature, -1 if none.
    area_km2 : ndarray
        Area of each footprint's own land (the land it shares with smaller footprints removed; 0 where
        the footprint is not counted).
    within_km2 : ndarray, shape (n, k)
        Part of ``area_km2`` within ``bands_m[j]`` of a feature.
    search_m : float
        Search radius of the nearest feature.
    n_frames : int
        Projections used (tiles, or 1).
    status : ndarray of int8
        Status of every footprint under the footprint rule (:data:`.geometry.COUNTED`, ``EMPTY``,
        ``DEGENERATE``, ``COVERED``); only counted footprints have a distance and an area.
    n_overlapping : int
        Footprints whose area overlaps another one (more than numerical noise).
    overlap_km2 : float
        Area counted once instead of several times (sum of the footprints' areas minus the union's).
    n_repaired : int
        Footprints repaired with MakeValid.
    """

    bands_m: np.ndarray
    nearest_m: np.ndarray
    nearest_feature: np.ndarray
    area_km2: np.ndarray
    within_km2: np.ndarray
    search_m: float
    n_frames: int
    status: np.ndarray
    n_overlapping: int = 0
    overlap_km2: float = 0.0
    n_repaired: int = 0

    @property
    def counted(self) -> np.ndarray:
        """Footprints counted (with land of their own)."""
        return self.status == COUNTED

    def within_band(self) -> np.ndarray:
        """Bool (n, k): the footprint has a part within each band (its nearest distance <= d)."""
        with np.errstate(invalid="ignore"):
            return self.nearest_m[:, None] <= self.bands_m[None, :]


def check_bands(bands_m: Sequence[float]) -> np.ndarray:
    bands = np.asarray(bands_m, dtype=np.float64).reshape(-1)
    if bands.size == 0 or not np.isfinite(bands).all() or (bands <= 0).any() or (np.diff(bands) <= 0).any():
        raise InvalidInputError(
            "Distance bands must be positive and strictly increasing metres, got {bands}.",
            bands=", ".join(f"{b:g}" for b in bands),
        )
    return bands


def _frame(footprints: np.ndarray, pieces: np.ndarray, features: np.ndarray, bands: np.ndarray, search: float,
           tick: Callable[[float], None]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Nearest distance, nearest feature and within-band share of the pieces, in one planar frame (m)."""
    n, k = footprints.size, bands.size
    nearest = np.full(n, np.nan)
    nearest_j = np.full(n, -1, dtype=np.int64)
    share = np.zeros((n, k))
    if n == 0 or features.size == 0:
        return nearest, nearest_j, share
    tree = shapely.STRtree(features)
    (fi, gj), dist = tree.query_nearest(footprints, max_distance=search, return_distance=True, all_matches=False)
    nearest[fi] = dist
    nearest_j[fi] = gj
    has_piece = ~shapely.is_missing(pieces)
    piece_area = np.zeros(n)
    piece_area[has_piece] = shapely.area(pieces[has_piece])
    bounds = shapely.bounds(footprints)
    diameter = np.hypot(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])
    for b, d in enumerate(bands):
        with np.errstate(invalid="ignore"):
            inside = (nearest <= d) & (piece_area > 0)
            whole = inside & (nearest + diameter <= d)
        share[whole, b] = 1.0
        part = np.flatnonzero(inside & ~whole)
        if part.size:
            pi, pj = tree.query(footprints[part], predicate="dwithin", distance=d)
            fidx = part[pi]
            bx = bounds[fidx]
            grown = shapely.box(bx[:, 0] - d, bx[:, 1] - d, bx[:, 2] + d, bx[:, 3] + d)
            with np.errstate(invalid="ignore"):
                near = shapely.intersection(features[pj], grown)
                zone = shapely.buffer(near, d, quad_segs=QUAD_SEGS)
                cut = polygonal_parts(shapely.intersection(pieces[fidx], zone))
            got = ~shapely.is_missing(cut)
            if got.any():
                groups, merged = union_by_group(cut[got], fidx[got])
                area = shapely.area(merged)
                share[groups, b] = np.minimum(area / piece_area[groups], 1.0)
        tick((b + 1) / k)
    return nearest, nearest_j, share


def proximity(
    footprints: Sequence[Any] | np.ndarray,
    features: Sequence[Any] | np.ndarray,
    bands_m: Sequence[float],
    *,
    geographic: bool,
    search_m: float | None = None,
    tile_deg: float = TILE_DEG,
    progress: Progress | None = None,
) -> ProximityResult:
    """Distances from footprints to the nearest feature and footprint area within distance bands.

    Parameters
    ----------
    footprints : array of shapely polygons
        WGS 84 lon/lat (``geographic=True``) or a projected CRS in metres; one layer, counted by the
        footprint rule (module documentation). NULL/empty ones are skipped, invalid ones repaired,
        points and lines refused.
    features : array of shapely geometries
        Points, lines or polygons in the same CRS (NULL/empty ones are ignored).
    bands_m : sequence of float
        Band distances in metres, strictly increasing (e.g. 1000, 5000, 10000).
    geographic : bool
        Coordinates are lon/lat degrees: measure in local azimuthal equidistant projections.
    search_m : float, optional
        Largest distance searched for the nearest feature (default: the largest band); farther
        nearest features give NaN.
    tile_deg : float
        Tile size (degrees) of the geographic mode.
    progress : callable, optional
        ``progress(fraction) -> bool``; False cancels (:class:`CancelledError`).

    Returns
    -------
    ProximityResult
        Areas in km²: on the WGS 84 ellipsoid in geographic mode (the within-band share of each
        footprint, measured in its tile's projection, times its ellipsoidal area), planar in the
        projected CRS otherwise.
    """
    bands = check_bands(bands_m)
    search = float(bands[-1] if search_m is None else max(float(search_m), bands[-1]))
    if not math.isfinite(search):
        raise InvalidInputError("The search distance must be a finite number of metres, got {value}.", value=search_m)

    def tick_of(a: float, b: float) -> Callable[[float], None]:
        def tick(f: float) -> None:
            if progress is not None and progress(a + (b - a) * min(max(f, 0.0), 1.0)) is False:
                raise CancelledError()
        return tick

    raw = np.asarray(footprints, dtype=object).reshape(-1)
    n = raw.size
    if n == 0:
        raise InvalidInputError("There are no footprints to measure (count {count}).", count=0)
    with np.errstate(invalid="ignore"):  # GEOS flags empty intersections as invalid values
        rule = prepare_footprints(raw, progress=tick_of(0.0, 0.1))
    wrong = rule.first_of(WRONG_TYPE)
    if wrong >= 0:
        raise InvalidInputError("Footprint {index} is a {geometry_type}, not a polygon.", index=wrong,
                                geometry_type=raw[wrong].geom_type)
    live = np.flatnonzero(rule.counted)
    if live.size == 0:
        raise InvalidInputError("None of the {count} footprints has a positive area.", count=int(n))
    fps = np.full(n, None, dtype=object)
    fps[live] = rule.geometries[live]
    pieces = np.full(n, None, dtype=object)
    pieces[live] = rule.land[live]
    feats = np.asarray(features, dtype=object).reshape(-1)
    usable = ~shapely.is_missing(feats)
    usable[usable] = ~shapely.is_empty(feats[usable])
    fixable = usable.copy()
    fixable[usable] = ~shapely.is_valid(feats[usable])
    if fixable.any():
        feats = feats.copy()
        feats[fixable] = shapely.make_valid(feats[fixable])
    feature_index = np.flatnonzero(usable)
    if feature_index.size == 0:
        raise InvalidInputError("The feature layer has no usable geometry to measure distances to.")
    feats = feats[feature_index]
    tick_of(0.1, 0.15)(1.0)

    nearest = np.full(n, np.nan)
    nearest_j = np.full(n, -1, dtype=np.int64)
    share = np.zeros((n, bands.size))
    area = np.zeros(n)
    has_piece = ~shapely.is_missing(pieces)
    usable = np.flatnonzero(np.isin(rule.status, (COUNTED, COVERED)))
    if geographic:
        area[has_piece] = geodesy.ellipsoidal_area_km2(pieces[has_piece])
        overlap_km2 = float(geodesy.ellipsoidal_area_km2(rule.geometries[usable]).sum() - area.sum())
        n_frames = _geographic(fps, pieces, live, feats, bands, search, tile_deg, nearest, nearest_j, share,
                               tick_of(0.15, 1.0))
    else:
        area[has_piece] = shapely.area(pieces[has_piece]) / 1e6
        overlap_km2 = rule.overlap_total / 1e6
        nn, nj, sh = _frame(fps[live], pieces[live], feats, bands, search, tick_of(0.15, 1.0))
        nearest[live], nearest_j[live], share[live] = nn, nj, sh
        n_frames = 1
    found = nearest_j >= 0
    nearest_j[found] = feature_index[nearest_j[found]]
    return ProximityResult(
        bands_m=bands,
        nearest_m=nearest,
        nearest_feature=nearest_j,
        area_km2=area,
        within_km2=share * area[:, None],
        search_m=search,
        n_frames=n_frames,
        status=rule.status,
        n_overlapping=rule.n_overlapping,
        overlap_km2=max(overlap_km2, 0.0),
        n_repaired=rule.n_repaired,
    )


def _geographic(fps, pieces, live, feats, bands, search, tile_deg, nearest, nearest_j, share, tick) -> int:
    """Tile the footprints (1° by default) and measure each tile in its own azimuthal equidistant frame."""
    if live.size == 0:
        return 0
    rep = shapely.get_coordinates(shapely.point_on_surface(fps[live]))
    tx = np.floor((rep[:, 0] + 180.0) / tile_deg).astype(np.int64)
    ty = np.floor((rep[:, 1] + 90.0) / tile_deg).astype(np.int64)
    key = tx * 100_000 + ty
    order = np.argsort(key, kind="stable")
    starts = np.flatnonzero(np.r_[True, key[order][1:] != key[order][:-1]])
    ends = np.r_[starts[1:], order.size]
    feature_tree = shapely.STRtree(feats)
    for t, (a, b) in enumerate(zip(starts, ends, strict=True)):
        members = live[order[a:b]]
        box = shapely.total_bounds(fps[members])
        max_lat = max(abs(box[1]), abs(box[3]))
        dlon, dlat = geodesy.degrees_for_metres(search, max_lat)
        grown = (max(box[0] - dlon, -180.0), max(box[1] - dlat, -90.0), min(box[2] + dlon, 180.0),
                 min(box[3] + dlat, 90.0))
        lon0 = 0.5 * (box[0] + box[2])
        lat0 = 0.5 * (box[1] + box[3])
        cand = feature_tree.query(shapely.box(*grown))
        if cand.size:
            with np.errstate(invalid="ignore"):
                near = shapely.intersection(feats[cand], shapely.box(*grown))
            keep = ~shapely.is_empty(near)
            cand, near = cand[keep], near[keep]
            near = geodesy.aeqd_geometries(shapely.segmentize(near, SEGMENT_DEG), lon0, lat0)
        else:
            near = np.empty(0, dtype=object)
        f_local = geodesy.aeqd_geometries(shapely.segmentize(fps[members], SEGMENT_DEG), lon0, lat0)
        p_members = pieces[members]
        has = ~shapely.is_missing(p_members)
        p_local = np.full(members.size, None, dtype=object)
        if has.any():
            p_local[has] = geodesy.aeqd_geometries(shapely.segmentize(p_members[has], SEGMENT_DEG), lon0, lat0)
        nn, nj, sh = _frame(f_local, p_local, near, bands, search, lambda f: None)
        nearest[members] = nn
        found = nj >= 0
        mapped = np.full(members.size, -1, dtype=np.int64)
        mapped[found] = cand[nj[found]]
        nearest_j[members] = mapped
        share[members] = sh
        tick((t + 1) / starts.size)
    return int(starts.size)
