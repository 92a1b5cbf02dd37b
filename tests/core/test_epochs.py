"""Epochs core: epoch labels, the fishnet of many epochs against per-epoch and brute-force results, cell trends."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import stats

from minemonitor_plugin.core.epochs import (
    DAYS_PER_YEAR,
    cell_trends,
    epoch_density,
    epoch_from_name,
    order_epochs,
    parse_epoch,
    time_axis,
)
from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from minemonitor_plugin.core.geometry import COUNTED, COVERED, DEGENERATE, has_area
from minemonitor_plugin.core.grid import _encode_ids, fishnet_density
from minemonitor_plugin.core.trend import trend_statistics
from tests.support.geometry_reference import reference_layer

RTOL = 1e-9  # the reconciliation tolerance (exact geometry, only summation order differs)
ATOL_KM2 = 1e-12  # absolute floor for cells whose area is a difference of near-equal pieces


# ---------------------------------------------------------------------------------------------
# epoch labels


@pytest.mark.parametrize("value, label, kind, start, end", [
    ("2022", "2022", "year", dt.date(2022, 1, 1), dt.date(2023, 1, 1)),
    (2022, "2022", "year", dt.date(2022, 1, 1), dt.date(2023, 1, 1)),
    (2022.0, "2022", "year", dt.date(2022, 1, 1), dt.date(2023, 1, 1)),
    (np.int64(2021), "2021", "year", dt.date(2021, 1, 1), dt.date(2022, 1, 1)),
    ("2022Q3", "2022Q3", "quarter", dt.date(2022, 7, 1), dt.date(2022, 10, 1)),
    ("2022-q4", "2022Q4", "quarter", dt.date(2022, 10, 1), dt.date(2023, 1, 1)),
    (" Q1 2023 ", "2023Q1", "quarter", dt.date(2023, 1, 1), dt.date(2023, 4, 1)),
    ("2022 Q2", "2022Q2", "quarter", dt.date(2022, 4, 1), dt.date(2022, 7, 1)),
    ("2022年第3季度", "2022Q3", "quarter", dt.date(2022, 7, 1), dt.date(2022, 10, 1)),
    ("2022年四季度", "2022Q4", "quarter", dt.date(2022, 10, 1), dt.date(2023, 1, 1)),
    ("2022H2", "2022H2", "half", dt.date(2022, 7, 1), dt.date(2023, 1, 1)),
    ("2022年上半年", "2022H1", "half", dt.date(2022, 1, 1), dt.date(2022, 7, 1)),
    ("2022-03", "2022-03", "month", dt.date(2022, 3, 1), dt.date(2022, 4, 1)),
    ("2022/12", "2022-12", "month", dt.date(2022, 12, 1), dt.date(2023, 1, 1)),
    (202211, "2022-11", "month", dt.date(2022, 11, 1), dt.date(2022, 12, 1)),
    ("2022年3月", "2022-03", "month", dt.date(2022, 3, 1), dt.date(2022, 4, 1)),
    ("2022-03-31", "2022-03-31", "day", dt.date(2022, 3, 31), dt.date(2022, 4, 1)),
    ("2022-03-31T10:20:00Z", "2022-03-31", "day", dt.date(2022, 3, 31), dt.date(2022, 4, 1)),
    (20221231, "2022-12-31", "day", dt.date(2022, 12, 31), dt.date(2023, 1, 1)),
    ("2022年3月5日", "2022-03-05", "day", dt.date(2022, 3, 5), dt.date(2022, 3, 6)),
    (dt.date(2024, 2, 29), "2024-02-29", "day", dt.date(2024, 2, 29), dt.date(2024, 3, 1)),
    (dt.datetime(2022, 6, 1, 23, 59), "2022-06-01", "day", dt.date(2022, 6, 1), dt.date(2022, 6, 2)),
])
def test_parse_epoch(value, label, kind, start, end):
    epoch = parse_epoch(value)
    assert (epoch.label, epoch.kind, epoch.start, epoch.end) == (label, kind, start, end)
    assert parse_epoch(epoch.label) == epoch  # canonical labels read back


@pytest.mark.parametrize("value", ["spring 2022", "2022Q5", "2022-13", "2022-02-30", "1700", "Q3", "", 2022.5,
                                   True, None, float("nan"), "2022H3", 20221301])
def test_parse_epoch_refuses_what_it_cannot_order(value):
    with pytest.raises(InvalidInputError, match="Cannot read the epoch value"):
        parse_epoch(value)


def test_order_epochs_sorts_periods_and_maps_every_value():
    order = order_epochs(["2022Q1", "2021Q4", "2022Q3", "2021Q4", "2022Q1"])
    assert order.labels == ("2021Q4", "2022Q1", "2022Q3")
    assert order.index == (1, 0, 2, 0, 1)
    dates = order_epochs([dt.date(2022, 5, 1), dt.date(2021, 12, 31)])
    assert dates.labels == ("2021-12-31", "2022-05-01") and dates.index == (1, 0)
    mixed = order_epochs(["2021", "2022Q1", "2022-05"])  # different kinds that do not overlap
    assert mixed.labels == ("2021", "2022Q1", "2022-05")


def test_order_epochs_errors_name_the_values():
    with pytest.raises(InvalidInputError, match=r"'spring', 'autumn'"):
        order_epochs(["2021Q1", "spring", "autumn"])
    with pytest.raises(InvalidInputError, match="2022 and 2022Q3 overlap"):
        order_epochs(["2022", "2022Q3"])
    # two spellings of one quarter are one epoch
    assert order_epochs(["2022Q3", "2022-Q3", "2022Q4"]).index == (0, 0, 1)
    with pytest.raises(InvalidInputError, match=r"At least two epochs are needed; found 1 \(2022Q1\)"):
        order_epochs(["2022Q1", "2022-q1"])


@pytest.mark.parametrize("name, label", [
    ("footprints_2021Q3", "2021Q3"), ("mines 2022-03-31", "2022-03-31"), ("fp_2022", "2022"),
    ("survey_Q2_2023", "2023Q2"), ("epoch_20230115_v2", "2023-01-15"), ("2021H1 mapping", "2021H1"),
    ("footprints 2022-07", "2022-07"),
])
def test_epoch_from_name(name, label):
    assert epoch_from_name(name).label == label


def test_epoch_from_name_refuses_ambiguous_or_missing():
    with pytest.raises(InvalidInputError, match="several epochs"):
        epoch_from_name("change_2021_2022")
    with pytest.raises(InvalidInputError, match="No epoch"):
        epoch_from_name("footprints")


def test_time_axis_months_for_periods_days_for_dates():
    quarters = order_epochs(["2021Q1", "2021Q2", "2021Q3", "2022Q1"]).epochs
    axis = time_axis(quarters)
    assert axis.units.tolist() == [0, 3, 6, 12] and axis.unit == "month" and axis.per_year == 12
    assert not axis.regular
    even = time_axis(order_epochs(["2021Q1", "2021Q2", "2021Q3"]).epochs)
    assert even.regular and even.step == 3
    days = time_axis(order_epochs(["2022-03-31", "2022-06-30", "2022-10-02"]).epochs)
    assert days.unit == "day" and days.units.tolist() == [0, 91, 185] and days.per_year == DAYS_PER_YEAR


# ---------------------------------------------------------------------------------------------
# the fishnet of many epochs


def _star(cx, cy, r, n, rng):
    t = (np.arange(n) + rng.uniform(0.1, 0.9, n)) * 2 * np.pi / n
    rad = r * rng.uniform(0.45, 1.0, n)
    return shapely.Polygon(np.column_stack([cx + rad * np.cos(t), cy + rad * np.sin(t)]))


def _series(rng, n_epochs=4, n_base=30, extent=6000.0):
    """Footprints of several epochs: carried forward, grown, dropped, new, plus overlaps in an epoch."""
    base = [_star(rng.uniform(0, extent), rng.uniform(0, extent), rng.uniform(60, 400), 9, rng) for _ in range(n_base)]
    geoms, codes = [], []
    for e in range(n_epochs):
        for g in base:
            if rng.random() < 0.15:
                continue
            geoms.append(g.buffer(40.0 * e) if rng.random() < 0.2 else g)
            codes.append(e)
        geoms.append(_star(rng.uniform(0, extent), rng.uniform(0, extent), 300, 7, rng))  # new in this epoch
        codes.append(e)
    return geoms, codes


def _brute_force(geoms, codes, e, cell_geoms, study):
    """Per cell: area of the union of epoch e's footprints in the cell (one plain intersection each)."""
    union = shapely.union_all([g for g, c in zip(geoms, codes, strict=True) if c == e])
    region = cell_geoms if study is None else shapely.intersection(cell_geoms, study)
    return shapely.area(shapely.intersection(union, region)) / 1e6, union.area / 1e6


