"""Footprint change between epochs: hand-built epochs with known areas, reconciliation, jitter rule."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely import box
from shapely.affinity import rotate

from minemonitor_plugin.core.change import (
    DISAPPEARED,
    EXPANDED,
    JITTER_ADDED,
    JITTER_REMOVED,
    NEW,
    PAIR_MATCHED,
    PAIR_OTHER_MINE,
    PAIR_SLIVER,
    REDUCED,
    UNCHANGED,
    footprint_change,
    summarize_by_zone,
)
from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from minemonitor_plugin.core.geometry import COUNTED, COVERED, EMPTY

# areas below are exact products of rectangle sides; overlay arithmetic is exact to ~1e-9 m²
ATOL = 1e-6


def _epochs() -> tuple[list, list]:
    """Hand-built epochs (metres). Expected areas with TOLERANCE 5 m are derived in ``test_classes_and_areas``."""
    earlier = [
        box(0, 0, 100, 50),  # E0 splits into L0 + L1, gap 40..60 is reduced
        box(200, 0, 240, 50),  # E1 \ merge into L2, gap 240..260 is expanded
        box(260, 0, 300, 50),  # E2 /
        box(500, 0, 550, 50),  # E3 disappears
        box(700, 0, 800, 100),  # E4 shifted 1 m in x: jitter only
        box(0, 200, 100, 300),  # E5 grows 60 m east, bottom edge jitters 1.5 m south
        box(400, 200, 450, 250),  # E6 continues as L7 (0.5 m narrower); L6 overlaps it by a 0.5 m sliver
    ]
    later = [
        box(0, 0, 40, 50),  # L0
        box(60, 0, 100, 50),  # L1
        box(200, 0, 300, 50),  # L2
        box(1000, 0, 1050, 50),  # L3 new
        box(701, 0, 801, 100),  # L4
        box(0, 198.5, 160, 300),  # L5
        box(449.5, 200, 500, 250),  # L6 new neighbour with a sliver overlap
        box(400, 200, 449.5, 250),  # L7
    ]
    return earlier, later


def _area_of(result, code: int, *, earlier: int | None = None, later: int | None = None) -> float:
    p = result.pieces
    sel = p.change == code
    if earlier is not None:
        sel &= p.earlier_index == earlier
    if later is not None:
        sel &= p.later_index == later
    return float(p.area[sel].sum())


def test_classes_and_areas_with_tolerance():
    earlier, later = _epochs()
    r = footprint_change(earlier, later, tolerance=5.0)
    t = r.total
    # split of E0: two unchanged halves 40x50, reduced gap 20x50
    assert _area_of(r, UNCHANGED, earlier=0, later=0) == pytest.approx(2000, abs=ATOL)
    assert _area_of(r, UNCHANGED, earlier=0, later=1) == pytest.approx(2000, abs=ATOL)
    assert _area_of(r, REDUCED, earlier=0) == pytest.approx(1000, abs=ATOL)
    # merge of E1 + E2 into L2: gap 20x50 expanded
    assert _area_of(r, EXPANDED, later=2) == pytest.approx(1000, abs=ATOL)
    # E3 disappeared, L3 new
    assert _area_of(r, DISAPPEARED, earlier=3) == pytest.approx(2500, abs=ATOL)
    assert _area_of(r, NEW, later=3) == pytest.approx(2500, abs=ATOL)
    # E4 -> L4 shifted 1 m: 1x100 strips on both sides are jitter, 99x100 unchanged
    assert _area_of(r, UNCHANGED, earlier=4, later=4) == pytest.approx(9900, abs=ATOL)
    assert _area_of(r, JITTER_ADDED, later=4) == pytest.approx(100, abs=ATOL)
    assert _area_of(r, JITTER_REMOVED, earlier=4) == pytest.approx(100, abs=ATOL)
    assert _area_of(r, EXPANDED, later=4) == 0
    # E5 -> L5: added area is an L (60x101.5 block + 100x1.5 strip); opening keeps the block exactly
    assert _area_of(r, EXPANDED, later=5) == pytest.approx(60 * 101.5, abs=ATOL)
    assert _area_of(r, JITTER_ADDED, later=5) == pytest.approx(150, abs=ATOL)
    # L6 overlaps E6 by a 0.5 m sliver: not a match, so L6 is new as a whole
    assert _area_of(r, NEW, later=6) == pytest.approx(50.5 * 50, abs=ATOL)
    assert _area_of(r, UNCHANGED, earlier=6, later=7) == pytest.approx(49.5 * 50, abs=ATOL)
    assert _area_of(r, JITTER_REMOVED, earlier=6) == pytest.approx(0.5 * 50, abs=ATOL)
    sliver = (r.pair_earlier == 6) & (r.pair_later == 6)
    assert r.pair_status[sliver].tolist() == [PAIR_SLIVER]

    # totals by hand: earlier 34000, later 160*101.5 + 26500 = 42740
    assert t.earlier[0] == pytest.approx(34000, abs=ATOL)
    assert t.later[0] == pytest.approx(42740, abs=ATOL)
    assert t.unchanged[0] == pytest.approx(4000 + 4000 + 9900 + 10000 + 2475, abs=ATOL)
    assert t.new[0] == pytest.approx(2500 + 2525, abs=ATOL)
    assert t.expanded[0] == pytest.approx(1000 + 6090, abs=ATOL)
    assert t.reduced[0] == pytest.approx(1000, abs=ATOL)
    assert t.disappeared[0] == pytest.approx(2500, abs=ATOL)
    assert t.jitter_added[0] == pytest.approx(250, abs=ATOL)
    assert t.jitter_removed[0] == pytest.approx(125, abs=ATOL)
    assert (t.n_earlier[0], t.n_later[0], t.n_new[0], t.n_disappeared[0]) == (7, 8, 2, 1)
    assert (t.n_split[0], t.n_merge[0]) == (1, 1)
    # reconciliation: earlier + added - removed + jitter_added - jitter_removed = later
    assert t.earlier[0] + t.added[0] - t.removed[0] + t.jitter_added[0] - t.jitter_removed[0] == pytest.approx(
        t.later[0], abs=ATOL
    )
    np.testing.assert_allclose(t.earlier[0], r.earlier_area.sum(), atol=ATOL)
    np.testing.assert_allclose(t.later[0], r.later_area.sum(), atol=ATOL)


def test_lineage_codes():
    earlier, later = _epochs()
    r = footprint_change(earlier, later, tolerance=5.0)
    assert r.earlier_partners.tolist() == [2, 1, 1, 0, 1, 1, 1]
    assert r.later_partners.tolist() == [1, 1, 2, 0, 1, 1, 0, 1]
    # 0 none, 1 one-to-one, 2 split, 3 merge
    assert r.earlier_relation.tolist() == [2, 3, 3, 0, 1, 1, 1]
    assert r.later_relation.tolist() == [2, 2, 3, 0, 1, 1, 0, 1]
    p = r.pieces
    assert set(p.relation[p.earlier_index == 0].tolist()) == {2}
    assert set(p.relation[p.later_index == 2].tolist()) == {3}


def test_zero_tolerance_reports_every_difference_exactly():
    earlier, later = _epochs()
    r = footprint_change(earlier, later, tolerance=0.0)
    t = r.total
    assert t.jitter_added[0] == 0 and t.jitter_removed[0] == 0
    # the 1 m shift of E4 is now real change, L5's strip is expanded, and the sliver makes L6 an expansion of E6
    assert _area_of(r, EXPANDED, later=4) == pytest.approx(100, abs=ATOL)
    assert _area_of(r, REDUCED, earlier=4) == pytest.approx(100, abs=ATOL)
    assert _area_of(r, EXPANDED, later=5) == pytest.approx(6240, abs=ATOL)
    assert _area_of(r, EXPANDED, later=6) == pytest.approx(2500, abs=ATOL)
    assert _area_of(r, UNCHANGED, earlier=6, later=6) == pytest.approx(25, abs=ATOL)
    assert r.earlier_relation[6] == 2  # E6 now splits into L6 + L7
    assert t.n_new[0] == 1
    assert t.earlier[0] + t.added[0] - t.removed[0] == pytest.approx(t.later[0], abs=ATOL)


def test_rotated_expansion_survives_the_opening_exactly():
    square = rotate(box(0, 0, 100, 100), 30, origin=(0, 0))
    wing = rotate(box(100, 0, 150, 20), 30, origin=(0, 0))
    r = footprint_change([square], [shapely.union(square, wing)], tolerance=5.0)
    assert r.total.expanded[0] == pytest.approx(1000, abs=1e-6)
    assert r.total.jitter_added[0] == pytest.approx(0, abs=1e-6)


def test_narrow_but_long_growth_is_jitter_below_and_change_above_tolerance():
    base = box(0, 0, 100, 100)
    grown = box(0, 0, 104, 100)  # 4 m wide strip along a 100 m edge
    assert footprint_change([base], [grown], tolerance=5.0).total.jitter_added[0] == pytest.approx(400, abs=ATOL)
    assert footprint_change([base], [grown], tolerance=3.0).total.expanded[0] == pytest.approx(400, abs=ATOL)


def test_footprint_narrower_than_tolerance_still_matches_its_successor():
    road = box(0, 0, 100, 3)  # a 3 m wide road, shifted 0.5 m: the overlap is narrow but most of it
    r = footprint_change([road], [box(0.5, 0, 100.5, 3)], tolerance=5.0)
    assert r.total.n_new[0] == 0 and r.total.n_disappeared[0] == 0
    assert r.total.unchanged[0] == pytest.approx(99.5 * 3, abs=ATOL)
    assert r.total.jitter_added[0] == pytest.approx(1.5, abs=ATOL)
    # a narrow overlap that is a small part of both footprints is still a sliver
    r = footprint_change([box(0, 0, 100, 3)], [box(99, 0, 200, 3)], tolerance=5.0)
    assert r.pair_status.tolist() == [PAIR_SLIVER]
    assert r.total.n_new[0] == 1 and r.total.n_disappeared[0] == 1


def test_match_by_mine_id_and_per_mine_reconciliation():
    earlier, later = _epochs()
    e_ids = ["A", "B", "B", "C", "D", 5, "F"]
    l_ids = [" A", "A", "B", "G", "D", "5", "F", "F"]  # 5 vs "5" and " A" vs "A" are one mine
    r = footprint_change(earlier, later, earlier_ids=e_ids, later_ids=l_ids, tolerance=5.0)
    plain = footprint_change(earlier, later, tolerance=5.0)
    np.testing.assert_allclose(r.total.columns()["added_m2"], plain.total.columns()["added_m2"], atol=ATOL)
    m = r.by_mine
    assert m.key.tolist() == ["5", "A", "B", "C", "D", "F", "G"]
    row = {k: i for i, k in enumerate(m.key)}
    assert m.reduced[row["A"]] == pytest.approx(1000, abs=ATOL)
    assert m.n_split[row["A"]] == 1
    assert m.n_merge[row["B"]] == 1
    assert m.n_disappeared[row["C"]] == 1 and m.disappeared[row["C"]] == pytest.approx(2500, abs=ATOL)
    assert m.n_new[row["G"]] == 1 and m.new[row["G"]] == pytest.approx(2500, abs=ATOL)
    assert m.expanded[row["5"]] == pytest.approx(6090, abs=ATOL)
    np.testing.assert_allclose(m.reconciliation_error, 0, atol=ATOL)
    np.testing.assert_allclose(m.earlier.sum(), r.total.earlier[0], atol=ATOL)
    np.testing.assert_allclose(m.later.sum(), r.total.later[0], atol=ATOL)


def test_land_passing_to_another_mine_is_removed_from_one_and_added_to_the_other():
    earlier = [box(0, 0, 100, 100)]
    later = [box(0, 0, 60, 100), box(60, 0, 100, 100)]
    r = footprint_change(earlier, later, earlier_ids=["A"], later_ids=["A", "B"], tolerance=5.0)
    row = {k: i for i, k in enumerate(r.by_mine.key)}
    assert r.by_mine.unchanged[row["A"]] == pytest.approx(6000, abs=ATOL)
    assert r.by_mine.reduced[row["A"]] == pytest.approx(4000, abs=ATOL)
    assert r.by_mine.new[row["B"]] == pytest.approx(4000, abs=ATOL)
    assert sorted(r.pair_status.tolist()) == [PAIR_MATCHED, PAIR_OTHER_MINE]
    np.testing.assert_allclose(r.by_mine.reconciliation_error, 0, atol=ATOL)


def test_summary_per_zone_cuts_pieces_at_zone_boundaries():
    earlier, later = _epochs()
    r = footprint_change(earlier, later, tolerance=5.0)
    zones = [box(-10, -10, 245, 400), box(245, -10, 2000, 400)]
    z = summarize_by_zone(r, earlier, later, zones, ["west", "east"])
    assert z.key.tolist() == ["west", "east"]
    # west: E0 + E1 + E5 | L0 + L1 + L2[200..245] + L5;  east: E2 + E3 + E4 + E6 | L2[245..300] + L3 + L4 + L6 + L7
    np.testing.assert_allclose(z.earlier, [5000 + 2000 + 10000, 2000 + 2500 + 10000 + 2500], atol=ATOL)
    np.testing.assert_allclose(z.later, [2000 + 2000 + 2250 + 16240, 2750 + 2500 + 10000 + 2525 + 2475], atol=ATOL)
    np.testing.assert_allclose(z.later.sum(), r.total.later[0], atol=ATOL)
    np.testing.assert_allclose(z.expanded, [6090 + 250, 750], atol=ATOL)
    np.testing.assert_allclose(z.reconciliation_error, 0, atol=ATOL)
    # footprints counted by representative point: L2's is (250, 25), in the east
    assert z.n_later.tolist() == [3, 5]
    assert z.n_merge.tolist() == [0, 1]
    assert z.n_new.tolist() == [0, 2]
    assert z.n_disappeared.tolist() == [0, 1]


@pytest.mark.parametrize("order", [[0, 1], [1, 0]])
def test_within_epoch_overlaps_are_cut_and_reported(order):
    # overlap 50x100: the smaller footprint keeps it, whatever the order of the features
    footprints = [box(0, 0, 120, 100), box(50, 0, 150, 100)]
    earlier = [footprints[i] for i in order]
    later = [box(0, 0, 150, 100)]
    r = footprint_change(earlier, later, tolerance=0.0)
    small, large = order.index(1), order.index(0)
    assert r.earlier_overlaps.first.tolist() == [small]
    assert r.earlier_overlaps.second.tolist() == [large]
    assert r.earlier_overlaps.total_area == pytest.approx(7000, abs=ATOL)
    assert r.earlier_area[small] == pytest.approx(10000, abs=ATOL)
    assert r.earlier_area[large] == pytest.approx(5000, abs=ATOL)
    assert r.total.earlier[0] == pytest.approx(15000, abs=ATOL)
    assert r.total.unchanged[0] == pytest.approx(15000, abs=ATOL)
    assert r.total.added[0] == pytest.approx(0, abs=ATOL)


def test_issue_reproduction_one_footprint_unchanged_while_others_change():
    # issue #12: raised "operands could not be broadcast together" (an unchanged pair's empty difference)
    earlier = [box(0, 0, 100, 100), box(1000, 0, 1100, 100), box(2000, 0, 2100, 100)]
    later = [box(0, 0, 100, 100), box(1000, 0, 1160, 100), box(2000, 0, 2160, 100)]
    r = footprint_change(earlier, later, tolerance=5)
    assert r.total.unchanged[0] == pytest.approx(30000, abs=ATOL)
    assert r.total.expanded[0] == pytest.approx(2 * 6000, abs=ATOL)
    assert _area_of(r, EXPANDED, later=0) == 0 and _area_of(r, EXPANDED, later=2) == pytest.approx(6000, abs=ATOL)
    assert (r.total.n_new[0], r.total.n_disappeared[0]) == (0, 0)


@pytest.mark.parametrize("later_order", [[0, 1], [1, 0]])
def test_identical_epochs_with_a_pond_inside_a_stope_report_no_change(later_order):
    # issue #12: [A, B] vs [A, B] with B inside A gave 1 new and 1 disappeared
    stope, pond = box(0, 0, 300, 300), box(100, 100, 150, 150)
    later = [[stope, pond][i] for i in later_order]
    r = footprint_change([stope, pond], later)
    t = r.total
    assert (t.n_earlier[0], t.n_later[0], t.n_new[0], t.n_disappeared[0], t.n_split[0], t.n_merge[0]) == (
        2, 2, 0, 0, 0, 0)
    assert t.unchanged[0] == pytest.approx(90000, abs=ATOL)
    assert t.added[0] == t.removed[0] == 0
    # the pond keeps its own land, the stope the rest; one-to-one both
    assert r.earlier_area.tolist() == pytest.approx([90000 - 2500, 2500])
    assert r.earlier_relation.tolist() == [1, 1] and r.later_relation.tolist() == [1, 1]


def test_duplicates_in_one_epoch_are_one_footprint():
    a, b = box(0, 0, 100, 100), box(500, 0, 600, 100)
    shifted = shapely.Polygon([(100, 100), (0, 100), (0, 0), (100, 0)])  # a re-digitised copy of a
    r = footprint_change([a, b], [a, shifted, b, b])
    assert r.later_status.tolist().count(COVERED) == 2
    t = r.total
    assert (t.n_earlier[0], t.n_later[0], t.n_new[0], t.n_disappeared[0]) == (2, 2, 0, 0)
    assert t.unchanged[0] == pytest.approx(20000, abs=ATOL) and t.later[0] == pytest.approx(20000, abs=ATOL)


@pytest.mark.parametrize("tolerance", [0.0, 5.0])
def test_random_epochs_match_an_independent_union_computation(tolerance):
    rng = np.random.default_rng(7)
    centres = rng.uniform(0, 3000, size=(60, 2))
    radius = rng.uniform(20, 120, size=60)
    earlier = shapely.buffer(shapely.points(centres), radius, quad_segs=8)
    moved = centres + rng.normal(0, 15, size=centres.shape)
    later = shapely.buffer(shapely.points(moved), radius * rng.uniform(0.8, 1.3, size=60), quad_segs=8)
    keep = rng.random(60) > 0.1  # some disappear
    extra = shapely.buffer(shapely.points(rng.uniform(0, 3000, size=(6, 2))), 50, quad_segs=8)
    later = np.concatenate([later[keep], extra])
    r = footprint_change(earlier, later, tolerance=tolerance)
    t = r.total
    u_e, u_l = shapely.union_all(earlier), shapely.union_all(later)
    np.testing.assert_allclose(t.earlier[0], u_e.area, rtol=1e-9)
    np.testing.assert_allclose(t.later[0], u_l.area, rtol=1e-9)
    np.testing.assert_allclose(t.reconciliation_error[0], 0, atol=1e-6)
    if tolerance == 0:
        # with exact matching the classes are the plain set differences of the epoch unions
        np.testing.assert_allclose(t.unchanged[0], shapely.intersection(u_e, u_l).area, rtol=1e-9)
        np.testing.assert_allclose(t.added[0], shapely.difference(u_l, u_e).area, rtol=1e-9)
        np.testing.assert_allclose(t.removed[0], shapely.difference(u_e, u_l).area, rtol=1e-9)
    else:
        # the thin tails of the crescents between moved circles are jitter; sliver overlaps are not unchanged
        assert t.jitter_added[0] > 0 and t.jitter_removed[0] > 0
        assert t.unchanged[0] <= shapely.intersection(u_e, u_l).area * (1 + 1e-9)
        np.testing.assert_allclose(t.added[0] + t.jitter_added[0], t.later[0] - t.unchanged[0], rtol=1e-9)
        np.testing.assert_allclose(t.removed[0] + t.jitter_removed[0], t.earlier[0] - t.unchanged[0], rtol=1e-9)
    # pieces never overlap within one side of the ledger (no ids): earlier-side pieces tile the earlier union
    side = np.isin(r.pieces.change, [UNCHANGED, REDUCED, DISAPPEARED, JITTER_REMOVED])
    np.testing.assert_allclose(shapely.union_all(r.pieces.geometry[side]).area, u_e.area, rtol=1e-9)


def test_invalid_footprints_are_repaired_and_null_ones_skipped():
    bow_tie = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])  # two triangles of 25 m² after repair
    r = footprint_change([box(20, 0, 30, 10), bow_tie], [box(20, 0, 30, 10), None, shapely.Polygon()])
    assert r.earlier_repaired.tolist() == [False, True]
    assert r.later_status.tolist() == [COUNTED, EMPTY, EMPTY]
    assert r.total.earlier[0] == pytest.approx(150, abs=ATOL)
    assert r.total.disappeared[0] == pytest.approx(50, abs=ATOL)
    assert (r.total.n_earlier[0], r.total.n_later[0], r.total.n_disappeared[0], r.total.n_new[0]) == (2, 1, 1, 0)


def test_invalid_inputs_are_named():
    with pytest.raises(InvalidInputError, match="not polygons"):
        footprint_change([shapely.Point(0, 0)], [box(0, 0, 1, 1)])
    with pytest.raises(InvalidInputError, match="non-negative"):
        footprint_change([box(0, 0, 1, 1)], [box(0, 0, 1, 1)], tolerance=-1)
    with pytest.raises(InvalidInputError, match="both epochs"):
        footprint_change([box(0, 0, 1, 1)], [box(0, 0, 1, 1)], earlier_ids=["a"])


def test_progress_reports_and_cancels():
    earlier, later = _epochs()
    seen: list[float] = []
    footprint_change(earlier, later, progress=lambda f: seen.append(f) or True)
    assert seen == sorted(seen) and seen[-1] == 1.0
    with pytest.raises(CancelledError):
        footprint_change(earlier, later, progress=lambda f: f < 0.5)


def test_threaded_overlays_give_the_same_result():
    rng = np.random.default_rng(11)
    centres = rng.uniform(0, 60000, size=(2500, 2))
    earlier = shapely.buffer(shapely.points(centres), rng.uniform(20, 80, 2500), quad_segs=4)
    later = shapely.buffer(shapely.points(centres + rng.normal(0, 0.5, centres.shape)), rng.uniform(20, 80, 2500),
                           quad_segs=4)
    one = footprint_change(earlier, later, tolerance=5.0, threads=1)
    two = footprint_change(earlier, later, tolerance=5.0, threads=2)
    np.testing.assert_array_equal(one.pieces.change, two.pieces.change)
    np.testing.assert_array_equal(one.pieces.area, two.pieces.area)
    assert shapely.equals_exact(one.pieces.geometry, two.pieces.geometry, 0).all()


def test_identical_footprints_carried_over_are_unchanged():
    earlier = [box(0, 0, 10, 10), box(20, 0, 30, 10)]
    later = [box(0, 0, 10, 10), box(20, 0, 35, 10)]  # the first copied as is, the second grown 5 m
    r = footprint_change(earlier, later, tolerance=2.0)
    assert _area_of(r, UNCHANGED, earlier=0, later=0) == pytest.approx(100, abs=ATOL)
    assert _area_of(r, EXPANDED, later=1) == pytest.approx(50, abs=ATOL)
    assert r.total.jitter_added[0] == 0 and r.total.new[0] == 0


def test_sides_sharing_an_edge_are_not_merged_into_one_piece():
    # make test-props found it: E - L and L - E share the edge y = 25 (x 10..40), so GEOS returns the symmetric
    # difference as one polygon straddling both sides, which was all given to the later footprint as added area
    earlier = [shapely.difference(box(0, 0, 100, 100), box(0, 25, 40, 75))]  # 8,000 m², a notch on the left
    later = [box(10, 25, 90, 75)]  # 4,000 m²: 1,500 in the notch, 2,500 on the earlier footprint
    r = footprint_change(earlier, later, tolerance=0.0)
    assert _area_of(r, UNCHANGED, earlier=0, later=0) == pytest.approx(2500, abs=ATOL)
    assert _area_of(r, EXPANDED, later=0) == pytest.approx(1500, abs=ATOL)
    assert _area_of(r, REDUCED, earlier=0) == pytest.approx(5500, abs=ATOL)
    assert r.total.earlier[0] == pytest.approx(8000, abs=ATOL) and r.total.later[0] == pytest.approx(4000, abs=ATOL)
