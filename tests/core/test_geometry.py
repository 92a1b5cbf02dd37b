"""core.geometry: polygonal parts, collapsed rings, repair, robust clipping and the footprint rule.

Hand-built cases with known results, the GEOS 3.11 clipping regression (data/regressions), and
property-based tests of the rule every kernel relies on.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest
import shapely
import shapely.affinity
from hypothesis import given
from hypothesis import strategies as st
from shapely import box

from minemonitor_plugin.core import geometry as geo
from minemonitor_plugin.core.errors import InvalidInputError
from minemonitor_plugin.core.geometry import (
    COUNTED,
    COVERED,
    DEGENERATE,
    EMPTY,
    WRONG_TYPE,
    clean_polygons,
    clip_rect,
    has_area,
    polygon_parts,
    polygonal,
    prepare_footprints,
    representative_xy,
)
from tests.support import geometry_strategies as gs
from tests.support.geometry_reference import reference_layer

REGRESSION = Path(__file__).resolve().parents[2] / "data" / "regressions" / "clip_crash_provinces.gpkg"
RTOL = 1e-9  # the same area by another sequence of exact-geometry operations
ATOL_M2 = 1e-6

# A piece GEOS 3.11's rectangle clipper made from the regression study area: valid, but with two holes
# collapsed to spikes; clipping it again raised "Invalid number of points in LinearRing found 3".
_SPIKE_HOLES = (
    "POLYGON ((-1020000 4190000, -1020000 4320000, -840000 4320000, -840000 4190000, -1020000 4190000), "
    "(-992177.1221609164 4206813.676197136, -973226.8457479174 4205806.569327315, -954254.4350316854 "
    "4204798.286136456, -935282.0243154533 4203790.002945596, -949950.2280404046 4217052.020629684, "
    "-964618.4317653561 4230314.038313772, -966802.6974327984 4232288.906569732, -976930.6540184102 "
    "4220043.274958447, -991941.1965973991 4207018.392496917, -1006951.7391763878 4193993.5100353872, "
    "-992177.1221609164 4206813.676197136), (-916006.5178013984 4203951.842015341, -911202.6066281972 "
    "4203992.176131326, -916006.5178013985 4203951.842015341, -935282.0243154533 4203790.002945596, "
    "-916006.5178013984 4203951.842015341), (-896731.0112873437 4204113.6810850855, -906368.7645443709 "
    "4204032.761550213, -911202.6066281972 4203992.176131326, -896731.0112873437 4204113.6810850855))"
)


def test_polygonal_keeps_polygons_of_collections_and_drops_the_rest():
    coll = shapely.GeometryCollection([
        shapely.MultiPolygon([box(0, 0, 1, 1), box(2, 0, 3, 1)]),
        shapely.LineString([(0, 0), (5, 5)]),
        shapely.Point(9, 9),
        shapely.Polygon(),
        shapely.GeometryCollection([box(5, 0, 6, 1)]),
    ])
    out = polygonal([coll, shapely.LineString([(0, 0), (1, 1)]), None, box(0, 0, 2, 2)])
    assert out[0].geom_type == "MultiPolygon" and out[0].area == 3 and shapely.get_num_geometries(out[0]) == 3
    assert out[1].is_empty and out[1].geom_type == "Polygon"
    assert out[2] is None
    assert out[3].equals_exact(box(0, 0, 2, 2), 0)


def test_collapsed_holes_are_dropped_and_real_holes_kept():
    spiky = shapely.from_wkt(_SPIKE_HOLES)
    out = polygonal([spiky])[0]
    # the first hole is a real triangle-fan hole; the other two have (near) zero width
    assert shapely.get_num_interior_rings(out) == 1
    assert out.is_valid
    assert out.area == pytest.approx(spiky.area, rel=1e-12)


def test_degenerate_rule():
    assert has_area([box(0, 0, 1, 1)]).tolist() == [True]
    # a 1 cm wide, 100 m long strip at Albers-like coordinates is kept; 1 cm over 1 km is a sliver
    strip = box(500_000, 4_000_000, 500_100, 4_000_000.01)
    thin = box(500_000, 4_000_000, 501_000, 4_000_000.01)
    # a 0.035 m² sliver 1 km long (a zero-area polygon after reprojection) is not
    sliver = shapely.Polygon([(500_000, 4_000_000), (500_500, 4_000_000.00007), (501_000, 4_000_000)])
    # a zero-area lon/lat triangle 400 m long, 3 mm high once projected (tests/algorithms/test_footprint_rule.py)
    bent = shapely.Polygon([(853.813961734067, 1110.39522180094), (1024.5618035018, 1221.45113384419),
                            (1195.3046615398, 1332.51089606695)])
    line = shapely.LineString([(0, 0), (1, 1)])
    assert has_area([strip, thin, sliver, bent, line, None, shapely.Polygon()]).tolist() == [
        True, False, False, False, False, False, False]
    # numerical noise far from the origin: a 1 µm triangle at 4,000 km
    noise = shapely.Polygon([(500_000, 4_000_000), (500_000.000001, 4_000_000), (500_000, 4_000_000.000001)])
    assert not has_area([noise])[0] and has_area([shapely.affinity.translate(noise, -500_000, -4_000_000)])[0]


def test_clean_polygons_statuses():
    bow_tie = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    collinear = shapely.Polygon([(0, 0), (1, 1), (2, 2), (0, 0)])
    spike = shapely.GeometryCollection([box(0, 0, 2, 2), shapely.LineString([(0, 0), (-1, -1)])])
    c = clean_polygons([box(0, 0, 1, 1), None, shapely.Polygon(), bow_tie, collinear, shapely.Point(0, 0), spike])
    assert c.status.tolist() == [COUNTED, EMPTY, EMPTY, COUNTED, DEGENERATE, WRONG_TYPE, COUNTED]
    assert c.repaired.tolist() == [False, False, False, True, True, False, False]
    assert c.geometries[3].area == pytest.approx(50) and c.geometries[6].area == pytest.approx(4)
    assert all(g.is_valid for g in c.geometries)
    assert c.first_of(WRONG_TYPE) == 5


def test_polygon_parts_and_representative_points_skip_empty_parts():
    # the pattern that made footprintchange raise: one empty difference among non-empty ones
    geoms = np.array([shapely.Polygon(), box(0, 0, 2, 2), shapely.MultiPolygon([box(5, 5, 6, 6)])], dtype=object)
    parts, owner = polygon_parts(geoms)
    assert owner.tolist() == [1, 2]
    x, y = representative_xy(parts)
    assert np.isfinite(x).all() and shapely.contains_xy(parts, x, y).all()
    x, y = representative_xy(geoms)
    assert np.isnan(x[0]) and np.isfinite(x[1:]).all()


def test_clip_rect_falls_back_when_geos_refuses():
    spiky = shapely.from_wkt(_SPIKE_HOLES)
    rect = (-1020000.0, 4190000.0, -930000.0, 4320000.0)
    expected = shapely.intersection(spiky, box(*rect)).area
    assert clip_rect(spiky, *rect).area == pytest.approx(expected, rel=RTOL)
    assert geo.robust_clip(spiky, *rect).area == pytest.approx(expected, rel=RTOL)


def test_clip_rect_uses_the_overlay_when_the_fast_clipper_raises(monkeypatch):
    calls = []

    def refuse(*args):
        calls.append(args)
        raise shapely.errors.GEOSException("IllegalArgumentException: Invalid number of points in LinearRing")

    monkeypatch.setattr(geo, "_CLIP_BY_RECT", refuse)
    piece = geo.clip_rect(box(0, 0, 10, 10), 5, 5, 20, 20)
    assert calls and piece.area == pytest.approx(25)


def test_robust_clip_failure_is_a_clear_error(monkeypatch):
    def refuse(*args, **kwargs):
        raise shapely.errors.GEOSException("TopologyException: side location conflict")

    monkeypatch.setattr(geo.shapely, "intersection", refuse)
    with pytest.raises(InvalidInputError, match="could not clip a polygon to the rectangle"):
        geo.robust_clip(box(0, 0, 1, 1), 0, 0, 0.5, 0.5)


def _gpkg_geometries(path: Path, table: str) -> list:
    """Geometries of a GeoPackage table with the standard library (GPKG blob header + WKB)."""
    with sqlite3.connect(path) as db:
        column = db.execute("select column_name from gpkg_geometry_columns where table_name = ?",
                            (table,)).fetchone()[0]
        blobs = [row[0] for row in db.execute(f'select "{column}" from "{table}"')]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
    return [shapely.from_wkb(bytes(b[8 + envelope[(b[3] >> 1) & 7]:])) for b in blobs]


def test_regression_study_area_clips_on_every_cell():
    study = shapely.union_all(_gpkg_geometries(REGRESSION, "provinces"))
    from minemonitor_plugin.core.grid import fishnet_density

    footprint = study.representative_point().buffer(3000)
    r = fishnet_density([footprint], cell_size=10_000, study_area=study)
    np.testing.assert_allclose(r.cell_km2.sum(), study.area / 1e6, rtol=RTOL)
    np.testing.assert_allclose(r.mining_km2.sum(), footprint.area / 1e6, rtol=RTOL)
    assert r.n_polygons.sum() >= 1


def test_smallest_footprint_keeps_shared_land_whatever_the_order():
    stope, pond, neighbour = box(0, 0, 300, 300), box(100, 100, 150, 150), box(250, 0, 400, 50)
    for layer in ([stope, pond, neighbour, stope], [neighbour, stope, stope, pond]):
        fp = prepare_footprints(layer)
        areas = dict(zip([g.wkt for g in layer], shapely.area(fp.land), strict=True))
        assert areas[pond.wkt] == pytest.approx(2500)
        assert areas[neighbour.wkt] == pytest.approx(7500)
        assert sorted(shapely.area(fp.land[[i for i, g in enumerate(layer) if g is stope]])) == pytest.approx(
            [0, 90000 - 2500 - 2500])
        assert fp.count(COVERED) == 1 and fp.count(COUNTED) == 3
        assert shapely.area(fp.land).sum() == pytest.approx(shapely.union_all(layer).area)


# --------------------------------------------------------------------------- properties
@pytest.mark.props
@given(st.lists(gs.footprint_shapes(), max_size=6) | gs.footprint_layers())
def test_clean_polygons_gives_valid_polygons_with_the_repaired_area(geoms):
    c = clean_polygons(geoms)
    assert len(c.geometries) == len(geoms)
    for g, s, original in zip(c.geometries, c.status, geoms, strict=True):
        assert g is not None and g.geom_type in ("Polygon", "MultiPolygon") and g.is_valid
        if s != COUNTED:
            assert g.is_empty
            continue
        # the area of the repaired polygonal parts: dropping collapsed rings and slivers changes it by noise only
        repaired = shapely.make_valid(original) if not original.is_valid else original
        polys = [p for p in shapely.get_parts(shapely.get_parts(repaired)) if p.geom_type == "Polygon"]
        np.testing.assert_allclose(g.area, sum(p.area for p in polys), rtol=1e-7, atol=1e-3)
    again = clean_polygons(c.geometries)  # idempotent
    assert (again.status[c.status == COUNTED] == COUNTED).all()


@pytest.mark.props
@given(gs.footprint_layers(), st.data())
def test_lands_tile_the_union_and_agree_with_the_pairwise_reference(layer, data):
    fp = prepare_footprints(layer)
    ref = reference_layer(layer)
    np.testing.assert_array_equal(fp.counted, ref.counted)
    union = ref.union.area
    np.testing.assert_allclose(shapely.area(fp.land).sum(), union, rtol=RTOL, atol=ATOL_M2)
    for i in np.flatnonzero(fp.counted):
        assert shapely.symmetric_difference(fp.land[i], ref.land[i]).area <= max(1e-9 * union, ATOL_M2)
    # lands are disjoint: no two share area
    lands = fp.land[fp.counted]
    a, b = shapely.STRtree(lands).query(lands, predicate="intersects")
    keep = a < b
    assert not has_area(shapely.intersection(lands[a[keep]], lands[b[keep]])).any()
    # the rule depends on the geometries only (exact duplicates may swap which one is kept)
    shuffled, _ = gs.shuffled(data.draw, list(layer))
    other = prepare_footprints(shuffled)

    def kept(f):
        return sorted(shapely.to_wkb(shapely.normalize(f.geometries[f.counted])).tolist())

    assert kept(other) == kept(fp)
    assert other.count(COVERED) == fp.count(COVERED)
    np.testing.assert_allclose(np.sort(shapely.area(other.land)), np.sort(shapely.area(fp.land)), rtol=RTOL,
                               atol=ATOL_M2)