def _absolute(result, rows, cols, size=1000.0):
    """Grid-independent cell keys: (column, row) counted from the origin of the CRS."""
    x0 = round(result.origin_x / size)
    y1 = round(result.origin_y / size)
    return list(zip((x0 + cols).tolist(), (y1 - rows).tolist(), strict=True))


@pytest.mark.parametrize("with_study", [False, True])
def test_epoch_density_equals_fishnet_density_of_each_epoch(with_study):
    rng = np.random.default_rng(7)
    geoms, codes = _series(rng)
    geoms.append(geoms[0])  # a duplicate within epoch 0
    codes.append(0)
    mines = [f"m{i % 9}" for i in range(len(geoms))]
    study = shapely.Polygon([(-500, -300), (6300, 200), (5800, 6400), (300, 5900)]) if with_study else None
    res = epoch_density(geoms, np.array(codes), 4, cell_size=1000.0, study_area=study, mine_ids=mines)
    g = np.array(geoms, dtype=object)
    c = np.array(codes)
    m = np.array(mines, dtype=object)
    for e in range(4):
        one = fishnet_density(g[c == e], cell_size=1000.0, study_area=study, mine_ids=m[c == e])
        # without a study area each grid covers its own footprints: match cells by their position
        key = dict(zip(zip(_absolute(one, one.row, one.col)), range(len(one.row)), strict=True))
        pos = np.array([key.get((k,), -1) for k in _absolute(res, res.row, res.col)])
        inside = pos >= 0
        np.testing.assert_allclose(res.mining_km2[inside, e], one.mining_km2[pos[inside]], rtol=RTOL, atol=ATOL_KM2)
        np.testing.assert_array_equal(res.n_polygons[inside, e], one.n_polygons[pos[inside]])
        np.testing.assert_array_equal(res.n_mines[inside, e], one.n_mines[pos[inside]])
        assert res.mining_km2[~inside, e].sum() == 0.0 and res.n_polygons[~inside, e].sum() == 0
        brute, union_km2 = _brute_force(geoms, codes, e, res.geometries, study)
        np.testing.assert_allclose(res.mining_km2[:, e], brute, rtol=RTOL, atol=ATOL_KM2)
        np.testing.assert_allclose(res.footprint_km2[e], union_km2, rtol=RTOL)
        np.testing.assert_allclose(res.grid_km2[e], res.mining_km2[:, e].sum(), rtol=RTOL)
        # counts follow the footprint rule within the epoch: the duplicate of epoch 0 is not counted
        ref = reference_layer(g[c == e], _encode_ids(m[c == e], int((c == e).sum())))
        assert res.n_footprints[e] == one.n_counted == ref.counted.sum()
        assert res.n_covered[e] == (e == 0) and res.n_degenerate[e] == 0
        assert res.n_mines_total[e] == len(set(m[c == e][ref.counted]))
        np.testing.assert_array_equal(res.footprint_status[c == e], one.footprint_status)
    np.testing.assert_allclose(res.density_pct, 100 * res.mining_km2 / res.cell_km2[:, None], rtol=RTOL)
    # the repeated outlines were apportioned once
    assert res.n_unique == len({g.wkb for g in geoms})
    if not with_study:
        np.testing.assert_allclose(res.grid_km2, res.footprint_km2, rtol=RTOL)


