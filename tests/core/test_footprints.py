"""Footprint statistics, size classes and the log-normality check against numpy/scipy and pandas (oracle fixture)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy import stats

from minemonitor_plugin.core.errors import InvalidInputError
from minemonitor_plugin.core.footprints import (
    SIZE_BREAKS_KM2,
    factorize,
    footprint_statistics,
    lognormal_pp,
    lognormality_test,
    size_classes,
    top_groups,
)

RTOL = 1e-12


@pytest.fixture(scope="module")
def sample(pandas):
    """Log-normal areas like the paper's (geometric mean 0.024 km2), two grouping fields with NULLs."""
    rng = np.random.default_rng(20250603)
    n = 3000
    province = rng.choice(np.array(["Gansu", "Qinghai", "Ningxia", "Xinjiang", None], dtype=object), n,
                          p=[0.28, 0.12, 0.06, 0.52, 0.02])
    mineral = rng.choice(np.array(["coal", "potash", "sand", None], dtype=object), n)
    area = rng.lognormal(np.log(0.024), 1.6, n)
    perimeter = 4.0 * np.sqrt(area) * rng.uniform(1.0, 1.6, n)
    mine = rng.integers(0, 800, n).astype(object)
    mine[rng.random(n) < 0.05] = None
    return pandas.DataFrame({"province": province, "mineral": mineral, "area": area, "perimeter": perimeter,
                         "mine": mine})


def _expected(df, by: list[str]):
    """The statistics by pandas groupby (the oracle), as a DataFrame of the same class as ``df``."""
    g = df.groupby(by, dropna=False)
    out = type(df)({
        "n_polygons": g["area"].size(),
        "n_mines": g["mine"].nunique(dropna=True),
        "total_km2": g["area"].sum(),
        "mean_km2": g["area"].mean(),
        "std_km2": g["area"].std(ddof=1),
        "median_km2": g["area"].median(),
        "geomean_km2": g["area"].apply(stats.gmean),
        "min_km2": g["area"].min(),
        "max_km2": g["area"].max(),
        "total_perimeter_km": g["perimeter"].sum(),
        "mean_perimeter_km": g["perimeter"].mean(),
    })
    out["share_pct"] = out["total_km2"] / df["area"].sum() * 100
    return out


def _key(values: tuple[object, ...]) -> tuple[object, ...]:
    return tuple(None if (v is None or (isinstance(v, float) and np.isnan(v))) else v for v in values)


def test_group_statistics_match_pandas(sample) -> None:
    res = footprint_statistics(sample["area"], sample["perimeter"],
                               [sample["province"].tolist(), sample["mineral"].tolist()],
                               ["province", "mineral"], mine_ids=sample["mine"].tolist())
    exp = _expected(sample, ["province", "mineral"])
    assert res.n_groups == len(exp) == 20
    exp_rows = {_key(k): row for k, row in exp.iterrows()}
    for g, key in enumerate(res.keys):
        row = exp_rows[key]
        for col in ("n_polygons", "n_mines", "total_km2", "share_pct", "mean_km2", "std_km2", "median_km2",
                    "geomean_km2", "min_km2", "max_km2", "total_perimeter_km", "mean_perimeter_km"):
            np.testing.assert_allclose(res.columns[col][g], row[col], rtol=1e-10, err_msg=f"{key} {col}")
    # groups sorted, NULL last within each field
    assert res.keys[0] == ("Gansu", "coal")
    assert res.keys[-1] == (None, None)
    np.testing.assert_allclose(res.columns["share_pct"].sum(), 100.0, rtol=RTOL)


def test_whole_layer_row_matches_numpy(sample) -> None:
    a, p = sample["area"].to_numpy(), sample["perimeter"].to_numpy()
    res = footprint_statistics(a, p, [sample["province"].tolist()], ["province"], mine_ids=sample["mine"].tolist())
    t = res.total
    assert t["n_polygons"] == a.size
    assert t["n_mines"] == len({m for m in sample["mine"] if m is not None})
    np.testing.assert_allclose(
        [t["total_km2"], t["mean_km2"], t["std_km2"], t["median_km2"], t["min_km2"], t["max_km2"],
         t["total_perimeter_km"], t["mean_perimeter_km"], t["share_pct"]],
        [a.sum(), a.mean(), a.std(ddof=1), np.median(a), a.min(), a.max(), p.sum(), p.mean(), 100.0],
        rtol=1e-10,
    )
    np.testing.assert_allclose(t["geomean_km2"], np.exp(np.log(a).mean()), rtol=1e-12)
    np.testing.assert_allclose(t["geomean_km2"], stats.gmean(a), rtol=1e-12)
    # population standard deviation on request
    pop = footprint_statistics(a, p, ddof=0)
    np.testing.assert_allclose(pop.total["std_km2"], a.std(ddof=0), rtol=1e-10)
    assert pop.n_groups == 0


