"""Exact Fisher-Jenks (core/natural_breaks.py) against brute force, hand computations and invariants.

The comparison with mapclassify (the oracle) is in ``test_natural_breaks_vs_mapclassify.py``.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from minemonitor_plugin.core.natural_breaks import MAX_DISTINCT, class_ssd, fisher_jenks

SSD_RTOL = 1e-9  # the same sum of squares accumulated in another order


def _weighted_ssd(distinct: np.ndarray, counts: np.ndarray, cut: tuple[int, ...]) -> float:
    """SSD of the classes of distinct values ending at the indices ``cut``, each value ``counts`` times."""
    total = 0.0
    for part, weight in zip(np.split(distinct, np.asarray(cut) + 1), np.split(counts, np.asarray(cut) + 1),
                            strict=True):
        mean = np.dot(part, weight) / weight.sum()
        total += float(np.dot(weight, (part - mean) ** 2))
    return total


def _brute_force(values: np.ndarray, k: int) -> tuple[float, list[tuple[float, ...]]]:
    """Smallest SSD over every way to cut the distinct sorted values into k classes, and the optimal cuts."""
    distinct, counts = np.unique(values, return_counts=True)
    best, argbest = np.inf, []
    for cut in itertools.combinations(range(distinct.size - 1), k - 1):
        breaks = tuple(float(distinct[i]) for i in cut)
        ssd = _weighted_ssd(distinct, counts, cut)
        if ssd < best * (1 - SSD_RTOL) - 1e-12:
            best, argbest = ssd, [breaks]
        elif ssd <= best * (1 + SSD_RTOL) + 1e-12:
            argbest.append(breaks)
    return best, argbest


def test_hand_example():
    # classes {1, 2, 3}, {10, 11, 12}, {30, 31}: SSD 2 + 2 + 0.5
    res = fisher_jenks([31, 1, 12, 2, 30, 3, 11, 10], k=3)
    assert res.breaks == (3.0, 12.0)
    assert res.ssd == pytest.approx(4.5, rel=SSD_RTOL)
    assert res.counts == (3, 3, 2)
    values = np.array([31, 1, 12, 2, 30, 3, 11, 10], dtype=float)
    assert res.sst == pytest.approx(((values - values.mean()) ** 2).sum(), rel=SSD_RTOL)
    assert res.gvf == pytest.approx(1 - 4.5 / res.sst, rel=SSD_RTOL)


@pytest.mark.parametrize("seed", range(40))
def test_optimal_against_brute_force(seed):
    """Random small samples with duplicates, ties and outliers: the SSD is the brute-force minimum."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(4, 14))
    kind = seed % 4
    if kind == 0:
        values = rng.normal(size=n)
    elif kind == 1:
        values = rng.integers(0, 7, n).astype(float)  # many duplicates
    elif kind == 2:
        values = np.r_[rng.normal(size=n - 1), 1e6]  # an outlier
    else:
        values = np.round(rng.lognormal(size=n), 1) + 1e4  # offset, rounded (ties)
    distinct = np.unique(values).size
    if distinct < 2:
        values = np.r_[values, values.max() + 1]
        distinct = 2
    k = int(rng.integers(2, min(distinct, 6) + 1))
    res = fisher_jenks(values, k)
    best, optimal = _brute_force(values, k)
    assert res.ssd == pytest.approx(best, rel=SSD_RTOL, abs=1e-9)
    assert class_ssd(values, res.breaks) == pytest.approx(best, rel=SSD_RTOL, abs=1e-9)
    assert res.breaks in optimal
    assert sum(res.counts) == values.size and len(res.counts) == k and min(res.counts) >= 1
    assert list(res.breaks) == sorted(set(res.breaks))


def test_order_duplicates_and_scale_do_not_matter():
    rng = np.random.default_rng(7)
    values = np.r_[rng.normal(0, 1, 300), rng.normal(6, 1, 200), rng.normal(12, 2, 100)]
    base = fisher_jenks(values, 4)
    assert fisher_jenks(rng.permutation(values), 4).breaks == base.breaks
    # every value twice: the same classes (a partition of distinct values), counts doubled, SSD doubled
    twice = fisher_jenks(np.r_[values, values], 4)
    assert twice.breaks == base.breaks and twice.counts == tuple(2 * c for c in base.counts)
    assert twice.ssd == pytest.approx(2 * base.ssd, rel=SSD_RTOL)
    # affine maps move the breaks with the values (scale by a power of two and shift exactly)
    shifted = fisher_jenks(values * 4.0 + 1024.0, 4)
    assert shifted.breaks == tuple(b * 4.0 + 1024.0 for b in base.breaks)


def test_integer_scores_like_the_paper():
    """The paper's 13-52 sums: a large sample of integer scores, classes break between integers."""
    rng = np.random.default_rng(3)
    scores = np.clip(np.round(rng.normal(30, 5, 100_000)), 13, 52)
    res = fisher_jenks(scores, 4)
    assert all(float(b).is_integer() for b in res.breaks)
    best, optimal = _brute_force(scores, 4)
    assert res.ssd == pytest.approx(best, rel=SSD_RTOL) and res.breaks in optimal


def test_k_equal_to_distinct_values_gives_one_value_per_class():
    res = fisher_jenks([5.0, 1.0, 3.0, 3.0, 1.0], 3)
    assert res.breaks == (1.0, 3.0) and res.counts == (2, 2, 1)
    assert res.ssd == pytest.approx(0.0, abs=1e-12) and res.gvf == pytest.approx(1.0, abs=1e-12)


def test_refusals():
    with pytest.raises(InvalidInputError, match="only 2 distinct values"):
        fisher_jenks([1.0, 1.0, 2.0, 2.0], 4)
    with pytest.raises(InvalidInputError, match="At least 2 classes"):
        fisher_jenks([1.0, 2.0, 3.0], 1)
    with pytest.raises(InvalidInputError, match="finite"):
        fisher_jenks([1.0, np.nan, 3.0, 4.0], 2)
    with pytest.raises(InvalidInputError, match="finite"):
        fisher_jenks([1.0, np.inf, 3.0, 4.0], 2)
    with pytest.raises(InvalidInputError, match="distinct values"):
        fisher_jenks([], 2)
    assert MAX_DISTINCT >= 100_000  # the largest SAMPLE_SIZE of the algorithms


def test_progress_reaches_one_and_cancel_stops():
    values = np.random.default_rng(0).normal(size=5000)
    seen = []
    fisher_jenks(values, 5, progress=lambda f: seen.append(f) or True)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 10
    calls = []

    def cancel_half_way(fraction):
        calls.append(fraction)
        return fraction < 0.5

    with pytest.raises(CancelledError):
        fisher_jenks(values, 5, progress=cancel_half_way)
    assert 0.5 <= calls[-1] < 1.0