def test_footprint_rule_applies_within_an_epoch_never_across():
    a = shapely.box(0, 0, 600, 600)
    nested = shapely.box(100, 100, 300, 300)  # a pond digitised inside the stope: keeps its own area
    bigger = shapely.box(0, 0, 900, 600)  # epoch 1: the mine grew over the old outline
    res = epoch_density([a, nested, a, bigger, a], np.array([0, 0, 0, 1, 2]), 3, cell_size=1000.0)
    np.testing.assert_allclose(res.footprint_km2, [0.36, 0.54, 0.36], rtol=RTOL)
    np.testing.assert_allclose(res.mining_km2.sum(axis=0), [0.36, 0.54, 0.36], rtol=RTOL)
    # by hand: epoch 0 holds the stope (0.36 - 0.04 km² of its own), the pond (0.04) and a duplicate of
    # the stope, which has no land of its own and is not counted; the stope listed first is the one kept
    assert res.n_footprints.tolist() == [2, 1, 1] and res.n_covered.tolist() == [1, 0, 0]
    assert res.footprint_status.tolist() == [COUNTED, COUNTED, COVERED, COUNTED, COUNTED]
    assert res.n_overlapping.tolist() == [3, 0, 0]
    np.testing.assert_allclose(res.overlap_km2, [0.36 + 0.04 + 0.36 - 0.36, 0.0, 0.0], rtol=RTOL)
    assert res.n_polygons.sum(axis=0).tolist() == [2, 1, 1]
    assert res.n_lands == 1  # the stope's land (the stope minus the pond), apportioned once


