"""Grading by threshold tables and categorical mappings; the Table 6 presets."""

import math

import numpy as np
import pytest

from minemonitor_plugin.core.errors import InvalidInputError
from minemonitor_plugin.core.grading import (
    CategoricalTable,
    ThresholdTable,
    categorical_table,
    grade_array,
    load_presets,
    output_dtype,
    rows_from_matrix,
    table_from_breaks,
    threshold_table,
)

INF = math.inf
# Soil moisture of Table 6: <0.2 -> 4, 0.2~0.28 -> 3, 0.28~0.35 -> 2, >=0.35 -> 1
MOISTURE = [(None, 0.2, 4), (0.2, 0.28, 3), (0.28, 0.35, 2), (0.35, None, 1)]


def test_lower_inclusive_edges_follow_the_printed_table():
    table = threshold_table(MOISTURE)
    values = np.array([0.05, 0.1999, 0.2, 0.2799, 0.28, 0.3499, 0.35, 0.9])
    res = grade_array(values, table)
    # hand reading of Table 6: a value on a break belongs to the row that starts there
    np.testing.assert_array_equal(res.grades, [4, 4, 3, 3, 2, 2, 1, 1])
    assert not res.nodata.any()
    assert res.outside == 0


def test_upper_inclusive_edges():
    table = threshold_table(MOISTURE, closed="upper")
    res = grade_array(np.array([0.2, 0.28, 0.35, 0.3501]), table)
    np.testing.assert_array_equal(res.grades, [4, 3, 2, 1])


def test_rows_in_any_order_and_descending_direction():
    shuffled = [MOISTURE[2], MOISTURE[0], MOISTURE[3], MOISTURE[1]]
    table = threshold_table(shuffled)
    assert [r.grade for r in table.rows] == [4, 3, 2, 1]
    assert table.direction == "descending"
    assert threshold_table([(0, 1, 1), (1, 2, 2)]).direction == "ascending"
    assert threshold_table([(0, 1, 1), (1, 2, 3), (2, 3, 2)]).direction == "mixed"


def test_outside_values_become_nodata_or_the_stated_grade_never_zero():
    slope = threshold_table([(0, 5, 1), (5, 10, 2), (10, 25, 3), (25, None, 4)])
    values = np.array([-1.0, 0.0, 4.99, 5.0, 25.0, 89.0])
    res = grade_array(values, slope)
    assert res.outside == 1
    np.testing.assert_array_equal(res.nodata, [True, False, False, False, False, False])
    np.testing.assert_array_equal(res.grades[1:], [1, 1, 2, 4, 4])
    stated = grade_array(values, slope, outside_grade=9)
    assert not stated.nodata.any()
    assert stated.grades[0] == 9
    # a finite last upper bound is excluded under the lower rule
    bounded = threshold_table([(0, 5, 1), (5, 10, 2)])
    res = grade_array(np.array([10.0, 9.99]), bounded)
    np.testing.assert_array_equal(res.nodata, [True, False])


def test_nan_and_input_nodata_stay_nodata():
    table = threshold_table(MOISTURE)
    values = np.array([[0.1, np.nan], [0.3, 0.5]])
    mask = np.array([[False, False], [True, False]])
    res = grade_array(values, table, nodata=mask, outside_grade=7)
    np.testing.assert_array_equal(res.nodata, [[False, True], [True, False]])
    assert res.outside == 0
    assert res.grades[0, 0] == 4 and res.grades[1, 1] == 1


def test_overlapping_rows_are_refused_naming_them():
    # Table 6 slope exactly as printed: 10~25 and 5~15 overlap
    printed = [(25, None, 4), (10, 25, 3), (5, 15, 2), (0, 5, 1)]
    with pytest.raises(InvalidInputError) as err:
        threshold_table(printed)
    assert "Rows 3 and 2" in str(err.value)
    assert "overlap" in str(err.value)
    assert "5..15" in str(err.value) and "10..25" in str(err.value)


def test_gaps_are_refused_naming_the_rows():
    with pytest.raises(InvalidInputError) as err:
        threshold_table([(0, 5, 1), (6, 10, 2)])
    assert "Rows 1 and 2" in str(err.value)
    assert "gap between 5 and 6" in str(err.value)


def test_backwards_row_is_refused():
    # Table 6 NDVI trend as printed: "-0.12 ~ -0.17"
    with pytest.raises(InvalidInputError) as err:
        threshold_table([(None, -0.12, 4), (-0.12, -0.17, 3), (-0.17, 0.0025, 2), (0.0025, None, 1)])
    assert "Row 2" in str(err.value)
    assert "-0.12" in str(err.value) and "-0.17" in str(err.value)


