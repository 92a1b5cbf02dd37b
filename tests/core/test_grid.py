"""Tests of the fishnet density core against hand computations and brute-force shapely."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import shapely

from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from minemonitor_plugin.core.grid import FishnetResult, fishnet_density, grid_shape

RTOL = 1e-9  # exact geometry on small coordinates: only rounding differs
RTOL_SUM = 1e-6  # the reconciliation tolerance


def _star(cx: float, cy: float, radius: float, n: int, rng: np.random.Generator) -> shapely.Polygon:
    """An irregular star-shaped polygon (valid: radial function of the angle)."""
    t = (np.arange(n) + rng.uniform(0.1, 0.9, n)) * (2 * np.pi / n)  # one vertex per sector
    r = radius * rng.uniform(0.45, 1.0, n)
    return shapely.Polygon(np.column_stack([cx + r * np.cos(t), cy + r * np.sin(t)]))


def _brute_force(
    footprints: list, size: float, result: FishnetResult, study_area=None, weights=None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per output cell, with one plain shapely.intersection per (footprint, cell):
    the (dissolved) mining area in km2 (or apportioned weight), the footprint count,
    and the unclipped cell square."""
    mining, count, squares = [], [], []
    union = shapely.union_all(footprints)
    for r, c in zip(result.row, result.col, strict=True):
        x = result.origin_x + c * size
        y = result.origin_y - (r + 1) * size
        square = shapely.box(x, y, x + size, y + size)
        region = square if study_area is None else shapely.intersection(square, study_area)
        pieces = shapely.area(shapely.intersection(np.asarray(footprints, dtype=object), region))
        count.append(int((pieces > 0).sum()))
        if weights is None:
            mining.append(shapely.intersection(union, region).area / 1e6)
        else:
            mining.append(float((np.asarray(weights) * pieces / shapely.area(footprints)).sum()))
        squares.append(square)
    return np.array(mining), np.array(count), np.array(squares, dtype=object)


def _tiles(rng: np.random.Generator, n_side: int = 9, pitch: float = 4000.0) -> list:
    """Non-overlapping irregular footprints: one jittered star per pitch x pitch tile."""
    out = []
    for i in range(n_side):
        for j in range(n_side):
            radius = pitch * rng.uniform(0.15, 0.49)
            out.append(_star(i * pitch + pitch / 2, j * pitch + pitch / 2, radius, 11, rng))
    return out


# ---------------------------------------------------------------------------
# grid_shape


def test_grid_shape_aligns_outward_to_multiples():
    assert grid_shape((150.0, -50.0, 350.0, 120.0), 100.0) == (3, 3, 100.0, 200.0)
    # Bounds already on grid lines get no extra row or column.
    assert grid_shape((-200.0, 0.0, 300.0, 100.0), 100.0) == (1, 5, -200.0, 100.0)
    # A degenerate (point) extent still gets one cell.
    assert grid_shape((10.0, 10.0, 10.0, 10.0), 100.0) == (1, 1, 0.0, 100.0)


def test_grid_shape_rejects_bad_cell_size():
    with pytest.raises(InvalidInputError, match="positive number"):
        grid_shape((0, 0, 1, 1), 0)


# ---------------------------------------------------------------------------
# apportioning


def test_square_crossing_cell_edges_is_split_by_hand():
    # 200 x 100 m square from x 50..250, y 50..150 on a 100 m grid:
    # grid x 0..300 (3 columns), y 0..200 (2 rows).
    result = fishnet_density([shapely.box(50, 50, 250, 150)], cell_size=100)
    assert (result.n_rows, result.n_cols, result.origin_x, result.origin_y) == (2, 3, 0.0, 200.0)
    np.testing.assert_array_equal(result.cell_id, np.arange(1, 7))
    np.testing.assert_array_equal(result.row, [0, 0, 0, 1, 1, 1])
    np.testing.assert_array_equal(result.col, [0, 1, 2, 0, 1, 2])
    expected_m2 = np.array([2500, 5000, 2500, 2500, 5000, 2500], dtype=float)
    np.testing.assert_allclose(result.mining_km2 * 1e6, expected_m2, rtol=RTOL)
    np.testing.assert_allclose(result.cell_km2, 0.01, rtol=RTOL)
    np.testing.assert_allclose(result.density_pct, 100 * expected_m2 / 1e4, rtol=RTOL)
    np.testing.assert_array_equal(result.n_polygons, 1)
    np.testing.assert_array_equal(result.n_mines, 0)
    # Row 0 is the northern row, column 0 the western column.
    assert result.geometries[0].bounds == (0.0, 100.0, 100.0, 200.0)
    assert result.geometries[5].bounds == (200.0, 0.0, 300.0, 100.0)