def test_duplicates_of_two_mines_are_decided_by_the_mine_id_and_slivers_are_not_counted():
    a = shapely.box(0, 0, 600, 600)
    sliver = shapely.box(700, 100, 950, 100.001)  # 1 mm over 250 m: no area
    geoms = [a, a, sliver, a, a]
    res = epoch_density(geoms, np.array([0, 0, 0, 1, 1]), 2, cell_size=1000.0, mine_ids=["B", "A", "C", None, "A"])
    # epoch 0: mine A keeps the land (the lower id), epoch 1: the footprint without a mine id (as fishnetdensity)
    assert res.footprint_status.tolist() == [COVERED, COUNTED, DEGENERATE, COUNTED, COVERED]
    assert res.n_mines_total.tolist() == [1, 0] and res.n_mines[:, 0].max() == 1 and res.n_mines[:, 1].max() == 0
    assert res.n_degenerate.tolist() == [1, 0] and res.n_footprints.tolist() == [1, 1]
    for sel in ([0, 1, 2], [3, 4]):
        one = fishnet_density([geoms[i] for i in sel], cell_size=1000.0,
                              mine_ids=np.array(["B", "A", "C", None, "A"], dtype=object)[sel])
        np.testing.assert_array_equal(one.footprint_status, res.footprint_status[sel])


def test_empty_epoch_gives_zero_mining_and_keep_empty_drops_cells_of_no_epoch():
    geoms = [shapely.box(100, 100, 400, 400), shapely.box(2100, 100, 2400, 400)]
    res = epoch_density(geoms, np.array([0, 2]), 3, cell_size=1000.0, study_area=shapely.box(0, 0, 3000, 1000))
    assert res.mining_km2.shape == (3, 3)
    assert res.n_footprints.tolist() == [1, 0, 1] and res.mining_km2[:, 1].sum() == 0.0
    kept = epoch_density(geoms, np.array([0, 2]), 3, cell_size=1000.0, study_area=shapely.box(0, 0, 3000, 1000),
                         keep_empty=False)
    assert kept.col.tolist() == [0, 2]  # the middle cell has no footprint in any epoch
    np.testing.assert_allclose(kept.mining_km2, [[0.09, 0, 0], [0, 0, 0.09]], rtol=RTOL)


def test_zone_totals_cut_at_zone_boundaries_and_reconcile():
    rng = np.random.default_rng(3)
    geoms, codes = _series(rng, n_epochs=3, n_base=20, extent=4000.0)
    zones = [shapely.box(-1000, -1000, 2000, 5000), shapely.box(2000, -1000, 3500, 5000)]  # east edge open
    res = epoch_density(geoms, np.array(codes), 3, cell_size=1000.0, zones=zones)
    for e in range(3):
        union = shapely.union_all([g for g, c in zip(geoms, codes, strict=True) if c == e])
        expected = [shapely.intersection(union, z).area / 1e6 for z in zones]
        np.testing.assert_allclose(res.zone_km2[:2, e], expected, rtol=RTOL, atol=ATOL_KM2)
        np.testing.assert_allclose(res.zone_km2[:, e].sum(), res.footprint_km2[e], rtol=RTOL)
        points = shapely.point_on_surface(np.array([g for g, c in zip(geoms, codes, strict=True) if c == e]))
        counted = [int(shapely.within(points, z).sum()) for z in zones]
        assert res.zone_polygons[:2, e].tolist() == counted
        assert res.zone_polygons[:, e].sum() == res.n_footprints[e]


