"""Footprint change between two survey epochs: classified change pieces, jitter tolerance, summaries.

All geometries are shapely 2 polygons in one projected equal-area CRS whose
unit is the metre (areas in m², the tolerance in m).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
import shapely
from shapely import STRtree

from .errors import CancelledError, InvalidInputError
from .geometry import (
    COUNTED,
    WRONG_TYPE,
    Footprints,
    chunked,
    clean_polygons,
    geometry_array,
    grouped_union,
    has_area,
    polygon_parts,
    polygonal,
    prepare_footprints,
    representative_xy,
)
from .occupation import canonical_keys

Progress = Callable[[float], bool]

NEW = 1
EXPANDED = 2
UNCHANGED = 3
REDUCED = 4
DISAPPEARED = 5
JITTER_ADDED = 6
JITTER_REMOVED = 7
#: Integer ``change`` code of a piece -> class name (the codes the style keys on).
CHANGE_CLASSES = {
    NEW: "new",
    EXPANDED: "expanded",
    UNCHANGED: "unchanged",
    REDUCED: "reduced",
    DISAPPEARED: "disappeared",
    JITTER_ADDED: "jitter added",
    JITTER_REMOVED: "jitter removed",
}

#: Lineage of a footprint or piece: 0 none (new / disappeared footprint), 1 one-to-one,
#: 2 split (an earlier footprint continues as two or more), 3 merge (two or more earlier
#: footprints continue as one), 4 split and merge (a many-to-many group).
RELATIONS = {0: "none", 1: "one-to-one", 2: "split", 3: "merge", 4: "split and merge"}

#: A narrow overlap still matches when it covers at least this share of the smaller footprint.
MATCH_SHARE = 0.5

PAIR_MATCHED = 0
PAIR_SLIVER = 1
PAIR_OTHER_MINE = 2
#: Status of an overlapping (earlier, later) pair.
PAIR_STATUS = {PAIR_MATCHED: "matched", PAIR_SLIVER: "sliver overlap", PAIR_OTHER_MINE: "different mine"}

_EMPTY = shapely.from_wkt("POLYGON EMPTY")


@dataclass(frozen=True)
class ChangePieces:
    """Change pieces, one (multi)polygon per footprint (pair) and change class.

    Attributes
    ----------
    geometry
        Polygonal shapely geometries (multi-part where the change is).
    change
        Change code (:data:`CHANGE_CLASSES`).
    earlier_index, later_index
        Position of the earlier / later footprint the piece belongs to, -1 if none
        (an unchanged piece has both, a new or expanded piece only the later one).
    mine_id
        Canonical mine identifier of the piece's footprint(s) (``""`` if missing),
        or ``None`` values when no identifiers were given.
    relation
        Lineage code (:data:`RELATIONS`) of the footprint (pair) the piece belongs to.
    area
        Area of the piece in m².
    """

    geometry: np.ndarray
    change: np.ndarray
    earlier_index: np.ndarray
    later_index: np.ndarray
    mine_id: np.ndarray
    relation: np.ndarray
    area: np.ndarray

    def __len__(self) -> int:
        return len(self.change)


@dataclass(frozen=True)
class ChangeSummary:
    """Areas (m²) and footprint counts per group (total, mine or zone).

    ``added = new + expanded``, ``removed = reduced + disappeared``; digitising
    jitter is kept apart in ``jitter_added`` / ``jitter_removed``, so per group

    ``earlier + added - removed + jitter_added - jitter_removed = later``

    holds up to floating point (see :attr:`reconciliation_error`). ``n_split``
    counts earlier footprints that continue as two or more later footprints,
    ``n_merge`` later footprints that continue two or more earlier ones.
    """

    key: np.ndarray
    earlier: np.ndarray
    later: np.ndarray
    unchanged: np.ndarray
    new: np.ndarray
    expanded: np.ndarray
    reduced: np.ndarray
    disappeared: np.ndarray
    jitter_added: np.ndarray
    jitter_removed: np.ndarray
    n_earlier: np.ndarray
    n_later: np.ndarray
    n_new: np.ndarray
    n_disappeared: np.ndarray
    n_split: np.ndarray
    n_merge: np.ndarray

    @property
    def added(self) -> np.ndarray:
        """New plus expanded area."""
        return self.new + self.expanded

    @property
    def removed(self) -> np.ndarray:
        """Reduced plus disappeared area."""
        return self.reduced + self.disappeared

    @property
    def net(self) -> np.ndarray:
        """``later - earlier`` (includes the jitter)."""
        return self.later - self.earlier

    @property
    def reconciliation_error(self) -> np.ndarray:
        """``earlier + added - removed + jitter_added - jitter_removed - later`` (≈ 0)."""
        return self.earlier + self.added - self.removed + self.jitter_added - self.jitter_removed - self.later

    def columns(self) -> dict[str, np.ndarray]:
        """All columns by field name, in output order (areas in m²)."""
        return {
            "key": self.key,
            "earlier_m2": self.earlier,
            "later_m2": self.later,
            "unchanged_m2": self.unchanged,
            "added_m2": self.added,
            "new_m2": self.new,
            "expanded_m2": self.expanded,
            "removed_m2": self.removed,
            "reduced_m2": self.reduced,
            "disappeared_m2": self.disappeared,
            "net_m2": self.net,
            "jitter_added_m2": self.jitter_added,
            "jitter_removed_m2": self.jitter_removed,
            "n_earlier": self.n_earlier,
            "n_later": self.n_later,
            "n_new": self.n_new,
            "n_disappeared": self.n_disappeared,
            "n_split": self.n_split,
            "n_merge": self.n_merge,
        }


@dataclass(frozen=True)
class EpochOverlaps:
    """Overlaps between footprints of the same epoch, removed before the comparison.

    ``first[k]`` and ``second[k]`` overlap by ``area[k]`` m²; the shared area stays
    with ``first``, the smaller footprint (:func:`.geometry.prepare_footprints`),
    and is cut from ``second``.
    """

    first: np.ndarray
    second: np.ndarray
    area: np.ndarray

    @property
    def total_area(self) -> float:
        """Overlap area cut out of later-listed footprints, m² (pairs may share area)."""
        return float(self.area.sum())


@dataclass(frozen=True)
class FootprintChangeResult:
    """Result of :func:`footprint_change`.

    Attributes
    ----------
    pieces
        The classified change pieces.
    earlier_area, later_area
        Area per footprint after within-epoch overlaps were removed, m².
    earlier_partners, later_partners
        Number of matched footprints of the other epoch.
    earlier_relation, later_relation
        Lineage code (:data:`RELATIONS`) per footprint.
    earlier_mine, later_mine
        Canonical mine identifiers per footprint (``None`` when not matched by id).
    pair_earlier, pair_later, pair_area, pair_status
        Every (earlier, later) pair whose interiors overlap, with the overlap
        area and its status (:data:`PAIR_STATUS`): matched, a sliver overlap
        narrower than the tolerance (not a match), or a different mine.
    earlier_overlaps, later_overlaps
        Within-epoch overlaps that were removed.
    total
        One-row summary (key ``"total"``).
    by_mine
        Summary per mine identifier (sorted; ``""`` = missing id), or ``None``.
    tolerance
        The tolerance used, m.
    earlier_status, later_status
        What became of each input footprint (:data:`.geometry.COUNTED`, ``EMPTY``,
        ``DEGENERATE``, ``COVERED``): only counted footprints have pieces and are counted.
    earlier_repaired, later_repaired
        Input footprints repaired with MakeValid.
    """

    pieces: ChangePieces
    earlier_area: np.ndarray
    later_area: np.ndarray
    earlier_partners: np.ndarray
    later_partners: np.ndarray
    earlier_relation: np.ndarray
    later_relation: np.ndarray
    earlier_mine: np.ndarray | None
    later_mine: np.ndarray | None
    pair_earlier: np.ndarray
    pair_later: np.ndarray
    pair_area: np.ndarray
    pair_status: np.ndarray
    earlier_overlaps: EpochOverlaps
    later_overlaps: EpochOverlaps
    total: ChangeSummary
    by_mine: ChangeSummary | None
    tolerance: float
    earlier_status: np.ndarray | None = None
    later_status: np.ndarray | None = None
    earlier_repaired: np.ndarray | None = None
    later_repaired: np.ndarray | None = None

    @property
    def earlier_counted(self) -> np.ndarray:
        """Earlier footprints counted (with land of their own)."""
        # footprint_change always sets the statuses
        return cast(np.ndarray, self.earlier_status == COUNTED)

    @property
    def later_counted(self) -> np.ndarray:
        """Later footprints counted (with land of their own)."""
        return cast(np.ndarray, self.later_status == COUNTED)


def footprint_change(
    earlier: Sequence[object] | np.ndarray,
    later: Sequence[object] | np.ndarray,
    *,
    earlier_ids: Sequence[object] | np.ndarray | None = None,
    later_ids: Sequence[object] | np.ndarray | None = None,
    tolerance: float = 5.0,
    threads: int | None = None,
    progress: Progress | None = None,
) -> FootprintChangeResult:
    """Classify the change between two epochs of mining footprints.

    Parameters
    ----------
    earlier, later
        Polygon / MultiPolygon footprints of the two epochs (shapely 2), in an
        equal-area CRS in metres. NULL and empty ones are skipped, invalid ones
        repaired (polygonal parts kept), points and lines refused.
    earlier_ids, later_ids
        Optional mine identifier per footprint (text or numbers; compared after
        :func:`~.occupation.canonical_key`, so ``10``, ``"10"`` and ``10.0`` are
        one mine). When given, only footprints of the same mine are matched and
        a summary per mine is computed.
    tolerance
        ``TOLERANCE_M``: width in metres below which a difference between the
        epochs is digitising jitter, not change (0 = report every difference).
    threads
        Worker threads for the heavy overlays (shapely releases the GIL);
        default ``min(cpu_count, 4)``. The result does not depend on it.
    progress
        Called with the fraction done; returning False cancels
        (:class:`~.errors.CancelledError`).

    Returns
    -------
    FootprintChangeResult

    Notes
    -----
    *Within-epoch overlaps.* Footprints of one epoch are made disjoint first
    (:func:`.geometry.prepare_footprints`, the rule of every algorithm): where
    two overlap, the smaller keeps the shared area (reported in
    ``earlier_overlaps`` / ``later_overlaps``), so a pond inside a stope keeps
    its area and the stope the rest. A footprint left without land of its own
    (an exact duplicate, or covered by smaller footprints) and a zero-area or
    sliver footprint is not a footprint: it has no pieces and is not counted
    (``earlier_status`` / ``later_status``). The rule depends only on the
    geometries, so the result does not depend on the order of the features.

    *Matching.* An earlier footprint E and a later footprint L are matched when
    their overlap E ∩ L has area (more than a sliver of numerical noise,
    :func:`.geometry.has_area`), is at least ``tolerance`` wide
    somewhere (the width test below) or covers at least half
    (:data:`MATCH_SHARE`) of the smaller of E and L (so footprints that are
    themselves narrower than the tolerance still match their successor), and,
    with identifiers, both belong to the same mine. With ``tolerance`` 0 any
    overlap with area counts.
    A split (E matched by two or more later footprints) and a merge (L matched
    by two or more earlier ones) need no special case: every matched pair
    contributes its overlap as an unchanged piece, and ``relation`` records the
    lineage.

    *Classes.* With M(L) the earlier footprints matched to L (and M(E) likewise):

    - unchanged: E ∩ L for each matched pair;
    - new: the whole L when M(L) is empty;
    - expanded: L − ∪M(L) (area added to a footprint that existed);
    - disappeared: the whole E when M(E) is empty (restored or closed);
    - reduced: E − ∪M(E) (area removed from a footprint that persists).

    Overlaps of unmatched pairs (sliver overlaps, other mines) are therefore
    added to L and removed from E. With identifiers, land passing from mine A
    to mine B appears as removed from A and added to B (pieces may overlap).

    *Tolerance rule (width test).* With T = ``tolerance`` > 0, the added area
    A = L − ∪M(L) of a matched later footprint is split into its real change
    ``A ∩ open(A)`` and jitter ``A − open(A)``, where ``open(A) =
    buffer(buffer(A, −T/2), +T/2)`` (mitre joins) is the morphological opening
    of A: every part of A narrower than T (containing no strip or disk T wide)
    is jitter, every part at least T wide everywhere is kept whole (for
    polygons with straight edges the mitre opening returns them exactly;
    corners sharper than the mitre limit lose a bevel to the jitter). The
    removed area of a matched earlier footprint is split the same way. Whole
    new or disappeared footprints are never treated as jitter. An overlap is
    "at least T wide somewhere" when ``buffer(E ∩ L, −T/2)`` is not empty.

    *Reconciliation.* Per footprint the pieces partition it, so for the total,
    each mine and each zone ``earlier + added − removed + jitter_added −
    jitter_removed = later`` with ``added = new + expanded`` and ``removed =
    reduced + disappeared``; with ``tolerance`` 0 the jitter terms are zero.
    """
    report = _Stages(progress)
    threads = max(1, int(threads)) if threads is not None else max(1, min(os.cpu_count() or 1, 4))
    tolerance = float(tolerance)
    if not np.isfinite(tolerance) or tolerance < 0:
        raise InvalidInputError("The tolerance must be a non-negative number of metres, got {value}", value=tolerance)
    n_e, n_l = len(earlier), len(later)
    if (earlier_ids is None) != (later_ids is None):
        raise InvalidInputError("Mine identifiers must be given for both epochs or for neither")
    by_id = earlier_ids is not None
    e_mine: np.ndarray | None = None
    l_mine: np.ndarray | None = None
    if earlier_ids is not None and later_ids is not None:  # by_id (both or neither, checked above)
        e_mine = canonical_keys(earlier_ids)
        l_mine = canonical_keys(later_ids)
        for name, ids, n in (("earlier", e_mine, n_e), ("later", l_mine, n_l)):
            if len(ids) != n:
                raise InvalidInputError(
                    "Got {n_ids} mine identifiers for {n_geoms} {epoch} footprints",
                    n_ids=len(ids),
                    n_geoms=n,
                    epoch=name,
                )
    report(0.02)

    # Each epoch cleaned (repaired, polygonal, no collapsed rings) and made disjoint by the rule every
    # algorithm shares: the smallest footprint keeps shared land; footprints without land of their
    # own (duplicates) are not footprints. Everything below works on the footprints' own land.
    # exact duplicates of two mines are resolved by mine id (codes of the sorted ids), not by order
    e_key = l_key = None
    if by_id:
        _, inverse = np.unique(np.concatenate([e_mine, l_mine]).astype(str), return_inverse=True)
        e_key, l_key = inverse.ravel()[:n_e], inverse.ravel()[n_e:]
    e_fp = _prepare_epoch(earlier, "earlier", e_key, threads, lambda f: report(0.02 + 0.1 * f))
    l_fp = _prepare_epoch(later, "later", l_key, threads, lambda f: report(0.12 + 0.1 * f))
    e_geom, l_geom = e_fp.land, l_fp.land
    e_counted, l_counted = e_fp.counted, l_fp.counted
    e_over = EpochOverlaps(e_fp.first, e_fp.second, e_fp.overlap_area)
    l_over = EpochOverlaps(l_fp.first, l_fp.second, l_fp.overlap_area)
    report(0.22)
    e_area = shapely.area(e_geom)
    l_area = shapely.area(l_geom)

    # every (earlier, later) pair whose interiors overlap
    later_of, earlier_of = STRtree(e_geom).query(l_geom, predicate="intersects")
    # footprints carried over unchanged (identical coordinates) need no overlay
    same = shapely.equals_exact(e_geom[earlier_of], l_geom[later_of], 0.0)
    overlap = e_geom[earlier_of].copy()
    differ = np.flatnonzero(~same)
    overlap[differ] = _polygonal(
        chunked(shapely.intersection, e_geom[earlier_of[differ]], l_geom[later_of[differ]], threads=threads)
    )
    overlap_area = shapely.area(overlap)
    keep = has_area(overlap)  # a shared edge or a sliver of numerical noise is no overlap
    pair_e, pair_l, overlap, overlap_area = earlier_of[keep], later_of[keep], overlap[keep], overlap_area[keep]
    order = np.lexsort((pair_l, pair_e))
    pair_e, pair_l, overlap, overlap_area = pair_e[order], pair_l[order], overlap[order], overlap_area[order]
    status = np.full(len(pair_e), PAIR_MATCHED, dtype=np.int64)
    if tolerance > 0 and len(pair_e):
        # a narrow overlap is a sliver unless it is most of a footprint that is itself narrow
        small = np.flatnonzero(overlap_area < MATCH_SHARE * np.minimum(e_area[pair_e], l_area[pair_l]))
        status[small[~_wide_somewhere(overlap[small], tolerance)]] = PAIR_SLIVER
    if e_mine is not None and l_mine is not None:  # by_id
        status[e_mine[pair_e] != l_mine[pair_l]] = PAIR_OTHER_MINE
    report(0.4)

    matched = status == PAIR_MATCHED
    m_e, m_l = pair_e[matched], pair_l[matched]
    e_deg = np.bincount(m_e, minlength=n_e)
    l_deg = np.bincount(m_l, minlength=n_l)
    # lineage bits per pair: 1 = its earlier footprint splits, 2 = its later footprint merges
    pair_bits = (e_deg[m_e] >= 2).astype(np.int64) | (2 * (l_deg[m_l] >= 2)).astype(np.int64)
    e_bits = np.zeros(n_e, dtype=np.int64)
    l_bits = np.zeros(n_l, dtype=np.int64)
    np.bitwise_or.at(e_bits, m_e, pair_bits)
    np.bitwise_or.at(l_bits, m_l, pair_bits)
    e_rel = np.where(e_deg > 0, 1 + e_bits, 0)
    l_rel = np.where(l_deg > 0, 1 + l_bits, 0)

    # added part of continuing later footprints, removed part of continuing earlier ones
    l_cont = np.flatnonzero(l_deg > 0)
    e_cont = np.flatnonzero(e_deg > 0)
    added_all = np.full(n_l, None, dtype=object)
    removed_all = np.full(n_e, None, dtype=object)
    # erosion by TOLERANCE/2 per side where already known (None: not computed yet)
    eroded_l = np.full(n_l, None, dtype=object)
    eroded_e = np.full(n_e, None, dtype=object)
    # one-to-one pairs (the bulk): one symmetric difference gives both sides (checked by area below)
    one = (e_deg[m_e] == 1) & (l_deg[m_l] == 1)
    o_e, o_l = m_e[one], m_l[one]
    if o_e.size:
        sym = np.full(len(o_e), _EMPTY, dtype=object)
        moved = np.flatnonzero(~shapely.equals_exact(e_geom[o_e], l_geom[o_l], 0.0))
        sym[moved] = _polygonal(
            chunked(shapely.symmetric_difference, e_geom[o_e[moved]], l_geom[o_l[moved]], threads=threads)
        )
        # non-empty polygon parts only: an unchanged pair has an empty difference, whose "part" has no
        # coordinates (extracting them shifted every later part onto the wrong footprint)
        parts, owner = polygon_parts(sym)
        in_later = _side_of_parts(parts, l_geom[o_l][owner])
        # A part of E △ L lies on one side only unless E - L and L - E share an edge (their boundaries
        # coincide there with E and L on opposite sides, as grid-aligned digitising gives): GEOS then
        # returns them as one polygon. The sides must add up to the known areas; pairs where they do
        # not get the two differences computed separately.
        ov = overlap_area[matched][one]
        n_one = len(o_e)
        got_l = np.bincount(owner[in_later], weights=shapely.area(parts[in_later]), minlength=n_one)
        got_e = np.bincount(owner[~in_later], weights=shapely.area(parts[~in_later]), minlength=n_one)
        scale = 1e-9 * np.maximum(e_area[o_e], l_area[o_l])
        bad = np.flatnonzero((np.abs(got_l - (l_area[o_l] - ov)) > scale) |
                             (np.abs(got_e - (e_area[o_e] - ov)) > scale))
        bad = np.intersect1d(bad, moved)
        if bad.size:
            keep = ~np.isin(owner, bad)
            add_p, add_o = polygon_parts(_polygonal(shapely.difference(l_geom[o_l[bad]], e_geom[o_e[bad]])))
            rem_p, rem_o = polygon_parts(_polygonal(shapely.difference(e_geom[o_e[bad]], l_geom[o_l[bad]])))
            parts = np.concatenate([parts[keep], add_p, rem_p])
            owner = np.concatenate([owner[keep], bad[add_o], bad[rem_o]])
            in_later = np.concatenate([in_later[keep], np.ones(len(add_p), bool), np.zeros(len(rem_p), bool)])
            order = np.argsort(owner, kind="stable")  # _regroup needs increasing owners
            parts, owner, in_later = parts[order], owner[order], in_later[order]
        added_all[o_l] = _regroup(parts[in_later], owner[in_later], len(o_e))
        removed_all[o_e] = _regroup(parts[~in_later], owner[~in_later], len(o_e))
        if tolerance > 0:
            # The parts of one side touch at points at most, so the erosion of a side is the union of
            # the (disjoint) erosions of its parts: erode each part once, regroup per side.
            check = np.flatnonzero(shapely.area(parts) >= np.pi * (tolerance / 2.0) ** 2)
            eroded = _erode(parts[check], tolerance, threads)
            pieces_, index = polygon_parts(eroded)  # an erosion that vanished has no part
            of_part = check[index]
            side_l = in_later[of_part]
            eroded_l[o_l] = _regroup(pieces_[side_l], owner[of_part[side_l]], len(o_e))
            eroded_e[o_e] = _regroup(pieces_[~side_l], owner[of_part[~side_l]], len(o_e))
    report(0.55)
    rest_l = np.setdiff1d(l_cont, o_l)
    rest_e = np.setdiff1d(e_cont, o_e)
    if rest_l.size:
        unions = grouped_union(e_geom[m_e], m_l, n_l)
        added_all[rest_l] = _polygonal(shapely.difference(l_geom[rest_l], unions[rest_l]))
    if rest_e.size:
        unions = grouped_union(l_geom[m_l], m_e, n_e)
        removed_all[rest_e] = _polygonal(shapely.difference(e_geom[rest_e], unions[rest_e]))
    added, removed = added_all[l_cont], removed_all[e_cont]
    report(0.7)
    if tolerance > 0:
        added, added_jitter = _split_jitter(added, tolerance, eroded_l[l_cont], threads)
        report(0.8)
        removed, removed_jitter = _split_jitter(removed, tolerance, eroded_e[e_cont], threads)
    else:
        added_jitter = np.full(len(added), _EMPTY, dtype=object)
        removed_jitter = np.full(len(removed), _EMPTY, dtype=object)
    report(0.9)

    l_new = np.flatnonzero((l_deg == 0) & l_counted)
    e_gone = np.flatnonzero((e_deg == 0) & e_counted)

    def block(geoms: np.ndarray, code: int, e_idx: np.ndarray | None, l_idx: np.ndarray | None,
              relation: np.ndarray) -> tuple[np.ndarray, ...]:
        k = len(geoms)
        e_idx = np.full(k, -1, dtype=np.int64) if e_idx is None else e_idx
        l_idx = np.full(k, -1, dtype=np.int64) if l_idx is None else l_idx
        return geoms, np.full(k, code, dtype=np.int64), e_idx, l_idx, relation

    blocks = [
        block(overlap[matched], UNCHANGED, m_e, m_l, 1 + pair_bits),
        block(l_geom[l_new], NEW, None, l_new, np.zeros(len(l_new), dtype=np.int64)),
        block(added, EXPANDED, None, l_cont, l_rel[l_cont]),
        block(added_jitter, JITTER_ADDED, None, l_cont, l_rel[l_cont]),
        block(e_geom[e_gone], DISAPPEARED, e_gone, None, np.zeros(len(e_gone), dtype=np.int64)),
        block(removed, REDUCED, e_cont, None, e_rel[e_cont]),
        block(removed_jitter, JITTER_REMOVED, e_cont, None, e_rel[e_cont]),
    ]
    geometry = np.concatenate([b[0] for b in blocks]).astype(object)
    change = np.concatenate([b[1] for b in blocks])
    p_e = np.concatenate([b[2] for b in blocks])
    p_l = np.concatenate([b[3] for b in blocks])
    relation = np.concatenate([b[4] for b in blocks])
    area = shapely.area(geometry)
    keep = area > 0  # every piece with area, noise included: the pieces partition each footprint exactly
    geometry, change, p_e, p_l, relation, area = (
        geometry[keep], change[keep], p_e[keep], p_l[keep], relation[keep], area[keep]
    )
    if e_mine is not None and l_mine is not None:  # by_id
        mine = np.where(p_e >= 0, e_mine[np.maximum(p_e, 0)], l_mine[np.maximum(p_l, 0)])
    else:
        mine = np.full(len(change), None, dtype=object)
    pieces = ChangePieces(geometry, change, p_e, p_l, mine.astype(object), relation, area)

    e_status = np.where(e_deg == 0, DISAPPEARED, UNCHANGED)
    l_status = np.where(l_deg == 0, NEW, UNCHANGED)
    # footprint counts: counted footprints only (not NULL, degenerate or duplicate ones)
    ec, lc = np.flatnonzero(e_counted), np.flatnonzero(l_counted)
    total = _summarise(
        pieces, np.zeros(len(pieces), dtype=np.int64), np.zeros(ec.size, dtype=np.int64),
        np.zeros(lc.size, dtype=np.int64), e_status[ec], l_status[lc], e_deg[ec], l_deg[lc],
        np.array(["total"], dtype=object),
    )
    by_mine = None
    if by_id:
        keys, inverse = np.unique(np.concatenate([e_mine, l_mine]).astype(str), return_inverse=True)
        inverse = inverse.ravel()
        e_group, l_group = inverse[:n_e], inverse[n_e:]
        piece_group = np.where(pieces.earlier_index >= 0, e_group[np.maximum(pieces.earlier_index, 0)],
                               l_group[np.maximum(pieces.later_index, 0)])
        by_mine = _summarise(pieces, piece_group, e_group[ec], l_group[lc], e_status[ec], l_status[lc], e_deg[ec],
                             l_deg[lc], keys.astype(object))
    report(1.0)
    return FootprintChangeResult(
        pieces=pieces,
        earlier_area=e_area,
        later_area=l_area,
        earlier_partners=e_deg,
        later_partners=l_deg,
        earlier_relation=e_rel,
        later_relation=l_rel,
        earlier_mine=e_mine,
        later_mine=l_mine,
        pair_earlier=pair_e,
        pair_later=pair_l,
        pair_area=overlap_area,
        pair_status=status,
        earlier_overlaps=e_over,
        later_overlaps=l_over,
        total=total,
        by_mine=by_mine,
        tolerance=tolerance,
        earlier_status=e_fp.status,
        later_status=l_fp.status,
        earlier_repaired=e_fp.repaired,
        later_repaired=l_fp.repaired,
    )


def summarize_by_zone(
    result: FootprintChangeResult,
    earlier: Sequence[object] | np.ndarray,
    later: Sequence[object] | np.ndarray,
    zones: Sequence[object] | np.ndarray,
    zone_keys: Sequence[object] | np.ndarray,
) -> ChangeSummary:
    """Summarise a change result per zone (e.g. county or planning unit).

    Parameters
    ----------
    result
        From :func:`footprint_change`.
    earlier, later
        The footprints passed to :func:`footprint_change` (for the counts).
    zones
        Zone polygons in the same CRS; they should not overlap (where they do,
        the shared area and footprints count in each).
    zone_keys
        One key per zone (the rows of the summary, in the given order).

    Returns
    -------
    ChangeSummary
        Areas are the parts of the change pieces inside each zone (pieces are
        cut by the zone boundaries), so each zone reconciles like the total.
        Footprint counts (``n_earlier``, ``n_new``, ...) go to the zone that
        contains the footprint's representative point
        (``shapely.point_on_surface``); area and footprints outside every zone
        are not in any row.
    """
    zone_geom = _check_zones(zones)
    keys = np.empty(len(zone_geom), dtype=object)
    keys[:] = list(zone_keys)
    if len(keys) != len(zone_geom):
        raise InvalidInputError("Got {n_keys} zone keys for {n_zones} zones", n_keys=len(keys), n_zones=len(zone_geom))
    pieces = result.pieces
    tree = STRtree(zone_geom)
    piece_of, zone_of = tree.query(pieces.geometry, predicate="intersects")
    inside = shapely.within(pieces.geometry[piece_of], zone_geom[zone_of])
    part_area = pieces.area[piece_of].copy()
    cut = ~inside
    part_area[cut] = shapely.area(shapely.intersection(pieces.geometry[piece_of[cut]], zone_geom[zone_of[cut]]))
    zoned = ChangePieces(
        geometry=pieces.geometry[piece_of],
        change=pieces.change[piece_of],
        earlier_index=pieces.earlier_index[piece_of],
        later_index=pieces.later_index[piece_of],
        mine_id=pieces.mine_id[piece_of],
        relation=pieces.relation[piece_of],
        area=part_area,
    )

    def footprint_zones(geoms: Sequence[object] | np.ndarray, counted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        own = clean_polygons(geoms).geometries
        idx = np.flatnonzero(counted)
        points = shapely.point_on_surface(own[idx])
        found, zone = tree.query(points, predicate="within")
        return idx[found], zone

    e_idx, e_zone = footprint_zones(earlier, result.earlier_counted)
    l_idx, l_zone = footprint_zones(later, result.later_counted)
    e_status = np.where(result.earlier_partners[e_idx] == 0, DISAPPEARED, UNCHANGED)
    l_status = np.where(result.later_partners[l_idx] == 0, NEW, UNCHANGED)
    return _summarise(zoned, zone_of, e_zone, l_zone, e_status, l_status,
                      result.earlier_partners[e_idx], result.later_partners[l_idx], keys)


def _summarise(
    pieces: ChangePieces,
    piece_group: np.ndarray,
    e_group: np.ndarray,
    l_group: np.ndarray,
    e_status: np.ndarray,
    l_status: np.ndarray,
    e_deg: np.ndarray,
    l_deg: np.ndarray,
    keys: np.ndarray,
) -> ChangeSummary:
    k = len(keys)

    def area_of(code: int) -> np.ndarray:
        sel = pieces.change == code
        return np.bincount(piece_group[sel], weights=pieces.area[sel], minlength=k)[:k]

    def count(groups: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        groups = groups if mask is None else groups[mask]
        return np.bincount(groups, minlength=k)[:k].astype(np.int64)

    unchanged = area_of(UNCHANGED)
    reduced, disappeared, jitter_removed = area_of(REDUCED), area_of(DISAPPEARED), area_of(JITTER_REMOVED)
    new, expanded, jitter_added = area_of(NEW), area_of(EXPANDED), area_of(JITTER_ADDED)
    return ChangeSummary(
        key=keys,
        earlier=unchanged + reduced + disappeared + jitter_removed,
        later=unchanged + new + expanded + jitter_added,
        unchanged=unchanged,
        new=new,
        expanded=expanded,
        reduced=reduced,
        disappeared=disappeared,
        jitter_added=jitter_added,
        jitter_removed=jitter_removed,
        n_earlier=count(e_group),
        n_later=count(l_group),
        n_new=count(l_group, l_status == NEW),
        n_disappeared=count(e_group, e_status == DISAPPEARED),
        n_split=count(e_group, e_deg >= 2),
        n_merge=count(l_group, l_deg >= 2),
    )


class _Stages:
    """Forward progress fractions to a callback; raise CancelledError when it returns False."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress

    def __call__(self, fraction: float) -> None:
        if self._progress is not None and self._progress(fraction) is False:
            raise CancelledError()


