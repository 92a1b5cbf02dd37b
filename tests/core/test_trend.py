"""Per-pixel trend statistics against published pyMannKendall values and scipy, pixel by pixel."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from minemonitor_plugin.core.trend import (
    ARCGIS_MANN_KENDALL_BANDS,
    TREND_CLASS_NODATA,
    arcgis_mann_kendall_bands,
    check_years,
    parse_year,
    parse_year_list,
    parse_years,
    trend_statistics,
)

RTOL = 1e-10  # float64 arithmetic on the same formula
RTOL32 = 1e-6  # float32 pairwise slopes against scipy's float64

# Monthly rainfall at Bogra, Bangladesh, 1981-2010 (column "Bogra" of tests/data/Monthly Rainfall.csv
# in pyMannKendall, MIT licence); empty = missing. Its test_original_test publishes the values below.
BOGRA = (
    "32,20,25,189,240,193,379,278,301,0,0,82,0,4,,,121,234,360,262,120,30,11,1,7,3,31,31,355,102,"
    "248,274,308,,5,26,11,16,6,48,388,539,431,272,404,186,0,2,0,4,1,54,272,459,235,164,365,135,2,"
    ",,4,0,128,210,163,446,225,462,467,19,13,0,3,17,132,178,338,525,623,145,31,19,3,0,29,25,87,25"
    "9,756,486,180,292,43,92,1,0,16,2,0,130,253,594,111,273,30,0,4,0,27,24,41,292,378,499,265,320"
    ",227,4,0,4,14,8,48,416,240,404,207,733,105,0,112,0,14,0,30,140,202,289,159,424,106,3,0,65,3,"
    "14,58,268,466,432,266,240,95,1,0,10,26,4,114,94,289,173,208,263,156,5,0,16,16,14,0,111,475,5"
    "34,432,471,117,70,1,3,28,7,401,184,283,338,171,335,176,0,0,10,11,9,140,102,208,298,245,220,2"
    "9,2,27,10,13,26,84,143,367,749,563,283,353,10,0,0,0,0,9,246,265,343,429,168,133,17,0,18,35,7"
    "6,158,272,250,190,289,466,84,0,0,0,0,0,22,217,299,185,115,344,203,8,,,0,5,284,123,254,476,49"
    "6,326,27,20,0,4,53,72,113,214,364,219,220,156,264,0,13,0,0,45,90,137,638,529,261,206,251,0,0"
    ",5,9,58,72,138,130,471,328,356,523,0,1,0,0,12,143,193,184,192,138,174,69,1,0,0,18,25,28,92,7"
    "32,320,256,302,131,15,0,27,0,22,20,213,393,474,374,109,159,0,0,0,3,3,49,205,128,194,570,169,"
    "89,0,0,0,0,0,26,185,286,92,225,244,190,3,20"
)
PYMK_ORIGINAL_TEST = {
    "s": -1959.0,
    "var_s": 4889800.333333333,
    "z": -0.8854562842589916,
    "p": 0.37591058740506833,
    "Tau": -0.03153167653875869,
    "slope": -0.0064516129032258064,
}


def bogra() -> np.ndarray:
    return np.array([float(v) if v else np.nan for v in BOGRA.split(",")])


def test_pymannkendall_published_values():
    # pyMannKendall drops missing values and numbers the rest 1..n
    x = bogra()
    assert x.size == 360 and np.isnan(x).sum() == 7
    kept = x[~np.isnan(x)]
    n = kept.size
    r = trend_statistics(kept, np.arange(1, n + 1), min_years=3)
    ref = PYMK_ORIGINAL_TEST
    assert float(r.mk_s) == ref["s"]
    np.testing.assert_allclose(float(r.mk_var_s), ref["var_s"], rtol=RTOL)
    np.testing.assert_allclose(float(r.mk_z), ref["z"], rtol=RTOL)
    np.testing.assert_allclose(float(r.mk_p), ref["p"], rtol=RTOL)
    np.testing.assert_allclose(float(r.mk_s) / (n * (n - 1) / 2), ref["Tau"], rtol=RTOL)  # tau-a
    np.testing.assert_allclose(float(r.sen_slope), ref["slope"], rtol=RTOL)
    assert int(r.trend_class) == 0  # "no trend" at alpha 0.05
    # Kendall's tau-b against scipy (many tied zeros: tau-b differs from tau-a)
    tau_b = stats.kendalltau(np.arange(n), kept).statistic
    np.testing.assert_allclose(float(r.kendall_tau), tau_b, rtol=RTOL)


def test_gaps_use_real_spacing_like_scipy():
    # the same series on its real monthly time axis: missing months are gaps
    x = bogra()
    t = np.arange(x.size)
    r = trend_statistics(x, t, min_years=3)
    ok = ~np.isnan(x)
    assert float(r.mk_s) == PYMK_ORIGINAL_TEST["s"]  # S depends on the order only
    ts = stats.theilslopes(x[ok], t[ok])
    np.testing.assert_allclose(float(r.sen_slope), ts.slope, rtol=RTOL)
    lr = stats.linregress(t[ok], x[ok])
    np.testing.assert_allclose(float(r.ols_slope), lr.slope, rtol=1e-9)
    np.testing.assert_allclose(float(r.r2), lr.rvalue**2, rtol=1e-9)
    np.testing.assert_allclose(float(r.mean), np.nanmean(x), rtol=RTOL)


def _brute_mk(x: np.ndarray) -> tuple[float, float]:
    """S by the double loop and Var(S) from np.unique tie groups (second method)."""
    n = x.size
    s = sum(np.sign(x[j] - x[i]) for i in range(n) for j in range(i + 1, n))
    _, tp = np.unique(x, return_counts=True)
    var = (n * (n - 1) * (2 * n + 5) - np.sum(tp * (tp - 1) * (2 * tp + 5))) / 18
    return float(s), float(var)


def _stack(seed: int, n_years: int, shape: tuple[int, int], gaps: float, ties: bool) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.arange(n_years, dtype=np.float32)[:, None, None]
    slope = rng.normal(0, 0.01, shape).astype(np.float32)
    x = 0.4 + slope * t + rng.normal(0, 0.03, (n_years, *shape)).astype(np.float32)
    if ties:
        x = np.round(x * 50) / 50
    x = x.astype(np.float32)
    x[rng.random(x.shape) < gaps] = np.nan
    return x


@pytest.mark.parametrize(
    ("n_years", "gaps", "ties"),
    [(23, 0.0, False), (20, 0.0, False), (23, 0.15, False), (20, 0.1, True), (12, 0.2, True)],
)
def test_per_pixel_agreement_with_scipy(n_years, gaps, ties):
    x = _stack(7, n_years, (14, 15), gaps, ties)
    years = np.arange(2000, 2000 + n_years)
    r = trend_statistics(x, years, min_years=6, alpha=0.05)
    flat = x.reshape(n_years, -1)
    checked = 0
    for p in range(flat.shape[1]):
        row, col = divmod(p, x.shape[2])
        ok = np.isfinite(flat[:, p])
        if ok.sum() < 6:
            assert np.isnan(r.sen_slope[row, col]) and r.trend_class[row, col] == TREND_CLASS_NODATA
            continue
        checked += 1
        y, t = flat[ok, p].astype(np.float64), years[ok].astype(np.float64)
        # scipy's float64 slopes vs ours from float32 differences: same middle pair, 1e-6 apart at most
        np.testing.assert_allclose(r.sen_slope[row, col], stats.theilslopes(y, t).slope, rtol=RTOL32, atol=1e-9)
        s, var = _brute_mk(y)
        assert r.mk_s[row, col] == s
        np.testing.assert_allclose(r.mk_var_s[row, col], var, rtol=RTOL)
        z = 0.0 if s == 0 else (s - np.sign(s)) / np.sqrt(var)
        np.testing.assert_allclose(r.mk_z[row, col], z, rtol=RTOL, atol=1e-12)
        np.testing.assert_allclose(r.mk_p[row, col], 2 * stats.norm.sf(abs(z)), rtol=1e-9)
        np.testing.assert_allclose(r.kendall_tau[row, col], stats.kendalltau(t, y).statistic, rtol=1e-9)
        lr = stats.linregress(t, y)
        np.testing.assert_allclose(r.ols_slope[row, col], lr.slope, rtol=1e-7, atol=1e-12)
        np.testing.assert_allclose(r.r2[row, col], lr.rvalue**2, rtol=1e-6, atol=1e-12)
        np.testing.assert_allclose(r.mean[row, col], y.mean(), rtol=1e-7)
        expected_class = int(np.sign(s)) if 2 * stats.norm.sf(abs(z)) < 0.05 else 0
        assert r.trend_class[row, col] == expected_class
    assert checked > 150


def test_sen_slope_is_exact_median_of_float32_pair_slopes():
    # the selection must return exactly the middle pairwise slope(s), not an approximation
    x = _stack(3, 23, (40, 50), 0.05, False)
    years = np.arange(1990, 2013)
    r = trend_statistics(x, years, statistics=["sen_slope"], min_years=5)
    flat = x.reshape(23, -1)
    for p in range(0, flat.shape[1], 7):
        ok = np.isfinite(flat[:, p])
        v, t = flat[ok, p], years[ok]
        i, j = np.triu_indices(v.size, 1)
        slopes = ((v[j] - v[i]) / (t[j] - t[i]).astype(np.float32)).astype(np.float64)
        assert r.sen_slope.reshape(-1)[p] == np.median(slopes)


def test_docstring_example_by_hand():
    # slopes of [1, 2, 4, 3, 5]: -1, .5, .5, .67, 1, 1, 1, 1.5, 2, 2 -> median 1; S = 9 - 1 = 8
    r = trend_statistics(np.array([1.0, 2.0, 4.0, 3.0, 5.0]), [2001, 2002, 2003, 2004, 2005], min_years=3)
    assert float(r.sen_slope) == 1.0
    assert float(r.mk_s) == 8.0
    assert float(r.mk_var_s) == 5 * 4 * 15 / 18
    np.testing.assert_allclose(float(r.mk_z), 7 / np.sqrt(5 * 4 * 15 / 18), rtol=RTOL)


def test_constant_and_linear_series():
    years = np.arange(2000, 2023)
    const = np.full((23, 1), 0.25)
    line = (0.1 + 0.02 * (years - 2000)).astype(np.float64)[:, None]
    down = line[::-1].copy()
    r = trend_statistics(np.concatenate([const, line, down], axis=1), years)
    np.testing.assert_array_equal(r.sen_slope[0], 0.0)
    assert r.mk_s[0] == 0 and r.mk_var_s[0] == 0 and r.mk_z[0] == 0 and r.mk_p[0] == 1.0
    assert np.isnan(r.kendall_tau[0]) and r.r2[0] == 0.0 and r.trend_class[0] == 0
    np.testing.assert_allclose(r.sen_slope[1:], [0.02, -0.02], rtol=1e-12)
    np.testing.assert_allclose(r.ols_slope[1:], [0.02, -0.02], rtol=1e-12)
    np.testing.assert_allclose(r.r2[1:], 1.0, rtol=1e-12)
    assert list(r.mk_s[1:]) == [253.0, -253.0]
    assert list(r.trend_class[1:]) == [1, -1]


def test_ties_by_hand():
    # x = 1, 2, 2, 3, 3, 3, 4: tie groups of 2 and 3
    x = np.array([1, 2, 2, 3, 3, 3, 4], dtype=np.float64)
    r = trend_statistics(x, range(7), min_years=3)
    # S: concordant pairs minus discordant (none): 21 pairs - 1 - 3 tied
    assert float(r.mk_s) == 17.0
    assert float(r.mk_var_s) == (7 * 6 * 19 - 2 * 1 * 9 - 3 * 2 * 11) / 18
    # slopes: 17 positive, 4 zero -> median among 21 is positive; scipy agrees
    assert float(r.sen_slope) == stats.theilslopes(x, np.arange(7)).slope


def test_even_pairs_and_zero_median_slope():
    # integer values with many equal neighbours: the middle slopes are exact zeros
    x = np.array([[3, 3, 3, 4, 3, 3, 2, 3], [5, 4, 4, 4, 3, 3, 3, 2]], dtype=np.float32).T
    r = trend_statistics(x, range(2010, 2018), statistics=["sen_slope"], min_years=3)
    assert r.sen_slope[0] == 0.0 == stats.theilslopes(x[:, 0].astype(float), np.arange(8)).slope
    # float32 division: -1/3 to float32 precision
    assert r.sen_slope[1] == pytest.approx(stats.theilslopes(x[:, 1].astype(float), np.arange(8)).slope, rel=RTOL32)


def test_integer_and_float64_inputs_agree():
    x = np.random.default_rng(5).integers(0, 10000, size=(20, 300)).astype(np.uint16)
    years = np.arange(2001, 2021)
    a = trend_statistics(x, years)
    b = trend_statistics(x.astype(np.float64), years)
    for name in ("mk_s", "mk_var_s", "mk_p", "ols_slope", "mean"):
        np.testing.assert_allclose(getattr(a, name), getattr(b, name), rtol=1e-12)
    # uint16 differences are exact in float32; only the division rounds to float32
    np.testing.assert_allclose(a.sen_slope, b.sen_slope, rtol=RTOL32)


def test_min_years_and_statistic_subset():
    x = np.full((10, 3), np.nan)
    x[:, 0] = np.arange(10.0)
    x[:4, 1] = [1, 2, 3, 5]
    r = trend_statistics(x, range(2000, 2010), statistics=["ols_slope", "mean"], min_years=5)
    assert r.sen_slope is None and r.mk_z is None and r.trend_class is None
    assert r.ols_slope[0] == pytest.approx(1.0) and np.isnan(r.ols_slope[1]) and np.isnan(r.mean[2])
    assert list(r.n_valid) == [10, 4, 0]


def test_unsorted_years_reorder_the_stack():
    x = _stack(11, 15, (3, 4), 0.1, False)
    years = np.arange(2005, 2020)
    perm = np.random.default_rng(2).permutation(15)
    a = trend_statistics(x, years)
    b = trend_statistics(x[perm], years[perm])
    for name in ("sen_slope", "mk_s", "mk_p", "ols_slope", "r2", "mean"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))


def test_arcgis_band_order_and_errors():
    x = _stack(1, 12, (2, 3), 0.0, False)
    r = trend_statistics(x, range(2000, 2012))
    bands = arcgis_mann_kendall_bands(r)
    assert ARCGIS_MANN_KENDALL_BANDS == ("sen_slope", "mk_p", "mk_s", "mk_var_s", "mk_z")
    for i, name in enumerate(ARCGIS_MANN_KENDALL_BANDS):
        np.testing.assert_array_equal(bands[i], getattr(r, name).astype(np.float32))
    with pytest.raises(InvalidInputError):
        arcgis_mann_kendall_bands(trend_statistics(x, range(2000, 2012), statistics=["mean"]))
    with pytest.raises(InvalidInputError, match="12 layers but 11 years"):
        trend_statistics(x, range(2000, 2011))
    with pytest.raises(InvalidInputError, match="more than once"):
        trend_statistics(x, [2000] * 2 + list(range(2002, 2012)))
    with pytest.raises(InvalidInputError, match="between 3 and"):
        trend_statistics(x, range(2000, 2012), min_years=13)
    with pytest.raises(InvalidInputError, match="significance"):
        trend_statistics(x, range(2000, 2012), alpha=1.5)
    with pytest.raises(InvalidInputError, match="Unknown"):
        trend_statistics(x, range(2000, 2012), statistics=["slope"])


def test_progress_cancels():
    x = _stack(1, 10, (20, 20), 0.0, False)
    calls = []

    def progress(f: float) -> bool:
        calls.append(f)
        return False

    with pytest.raises(CancelledError):
        trend_statistics(x, range(2000, 2010), chunk_pixels=50, progress=progress)
    assert calls == [pytest.approx(50 / 400)]


def test_years_from_names_and_text():
    assert parse_year("ndvi_2016.tif") == 2016
    assert parse_year("NDVI 2001 annual max") == 2001
    assert parse_year("MOD13A1.A2005001.h25v04") == 2005
    assert parse_year("lai_20100701") == 2010
    assert parse_years(["a_2003", "b_2001"]) == (2003, 2001)
    with pytest.raises(InvalidInputError, match="No year"):
        parse_year("ndvi_band1")
    with pytest.raises(InvalidInputError, match="several years"):
        parse_year("ndvi_2001_2005")
    assert parse_year_list("2001-2003, 2007 ,2009:2010") == (2001, 2002, 2003, 2007, 2009, 2010)
    with pytest.raises(InvalidInputError):
        parse_year_list("2001-1999")
    check = check_years([2003, 2001, 2006, 2002])
    assert check.years == (2001, 2002, 2003, 2006)
    assert check.order == (1, 3, 0, 2)
    assert check.gaps == (2004, 2005)
    with pytest.raises(InvalidInputError, match="2002"):
        check_years([2001, 2002, 2002])