def test_irregular_footprints_match_brute_force_without_study_area():
    rng = np.random.default_rng(11)
    fps = _tiles(rng)
    fps.append(shapely.MultiPolygon([_star(3000, 41000, 900, 9, rng), _star(9000, 41500, 700, 9, rng)]))
    for size in (1000.0, 2500.0, 7000.0):
        result = fishnet_density(fps, cell_size=size)
        mining, count, squares = _brute_force(fps, size, result)
        np.testing.assert_allclose(result.mining_km2, mining, rtol=RTOL, atol=1e-12)
        np.testing.assert_array_equal(result.n_polygons, count)
        assert shapely.equals(result.geometries, squares).all()
        total = sum(f.area for f in fps) / 1e6
        np.testing.assert_allclose(result.mining_km2.sum(), total, rtol=RTOL_SUM)


def _study_area(rng: np.random.Generator) -> shapely.Geometry:
    """An irregular study area with a hole and a detached island, crossing many cells."""
    main = _star(18000, 18000, 20000, 60, rng)
    hole = shapely.box(14000, 14000, 17500, 19000)
    island = _star(45000, 5000, 3000, 12, rng)
    return shapely.union(shapely.difference(main, hole), island)


@pytest.mark.parametrize("size", [1000.0, 3000.0, 10000.0])
def test_study_area_clipping_matches_brute_force_and_reconciles(size):
    rng = np.random.default_rng(5)
    fps = _tiles(rng)
    study = _study_area(rng)
    result = fishnet_density(fps, cell_size=size, study_area=study)
    mining, count, squares = _brute_force(fps, size, result, study_area=study)
    np.testing.assert_allclose(result.mining_km2, mining, rtol=RTOL, atol=1e-12)
    np.testing.assert_array_equal(result.n_polygons, count)
    clipped = shapely.intersection(squares, study)
    np.testing.assert_allclose(result.cell_km2, shapely.area(clipped) / 1e6, rtol=RTOL)
    # Same shapes up to rounding of the computed boundary crossings.
    mismatch = shapely.area(shapely.symmetric_difference(result.geometries, clipped))
    assert (mismatch <= 1e-9 * size * size).all()
    assert shapely.is_valid(result.geometries).all()
    # Sums reconcile with the footprint area inside the study area and the study area.
    inside = shapely.intersection(np.asarray(fps, dtype=object), study)
    np.testing.assert_allclose(result.mining_km2.sum(), shapely.area(inside).sum() / 1e6, rtol=RTOL_SUM)
    np.testing.assert_allclose(result.cell_km2.sum(), study.area / 1e6, rtol=RTOL_SUM)
    # Exactly the cells meeting the study area with a positive area are output.
    n_rows, n_cols, x0, y1 = grid_shape(study.bounds, size)
    rr, cc = np.divmod(np.arange(n_rows * n_cols), n_cols)
    every = shapely.box(x0 + cc * size, y1 - (rr + 1) * size, x0 + (cc + 1) * size, y1 - rr * size)
    meets = shapely.area(shapely.intersection(every, study)) > 0
    assert len(result.cell_id) == int(meets.sum())


def test_no_runtime_warnings_leak_from_empty_intersections():
    # GEOS flags empty intersections (pieces that only touch a cell) as numpy
    # "invalid value" warnings; the core must not pass them on to the user's log.
    rng = np.random.default_rng(5)
    fps = _tiles(rng)
    study = _study_area(rng)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = fishnet_density(fps, cell_size=1000.0, study_area=study, mine_ids=np.arange(len(fps)))
    assert result.n_polygons.sum() > len(fps)  # many footprints were split between cells