def _prepare_epoch(geoms: Sequence[object] | np.ndarray, epoch: str, tie_break: np.ndarray | None, threads: int,
                   progress: Callable[[float], object]) -> Footprints:
    """One epoch cleaned and made disjoint; points and lines are refused naming the first one."""
    fps = prepare_footprints(geoms, tie_break=tie_break, threads=threads, progress=progress)
    _refuse_wrong_type(fps.status, geoms, epoch)
    return fps


def _check_zones(geoms: Sequence[object] | np.ndarray) -> np.ndarray:
    """Zone polygons cleaned (repaired, polygonal parts; NULL ones empty); points and lines refused."""
    clean = clean_polygons(geoms)
    _refuse_wrong_type(clean.status, geoms, "zone")
    return clean.geometries


def _refuse_wrong_type(status: np.ndarray, geoms: Sequence[object] | np.ndarray, what: str) -> None:
    """InvalidInputError naming the first point or line among ``geoms`` (``what``: the epoch or "zone")."""
    wrong = np.flatnonzero(status == WRONG_TYPE)
    if wrong.size:
        raise InvalidInputError(
            "{count} {epoch} geometries are not polygons (first: position {index}, {kind})",
            count=wrong.size,
            epoch=what,
            index=int(wrong[0]),
            kind=geometry_array(geoms)[wrong[0]].geom_type,
        )


