"""Pettitt change-point test on annual series, with the trend before and after the break.

Vectorised over many series (zones): a series is a column of a ``(t, k)`` array
with NaN for missing years; missing years are skipped (the test runs on the
valid years in order, as for a series without them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .errors import InvalidInputError
from .trend import check_years, trend_statistics


@dataclass(frozen=True)
class PettittResult:
    """Pettitt test of every series; arrays have one value per series.

    Attributes
    ----------
    index
        Position (0-based, in ``years``) of the last year before the change,
        -1 where the test is undefined (fewer than 3 valid years).
    year
        That year (the change takes effect in the following valid year);
        NaN where undefined.
    statistic
        Pettitt's K = max_t |U_t| (integer valued).
    p_value
        Approximate two-sided p-value ``2 exp(-6 K^2 / (n^3 + n^2))``, capped at 1
        (Pettitt 1979; good for p <= 0.5).
    n
        Valid years of the series.
    u
        ``U_t`` for every year ``t`` (``(t, k)``; U at a missing year repeats the
        previous valid one), for plotting.
    slope_before, slope_after
        Theil-Sen slope (per year) of the valid years up to and including the
        change year, and of the years after it (NaN with fewer than 2 years).
    mean_before, mean_after
        Means of the same two segments.
    """

    years: tuple[int, ...]
    index: np.ndarray
    year: np.ndarray
    statistic: np.ndarray
    p_value: np.ndarray
    n: np.ndarray
    u: np.ndarray
    slope_before: np.ndarray
    slope_after: np.ndarray
    mean_before: np.ndarray
    mean_after: np.ndarray


def pettitt(series: np.ndarray, years: Sequence[int] | np.ndarray) -> PettittResult:
    """Pettitt's non-parametric test for one change in the level of each series.

    ``U_t = sum_{i <= t} sum_{j > t} sign(x_j - x_i)`` over the valid years;
    ``K = max_t |U_t|`` and the change point is the first ``t`` reaching it
    (the last year of the first segment). Ties count 0.

    Parameters
    ----------
    series
        ``(t,)`` or ``(t, k)`` values, NaN for missing years.
    years
        Year of each row (any order; rows are put in year order).

    Returns
    -------
    PettittResult

    Raises
    ------
    InvalidInputError
        Shapes and years disagree, or duplicate years.

    References
    ----------
    Pettitt, A. N. (1979) A non-parametric approach to the change-point problem.
    Applied Statistics 28(2):126-135.

    Examples
    --------
    >>> r = pettitt(np.array([1.0, 1.2, 0.9, 1.1, 3.0, 3.2, 2.9, 3.1]), range(2010, 2018))
    >>> int(r.year), int(r.statistic)
    (2013, 16)
    """
    x = np.asarray(series, dtype=np.float64)
    single = x.ndim == 1
    if single:
        x = x[:, None]
    if x.ndim != 2:
        raise InvalidInputError("Series must be a (years, series) array; got {ndim} dimensions", ndim=x.ndim)
    ys = np.asarray(list(years) if not isinstance(years, np.ndarray) else years)
    if ys.size != x.shape[0]:
        raise InvalidInputError(
            "The series have {rows} years but {years} years were given", rows=x.shape[0], years=ys.size
        )
    check = check_years(ys.tolist())
    x = x[list(check.order)]
    t, k = x.shape
    valid = np.isfinite(x)
    n = valid.sum(axis=0)
    # V_t = sum_j sign(x_t - x_j) over valid j; U_t = -cumsum(V) (sign(x_j - x_i), j after t)
    diff = x[:, None, :] - x[None, :, :]
    sgn = np.sign(np.where(np.isnan(diff), 0.0, diff))
    v = sgn.sum(axis=1)
    v[~valid] = 0.0
    u = -np.cumsum(v, axis=0)
    # the last valid year always has U = 0; only years before it are candidates
    last_valid = t - 1 - np.argmax(valid[::-1], axis=0)
    cand = valid & (np.arange(t)[:, None] < last_valid[None, :])
    absu = np.where(cand, np.abs(u), -1.0)
    idx = np.argmax(absu, axis=0)
    stat = np.abs(u[idx, np.arange(k)])
    ok = n >= 3
    nf = n.astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.minimum(1.0, 2.0 * np.exp(-6.0 * stat**2 / (nf**3 + nf**2)))
    years_arr = np.asarray(check.years, dtype=np.float64)
    idx = np.where(ok, idx, -1)
    year = np.where(ok, years_arr[np.maximum(idx, 0)], np.nan)
    stat = np.where(ok, stat, np.nan)
    p = np.where(ok, p, np.nan)
    # segments: rows up to and including the change year, and after it
    row = np.arange(t)[:, None]
    before = np.where(row <= idx[None, :], x, np.nan)
    after = np.where((row > idx[None, :]) & ok[None, :], x, np.nan)
    slope_b, mean_b = _segment(before, check.years)
    slope_a, mean_a = _segment(after, check.years)

    def shape(a: np.ndarray) -> np.ndarray:
        return a[0] if single else a

    return PettittResult(
        years=check.years,
        index=shape(idx),
        year=shape(year),
        statistic=shape(stat),
        p_value=shape(p),
        n=shape(n),
        u=u[:, 0] if single else u,
        slope_before=shape(slope_b),
        slope_after=shape(slope_a),
        mean_before=shape(mean_b),
        mean_after=shape(mean_a),
    )


def _segment(x: np.ndarray, years: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Theil-Sen slope and mean of each column over its valid years (NaN below 2 years)."""
    n = np.isfinite(x).sum(axis=0)
    slope = np.full(x.shape[1], np.nan)
    mean = np.full(x.shape[1], np.nan)
    with np.errstate(invalid="ignore"):
        mean[n > 0] = np.nanmean(x[:, n > 0], axis=0)
    three = np.nonzero(n >= 3)[0]
    if three.size:
        slope[three] = trend_statistics(x[:, three], years, statistics=["sen_slope"], min_years=3).sen_slope
    two = np.nonzero(n == 2)[0]
    if two.size:  # a segment of two years: the slope of its single pair
        sub = x[:, two]
        rows = np.argsort(~np.isfinite(sub), axis=0, kind="stable")[:2]
        cols = np.arange(two.size)
        yr = np.asarray(years, dtype=np.float64)
        slope[two] = (sub[rows[1], cols] - sub[rows[0], cols]) / (yr[rows[1]] - yr[rows[0]])
    return slope, mean


