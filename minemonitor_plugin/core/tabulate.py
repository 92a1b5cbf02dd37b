"""Overlap tabulation: footprint area and polygon count per (zone, class), like ArcGIS Tabulate Intersection.

This produces Tables 3-5 of Han et al. (2025): the land-use classes the mining
footprints occupy per province, the footprints inside nature reserves, inside
ecological function zones. Three double-counting traps of the usual
intersection + statistics-by-categories chain are avoided:

* overlapping footprints: an area covered by several footprints counts once
  (:func:`dissolve_overlaps`, the same rule as the fishnet density);
* overlapping class polygons of the same class (two reserve polygons over the
  same ground) count once for that class; different classes are tallied each on
  its own, so the rows of a zone may add up to more than its footprint area when
  classes overlap each other;
* the footprint area outside every class polygon gets its own row, so the rows of
  each zone reconcile with the zone's footprint area.

Geometries are shapely 2 polygons in an equal-area CRS whose unit is the metre.
Candidate pairs come from an STRtree; intersections, unions and areas are
vectorised over all pairs (no per-feature Python loop).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from .errors import CancelledError, InvalidInputError
from .footprints import factorize
from .geometry import COVERED, DEGENERATE, EMPTY, WRONG_TYPE, prepare_footprints, union_by_group
from .grid import polygonal_parts

Progress = Callable[[float], bool]

#: Pairs intersected per vectorised call between progress reports.
CHUNK = 20_000


class _Label:
    """A named sentinel key (hashable, identity-compared, sorts after every value)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name

    def __reduce__(self) -> str:
        return self.name


#: Class (or zone) key of footprint area outside every class (zone) polygon.
OUTSIDE = _Label("OUTSIDE")
#: Zone key when no zones are given: one zone holding every footprint.
ALL = _Label("ALL")

_POLYGONAL = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)


# --------------------------------------------------------------------------- results
@dataclass(frozen=True)
class DissolvedFootprints:
    """Footprints made disjoint: each keeps its own land (:func:`.geometry.prepare_footprints`).

    Attributes
    ----------
    geometries : ndarray of shapely geometries
        ``geometries[i]`` is footprint ``i`` minus every smaller footprint
        overlapping it; the union of all equals the union of the input and the
        areas add up to the union's area. Empty where nothing is left.
    involved : ndarray of bool
        Counted footprints that share area with another one.
    n_groups : int
        Groups of footprints linked by overlapping interiors.
    overlap_m2 : float
        Area removed as double counted: sum of input areas minus union area.
    counted : ndarray of bool
        Footprints with land of their own (the ones counted as footprints).
    """

    geometries: np.ndarray
    involved: np.ndarray
    n_groups: int
    overlap_m2: float
    counted: np.ndarray | None = None


@dataclass(frozen=True)
class OverlapPieces:
    """Intersection pieces: dissolved footprint x zone x union of one class.

    Pieces of footprint area outside every class carry the class key ``OUTSIDE``.
    """

    geometries: np.ndarray
    footprint: np.ndarray
    zones: tuple[object, ...]
    classes: tuple[object, ...]
    area_km2: np.ndarray


