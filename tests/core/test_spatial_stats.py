"""Spatial autocorrelation against published values, hand formulas and Monte Carlo checks.

The comparisons with esda (the oracle) are in ``test_spatial_stats_vs_esda.py``; these tests need no
oracle and always run.
"""

from __future__ import annotations

import numpy as np
import pytest

from minemonitor_plugin.core import spatial_stats as S
from minemonitor_plugin.core import weights as W
from minemonitor_plugin.core.errors import CancelledError, InvalidInputError
from tests.support.lattices import columbus as columbus_data
from tests.support.lattices import lattice as _lattice
from tests.support.lattices import smooth_field as _smooth_field

RTOL = 1e-10  # same quantity computed with a different operation order


@pytest.fixture(scope="module")
def columbus():
    """Columbus centroids and CRIME (tests/core/data/columbus.csv, as in libpysal's example)."""
    return columbus_data()


def _agrees_to_printed_digits(value: float, printed: float, decimals: int) -> bool:
    """Within half a unit of the last printed decimal of a published number."""
    return abs(value - printed) <= 0.5 * 10.0**-decimals


# ---------------------------------------------------------------------------- published values


def test_columbus_crime_knn4_matches_spdep(columbus):
    """R spdep: moran.test(CRIME, nb2listw(knn2nb(knearneigh(cbind(X, Y), k = 4))))."""
    xy, crime = columbus
    res = S.global_moran(crime, W.knn_weights(xy, 4), permutations=0)
    assert _agrees_to_printed_digits(res.i, 0.624933667, 9)
    assert _agrees_to_printed_digits(res.variance_rand, 0.008003503, 9)
    assert _agrees_to_printed_digits(res.z, 7.2183, 4)
    np.testing.assert_allclose(res.expected, -1 / 48, rtol=RTOL)
    assert res.p < 1e-12 and res.n == 49 and res.n_islands == 0


# ---------------------------------------------------------------------------- global


def test_general_g_uses_binary_weights_and_rejects_negative_values(columbus):
    xy, crime = columbus
    w = W.inverse_distance_weights(xy)  # not binary: G must binarise it
    g = S.general_g(crime, w, permutations=0)
    m = w.transformed("B").matrix.toarray()
    expected = (crime @ m @ crime) / (crime.sum() ** 2 - (crime**2).sum())
    np.testing.assert_allclose(g.g, expected, rtol=RTOL)
    with pytest.raises(InvalidInputError, match=r"minimum is -1\.5"):
        S.general_g(crime - crime.min() - 1.5, w, permutations=0)


# ---------------------------------------------------------------------------- local Moran