def test_large_footprint_over_many_cells_matches_brute_force():
    # A 60 km star over 1 km cells exercises the bisection path (fully covered
    # cells in bulk) and its meeting with the study area boundary.
    rng = np.random.default_rng(3)
    big = _star(30000, 30000, 30000, 80, rng)
    holey = shapely.difference(big, shapely.box(20500, 20500, 24500, 26500))
    small = _star(70000, 30000, 1500, 10, rng)
    study = _star(40000, 32000, 34000, 50, rng)
    fps = [holey, small]
    result = fishnet_density(fps, cell_size=1000.0, study_area=study)
    mining, count, _ = _brute_force(fps, 1000.0, result, study_area=study)
    np.testing.assert_allclose(result.mining_km2, mining, rtol=RTOL, atol=1e-12)
    np.testing.assert_array_equal(result.n_polygons, count)
    assert (result.density_pct > 99.999999).sum() > 1000  # the interior cells are full
    np.testing.assert_allclose(
        result.mining_km2.sum(), shapely.area(shapely.intersection(fps, study)).sum() / 1e6, rtol=RTOL_SUM
    )


def test_overlapping_footprints_are_not_counted_twice():
    a = shapely.box(0, 0, 100, 100)
    b = shapely.box(50, 0, 150, 100)  # overlaps a by 50 x 100
    c = shapely.box(10, 10, 20, 20)  # inside a
    d = shapely.box(150, 0, 200, 100)  # only touches b
    result = fishnet_density([a, b, c, d], cell_size=100, mine_ids=["m1", "m1", "m2", "m3"])
    # grid x 0..200: cell 0 holds a|c plus half of b; cell 1 the other half of b and d.
    np.testing.assert_allclose(result.mining_km2 * 1e6, [10000, 10000], rtol=RTOL)
    np.testing.assert_array_equal(result.n_polygons, [3, 2])
    np.testing.assert_array_equal(result.n_mines, [2, 2])
    union_area = shapely.union_all([a, b, c, d]).area
    np.testing.assert_allclose(result.mining_km2.sum() * 1e6, union_area, rtol=RTOL)


def test_weights_are_apportioned_by_area_share():
    study = shapely.box(0, 0, 300, 100)
    a = shapely.box(50, 0, 150, 100)  # half in cell 0, half in cell 1
    b = shapely.box(250, 0, 350, 100)  # half of it outside the study area
    c = shapely.box(50, 0, 150, 100)  # identical to a: weights are not dissolved
    result = fishnet_density([a, b, c], cell_size=100, study_area=study, weights=[10.0, 8.0, 2.0])
    np.testing.assert_allclose(result.mining_km2, [6.0, 6.0, 4.0], rtol=RTOL)
    np.testing.assert_allclose(result.density_pct, 100 * np.array([6.0, 6.0, 4.0]) / 0.01, rtol=RTOL)
    np.testing.assert_array_equal(result.n_polygons, [2, 2, 1])


def test_mine_ids_count_distinct_and_ignore_missing():
    fps = [shapely.box(10, 10, 20, 20), shapely.box(30, 30, 40, 40), shapely.box(60, 60, 70, 70),
           shapely.box(110, 10, 120, 20), shapely.box(130, 10, 140, 20)]
    result = fishnet_density(fps, cell_size=100, mine_ids=np.array(["a", "a", "b", None, None], dtype=object))
    np.testing.assert_array_equal(result.n_polygons, [3, 2])
    np.testing.assert_array_equal(result.n_mines, [2, 0])
    numeric = fishnet_density(fps, cell_size=100, mine_ids=[7, 7, 7, 8, 9])
    np.testing.assert_array_equal(numeric.n_mines, [1, 2])


def test_min_cell_fraction_drops_slivers_and_counts_them():
    # The study area covers two full cells and a 10 m sliver of a third.
    study = shapely.box(0, 0, 210, 100)
    fps = [shapely.box(202, 10, 208, 20), shapely.box(10, 10, 60, 60)]
    kept = fishnet_density(fps, cell_size=100, study_area=study)
    np.testing.assert_allclose(kept.cell_km2 * 1e6, [1e4, 1e4, 1e3], rtol=RTOL)
    np.testing.assert_allclose(kept.density_pct, [25.0, 0.0, 6.0], rtol=RTOL, atol=1e-12)
    assert kept.n_cells_dropped == 0
    dropped = fishnet_density(fps, cell_size=100, study_area=study, min_cell_fraction=0.2)
    np.testing.assert_array_equal(dropped.col, [0, 1])
    assert dropped.n_cells_dropped == 1
    np.testing.assert_array_equal(dropped.cell_id, [1, 2])