def test_distinct_outlines_are_confirmed_vertex_by_vertex():
    from minemonitor_plugin.core.epochs import _distinct

    square = shapely.box(0, 0, 10, 10)
    turned = shapely.Polygon([(0, 0), (0, 10), (10, 10), (10, 0)])  # same square, other vertex order
    left = shapely.Polygon([(0, 0), (10, 0), (0, 10)])
    right = shapely.Polygon([(0, 0), (10, 0), (10, 10)])  # same bounds, area and vertex count as left
    geoms = np.array([square, turned, left, right, shapely.box(0, 0, 10, 10), shapely.Polygon(), shapely.Polygon(),
                      shapely.Polygon([(0, 0), (10, 0), (0, 10)])], dtype=object)
    firsts, ids = _distinct(geoms)
    assert ids.tolist() == [0, 1, 2, 3, 0, 4, 4, 2]
    assert firsts.tolist() == [0, 1, 2, 3, 5]


def test_repaired_and_empty_footprints_are_counted():
    bowtie = shapely.Polygon([(0, 0), (500, 500), (500, 0), (0, 500)])
    res = epoch_density([bowtie, None, shapely.Polygon(), shapely.box(0, 0, 200, 200)], np.array([0, 0, 1, 1]), 2,
                        cell_size=1000.0)
    assert res.n_repaired == 1 and res.n_empty == 2
    np.testing.assert_allclose(res.footprint_km2, [shapely.make_valid(bowtie).area / 1e6, 0.04], rtol=RTOL)


def test_epoch_density_bad_input_and_cancel():
    box = shapely.box(0, 0, 100, 100)
    with pytest.raises(InvalidInputError, match="At least two epochs"):
        epoch_density([box], np.array([0]), 1, cell_size=100.0)
    with pytest.raises(InvalidInputError, match="from 0 to 1"):
        epoch_density([box], np.array([2]), 2, cell_size=100.0)
    with pytest.raises(InvalidInputError, match="positive area"):
        epoch_density([shapely.Polygon()], np.array([0]), 2, cell_size=100.0)
    with pytest.raises(InvalidInputError, match="cell size"):
        epoch_density([box], np.array([0]), 2, cell_size=0.0)
    calls = []

    def stop(fraction):
        calls.append(fraction)
        return len(calls) < 3

    with pytest.raises(CancelledError):
        epoch_density([box, box], np.array([0, 1]), 2, cell_size=10.0, progress=stop)


def _polygon_strategy():
    """Footprints as the issue lists them: squares, holes, slivers, nested copies, bow-ties, empties."""
    coord = st.floats(0, 5000, allow_nan=False, allow_infinity=False)
    size = st.floats(1.0, 1800.0, allow_nan=False, allow_infinity=False)

    @st.composite
    def one(draw):
        kind = draw(st.sampled_from(["box", "hole", "sliver", "bowtie", "empty", "none"]))
        x, y, s = draw(coord), draw(coord), draw(size)
        if kind == "box":
            return shapely.box(x, y, x + s, y + s * 0.7)
        if kind == "hole":
            return shapely.box(x, y, x + s, y + s).difference(shapely.box(x + s / 4, y + s / 4, x + s / 2, y + s / 2))
        if kind == "sliver":
            return shapely.box(x, y, x + s, y + 1e-3)
        if kind == "bowtie":
            return shapely.Polygon([(x, y), (x + s, y + s), (x + s, y), (x, y + s)])
        if kind == "empty":
            return shapely.Polygon()
        return None

    return one()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_property_each_epoch_equals_its_own_fishnet(data):
    n_epochs = data.draw(st.integers(2, 4))
    pool = data.draw(st.lists(_polygon_strategy(), min_size=1, max_size=8))
    picks = data.draw(st.lists(st.tuples(st.integers(0, len(pool) - 1), st.integers(0, n_epochs - 1)),
                               min_size=1, max_size=20))
    extra = []
    for i, e in data.draw(st.lists(st.tuples(st.integers(0, len(pool) - 1), st.integers(0, n_epochs - 1)),
                                   max_size=3)):
        g = pool[i]
        if g is not None and not g.is_empty:  # a nested copy (scaled inside the original) in the same epoch
            extra.append((shapely.affinity.scale(shapely.make_valid(g), 0.5, 0.5), e))
    geoms = [pool[i] for i, _ in picks] + [g for g, _ in extra]
    codes = np.array([e for _, e in picks] + [e for _, e in extra], dtype=np.int64)
    if not reference_layer(geoms).counted.any():  # nothing but NULL, empty and sliver footprints
        with pytest.raises(InvalidInputError):
            epoch_density(geoms, codes, n_epochs, cell_size=700.0)
    else:
        _check_each_epoch(geoms, codes, n_epochs)