def _side_of_parts(parts: np.ndarray, later: np.ndarray) -> np.ndarray:
    """True where a part of ``earlier △ later`` lies in ``later - earlier`` (its interior point is inside
    ``later``), False where in ``earlier - later``. A sliver whose interior point falls on the boundary
    counts as earlier; the caller checks the sides against the known areas."""
    px, py = representative_xy(parts)
    return shapely.contains_xy(later, px, py)


def _polygonal(geoms: np.ndarray) -> np.ndarray:
    """Only the polygonal parts of overlay results (touching lines and points dropped), areas exact."""
    return polygonal(geoms, keep_degenerate=True)


def _regroup(parts: np.ndarray, owner: np.ndarray, n: int) -> np.ndarray:
    """One MultiPolygon per owner (``0..n-1``) from polygon parts; empty where an owner has none."""
    out = np.full(n, None, dtype=object)
    if len(parts):
        shapely.multipolygons(parts, indices=owner, out=out)
    out[shapely.is_missing(out)] = _EMPTY
    return out


def _erode(geoms: np.ndarray, tolerance: float, threads: int = 1) -> np.ndarray:
    def erode(g: np.ndarray) -> np.ndarray:
        return shapely.buffer(g, -tolerance / 2.0, join_style="mitre")

    return chunked(erode, geoms, threads=threads)