def test_unclipped_cells_keep_full_size_but_count_only_inside():
    study = shapely.box(0, 0, 150, 100)
    fps = [shapely.box(120, 0, 180, 50)]  # 30 x 50 inside, 30 x 50 outside
    result = fishnet_density(fps, cell_size=100, study_area=study, clip=False)
    np.testing.assert_allclose(result.cell_km2 * 1e6, [1e4, 1e4], rtol=RTOL)
    np.testing.assert_allclose(result.mining_km2 * 1e6, [0.0, 1500.0], rtol=RTOL)
    assert shapely.equals(result.geometries[1], shapely.box(100, 0, 200, 100))


def test_keep_empty_false_drops_cells_without_footprints():
    fps = [shapely.box(10, 10, 20, 20), shapely.box(210, 10, 220, 20)]
    result = fishnet_density(fps, cell_size=100, keep_empty=False)
    np.testing.assert_array_equal(result.col, [0, 2])
    np.testing.assert_array_equal(result.cell_id, [1, 2])
    full = fishnet_density(fps, cell_size=100)
    np.testing.assert_array_equal(full.mining_km2 > 0, [True, False, True])
    assert full.mining_km2[1] == 0.0 and full.n_polygons[1] == 0


def test_grid_lines_lie_on_multiples_of_the_cell_size():
    rng = np.random.default_rng(2)
    fps = [shapely.affinity.translate(f, 123_456.7, -98_765.4) for f in _tiles(rng, 4)]
    size = 2500.0
    a = fishnet_density(fps, cell_size=size)
    b = fishnet_density(fps[5:], cell_size=size)
    for r in (a, b):
        assert r.origin_x % size == 0 and r.origin_y % size == 0
        coords = shapely.get_coordinates(r.geometries)
        np.testing.assert_array_equal(np.mod(coords, size), 0.0)
    # The same cell in both grids has the same geometry.
    key_a = {(round(g.bounds[0]), round(g.bounds[1])) for g in a.geometries}
    key_b = {(round(g.bounds[0]), round(g.bounds[1])) for g in b.geometries}
    assert key_b <= key_a


def test_results_are_deterministic():
    rng = np.random.default_rng(8)
    fps = _tiles(rng)
    study = _study_area(rng)
    runs = [fishnet_density(fps, cell_size=3000, study_area=study, mine_ids=np.arange(len(fps)) % 7)
            for _ in range(2)]
    for field in ("cell_id", "row", "col", "cell_km2", "n_polygons", "n_mines", "mining_km2", "density_pct"):
        np.testing.assert_array_equal(getattr(runs[0], field), getattr(runs[1], field))
    assert list(shapely.to_wkb(runs[0].geometries)) == list(shapely.to_wkb(runs[1].geometries))


def test_null_and_invalid_footprints():
    bowtie = shapely.Polygon([(0, 0), (100, 100), (100, 0), (0, 100)])  # self-intersecting
    result = fishnet_density([None, bowtie, shapely.Polygon()], cell_size=100)
    np.testing.assert_allclose(result.mining_km2 * 1e6, [5000.0], rtol=RTOL)


def test_progress_is_reported_and_can_cancel():
    fps = [shapely.box(0, 0, 950, 950)]
    seen: list[float] = []
    fishnet_density(fps, cell_size=10, progress=lambda f: seen.append(f) or True)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(CancelledError):
        fishnet_density(fps, cell_size=10, progress=lambda f: f < 0.5)


# ---------------------------------------------------------------------------
# errors


@pytest.mark.parametrize("size", [0, -5, float("nan")])
def test_error_cell_size(size):
    with pytest.raises(InvalidInputError, match="cell size must be a positive number"):
        fishnet_density([shapely.box(0, 0, 1, 1)], cell_size=size)


def test_error_no_footprints():
    with pytest.raises(InvalidInputError, match="no footprints"):
        fishnet_density([], cell_size=100)
    collinear = shapely.Polygon([(0, 0), (1, 1), (2, 2), (0, 0)])  # zero area: repaired into a line
    with pytest.raises(InvalidInputError, match="None of the 2 footprints has a positive area"):
        fishnet_density([shapely.Polygon(), collinear], cell_size=100)
    with pytest.raises(InvalidInputError, match="Footprint 1 is a LineString, not a polygon"):
        fishnet_density([shapely.box(0, 0, 1, 1), shapely.LineString([(0, 0), (1, 1)])], cell_size=100)