def _check_each_epoch(geoms, codes, n_epochs):
    res = epoch_density(geoms, codes, n_epochs, cell_size=700.0)
    g = np.array(geoms, dtype=object)
    for e in range(n_epochs):
        sel = codes == e
        ref = reference_layer(g[sel])  # the footprint rule, one footprint at a time
        if not ref.counted.any():
            assert res.mining_km2[:, e].sum() == 0.0 and res.footprint_km2[e] == 0.0
            assert res.n_footprints[e] == 0 and res.n_polygons[:, e].sum() == 0
            continue
        union = ref.union
        np.testing.assert_allclose(res.footprint_km2[e], union.area / 1e6, rtol=1e-7, atol=1e-12)
        np.testing.assert_allclose(res.grid_km2[e], res.footprint_km2[e], rtol=1e-7, atol=1e-12)
        brute = shapely.area(shapely.intersection(union, res.geometries)) / 1e6
        np.testing.assert_allclose(res.mining_km2[:, e], brute, rtol=1e-7, atol=1e-12)
        assert res.n_footprints[e] == ref.counted.sum()
        # cell by cell: a counted footprint counts where its own geometry has area in the cell
        counted = np.flatnonzero(ref.counted)
        expected = [sum(bool(has_area([shapely.intersection(ref.own[i], cell)])[0]) for i in counted)
                    for cell in res.geometries]
        np.testing.assert_array_equal(res.n_polygons[:, e], expected)
        # and the fishnet of the epoch alone, as a second method
        one = fishnet_density(g[sel], cell_size=700.0)
        assert one.n_counted == res.n_footprints[e]
        np.testing.assert_array_equal(one.footprint_status, res.footprint_status[sel])
        key = {k: i for i, k in enumerate(_absolute(one, one.row, one.col, 700.0))}
        pos = np.array([key.get(k, -1) for k in _absolute(res, res.row, res.col, 700.0)])
        inside = pos >= 0
        np.testing.assert_array_equal(res.n_polygons[inside, e], one.n_polygons[pos[inside]])
        np.testing.assert_allclose(res.mining_km2[inside, e], one.mining_km2[pos[inside]], rtol=1e-9, atol=1e-12)
        assert res.n_polygons[~inside, e].sum() == 0
    assert (res.mining_km2 >= 0).all() and (res.density_pct <= 100 + 1e-9).all()


# ---------------------------------------------------------------------------------------------
# per-cell trends


def _mann_kendall(x):
    """Plain Mann-Kendall (S, tie-corrected variance, continuity-corrected Z, two-sided p), loop by loop."""
    n = len(x)
    s = sum(np.sign(x[j] - x[i]) for i in range(n) for j in range(i + 1, n))
    _, ties = np.unique(x, return_counts=True)
    var = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties)) / 18.0
    z = 0.0 if s == 0 or var == 0 else (s - np.sign(s)) / np.sqrt(var)
    return s, var, z, 2 * stats.norm.sf(abs(z))