def test_block_size_and_correction_paths_do_not_change_the_draws():
    w = _lattice(30, 37)
    y = _smooth_field(30, 37, 3)
    m = w.transformed("R").matrix
    z = (y - y.mean()) / y.std()
    lag = m @ z
    big = S.conditional_randomisation(z, m, lag, 199, 9)
    for block in (199 * 7, 199 * 150):  # many entries (cumulative-sum path) and few (loop path)
        small = S.conditional_randomisation(z, m, lag, 199, 9, block_elements=block)
        np.testing.assert_array_equal(small.n_ge, big.n_ge)
        np.testing.assert_allclose(small.mean, big.mean, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(small.std, big.std, rtol=1e-9)
    # Unequal weights within rows take the matrix-product path with per-neighbour corrections.
    uneven = m.copy()
    uneven.data = np.random.default_rng(1).uniform(0.5, 2.0, uneven.nnz)
    lag_uneven = uneven @ z
    ref_uneven = S.conditional_randomisation(z, uneven, lag_uneven, 199, 9)
    for block in (199 * 7, 199 * 150):
        small = S.conditional_randomisation(z, uneven, lag_uneven, 199, 9, block_elements=block)
        np.testing.assert_array_equal(small.n_ge, ref_uneven.n_ge)
        np.testing.assert_allclose(small.std, ref_uneven.std, rtol=1e-9)
    # Brute force for a few features: z without i, then the same position matrix.
    positions = S.permuted_positions(z.size, int(w.cardinalities.max()), 199, 9)
    for matrix, result, observed in ((m, big, lag), (uneven, ref_uneven, lag_uneven)):
        for i in (0, 1, 500, z.size - 1):
            z_wo = np.delete(z, i)
            k = w.cardinalities[i]
            draws = z_wo[positions[:, :k]] @ matrix.data[matrix.indptr[i]:matrix.indptr[i + 1]]
            assert np.count_nonzero(draws >= observed[i]) == result.n_ge[i]
            np.testing.assert_allclose(draws.mean(), result.mean[i], rtol=1e-9, atol=1e-12)
            np.testing.assert_allclose(draws.std(), result.std[i], rtol=1e-9)


def test_local_moran_analytical_moments_match_total_randomisation():
    """E[I_i], Var[I_i] over random permutations of all values (Monte Carlo)."""
    w = _lattice(5, 5)
    y = np.random.default_rng(3).lognormal(0, 1, 25)
    res = S.local_moran(y, w, permutations=0)
    m = w.transformed("R").matrix.toarray()
    z = res.z_values
    rng = np.random.default_rng(0)
    draws = 40000
    perms = np.argsort(rng.random((draws, 25)), axis=1)
    zp = z[perms]
    sims = (25 - 1) * zp * (zp @ m.T) / (z @ z)
    se_mean = np.sqrt(res.variance / draws)
    assert np.all(np.abs(sims.mean(axis=0) - res.expected) < 5 * se_mean)
    np.testing.assert_allclose(sims.var(axis=0), res.variance, rtol=0.06)
    np.testing.assert_allclose(res.z_norm, (res.i - res.expected) / np.sqrt(res.variance), rtol=RTOL)


def test_local_moran_ties_islands_and_fdr():
    w = W.lattice_weights([0, 0, 0, 1, 1, 1, 2, 2, 2, 9], [0, 1, 2, 0, 1, 2, 0, 1, 2, 9], "rook")
    y = np.array([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 5])  # mean 5: features 4 and 9 are at the mean
    res = S.local_moran(y, w, permutations=99, seed=1, fdr=True)
    assert res.n_neighbors[9] == 0 and res.cluster[9] == S.CLUSTER_NO_NEIGHBOURS
    assert res.labels[9] == "NN" and np.isnan(res.i[9]) and np.isnan(res.p_value[9])
    assert res.q[9] == 0
    # A value at the mean has I = 0 for every draw: all ties, p = 1 (esda would say 1/100).
    assert res.p_sim[4] == 1.0
    cut = S.fdr_threshold(res.p_value[:9], 0.05)
    assert np.array_equal(res.significant[:9], res.p_value[:9] <= cut if cut > 0 else np.zeros(9, bool))
    np.testing.assert_allclose(res.lag_values[0], (2 + 4) / 2, rtol=RTOL)


def test_local_moran_cancel_and_validation():
    w = _lattice(10, 10)
    y = _smooth_field(10, 10, 0)
    with pytest.raises(CancelledError):
        S.local_moran(y, w, permutations=99, progress=lambda f: f < 0.5)
    with pytest.raises(InvalidInputError, match="All values are equal"):
        S.local_moran(np.ones(100), w)
    with pytest.raises(InvalidInputError, match="feature 3"):
        S.local_moran(np.r_[y[:3], np.nan, y[4:]], w)
    with pytest.raises(InvalidInputError, match="99 values"):
        S.local_moran(y[:99], w)
    with pytest.raises(InvalidInputError, match="permutations"):
        S.local_moran(y, w, permutations=-1)
    with pytest.raises(InvalidInputError, match="significance level"):
        S.local_moran(y, w, alpha=1.5)


# ---------------------------------------------------------------------------- Gi*


def _textbook_gi_star(y: np.ndarray, dense: np.ndarray) -> np.ndarray:
    """Ord & Getis (1995) eq. 14 with the self weight in the matrix, one feature at a time."""
    n = y.size
    xbar = y.mean()
    s = np.sqrt((y**2).sum() / n - xbar**2)
    out = np.empty(n)
    for i in range(n):
        wi = dense[i]
        num = (wi * y).sum() - xbar * wi.sum()
        den = s * np.sqrt((n * (wi**2).sum() - wi.sum() ** 2) / (n - 1))
        out[i] = num / den
    return out


def test_gi_star_analytical_z_matches_textbook_on_hand_lattice():
    y = np.array([[1.0, 2, 0, 0], [3, 9, 8, 0], [2, 7, 6, 1], [0, 1, 0, 0]]).ravel()
    r, c = np.divmod(np.arange(16), 4)
    w = W.lattice_weights(r, c, "queen")
    adj = np.zeros((16, 16))
    for i in range(16):
        for j in range(16):
            adj[i, j] = float(max(abs(r[i] - r[j]), abs(c[i] - c[j])) <= 1)  # self included
    res = S.gi_star(y, w)
    np.testing.assert_allclose(res.z_norm, _textbook_gi_star(y, adj), rtol=RTOL, atol=1e-12)
    row = adj / adj.sum(axis=1, keepdims=True)
    res_r = S.gi_star(y, w, transform="R")
    np.testing.assert_allclose(res_r.z_norm, _textbook_gi_star(y, row), rtol=RTOL, atol=1e-12)
    np.testing.assert_allclose(res.g, adj @ y / y.sum(), rtol=RTOL)
    # The hot centre (9 among 8, 2, 0, 3, 7, 2, 6, 8 and itself) is hot at 95 % (1.96 < z < 2.576);
    # bins follow the two-sided p thresholds.
    centre = 5
    assert 1.96 < res.z_score[centre] < 2.576 and res.gi_bin[centre] == 2
    expected_bins = np.select(
        [res.p_value < 0.01, res.p_value < 0.05, res.p_value < 0.10], [3, 2, 1], 0
    ) * np.sign(res.z_score)
    np.testing.assert_array_equal(res.gi_bin, expected_bins)


def test_gi_star_islands_and_fdr_bins():
    w = W.lattice_weights([0, 0, 1, 1, 5], [0, 1, 0, 1, 5])
    res = S.gi_star(np.array([1.0, 2, 3, 4, 100]), w)
    assert np.isnan(res.z_score[4]) and res.gi_bin[4] == 0 and res.n_neighbors[4] == 0
    z = np.array([3.0, -2.5, 2.0, 1.7, -0.5, np.nan])
    p = np.array([0.002, 0.012, 0.045, 0.089, 0.6, np.nan])
    np.testing.assert_array_equal(S.gi_bins(z, p), [3, -2, 2, 1, 0, 0])
    # BH per level, m = 5 tests, sorted p 0.002 0.012 0.045 0.089 0.6 against k * alpha / 5:
    # alpha 0.01 keeps 0.002; alpha 0.05 keeps up to 0.012 (0.045 > 0.03); alpha 0.10 keeps up
    # to 0.045 (0.089 > 0.08).
    np.testing.assert_array_equal(S.gi_bins(z, p, fdr=True), [3, -2, 1, 0, 0, 0])


# ---------------------------------------------------------------------------- helpers


def test_fdr_threshold_benjamini_hochberg_1995_example():
    """The 15 p-values of Benjamini & Hochberg (1995, section 4.1): 4 rejections at 0.05."""
    p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240,
         0.4262, 0.5719, 0.6528, 0.7590, 1.000]
    assert S.fdr_threshold(p, 0.05) == 0.0095
    assert S.significant(np.array(p), 0.05, fdr=True).sum() == 4
    assert S.significant(np.array(p), 0.05).sum() == 9
    assert S.fdr_threshold([0.5, 0.9], 0.05) == 0.0


def test_class_shares_counts_and_areas():
    shares = S.class_shares([0, 1, 1, 3, 5], [0, 1, 2, 3, 4, 5], ["", "HH", "LH", "LL", "HL", "NN"],
                            areas=[1.0, 2.0, 3.0, 4.0, 10.0])
    np.testing.assert_array_equal(shares.counts, [1, 2, 0, 1, 0, 1])
    np.testing.assert_allclose(shares.feature_share, [0.2, 0.4, 0, 0.2, 0, 0.2], rtol=RTOL)
    np.testing.assert_allclose(shares.area_share, [0.05, 0.25, 0, 0.2, 0, 0.5], rtol=RTOL)
    assert shares.as_rows()[1][:3] == (1, "HH", 2)