def test_error_nothing_inside_study_area():
    with pytest.raises(InvalidInputError, match=r"No footprint lies inside the study area \(1 footprints"):
        fishnet_density([shapely.box(500, 500, 600, 600)], cell_size=100, study_area=shapely.box(0, 0, 300, 300))


def test_error_too_many_cells_names_count_and_a_working_size():
    with pytest.raises(InvalidInputError) as info:
        fishnet_density([shapely.box(0, 0, 1000, 1000)], cell_size=1, max_cells=5000)
    err = info.value
    assert err.params["count"] == 1_000_000 and "1000000" in str(err)
    suggested = err.params["suggested"]
    assert str(suggested) in str(err)
    n_rows, n_cols, _, _ = grid_shape((0, 0, 1000, 1000), suggested)
    assert n_rows * n_cols <= 5000 and suggested < 20
    fishnet_density([shapely.box(0, 0, 1000, 1000)], cell_size=suggested, max_cells=5000)


@pytest.mark.parametrize(
    ("weights", "pattern"),
    [
        ([1.0, np.nan, 2.0], r"footprint 1 is NULL \(NaN\)"),
        ([1.0, 2.0, -0.5], r"footprint 2 is negative \(-0.5\)"),
        ([np.inf, 1.0, 1.0], "footprint 0 is infinite"),
        ([1.0, 2.0], "There are 2 weights for 3 footprints"),
    ],
)
def test_error_bad_weights(weights, pattern):
    fps = [shapely.box(0, 0, 1, 1), shapely.box(2, 2, 3, 3), shapely.box(4, 4, 5, 5)]
    with pytest.raises(InvalidInputError, match=pattern):
        fishnet_density(fps, cell_size=10, weights=weights)


def test_error_other_parameters():
    fps = [shapely.box(0, 0, 1, 1)]
    with pytest.raises(InvalidInputError, match="minimum cell fraction"):
        fishnet_density(fps, cell_size=10, min_cell_fraction=1.5)
    with pytest.raises(InvalidInputError, match="2 mine ids for 1 footprints"):
        fishnet_density(fps, cell_size=10, mine_ids=["a", "b"])
    with pytest.raises(InvalidInputError, match="polygon or multipolygon, not LineString"):
        fishnet_density(fps, cell_size=10, study_area=shapely.LineString([(0, 0), (5, 5)]))
    with pytest.raises(InvalidInputError, match="study area is empty"):
        fishnet_density(fps, cell_size=10, study_area=shapely.Polygon())
    with pytest.raises(InvalidInputError, match="cell limit"):
        fishnet_density(fps, cell_size=10, max_cells=0)


def test_error_templates_are_literal_and_formatted():
    with pytest.raises(InvalidInputError) as info:
        fishnet_density([shapely.box(0, 0, 1, 1)], cell_size=-1)
    assert info.value.template == "The cell size must be a positive number of metres, not {value}."
    assert str(info.value) == "The cell size must be a positive number of metres, not -1."


def test_collection_study_area_keeps_its_polygons():
    # what makeValid returns for a study area with a dangling edge: a polygon and a line
    study = shapely.GeometryCollection([shapely.box(0, 0, 200, 100), shapely.LineString([(200, 100), (300, 300)])])
    r = fishnet_density([shapely.box(50, 0, 150, 100)], cell_size=100, study_area=study)
    np.testing.assert_allclose(r.cell_km2, [0.01, 0.01], rtol=RTOL)
    np.testing.assert_allclose(r.mining_km2, [0.005, 0.005], rtol=RTOL)
    with pytest.raises(InvalidInputError, match="empty or has no area"):
        fishnet_density([shapely.box(0, 0, 1, 1)], cell_size=100,
                        study_area=shapely.GeometryCollection([shapely.LineString([(0, 0), (1, 1)])]))


def test_duplicates_count_once_and_order_does_not_matter():
    a, b = shapely.box(0, 0, 100, 100), shapely.box(20, 20, 40, 40)  # b (a pond) inside a
    again = shapely.Polygon([(100, 100), (0, 100), (0, 0), (100, 0)])  # a digitised again
    for layer in ([a, b, again, a], [again, a, b, a]):
        r = fishnet_density(layer, cell_size=100)
        np.testing.assert_allclose(r.mining_km2, [0.01], rtol=RTOL)
        assert r.n_polygons.tolist() == [2] and r.n_covered == 2 and r.n_counted == 2