@pytest.mark.parametrize("bad", [[(0, "x", 1)], [(0, 1, 1.5)], [(0, 1)], []])
def test_malformed_rows_are_refused(bad):
    with pytest.raises(InvalidInputError):
        threshold_table(bad)


def test_table_from_breaks_matches_explicit_rows():
    desc = table_from_breaks([200, 300, 400], "descending")
    assert desc == threshold_table([(None, 200, 4), (200, 300, 3), (300, 400, 2), (400, None, 1)])
    asc = table_from_breaks([5, 10, 25], "ascending", lower=0)
    assert [(r.lower, r.upper, r.grade) for r in asc.rows] == [(0, 5, 1), (5, 10, 2), (10, 25, 3), (25, INF, 4)]


def test_matrix_round_trip():
    table = threshold_table(MOISTURE)
    flat = table.as_matrix()
    assert flat[:3] == ["", "0.2", "4"]
    assert threshold_table(rows_from_matrix(flat, 3)) == table
    with pytest.raises(InvalidInputError):
        rows_from_matrix(flat[:-1], 3)


def test_categorical_mapping():
    table = categorical_table([(1, 1), (2, 2), (3, 3), (4, 4), (5, 4), (6, 4)])
    values = np.array([[1, 2, 6], [7, 0, 5]], dtype=np.uint8)
    res = grade_array(values, table)
    np.testing.assert_array_equal(res.nodata, [[False, False, False], [True, True, False]])
    np.testing.assert_array_equal(res.grades[~res.nodata], [1, 2, 4, 4])
    assert res.outside == 2
    res = grade_array(values.astype(float), table, outside_grade=1)
    np.testing.assert_array_equal(res.grades, [[1, 2, 4], [1, 1, 4]])


def test_categorical_duplicates_refused():
    with pytest.raises(InvalidInputError) as err:
        categorical_table([(1, 1), (2, 2), (1, 3)])
    assert "Rows 1 and 3" in str(err.value)


def test_output_dtype():
    assert output_dtype(threshold_table(MOISTURE)) == ("uint8", 255)
    assert output_dtype(threshold_table(MOISTURE), outside_grade=-1) == ("int16", -32768)
    assert output_dtype(categorical_table([(1, 300)])) == ("int16", -32768)


# ---------------------------------------------------------------------------- Table 6 presets
PRESETS = load_presets()


def test_presets_cover_the_13_factors_of_table_6():
    assert len(PRESETS) == 13
    for preset in PRESETS.values():
        grades = set(preset.table.grades)
        assert grades == {1, 2, 3, 4}, preset.key
        assert preset.note, preset.key


def test_threshold_presets_are_monotone_and_contiguous():
    for preset in PRESETS.values():
        if isinstance(preset.table, ThresholdTable):
            table = preset.table
            assert table.direction in ("ascending", "descending"), preset.key
            edges = table.edges
            assert np.all(np.diff(edges) > 0), preset.key
            # re-validating the rows (gaps/overlaps) must give the same table back
            assert threshold_table([(r.lower, r.upper, r.grade) for r in table.rows]) == table
        else:
            assert isinstance(preset.table, CategoricalTable)


@pytest.mark.parametrize(
    ("key", "values", "expected"),
    [
        # hand readings of the printed Table 6 cells
        ("precipitation", [150, 200, 299.9, 300, 400, 800], [4, 3, 3, 2, 1, 1]),
        ("evapotranspiration", [50, 80, 130, 199, 200], [1, 2, 3, 3, 4]),
        ("wind_speed", [2.79, 2.8, 3.6, 4.7], [1, 2, 3, 4]),
        ("sand", [10, 20, 40, 70, 95], [1, 2, 3, 4, 4]),
        ("silt", [4, 5, 22, 33], [1, 2, 3, 4]),
        ("clay", [7, 8, 19, 24], [4, 3, 2, 1]),
        ("ndvi_mean", [0.1, 0.2, 0.4, 0.6], [4, 3, 2, 1]),
        # the two printings that needed reading (see the preset notes)
        ("slope", [0, 4.9, 5, 9.9, 10, 24.9, 25, 60], [1, 1, 2, 2, 3, 3, 4, 4]),
        ("ndvi_trend", [-0.3, -0.17, -0.13, -0.12, 0.0, 0.0025, 0.1], [4, 3, 3, 2, 2, 1, 1]),
        ("erosion", [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 4, 4]),
        ("geohazard", [1, 2, 3, 4], [1, 2, 3, 4]),
        ("mining_occupation", [1, 2, 3, 5, 6], [3, 4, 4, 1, 2]),
    ],
)
def test_preset_grades(key, values, expected):
    res = grade_array(np.array(values, dtype=float), PRESETS[key].table)
    assert not res.nodata.any()
    np.testing.assert_array_equal(res.grades, expected)


