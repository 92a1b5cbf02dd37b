"""Property-based tests of every core kernel that takes geometry (issue #12, part 4).

Random legal layers (``tests.support.geometry_strategies``: duplicates, re-digitised and nested
copies, holes, slivers, grid-aligned vertices, multiparts, collections, zero-area polygons, bow-ties
and empties) go through fishnet density, overlap tabulation, footprint change, zonal coverage and
the footprint statistics inputs. Invariants:

- nothing but the core's own InvalidInputError is raised, and that only when the reference says
  there is nothing to compute;
- areas reconcile with the union of the footprints (overlaps counted once);
- counts and per-cell / per-class / per-footprint values agree with a slow reference that uses plain
  shapely one geometry (or pair) at a time (``tests.support.geometry_reference``);
- the order of the features does not matter.

`make test` runs a fixed, deterministic budget (hypothesis profile "ci"); `make test-props` runs
many more random examples (profile "long").
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
import shapely.affinity
from hypothesis import given
from hypothesis import strategies as st

from minemonitor_plugin.core.change import footprint_change
from minemonitor_plugin.core.errors import InvalidInputError
from minemonitor_plugin.core.footprints import attribute_codes, footprint_statistics, measure_footprints
from minemonitor_plugin.core.geometry import COUNTED, clean_polygons, has_area
from minemonitor_plugin.core.grid import fishnet_density
from minemonitor_plugin.core.tabulate import OUTSIDE, dissolve_overlaps, overlap_tabulation
from minemonitor_plugin.core.zonal import PixelGrid, PolygonCoverage
from tests.support import geometry_strategies as gs
from tests.support.geometry_reference import area_of, reference_layer

pytestmark = pytest.mark.props

RTOL = 1e-9  # the same area through another sequence of exact-geometry operations
ATOL_M2 = 1e-3  # overlay rounding at 4,000 km from the origin, summed over a few pieces
ATOL_KM2 = ATOL_M2 / 1e6


def _union(geoms) -> shapely.Geometry:
    return shapely.union_all([g for g in geoms if g is not None]) if len(geoms) else shapely.Polygon()


def _clean_study(study):
    return clean_polygons([study]).geometries[0]


# --------------------------------------------------------------------------- fishnet
@given(gs.footprint_layers(), st.none() | gs.study_areas(), st.data())
def test_fishnet_reconciles_agrees_with_cell_by_cell_reference_and_ignores_order(layer, study, data):
    ref = reference_layer(layer)
    area = None if study is None else _clean_study(study)
    union = ref.union
    inside = union if area is None else shapely.intersection(union, area)
    counted = np.flatnonzero(ref.counted)
    reachable = [i for i in counted if area is None or has_area([shapely.intersection(ref.own[i], area)])[0]]
    if not reachable:
        with pytest.raises(InvalidInputError):
            fishnet_density(layer, cell_size=gs.CELL, study_area=study)
    else:
        r = fishnet_density(layer, cell_size=gs.CELL, study_area=study)
        # areas reconcile: cells sum to the dissolved footprint area inside the study area, and to the study area
        np.testing.assert_allclose(r.mining_km2.sum(), inside.area / 1e6, rtol=RTOL, atol=ATOL_KM2)
        if area is not None:
            np.testing.assert_allclose(r.cell_km2.sum(), area.area / 1e6, rtol=RTOL, atol=ATOL_KM2)
        assert r.n_counted == counted.size
        # cell by cell, one plain intersection per (footprint, cell)
        cells = shapely.box(r.origin_x + r.col * gs.CELL, r.origin_y - (r.row + 1) * gs.CELL,
                            r.origin_x + (r.col + 1) * gs.CELL, r.origin_y - r.row * gs.CELL)
        for k, cell in enumerate(cells):
            window = cell if area is None else shapely.intersection(cell, area)
            expected = shapely.intersection(union, window).area / 1e6
            np.testing.assert_allclose(r.mining_km2[k], expected, rtol=RTOL, atol=ATOL_KM2)
            n = sum(bool(has_area([shapely.intersection(ref.own[i], window)])[0]) for i in counted)
            assert r.n_polygons[k] == n, k
        # the order of the features does not matter
        shuffled, _ = gs.shuffled(data.draw, list(layer))
        s = fishnet_density(shuffled, cell_size=gs.CELL, study_area=study)
        np.testing.assert_array_equal(s.n_polygons, r.n_polygons)
        np.testing.assert_allclose(s.mining_km2, r.mining_km2, rtol=RTOL, atol=ATOL_KM2)


@given(gs.footprint_layers(invalid=False, empty=False), gs.study_areas(), st.data())
def test_fishnet_weights_carry_every_footprint_and_ignore_order(layer, study, data):
    clean = clean_polygons(layer)
    area = _clean_study(study)
    weights = data.draw(st.lists(st.floats(0, 1000), min_size=len(layer), max_size=len(layer)))
    usable = np.flatnonzero(clean.status == COUNTED)
    share = {i: shapely.intersection(clean.geometries[i], area).area / clean.geometries[i].area for i in usable}
    expected = sum(weights[i] * share[i] for i in usable)
    if not any(has_area([shapely.intersection(clean.geometries[i], area)])[0] for i in usable):
        with pytest.raises(InvalidInputError):
            fishnet_density(layer, cell_size=gs.CELL, study_area=study, weights=weights)
    else:
        r = fishnet_density(layer, cell_size=gs.CELL, study_area=study, weights=weights)
        np.testing.assert_allclose(r.mining_km2.sum(), expected, rtol=1e-7, atol=1e-9)
        shuffled, perm = gs.shuffled(data.draw, list(layer))
        s = fishnet_density(shuffled, cell_size=gs.CELL, study_area=study, weights=np.asarray(weights)[perm])
        np.testing.assert_allclose(s.mining_km2, r.mining_km2, rtol=1e-7, atol=1e-9)
        np.testing.assert_array_equal(s.n_polygons, r.n_polygons)


# --------------------------------------------------------------------------- tabulation
def _class_layers():
    shapes = st.one_of(gs.rectangles(), gs.convex_polygons(), gs.polygons_with_holes(), gs.multipolygons())
    return st.lists(st.tuples(shapes, st.sampled_from(["desert", "grass", None])), min_size=1, max_size=5)


@given(gs.footprint_layers(), _class_layers(), st.data())
def test_tabulation_reconciles_and_agrees_with_pairwise_reference(layer, classes, data):
    zones = data.draw(st.lists(st.sampled_from(["p", "q", None]), min_size=len(layer), max_size=len(layer)))
    cls_geoms = [g for g, _ in classes]
    cls_values = [v for _, v in classes]
    ref = reference_layer(layer, attribute_codes([zones], len(layer)))
    if not ref.counted.any():
        with pytest.raises(InvalidInputError):
            overlap_tabulation(layer, cls_geoms, cls_values, footprint_zones=zones)
    else:
        t = overlap_tabulation(layer, cls_geoms, cls_values, footprint_zones=zones)
        assert t.n_footprints == int(ref.counted.sum())
        np.testing.assert_allclose(t.footprint_area_km2, ref.union.area / 1e6, rtol=RTOL, atol=ATOL_KM2)
        # tabulated areas sum to the footprint total: per zone, covered + outside = zone area
        np.testing.assert_allclose(t.zone_area_km2.sum(), t.footprint_area_km2, rtol=RTOL, atol=ATOL_KM2)
        rows = {(z, c): (a, n) for z, c, a, n in zip(t.zones, t.classes, t.area_km2, t.n_polygons, strict=True)}
        for zk, za, zc in zip(t.zone_keys, t.zone_area_km2, t.zone_covered_km2, strict=True):
            outside = rows.get((zk, OUTSIDE), (0.0, 0))[0]
            np.testing.assert_allclose(zc + outside, za, rtol=RTOL, atol=ATOL_KM2)
        # each (zone, class) row against plain shapely, footprint by footprint
        class_union = {v: _union([g for g, w in zip(cls_geoms, cls_values,
                                                    strict=True) if w == v]) for v in set(cls_values)}
        for zk in t.zone_keys:
            members = [i for i in np.flatnonzero(ref.counted) if zones[i] == zk]
            zone_area = sum(area_of(ref.land[i]) for i in members) / 1e6
            np.testing.assert_allclose(t.zone_area_km2[t.zone_keys.index(zk)], zone_area, rtol=RTOL,
                                       atol=ATOL_KM2)
            for v, u in class_union.items():
                expected = sum(shapely.intersection(ref.land[i], u).area for i in members) / 1e6
                n = sum(shapely.intersection(ref.own[i], u).area > 0 for i in members)
                got_area, got_n = rows.get((zk, v), (0.0, 0))
                np.testing.assert_allclose(got_area, expected, rtol=RTOL, atol=ATOL_KM2)
                assert got_n == n, (zk, v)
        # the order of the footprints does not matter
        shuffled, perm = gs.shuffled(data.draw, list(layer))
        s = overlap_tabulation(shuffled, cls_geoms, cls_values, footprint_zones=[zones[i] for i in perm])
        assert (s.zones, s.classes) == (t.zones, t.classes)
        np.testing.assert_array_equal(s.n_polygons, t.n_polygons)
        np.testing.assert_allclose(s.area_km2, t.area_km2, rtol=RTOL, atol=ATOL_KM2)


@given(gs.footprint_layers())
def test_dissolve_tiles_the_union(layer):
    d = dissolve_overlaps(layer)
    ref = reference_layer(layer)
    np.testing.assert_array_equal(d.counted, ref.counted)
    np.testing.assert_allclose(shapely.area(d.geometries).sum(), ref.union.area, rtol=RTOL, atol=ATOL_M2)
    np.testing.assert_allclose(d.overlap_m2, sum(area_of(g) for g in ref.own) - ref.union.area, rtol=1e-7,
                               atol=ATOL_M2)


# --------------------------------------------------------------------------- footprint change
@st.composite
def epochs(draw):
    """An earlier layer and a later one derived from it: kept, re-digitised, moved, grown, dropped, new."""
    earlier = draw(gs.footprint_layers())
    later = []
    for g in earlier:
        kind = draw(st.sampled_from(["same", "same", "redigitised", "moved", "grown", "dropped"]))
        if g is None or kind == "dropped":
            continue
        if kind == "same":
            later.append(g)
        elif kind == "redigitised":
            later.append(gs.redigitised(g, draw(st.integers(0, 2))))
        elif kind == "moved":
            later.append(shapely.affinity.translate(g, draw(st.sampled_from([0.5, 3.0, gs.CELL / 4])), 0.0))
        elif g.is_valid:
            later.append(shapely.union_all([g, shapely.affinity.translate(g, 0.0, draw(st.floats(1, 60)))]))
        else:  # an invalid footprint cannot be grown by an overlay: carried over as it is
            later.append(g)
    later += draw(st.lists(gs.footprint_shapes(), max_size=2))
    return earlier, draw(st.permutations(later))


def _matched_reference(ref_e, ref_l):
    """Matched pairs of counted footprints (tolerance 0): own lands sharing area, one pair at a time."""
    pairs = []
    for i in np.flatnonzero(ref_e.counted):
        for j in np.flatnonzero(ref_l.counted):
            if has_area([shapely.intersection(ref_e.land[i], ref_l.land[j])])[0]:
                pairs.append((i, j))
    return pairs


@given(epochs(), st.data())
def test_change_reconciles_counts_agree_and_order_does_not_matter(pair, data):
    earlier, later = pair
    ref_e, ref_l = reference_layer(earlier), reference_layer(later)
    r = footprint_change(earlier, later, tolerance=0.0)
    t = r.total
    u_e, u_l = ref_e.union, ref_l.union
    np.testing.assert_allclose(t.earlier[0], u_e.area, rtol=RTOL, atol=ATOL_M2)
    np.testing.assert_allclose(t.later[0], u_l.area, rtol=RTOL, atol=ATOL_M2)
    np.testing.assert_allclose(t.reconciliation_error[0], 0, atol=ATOL_M2)
    np.testing.assert_allclose(t.unchanged[0], shapely.intersection(u_e, u_l).area, rtol=RTOL, atol=ATOL_M2)
    np.testing.assert_allclose(t.added[0], shapely.difference(u_l, u_e).area, rtol=RTOL, atol=ATOL_M2)
    np.testing.assert_allclose(t.removed[0], shapely.difference(u_e, u_l).area, rtol=RTOL, atol=ATOL_M2)
    # counts against the pairwise reference
    pairs = _matched_reference(ref_e, ref_l)
    e_deg = np.bincount([i for i, _ in pairs], minlength=len(earlier))
    l_deg = np.bincount([j for _, j in pairs], minlength=len(later))
    assert t.n_earlier[0] == ref_e.counted.sum() and t.n_later[0] == ref_l.counted.sum()
    assert t.n_disappeared[0] == int((ref_e.counted & (e_deg == 0)).sum())
    assert t.n_new[0] == int((ref_l.counted & (l_deg == 0)).sum())
    assert t.n_split[0] == int((e_deg >= 2).sum()) and t.n_merge[0] == int((l_deg >= 2).sum())
    # the pieces of each counted footprint partition its own land
    p = r.pieces
    for side, ref, index in (("earlier", ref_e, p.earlier_index), ("later", ref_l, p.later_index)):
        codes = (3, 4, 5, 7) if side == "earlier" else (3, 1, 2, 6)
        sel = np.isin(p.change, codes)
        per = np.bincount(index[sel & (index >= 0)], weights=p.area[sel & (index >= 0)], minlength=len(ref.own))
        np.testing.assert_allclose(per, [area_of(g) for g in ref.land], rtol=RTOL, atol=ATOL_M2)
    # the order of the features does not matter
    e2, _ = gs.shuffled(data.draw, list(earlier))
    l2, _ = gs.shuffled(data.draw, list(later))
    s = footprint_change(e2, l2, tolerance=0.0).total
    for name in ("n_earlier", "n_later", "n_new", "n_disappeared", "n_split", "n_merge"):
        assert getattr(s, name)[0] == getattr(t, name)[0], name
    for name in ("earlier", "later", "unchanged", "new", "expanded", "reduced", "disappeared"):
        np.testing.assert_allclose(getattr(s, name)[0], getattr(t, name)[0], rtol=RTOL, atol=ATOL_M2)


@given(gs.footprint_layers(), st.data(), st.sampled_from([0.0, 5.0]))
def test_identical_epochs_in_any_order_report_no_change(layer, data, tolerance):
    ref = reference_layer(layer)
    later, _ = gs.shuffled(data.draw, list(layer))
    r = footprint_change(layer, later, tolerance=tolerance)
    t = r.total
    assert (t.n_new[0], t.n_disappeared[0], t.n_split[0], t.n_merge[0]) == (0, 0, 0, 0)
    assert t.n_earlier[0] == t.n_later[0] == ref.counted.sum()
    np.testing.assert_allclose(t.unchanged[0], ref.union.area, rtol=RTOL, atol=ATOL_M2)
    for name in ("new", "expanded", "reduced", "disappeared", "jitter_added", "jitter_removed"):
        np.testing.assert_allclose(getattr(t, name)[0], 0.0, atol=ATOL_M2)


@given(epochs())
def test_change_with_tolerance_reconciles(pair):
    earlier, later = pair
    ref_e, ref_l = reference_layer(earlier), reference_layer(later)
    t = footprint_change(earlier, later, tolerance=5.0).total
    np.testing.assert_allclose(t.earlier[0], ref_e.union.area, rtol=RTOL, atol=ATOL_M2)
    np.testing.assert_allclose(t.later[0], ref_l.union.area, rtol=RTOL, atol=ATOL_M2)
    np.testing.assert_allclose(t.reconciliation_error[0], 0, atol=ATOL_M2)
    assert t.unchanged[0] <= shapely.intersection(ref_e.union, ref_l.union).area + ATOL_M2


# --------------------------------------------------------------------------- zonal coverage
_PIXEL = 30.0
_GRID = PixelGrid(gs.X0 - 45.0, gs.Y0 + 555.0, _PIXEL, _PIXEL, 18, 18)  # covers part of the shapes' span


@given(gs.footprint_layers(), st.data())
def test_zonal_coverage_fractions_and_centres_agree_with_brute_force(layer, data):
    clean = clean_polygons(layer)
    frame = shapely.box(_GRID.x0, _GRID.y0 - _GRID.height * _PIXEL, _GRID.x0 + _GRID.width * _PIXEL, _GRID.y0)
    cov = PolygonCoverage(layer, _GRID, "fraction")
    poly, _row, _col, weight = cov.rows(0, _GRID.height)
    covered = np.bincount(poly, weights=weight, minlength=len(layer)) * _GRID.pixel_area
    expected = [shapely.intersection(g, frame).area for g in clean.geometries]
    np.testing.assert_allclose(covered, expected, rtol=1e-9, atol=ATOL_M2)
    assert (weight > 0).all() and (weight <= 1).all()
    # bands of rows give the same pixels
    band = data.draw(st.integers(1, 7))
    parts = [cov.rows(r0, min(r0 + band, _GRID.height)) for r0 in range(0, _GRID.height, band)]
    joined = np.concatenate([p[3] for p in parts])
    np.testing.assert_allclose(np.sort(joined), np.sort(weight), rtol=1e-12)
    # centre rule: exactly the pixels whose centre lies inside (brute force over the whole grid)
    centre = PolygonCoverage(layer, _GRID, "centre")
    cp, cr, cc, _cw = centre.rows(0, _GRID.height)
    rows, cols = np.divmod(np.arange(_GRID.width * _GRID.height), _GRID.width)
    x = _GRID.x0 + (cols + 0.5) * _PIXEL
    y = _GRID.y0 - (rows + 0.5) * _PIXEL
    for i, g in enumerate(clean.geometries):
        inside = np.flatnonzero(shapely.contains_xy(g, x, y))
        got = np.sort(cr[cp == i] * _GRID.width + cc[cp == i])
        np.testing.assert_array_equal(got, inside)
    # permuting the polygons permutes the result
    shuffled, perm = gs.shuffled(data.draw, list(layer))
    sp, _, _, sw = PolygonCoverage(shuffled, _GRID, "fraction").rows(0, _GRID.height)
    np.testing.assert_allclose(np.bincount(sp, weights=sw, minlength=len(layer)) * _GRID.pixel_area,
                               covered[perm], rtol=1e-9, atol=ATOL_M2)


# --------------------------------------------------------------------------- footprint statistics inputs
@given(gs.footprint_layers(), st.data())
def test_statistics_inputs_count_each_footprint_once_and_ignore_order(layer, data):
    groups = data.draw(st.lists(st.sampled_from(["gansu", "qinghai", None]), min_size=len(layer),
                                max_size=len(layer)))
    ref = reference_layer(layer, attribute_codes([groups], len(layer)))
    m = measure_footprints(layer, tie_break=attribute_codes([groups], len(layer)))
    np.testing.assert_array_equal(m.index, np.flatnonzero(ref.counted))
    np.testing.assert_allclose(m.area_km2 * 1e6, [area_of(ref.land[i]) for i in m.index], rtol=RTOL, atol=ATOL_M2)
    np.testing.assert_allclose(m.area_km2.sum(), ref.union.area / 1e6, rtol=RTOL, atol=ATOL_KM2)
    np.testing.assert_allclose(m.perimeter_km * 1e3, [ref.own[i].length for i in m.index], rtol=RTOL)
    shuffled, perm = gs.shuffled(data.draw, list(layer))
    moved = [groups[i] for i in perm]
    s = measure_footprints(shuffled, tie_break=attribute_codes([moved], len(layer)))
    assert s.index.size == m.index.size
    np.testing.assert_allclose(np.sort(s.area_km2), np.sort(m.area_km2), rtol=RTOL, atol=ATOL_KM2)
    np.testing.assert_allclose(np.sort(s.perimeter_km), np.sort(m.perimeter_km), rtol=RTOL)
    if m.index.size:  # the statistics per group do not depend on the order either
        stats = footprint_statistics(m.area_km2, m.perimeter_km, [[groups[i] for i in m.index]], ["province"])
        again = footprint_statistics(s.area_km2, s.perimeter_km, [[moved[i] for i in s.index]], ["province"])
        assert stats.total["n_polygons"] == ref.counted.sum()
        np.testing.assert_allclose(stats.total["total_km2"], ref.union.area / 1e6, rtol=RTOL, atol=ATOL_KM2)
        assert again.keys == stats.keys
        np.testing.assert_array_equal(again.columns["n_polygons"], stats.columns["n_polygons"])
        np.testing.assert_allclose(again.columns["total_km2"], stats.columns["total_km2"], rtol=RTOL,
                                   atol=ATOL_KM2)
