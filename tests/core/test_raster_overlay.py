"""Weighted overlay, deterministic sampling, natural breaks and classification."""

import numpy as np
import pytest

from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from minemonitor_plugin.core.raster_overlay import (
    DeterministicSample,
    classify,
    fisher_jenks_breaks,
    overlay_spec,
    parse_weights,
    pixel_keys,
    user_breaks,
    weighted_overlay,
)

A = np.array([[1, 2], [3, 4]], dtype=np.uint8)
B = np.array([[4, 4], [1, 2]], dtype=np.uint8)
C = np.array([[2, 1], [3, 3]], dtype=np.uint8)


def test_plain_sum_is_integer_and_exact():
    res = weighted_overlay([A, B, C], overlay_spec(3))
    np.testing.assert_array_equal(res.values, [[7, 7], [7, 9]])
    assert res.values.dtype.kind == "i"
    assert not res.nodata.any()


def test_nodata_propagates():
    mask_b = np.array([[False, True], [False, False]])
    res = weighted_overlay([A, B, C], overlay_spec(3), nodata=[None, mask_b, None])
    np.testing.assert_array_equal(res.nodata, [[False, True], [False, False]])
    np.testing.assert_array_equal(res.values[~res.nodata], [7, 7, 9])
    f = np.array([[1.0, np.nan], [2.0, 2.0]])
    res = weighted_overlay([f, f], overlay_spec(2))
    np.testing.assert_array_equal(res.nodata, [[False, True], [False, False]])


def test_nodata_skipped_with_renormalised_weights():
    mask_b = np.array([[False, True], [True, False]])
    mask_c = np.array([[False, False], [True, False]])
    res = weighted_overlay([A, B, C], overlay_spec(3, nodata_rule="renormalise"), nodata=[None, mask_b, mask_c])
    # pixel (0,1): (2 + 1) * 3/2 = 4.5; pixel (1,0): only A -> 3 * 3 = 9
    np.testing.assert_allclose(res.values, [[7, 4.5], [9, 9]])
    all_missing = np.ones((2, 2), bool)
    res = weighted_overlay([A, B], overlay_spec(2, nodata_rule="renormalise"), nodata=[all_missing, all_missing])
    assert res.nodata.all()
    # weighted: weights 2, 1, 1; pixel (0,1) without B: (2*2 + 1*1) * 4/3
    res = weighted_overlay([A, B, C], overlay_spec(3, "weighted", "2,1,1", "renormalise"),
                           nodata=[None, mask_b, None])
    np.testing.assert_allclose(res.values[0, 1], (2 * 2 + 1) * 4 / 3)


@pytest.mark.parametrize(
    ("grades", "weights", "expected"),
    [
        # Esri technical article 000008247: 2.6 -> 3 and 2.5 -> 3
        ((2, 4, 2), "50,30,20", 3),
        ((2, 4, 2), "55,25,20", 3),
        # ArcGIS Pro "How Weighted Overlay works" illustration: 2*0.75 + 3*0.25 = 2.25 -> 2
        ((2, 3), "75,25", 2),
        ((1, 2), "50 50", 2),
    ],
)
def test_percent_influence_rounds_like_arcgis(grades, weights, expected):
    arrays = [np.full((1, 1), g, dtype=np.int16) for g in grades]
    res = weighted_overlay(arrays, overlay_spec(len(grades), "percent", weights))
    assert res.values[0, 0] == expected


def test_percent_renormalised_rounding():
    arrays = [np.array([[2]]), np.array([[4]]), np.array([[1]])]
    masks = [None, np.array([[True]]), None]
    res = weighted_overlay(arrays, overlay_spec(3, "percent", "50,30,20", "renormalise"), nodata=masks)
    # (2*50 + 1*20) / 70 = 1.714 -> 2
    assert res.values[0, 0] == 2 and not res.nodata.any()


@pytest.mark.parametrize(
    ("weights", "message"),
    [("50,30,30", "add up to 100"), ("50.5,29.5,20", "whole numbers"), ("50,50", "2 weights were given")],
)
def test_percent_weights_are_validated(weights, message):
    with pytest.raises(InvalidInputError) as err:
        overlay_spec(3, "percent", weights)
    assert message in str(err.value)


def test_percent_refuses_non_integer_grades():
    spec = overlay_spec(2, "percent", "50,50")
    with pytest.raises(InvalidInputError) as err:
        weighted_overlay([np.array([[1.5]]), np.array([[2.0]])], spec, names=["slope", "ndvi"])
    assert "slope" in str(err.value) and "1.5" in str(err.value)