def test_water_is_outside_the_occupation_table():
    res = grade_array(np.array([4.0]), PRESETS["mining_occupation"].table)
    assert res.nodata.all() and res.outside == 1


@pytest.mark.parametrize("dtype", ["float32", "float64", "int16", "uint8", "int32"])
@pytest.mark.parametrize("closed", ["lower", "upper"])
def test_grading_matches_searchsorted_in_double_precision(dtype, closed):
    # second method: numpy searchsorted on the values converted to float64
    rng = np.random.default_rng(11)
    edges = [-INF, 0.7, 2.5, 7.0, 40.3, 100.0]
    rows = [(edges[k], edges[k + 1], g) for k, g in enumerate([5, 3, 9, 1, 2])]
    table = threshold_table(rows, closed=closed)
    raw = np.concatenate([rng.uniform(-5, 120, 5000), [0.7, 2.5, 7.0, 40.3, 100.0, 2, 3, 40, 41]])
    values = raw.astype(dtype) if dtype.startswith("float") else np.clip(np.round(raw), 0, 120).astype(dtype)
    res = grade_array(values, table)
    idx = np.searchsorted(np.array(edges), values.astype(np.float64), side="right" if closed == "lower" else "left") - 1
    inside = (idx >= 0) & (idx < 5)
    np.testing.assert_array_equal(res.nodata, ~inside)
    np.testing.assert_array_equal(res.grades[inside], np.array([5, 3, 9, 1, 2])[idx[inside]])


def test_float32_value_below_a_break_it_prints_as():
    # float32(0.7) is 0.699999988...: below the break 0.7, as QGIS's Reclassify by table (double) says
    table = threshold_table([(None, 0.7, 1), (0.7, None, 2)])
    res = grade_array(np.array([np.float32(0.7), np.float32(0.7000001)], dtype=np.float32), table)
    np.testing.assert_array_equal(res.grades, [1, 2])


def test_categorical_codes_that_the_type_cannot_hold_never_match():
    table = categorical_table([(0.1, 1), (300, 2), (2.5, 3), (7, 4)])
    f32 = grade_array(np.array([np.float32(0.1), 7.0], dtype=np.float32), table)
    np.testing.assert_array_equal(f32.nodata, [True, False])  # float32(0.1) != 0.1
    u8 = grade_array(np.array([7, 44], dtype=np.uint8), table)  # 300 and 2.5 cannot be uint8 values
    np.testing.assert_array_equal(u8.nodata, [False, True])
    assert u8.grades[0] == 4


@pytest.mark.parametrize("grades", [[5, 3, 9, 1, 2], [-30000, 30000, -32000, 200, 32767]])
def test_grades_of_any_size_step_exactly(grades):
    # one-byte grades are stepped in int8, others in int16, where steps beyond the type's range
    # (-30000 -> 30000) wrap and land on the grade; second method: a lookup by searchsorted
    edges = [-INF, 0.0, 10.0, 20.0, 30.0, INF]
    table = threshold_table([(edges[k], edges[k + 1], g) for k, g in enumerate(grades)])
    values = np.linspace(-5, 35, 4001).astype(np.float32)
    res = grade_array(values, table)
    expected = np.array(grades)[np.searchsorted(np.array(edges), values.astype(np.float64), side="right") - 1]
    np.testing.assert_array_equal(res.grades, expected)
    assert res.grades.dtype == (np.int8 if max(map(abs, grades)) <= 127 else np.int16)
    cat = categorical_table([(k, g) for k, g in enumerate(grades)])
    codes = np.arange(-1, 7, dtype=np.int16)
    res = grade_array(codes, cat, outside_grade=grades[0])
    np.testing.assert_array_equal(res.grades, [grades[0]] + grades + [grades[0]] * 2)


def test_nan_in_nodata_trusts_the_callers_mask():
    table = threshold_table(MOISTURE)
    values = np.array([0.1, np.nan, 0.3], dtype=np.float32)
    mask = np.isnan(values)
    res = grade_array(values, table, mask, nan_in_nodata=True)
    np.testing.assert_array_equal(res.nodata, [False, True, False])
    np.testing.assert_array_equal(res.grades[~res.nodata], [4, 2])
    assert not mask[0] and mask[1]  # the caller's mask is left as it was