@dataclass(frozen=True)
class OverlapTable:
    """Long table, one row per (zone, class), plus the totals it reconciles with.

    Attributes
    ----------
    zones, classes : tuple
        Zone and class value of each row. ``None`` is a NULL value (kept as its own
        row); :data:`OUTSIDE` marks footprint area outside every class polygon (or,
        with a zone layer, outside every zone polygon); :data:`ALL` is the single
        zone when no zones were given. Rows are sorted by zone then class, NULL
        after values and OUTSIDE last.
    n_polygons : ndarray of int64
        Distinct input footprints with more than ``min_overlap_m2`` in the row's
        zone and class (measured on the footprint itself, before dissolving).
    area_km2 : ndarray
        Footprint area in the zone and class, overlaps of footprints and of the
        class's own polygons counted once.
    pct_of_zone : ndarray
        ``area_km2`` as a percentage of the zone's footprint area.
    pct_of_class_total : ndarray
        ``area_km2`` as a percentage of the class's footprint area over all zones.
    zone_keys, zone_n_polygons, zone_area_km2, zone_covered_km2 : tuple / ndarray
        Per zone: footprints, footprint area, and the part of it inside at least one
        class polygon (``zone_covered_km2 + OUTSIDE row == zone_area_km2``).
    class_keys, class_n_polygons, class_area_km2 : tuple / ndarray
        Per class (OUTSIDE included): distinct footprints and area over all zones.
    footprint_area_km2 : float
        Area of the union of all footprints.
    n_footprints : int
        Footprints counted: with land of their own (:mod:`.geometry`).
    n_empty, n_repaired : int
        Input footprints skipped for a NULL/empty geometry, and repaired as invalid.
    n_degenerate, n_covered : int
        Input footprints not counted because they have no area (zero-area, collapsed or a
        sliver), or no land of their own (exact duplicates, covered by smaller footprints).
    footprint_status : ndarray of int8
        Status of every input footprint (:data:`.geometry.COUNTED`, ``EMPTY``, ...).
    n_overlapping_footprints : int
        Footprints overlapping another footprint.
    overlap_removed_km2 : float
        Double-counted footprint area removed by dissolving.
    n_class_polygons_repaired, n_zone_polygons_repaired : int
        Class and zone polygons repaired as invalid.
    pieces : OverlapPieces or None
        The pieces, when requested.
    """

    zones: tuple[object, ...]
    classes: tuple[object, ...]
    n_polygons: np.ndarray
    area_km2: np.ndarray
    pct_of_zone: np.ndarray
    pct_of_class_total: np.ndarray
    zone_keys: tuple[object, ...]
    zone_n_polygons: np.ndarray
    zone_area_km2: np.ndarray
    zone_covered_km2: np.ndarray
    class_keys: tuple[object, ...]
    class_n_polygons: np.ndarray
    class_area_km2: np.ndarray
    footprint_area_km2: float
    n_footprints: int
    n_empty: int
    n_repaired: int
    n_overlapping_footprints: int
    overlap_removed_km2: float
    n_class_polygons_repaired: int
    n_zone_polygons_repaired: int
    pieces: OverlapPieces | None = None
    n_degenerate: int = 0
    n_covered: int = 0
    footprint_status: np.ndarray | None = None


@dataclass(frozen=True)
class OverlapPivot:
    """Wide table: zones x classes (Tables 3 and 5), with totals.

    ``area_km2[z, c]`` and ``n_polygons[z, c]`` for ``zone_keys[z]`` and
    ``class_keys[c]`` (zero where a zone has no footprint in a class). Row totals
    are the zones' footprint area and footprint count, column totals the classes'
    area and distinct footprints over all zones; ``total_*`` is the grand total.
    """

    zone_keys: tuple[object, ...]
    class_keys: tuple[object, ...]
    area_km2: np.ndarray
    n_polygons: np.ndarray
    zone_area_km2: np.ndarray
    zone_n_polygons: np.ndarray
    class_area_km2: np.ndarray
    class_n_polygons: np.ndarray
    total_area_km2: float
    total_n_polygons: int


# --------------------------------------------------------------------------- helpers
def _check_progress(progress: Progress | None, fraction: float) -> None:
    if progress is not None and progress(float(min(max(fraction, 0.0), 1.0))) is False:
        raise CancelledError()


def _raise_not_polygon(layer: str, index: int, geometry_type: str) -> None:
    if layer == "footprints":
        raise InvalidInputError(
            "Footprint {index} is a {geometry_type}, not a polygon.", index=index, geometry_type=geometry_type
        )
    if layer == "classes":
        raise InvalidInputError(
            "Class polygon {index} is a {geometry_type}, not a polygon.", index=index, geometry_type=geometry_type
        )
    raise InvalidInputError(
        "Zone polygon {index} is a {geometry_type}, not a polygon.", index=index, geometry_type=geometry_type
    )