def test_sum_refuses_weights_and_parse_errors():
    with pytest.raises(InvalidInputError):
        overlay_spec(2, "sum", "2,1")
    assert overlay_spec(2, "sum", "1,1").weights == (1.0, 1.0)
    with pytest.raises(InvalidInputError) as err:
        parse_weights("1, x", 2)
    assert "x" in str(err.value)
    assert parse_weights("  ", 3) is None
    assert parse_weights("1;2 3", 3) == (1.0, 2.0, 3.0)


def test_weighted_float_sum_matches_numpy():
    rng = np.random.default_rng(7)
    arrays = [rng.random((5, 6)) for _ in range(4)]
    weights = (0.5, -1.25, 2.0, 0.1)
    res = weighted_overlay(arrays, overlay_spec(4, "weighted", weights))
    expected = np.tensordot(np.array(weights), np.stack(arrays), axes=1)
    np.testing.assert_allclose(res.values, expected, rtol=1e-12)


# ------------------------------------------------------------------------------ sampling
def _blocks(values, rows):
    for r in range(0, values.shape[0], rows):
        yield r, values[r:r + rows]


def test_sample_does_not_depend_on_block_layout():
    rng = np.random.default_rng(3)
    values = rng.integers(13, 53, size=(40, 25)).astype(np.float64)
    nodata = rng.random((40, 25)) < 0.1
    samples = []
    for rows in (1, 7, 40):
        s = DeterministicSample(100, seed=11)
        for r, block in _blocks(values, rows):
            s.add_block(block, nodata[r:r + rows], r, 0, 25)
        samples.append(s.values)
        assert s.population == int((~nodata).sum())
    np.testing.assert_array_equal(samples[0], samples[1])
    np.testing.assert_array_equal(samples[0], samples[2])
    # independent expectation: the 100 valid pixels with the smallest keys
    flat = np.flatnonzero(~nodata.ravel())
    keys = pixel_keys(flat, 11)
    expected = values.ravel()[flat[np.argsort(keys)[:100]]]
    np.testing.assert_array_equal(samples[0], expected)
    other = DeterministicSample(100, seed=12)
    other.add_block(values, nodata, 0, 0, 25)
    assert not np.array_equal(other.values, samples[0])


def test_sample_smaller_population_keeps_everything():
    s = DeterministicSample(1000)
    s.add_block(np.arange(12.0).reshape(3, 4), None, 0, 0, 4)
    np.testing.assert_array_equal(np.sort(s.values), np.arange(12.0))


def _clustered_sample():
    rng = np.random.default_rng(5)
    # four well separated clusters of scores
    values = np.concatenate([rng.integers(22, 28, 3000), rng.integers(40, 45, 2000),
                             rng.integers(60, 65, 2000), rng.integers(80, 90, 3000)]).astype(float)
    grid = rng.permutation(values).reshape(100, 100)
    s = DeterministicSample(300, seed=0)
    for r, block in _blocks(grid, 13):
        s.add_block(block, None, r, 0, 100)
    return s


def test_fisher_jenks_breaks_close_the_clusters_of_the_sample():
    s = _clustered_sample()
    nb = fisher_jenks_breaks(s.values, k=4, population=s.population)
    assert nb.population == 10000 and nb.sample.size == 300 and nb.method == "fisher_jenks"
    # the breaks are the largest sampled value of each of the three lower clusters
    sample = s.values
    assert nb.breaks == (sample[sample < 30].max(), sample[sample < 50].max(), sample[sample < 70].max())


def test_fisher_jenks_breaks_cancel():
    s = _clustered_sample()
    with pytest.raises(CancelledError):
        fisher_jenks_breaks(s.values, k=4, progress=lambda fraction: False)


def test_too_few_distinct_values():
    with pytest.raises(InvalidInputError):
        fisher_jenks_breaks(np.array([1.0, 1.0, 2.0, 2.0]), k=4)


def test_user_breaks_and_upper_inclusive_classes():
    nb = user_breaks("28, 31, 34")
    values = np.array([22, 28, 28.5, 31, 34, 34.01, 52, np.nan])
    classes, mask = classify(values, nb.breaks)
    np.testing.assert_array_equal(classes[:-1], [1, 1, 2, 2, 3, 4, 4])
    assert mask.tolist() == [False] * 7 + [True]
    with pytest.raises(InvalidInputError) as err:
        user_breaks("28, 34, 31")
    assert "34" in str(err.value) and "31" in str(err.value)
