"""Accuracy assessment against the textbook error matrix of Congalton (1991) / Congalton & Green (2009)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from scipy.stats import binomtest
from shapely import box

from minemonitor_plugin.core.accuracy import (
    assess_accuracy,
    kappa_statistics,
    match_verification,
    proportion_interval,
)
from minemonitor_plugin.core.errors import InvalidInputError

# Congalton, R.G. (1991) A review of assessing the accuracy of classifications of remotely sensed
# data. Remote Sens. Environ. 37:35-46, Table 1; also Congalton & Green (2009) Assessing the
# Accuracy of Remotely Sensed Data, 2nd ed., the Deciduous/Conifer/Agriculture/Shrub example.
# Rows = classified (map), columns = reference.
CLASSES = ["D", "C", "AG", "SB"]
MATRIX = np.array(
    [
        [65, 4, 22, 24],
        [6, 81, 5, 8],
        [0, 11, 85, 19],
        [4, 7, 3, 90],
    ]
)
# published: overall 74 %, KHAT 0.65; producer's D 87 %, C 79 %, AG 74 %, SB 64 %;
# user's D 57 %, C 81 %, AG 74 %, SB 87 %
PUBLISHED_OVERALL = 0.74
PUBLISHED_KAPPA = 0.65
PUBLISHED_PRODUCERS = [0.87, 0.79, 0.74, 0.64]
PUBLISHED_USERS = [0.57, 0.81, 0.74, 0.87]
ROUNDING = 0.005  # the publication gives two decimals


def _records(matrix: np.ndarray) -> tuple[list[str], list[str]]:
    rows, cols = np.nonzero(matrix)
    counts = matrix[rows, cols]
    mapped = np.repeat(np.array(CLASSES)[rows], counts).tolist()
    observed = np.repeat(np.array(CLASSES)[cols], counts).tolist()
    return observed, mapped


def _fleiss_variance(matrix: np.ndarray) -> float:
    """Large-sample variance of kappa in the form of Fleiss, Cohen & Everitt (1969), by hand."""
    n = matrix.sum()
    p = matrix / n
    r, c = p.sum(axis=1), p.sum(axis=0)
    po, pe = np.trace(p), float((r * c).sum())
    k = len(p)
    a = sum(p[i, i] * ((1 - pe) - (r[i] + c[i]) * (1 - po)) ** 2 for i in range(k))
    b = (1 - po) ** 2 * sum(p[i, j] * (c[i] + r[j]) ** 2 for i in range(k) for j in range(k) if i != j)
    d = (po * pe - 2 * pe + po) ** 2
    return (a + b - d) / (n * (1 - pe) ** 4)


def test_congalton_example():
    observed, mapped = _records(MATRIX)
    r = assess_accuracy(observed, mapped, classes=CLASSES)
    assert r.classes == tuple(CLASSES)
    np.testing.assert_array_equal(r.matrix, MATRIX)
    assert r.n == 434
    assert r.overall == pytest.approx(321 / 434)
    assert r.overall == pytest.approx(PUBLISHED_OVERALL, abs=ROUNDING)
    assert r.kappa == pytest.approx(PUBLISHED_KAPPA, abs=ROUNDING)
    np.testing.assert_allclose(r.producers, PUBLISHED_PRODUCERS, atol=ROUNDING)
    np.testing.assert_allclose(r.users, PUBLISHED_USERS, atol=ROUNDING)
    np.testing.assert_allclose(r.producers, [65 / 75, 81 / 103, 85 / 115, 90 / 141])
    np.testing.assert_allclose(r.users, [65 / 115, 81 / 100, 85 / 115, 90 / 104])
    # kappa by hand: p_o = 321/434, p_e = sum(row * col) / n^2
    pe = (115 * 75 + 100 * 103 + 115 * 115 + 104 * 141) / 434**2
    assert r.kappa == pytest.approx((321 / 434 - pe) / (1 - pe), rel=1e-12)
    assert r.kappa_se**2 == pytest.approx(_fleiss_variance(MATRIX), rel=1e-10)
    z = 1.959963984540054
    assert r.kappa_ci == pytest.approx((r.kappa - z * r.kappa_se, r.kappa + z * r.kappa_se))


def test_kappa_agrees_with_scikit_learn(sklearn_metrics):
    observed, mapped = _records(MATRIX)
    assert kappa_statistics(MATRIX)[0] == pytest.approx(sklearn_metrics.cohen_kappa_score(observed, mapped))


def test_wilson_intervals_match_scipy():
    observed, mapped = _records(MATRIX)
    r = assess_accuracy(observed, mapped, classes=CLASSES, confidence=0.9)
    for i, (x, m) in enumerate(zip(np.diag(MATRIX), MATRIX.sum(axis=0), strict=True)):
        ci = binomtest(int(x), int(m)).proportion_ci(confidence_level=0.9, method="wilson")
        assert r.producers_ci[i] == pytest.approx((ci.low, ci.high), rel=1e-9)
    ci = binomtest(321, 434).proportion_ci(confidence_level=0.9, method="wilson")
    assert r.overall_ci == pytest.approx((ci.low, ci.high), rel=1e-9)


def test_normal_interval_uses_olofsson_variance():
    # p = 0.5 of m = 101: se = sqrt(0.25 / 100) = 0.05
    low, high = proportion_interval(50.5, 101, method="normal")
    assert (low, high) == pytest.approx((0.5 - 1.959963984540054 * 0.05, 0.5 + 1.959963984540054 * 0.05))
    assert np.isnan(proportion_interval(1, 1, method="normal")).all()
    assert np.isnan(proportion_interval(0, 0)).all()
    with pytest.raises(InvalidInputError, match="interval method"):
        proportion_interval(1, 2, method="exact")


def test_unmatched_records_are_counted_or_classed():
    observed = ["10", "2a", "2A", "3C", None, "10"]
    mapped = ["10", "2A", None, "3C", "10", ""]
    r = assess_accuracy(observed, mapped)
    assert r.n == 3
    assert r.unmatched_index.tolist() == [2, 5]
    assert r.missing_observed_index.tolist() == [4]
    assert r.overall == 1.0
    r2 = assess_accuracy(observed, mapped, unmatched_class="none")
    assert r2.n == 5
    assert "NONE" in r2.classes
    assert r2.overall == pytest.approx(3 / 5)
    # producer's accuracy of 10: one of two reference 10s was mapped (the other fell outside)
    assert r2.producers[r2.classes.index("10")] == pytest.approx(0.5)


def test_match_verification_points_and_polygons():
    footprints = [box(0, 0, 10, 10), box(10, 0, 20, 10), box(100, 100, 110, 110)]
    classes = ["10", "2A", "GC"]
    records = [
        shapely.Point(5, 5),  # inside footprint 0
        shapely.Point(10, 5),  # on the shared edge: first listed wins, 2 candidates
        shapely.Point(50, 50),  # outside everything
        box(8, 0, 20, 10),  # overlaps 0 by 20 m², 1 by 100 m²
        box(20, 0, 30, 10),  # only touches footprint 1: no match
        None,
    ]
    m = match_verification(records, footprints, classes)
    assert m.footprint_index.tolist() == [0, 0, -1, 1, -1, -1]
    assert m.mapped.tolist() == ["10", "10", None, "2A", None, None]
    assert m.candidates.tolist() == [1, 2, 0, 2, 0, 0]
    with pytest.raises(InvalidInputError, match="LineString"):
        match_verification([shapely.LineString([(0, 0), (1, 1)])], footprints, classes)