def test_small_hand_case() -> None:
    # geometric mean of 1 and 4 is 2; median of (1, 4) is 2.5; a lone polygon has no sample std
    res = footprint_statistics([1.0, 4.0, 2.0], [4.0, 8.0, 6.0], [["a", "a", None]], ["g"], mine_ids=["m1", "m1", None])
    assert res.keys == (("a",), (None,))
    assert res.columns["n_polygons"].tolist() == [2, 1]
    assert res.columns["n_mines"].tolist() == [1.0, 0.0]
    assert res.columns["geomean_km2"].tolist() == pytest.approx([2.0, 2.0], rel=RTOL)
    assert res.columns["median_km2"].tolist() == [2.5, 2.0]
    assert np.isnan(res.columns["std_km2"][1])
    assert res.columns["share_pct"].tolist() == pytest.approx([500 / 7, 200 / 7], rel=RTOL)


def test_zero_area_left_out_of_geometric_mean_only() -> None:
    res = footprint_statistics([0.0, 2.0, 8.0], [0.0, 6.0, 12.0])
    assert res.n_zero_area == 1
    assert res.total["n_polygons"] == 3
    assert res.total["geomean_km2"] == pytest.approx(4.0, rel=RTOL)
    assert res.total["mean_km2"] == pytest.approx(10 / 3, rel=RTOL)
    assert res.total["min_km2"] == 0.0