def _clean_polygons(
    geometries: Sequence[object] | np.ndarray, layer: str, repair: bool = True
) -> tuple[np.ndarray, np.ndarray, int]:
    """Polygonal geometries with their input index (NULL/empty dropped), invalid ones repaired.

    Returns the kept geometries, their input indices and the number repaired.
    With ``repair=False`` validity is left to :func:`_repair_candidates`, which
    checks only the polygons some footprint can reach (200,000 land-use
    polygons need not all be validated for 12,680 footprints).
    Non-polygonal geometries are an error naming the feature.
    """
    geoms = np.asarray(geometries, dtype=object).reshape(-1)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    types = shapely.get_type_id(geoms)
    collection = types == shapely.GeometryType.GEOMETRYCOLLECTION
    bad = ~missing & ~np.isin(types, _POLYGONAL) & ~collection
    if bad.any():
        index = int(np.flatnonzero(bad)[0])
        _raise_not_polygon(layer, index, str(geoms[index].geom_type))
    fix = ~missing & collection
    if repair:
        fix |= ~missing & ~shapely.is_valid(geoms)
    n_repaired = int(fix.sum())
    if n_repaired:
        geoms = geoms.copy()
        geoms[fix] = polygonal_parts(shapely.make_valid(geoms[fix]))
        missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    keep = np.flatnonzero(~missing)
    return geoms[keep], keep, n_repaired


@dataclass(frozen=True)
class _Covers:
    """Cover polygons (zones or classes): codes, search tree, prepared reachable polygons.

    Only the polygons whose bounding box meets a footprint's ("reachable") are
    validated, coded and prepared: 12,680 footprints over 200,000 land-use polygons
    touch a small fraction of them.
    """

    geoms: np.ndarray
    codes: np.ndarray
    uniques: list[object]
    tree: shapely.STRtree
    reach: np.ndarray
    pairs: tuple[np.ndarray, np.ndarray]
    n_repaired: int

    def release(self) -> None:
        """Free the prepared geometries (they belong to the caller's objects)."""
        shapely.destroy_prepared(self.geoms[self.reach])


def _prepare_covers(geoms: np.ndarray, values: Sequence[object], sources: np.ndarray) -> _Covers:
    """Tree, repair and codes of the cover polygons the ``sources`` can reach."""
    tree = shapely.STRtree(geoms)
    reach = np.unique(tree.query(sources)[1]) if sources.size else np.zeros(0, np.int64)
    invalid = reach[~shapely.is_valid(geoms[reach])]
    if invalid.size:
        geoms = geoms.copy()
        fixed = polygonal_parts(shapely.make_valid(geoms[invalid]))
        fixed[shapely.is_missing(fixed)] = shapely.Polygon()
        geoms[invalid] = fixed
        tree = shapely.STRtree(geoms)
    src, cov = tree.query(sources, predicate="intersects") if sources.size else (reach, reach)
    values_arr = np.empty(len(values), dtype=object)
    values_arr[:] = list(values)
    reach_codes, uniques = factorize(values_arr[reach])
    codes = np.full(geoms.size, -1, dtype=np.int64)
    codes[reach] = reach_codes
    shapely.prepare(geoms[reach])
    return _Covers(geoms, codes, uniques, tree, reach, (src, cov), int(invalid.size))


def dissolve_overlaps(geometries: Sequence[object] | np.ndarray,
                      progress: Progress | None = None) -> DissolvedFootprints:
    """Make polygons disjoint so that overlapping areas are counted once.

    Parameters
    ----------
    geometries : array of shapely polygons
        Footprints (NULL/empty ones get an empty result and are not counted).
    progress : callable, optional
        ``progress(fraction) -> bool``; False cancels (:class:`CancelledError`).

    Returns
    -------
    DissolvedFootprints

    Notes
    -----
    The rule of :func:`.geometry.prepare_footprints`, shared by every algorithm:
    an area covered by several footprints belongs to the smallest of them, so
    each footprint keeps its own land; the result tiles the union of the input
    exactly (areas add up to the dissolved area as with ``union_all``), every
    piece still belongs to one footprint and keeps its attributes (zone,
    identifier), and nothing depends on the order of the footprints. A
    footprint left without land of its own (an exact duplicate, or entirely
    covered by smaller ones) has an empty result and ``counted`` False.
    """
    fps = prepare_footprints(geometries, progress=progress)
    n_groups = 0
    if fps.first.size:
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components

        nodes, pair_index = np.unique(np.concatenate([fps.first, fps.second]), return_inverse=True)
        k = fps.first.size
        graph = coo_matrix((np.ones(k, dtype=np.int8), (pair_index[:k], pair_index[k:])), shape=(nodes.size,) * 2)
        n_groups = int(connected_components(graph, directed=False)[0])
    return DissolvedFootprints(fps.land, fps.involved, n_groups, fps.overlap_total, fps.counted)


