"""core.sparse_grid: sparse projected grids and WGS 84 degree grids.

Oracles: cell areas in closed form (core.geodesy.cell_area_km2, itself checked against GeographicLib in
test_geodesy.py), a brute-force overlay (every cell box intersected with the union of the footprints),
and hand computations.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely import affinity

from minemonitor_plugin.core import geodesy
from minemonitor_plugin.core import sparse_grid as sg
from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from minemonitor_plugin.core.geometry import COUNTED, COVERED, DEGENERATE, has_area
from minemonitor_plugin.core.grid import fishnet_density
from tests.support.geometry_reference import reference_layer

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")  # GEOS errors surface as RuntimeWarnings

RTOL = 1e-9


@pytest.mark.parametrize(("text", "size"), [
    ("0.5", Fraction(1, 2)), ("0.5°", Fraction(1, 2)), ("1 deg", Fraction(1)), ("5'", Fraction(1, 12)),
    ("5′", Fraction(1, 12)), ("2.5 arcmin", Fraction(1, 24)), ('30"', Fraction(1, 120)), ("30″", Fraction(1, 120)),
    ("15 arcsec", Fraction(1, 240)), ("0.0833333", Fraction(1, 12)), (" 0.25 ", Fraction(1, 4)),
])
def test_parse_degree_cell_size(text, size):
    assert sg.parse_degree_cell_size(text) == size


@pytest.mark.parametrize(("text", "message"), [
    ("0.7", "does not divide 180"), ("7'", "does not divide 180"), ("abc", "not a number"), ("0", "greater than 0"),
    ("5 km", "not a number"), ("", "not a number"),
])
def test_parse_degree_cell_size_errors(text, message):
    with pytest.raises(InvalidInputError, match=message):
        sg.parse_degree_cell_size(text)


def test_degree_size_labels():
    assert [sg.degree_size_label(sg.parse_degree_cell_size(t)) for t in ("1", "0.5", "0.25", "5'", '30"')] == [
        "1°", "0.5°", "0.25°", "5′", "30″"]


def test_degree_grid_lines_and_indices_follow_the_maus_raster():
    grid = sg.DegreeGrid(Fraction(1, 12))
    assert (grid.n_rows, grid.n_cols) == (2160, 4320)  # the 5' global raster
    assert grid.west(np.array([0, 3036, 4320])).tolist() == [-180.0, 73.0, 180.0]
    assert grid.north(np.array([0, 480, 2160])).tolist() == [90.0, 50.0, -90.0]
    r0, r1, c0, c1 = grid.index_ranges(np.array([[73.0, 49.9, 73.05, 50.0]]))
    assert (r0[0], r1[0], c0[0], c1[0]) == (480, 482, 3036, 3037)


def test_square_straddling_four_cells_by_hand():
    """A 0.25° square centred on a 0.25° grid node: four 0.125° quarter cells, each in closed form."""
    grid = sg.DegreeGrid(Fraction(1, 4))
    fp = shapely.box(100.125, 40.125, 100.375, 40.375)
    res = sg.sparse_density([fp], grid=grid)
    assert len(res.cell_id) == 4 and res.n_polygons.tolist() == [1, 1, 1, 1]
    got = dict(zip(zip(res.row.tolist(), res.col.tolist(), strict=True), res.mining_km2, strict=True))
    r_north, c_west = int((90 - 40.5) / 0.25), int((100 + 180) / 0.25)
    expected = {
        (r_north, c_west): geodesy.cell_area_km2(40.25, 40.375, 0.125),
        (r_north, c_west + 1): geodesy.cell_area_km2(40.25, 40.375, 0.125),
        (r_north + 1, c_west): geodesy.cell_area_km2(40.125, 40.25, 0.125),
        (r_north + 1, c_west + 1): geodesy.cell_area_km2(40.125, 40.25, 0.125),
    }
    assert set(got) == set(expected)
    for key, value in expected.items():
        assert got[key] == pytest.approx(float(value), rel=1e-12)
    full = geodesy.cell_area_km2(40.25, 40.5, 0.25)
    assert res.cell_km2[0] == pytest.approx(float(full), rel=1e-15)
    assert res.density_pct[0] == pytest.approx(100 * res.mining_km2[0] / res.cell_km2[0])
    assert (res.origin_x, res.origin_y, res.n_rows, res.n_cols) == (-180.0, 90.0, 720, 1440)


# ------------------------------------------------------------------ property tests against brute force
def _rect(x, y, w, h):
    return shapely.box(x, y, x + w, y + h)


@st.composite
def footprint_sets(draw, scale=1.0):
    """Rectangles, rectangles with holes, duplicates, nested copies, slivers, empties and NULLs."""
    n = draw(st.integers(1, 8))
    geoms = []
    for _ in range(n):
        x = draw(st.integers(0, 60)) * 0.5 * scale
        y = draw(st.integers(0, 60)) * 0.5 * scale
        w = draw(st.integers(1, 30)) * 0.5 * scale
        h = draw(st.integers(1, 30)) * 0.5 * scale
        kind = draw(st.sampled_from(["plain", "hole", "sliver", "plain"]))
        if kind == "hole" and w > 2 * scale and h > 2 * scale:
            hole = _rect(x + 0.5 * scale, y + 0.5 * scale, 0.5 * scale, 0.5 * scale)
            geoms.append(shapely.Polygon(_rect(x, y, w, h).exterior.coords, [hole.exterior.coords]))
        elif kind == "sliver":
            geoms.append(_rect(x, y, w, 1e-6 * scale))
        else:
            geoms.append(_rect(x, y, w, h))
    extra = draw(st.sampled_from(["none", "duplicate", "nested", "empty", "null"]))
    if extra == "duplicate":
        geoms.append(geoms[0])
    elif extra == "nested":
        geoms.append(affinity.scale(geoms[0], 0.5, 0.5))
    elif extra == "empty":
        geoms.append(shapely.Polygon())
    elif extra == "null":
        geoms.append(None)
    return geoms


def _brute_force(geoms, grid, study=None):
    """Per cell of the footprints' extent, one plain intersection at a time: area of (union of the counted
    footprints' own lands) ∩ cell (∩ study area), and the number of counted footprints whose own geometry has
    area in the cell (the footprint rule: ``tests.support.geometry_reference``)."""
    with np.errstate(invalid="ignore"):  # GEOS reports an empty intersection as "invalid value"
        return _brute_force_cells(geoms, grid, study)


def _brute_force_cells(geoms, grid, study):
    ref = reference_layer(geoms)
    counted = [ref.own[i] for i in np.flatnonzero(ref.counted)]
    union = ref.union
    x0, y0, x1, y1 = shapely.total_bounds(np.array(counted, dtype=object))
    r0, r1, c0, c1 = (int(v[0]) for v in grid.index_ranges(np.array([[x0, y0, x1, y1]])))
    out = {}
    for r in range(r0, r1):
        for c in range(c0, c1):
            window = grid.boxes(np.array([r]), np.array([c]))[0]
            if study is not None:
                window = shapely.intersection(window, study)
            piece = sg.polygonal_parts(np.array([shapely.intersection(union, window)], dtype=object))[0]
            area = 0.0 if piece is None else float(grid.area_km2(np.array([piece], dtype=object))[0])
            n = sum(bool(has_area([shapely.intersection(g, window)])[0]) for g in counted)
            if area > 0 or n:
                out[(r, c)] = (area, n)
    return out


def _check_against_brute_force(res, expected, rtol, noise_km2):
    """The sparse grid holds exactly the cells where a counted footprint has area, with the brute-force area
    and count; the other cells of the extent hold only slivers of numerical noise (left out, as by the dense
    fishnet without empty cells)."""
    got = dict(zip(zip(res.row.tolist(), res.col.tolist(), strict=True), zip(res.mining_km2, res.n_polygons,
                                                                             strict=True), strict=True))
    assert set(got) == {k for k, (_, n) in expected.items() if n > 0}
    for key, (area, n) in expected.items():
        if n:
            assert got[key][0] == pytest.approx(area, rel=rtol, abs=1e-15)
            assert got[key][1] == n
        else:
            assert area <= noise_km2


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(footprint_sets(scale=100.0), st.sampled_from([250.0, 700.0, 1000.0]))
def test_planar_sparse_matches_brute_force_and_the_dense_fishnet(geoms, size):
    with np.errstate(invalid="ignore"):
        ref = reference_layer(geoms)
    if not ref.counted.any():  # only slivers, empty and NULL footprints
        with pytest.raises(InvalidInputError, match="positive area"):
            sg.sparse_density(geoms, grid=sg.PlanarGrid.covering((0, 0, 1, 1), size))
    else:
        extent = shapely.total_bounds(np.array([g for g in ref.own if g is not None], dtype=object))
        grid = sg.PlanarGrid.covering(extent, size)
        res = sg.sparse_density(geoms, grid=grid)
        _check_against_brute_force(res, _brute_force(geoms, grid), RTOL, 1e-15)
        assert (res.cell_km2 == size * size / 1e6).all()
        assert res.n_counted == ref.counted.sum()
        # the dense fishnet on the same grid lines counts the same footprints in every cell
        dense = fishnet_density(geoms, cell_size=size, keep_empty=False)
        np.testing.assert_array_equal(dense.footprint_status, res.footprint_status)
        key = {(r, c): k for k, (r, c) in enumerate(zip(res.row.tolist(), res.col.tolist(), strict=True))}
        dr = np.round((grid.y1 - dense.origin_y) / size).astype(int) + dense.row
        dc = np.round((dense.origin_x - grid.x0) / size).astype(int) + dense.col
        where = np.array([key[(r, c)] for r, c in zip(dr.tolist(), dc.tolist(), strict=True)])
        assert where.size == res.cell_id.size
        np.testing.assert_array_equal(res.n_polygons[where], dense.n_polygons)
        np.testing.assert_allclose(res.mining_km2[where], dense.mining_km2, rtol=RTOL, atol=1e-15)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(footprint_sets(scale=0.001), st.sampled_from(["30\"", "1'", "0.01"]), st.booleans())
def test_degree_sparse_matches_brute_force_and_conserves_area(geoms, size_text, with_study):
    lonlat = [None if g is None else affinity.translate(g, 92.0, 38.0) for g in geoms]
    grid = sg.DegreeGrid(sg.parse_degree_cell_size(size_text))
    study = shapely.box(92.005, 38.003, 92.05, 38.04) if with_study else None
    with np.errstate(invalid="ignore"):
        ref = reference_layer(lonlat)
        inside = [shapely.intersection(ref.own[i], study) if study is not None else ref.own[i]
                  for i in np.flatnonzero(ref.counted)]
        whole = ref.union if study is None else shapely.intersection(ref.union, study)
    if not any(has_area([g])[0] for g in inside):
        with pytest.raises(InvalidInputError, match=r"inside the study area|positive area"):
            sg.sparse_density(lonlat, grid=grid, study_area=study)
    else:
        res = sg.sparse_density(lonlat, grid=grid, study_area=study)
        expected = _brute_force(lonlat, grid, study)
        # 1e-9 km² (0.001 m²): far above the slivers coordinate rounding leaves along grid lines, far below
        # any piece of a footprint that these 50 m steps can produce
        _check_against_brute_force(res, expected, 1e-8, 1e-9)
        assert res.mining_km2.sum() == pytest.approx(geodesy.ellipsoidal_area_km2([whole])[0], rel=1e-8, abs=1e-9)


def test_weights_are_conserved_and_apportioned_by_ellipsoidal_share():
    grid = sg.DegreeGrid(Fraction(1, 2))
    fps = [shapely.box(10.25, 60.0, 10.75, 60.5), shapely.box(10.1, 60.1, 10.2, 60.2)]
    res = sg.sparse_density(fps, grid=grid, weights=[10.0, 3.0])
    got = dict(zip(zip(res.row.tolist(), res.col.tolist(), strict=True), res.mining_km2, strict=True))
    r, c = int((90 - 60.5) / 0.5), int((10.0 + 180) / 0.5)
    west = float(geodesy.cell_area_km2(60.0, 60.5, 0.25))
    # half of the first footprint, all of the second
    assert got[(r, c)] == pytest.approx(10.0 * west / (2 * west) + 3.0, rel=1e-12)
    assert got[(r, c + 1)] == pytest.approx(5.0, rel=1e-12)
    assert res.mining_km2.sum() == pytest.approx(13.0, rel=1e-12)


def test_keep_empty_with_study_area_tiles_it_exactly():
    grid = sg.DegreeGrid(Fraction(1, 4))
    study = shapely.Polygon([(100.1, 40.05), (101.3, 40.2), (100.9, 41.1), (100.0, 40.8)])
    fp = shapely.box(100.5, 40.5, 100.6, 40.6)
    res = sg.sparse_density([fp], grid=grid, study_area=study, keep_empty=True)
    assert res.cell_km2.sum() == pytest.approx(geodesy.ellipsoidal_area_km2([study])[0], rel=1e-10)
    assert (res.n_polygons > 0).sum() == 1
    boxes = grid.boxes(res.row, res.col)
    assert shapely.intersects(boxes, study).all()
    # no cell is clipped when CLIP is off; the dense count is the cells meeting the study area
    unclipped = sg.sparse_density([fp], grid=grid, study_area=study, keep_empty=True, clip=False)
    assert len(unclipped.cell_id) == len(res.cell_id)
    assert unclipped.cell_km2 == pytest.approx(grid.full_area_km2(unclipped.row))
    dropped = sg.sparse_density([fp], grid=grid, study_area=study, keep_empty=True, min_cell_fraction=0.5)
    assert dropped.n_cells_dropped > 0 and len(dropped.cell_id) + dropped.n_cells_dropped == len(res.cell_id)


def test_overlaps_dissolved_counts_kept_and_mine_ids():
    grid = sg.PlanarGrid.covering((0, 0, 2000, 1000), 1000.0)
    fps = [shapely.box(100, 100, 500, 500), shapely.box(300, 300, 700, 700), shapely.box(1100, 100, 1200, 200)]
    res = sg.sparse_density(fps, grid=grid, mine_ids=np.array(["A", "B", None], dtype=object))
    got = dict(zip(zip(res.row.tolist(), res.col.tolist(), strict=True), zip(res.mining_km2, res.n_polygons,
                                                                             res.n_mines, strict=True), strict=True))
    assert got[(0, 0)] == (pytest.approx(0.28), 2, 2)
    assert got[(0, 1)] == (pytest.approx(0.01), 1, 0)
    # the footprint rule of the dense fishnet: a duplicate of A (mine Z) has no land of its own and a
    # sliver no area; neither is counted, nor is mine Z
    fps += [shapely.box(100, 100, 500, 500), shapely.box(1300, 300, 1550, 300.001)]
    res = sg.sparse_density(fps, grid=grid, mine_ids=np.array(["A", "B", None, "Z", "S"], dtype=object))
    got = dict(zip(zip(res.row.tolist(), res.col.tolist(), strict=True), zip(res.mining_km2, res.n_polygons,
                                                                             res.n_mines, strict=True), strict=True))
    assert got[(0, 0)] == (pytest.approx(0.28), 2, 2)
    assert got[(0, 1)] == (pytest.approx(0.01), 1, 0)
    assert res.footprint_status.tolist() == [COUNTED, COUNTED, COUNTED, COVERED, DEGENERATE]
    assert (res.n_counted, res.n_covered, res.n_degenerate) == (3, 1, 1)


def test_progress_is_monotonic_and_cancel_stops():
    grid = sg.DegreeGrid(Fraction(1, 120))
    fps = [shapely.box(10 + i * 0.1, 10, 10.05 + i * 0.1, 10.05) for i in range(30)]
    seen = []
    sg.sparse_density(fps, grid=grid, progress=lambda f: seen.append(f) or True)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(CancelledError):
        sg.sparse_density(fps, grid=grid, progress=lambda f: f < 0.3)


def test_errors():
    grid = sg.PlanarGrid.covering((0, 0, 100, 100), 10.0)
    with pytest.raises(InvalidInputError, match="no footprints"):
        sg.sparse_density([], grid=grid)
    with pytest.raises(InvalidInputError, match="positive area"):
        sg.sparse_density([shapely.Polygon(), None, shapely.box(0, 0, 0, 10)], grid=grid)
    with pytest.raises(InvalidInputError, match="inside the study area"):
        sg.sparse_density([shapely.box(0, 0, 5, 5)], grid=grid, study_area=shapely.box(50, 50, 60, 60))
    with pytest.raises(InvalidInputError, match="study area must be a polygon"):
        sg.sparse_density([shapely.box(0, 0, 5, 5)], grid=grid, study_area=shapely.Point(1, 1))
    with pytest.raises(InvalidInputError, match="study area is empty"):
        sg.sparse_density([shapely.box(0, 0, 5, 5)], grid=grid, study_area=shapely.Polygon())
    with pytest.raises(InvalidInputError, match="more than the limit of 3"):
        sg.sparse_density([shapely.box(0, 0, 35, 5)], grid=grid, max_cells=3)
    with pytest.raises(InvalidInputError, match="2 weights for 1 footprints"):
        sg.sparse_density([shapely.box(0, 0, 5, 5)], grid=grid, weights=[1.0, 2.0])
    with pytest.raises(InvalidInputError, match="minimum cell fraction"):
        sg.sparse_density([shapely.box(0, 0, 5, 5)], grid=grid, min_cell_fraction=2.0)
    with pytest.raises(InvalidInputError, match="does not divide 180"):
        sg.DegreeGrid(Fraction(7, 10))


def test_invalid_footprints_are_repaired():
    bowtie = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10), (0, 0)])
    grid = sg.PlanarGrid.covering((0, 0, 10, 10), 100.0)
    res = sg.sparse_density([bowtie], grid=grid)
    assert res.mining_km2.sum() == pytest.approx(50.0 / 1e6)


def test_polygonal_parts_keeps_polygons_of_collections():
    collection = shapely.GeometryCollection([shapely.box(0, 0, 1, 1), shapely.LineString([(0, 0), (2, 2)])])
    lines = shapely.GeometryCollection([shapely.LineString([(0, 0), (2, 2)]), shapely.Point(0, 0)])
    nested = shapely.GeometryCollection([shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(2, 2, 3, 3)])])
    out = sg.polygonal_parts(np.array([collection, lines, None, shapely.Polygon(), nested, shapely.box(0, 0, 1, 1)],
                                      dtype=object))
    assert out[0].equals(shapely.box(0, 0, 1, 1))
    assert out[1] is None and out[2] is None and out[3] is None
    assert out[4].geom_type == "MultiPolygon" and out[4].area == 2.0
    assert out[5].area == 1.0