@dataclass(frozen=True)
class ZonalSeries:
    """Annual statistics of the pixels of each zone; arrays are ``(zones, years)``.

    ``mean``/``median`` are NaN where a zone has no valid pixel that year;
    ``count`` is the number of valid pixels.
    """

    mean: np.ndarray
    median: np.ndarray
    count: np.ndarray


def zonal_series(values: np.ndarray, zone: np.ndarray, n_zones: int) -> ZonalSeries:
    """Mean, median and count of valid values per zone and year.

    Parameters
    ----------
    values
        ``(t, m)`` values of ``m`` zone memberships (a pixel in two overlapping
        zones appears twice), NaN when missing.
    zone
        ``(m,)`` zone index (0 .. n_zones-1) of each membership.
    n_zones
        Number of zones (zones without pixels get NaN / 0).

    Returns
    -------
    ZonalSeries

    Raises
    ------
    InvalidInputError
        ``zone`` and ``values`` disagree, or a zone index is out of range.
    """
    v = np.asarray(values, dtype=np.float64)
    if v.ndim == 1:
        v = v[None, :]
    z = np.asarray(zone, dtype=np.int64)
    if z.ndim != 1 or z.size != v.shape[1]:
        raise InvalidInputError(
            "{values} values but {zones} zone indices were given", values=v.shape[1], zones=z.size
        )
    if z.size and (z.min() < 0 or z.max() >= n_zones):
        raise InvalidInputError("Zone index {index} is out of range", index=int(z.min() if z.min() < 0 else z.max()))
    t = v.shape[0]
    ok = np.isfinite(v)
    key = (np.arange(t)[:, None] * n_zones + z[None, :])[ok]
    val = v[ok]
    size = t * n_zones
    count = np.bincount(key, minlength=size)
    total = np.bincount(key, weights=val, minlength=size)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(count > 0, total / np.maximum(count, 1), np.nan)
    order = np.lexsort((val, key))
    sval = val[order]
    start = np.concatenate(([0], np.cumsum(count)[:-1]))
    has = count > 0
    lo_i = start + (count - 1) // 2
    hi_i = start + count // 2
    median = np.full(size, np.nan)
    median[has] = 0.5 * (sval[lo_i[has]] + sval[hi_i[has]])
    return ZonalSeries(
        mean=mean.reshape(t, n_zones).T.copy(),
        median=median.reshape(t, n_zones).T.copy(),
        count=count.reshape(t, n_zones).T.copy(),
    )