def test_size_classes_match_numpy(sample) -> None:
    a = sample["area"].to_numpy()
    t = size_classes(a)
    breaks = np.asarray(SIZE_BREAKS_KM2)
    edges = np.concatenate(([0.0], breaks, [np.inf]))
    counts = np.array([np.sum((a >= lo) & (a < hi)) for lo, hi in itertools.pairwise(edges)])
    assert t.n_polygons.tolist() == counts.tolist()
    assert t.n_polygons.sum() == a.size
    np.testing.assert_allclose(t.cum_pct_polygons[:-1], [np.mean(a < b) * 100 for b in breaks], rtol=RTOL)
    np.testing.assert_allclose(t.pct_polygons, counts / a.size * 100, rtol=RTOL)
    np.testing.assert_allclose(
        t.pct_area, [a[(a >= lo) & (a < hi)].sum() / a.sum() * 100 for lo, hi in itertools.pairwise(edges)],
        rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(t.pct_area_at_or_above[1:], [a[a >= b].sum() / a.sum() * 100 for b in breaks],
                               rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(t.cum_pct_area[-1], 100.0, rtol=RTOL)
    assert t.lower_km2[0] == 0 and np.isinf(t.upper_km2[-1])


def test_size_class_boundary_goes_up() -> None:
    # a polygon of exactly 0.1 km2 is not "below 0.1 km2"
    t = size_classes([0.05, 0.1, 0.3], breaks_km2=[0.1, 0.2])
    assert t.n_polygons.tolist() == [1, 1, 1]
    np.testing.assert_allclose(t.cum_pct_polygons, [100 / 3, 200 / 3, 100.0], rtol=RTOL)
    np.testing.assert_allclose(t.pct_area_at_or_above, [100.0, 40 / 0.45, 30 / 0.45], rtol=RTOL)


def test_lognormality_uses_shapiro_up_to_5000_then_dagostino() -> None:
    rng = np.random.default_rng(7)
    small = rng.lognormal(-3.7, 1.6, 800)
    res = lognormality_test(small)
    ref = stats.shapiro(np.log(small))
    assert res.method == "shapiro"
    np.testing.assert_allclose([res.statistic, res.pvalue], [ref.statistic, ref.pvalue], rtol=1e-12)
    big = rng.lognormal(-3.7, 1.6, 12680)
    res_big = lognormality_test(big)
    ref_big = stats.normaltest(np.log(big))
    assert res_big.method == "dagostino"
    assert "5000" in res_big.note
    np.testing.assert_allclose([res_big.statistic, res_big.pvalue], [ref_big.statistic, ref_big.pvalue], rtol=1e-12)
    np.testing.assert_allclose(res_big.mu, np.log(big).mean(), rtol=1e-12)
    np.testing.assert_allclose(np.exp(res_big.mu), stats.gmean(big), rtol=1e-12)
    # seeded log-normal sample: not rejected; uniform areas: clearly rejected
    assert res.pvalue > 0.01 and res_big.pvalue > 0.01
    assert lognormality_test(rng.uniform(0.01, 1.0, 2000)).pvalue < 1e-6
    forced = lognormality_test(big, method="shapiro")
    assert forced.method == "shapiro" and "approximate" in forced.note


def test_pp_plot_and_its_max_deviation_match_kstest() -> None:
    rng = np.random.default_rng(11)
    a = rng.lognormal(-3.7, 1.6, 1500)
    expected, observed = lognormal_pp(a)
    logs = np.sort(np.log(a))
    np.testing.assert_allclose(expected, stats.norm.cdf(logs, logs.mean(), logs.std(ddof=1)), rtol=1e-12)
    np.testing.assert_allclose(observed, (np.arange(a.size) + 0.5) / a.size, rtol=RTOL)
    d = stats.kstest(np.log(a), "norm", args=(logs.mean(), logs.std(ddof=1))).statistic
    np.testing.assert_allclose(lognormality_test(a).pp_max_deviation, d, rtol=1e-12)


def test_top_groups_match_pandas(sample) -> None:
    res = footprint_statistics(sample["area"], sample["perimeter"],
                               [sample["province"].tolist(), sample["mineral"].tolist()], ["province", "mineral"])
    exp = _expected(sample, ["province", "mineral"])
    for by in ("n_polygons", "total_km2"):
        top = top_groups(res, n=5, by=by)
        ranked = np.sort(exp[by].to_numpy())[::-1]
        got = np.array([res.columns[by][i] for i in top])
        np.testing.assert_allclose(got, ranked[:5], rtol=1e-12)
        # the chosen groups really hold these values (pandas, looked up by key)
        exp_rows = {_key(k): row for k, row in exp.iterrows()}
        np.testing.assert_allclose([exp_rows[res.keys[i]][by] for i in top], got, rtol=1e-12)
    # top 2 minerals within each province (Fig. 4: per-province panels)
    per = top_groups(res, n=2, by="n_polygons", within_levels=1)
    provinces = [res.keys[i][0] for i in per]
    assert provinces == sorted(provinces, key=lambda v: (v is None, v or ""))
    for prov in set(provinces):
        rows = [i for i in per if res.keys[i][0] == prov]
        assert len(rows) == 2
        sub = exp.xs(prov, level=0) if prov is not None else exp[exp.index.get_level_values(0).isna()]
        np.testing.assert_array_equal(sorted((res.columns["n_polygons"][i] for i in rows), reverse=True),
                                      sorted(sub["n_polygons"].to_numpy(), reverse=True)[:2])


def test_factorize_keeps_null_and_types() -> None:
    codes, uniques = factorize(["b", None, "a", "b", float("nan")])
    assert uniques == ["a", "b", None]
    assert codes.tolist() == [1, 2, 0, 1, 2]
    codes, uniques = factorize([10, 2, None])
    assert uniques == [2, 10, None] and codes.tolist() == [1, 0, 2]
    codes, uniques = factorize([1, "x", None])  # mixed types: sorted by text
    assert uniques == [1, "x", None]


@pytest.mark.parametrize(
    ("area", "perimeter"),
    [([1.0, -2.0], [1.0, 1.0]), ([1.0, np.nan], [1.0, 1.0]), ([1.0], [1.0, 2.0]), ([], []), ([1.0], [np.inf])],
)
def test_invalid_measures_are_reported(area: list[float], perimeter: list[float]) -> None:
    with pytest.raises(InvalidInputError):
        footprint_statistics(area, perimeter)


@pytest.mark.parametrize("breaks", [(0.1, 0.1), (0.0, 1.0), (), (1.0, np.inf)])
def test_invalid_breaks_are_reported(breaks: tuple[float, ...]) -> None:
    with pytest.raises(InvalidInputError):
        size_classes([1.0], breaks)


def test_invalid_breaks_name_the_values() -> None:
    with pytest.raises(InvalidInputError, match=r"0\.2, 0\.1"):
        size_classes([1.0], (0.2, 0.1))
    with pytest.raises(InvalidInputError, match="unknown"):
        lognormality_test([1.0, 2.0, 3.0], method="unknown")
    with pytest.raises(InvalidInputError, match="At least 8"):
        lognormality_test([1.0, 2.0, 3.0], method="dagostino")


def test_measure_footprints_counts_overlaps_once_and_duplicates_not_at_all():
    import shapely

    from minemonitor_plugin.core.footprints import measure_footprints
    from minemonitor_plugin.core.geometry import COUNTED, COVERED, DEGENERATE, EMPTY

    stope, pond = shapely.box(0, 0, 300, 300), shapely.box(100, 100, 150, 150)
    collinear = shapely.Polygon([(0, 0), (10, 10), (20, 20), (0, 0)])
    m = measure_footprints([stope, None, pond, stope, collinear])
    assert m.status.tolist() == [COUNTED, EMPTY, COUNTED, COVERED, DEGENERATE]
    assert m.index.tolist() == [0, 2]
    np.testing.assert_allclose(m.area_km2, [0.09 - 0.0025, 0.0025], rtol=1e-12)
    np.testing.assert_allclose(m.perimeter_km, [1.2, 0.2], rtol=1e-12)  # the footprints' own perimeters
    assert m.overlap_km2 == pytest.approx(0.09 + 0.0025)  # the duplicate's 0.09 and the pond's 0.0025
    assert m.n_overlapping == 3
    with pytest.raises(InvalidInputError, match="Footprint 1 is a Point"):
        measure_footprints([stope, shapely.Point(0, 0)])
