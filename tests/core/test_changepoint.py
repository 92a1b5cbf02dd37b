"""Pettitt change point against Pettitt (1979, Table 1) and a planted 2016 break; zonal series by hand."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from minemonitor_plugin.core.changepoint import pettitt, zonal_series
from minemonitor_plugin.core.errors import InvalidInputError

# Pettitt (1979) Applied Statistics 28:126-135, Table 1; the paper (and R wq::pett) give
# K = 232, p = 0.0146, change after observation 17.
PETTITT_TABLE1 = [
    -1.05, 0.96, 1.22, 0.58, -0.98, -0.03, -1.54, -0.71, -0.35, 0.66, 0.44, 0.91, -0.02, -1.42,
    1.26, -1.02, -0.81, 1.66, 1.05, 0.97, 2.14, 1.22, -0.24, 1.60, 0.72, -0.12, 0.44, 0.03, 0.66,
    0.56, 1.37, 1.66, 0.10, 0.80, 1.29, 0.49, -0.07, 1.18, 3.29, 1.84,
]  # fmt: skip


def _u_brute(x: np.ndarray) -> np.ndarray:
    n = x.size
    return np.array([sum(np.sign(x[j] - x[i]) for i in range(t + 1) for j in range(t + 1, n)) for t in range(n)])


def test_pettitt_published_example():
    x = np.array(PETTITT_TABLE1)
    r = pettitt(x, range(1, 41))
    assert r.statistic == 232
    assert round(float(r.p_value), 4) == 0.0146
    assert r.year == 17 and r.index == 16
    np.testing.assert_array_equal(np.abs(r.u), np.abs(_u_brute(x)))
    # segments: Theil-Sen and means of observations 1-17 and 18-40
    assert r.slope_before == pytest.approx(stats.theilslopes(x[:17], np.arange(1, 18)).slope, rel=1e-12)
    assert r.slope_after == pytest.approx(stats.theilslopes(x[17:], np.arange(18, 41)).slope, rel=1e-12)
    assert r.mean_before == pytest.approx(x[:17].mean()) and r.mean_after == pytest.approx(x[17:].mean())


def test_planted_2016_break_in_many_series():
    # rising slowly to 2016, falling sharply after (the paper's Fig. 11 shape), with noise and a gap
    years = np.arange(2000, 2023)
    rng = np.random.default_rng(4)
    base = np.where(years <= 2016, 0.30 + 0.002 * (years - 2000), 0.25 - 0.02 * (years - 2016))
    x = base[:, None] + rng.normal(0, 0.004, (years.size, 6))
    x[5, 2] = np.nan  # 2005 missing in one series
    shuffled = rng.permutation(years.size)
    r = pettitt(x[shuffled], years[shuffled])  # any order of years
    np.testing.assert_array_equal(r.year, 2016.0)
    # every value up to 2016 exceeds every later one: K = 17 * 6 (16 * 6 with the gap)
    np.testing.assert_array_equal(r.statistic, [102, 102, 96, 102, 102, 102])
    np.testing.assert_allclose(r.p_value[0], 2 * np.exp(-6 * 102**2 / (23**3 + 23**2)), rtol=1e-12)
    assert np.all(r.p_value < 0.05)
    assert np.all(r.slope_before > 0) and np.all(r.slope_after < -0.01)
    assert list(r.n) == [23, 23, 22, 23, 23, 23]
    for c in range(6):
        ok = np.isfinite(x[:, c])
        np.testing.assert_array_equal(np.abs(r.u[ok, c]), np.abs(_u_brute(x[ok, c])))
        b = ok & (years <= 2016)
        assert r.slope_before[c] == pytest.approx(stats.theilslopes(x[b, c], years[b]).slope, rel=1e-12)


def test_constant_short_and_errors():
    years = range(2010, 2016)
    x = np.column_stack([np.full(6, 2.0), [1.0, np.nan, np.nan, np.nan, np.nan, 2.0]])
    r = pettitt(x, years)
    assert r.statistic[0] == 0 and r.p_value[0] == 1.0
    assert np.isnan(r.year[1]) and r.index[1] == -1 and np.isnan(r.p_value[1])
    with pytest.raises(InvalidInputError):
        pettitt(np.zeros((5, 2)), range(4))
    with pytest.raises(InvalidInputError, match="more than once"):
        pettitt(np.zeros(3), [2001, 2001, 2002])


def test_two_year_segment_slope():
    # |U| = 5, 8, 7, 6, 3 -> the change follows 2001; the first segment has two years
    r = pettitt(np.array([1.0, 1.1, 5.0, 4.8, 5.1, 4.9]), range(2000, 2006))
    assert r.year == 2001 and r.statistic == 8
    assert r.slope_before == pytest.approx(0.1)
    assert r.slope_after == pytest.approx(stats.theilslopes([5.0, 4.8, 5.1, 4.9], [2002, 2003, 2004, 2005]).slope)


def test_zonal_series_by_hand():
    # 3 zones, the second pixel belongs to zones 0 and 1 (overlap), zone 2 is empty
    values = np.array([[1.0, 2.0, 4.0, np.nan], [3.0, np.nan, 5.0, 7.0]])
    pixel = np.array([0, 1, 1, 2, 3])
    zone = np.array([0, 0, 1, 1, 1])
    z = zonal_series(values[:, pixel], zone, 3)
    np.testing.assert_allclose(z.mean[0], [1.5, 3.0])
    np.testing.assert_allclose(z.mean[1], [3.0, 6.0])
    np.testing.assert_allclose(z.median[1], [3.0, 6.0])
    np.testing.assert_array_equal(z.count, [[2, 1], [2, 2], [0, 0]])
    assert np.all(np.isnan(z.mean[2])) and np.all(np.isnan(z.median[2]))
    rng = np.random.default_rng(0)
    big = rng.normal(size=(4, 500))
    zz = rng.integers(0, 7, 500)
    z = zonal_series(big, zz, 7)
    for k in range(7):
        np.testing.assert_allclose(z.median[k], np.median(big[:, zz == k], axis=1))
        np.testing.assert_allclose(z.mean[k], big[:, zz == k].mean(axis=1))
    with pytest.raises(InvalidInputError):
        zonal_series(big, zz[:-1], 7)
    with pytest.raises(InvalidInputError, match="out of range"):
        zonal_series(big, zz, 5)