@dataclass(frozen=True)
class _Split:
    """Pieces of source geometries split by keyed cover polygons (code -1: outside all covers)."""

    src: np.ndarray
    code: np.ndarray
    area: np.ndarray
    geoms: np.ndarray | None


def _split(
    geoms: np.ndarray,
    cover: _Covers,
    keep_geometry: bool,
    progress: Progress | None,
    pairs_from_reach: bool = False,
) -> _Split:
    """Split every source geometry by the union of each code's cover polygons.

    For each source ``s`` and code ``c`` the piece is ``s & union(covers of c)``;
    the remainder ``s - union(all covers)`` has code -1. Areas in square metres.
    ``pairs_from_reach``: the sources lie within the geometries the covers were
    prepared for, in the same order, so their candidate pairs can be reused.
    """
    covers, cover_codes = cover.geoms, cover.codes
    src_area = shapely.area(geoms)
    n_src = geoms.size
    if n_src == 0 or covers.size == 0:
        return _Split(
            np.arange(n_src),
            np.full(n_src, -1, dtype=np.int64),
            src_area,
            geoms.copy() if keep_geometry else None,
        )
    si, ci = cover.pairs if pairs_from_reach else cover.tree.query(geoms, predicate="intersects")
    live = src_area[si] > 0  # a footprint wholly covered by earlier ones is empty after dissolving
    si, ci = si[live], ci[live]
    # A cover containing the whole source needs no overlay: the piece is the source
    # (prepared covers make the test cheap; a big win for zone polygons with
    # thousands of vertices).
    covered = shapely.covers(covers[ci], geoms[si])
    _check_progress(progress, 0.1)
    area = np.where(covered, src_area[si], 0.0)
    piece = geoms[si]
    todo = np.flatnonzero(~covered)
    n_chunks = max(1, -(-todo.size // CHUNK))
    for k in range(n_chunks):
        sel: np.ndarray = todo[k * CHUNK : (k + 1) * CHUNK]
        cut = shapely.intersection(geoms[si[sel]], covers[ci[sel]])
        area[sel] = shapely.area(cut)
        piece[sel] = cut
        _check_progress(progress, 0.1 + 0.6 * (k + 1) / n_chunks)
    pos = area > 0
    si, code, area, piece = si[pos], cover_codes[ci[pos]], area[pos], piece[pos]

    # One group per (source, code). Pieces of one source overlap only where their
    # covers overlap: find those pairs, and union only where needed (a land-use
    # mosaic has none, nature reserves and ecological zones do).
    n_codes = int(cover_codes.max()) + 1
    uniq, inv = np.unique(si.astype(np.int64) * n_codes + code, return_inverse=True)
    inv = inv.reshape(-1)
    g_src, g_code = uniq // n_codes, uniq % n_codes
    g_area = np.bincount(inv, weights=area, minlength=uniq.size)
    pa, pb = _overlapping_pieces(piece, si, n_src)
    _check_progress(progress, 0.8)
    same = code[pa] == code[pb]
    if same.any():
        # overlapping polygons of one class inside one source count once
        groups = np.unique(inv[np.concatenate([pa[same], pb[same]])])
        sel = np.isin(inv, groups)
        mg, merged = union_by_group(piece[sel], inv[sel])
        g_area[mg] = shapely.area(merged)
    covered_area = np.bincount(g_src, weights=g_area, minlength=n_src)
    if pa.size:
        # classes overlapping each other: the covered part is the union of all pieces
        sel = np.isin(si, np.unique(si[pa]))
        us, ugeom = union_by_group(piece[sel], si[sel])
        covered_area[us] = shapely.area(ugeom)
    _check_progress(progress, 0.9)
    outside_area = src_area - covered_area
    # an outside sliver below 1e-10 of the source is GEOS rounding, not geography
    outside_area[outside_area <= 1e-10 * src_area] = 0.0
    has_outside = np.flatnonzero(outside_area > 0)

    out_geoms = None
    if keep_geometry:
        g_geom = np.empty(uniq.size, dtype=object)
        mg, merged = union_by_group(piece, inv)
        g_geom[mg] = merged
        rest = geoms[has_outside].copy()
        touched = np.isin(has_outside, si)
        idx = has_outside[touched]
        if idx.size:
            sel = np.isin(si, idx)
            us, ugeom = union_by_group(piece[sel], si[sel])
            rest[touched] = shapely.difference(geoms[us], ugeom)
        out_geoms = np.concatenate([polygonal_parts(g_geom), polygonal_parts(rest)])
    _check_progress(progress, 1.0)
    return _Split(
        np.concatenate([g_src, has_outside]),
        np.concatenate([g_code, np.full(has_outside.size, -1, dtype=np.int64)]),
        np.concatenate([g_area, outside_area[has_outside]]),
        out_geoms,
    )


def _overlapping_pieces(piece: np.ndarray, src: np.ndarray, n_src: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a, b), a < b, of pieces of the same source whose interiors meet."""
    idx = np.flatnonzero(np.bincount(src, minlength=n_src)[src] > 1)
    if idx.size < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    a, b = shapely.STRtree(piece[idx]).query(piece[idx])
    keep = (a < b) & (src[idx[a]] == src[idx[b]])
    a, b = idx[a[keep]], idx[b[keep]]
    # 'T********': the interiors meet, i.e. a shared area (shared edges do not count)
    inner = shapely.relate_pattern(piece[a], piece[b], "T********")
    return a[inner], b[inner]


@dataclass(frozen=True)
class _Pieces:
    fp: np.ndarray
    zone: np.ndarray
    klass: np.ndarray
    area: np.ndarray
    zone_fp: np.ndarray
    zone_code: np.ndarray
    zone_area: np.ndarray
    geoms: np.ndarray | None


def _pipeline(
    geoms: np.ndarray,
    fp: np.ndarray,
    fp_zone: np.ndarray | None,
    zones: _Covers | None,
    outside_zone: int,
    classes: _Covers,
    outside_class: int,
    keep_geometry: bool,
    progress: Progress | None,
    reuse_pairs: bool = False,
) -> _Pieces:
    """Footprints -> (footprint, zone) pieces -> (footprint, zone, class) pieces."""

    def sub(a: float, b: float) -> Progress | None:
        if progress is None:
            return None
        return lambda f: progress(a + (b - a) * f)

    if zones is not None:
        zs = _split(geoms, zones, True, sub(0.0, 0.35), pairs_from_reach=reuse_pairs)
        z_fp = fp[zs.src]
        z_code = np.where(zs.code < 0, outside_zone, zs.code)
        z_area = zs.area
        z_geoms = zs.geoms if zs.geoms is not None else np.zeros(0, dtype=object)
        start = 0.35
    else:
        z_fp = fp
        z_code = fp_zone if fp_zone is not None else np.zeros(fp.size, dtype=np.int64)
        z_area = shapely.area(geoms)
        z_geoms = geoms
        start = 0.0
    cs = _split(z_geoms, classes, keep_geometry, sub(start, 1.0), pairs_from_reach=reuse_pairs and zones is None)
    return _Pieces(
        fp=z_fp[cs.src],
        zone=z_code[cs.src],
        klass=np.where(cs.code < 0, outside_class, cs.code),
        area=cs.area,
        zone_fp=z_fp,
        zone_code=z_code,
        zone_area=z_area,
        geoms=cs.geoms,
    )


def _distinct_count(keys: np.ndarray, fp: np.ndarray, n_keys: int) -> np.ndarray:
    if keys.size == 0:
        return np.zeros(n_keys, dtype=np.int64)
    pairs = np.unique(np.stack([keys, fp], axis=1), axis=0)
    return np.bincount(pairs[:, 0], minlength=n_keys).astype(np.int64)


def _order_keys(keys: list[object]) -> np.ndarray:
    """Sort order of keys: values ascending, NULL (None) after them, sentinels last."""
    rank = [(2 if isinstance(k, _Label) else 1 if k is None else 0) for k in keys]
    try:
        return np.asarray(sorted(range(len(keys)), key=lambda i: (rank[i], keys[i] if rank[i] == 0 else 0)),
                          dtype=np.int64)
    except TypeError:
        return np.asarray(sorted(range(len(keys)), key=lambda i: (rank[i], str(keys[i]))), dtype=np.int64)


def overlap_tabulation(
    footprints: Sequence[object] | np.ndarray,
    classes: Sequence[object] | np.ndarray,
    class_values: Sequence[object],
    footprint_zones: Sequence[object] | None = None,
    zones: Sequence[object] | np.ndarray | None = None,
    zone_values: Sequence[object] | None = None,
    min_overlap_m2: float = 0.0,
    keep_pieces: bool = False,
    progress: Progress | None = None,
) -> OverlapTable:
    """Tabulate footprint area and polygon count per (zone, class).

    Parameters
    ----------
    footprints : array of shapely polygons
        Mining footprints in an equal-area CRS in metres. NULL/empty geometries are
        skipped and counted; invalid ones are repaired (``make_valid``) and counted;
        points and lines are refused.
    classes : array of shapely polygons
        Class polygons (land use, nature reserves, ecological zones) in the same CRS.
        Polygons of one class may overlap (counted once); classes may overlap each
        other (each tallied on its own).
    class_values : sequence
        Class of each class polygon; ``None``/NaN is a NULL class, kept as its own row.
    footprint_zones : sequence, optional
        Zone of each footprint (an attribute such as province); NULL kept as a zone.
    zones, zone_values : optional
        Zone polygons and their values, instead of ``footprint_zones``: footprints
        are split at zone boundaries; area outside every zone gets the zone
        :data:`OUTSIDE`. Overlapping zone polygons are each tallied on their own.
    min_overlap_m2 : float, default 0
        A footprint counts in ``n_polygons`` of a row if more than this area of it
        lies in the row's zone and class.
    keep_pieces : bool
        Also return the intersection pieces (:class:`OverlapPieces`).
    progress : callable, optional
        ``progress(fraction) -> bool``; False cancels (:class:`CancelledError`).

    Returns
    -------
    OverlapTable

    Notes
    -----
    Overlapping footprints are first made disjoint with
    :func:`.geometry.prepare_footprints` (shared area attributed to the smallest
    footprint; the rule depends on the geometries only, not on their order), so
    areas add up to the union of the footprints. ``n_polygons`` is measured on
    each footprint's own geometry: a footprint counts where it lies, even where a
    smaller footprint covers it. Footprints without land of their own (exact
    duplicates, footprints covered by smaller ones) and zero-area or sliver
    footprints are not counted (``n_covered``, ``n_degenerate``).
    Without zones there is one zone, :data:`ALL`.
    """
    if footprint_zones is not None and zones is not None:
        raise InvalidInputError(
            "Give zones either as a footprint attribute or as a zone layer, not both ({count} sources).", count=2)
    if min_overlap_m2 < 0 or not np.isfinite(min_overlap_m2):
        raise InvalidInputError("The minimum overlap area must be zero or more, got {value}.", value=min_overlap_m2)
    n_input = len(footprints)
    zone_codes = None
    if footprint_zones is not None:
        if len(footprint_zones) != n_input:
            raise InvalidInputError(
                "Got {n_values} zone values for {n} footprints.", n_values=len(footprint_zones), n=n_input
            )
        zone_codes, zone_uniques = factorize(footprint_zones)
    # Footprints cleaned and given their own land (overlaps counted once, the smallest footprint
    # keeps shared land, exact duplicates in different zones are resolved by zone, not by order;
    # footprints without land of their own are not counted).
    prepared = prepare_footprints(footprints, tie_break=zone_codes,
                                  progress=None if progress is None else lambda f: progress(0.02 * f))
    wrong = prepared.first_of(WRONG_TYPE)
    if wrong >= 0:
        _raise_not_polygon("footprints", wrong, str(np.asarray(footprints, dtype=object)[wrong].geom_type))
    fp_index = np.flatnonzero(prepared.counted)
    if fp_index.size == 0:
        raise InvalidInputError("The footprint layer has no polygons to tabulate (count {count}).", count=0)
    fps = prepared.geometries[fp_index]
    n_repaired = int(prepared.repaired[fp_index].sum())
    if len(class_values) != len(classes):
        raise InvalidInputError(
            "Got {n_values} class values for {n} class polygons.", n_values=len(class_values), n=len(classes)
        )
    cls_geoms, cls_index, n_cls_repaired = _clean_polygons(classes, "classes", repair=False)
    class_values_arr = np.empty(len(class_values), dtype=object)
    class_values_arr[:] = list(class_values)
    class_cover = _prepare_covers(cls_geoms, class_values_arr[cls_index], fps)
    class_uniques = class_cover.uniques
    n_cls_repaired += class_cover.n_repaired
    class_keys: list[object] = [*class_uniques, OUTSIDE]
    outside_class = len(class_uniques)

    fp_zone = None
    zone_cover: _Covers | None = None
    n_zone_repaired = 0
    outside_zone = -1
    if zone_codes is not None:
        fp_zone = zone_codes[fp_index]
        zone_keys: list[object] = list(zone_uniques)
    elif zones is not None:
        if zone_values is None or len(zone_values) != len(zones):
            raise InvalidInputError(
                "Got {n_values} zone values for {n} zone polygons.",
                n_values=0 if zone_values is None else len(zone_values),
                n=len(zones),
            )
        zone_geoms, z_index, n_zone_repaired = _clean_polygons(zones, "zones", repair=False)
        zone_values_arr = np.empty(len(zone_values), dtype=object)
        zone_values_arr[:] = list(zone_values)
        zone_cover = _prepare_covers(zone_geoms, zone_values_arr[z_index], fps)
        zone_uniques = zone_cover.uniques
        n_zone_repaired += zone_cover.n_repaired
        zone_keys = [*zone_uniques, OUTSIDE]
        outside_zone = len(zone_uniques)
    else:
        zone_keys = [ALL]
    _check_progress(progress, 0.02)

    try:
        def sub(a: float, b: float) -> Progress | None:
            if progress is None:
                return None
            return lambda f: progress(a + (b - a) * f)

        land = prepared.land[fp_index]
        fp_involved = prepared.involved[fp_index]
        _check_progress(progress, 0.1)
        n_fp = fps.size
        local = np.arange(n_fp)
        run = _pipeline(
            land, local, fp_zone, zone_cover, outside_zone,
            class_cover, outside_class, keep_pieces, sub(0.1, 0.85), reuse_pairs=True,
        )
        # Counting is done on each footprint's own geometry: rerun the overlapping ones.
        involved = np.flatnonzero(fp_involved)
        count_fp, count_zone, count_class, count_area = run.fp, run.zone, run.klass, run.area
        zc_fp, zc_zone, zc_area = run.zone_fp, run.zone_code, run.zone_area
        if involved.size:
            again = _pipeline(
                fps[involved], involved, None if fp_zone is None else fp_zone[involved], zone_cover,
                outside_zone, class_cover, outside_class, False, sub(0.85, 0.97),
            )
            plain = ~fp_involved[run.fp]
            count_fp = np.concatenate([run.fp[plain], again.fp])
            count_zone = np.concatenate([run.zone[plain], again.zone])
            count_class = np.concatenate([run.klass[plain], again.klass])
            count_area = np.concatenate([run.area[plain], again.area])
            zplain = ~fp_involved[run.zone_fp]
            zc_fp = np.concatenate([run.zone_fp[zplain], again.zone_fp])
            zc_zone = np.concatenate([run.zone_code[zplain], again.zone_code])
            zc_area = np.concatenate([run.zone_area[zplain], again.zone_area])

        # Re-code keys in display order.
        z_order = _order_keys(zone_keys)
        c_order = _order_keys(class_keys)
        z_rank = np.empty(len(zone_keys), dtype=np.int64)
        z_rank[z_order] = np.arange(len(zone_keys))
        c_rank = np.empty(len(class_keys), dtype=np.int64)
        c_rank[c_order] = np.arange(len(class_keys))
        zone_keys = [zone_keys[i] for i in z_order]
        class_keys = [class_keys[i] for i in c_order]
        nz, nc = len(zone_keys), len(class_keys)

        row = z_rank[run.zone] * nc + c_rank[run.klass]
        area_rows = np.bincount(row, weights=run.area, minlength=nz * nc) / 1e6
        hit = count_area > min_overlap_m2
        crow = z_rank[count_zone[hit]] * nc + c_rank[count_class[hit]]
        n_rows = _distinct_count(crow, count_fp[hit], nz * nc)
        present = np.flatnonzero((area_rows > 0) | (n_rows > 0))

        zone_area = np.bincount(z_rank[run.zone_code], weights=run.zone_area, minlength=nz) / 1e6
        zhit = zc_area > min_overlap_m2
        zone_n = _distinct_count(z_rank[zc_zone[zhit]], zc_fp[zhit], nz)
        out_col = c_rank[outside_class]
        zone_outside = area_rows.reshape(nz, nc)[:, out_col]
        class_area = area_rows.reshape(nz, nc).sum(axis=0)
        class_n = _distinct_count(c_rank[count_class[hit]], count_fp[hit], nc)

        zi, ci = present // nc, present % nc
        with np.errstate(invalid="ignore", divide="ignore"):
            pct_zone = np.where(zone_area[zi] > 0, area_rows[present] / zone_area[zi] * 100.0, np.nan)
            pct_class = np.where(class_area[ci] > 0, area_rows[present] / class_area[ci] * 100.0, np.nan)

        pieces = None
        if keep_pieces and run.geoms is not None:
            keep = run.area > 0
            pieces = OverlapPieces(
                geometries=run.geoms[keep],
                footprint=fp_index[run.fp[keep]],
                zones=tuple(zone_keys[i] for i in z_rank[run.zone[keep]]),
                classes=tuple(class_keys[i] for i in c_rank[run.klass[keep]]),
                area_km2=run.area[keep] / 1e6,
            )
        _check_progress(progress, 1.0)
        return OverlapTable(
            zones=tuple(zone_keys[i] for i in zi),
            classes=tuple(class_keys[i] for i in ci),
            n_polygons=n_rows[present],
            area_km2=area_rows[present],
            pct_of_zone=pct_zone,
            pct_of_class_total=pct_class,
            zone_keys=tuple(zone_keys),
            zone_n_polygons=zone_n,
            zone_area_km2=zone_area,
            zone_covered_km2=zone_area - zone_outside,
            class_keys=tuple(class_keys),
            class_n_polygons=class_n,
            class_area_km2=class_area,
            footprint_area_km2=float(shapely.area(land).sum() / 1e6),
            n_footprints=int(n_fp),
            n_empty=prepared.count(EMPTY),
            n_repaired=n_repaired,
            n_overlapping_footprints=prepared.n_overlapping,
            overlap_removed_km2=prepared.overlap_total / 1e6,
            n_class_polygons_repaired=n_cls_repaired,
            n_zone_polygons_repaired=n_zone_repaired,
            pieces=pieces,
            n_degenerate=prepared.count(DEGENERATE),
            n_covered=prepared.count(COVERED),
            footprint_status=prepared.status,
        )
    finally:
        class_cover.release()
        if zone_cover is not None:
            zone_cover.release()


def overlap_pivot(table: OverlapTable) -> OverlapPivot:
    """Zones x classes wide table of :func:`overlap_tabulation` (Tables 3 and 5).

    Only zones and classes with footprint area or footprints appear; the OUTSIDE
    class column makes each row add up to the zone's footprint area when classes
    do not overlap each other.
    """
    zmask = (table.zone_area_km2 > 0) | (table.zone_n_polygons > 0)
    cmask = (table.class_area_km2 > 0) | (table.class_n_polygons > 0)
    zkeep, ckeep = np.flatnonzero(zmask), np.flatnonzero(cmask)
    zpos = {k: i for i, k in enumerate(table.zone_keys)}
    cpos = {k: i for i, k in enumerate(table.class_keys)}
    zmap = np.full(len(table.zone_keys), -1)
    zmap[zkeep] = np.arange(zkeep.size)
    cmap = np.full(len(table.class_keys), -1)
    cmap[ckeep] = np.arange(ckeep.size)
    area = np.zeros((zkeep.size, ckeep.size))
    count = np.zeros((zkeep.size, ckeep.size), dtype=np.int64)
    zi = zmap[[zpos[z] for z in table.zones]] if table.zones else np.zeros(0, dtype=np.int64)
    ci = cmap[[cpos[c] for c in table.classes]] if table.classes else np.zeros(0, dtype=np.int64)
    area[zi, ci] = table.area_km2
    count[zi, ci] = table.n_polygons
    return OverlapPivot(
        zone_keys=tuple(table.zone_keys[i] for i in zkeep),
        class_keys=tuple(table.class_keys[i] for i in ckeep),
        area_km2=area,
        n_polygons=count,
        zone_area_km2=table.zone_area_km2[zkeep],
        zone_n_polygons=table.zone_n_polygons[zkeep],
        class_area_km2=table.class_area_km2[ckeep],
        class_n_polygons=table.class_n_polygons[ckeep],
        total_area_km2=float(table.zone_area_km2.sum()),
        total_n_polygons=int(table.n_footprints),
    )
