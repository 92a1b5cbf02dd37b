"""Factor diagnostics (grade histogram, value range, warnings) and the NDVI-trend readings of Table 6."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from minemonitor_plugin.core.errors import InvalidInputError
from minemonitor_plugin.core.factors import (
    DOMINANCE,
    GradeTally,
    class_ranges,
    class_shares,
    diagnose,
    load_alternatives,
    per_year_table,
    table_grades,
)
from minemonitor_plugin.core.grading import grade_array, load_presets


def test_tally_counts_grades_and_value_range_over_blocks():
    tally = GradeTally()
    # two blocks; NoData masked in both the grades and the raw values
    tally.add(np.array([1, 1, 2, 4], dtype=np.int8), np.array([False, False, False, True]),
              np.array([0.5, 0.7, 3.0, 99.0]), np.array([False, False, False, True]))
    tally.add(np.array([[2, 2], [1, 3]], dtype=np.int16), np.zeros((2, 2), dtype=bool),
              np.array([[2.5, np.nan], [-1.25, 6.0]], dtype=np.float32), np.zeros((2, 2), dtype=bool))
    assert tally.counts == {1: 3, 2: 3, 3: 1}  # the masked 4 is not counted
    assert tally.value_min == -1.25 and tally.value_max == 6.0  # NaN ignored, masked 99 ignored
    assert tally.total == 7


def test_tally_on_integer_rasters_and_negative_grades():
    tally = GradeTally()
    tally.add(np.array([-1, 0, 0, 5]), np.zeros(4, dtype=bool), np.array([3, 7, 7, 1], dtype=np.uint8), None)
    assert tally.counts == {-1: 1, 0: 2, 5: 1}
    assert (tally.value_min, tally.value_max) == (1.0, 7.0)


@settings(max_examples=60, deadline=None)
@given(arrays(np.int8, st.integers(0, 300), elements=st.integers(-3, 9)), st.integers(0, 2**31 - 1),
       st.sampled_from([(), (1, 2, 3, 4), (0, 9)]))
def test_tally_equals_numpy_unique(grades, seed, expected):
    """A second method: the block-wise counts (one comparison per expected grade, a histogram of the
    rest) equal numpy.unique on the whole array."""
    rng = np.random.default_rng(seed)
    mask = rng.random(grades.size) < 0.3
    values = rng.normal(size=grades.size)
    tally = GradeTally(expected=expected)
    for chunk in np.array_split(np.arange(grades.size), 3):
        tally.add(grades[chunk], mask[chunk], values[chunk], mask[chunk])
    expected_grades, expected_counts = np.unique(grades[~mask], return_counts=True)
    assert tally.counts == {int(g): int(c) for g, c in zip(expected_grades, expected_counts, strict=True)}
    if (~mask).any():
        assert tally.value_min == pytest.approx(values[~mask].min())
        assert tally.value_max == pytest.approx(values[~mask].max())
    else:
        assert math.isinf(tally.value_min)


def test_ndvi_trend_per_year_reading_leaves_the_upper_grades_empty():
    """The demo's case: real slopes (-0.002 ... +0.045 per year) graded by the printed breaks per year."""
    table = load_presets()["ndvi_trend"].table
    slopes = np.linspace(-0.0025, 0.045, 400)
    res = grade_array(slopes, table)
    tally = GradeTally()
    tally.add(res.grades, res.nodata, slopes, None)
    dx = diagnose("NDVI change trend", tally, table_grades(table))
    assert dx.empty_grades == (3, 4)
    assert dx.warn
    # hand count: slopes below 0.0025 are grade 2, the rest grade 1
    n2 = int(np.count_nonzero(slopes < 0.0025))
    assert dict(zip(dx.grades, dx.counts, strict=True)) == {1: 400 - n2, 2: n2, 3: 0, 4: 0}
    assert (dx.value_min, dx.value_max) == (pytest.approx(-0.0025), pytest.approx(0.045))


def test_dominant_grade_warns_above_95_percent():
    tally = GradeTally(counts={1: 951, 2: 20, 3: 20, 4: 9})
    dx = diagnose("Slope", tally, (1, 2, 3, 4))
    assert dx.dominant_grade == 1 and dx.dominant_share == pytest.approx(0.951)
    assert dx.empty_grades == () and dx.warn
    fine = diagnose("Slope", GradeTally(counts={1: 949, 2: 20, 3: 22, 4: 9}), (1, 2, 3, 4))
    assert not fine.warn and fine.dominant_share == pytest.approx(0.949)
    assert fine.dominant_share < DOMINANCE < dx.dominant_share


def test_grade_outside_the_table_is_listed_but_not_expected():
    dx = diagnose("Land use", GradeTally(counts={0: 5, 1: 5, 2: 5}), (1, 2, 3))
    assert dx.grades == (0, 1, 2, 3)
    assert dx.empty_grades == (3,)


def test_no_pixel_at_all():
    dx = diagnose("Empty", GradeTally(), (1, 2))
    assert dx.total == 0 and dx.empty_grades == (1, 2) and dx.warn
    assert math.isnan(dx.value_min) and dx.dominant_grade is None


def test_dominance_must_be_sensible():
    with pytest.raises(InvalidInputError):
        diagnose("x", GradeTally(), (1,), dominance=0.2)


def test_period_reading_divides_the_breaks_by_the_period_length():
    preset, factor, per_period = load_alternatives()["ndvi_trend_period"]
    assert factor == "ndvi_trend" and per_period
    assert "period" in preset.unit and preset.note
    # same printed numbers as the per-year preset (inner breaks swapped), read over the period
    assert preset.table.as_matrix() == load_presets()["ndvi_trend"].table.as_matrix()
    table = per_year_table(preset.table, 22.0)
    np.testing.assert_allclose(table.edges[1:-1], [-0.17 / 22, -0.12 / 22, 0.0025 / 22])
    # per-year slopes of real vegetation now reach all four grades (hand values)
    slopes = np.array([-0.009, -0.0060, -0.001, 0.0002])
    np.testing.assert_array_equal(grade_array(slopes, table).grades, [4, 3, 2, 1])
    with pytest.raises(InvalidInputError):
        per_year_table(preset.table, 0.0)


def test_class_ranges_and_shares():
    assert class_ranges([28, 31, 34], 13.0, 45.0) == [(13.0, 28.0), (28.0, 31.0), (31.0, 34.0), (34.0, 45.0)]
    shares = class_shares({1: 1, 2: 3})
    assert shares == {1: 25.0, 2: 75.0}
    assert class_shares({1: 0}) == {1: 0.0}