def _wide_somewhere(geoms: np.ndarray, tolerance: float, threads: int = 1) -> np.ndarray:
    """True where a geometry is at least ``tolerance`` wide somewhere (negative buffer non-empty).

    Geometries smaller than a disk of diameter ``tolerance`` cannot be that wide and are not eroded
    (the mitre erosion removes at least what the disk erosion removes).
    """
    wide = np.zeros(len(geoms), dtype=bool)
    check = np.flatnonzero(shapely.area(geoms) >= np.pi * (tolerance / 2.0) ** 2)
    if check.size:
        wide[check] = ~shapely.is_empty(_erode(geoms[check], tolerance, threads))
    return wide


def _split_jitter(
    geoms: np.ndarray, tolerance: float, eroded: np.ndarray | None = None, threads: int = 1
) -> tuple[np.ndarray, np.ndarray]:
    """Split areas into (real change, jitter) by the morphological opening of width ``tolerance``.

    ``eroded`` may give the erosion ``buffer(g, -tolerance/2)`` of some geometries (``None``
    where it still has to be computed); an empty erosion means the geometry is all jitter.
    """
    real = np.full(len(geoms), _EMPTY, dtype=object)
    jitter = geoms.copy()
    if len(geoms) == 0:
        return real, jitter
    known = ~shapely.is_missing(eroded) if eroded is not None else np.zeros(len(geoms), dtype=bool)
    ero = eroded.copy() if eroded is not None else np.full(len(geoms), None, dtype=object)
    check = np.flatnonzero(~known)
    check = check[shapely.area(geoms[check]) >= np.pi * (tolerance / 2.0) ** 2]  # smaller: narrow
    ero[check] = _erode(geoms[check], tolerance, threads)
    wide = np.flatnonzero(~shapely.is_missing(ero) & ~shapely.is_empty(ero))
    if wide.size:

        def split(g: np.ndarray, e: np.ndarray) -> np.ndarray:
            opened = shapely.buffer(e, tolerance / 2.0, join_style="mitre")
            return np.stack([shapely.intersection(g, opened), shapely.difference(g, opened)], axis=1)

        # few but large geometries: small chunks keep both threads busy
        both = chunked(split, geoms[wide], ero[wide], threads=threads, min_size=64)
        real[wide] = _polygonal(both[:, 0])
        jitter[wide] = _polygonal(both[:, 1])
    return real, jitter