def test_cell_trends_equal_the_trend_core_and_hand_computations():
    rng = np.random.default_rng(11)
    epochs = order_epochs([f"{2021 + q // 4}Q{q % 4 + 1}" for q in range(12)]).epochs
    values = np.vstack([
        np.linspace(0.0, 5.5, 12) + rng.normal(0, 0.3, 12),   # growing
        np.linspace(4.0, 0.5, 12),                             # fading, no noise
        np.zeros(12),                                          # never mined
        np.full(12, 2.5),                                      # a mine that never changes
        rng.normal(1.0, 0.5, 12),                              # noise
        np.r_[0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 3.0],          # ties
    ])
    res = cell_trends(values, epochs, alpha=0.05)
    core = trend_statistics(values.T, np.arange(0, 36, 3), statistics=("sen_slope", "mk_s", "mk_z", "mk_p"),
                            min_years=3)
    np.testing.assert_array_equal(res.mk_s, core.mk_s)
    np.testing.assert_array_equal(res.mk_z, core.mk_z)
    np.testing.assert_array_equal(res.mk_p, core.mk_p)
    for i, x in enumerate(values):
        s, var, z, p = _mann_kendall(x)
        assert res.mk_s[i] == s
        np.testing.assert_allclose([res.mk_var_s[i], res.mk_z[i], res.mk_p[i]], [var, z, p], rtol=1e-12, atol=1e-15)
        per_epoch = stats.theilslopes(x, np.arange(12))[0]
        np.testing.assert_allclose(res.sen_per_epoch[i], per_epoch, rtol=1e-6, atol=1e-12)
        np.testing.assert_allclose(res.sen_per_year[i], 4 * per_epoch, rtol=1e-6, atol=1e-12)
    assert res.trend_class.tolist() == [1, -1, 0, 0, int(np.sign(res.mk_s[4])) if res.mk_p[4] < 0.05 else 0, 1]
    # unchanged cells: no trend, stated as numbers, not NaN
    for i in (2, 3):
        assert res.constant[i] and res.mk_s[i] == 0 and res.mk_p[i] == 1.0 and res.sen_per_year[i] == 0.0
    assert res.constant.tolist() == [False, False, True, True, False, False]


def test_cell_trends_uneven_dates_use_the_real_spacing():
    labels = ["2021-01-15", "2021-02-20", "2021-09-01", "2022-01-10", "2022-12-24"]
    epochs = order_epochs(labels).epochs
    x = np.array([[1.0, 1.2, 2.0, 2.1, 3.5]])
    res = cell_trends(x, epochs)
    days = np.array([e.start.toordinal() for e in epochs], dtype=float)
    np.testing.assert_allclose(res.sen_per_year[0], stats.theilslopes(x[0], days)[0] * DAYS_PER_YEAR, rtol=1e-6)
    np.testing.assert_allclose(res.sen_per_epoch[0], stats.theilslopes(x[0], np.arange(5))[0], rtol=1e-6)


def test_cell_trends_refuse_fewer_than_three_epochs_and_gaps_are_missing_values():
    two = order_epochs(["2021", "2022"]).epochs
    with pytest.raises(InvalidInputError, match="at least three epochs"):
        cell_trends(np.zeros((2, 2)), two)
    epochs = order_epochs(["2021", "2022", "2023", "2024"]).epochs
    res = cell_trends(np.array([[1.0, np.nan, 3.0, 4.0], [np.nan, np.nan, 1.0, 2.0]]), epochs)
    assert res.n_valid.tolist() == [3, 2]
    assert res.mk_s[0] == 3 and np.isnan(res.mk_s[1]) and res.trend_class[1] == -128


def test_repaired_bowties_whose_relate_fails_in_geos_are_still_dissolved():
    """Found by the property test: GEOS 3.11's relate raises a TopologyException on these two valid
    repaired bow-ties (one nested in the other); the overlaps are decided by intersection areas instead."""
    bowtie = shapely.Polygon([(124, 508), (132.1, 516.1), (132.1, 508), (124, 516.1)])
    repaired = shapely.make_valid(bowtie)
    nested = shapely.affinity.scale(repaired, 0.5, 0.5)
    res = epoch_density([bowtie, nested], np.array([0, 0]), 2, cell_size=700.0)
    np.testing.assert_allclose(res.footprint_km2[0], shapely.union_all([repaired, nested]).area / 1e6, rtol=1e-9)
    assert res.n_overlapping.tolist() == [2, 0] and res.n_repaired == 1
