"""The reference distribution of global Moran's I kept for the report's histogram."""

import numpy as np
import pytest

from minemonitor_plugin.core import spatial_stats as S
from minemonitor_plugin.core import weights as W


def _lattice():
    rows, cols = np.divmod(np.arange(100), 10)
    values = cols + 0.3 * np.random.default_rng(5).normal(size=100)
    return values, W.lattice_weights(rows.astype(float), cols.astype(float), "queen")


def test_simulated_i_are_the_permutation_distribution():
    values, weights = _lattice()
    res = S.global_moran(values, weights, permutations=199, seed=11)
    assert res.sims.shape == (199,)
    assert res.mean_sim == pytest.approx(res.sims.mean())
    assert res.std_sim == pytest.approx(res.sims.std())
    # folded pseudo p recomputed from the kept values: (min(#>=, #<=) + 1) / (permutations + 1)
    n_ge, n_le = np.count_nonzero(res.sims >= res.i), np.count_nonzero(res.sims <= res.i)
    assert res.p_sim == pytest.approx((min(n_ge, n_le) + 1) / 200)
    # under the null the permuted I centre on E[I] = -1/(n-1) with the randomisation variance
    assert abs(res.sims.mean() - res.expected) < 4 * np.sqrt(res.variance_rand / 199) + 1e-12
    # the same seed gives the same distribution
    again = S.global_moran(values, weights, permutations=199, seed=11)
    np.testing.assert_array_equal(again.sims, res.sims)


def test_no_permutations_no_distribution():
    values, weights = _lattice()
    assert S.global_moran(values, weights, permutations=0).sims is None
